package regulator_test

import (
	"sync"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOwnedTikTokGlobal checks the figures and words of a look-through test
// on the TikTok Global register: US parties hold 12.5% + 7.5% directly and
// 80% × 40%–41% = 32%–32.8% through ByteDance, 52.0%–52.8% in all.
func TestOwnedTikTokGlobal(t *testing.T) {
	w := tiktokWorld(t, nil)
	cnParties := parties.In(cn, parties.Seat)
	tests := []struct {
		name  string
		rule  regulator.OwnershipRule
		truth regulator.Truth
		text  string
	}{
		{
			name:  "majority US looking through",
			rule:  regulator.OwnershipRule{Holders: usParties, Threshold: parties.Majority},
			truth: Holds,
			text:  "US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs more than 50%: holds",
		},
		{
			name:  "a range straddling the threshold is open",
			rule:  regulator.OwnershipRule{Holders: usParties, Threshold: threshold(parties.AtLeast, "0.525")},
			truth: Open,
			text:  "US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs at least 52.5%: open",
		},
		{
			name:  "a range below the threshold fails",
			rule:  regulator.OwnershipRule{Holders: usParties, Threshold: threshold(parties.MoreThan, "0.528")},
			truth: Fails,
			text:  "US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs more than 52.8%: fails",
		},
		{
			name:  "US parties directly",
			rule:  regulator.OwnershipRule{Holders: usParties, Method: parties.Direct(), Threshold: parties.Majority},
			truth: Fails,
			text:  "US parties (seat) hold 20% of TikTok Global directly; the rule needs more than 50%: fails",
		},
		{
			name:  "a matching holder counts whole and is not looked through",
			rule:  regulator.OwnershipRule{Holders: cnParties, Threshold: threshold(parties.LessThan, "0.2")},
			truth: Fails,
			text:  "CN parties (seat) hold 80% of TikTok Global looking through; the rule needs less than 20%: fails",
		},
		{
			name:  "another subject",
			rule:  regulator.OwnershipRule{Subject: "bytedance", Holders: usParties, Threshold: threshold(parties.AtMost, "0.41")},
			truth: Holds,
			text:  "US parties (seat) hold 40%–41% of ByteDance Ltd. looking through; the rule needs at most 41%: holds",
		},
		{
			name:  "full attribution",
			rule:  regulator.OwnershipRule{Holders: cnParties, Method: parties.Attribution(parties.Majority), Threshold: threshold(parties.AtLeast, "0.25")},
			truth: Holds,
			text:  "CN parties (seat) hold 80% of TikTok Global with full attribution through controlled entities (more than 50%); the rule needs at least 25%: holds",
		},
		{
			// Walmart's 7.5% link does not count: 12.5% + 32%–32.8%.
			name:  "rolling",
			rule:  regulator.OwnershipRule{Holders: usParties, Method: parties.Rolling(threshold(parties.MoreThan, "0.1")), Threshold: threshold(parties.AtLeast, "0.125")},
			truth: Holds,
			text:  "US parties (seat) hold 44.5%–45.3% of TikTok Global counting only links more than 10%; the rule needs at least 12.5%: holds",
		},
		{
			name:  "an unknown subject is open",
			rule:  regulator.OwnershipRule{Subject: "nobody", Holders: usParties, Threshold: parties.Majority},
			truth: Open,
			text:  `the share of nobody held by US parties (seat) cannot be computed (parties: party "nobody": unknown party): open`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := regulator.Owned(tc.rule).Eval(w)
			assert.Equal(t, tc.truth, e.Truth)
			assert.Equal(t, tc.text, e.Text)
		})
	}
	assert.Equal(t, "US parties (seat) hold more than 50% of the target looking through",
		regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: parties.Majority}).String())
	assert.Equal(t, "US parties (seat) hold at least 20% of bytedance directly",
		regulator.Owned(regulator.OwnershipRule{Subject: "bytedance", Holders: usParties, Method: parties.Direct(), Threshold: threshold(parties.AtLeast, "0.2")}).String())
}

