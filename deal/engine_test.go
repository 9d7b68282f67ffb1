package deal_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/require"
)

// want is what a test expects of one outcome. Dates are days after the
// as-of date (nil: zero); reasons are reasonKey strings (in any order);
// texts must each appear in some reason's text.
type want struct {
	possible    bool
	earliest    *int
	latest      *int
	reasons     []string
	texts       []string
	relax       int
	mitigations []string
}

func day(n int) *int { return &n }

func possible(earliest, latest int) want {
	return want{possible: true, earliest: day(earliest), latest: day(latest)}
}

// possibleUndated is a possible outcome with no date (the status quo).
var possibleUndated = want{possible: true}

func impossible(relax int, reasons ...string) want {
	return want{reasons: reasons, relax: relax}
}

func (w want) withTexts(ts ...string) want { w.texts = ts; return w }

func (w want) withMitigations(ms ...string) want { w.mitigations = ms; return w }

func checkOutcome(t *testing.T, r *deal.Result, id string, w want) {
	t.Helper()
	o := outcome(t, r, id)
	require.Equal(t, w.possible, o.Possible, "%s possible; reasons %v", id, o.Reasons)
	wantDate := func(n *int) time.Time {
		if n == nil {
			return time.Time{}
		}
		return days(*n)
	}
	require.Equal(t, wantDate(w.earliest).Format(time.DateOnly), o.Earliest.Format(time.DateOnly), "%s earliest", id)
	require.Equal(t, wantDate(w.latest).Format(time.DateOnly), o.Latest.Format(time.DateOnly), "%s latest", id)
	var keys []string
	for _, r := range o.Reasons {
		keys = append(keys, reasonKey(r))
	}
	require.ElementsMatch(t, w.reasons, slices.Compact(slices.Sorted(slices.Values(keys))), "%s reasons: %v", id, o.Reasons)
	for _, text := range w.texts {
		require.True(t, slices.ContainsFunc(o.Reasons, func(r deal.Reason) bool { return strings.Contains(r.Text, text) }),
			"%s: no reason says %q: %v", id, text, o.Reasons)
	}
	require.Len(t, o.Relax, w.relax, "%s relax set: %v", id, o.Relax)
	if w.mitigations != nil {
		require.Equal(t, w.mitigations, o.Mitigations, id)
	}
}

