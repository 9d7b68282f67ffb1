package deal_test

import (
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// likelySpec has two proposals, an open consent, an open clearance test,
// and a deadline that may be enjoined or extended, with every likelihood.
//
// The gate reviews in 10 to 30 days (closing between days 9 and 29); the
// deadline is on day 20, or day 30 if extended: the closing straddles the
// first and beats the second.
func likelySpec(t testing.TB) deal.Spec {
	spec := baseSpec(t)
	spec.Proposals = []deal.Proposal{buy(), rivalBuy()}
	spec.Positions = []deal.Position{{Party: "buyer"}, {Party: "rival"}} // seller's consent is open
	spec.Gates = []regulator.Gate{gate("g", gateOpts{test: open, min: 10, max: 30})}
	spec.Threats = []deal.Threat{{Deadline: deadline("d", days(20).Format(time.DateOnly), deadlineOpts{enjoinable: true, ext: 10}), Outcome: "ban"}}
	spec.Likelihoods = deal.Likelihoods{
		Proposals:  map[string]decimal.Decimal{"buy": dec("0.6"), "rival-buy": dec("0.4")},
		Consent:    map[string]decimal.Decimal{"seller": dec("0.8")},
		Clearance:  map[string]decimal.Decimal{"g": dec("0.7"), "g/rival-buy": dec("0.5")},
		Injunction: map[string]decimal.Decimal{"d": dec("0.25")},
		Extension:  map[string]decimal.Decimal{"d": dec("0.5")},
		Timely:     map[string]decimal.Decimal{"d": dec("0.9")},
	}
	return spec
}

func TestAnalyzeProbabilities(t *testing.T) {
	sc := mustNew(t, likelySpec(t))
	r := analyze(t, sc)
	// By hand. The deadline is enjoined (0.25), in force on day 20 (0.375;
	// the closing straddles it) or on day 30 (0.375; the closing beats it).
	// buy passes with 0.8 × 0.7 = 0.56:
	//   closes 0.25×0.56 + 0.375×0.56×0.9 + 0.375×0.56 = 0.539
	//   ban    0.375×(1 − 0.504) + 0.375×0.44 = 0.351
	//   status quo 0.25×0.44 = 0.11
	// rival-buy passes with 0.8 × 0.5 = 0.4:
	//   closes 0.25×0.4 + 0.375×0.36 + 0.375×0.4 = 0.385
	//   ban    0.375×0.64 + 0.375×0.6 = 0.465
	//   status quo 0.25×0.6 = 0.15
	for id, p := range map[string]string{
		"buy":          "0.3234", // 0.6 × 0.539
		"rival-buy":    "0.154",  // 0.4 × 0.385
		"ban":          "0.3966", // 0.6 × 0.351 + 0.4 × 0.465
		deal.StatusQuo: "0.126",  // 0.6 × 0.11 + 0.4 × 0.15
	} {
		o := outcome(t, r, id)
		require.True(t, o.Possible, id)
		require.NotNil(t, o.Probability, id)
		requireDecEqual(t, p, *o.Probability, id)
	}
	requireProbabilitiesSumToOne(t, r)
	requirePathProbabilitiesSumToOne(t, r)
	requirePathsAgree(t, r)
}

// requirePathProbabilitiesSumToOne checks that every path has a
// probability and that they add up to exactly 1, and that the paths of
// each outcome add up to its probability.
func requirePathProbabilitiesSumToOne(t testing.TB, r *deal.Result) {
	t.Helper()
	sum := decimal.Zero
	per := map[string]decimal.Decimal{}
	for p := range r.Paths() {
		require.NotNil(t, p.Probability, "probability of %v", p.Steps)
		sum = sum.Add(*p.Probability)
		per[p.Outcome] = per[p.Outcome].Add(*p.Probability)
	}
	requireDecEqual(t, "1", sum, "sum of path probabilities")
	for _, o := range r.Outcomes {
		requireDecEqual(t, o.Probability.String(), per[o.ID], "paths of "+o.ID)
	}
}

func TestAnalyzeProbabilitiesMissing(t *testing.T) {
	for _, tc := range []struct {
		name string
		drop func(*deal.Likelihoods)
	}{
		{"proposals", func(l *deal.Likelihoods) { l.Proposals = nil }},
		{"consent", func(l *deal.Likelihoods) { l.Consent = nil }},
		{"clearance for one proposal only", func(l *deal.Likelihoods) { delete(l.Clearance, "g") }},
		{"injunction", func(l *deal.Likelihoods) { l.Injunction = nil }},
		{"extension", func(l *deal.Likelihoods) { l.Extension = nil }},
		{"timely", func(l *deal.Likelihoods) { l.Timely = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := likelySpec(t)
			tc.drop(&spec.Likelihoods)
			r := analyze(t, mustNew(t, spec))
			for _, o := range r.Outcomes {
				require.Nil(t, o.Probability, o.ID)
				require.True(t, o.Possible, o.ID)
			}
		})
	}
	// The narrowed likelihood takes precedence; without it the general one
	// applies, and the probabilities are known still.
	spec := likelySpec(t)
	delete(spec.Likelihoods.Clearance, "g/rival-buy")
	r := analyze(t, mustNew(t, spec))
	requireProbabilitiesSumToOne(t, r)
	requireDecEqual(t, "0.3234", *outcome(t, r, "buy").Probability, "buy")
	requireDecEqual(t, "0.2156", *outcome(t, r, "rival-buy").Probability, "rival-buy") // 0.4 × 0.539
}

func TestAnalyzeProbabilitiesTriggersAndDimensions(t *testing.T) {
	spec := baseSpec(t)
	spec.Positions = []deal.Position{{Party: "seller"}, {Party: "buyer"}}
	// A gate that may apply (0.5) and then clears with 0.4: the closing
	// passes it with 0.5 + 0.5 × 0.4 = 0.7.
	spec.Gates = []regulator.Gate{gate("g", gateOpts{trigger: open, test: open, min: 10, max: 30})}
	spec.Proposals[0].Terms = map[string]regulator.Value{}
	spec.Proposals[0].Dimensions = []deal.Dimension{{Term: "price", Values: []regulator.Value{regulator.Number(dec("10")), regulator.Number(dec("12"))},
		Likelihoods: []decimal.Decimal{dec("0.25"), dec("0.75")}}}
	spec.Likelihoods = deal.Likelihoods{
		Trigger:   map[string]decimal.Decimal{"g": dec("0.5")},
		Clearance: map[string]decimal.Decimal{"g": dec("0.4")},
	}
	r := analyze(t, mustNew(t, spec))
	requireDecEqual(t, "0.7", *outcome(t, r, "buy").Probability)
	requireDecEqual(t, "0.3", *outcome(t, r, deal.StatusQuo).Probability)
	requireProbabilitiesSumToOne(t, r)
	requirePathProbabilitiesSumToOne(t, r)
	// Three paths per price: the gate does not apply, applies and clears,
	// applies and blocks.
	require.Equal(t, int64(6), r.PathCount().Int64())

	// Without the dimension's likelihoods the probabilities are unknown.
	spec.Proposals[0].Dimensions[0].Likelihoods = nil
	r = analyze(t, mustNew(t, spec))
	require.Nil(t, outcome(t, r, "buy").Probability)
}
