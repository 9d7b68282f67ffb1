package deal_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// requireDecEqual fails unless got equals want as a number (1.0 equals
// 1.00).
func requireDecEqual(t testing.TB, want string, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	if !got.Equal(dec(want)) {
		require.Failf(t, "decimals differ", "want %s, got %s %s", want, got, fmt.Sprint(msgAndArgs...))
	}
}

// The test world: seller (a Chinese company) owns all of target (a US
// company); buyer and rival are US companies that may buy it; nobody is a
// US company with no position on anything.
var (
	jUS, jCN  = parties.MustJurisdiction("US"), parties.MustJurisdiction("CN")
	usPersons = parties.In(jUS, parties.Seat).WithName("US persons")
)

func testRegister(t testing.TB) *parties.Register {
	reg, err := parties.New([]parties.Party{
		{ID: "target", Name: "Target", Jurisdiction: jUS, Headquarters: jUS},
		{ID: "seller", Name: "Seller", Jurisdiction: jCN, Headquarters: jCN},
		{ID: "buyer", Name: "Buyer", Jurisdiction: jUS, Headquarters: jUS},
		{ID: "rival", Name: "Rival", Jurisdiction: jUS, Headquarters: jUS},
		{ID: "nobody", Name: "Nobody", Jurisdiction: jUS, Headquarters: jUS},
	}, []parties.Stake{
		{Holder: "seller", Subject: "target", Economic: parties.Exact(dec("1"))},
	})
	require.NoError(t, err)
	return reg
}

// Conditions with a fixed value.
var (
	holds = regulator.Const(parties.Holds, "the facts hold")
	fails = regulator.Const(parties.Fails, "the facts fail")
	open  = regulator.Discretion("view", "the authority's view")
)

// gateOpts describes a test gate: trigger and clearance test (nil: none),
// review of min to max calendar days (the filing day counting as day 1),
// the gates it waits for, and whether clearing needs a mitigation.
type gateOpts struct {
	trigger, test regulator.Condition
	min, max      int
	waits         []string
	mitigation    bool
}

func gate(id string, o gateOpts) regulator.Gate {
	spec := regulator.GateSpec{ID: id, Name: "Gate " + id,
		Regulator: regulator.Regulator{ID: "reg-" + id, Name: "Regulator " + id, Jurisdiction: jUS},
		Trigger:   o.trigger, Clearance: o.test, WaitsFor: o.waits, Discretionary: true}
	if o.max > 0 {
		spec.Timeline = regulator.Timeline{Phases: []regulator.Phase{{Name: "review", Min: calendar.Days(o.min), Max: calendar.Days(o.max)}}}
	}
	if o.mitigation {
		m := regulator.Mitigation{ID: "ring-fence", Name: "ring-fenced data"}
		spec.Mitigations = []regulator.Mitigation{m}
		c := regulator.Requires(m)
		if o.test != nil {
			c = regulator.And(o.test, c)
		}
		spec.Clearance = c
	}
	return regulator.MustGate(spec)
}

// deadlineOpts describes a test deadline: enjoinable, extendable by ext
// calendar days (certainly or possibly).
type deadlineOpts struct {
	enjoinable bool
	ext        int
	certain    bool
}

func deadline(id, on string, o deadlineOpts) regulator.Deadline {
	spec := regulator.DeadlineSpec{ID: id, Name: "Deadline " + id, Date: date(on), Consequence: "ban", Enjoinable: o.enjoinable}
	if o.ext > 0 {
		spec.Extension = regulator.Extension{Up: calendar.Days(o.ext), Certain: o.certain}
	}
	return regulator.MustDeadline(spec)
}

// asOf is the test scenarios' date, a Monday.
const asOf = "2021-01-04"

// days returns the date n days after asOf.
func days(n int) time.Time { return date(asOf).AddDate(0, 0, n) }

// buy is seller selling all of target to buyer; it needs the consent of
// seller and buyer.
func buy() deal.Proposal {
	return deal.Proposal{ID: "buy", Name: "Buyer buys Target", Target: "target", Acquirers: []parties.ID{"buyer"},
		Moves: []deal.Move{deal.Transfer{Seller: "seller", Buyer: "buyer", Subject: "target", Amount: deal.All()}}}
}