func TestAnalyzeOutcomes(t *testing.T) {
	g := func(id string, o gateOpts) func(*deal.Spec) {
		return func(s *deal.Spec) { s.Gates = append(s.Gates, gate(id, o)) }
	}
	threat := func(id, outcome string, n int, o deadlineOpts) func(*deal.Spec) {
		return func(s *deal.Spec) {
			s.Threats = append(s.Threats, deal.Threat{Deadline: deadline(id, days(n).Format(time.DateOnly), o), Outcome: outcome})
		}
	}
	position := func(p deal.Position) func(*deal.Spec) {
		return func(s *deal.Spec) {
			s.Positions = slices.DeleteFunc(s.Positions, func(x deal.Position) bool { return x.Party == p.Party })
			if p.Accepts != nil || !p.From.IsZero() || !p.Until.IsZero() {
				s.Positions = append(s.Positions, p)
			}
		}
	}
	noPosition := func(party parties.ID) func(*deal.Spec) {
		return func(s *deal.Spec) {
			s.Positions = slices.DeleteFunc(s.Positions, func(x deal.Position) bool { return x.Party == party })
		}
	}
	refuses := position(deal.Position{Party: "seller", Accepts: fails})
	const gateText = "Gate g (Regulator g) applies; clearance test: the facts fail: fails"
	for _, tc := range []struct {
		name string
		spec []func(*deal.Spec)
		want map[string]want
	}{{
		name: "closes without gates on the as-of date",
		want: map[string]want{
			"buy":          possible(0, 0),
			deal.StatusQuo: impossible(1, "closing:buy").withTexts("buy closes for certain once pursued: every consent and clearance it needs is certain, landing by 2021-01-04"),
		},
	}, {
		name: "a position refuses",
		spec: []func(*deal.Spec){refuses},
		want: map[string]want{
			"buy":          impossible(1, "position:seller").withTexts("Seller refuses buy: the facts fail: fails"),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "a gate blocks",
		spec: []func(*deal.Spec){g("g", gateOpts{test: fails, min: 10, max: 30})},
		want: map[string]want{
			"buy":          impossible(1, "gate:g").withTexts(gateText),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "a position and a gate block together",
		spec: []func(*deal.Spec){refuses, g("g", gateOpts{test: fails, min: 10, max: 30})},
		want: map[string]want{
			"buy":          impossible(2, "position:seller", "gate:g"),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "an open consent",
		spec: []func(*deal.Spec){noPosition("seller")},
		want: map[string]want{
			"buy":          possible(0, 0),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "a discretionary gate",
		spec: []func(*deal.Spec){g("g", gateOpts{test: open, min: 10, max: 30})},
		want: map[string]want{
			"buy":          possible(9, 29),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "a gate whose trigger fails does not apply",
		spec: []func(*deal.Spec){g("g", gateOpts{trigger: fails, test: fails, min: 10, max: 30})},
		want: map[string]want{
			"buy":          possible(0, 0),
			deal.StatusQuo: impossible(1, "closing:buy"),
		},
	}, {
		name: "a gate whose trigger holds clears",
		spec: []func(*deal.Spec){g("g", gateOpts{trigger: holds, test: holds, min: 10, max: 30})},
		want: map[string]want{
			"buy":          possible(9, 29),
			deal.StatusQuo: impossible(1, "closing:buy"),
		},
	}, {
		name: "a gate whose trigger is open and test holds may delay the closing",
		spec: []func(*deal.Spec){g("g", gateOpts{trigger: open, test: holds, min: 10, max: 30})},
		want: map[string]want{
			"buy":          possible(0, 29),
			deal.StatusQuo: impossible(1, "closing:buy"),
		},
	}, {
		// The closing needs the gate not to apply, so its review never
		// delays it.
		name: "a gate whose trigger is open and test fails",
		spec: []func(*deal.Spec){g("g", gateOpts{trigger: open, test: fails, min: 10, max: 30})},
		want: map[string]want{
			"buy":          possible(0, 0),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "parallel gates: the closing is the last clearance",
		spec: []func(*deal.Spec){g("a", gateOpts{test: holds, min: 10, max: 30}), g("b", gateOpts{test: holds, min: 20, max: 40})},
		want: map[string]want{"buy": possible(19, 39)},
	}, {
		name: "a gate waits for another",
		spec: []func(*deal.Spec){g("b", gateOpts{test: holds, min: 20, max: 40, waits: []string{"a"}}), g("a", gateOpts{test: holds, min: 10, max: 30})},
		// b starts when a decides: on day 9 at the earliest, 29 at the latest.
		want: map[string]want{"buy": possible(9+19, 29+39)},
	}, {
		name: "a gate waits for one that does not apply",
		spec: []func(*deal.Spec){g("a", gateOpts{trigger: fails, min: 10, max: 30}), g("b", gateOpts{test: holds, min: 20, max: 40, waits: []string{"a"}})},
		want: map[string]want{"buy": possible(19, 39)},
	}, {
		name: "a gate waits for one that may apply",
		spec: []func(*deal.Spec){g("a", gateOpts{trigger: open, test: holds, min: 10, max: 30}), g("b", gateOpts{test: holds, min: 20, max: 40, waits: []string{"a"}})},
		want: map[string]want{"buy": possible(19, 29+39)},
	}, {
		name: "clear with mitigations",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30, mitigation: true})},
		want: map[string]want{"buy": possible(9, 29).withMitigations("ring-fence")},
	}, {
		name: "a deadline beaten",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 40, deadlineOpts{})},
		want: map[string]want{
			"buy":          possible(9, 29),
			"ban":          impossible(1, "closing:buy"),
			deal.StatusQuo: impossible(2, "deadline:d", "closing:buy").withTexts("Deadline d cannot be enjoined: Deadline d on 2021-02-13: ban"),
		},
	}, {
		name: "a closing on the deadline's day beats it",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 29, deadlineOpts{})},
		want: map[string]want{
			"buy":          possible(9, 29),
			"ban":          impossible(1, "closing:buy"),
			deal.StatusQuo: impossible(2, "deadline:d", "closing:buy"),
		},
	}, {
		name: "a deadline missed",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 5, deadlineOpts{})},
		want: map[string]want{
			"buy": impossible(1, "deadline:d").withTexts("buy cannot close before Deadline d: its clearances land on 2021-01-13 at the earliest, but Deadline d takes effect on 2021-01-09 and cannot be enjoined"),
			"ban": possible(5, 5),
			// The status quo needs the deadline enjoined and the closing
			// to fail.
			deal.StatusQuo: impossible(2, "deadline:d", "closing:buy"),
		},
	}, {
		name: "a deadline missed and a position refusing",
		spec: []func(*deal.Spec){refuses, g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 5, deadlineOpts{})},
		want: map[string]want{
			"buy":          impossible(2, "deadline:d", "position:seller"),
			"ban":          possible(5, 5),
			deal.StatusQuo: impossible(1, "deadline:d"),
		},
	}, {
		name: "a closing window straddling the deadline",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 20, deadlineOpts{})},
		want: map[string]want{
			"buy":          possible(9, 20),
			"ban":          possible(20, 20),
			deal.StatusQuo: impossible(2, "deadline:d", "closing:buy"),
		},
	}, {
		name: "a certain extension",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 5, deadlineOpts{ext: 30, certain: true})},
		want: map[string]want{
			"buy": possible(9, 29),
			"ban": impossible(1, "closing:buy"),
		},
	}, {
		name: "a possible extension",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 5, deadlineOpts{ext: 30})},
		want: map[string]want{
			"buy": possible(9, 29),
			"ban": possible(5, 5),
		},
	}, {
		name: "a possible extension too short",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 5, deadlineOpts{ext: 10})},
		want: map[string]want{
			"buy": possible(9, 15),
			"ban": possible(5, 15),
		},
	}, {
		name: "an injunction",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), threat("d", "ban", 5, deadlineOpts{enjoinable: true})},
		want: map[string]want{
			"buy":          possible(9, 29),
			"ban":          possible(5, 5),
			deal.StatusQuo: impossible(1, "closing:buy"),
		},
	}, {
		name: "an injunction and an open consent",
		spec: []func(*deal.Spec){noPosition("seller"), threat("d", "ban", 5, deadlineOpts{enjoinable: true})},
		want: map[string]want{
			"buy":          possible(0, 0),
			"ban":          possible(5, 5),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "a deadline that cannot be enjoined comes first",
		spec: []func(*deal.Spec){refuses, threat("a", "ban", 5, deadlineOpts{}), threat("b", "divestiture", 10, deadlineOpts{enjoinable: true})},
		want: map[string]want{
			"buy":         impossible(1, "position:seller"),
			"ban":         possible(5, 5),
			"divestiture": impossible(1, "deadline:a").withTexts("Deadline a takes effect by 2021-01-09 and cannot be enjoined, before Deadline b can on 2021-01-14"),
			// Only a's injunction is missing: b may be enjoined.
			deal.StatusQuo: impossible(1, "deadline:a"),
		},
	}, {
		name: "deadlines on the same day: the one listed first comes first",
		spec: []func(*deal.Spec){refuses, threat("a", "ban", 5, deadlineOpts{}), threat("b", "divestiture", 5, deadlineOpts{})},
		want: map[string]want{
			"ban":          possible(5, 5),
			"divestiture":  impossible(1, "deadline:a"),
			deal.StatusQuo: impossible(2, "deadline:a", "deadline:b"),
		},
	}, {
		name: "an earlier deadline may be extended past a later one",
		spec: []func(*deal.Spec){refuses, threat("a", "ban", 5, deadlineOpts{ext: 10}), threat("b", "divestiture", 10, deadlineOpts{})},
		want: map[string]want{
			"ban":         possible(5, 5),
			"divestiture": possible(10, 10),
		},
	}, {
		name: "no proposal on the table",
		spec: []func(*deal.Spec){func(s *deal.Spec) { s.Proposals = nil }, threat("d", "ban", 5, deadlineOpts{enjoinable: true})},
		want: map[string]want{
			"ban":          possible(5, 5),
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "no proposal and a deadline that cannot be enjoined",
		spec: []func(*deal.Spec){func(s *deal.Spec) { s.Proposals = nil }, threat("d", "ban", 5, deadlineOpts{})},
		want: map[string]want{
			"ban":          possible(5, 5),
			deal.StatusQuo: impossible(1, "deadline:d"),
		},
	}, {
		name: "filed before the as-of date: never closes before it",
		spec: []func(*deal.Spec){g("g", gateOpts{test: holds, min: 10, max: 30}), func(s *deal.Spec) { s.Proposals[0].Filed = days(-20) }},
		want: map[string]want{"buy": possible(0, 9)},
	}, {
		name: "a position that holds only from a later date",
		spec: []func(*deal.Spec){position(deal.Position{Party: "seller", Accepts: fails, From: days(1)})},
		want: map[string]want{"buy": possible(0, 0), deal.StatusQuo: possibleUndated},
	}, {
		name: "a position that held until the as-of date",
		spec: []func(*deal.Spec){position(deal.Position{Party: "seller", Accepts: fails, Until: days(0)})},
		want: map[string]want{"buy": possible(0, 0), deal.StatusQuo: possibleUndated},
	}, {
		name: "a position that holds from the as-of date",
		spec: []func(*deal.Spec){position(deal.Position{Party: "seller", Accepts: fails, From: days(0)})},
		want: map[string]want{"buy": impossible(1, "position:seller"), deal.StatusQuo: possibleUndated},
	}, {
		name: "two proposals, one blocked",
		spec: []func(*deal.Spec){
			func(s *deal.Spec) { s.Proposals = append(s.Proposals, rivalBuy()) },
			g("g", gateOpts{trigger: regulator.AcquirerIs(parties.IDs("rival")), test: fails, min: 10, max: 30}),
		},
		want: map[string]want{
			"buy":       possible(0, 0),
			"rival-buy": impossible(1, "gate:g").withTexts("Gate g (Regulator g) applies (acquirer Rival is among rival: holds); clearance test: the facts fail: fails"),
			// Pursuing the blocked proposal leaves things as they are.
			deal.StatusQuo: possibleUndated,
		},
	}, {
		name: "two proposals, both certain",
		spec: []func(*deal.Spec){
			func(s *deal.Spec) { s.Proposals = append(s.Proposals, rivalBuy()) },
			threat("d", "ban", 5, deadlineOpts{enjoinable: true}),
		},
		want: map[string]want{
			"buy":       possible(0, 0),
			"rival-buy": possible(0, 0),
			"ban":       impossible(1, "closing:buy", "closing:rival-buy"),
			// Relaxing one of the two closings is enough.
			deal.StatusQuo: impossible(1, "closing:buy", "closing:rival-buy"),
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			spec := baseSpec(t)
			for _, f := range tc.spec {
				f(&spec)
			}
			sc := mustNew(t, spec)
			r := analyze(t, sc)
			for id, w := range tc.want {
				checkOutcome(t, r, id, w)
			}
			requireWitnesses(t, sc, r)
			requireSmallestRelax(t, sc, r)
			requirePathsAgree(t, r)
		})
	}
}