// TestOwnedThresholdEdges checks "at least" against "more than" where the
// share is exactly the threshold, and intervals that straddle or touch it.
// CN Parent holds 50% of Mid, which holds 40% of Target: 20% exactly,
// looking through.
func TestOwnedThresholdEdges(t *testing.T) {
	ps := []parties.Party{
		{ID: "target", Name: "Target", Jurisdiction: us},
		{ID: "mid", Name: "Mid", Jurisdiction: us},
		{ID: "cn-parent", Name: "CN Parent", Jurisdiction: cn},
		{ID: "us-holder", Name: "US Holder", Jurisdiction: us},
	}
	world := func(t *testing.T, parentInMid parties.Share) *regulator.World {
		reg := register(t, ps,
			parties.Stake{Holder: "mid", Subject: "target", Economic: parties.Exact(d("0.4"))},
			parties.Stake{Holder: "us-holder", Subject: "target", Economic: parties.Exact(d("0.6"))},
			parties.Stake{Holder: "cn-parent", Subject: "mid", Economic: parentInMid},
		)
		return regulator.NewWorld(regulator.Facts{Register: reg, Target: "target"})
	}
	cnParties := parties.In(cn, parties.Seat).WithName("Chinese persons")
	tests := []struct {
		name        string
		parentInMid parties.Share
		op          parties.Comparison
		truth       regulator.Truth
		text        string
	}{
		{"exactly 20%, at least 20%", parties.Exact(d("0.5")), parties.AtLeast, Holds,
			"Chinese persons hold 20% of Target looking through; the rule needs at least 20%: holds"},
		{"exactly 20%, more than 20%", parties.Exact(d("0.5")), parties.MoreThan, Fails,
			"Chinese persons hold 20% of Target looking through; the rule needs more than 20%: fails"},
		{"exactly 20%, at most 20%", parties.Exact(d("0.50")), parties.AtMost, Holds,
			"Chinese persons hold 20% of Target looking through; the rule needs at most 20%: holds"},
		{"exactly 20%, less than 20%", parties.Exact(d("0.500")), parties.LessThan, Fails,
			"Chinese persons hold 20% of Target looking through; the rule needs less than 20%: fails"},
		{"straddling, at least", parties.Between(d("0.45"), d("0.55")), parties.AtLeast, Open,
			"Chinese persons hold 18%–22% of Target looking through; the rule needs at least 20%: open"},
		{"straddling, more than", parties.Between(d("0.45"), d("0.55")), parties.MoreThan, Open,
			"Chinese persons hold 18%–22% of Target looking through; the rule needs more than 20%: open"},
		{"up to 20%, at least", parties.Between(d("0.45"), d("0.5")), parties.AtLeast, Open,
			"Chinese persons hold 18%–20% of Target looking through; the rule needs at least 20%: open"},
		{"up to 20%, more than", parties.Between(d("0.45"), d("0.5")), parties.MoreThan, Fails,
			"Chinese persons hold 18%–20% of Target looking through; the rule needs more than 20%: fails"},
		{"from 20%, at least", parties.Between(d("0.5"), d("0.55")), parties.AtLeast, Holds,
			"Chinese persons hold 20%–22% of Target looking through; the rule needs at least 20%: holds"},
		{"from 20%, more than", parties.Between(d("0.5"), d("0.55")), parties.MoreThan, Open,
			"Chinese persons hold 20%–22% of Target looking through; the rule needs more than 20%: open"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := world(t, tc.parentInMid)
			rule := regulator.OwnershipRule{Holders: cnParties, Threshold: threshold(tc.op, "0.2")}
			e := regulator.Owned(rule).Eval(w)
			assert.Equal(t, tc.truth, e.Truth)
			assert.Equal(t, tc.text, e.Text)
		})
	}
}

