package regulator_test

import (
	"fmt"
	"testing"

	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	Holds = regulator.Holds
	Fails = regulator.Fails
	Open  = regulator.Open
)

// c returns a constant condition described by its value.
func c(t regulator.Truth) regulator.Condition { return regulator.Const(t, "x is "+t.String()) }

func TestKleeneBinary(t *testing.T) {
	tests := []struct {
		a, b     regulator.Truth
		and, or_ regulator.Truth
	}{
		{Holds, Holds, Holds, Holds},
		{Holds, Fails, Fails, Holds},
		{Holds, Open, Open, Holds},
		{Fails, Holds, Fails, Holds},
		{Fails, Fails, Fails, Fails},
		{Fails, Open, Fails, Open},
		{Open, Holds, Open, Holds},
		{Open, Fails, Fails, Open},
		{Open, Open, Open, Open},
	}
	w := emptyWorld()
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s,%s", tc.a, tc.b), func(t *testing.T) {
			assert.Equal(t, tc.and, regulator.And(c(tc.a), c(tc.b)).Eval(w).Truth, "and")
			assert.Equal(t, tc.or_, regulator.Or(c(tc.a), c(tc.b)).Eval(w).Truth, "or")
		})
	}
}

// TestKleeneTernary covers all 27 triples of holds, fails and open for
// And(a, b, c), Or(a, b, c) and AtLeastOf(2, a, b, c), each also nested
// both ways (And(a, And(b, c)) and And(And(a, b), c)).
func TestKleeneTernary(t *testing.T) {
	tests := []struct {
		a, b, c              regulator.Truth
		and, or_, atLeastTwo regulator.Truth
	}{
		{Holds, Holds, Holds, Holds, Holds, Holds},
		{Holds, Holds, Fails, Fails, Holds, Holds},
		{Holds, Holds, Open, Open, Holds, Holds},
		{Holds, Fails, Holds, Fails, Holds, Holds},
		{Holds, Fails, Fails, Fails, Holds, Fails},
		{Holds, Fails, Open, Fails, Holds, Open},
		{Holds, Open, Holds, Open, Holds, Holds},
		{Holds, Open, Fails, Fails, Holds, Open},
		{Holds, Open, Open, Open, Holds, Open},
		{Fails, Holds, Holds, Fails, Holds, Holds},
		{Fails, Holds, Fails, Fails, Holds, Fails},
		{Fails, Holds, Open, Fails, Holds, Open},
		{Fails, Fails, Holds, Fails, Holds, Fails},
		{Fails, Fails, Fails, Fails, Fails, Fails},
		{Fails, Fails, Open, Fails, Open, Fails},
		{Fails, Open, Holds, Fails, Holds, Open},
		{Fails, Open, Fails, Fails, Open, Fails},
		{Fails, Open, Open, Fails, Open, Open},
		{Open, Holds, Holds, Open, Holds, Holds},
		{Open, Holds, Fails, Fails, Holds, Open},
		{Open, Holds, Open, Open, Holds, Open},
		{Open, Fails, Holds, Fails, Holds, Open},
		{Open, Fails, Fails, Fails, Open, Fails},
		{Open, Fails, Open, Fails, Open, Open},
		{Open, Open, Holds, Open, Holds, Open},
		{Open, Open, Fails, Fails, Open, Open},
		{Open, Open, Open, Open, Open, Open},
	}
	require.Len(t, tests, 27)
	w := emptyWorld()
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s,%s,%s", tc.a, tc.b, tc.c), func(t *testing.T) {
			a, b, cc := c(tc.a), c(tc.b), c(tc.c)
			assert.Equal(t, tc.and, regulator.And(a, b, cc).Eval(w).Truth, "and")
			assert.Equal(t, tc.and, regulator.And(a, regulator.And(b, cc)).Eval(w).Truth, "and, nested right")
			assert.Equal(t, tc.and, regulator.And(regulator.And(a, b), cc).Eval(w).Truth, "and, nested left")
			assert.Equal(t, tc.or_, regulator.Or(a, b, cc).Eval(w).Truth, "or")
			assert.Equal(t, tc.or_, regulator.Or(a, regulator.Or(b, cc)).Eval(w).Truth, "or, nested right")
			assert.Equal(t, tc.or_, regulator.Or(regulator.Or(a, b), cc).Eval(w).Truth, "or, nested left")
			assert.Equal(t, tc.atLeastTwo, regulator.AtLeastOf(2, a, b, cc).Eval(w).Truth, "at least 2 of 3")
			// At least 1 is Or, at least 3 is And, at least 0 always holds.
			assert.Equal(t, tc.or_, regulator.AtLeastOf(1, a, b, cc).Eval(w).Truth, "at least 1 of 3")
			assert.Equal(t, tc.and, regulator.AtLeastOf(3, a, b, cc).Eval(w).Truth, "at least 3 of 3")
			assert.Equal(t, Holds, regulator.AtLeastOf(0, a, b, cc).Eval(w).Truth, "at least 0 of 3")
		})
	}
}