// requirePathsAgree checks that every raw path reaches an outcome the
// result calls possible, that every possible outcome is reached by some
// path, and that PathCount counts them.
func requirePathsAgree(t testing.TB, r *deal.Result) {
	t.Helper()
	reached := map[string]bool{}
	n := int64(0)
	for p := range r.Paths() {
		n++
		o, ok := r.Outcome(p.Outcome)
		require.True(t, ok, p.Outcome)
		require.True(t, o.Possible, "path reaches %s, which the result calls impossible: %v", p.Outcome, p.Steps)
		reached[p.Outcome] = true
	}
	for _, o := range r.Outcomes {
		require.Equal(t, o.Possible, reached[o.ID], "%s possible but reached by no path", o.ID)
	}
	require.Equal(t, n, r.PathCount().Int64(), "path count")
}

func TestAnalyzeWitnessSteps(t *testing.T) {
	spec := baseSpec(t)
	spec.Gates = []regulator.Gate{
		gate("cleared", gateOpts{test: holds, min: 10, max: 30, mitigation: true}),
		gate("maybe", gateOpts{trigger: open, test: fails, min: 10, max: 30}),
	}
	spec.Threats = []deal.Threat{{Deadline: deadline("d", days(40).Format(time.DateOnly), deadlineOpts{enjoinable: true, ext: 30}), Outcome: "ban"}}
	r := analyze(t, mustNew(t, spec))
	type step struct{ kind, id, value string }
	steps := func(o deal.Outcome) []step {
		var out []step
		for _, s := range o.Witness {
			out = append(out, step{s.Kind, s.ID, s.Value})
		}
		return out
	}
	// The closing goes the way that needs the fewest reviews: the gate
	// that cannot clear does not apply.
	require.Equal(t, []step{
		{"proposal", "buy", "pursued"},
		{"consent", "buyer", "consents"},
		{"consent", "seller", "consents"},
		{"decision", "cleared", "clear-with-mitigations"},
		{"trigger", "maybe", "does not apply"},
		{"closing", "buy", "2021-01-13"},
		{"deadline", "d", "2021-02-13"},
	}, steps(outcome(t, r, "buy")))
	require.Equal(t, []string{"ring-fence"}, outcome(t, r, "buy").Mitigations)
	// The ban comes about when the gate that cannot clear applies and
	// blocks.
	require.Equal(t, []step{
		{"proposal", "buy", "pursued"},
		{"consent", "buyer", "consents"},
		{"consent", "seller", "consents"},
		{"decision", "cleared", "clear-with-mitigations"},
		{"trigger", "maybe", "applies"},
		{"decision", "maybe", "block"},
		{"deadline", "d", "2021-02-13"},
	}, steps(outcome(t, r, "ban")))
}