func TestWorldOwnedByIsSharedAndCopied(t *testing.T) {
	w := tiktokWorld(t, nil)
	o, err := w.OwnedBy("", usParties, parties.Proportional())
	require.NoError(t, err)
	require.Equal(t, parties.ID("tiktok-global"), o.Subject)
	require.True(t, o.Share.Equal(parties.Between(d("0.52"), d("0.528"))), "share %s", o.Share)
	require.Len(t, o.Holders, 3)
	o.Holders[0] = parties.Interest{Party: "changed"}

	again, err := w.OwnedBy("tiktok-global", usParties, parties.Proportional())
	require.NoError(t, err)
	assert.Equal(t, parties.ID("oracle"), again.Holders[0].Party, "the cache is not changed through a result")
	requireDecimal(t, d("0.125"), again.Holders[0].Share.Min())

	cs, err := w.Controllers("", parties.Threshold{})
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, parties.ID("bytedance"), cs[0].Party)
	cs[0].Party = "changed"
	cs, err = w.Controllers("", parties.Threshold{})
	require.NoError(t, err)
	assert.Equal(t, parties.ID("bytedance"), cs[0].Party)

	_, err = emptyWorld().OwnedBy("x", usParties, parties.Proportional())
	require.Error(t, err)
	_, err = emptyWorld().Controllers("x", parties.Threshold{})
	require.Error(t, err)
}

// TestWorldConcurrent evaluates conditions sharing look-through results from
// many goroutines; run with -race.
func TestWorldConcurrent(t *testing.T) {
	w := tiktokWorld(t, nil)
	cond := regulator.And(
		regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: parties.Majority}),
		regulator.Controlled("", parties.In(cn, parties.Seat), parties.Threshold{}),
	)
	want := cond.Eval(tiktokWorld(t, nil)).Text
	var wg sync.WaitGroup
	texts := make([]string, 16)
	for i := range texts {
		wg.Go(func() { texts[i] = cond.Eval(w).Text })
	}
	wg.Wait()
	for _, got := range texts {
		assert.Equal(t, want, got)
	}
}

func TestWorldAccessors(t *testing.T) {
	reg := tiktokGlobal(t)
	acq := []parties.ID{"oracle"}
	shanghai := time.FixedZone("CST", 8*3600)
	w := regulator.NewWorld(regulator.Facts{
		Register:  reg,
		Target:    "tiktok-global",
		Acquirers: acq,
		Terms:     regulator.NewTerms(map[string]regulator.Value{"price": regulator.Number(d("1"))}),
		AsOf:      time.Date(2020, 8, 28, 1, 30, 0, 0, shanghai),
	})
	acq[0] = "changed"
	assert.Same(t, reg, w.Register())
	assert.Equal(t, parties.ID("tiktok-global"), w.Target())
	assert.Equal(t, []parties.ID{"oracle"}, w.Acquirers())
	assert.Equal(t, 1, w.Terms().Len())
	assert.Equal(t, date(2020, 8, 28), w.AsOf(), "the date in the time's own location")
}