func TestKleeneNot(t *testing.T) {
	w := emptyWorld()
	for _, tc := range []struct{ in, want regulator.Truth }{
		{Holds, Fails},
		{Fails, Holds},
		{Open, Open},
	} {
		t.Run(tc.in.String(), func(t *testing.T) {
			e := regulator.Not(c(tc.in)).Eval(w)
			assert.Equal(t, tc.want, e.Truth)
			assert.Equal(t, "not (x is "+tc.in.String()+": "+tc.in.String()+"): "+tc.want.String(), e.Text)
			assert.Equal(t, tc.in, regulator.Not(regulator.Not(c(tc.in))).Eval(w).Truth, "double negation")
		})
	}
}

func TestKleeneEmpty(t *testing.T) {
	w := emptyWorld()
	and := regulator.And().Eval(w)
	assert.Equal(t, Holds, and.Truth)
	assert.Equal(t, "no conditions: holds", and.Text)
	or := regulator.Or().Eval(w)
	assert.Equal(t, Fails, or.Truth)
	assert.Equal(t, "no conditions: fails", or.Text)
	assert.Equal(t, Holds, regulator.AtLeastOf(0).Eval(w).Truth)
}

// TestCombinatorText checks that a combination is explained by the parts
// that decided it.
func TestCombinatorText(t *testing.T) {
	w := emptyWorld()
	h := regulator.Const(Holds, "the buyer is American")
	f := regulator.Const(Fails, "the code stays in China")
	o := regulator.Const(Open, "the price is agreed")
	tests := []struct {
		name string
		c    regulator.Condition
		want string
	}{
		{"and holds: every part", regulator.And(h, h), "(the buyer is American: holds; and the buyer is American: holds): holds"},
		{"and fails: the failing part", regulator.And(h, f, o), "the code stays in China: fails"},
		{"and open: every part", regulator.And(h, o), "(the buyer is American: holds; and the price is agreed: open): open"},
		{"or holds: the holding part", regulator.Or(f, h, o), "the buyer is American: holds"},
		{"or fails: every part", regulator.Or(f, f), "(the code stays in China: fails; or the code stays in China: fails): fails"},
		{"or open: every part", regulator.Or(f, o), "(the code stays in China: fails; or the price is agreed: open): open"},
		{"at least", regulator.AtLeastOf(2, h, f, o), "1 of 3 hold and 1 are open, the rule needs at least 2 (the buyer is American: holds; the code stays in China: fails; the price is agreed: open): open"},
		{"named", regulator.Named("buyer test", h), "buyer test: the buyer is American: holds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.c.Eval(w)
			assert.Equal(t, tc.want, e.Text)
			assert.Equal(t, tc.want, e.String())
		})
	}
	assert.Equal(t, "(the buyer is American and the code stays in China)", regulator.And(h, f).String())
	assert.Equal(t, "(the buyer is American or the code stays in China)", regulator.Or(h, f).String())
	assert.Equal(t, "not (the buyer is American)", regulator.Not(h).String())
	assert.Equal(t, "at least 1 of (the buyer is American; the code stays in China)", regulator.AtLeastOf(1, h, f).String())
	assert.Equal(t, "buyer test: the buyer is American", regulator.Named("buyer test", h).String())
}