func TestAnalyzeDimensions(t *testing.T) {
	spec := baseSpec(t)
	// Buyer takes a stake in a new issue of target: 30% or 60%. The gate
	// needs US persons to hold more than 70% of target, which fails both
	// ways, for different figures.
	spec.Proposals = []deal.Proposal{{ID: "issue", Target: "target", Acquirers: []parties.ID{"buyer"}, Consents: []parties.ID{"seller", "buyer"},
		Moves:      []deal.Move{deal.Issue{Subject: "target", To: []deal.Allocation{{Holder: "buyer", Amount: deal.FromTerm("stake")}}}},
		Dimensions: []deal.Dimension{{Term: "stake", Values: []regulator.Value{regulator.Number(dec("0.3")), regulator.Number(dec("0.6"))}}}}}
	spec.Gates = []regulator.Gate{gate("g", gateOpts{test: regulator.Owned(regulator.OwnershipRule{Holders: usPersons, Threshold: parties.Threshold{Op: parties.MoreThan, Value: dec("0.7")}}), min: 10, max: 30})}
	sc := mustNew(t, spec)
	r := analyze(t, sc)
	o := outcome(t, r, "issue")
	require.False(t, o.Possible)
	require.Len(t, o.Reasons, 2)
	require.Contains(t, o.Reasons[0].Text, "US persons hold 30% of Target")
	require.Contains(t, o.Reasons[1].Text, "US persons hold 60% of Target")
	require.Equal(t, o.Reasons[:1], o.Relax)
	require.Equal(t, 2, r.Combinations)
	requireSmallestRelax(t, sc, r)

	// At more than 50%, the 60% stake clears.
	spec.Gates = []regulator.Gate{gate("g", gateOpts{test: regulator.Owned(regulator.OwnershipRule{Holders: usPersons, Threshold: parties.Majority}), min: 10, max: 30})}
	sc = mustNew(t, spec)
	r = analyze(t, sc)
	o = outcome(t, r, "issue")
	require.True(t, o.Possible)
	require.Contains(t, o.Witness, deal.Step{Kind: "term", ID: "stake", Value: "0.6", Open: true})
	requireWitnesses(t, sc, r)
	post, _, err := sc.PostDeal("issue", map[string]regulator.Value{"stake": regulator.Number(dec("0.6"))})
	require.NoError(t, err)
	own, err := post.OwnedBy("target", usPersons, parties.Direct())
	require.NoError(t, err)
	requireDecEqual(t, "0.6", own.Share.Min())
}