func TestControlled(t *testing.T) {
	w := tiktokWorld(t, nil)
	cnParties := parties.In(cn, parties.Seat)
	e := regulator.Controlled("", cnParties, parties.Threshold{}).Eval(w)
	assert.Equal(t, Holds, e.Truth)
	assert.Equal(t, "ByteDance Ltd. (CN parties (seat)) controls TikTok Global (more than 50% of the votes): holds", e.Text)

	e = regulator.Controlled("tiktok-global", usParties, parties.Threshold{}).Eval(w)
	assert.Equal(t, Fails, e.Truth)
	assert.Equal(t, "no party among US parties (seat) controls TikTok Global (more than 50% of the votes): fails", e.Text)

	e = regulator.Controlled("bytedance", usParties, threshold(parties.AtLeast, "0.405")).Eval(w)
	assert.Equal(t, Open, e.Truth, "US investors hold 40%%–41%% of the votes")
	assert.Equal(t, "US institutional investors (US parties (seat)) may control ByteDance Ltd. (at least 40.5% of the votes): open", e.Text)

	assert.Equal(t, "CN parties (seat) control the target (more than 50% of the votes)",
		regulator.Controlled("", cnParties, parties.Threshold{}).String())
	assert.Equal(t, "US parties (seat) control bytedance (at least 25% of the votes)",
		regulator.Controlled("bytedance", usParties, threshold(parties.AtLeast, "0.25")).String())

	// Control through a controlled entity: Parent holds 60% of Mid, which
	// holds 60% of Target.
	reg := register(t, []parties.Party{{ID: "target"}, {ID: "mid", Jurisdiction: us}, {ID: "parent", Name: "Parent", Jurisdiction: cn}},
		parties.Stake{Holder: "mid", Subject: "target", Economic: parties.Exact(d("0.6"))},
		parties.Stake{Holder: "parent", Subject: "mid", Economic: parties.Exact(d("0.6"))},
	)
	w = regulator.NewWorld(regulator.Facts{Register: reg, Target: "target"})
	assert.Equal(t, Holds, regulator.Controlled("", cnParties, parties.Threshold{}).Eval(w).Truth)

	e = regulator.Controlled("nobody", cnParties, parties.Threshold{}).Eval(w)
	assert.Equal(t, Open, e.Truth)
	assert.Contains(t, e.Text, "control of nobody cannot be computed")

	e = regulator.Controlled("", cnParties, parties.Threshold{}).Eval(emptyWorld())
	assert.Equal(t, Open, e.Truth)
	assert.Contains(t, e.Text, "the world has no register")
}

func TestPartyIs(t *testing.T) {
	w := tiktokWorld(t, nil)
	tests := []struct {
		name  string
		c     regulator.Condition
		truth regulator.Truth
		text  string
	}{
		{"the target", regulator.PartyIs("", usParties), Holds, "TikTok Global is among US parties (seat): holds"},
		{"by seat", regulator.PartyIs("bytedance", parties.In(cn, parties.Seat)), Holds, "ByteDance Ltd. is among CN parties (seat): holds"},
		{"by incorporation", regulator.PartyIs("bytedance", parties.In(cn, parties.Incorporation)), Fails, "ByteDance Ltd. is among CN parties (incorporation): fails"},
		{"by kind", regulator.PartyIs("founders", parties.OfKind(parties.Person)), Holds, "Founders is among kind person: holds"},
		{"by tag", regulator.PartyIs("oracle", parties.Tagged("cloud")), Holds, "Oracle is among tagged cloud: holds"},
		{"unknown party", regulator.PartyIs("acme", usParties), Fails, `party "acme" is not in the register: fails`},
		{"an acquirer", regulator.AcquirerIs(parties.Tagged("cloud")), Holds, "acquirer Oracle is among tagged cloud: holds"},
		{"no acquirer", regulator.AcquirerIs(parties.In(cn, parties.Seat)), Fails, "no acquirer is among CN parties (seat): fails"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.c.Eval(w)
			assert.Equal(t, tc.truth, e.Truth)
			assert.Equal(t, tc.text, e.Text)
		})
	}
	assert.Equal(t, "the target is among US parties (seat)", regulator.PartyIs("", usParties).String())
	assert.Equal(t, "oracle is among US parties (seat)", regulator.PartyIs("oracle", usParties).String())
	assert.Equal(t, "an acquirer is among US parties (seat)", regulator.AcquirerIs(usParties).String())

	// A world without a register or acquirers has no parties to match.
	assert.Equal(t, Fails, regulator.PartyIs("oracle", usParties).Eval(emptyWorld()).Truth)
	assert.Equal(t, Fails, regulator.AcquirerIs(usParties).Eval(emptyWorld()).Truth)
}

