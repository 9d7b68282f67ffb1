package deal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// The building blocks random scenarios draw from.
var (
	usMajority = regulator.Owned(regulator.OwnershipRule{Holders: usPersons, Threshold: parties.Majority})
	fixedConds = []regulator.Condition{holds, fails, open, regulator.Const(parties.Open, "a range straddles the threshold"), usMajority,
		regulator.TermIs("algorithm", regulator.Bool(true)), regulator.Not(regulator.TermIs("algorithm", regulator.Bool(true))),
		regulator.AcquirerIs(parties.IDs("rival")), regulator.Or(usMajority, open)}
)

// genSpec draws a small valid scenario over the test register: up to three
// proposals (buy, rival-buy, an issue of a 20%, 40% or 60% stake), up to
// four gates (some waiting for earlier ones), positions, deadlines, and
// either every likelihood or none.
func genSpec(t *rapid.T, tb testing.TB) deal.Spec {
	spec := deal.Spec{Name: "random", Register: testRegister(tb), AsOf: date(asOf)}
	cond := func(label string) regulator.Condition {
		if rapid.Bool().Draw(t, label+"-nil") {
			return nil
		}
		return rapid.SampledFrom(fixedConds).Draw(t, label)
	}
	algorithm := rapid.SampledFrom([]regulator.Value{regulator.Bool(true), regulator.Bool(false)})
	all := []deal.Proposal{buy(), rivalBuy(), {ID: "issue", Target: "target", Acquirers: []parties.ID{"buyer"}, Consents: []parties.ID{"seller", "buyer"},
		Moves: []deal.Move{deal.Issue{Subject: "target", To: []deal.Allocation{{Holder: "buyer", Amount: deal.FromTerm("stake")}}}},
		Dimensions: []deal.Dimension{{Term: "stake", Values: []regulator.Value{regulator.Number(dec("0.2")), regulator.Number(dec("0.4")), regulator.Number(dec("0.6"))},
			Likelihoods: []decimal.Decimal{dec("0.5"), dec("0.25"), dec("0.25")}}}}}
	for _, p := range all {
		if rapid.Bool().Draw(t, "has-"+p.ID) {
			p.Terms = map[string]regulator.Value{"algorithm": algorithm.Draw(t, "algorithm-"+p.ID)}
			p.Filed = days(rapid.IntRange(-10, 10).Draw(t, "filed-"+p.ID))
			spec.Proposals = append(spec.Proposals, p)
		}
	}
	for _, party := range []parties.ID{"seller", "buyer", "rival"} {
		for k := range rapid.IntRange(0, 2).Draw(t, "positions-"+string(party)) {
			pos := deal.Position{Party: party, Accepts: cond(fmt.Sprintf("position-%s-%d", party, k))}
			switch rapid.IntRange(0, 3).Draw(t, "position-dates") {
			case 1:
				pos.From = days(rapid.IntRange(-5, 5).Draw(t, "from"))
			case 2:
				pos.Until = days(rapid.IntRange(-5, 5).Draw(t, "until"))
			}
			spec.Positions = append(spec.Positions, pos)
		}
	}
	for k := range rapid.IntRange(0, 4).Draw(t, "gates") {
		o := gateOpts{trigger: cond("trigger"), test: cond("test"), mitigation: rapid.Bool().Draw(t, "mitigation")}
		o.min = rapid.IntRange(1, 20).Draw(t, "min")
		o.max = o.min + rapid.IntRange(0, 30).Draw(t, "extra")
		if k > 0 && rapid.Bool().Draw(t, "waits") {
			o.waits = []string{fmt.Sprintf("g%d", rapid.IntRange(0, k-1).Draw(t, "waits-for"))}
		}
		spec.Gates = append(spec.Gates, gate(fmt.Sprintf("g%d", k), o))
	}
	for k := range rapid.IntRange(0, 3).Draw(t, "threats") {
		o := deadlineOpts{enjoinable: rapid.Bool().Draw(t, "enjoinable"), ext: rapid.SampledFrom([]int{0, 10, 30}).Draw(t, "ext"), certain: rapid.Bool().Draw(t, "certain")}
		spec.Threats = append(spec.Threats, deal.Threat{
			Deadline: deadline(fmt.Sprintf("d%d", k), days(rapid.IntRange(-5, 60).Draw(t, "on")).Format(time.DateOnly), o),
			Outcome:  rapid.SampledFrom([]string{"ban", "divestiture"}).Draw(t, "outcome")})
	}
	if rapid.Bool().Draw(t, "likelihoods") {
		spec.Likelihoods = fullLikelihoods(t, spec)
	}
	return spec
}