// rivalBuy is seller selling all of target to rival.
func rivalBuy() deal.Proposal {
	return deal.Proposal{ID: "rival-buy", Name: "Rival buys Target", Target: "target", Acquirers: []parties.ID{"rival"},
		Moves: []deal.Move{deal.Transfer{Seller: "seller", Buyer: "rival", Subject: "target", Amount: deal.All()}}}
}

// baseSpec is buy with consenting parties, no gate and no deadline.
func baseSpec(t testing.TB) deal.Spec {
	return deal.Spec{Name: "test", Register: testRegister(t), AsOf: date(asOf),
		Positions: []deal.Position{{Party: "seller"}, {Party: "buyer"}, {Party: "rival"}},
		Proposals: []deal.Proposal{buy()}}
}

func mustNew(t testing.TB, spec deal.Spec) *deal.Scenario {
	t.Helper()
	sc, err := deal.New(spec)
	require.NoError(t, err)
	return sc
}

func analyze(t testing.TB, sc *deal.Scenario) *deal.Result {
	t.Helper()
	r, err := sc.Analyze(context.Background(), nil)
	require.NoError(t, err)
	return r
}

func outcome(t testing.TB, r *deal.Result, id string) deal.Outcome {
	t.Helper()
	o, ok := r.Outcome(id)
	require.True(t, ok, "outcome %q", id)
	return o
}

// possibleSet returns the possible outcomes with their dates, for
// comparing analyses.
func possibleSet(r *deal.Result) map[string][2]string {
	m := map[string][2]string{}
	for _, o := range r.Outcomes {
		if o.Possible {
			m[o.ID] = [2]string{o.Earliest.Format(time.DateOnly), o.Latest.Format(time.DateOnly)}
		}
	}
	return m
}

// requireProbabilitiesSumToOne checks that every outcome has a probability
// and that they add up to exactly 1, and that impossible outcomes have none.
func requireProbabilitiesSumToOne(t testing.TB, r *deal.Result) {
	t.Helper()
	sum := decimal.Zero
	for _, o := range r.Outcomes {
		require.NotNil(t, o.Probability, "probability of %s", o.ID)
		sum = sum.Add(*o.Probability)
		if !o.Possible {
			requireDecEqual(t, "0", *o.Probability, o.ID)
		}
	}
	requireDecEqual(t, "1", sum, "sum of outcome probabilities")
}

// consentTruth evaluates party's consent to p in world w as the positions
// in force on d say.
func consentTruth(spec deal.Spec, w *regulator.World, party parties.ID) parties.Truth {
	truth, n := parties.Holds, 0
	for _, pos := range spec.Positions {
		if pos.Party != party || !(regulator.Window{From: pos.From, Until: pos.Until}).Contains(spec.AsOf) {
			continue
		}
		n++
		if pos.Accepts != nil {
			truth = truth.And(pos.Accepts.Eval(w).Truth)
		}
	}
	if n == 0 {
		return parties.Open
	}
	return truth
}