func TestTermConditions(t *testing.T) {
	reg := tiktokGlobal(t)
	world := func(terms map[string]regulator.Value) *regulator.World {
		return regulator.NewWorld(regulator.Facts{Register: reg, Target: "tiktok-global", Terms: regulator.NewTerms(terms)})
	}
	full := world(map[string]regulator.Value{
		"algorithm-transferred": regulator.Bool(true),
		"structure":             regulator.Text("partnership"),
		"price":                 regulator.Number(d("20000000000")),
		"stake":                 regulator.Number(d("1.00")),
		"markets":               regulator.Set("US", "CA", "AU", "NZ"),
		"data-custodian":        regulator.Text("oracle"),
		"buyer":                 regulator.Text("bytedance"),
		"stranger":              regulator.Text("acme"),
		"closing":               regulator.Date(date(2020, 11, 12)),
	})
	empty := world(nil)
	tenBillion := d("10000000000")
	tests := []struct {
		name  string
		c     regulator.Condition
		w     *regulator.World
		truth regulator.Truth
		text  string
	}{
		{"is: equal", regulator.TermIs("algorithm-transferred", regulator.Bool(true)), full, Holds,
			"algorithm-transferred is yes; the rule needs yes: holds"},
		{"is: different", regulator.TermIs("algorithm-transferred", regulator.Bool(false)), full, Fails,
			"algorithm-transferred is yes; the rule needs no: fails"},
		{"is: missing", regulator.TermIs("algorithm-transferred", regulator.Bool(true)), empty, Fails,
			"the deal does not give algorithm-transferred; the rule needs yes: fails"},
		{"is: wrong type", regulator.TermIs("algorithm-transferred", regulator.Text("yes")), full, Fails,
			"algorithm-transferred is yes; the rule needs yes: fails"},
		{"is: numbers by value", regulator.TermIs("stake", regulator.Number(d("1.0"))), full, Holds,
			"stake is 1; the rule needs 1: holds"},
		{"is: dates", regulator.TermIs("closing", regulator.Date(time.Date(2020, 11, 12, 18, 0, 0, 0, time.UTC))), full, Holds,
			"closing is 2020-11-12; the rule needs 2020-11-12: holds"},
		{"in: member", regulator.TermIn("structure", regulator.Text("sale"), regulator.Text("partnership")), full, Holds,
			"structure is partnership; the rule needs one of sale, partnership: holds"},
		{"in: not a member", regulator.TermIn("structure", regulator.Text("sale"), regulator.Text("licence")), full, Fails,
			"structure is partnership; the rule needs one of sale, licence: fails"},
		{"in: missing", regulator.TermIn("structure", regulator.Text("sale")), empty, Fails,
			"the deal does not give structure; the rule needs one of sale: fails"},
		{"compare: at least", regulator.TermCompare("price", parties.AtLeast, tenBillion), full, Holds,
			"price is 20000000000; the rule needs at least 10000000000: holds"},
		{"compare: more than, equal", regulator.TermCompare("stake", parties.MoreThan, d("1")), full, Fails,
			"stake is 1; the rule needs more than 1: fails"},
		{"compare: at most, equal", regulator.TermCompare("stake", parties.AtMost, d("1.000")), full, Holds,
			"stake is 1; the rule needs at most 1: holds"},
		{"compare: less than", regulator.TermCompare("price", parties.LessThan, tenBillion), full, Fails,
			"price is 20000000000; the rule needs less than 10000000000: fails"},
		{"compare: wrong type", regulator.TermCompare("structure", parties.AtLeast, tenBillion), full, Fails,
			"structure is text, not a number; the rule needs at least 10000000000: fails"},
		{"compare: missing", regulator.TermCompare("price", parties.AtLeast, tenBillion), empty, Fails,
			"the deal does not give price; the rule needs at least 10000000000: fails"},
		{"present", regulator.TermPresent("markets"), full, Holds,
			"the deal gives markets = {AU, CA, NZ, US}: holds"},
		{"present: missing", regulator.TermPresent("markets"), empty, Fails,
			"the deal does not give markets: fails"},
		{"contains", regulator.TermContains("markets", "CA"), full, Holds,
			"markets is {AU, CA, NZ, US}; the rule needs it to include CA: holds"},
		{"contains: no", regulator.TermContains("markets", "GB"), full, Fails,
			"markets is {AU, CA, NZ, US}; the rule needs it to include GB: fails"},
		{"contains: a text term", regulator.TermContains("structure", "partnership"), full, Holds,
			"structure is partnership; the rule needs it to include partnership: holds"},
		{"contains: wrong type", regulator.TermContains("price", "US"), full, Fails,
			"price is 20000000000; the rule needs it to include US: fails"},
		{"contains: missing", regulator.TermContains("markets", "CA"), empty, Fails,
			"the deal does not give markets; the rule needs it to include CA: fails"},
		{"party: matches", regulator.TermParty("data-custodian", usParties), full, Holds,
			"data-custodian is Oracle; the rule needs one of US parties (seat): holds"},
		{"party: does not match", regulator.TermParty("buyer", usParties), full, Fails,
			"buyer is ByteDance Ltd.; the rule needs one of US parties (seat): fails"},
		{"party: unknown", regulator.TermParty("stranger", usParties), full, Fails,
			`stranger is "acme", which is not a party in the register: fails`},
		{"party: wrong type", regulator.TermParty("price", usParties), full, Fails,
			"price is number, not a party; the rule needs one of US parties (seat): fails"},
		{"party: missing", regulator.TermParty("data-custodian", usParties), empty, Fails,
			"the deal does not give data-custodian; the rule needs one of US parties (seat): fails"},
		{"party: no register", regulator.TermParty("data-custodian", usParties),
			regulator.NewWorld(regulator.Facts{Terms: regulator.NewTerms(map[string]regulator.Value{"data-custodian": regulator.Text("oracle")})}), Fails,
			`data-custodian is "oracle", which is not a party in the register: fails`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.c.Eval(tc.w)
			assert.Equal(t, tc.truth, e.Truth)
			assert.Equal(t, tc.text, e.Text)
		})
	}
	for _, tc := range []struct {
		c    regulator.Condition
		want string
	}{
		{regulator.TermIs("algorithm-transferred", regulator.Bool(true)), "term algorithm-transferred is yes"},
		{regulator.TermIn("structure", regulator.Text("sale"), regulator.Text("licence")), "term structure is one of sale, licence"},
		{regulator.TermCompare("price", parties.AtLeast, tenBillion), "term price is at least 10000000000"},
		{regulator.TermPresent("markets"), "the deal gives markets"},
		{regulator.TermContains("markets", "CA"), "term markets is to include CA"},
		{regulator.TermParty("data-custodian", usParties), "term data-custodian is a party among US parties (seat)"},
	} {
		assert.Equal(t, tc.want, tc.c.String())
	}
}