// fullLikelihoods draws a likelihood for every event of spec.
func fullLikelihoods(t *rapid.T, spec deal.Spec) deal.Likelihoods {
	p := func(label string) decimal.Decimal {
		return decimal.New(int64(rapid.IntRange(0, 20).Draw(t, label)), -1).Div(decimal.NewFromInt(2)) // 0, 0.05, …, 1
	}
	l := deal.Likelihoods{Consent: map[string]decimal.Decimal{}, Clearance: map[string]decimal.Decimal{}, Trigger: map[string]decimal.Decimal{},
		Injunction: map[string]decimal.Decimal{}, Extension: map[string]decimal.Decimal{}, Timely: map[string]decimal.Decimal{}}
	if n := len(spec.Proposals); n > 1 {
		l.Proposals = map[string]decimal.Decimal{}
		rest := decimal.NewFromInt(1)
		for i, pr := range spec.Proposals {
			v := rest
			if i < n-1 {
				v = rest.Mul(p("proposal")).Round(4)
			}
			l.Proposals[pr.ID], rest = v, rest.Sub(v)
		}
	}
	for _, party := range []string{"seller", "buyer", "rival"} {
		l.Consent[party] = p("consent")
	}
	for _, g := range spec.Gates {
		l.Clearance[g.ID()], l.Trigger[g.ID()] = p("clearance"), p("trigger")
	}
	for _, th := range spec.Threats {
		id := th.Deadline.ID()
		l.Injunction[id], l.Extension[id], l.Timely[id] = p("injunction"), p("extension"), p("timely")
	}
	return l
}

func resultJSON(t testing.TB, r *deal.Result) string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return string(b)
}

// shuffled returns spec with its positions and gates in another order.
func shuffled(t *rapid.T, spec deal.Spec) deal.Spec {
	spec.Positions = rapid.Permutation(spec.Positions).Draw(t, "positions-order")
	spec.Gates = rapid.Permutation(spec.Gates).Draw(t, "gates-order")
	return spec
}

func TestPropertyOrderDoesNotMatter(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		spec := genSpec(rt, t)
		r := analyze(t, mustNew(t, spec))
		// Map iteration order differs from run to run: the whole result
		// is the same.
		require.Equal(t, resultJSON(t, r), resultJSON(t, analyze(t, mustNew(t, spec))))
		other := analyze(t, mustNew(t, shuffled(rt, spec)))
		require.Equal(t, possibleSet(r), possibleSet(other))
		for _, o := range r.Outcomes {
			x := outcome(t, other, o.ID)
			require.Equal(t, o.Probability == nil, x.Probability == nil)
			if o.Probability != nil {
				requireDecEqual(t, o.Probability.String(), *x.Probability, o.ID)
			}
			require.Equal(t, len(o.Relax), len(x.Relax), "relax of %s", o.ID)
		}
	})
}

func TestPropertyOpeningNeverRemovesOutcomes(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		spec := genSpec(rt, t)
		before := possibleSet(analyze(t, mustNew(t, spec)))
		// Turn one refusal or one failing gate test into an open one.
		var refusals, blocks []int
		for i, p := range spec.Positions {
			if p.Accepts == fails {
				refusals = append(refusals, i)
			}
		}
		for i, g := range spec.Gates {
			if a := g.Assess(regulator.NewWorld(regulator.Facts{AsOf: spec.AsOf})); a.Test.Truth == parties.Fails && a.Applies != parties.Fails {
				blocks = append(blocks, i)
			}
		}
		opened := rapid.SampledFrom([]regulator.Condition{open, regulator.Const(parties.Open, "not known")}).Draw(rt, "opened")
		spec.Positions = slices.Clone(spec.Positions)
		spec.Gates = slices.Clone(spec.Gates)
		switch {
		case len(refusals) > 0 && (len(blocks) == 0 || rapid.Bool().Draw(rt, "position")):
			i := rapid.SampledFrom(refusals).Draw(rt, "refusal")
			spec.Positions[i].Accepts = opened
		case len(blocks) > 0:
			i := rapid.SampledFrom(blocks).Draw(rt, "block")
			gs := spec.Gates[i].Spec()
			gs.Clearance = opened
			gs.Mitigations = nil
			spec.Gates[i] = regulator.MustGate(gs)
		default:
			rt.Skip("nothing to open")
		}
		after := possibleSet(analyze(t, mustNew(t, spec)))
		for id := range before {
			require.Contains(t, after, id, "opening removed %s", id)
		}
	})
}