func TestAnalyzeDatedStakes(t *testing.T) {
	// Seller held target until 2020-12-01; rival holds it since.
	reg, err := parties.New([]parties.Party{
		{ID: "target", Jurisdiction: jUS}, {ID: "seller", Jurisdiction: jCN}, {ID: "rival", Jurisdiction: jUS}, {ID: "buyer", Jurisdiction: jUS},
	}, []parties.Stake{
		{Holder: "seller", Subject: "target", Economic: parties.Exact(dec("1")), Until: date("2020-12-01")},
		{Holder: "rival", Subject: "target", Economic: parties.Exact(dec("1")), From: date("2020-12-01")},
	})
	require.NoError(t, err)
	sell := func(seller parties.ID) deal.Proposal {
		return deal.Proposal{ID: "sale", Target: "target", Acquirers: []parties.ID{"buyer"},
			Moves: []deal.Move{deal.Transfer{Seller: seller, Buyer: "buyer", Subject: "target", Amount: deal.All()}}}
	}
	spec := deal.Spec{Register: reg, AsOf: date(asOf), Proposals: []deal.Proposal{sell("rival")}}
	sc := mustNew(t, spec)
	post, _, err := sc.PostDeal("sale", nil)
	require.NoError(t, err)
	own, err := post.OwnedBy("target", parties.IDs("buyer"), parties.Direct())
	require.NoError(t, err)
	requireDecEqual(t, "1", own.Share.Min())
	require.True(t, outcome(t, analyze(t, sc), "sale").Possible)

	// Seller no longer holds anything to sell.
	spec.Proposals = []deal.Proposal{sell("seller")}
	_, err = deal.New(spec)
	require.ErrorIs(t, err, deal.ErrTransfer)
	// But it did before 2020-12-01.
	spec.AsOf = date("2020-11-01")
	sc = mustNew(t, spec)
	require.True(t, outcome(t, analyze(t, sc), "sale").Possible)
	// Moved to a date on which it holds nothing, Analyze says why.
	_, err = sc.WithAsOf(date(asOf)).Analyze(t.Context(), nil)
	require.ErrorIs(t, err, deal.ErrTransfer)
}