func TestDateConditions(t *testing.T) {
	revision := date(2020, 8, 28)
	at := func(d time.Time) *regulator.World { return regulator.NewWorld(regulator.Facts{AsOf: d}) }
	tests := []struct {
		name  string
		c     regulator.Condition
		asOf  time.Time
		truth regulator.Truth
		text  string
	}{
		{"on or after: the day before", regulator.OnOrAfter(revision), date(2020, 8, 27), Fails,
			"the date is 2020-08-27; the rule needs a date on or after 2020-08-28: fails"},
		{"on or after: the day", regulator.OnOrAfter(revision), date(2020, 8, 28), Holds,
			"the date is 2020-08-28; the rule needs a date on or after 2020-08-28: holds"},
		{"on or after: only the date counts", regulator.OnOrAfter(revision.Add(15 * time.Hour)), date(2020, 8, 28), Holds,
			"the date is 2020-08-28; the rule needs a date on or after 2020-08-28: holds"},
		{"before: the day before", regulator.Before(revision), date(2020, 8, 27), Holds,
			"the date is 2020-08-27; the rule needs a date before 2020-08-28: holds"},
		{"before: the day", regulator.Before(revision), date(2020, 8, 28).Add(23 * time.Hour), Fails,
			"the date is 2020-08-28; the rule needs a date before 2020-08-28: fails"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.c.Eval(at(tc.asOf))
			assert.Equal(t, tc.truth, e.Truth)
			assert.Equal(t, tc.text, e.Text)
		})
	}
	assert.Equal(t, "a date on or after 2020-08-28", regulator.OnOrAfter(revision).String())
	assert.Equal(t, "a date before 2020-08-28", regulator.Before(revision).String())
}