func TestPropertyProbabilitiesAndPaths(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		spec := genSpec(rt, t)
		spec.Likelihoods = fullLikelihoods(rt, spec)
		sc := mustNew(t, spec)
		r := analyze(t, sc)
		requireProbabilitiesSumToOne(t, r)
		requireWitnesses(t, sc, r)
		if r.PathCount().Int64() <= 20000 {
			requirePathsAgree(t, r)
			requirePathProbabilitiesSumToOne(t, r)
		}
	})
}

func TestPropertyWorkers(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		sc := mustNew(t, genSpec(rt, t))
		one, err := sc.Analyze(context.Background(), &deal.Options{Workers: 1})
		require.NoError(t, err)
		four, err := sc.Analyze(context.Background(), &deal.Options{Workers: 4})
		require.NoError(t, err)
		require.Equal(t, resultJSON(t, one), resultJSON(t, four))
	})
}

func TestPropertySmallestRelax(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		spec := genSpec(rt, t)
		spec.Likelihoods = deal.Likelihoods{}
		sc := mustNew(t, spec)
		requireSmallestRelax(t, sc, analyze(t, sc))
	})
}

func TestAnalyzeConcurrently(t *testing.T) {
	sc := mustNew(t, likelySpec(t))
	want := resultJSON(t, analyze(t, sc))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			r, err := sc.Analyze(context.Background(), &deal.Options{Workers: 3})
			if !assertNoError(t, err) {
				return
			}
			if got := resultJSON(t, r); got != want {
				t.Errorf("concurrent analysis differs")
			}
			var n int64
			for range r.Paths() {
				n++
			}
			if c := r.PathCount().Int64(); n != c {
				t.Errorf("concurrent analysis streams %d paths, counts %d", n, c)
			}
		})
	}
	// Deriving scenarios while others analyse leaves them untouched.
	for k := range 8 {
		wg.Go(func() {
			d := sc.WithAsOf(days(k))
			if _, err := d.Analyze(context.Background(), nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	require.Equal(t, want, resultJSON(t, analyze(t, sc)))
}

func assertNoError(t *testing.T, err error) bool {
	if err != nil {
		t.Error(err)
		return false
	}
	return true
}

// genAnySpec draws a scenario that may be wrong in every way New checks.
func genAnySpec(t *rapid.T, tb testing.TB) deal.Spec {
	ids := []parties.ID{"target", "seller", "buyer", "rival", "nobody", "ghost", ""}
	id := func(label string) parties.ID { return rapid.SampledFrom(ids).Draw(t, label) }
	num := func(label string) decimal.Decimal {
		return decimal.New(int64(rapid.IntRange(-5, 25).Draw(t, label)), -1)
	}
	values := []regulator.Value{{}, regulator.Bool(true), regulator.Text("buyer"), regulator.Number(dec("0.3")), regulator.Number(dec("1.7")), regulator.Set("US")}
	amount := func(label string) deal.Amount {
		switch rapid.IntRange(0, 3).Draw(t, label) {
		case 0:
			return deal.Fixed(num(label + "-fixed"))
		case 1:
			return deal.FromTerm(rapid.SampledFrom([]string{"stake", "custodian", "missing"}).Draw(t, label+"-term"))
		case 2:
			return deal.All()
		}
		return deal.Amount{}
	}
	spec := genSpec(t, tb)
	if rapid.Bool().Draw(t, "no-register") {
		spec.Register = nil
	}
	if rapid.Bool().Draw(t, "no-date") {
		spec.AsOf = time.Time{}
	}
	for k := range rapid.IntRange(0, 2).Draw(t, "bad-proposals") {
		p := deal.Proposal{ID: rapid.SampledFrom([]string{"", "x", "buy", deal.StatusQuo}).Draw(t, "id"), Target: id("target"),
			Acquirers: []parties.ID{id("acquirer")}, Terms: map[string]regulator.Value{}}
		if rapid.Bool().Draw(t, "consents") {
			p.Consents = []parties.ID{id("consent"), id("consent2")}
		}
		for m := range rapid.IntRange(0, 3).Draw(t, "moves") {
			label := fmt.Sprintf("move-%d-%d", k, m)
			switch rapid.IntRange(0, 3).Draw(t, label) {
			case 0:
				p.Moves = append(p.Moves, deal.Transfer{Seller: id("seller"), Buyer: id("buyer"), Subject: id("subject"), Amount: amount(label)})
			case 1:
				p.Moves = append(p.Moves, deal.Issue{Subject: id("subject"), To: []deal.Allocation{{Holder: id("holder"), Amount: amount(label)}}})
			case 2:
				p.Moves = append(p.Moves, deal.Form{Party: parties.Party{ID: id("formed")}, Holders: []deal.Allocation{{Holder: id("holder"), Amount: amount(label)}}})
			default:
				p.Moves = append(p.Moves, nil)
			}
		}
		for d := range rapid.IntRange(0, 2).Draw(t, "dims") {
			dim := deal.Dimension{Term: rapid.SampledFrom([]string{"", "stake", "custodian"}).Draw(t, "term"),
				Values: rapid.SliceOfN(rapid.SampledFrom(values), 0, 3).Draw(t, fmt.Sprintf("values-%d", d))}
			if rapid.Bool().Draw(t, "dim-likelihoods") {
				dim.Likelihoods = rapid.SliceOfN(rapid.Custom(func(t *rapid.T) decimal.Decimal { return num("p") }), 0, 3).Draw(t, "ps")
			}
			p.Dimensions = append(p.Dimensions, dim)
		}
		if rapid.Bool().Draw(t, "settled") {
			p.Terms[rapid.SampledFrom([]string{"stake", "custodian"}).Draw(t, "settled-term")] = rapid.SampledFrom(values).Draw(t, "settled-value")
		}
		spec.Proposals = append(spec.Proposals, p)
	}
	if rapid.Bool().Draw(t, "zero-gate") {
		spec.Gates = append(spec.Gates, regulator.Gate{})
	}
	if rapid.Bool().Draw(t, "zero-deadline") {
		spec.Threats = append(spec.Threats, deal.Threat{Outcome: rapid.SampledFrom([]string{"", "ban", "buy"}).Draw(t, "zero-outcome")})
	}
	if rapid.Bool().Draw(t, "bad-position") {
		spec.Positions = append(spec.Positions, deal.Position{Party: id("position"), Accepts: rapid.SampledFrom([]regulator.Condition{
			nil, regulator.And(nil), regulator.Func("f", nil), regulator.Owned(regulator.OwnershipRule{Subject: "ghost", Holders: usPersons})}).Draw(t, "bad-cond")})
	}
	if rapid.Bool().Draw(t, "bad-likelihoods") {
		keys := []string{"seller", "ghost", "g0", "d0", "buy", "seller/buy", "g0/ghost", "d0/buy", ""}
		m := func(label string) map[string]decimal.Decimal {
			out := map[string]decimal.Decimal{}
			for range rapid.IntRange(0, 2).Draw(t, label) {
				out[rapid.SampledFrom(keys).Draw(t, label+"-key")] = num(label + "-p")
			}
			return out
		}
		spec.Likelihoods = deal.Likelihoods{Proposals: m("proposals"), Consent: m("consent"), Clearance: m("clearance"), Trigger: m("trigger"),
			Injunction: m("injunction"), Extension: m("extension"), Timely: m("timely")}
	}
	return spec
}

// noPanic builds a random, possibly wrong, scenario: New either fails with
// *deal.SpecError values or returns a scenario that analyses and streams
// paths; nothing panics.
func noPanic(tb testing.TB) func(*rapid.T) {
	return func(t *rapid.T) {
		spec := genAnySpec(t, tb)
		sc, err := deal.New(spec)
		if err != nil {
			require.Nil(t, sc)
			specErrors(tb, err)
			return
		}
		r, err := sc.Analyze(context.Background(), &deal.Options{Budget: rapid.IntRange(0, 5).Draw(t, "budget")})
		if err != nil && r == nil {
			return
		}
		n := 0
		for range r.Paths() {
			if n++; n > 50 {
				break
			}
		}
		_, _ = json.Marshal(r)
		_ = r.PathCount()
		_, _ = sc.With(func(s *deal.Spec) { s.AsOf = s.AsOf.AddDate(0, 0, 1) })
	}
}

func TestPropertyNoPanic(t *testing.T) {
	rapid.Check(t, noPanic(t))
}

func FuzzNew(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) { rapid.MakeFuzz(noPanic(t))(t, b) })
}
