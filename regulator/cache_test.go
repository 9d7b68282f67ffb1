package regulator_test

import (
	"sync"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two predicates under one name but matching different parties must not
// share a cached answer; two built alike under different names must.
func TestWorldCacheKeysOnWhatPredicatesMatch(t *testing.T) {
	us, cn := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN")
	reg, err := parties.New([]parties.Party{
		{ID: "s", Jurisdiction: us},
		{ID: "a", Jurisdiction: us},
		{ID: "b", Jurisdiction: cn},
	}, []parties.Stake{
		{Holder: "a", Subject: "s", Economic: parties.MustParseShare("40%")},
		{Holder: "b", Subject: "s", Economic: parties.MustParseShare("60%")},
	})
	require.NoError(t, err)
	w := regulator.NewWorld(regulator.Facts{Register: reg, Target: "s"})
	for _, tc := range []struct {
		name string
		pred parties.Predicate
		want string
	}{
		{"US under a shared name", parties.In(us, parties.Seat).WithName("g"), "0.4"},
		{"CN under the same name", parties.In(cn, parties.Seat).WithName("g"), "0.6"},
		{"a Match under the same name", parties.Match("g", func(p parties.Party) bool { return p.ID == "a" }), "0.4"},
		{"another Match under the same name", parties.Match("g", func(p parties.Party) bool { return p.ID == "b" }), "0.6"},
		{"a nil Match", parties.Match("g", nil), "0"},
		{"US again, another name", parties.In(us, parties.Seat).WithName("US parties"), "0.4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, err := w.OwnedBy("", tc.pred, parties.Direct())
			require.NoError(t, err)
			assert.True(t, o.Share.Equal(parties.MustParseShare(tc.want)), "got %s", o.Share)
			assert.Equal(t, tc.pred.Name(), o.Predicate)
		})
	}
	assert.Equal(t, parties.In(us, parties.Seat).Key(), parties.In(us, parties.Seat).WithName("x").Key())
	assert.NotEqual(t, parties.In(us, parties.Seat).Key(), parties.In(us, parties.Either).Key())
	assert.NotEqual(t, parties.Tagged("a,b").Key(), parties.AnyOf(parties.Tagged("a"), parties.Tagged("b")).Key())
}

// A negated term test says what it needs instead of wrapping the plain
// text in a "not".
func TestNotTermText(t *testing.T) {
	w := regulator.NewWorld(regulator.Facts{Terms: regulator.NewTerms(map[string]regulator.Value{
		"algorithm": regulator.Bool(true), "markets": regulator.Set("US", "CA"),
	})})
	for _, tc := range []struct {
		name  string
		c     regulator.Condition
		truth parties.Truth
		text  string
	}{
		{"equals", regulator.Not(regulator.TermIs("algorithm", regulator.Bool(true))), parties.Fails,
			"algorithm is yes; the rule needs anything but yes: fails"},
		{"equals, other value", regulator.Not(regulator.TermIs("algorithm", regulator.Bool(false))), parties.Holds,
			"algorithm is yes; the rule needs anything but no: holds"},
		{"contains", regulator.Not(regulator.TermContains("markets", "NZ")), parties.Holds,
			"markets is {CA, US}; the rule needs it not to include NZ: holds"},
		{"missing", regulator.Not(regulator.TermIs("price", regulator.Text("x"))), parties.Holds,
			"the deal does not give price; the rule needs anything but x: holds"},
		{"present", regulator.Not(regulator.TermPresent("algorithm")), parties.Fails,
			"the deal gives algorithm = yes; the rule needs it not to be given: fails"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.c.Eval(w)
			assert.Equal(t, tc.truth, e.Truth)
			assert.Equal(t, tc.text, e.Text)
		})
	}
}

// Gates assessed at once from several goroutines on one World share its
// cached look-through answers and explanations, and explain exactly as on a
// World of their own.
func TestWorldConcurrentAssessments(t *testing.T) {
	facts := benchFacts(t, 100)
	gates := benchGates(t, 20)
	want := make([]string, len(gates))
	for i, g := range gates {
		want[i] = g.Assess(regulator.NewWorld(facts)).Text
	}
	w := regulator.NewWorld(facts)
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for k := range got {
		wg.Go(func() {
			for i := range gates {
				g := gates[(i+5*k)%len(gates)]
				got[k] = append(got[k], g.ID()+": "+g.Assess(w).Text)
			}
		})
	}
	wg.Wait()
	for k := range got {
		for i, text := range got[k] {
			j := (i + 5*k) % len(gates)
			assert.Equal(t, gates[j].ID()+": "+want[j], text)
		}
	}
}