func TestDiscretionConstFunc(t *testing.T) {
	w := tiktokWorld(t, nil)
	e := regulator.Discretion("presidential-finding", "a presidential finding of a threat to national security").Eval(w)
	assert.Equal(t, Open, e.Truth)
	assert.Equal(t, []string{"presidential-finding"}, e.Discretion)
	assert.Equal(t, "a presidential finding of a threat to national security is at the authority's discretion: open", e.Text)
	assert.Equal(t, "a presidential finding of a threat to national security (discretion)",
		regulator.Discretion("presidential-finding", "a presidential finding of a threat to national security").String())

	for _, tv := range []regulator.Truth{Holds, Fails, Open} {
		e := regulator.Const(tv, "China signalled it would not grant the licence").Eval(w)
		assert.Equal(t, tv, e.Truth)
		assert.Equal(t, "China signalled it would not grant the licence: "+tv.String(), e.Text)
		assert.Empty(t, e.Discretion, "a constant is a fact, not a discretion")
	}
	assert.Equal(t, "China signalled it would not grant the licence", regulator.Const(Fails, "China signalled it would not grant the licence").String())

	users := regulator.Func("more than a million US users", func(w *regulator.World) (regulator.Truth, string) {
		n, ok := w.Terms().Get("us-monthly-users")
		if !ok {
			return Open, "the number of US users is not known"
		}
		v, _ := n.AsNumber()
		return parties.TruthOf(v.Cmp(d("1000000")) > 0), "the app has " + v.String() + " US monthly users"
	})
	assert.Equal(t, "more than a million US users", users.String())
	e = users.Eval(w)
	assert.Equal(t, Open, e.Truth)
	assert.Equal(t, "the number of US users is not known: open", e.Text)
	e = users.Eval(tiktokWorld(t, map[string]regulator.Value{"us-monthly-users": regulator.Number(d("100000000"))}))
	assert.Equal(t, Holds, e.Truth)
	assert.Equal(t, "the app has 100000000 US monthly users: holds", e.Text)
}

func TestRequires(t *testing.T) {
	custodian := regulator.Mitigation{
		ID:        "us-data-custodian",
		Name:      "trusted US data custodian",
		Available: regulator.TermParty("data-custodian", usParties),
	}
	r := regulator.Requires(custodian)
	assert.Equal(t, "mitigation us-data-custodian", r.String())

	e := r.Eval(tiktokWorld(t, map[string]regulator.Value{"data-custodian": regulator.Text("oracle")}))
	assert.Equal(t, Holds, e.Truth)
	assert.Equal(t, []string{"us-data-custodian"}, e.Mitigations)
	assert.Equal(t, `mitigation "us-data-custodian" (trusted US data custodian): data-custodian is Oracle; the rule needs one of US parties (seat): holds`, e.Text)
	require.Len(t, e.Parts, 1)

	e = r.Eval(tiktokWorld(t, map[string]regulator.Value{"data-custodian": regulator.Text("bytedance")}))
	assert.Equal(t, Fails, e.Truth)
	assert.Empty(t, e.Mitigations, "an unavailable mitigation is not relied on")

	open := regulator.Requires(regulator.Mitigation{ID: "cfius-agrees", Available: regulator.Discretion("cfius-agrees", "CFIUS accepting the agreement")})
	e = open.Eval(emptyWorld())
	assert.Equal(t, Open, e.Truth)
	assert.Equal(t, []string{"cfius-agrees"}, e.Mitigations)
	assert.Equal(t, []string{"cfius-agrees"}, e.Discretion)
	assert.Equal(t, `mitigation "cfius-agrees" (cfius-agrees): CFIUS accepting the agreement is at the authority's discretion: open`, e.Text)

	always := regulator.Requires(regulator.Mitigation{ID: "board", Name: "US citizens on the board"})
	e = always.Eval(emptyWorld())
	assert.Equal(t, Holds, e.Truth)
	assert.Equal(t, []string{"board"}, e.Mitigations)
	assert.Equal(t, `mitigation "board" (US citizens on the board) is available: holds`, e.Text)
}