// TestCombinatorMitigations checks which mitigations and discretionary
// points a combination relies on.
func TestCombinatorMitigations(t *testing.T) {
	w := emptyWorld()
	m1 := regulator.Requires(regulator.Mitigation{ID: "custodian"})
	m2 := regulator.Requires(regulator.Mitigation{ID: "board"})
	unavailable := regulator.Requires(regulator.Mitigation{ID: "escrow", Available: regulator.Const(Fails, "no escrow agent")})
	d1 := regulator.Discretion("national-security", "a national-security finding")
	d2 := regulator.Discretion("public-interest", "a public-interest finding")
	tests := []struct {
		name        string
		c           regulator.Condition
		truth       regulator.Truth
		mitigations []string
		discretion  []string
	}{
		{"and of two mitigations needs both", regulator.And(m1, m2), Holds, []string{"board", "custodian"}, nil},
		{"and that fails needs none", regulator.And(m1, c(Fails)), Fails, nil, nil},
		{"and that is open keeps them", regulator.And(m1, d1), Open, []string{"custodian"}, []string{"national-security"}},
		{"or prefers a plain alternative", regulator.Or(m1, c(Holds)), Holds, nil, nil},
		{"or prefers the fewest mitigations", regulator.Or(regulator.And(m1, m2), m2), Holds, []string{"board"}, nil},
		{"or holding through a mitigation", regulator.Or(c(Open), m1), Holds, []string{"custodian"}, nil},
		{"or open keeps the open parts", regulator.Or(d1, d2, c(Fails)), Open, nil, []string{"national-security", "public-interest"}},
		{"unavailable mitigation fails", unavailable, Fails, nil, nil},
		{"or around an unavailable mitigation", regulator.Or(unavailable, m2), Holds, []string{"board"}, nil},
		{"not keeps discretion", regulator.Not(d1), Open, nil, []string{"national-security"}},
		{"not drops mitigations", regulator.Not(m1), Fails, nil, nil},
		{"at least keeps the non-failing parts", regulator.AtLeastOf(1, m1, unavailable, d2), Holds, []string{"custodian"}, []string{"public-interest"}},
		{"named passes through", regulator.Named("n", m1), Holds, []string{"custodian"}, nil},
		{"discretion counted once", regulator.And(d1, d1), Open, nil, []string{"national-security"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.c.Eval(w)
			assert.Equal(t, tc.truth, e.Truth, e.Text)
			assert.ElementsMatch(t, tc.mitigations, e.Mitigations, "mitigations")
			assert.ElementsMatch(t, tc.discretion, e.Discretion, "discretion")
		})
	}
}

// TestCombinatorsCopyArguments checks that changing the caller's slice after
// construction does not change the condition.
func TestCombinatorsCopyArguments(t *testing.T) {
	w := emptyWorld()
	cs := []regulator.Condition{c(Holds), c(Holds)}
	and, or, atLeast := regulator.And(cs...), regulator.Or(cs...), regulator.AtLeastOf(2, cs...)
	cs[0] = c(Fails)
	assert.Equal(t, Holds, and.Eval(w).Truth)
	assert.Equal(t, Holds, or.Eval(w).Truth)
	assert.Equal(t, Holds, atLeast.Eval(w).Truth)
}

// TestNilConditions checks that a missing condition, which NewGate reports,
// does not make a direct evaluation panic.
func TestNilConditions(t *testing.T) {
	w := emptyWorld()
	for _, tc := range []struct {
		c    regulator.Condition
		rule string
		text string
	}{
		{regulator.And(c(Holds), nil), "(x is holds and <nil>)", "(x is holds: holds; and no condition given: open): open"},
		{regulator.Or(nil, c(Fails)), "(<nil> or x is fails)", "(no condition given: open; or x is fails: fails): open"},
		{regulator.Not(nil), "not (<nil>)", "not (no condition given: open): open"},
		{regulator.Named("buyer test", nil), "buyer test: <nil>", "buyer test: no condition given: open"},
		{regulator.AtLeastOf(1, nil), "at least 1 of (<nil>)", "0 of 1 hold and 1 are open, the rule needs at least 1 (no condition given: open): open"},
		{regulator.Func("users", nil), "users", "users: no function given: open"},
	} {
		assert.Equal(t, tc.rule, tc.c.String())
		e := tc.c.Eval(w)
		assert.Equal(t, Open, e.Truth, tc.rule)
		assert.Equal(t, tc.text, e.Text)
	}
}