// requiredConsents returns the parties whose consent p needs.
func requiredConsents(p deal.Proposal) []parties.ID {
	if p.Consents != nil {
		return p.Consents
	}
	var ids []parties.ID
	for _, m := range p.Moves {
		if tr, ok := m.(deal.Transfer); ok {
			ids = append(ids, tr.Seller)
		}
	}
	ids = append(ids, p.Acquirers...)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// replay follows the witness of o independently of the engine: it checks
// every step against the scenario (each consent and decision one the
// positions and gates allow, every required consent and applying gate
// decided, every deadline given) and returns the outcome the steps reach.
func replay(t testing.TB, sc *deal.Scenario, o deal.Outcome) string {
	t.Helper()
	spec := sc.Spec()
	var prop *deal.Proposal
	choice := map[string]regulator.Value{}
	consents := map[string]string{}
	decisions := map[string]string{}
	triggers := map[string]string{}
	type dl struct {
		eff      time.Time
		enjoined bool
	}
	dls := map[string]dl{}
	var closing time.Time
	timing := ""
	for _, st := range o.Witness {
		switch st.Kind {
		case "proposal":
			require.Nil(t, prop, "two proposals")
			for i := range spec.Proposals {
				if spec.Proposals[i].ID == st.ID {
					prop = &spec.Proposals[i]
				}
			}
			require.NotNil(t, prop, "unknown proposal %q", st.ID)
		case "term":
			require.NotNil(t, prop)
			found := false
			for _, d := range prop.Dimensions {
				for _, v := range d.Values {
					if d.Term == st.ID && v.String() == st.Value {
						choice[d.Term], found = v, true
					}
				}
			}
			require.True(t, found, "term %s = %s", st.ID, st.Value)
		case "consent":
			consents[st.ID] = st.Value
		case "trigger":
			triggers[st.ID] = st.Value
		case "decision":
			decisions[st.ID] = st.Value
		case "injunction":
			require.Equal(t, "enjoined", st.Value)
			dls[st.ID] = dl{enjoined: true}
		case "extension", "deadline":
			d, err := time.Parse(time.DateOnly, st.Value)
			require.NoError(t, err)
			dls[st.ID] = dl{eff: d}
		case "closing":
			d, err := time.Parse(time.DateOnly, st.Value)
			require.NoError(t, err)
			closing = d
		case "timing":
			timing = st.Value
		default:
			t.Fatalf("unknown step kind %q", st.Kind)
		}
	}
	// The deadline that takes effect first.
	first := -1
	for i, th := range spec.Threats {
		x, ok := dls[th.Deadline.ID()]
		require.True(t, ok, "no step for deadline %s", th.Deadline.ID())
		if !x.enjoined {
			require.True(t, x.eff.Equal(th.Deadline.Date()) || x.eff.Equal(th.Deadline.Latest()), "deadline %s on %s", th.Deadline.ID(), x.eff)
			if th.Deadline.Extendable() == parties.Holds {
				require.True(t, x.eff.Equal(th.Deadline.Latest()), "certain extension of %s", th.Deadline.ID())
			}
			if first < 0 || x.eff.Before(dls[spec.Threats[first].Deadline.ID()].eff) {
				first = i
			}
		} else {
			require.True(t, th.Deadline.Enjoinable(), "%s is not enjoinable", th.Deadline.ID())
		}
	}
	nothing := func() string {
		if first >= 0 {
			return spec.Threats[first].Outcome
		}
		return deal.StatusQuo
	}
	if prop == nil {
		require.Empty(t, spec.Proposals, "a witness with proposals on the table pursues one")
		return nothing()
	}
	post, terms, err := sc.PostDeal(prop.ID, choice)
	require.NoError(t, err)
	w := regulator.NewWorld(regulator.Facts{Register: post, Target: prop.Target, Acquirers: prop.Acquirers, Terms: terms, AsOf: spec.AsOf})
	passes := true
	for _, party := range requiredConsents(*prop) {
		v, ok := consents[string(party)]
		require.True(t, ok, "no step for the consent of %s", party)
		switch consentTruth(spec, w, party) {
		case parties.Holds:
			require.Equal(t, "consents", v, party)
		case parties.Fails:
			require.Equal(t, "refuses", v, party)
		}
		passes = passes && v == "consents"
	}
	require.Len(t, consents, len(requiredConsents(*prop)))
	for _, g := range spec.Gates {
		a := g.Assess(w)
		applies := a.Applies == parties.Holds
		if a.Applies == parties.Open {
			v, ok := triggers[g.ID()]
			require.True(t, ok, "no trigger step for %s", g.ID())
			applies = v == "applies"
		} else {
			require.NotContains(t, triggers, g.ID())
		}
		d, ok := decisions[g.ID()]
		if a.Applies == parties.Fails || !applies {
			require.False(t, ok, "decision step for %s, which does not apply", g.ID())
			continue
		}
		require.True(t, ok, "no decision step for %s", g.ID())
		var allowed []string
		for _, x := range a.Decisions {
			allowed = append(allowed, x.String())
		}
		require.Contains(t, allowed, d, g.ID())
		passes = passes && d != regulator.Block.String()
	}
	if !passes {
		require.True(t, closing.IsZero() && timing == "", "a failing path neither closes nor is late")
		return nothing()
	}
	if timing == "late" {
		require.GreaterOrEqual(t, first, 0, "late for no deadline")
		return spec.Threats[first].Outcome
	}
	require.False(t, closing.IsZero(), "a passing path closes")
	require.False(t, closing.Before(spec.AsOf), "closes before the as-of date")
	if first >= 0 {
		require.False(t, closing.After(dls[spec.Threats[first].Deadline.ID()].eff), "closes after the deadline")
	}
	return prop.ID
}

// requireWitnesses replays the witness of every possible outcome and checks
// that impossible ones have none.
func requireWitnesses(t testing.TB, sc *deal.Scenario, r *deal.Result) {
	t.Helper()
	for _, o := range r.Outcomes {
		if !o.Possible {
			require.Empty(t, o.Witness, o.ID)
			continue
		}
		require.Equal(t, o.ID, replay(t, sc, o), "witness of %s: %v", o.ID, o.Witness)
	}
}

// reasonKey names what a reason is about: "position:seller", "gate:g",
// "deadline:d", "closing:buy".
func reasonKey(r deal.Reason) string {
	switch r.Kind {
	case deal.PositionReason:
		return "position:" + string(r.Party)
	case deal.GateReason:
		return "gate:" + r.Gate
	case deal.DeadlineReason:
		return "deadline:" + r.Deadline
	}
	return r.Kind.String() + ":" + r.Proposal
}

// relaxed returns spec with the reasons relaxed: a position's party has no
// position (its consent is open), a gate's clearance test is discretionary,
// a deadline may be enjoined, a closing needs the consent of nobody, who
// has stated no position.
func relaxed(t testing.TB, spec deal.Spec, rs []deal.Reason) deal.Spec {
	t.Helper()
	spec.Gates = slices.Clone(spec.Gates)
	spec.Threats = slices.Clone(spec.Threats)
	spec.Proposals = slices.Clone(spec.Proposals)
	for _, r := range rs {
		switch r.Kind {
		case deal.PositionReason:
			spec.Positions = slices.DeleteFunc(slices.Clone(spec.Positions), func(p deal.Position) bool { return p.Party == r.Party })
		case deal.GateReason:
			for i, g := range spec.Gates {
				if g.ID() == r.Gate {
					gs := g.Spec()
					gs.Clearance = open
					spec.Gates[i] = regulator.MustGate(gs)
				}
			}
		case deal.DeadlineReason:
			for i, th := range spec.Threats {
				if th.Deadline.ID() == r.Deadline {
					ds := th.Deadline.Spec()
					ds.Enjoinable = true
					spec.Threats[i].Deadline = regulator.MustDeadline(ds)
				}
			}
		case deal.ClosingReason:
			for i, p := range spec.Proposals {
				if cs := requiredConsents(p); p.ID == r.Proposal && !slices.Contains(cs, "nobody") {
					spec.Proposals[i].Consents = append(slices.Clone(cs), "nobody")
				}
			}
		}
	}
	return spec
}

// subsets calls f with every subset of rs of size k.
func subsets(rs []deal.Reason, k int, f func([]deal.Reason)) {
	var rec func(start int, cur []deal.Reason)
	rec = func(start int, cur []deal.Reason) {
		if len(cur) == k {
			f(slices.Clone(cur))
			return
		}
		for i := start; i < len(rs); i++ {
			rec(i+1, append(cur, rs[i]))
		}
	}
	rec(0, nil)
}

// requireSmallestRelax checks, for every impossible outcome, that its
// Relax set is among its reasons, that relaxing it makes the outcome
// possible, and that relaxing any smaller set of its reasons does not
// (relaxing only ever adds outcomes, so sets one smaller suffice).
func requireSmallestRelax(t testing.TB, sc *deal.Scenario, r *deal.Result) {
	t.Helper()
	spec := sc.Spec()
	for _, o := range r.Outcomes {
		if o.Possible {
			require.Empty(t, o.Reasons, o.ID)
			require.Empty(t, o.Relax, o.ID)
			continue
		}
		require.NotEmpty(t, o.Relax, "relax set of %s", o.ID)
		for _, x := range o.Relax {
			require.Contains(t, o.Reasons, x, "relax set of %s among its reasons", o.ID)
		}
		rr := analyze(t, mustNew(t, relaxed(t, spec, o.Relax)))
		require.True(t, outcome(t, rr, o.ID).Possible, "%s possible once %v are relaxed", o.ID, o.Relax)
		if len(o.Reasons) > 8 {
			continue
		}
		subsets(o.Reasons, len(o.Relax)-1, func(rs []deal.Reason) {
			rr := analyze(t, mustNew(t, relaxed(t, spec, rs)))
			require.False(t, outcome(t, rr, o.ID).Possible, "%s possible with only %v relaxed, smaller than %v", o.ID, rs, o.Relax)
		})
	}
}
