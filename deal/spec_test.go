package deal_test

import (
	"errors"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// specErrors returns the *deal.SpecError values joined in err.
func specErrors(t testing.TB, err error) []*deal.SpecError {
	t.Helper()
	var out []*deal.SpecError
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		se, ok := errors.AsType[*deal.SpecError](e)
		require.True(t, ok, "not a *deal.SpecError: %v", e)
		out = append(out, se)
	}
	walk(err)
	return out
}

func TestNewErrors(t *testing.T) {
	text := regulator.Text("oracle")
	for _, tc := range []struct {
		name   string
		change func(*deal.Spec)
		is     []error // every one must match
		id     string  // the ID the first error names
	}{
		{"no register", func(s *deal.Spec) { s.Register = nil }, []error{deal.ErrMissing}, ""},
		{"no as-of date", func(s *deal.Spec) { s.AsOf = time.Time{} }, []error{deal.ErrMissing}, ""},
		{"position of an unknown party", func(s *deal.Spec) { s.Positions = append(s.Positions, deal.Position{Party: "ghost"}) },
			[]error{deal.ErrUnknownParty}, "ghost"},
		{"position naming an unknown party", func(s *deal.Spec) {
			s.Positions = append(s.Positions, deal.Position{Party: "seller",
				Accepts: regulator.Owned(regulator.OwnershipRule{Subject: "ghost", Holders: usPersons, Threshold: parties.Majority})})
		}, []error{deal.ErrUnknownParty}, "seller"},
		{"position with a missing condition", func(s *deal.Spec) {
			s.Positions = append(s.Positions, deal.Position{Party: "seller", Accepts: regulator.And(holds, nil)})
		}, []error{regulator.ErrMissing}, "seller"},
		{"gate naming an unknown party", func(s *deal.Spec) {
			s.Gates = []regulator.Gate{gate("g", gateOpts{test: regulator.Owned(regulator.OwnershipRule{Subject: "ghost", Holders: usPersons, Threshold: parties.Majority})})}
		}, []error{deal.ErrUnknownParty}, "g"},
		{"unknown target", func(s *deal.Spec) { s.Proposals[0].Target = "ghost" }, []error{deal.ErrUnknownParty}, "buy"},
		{"unknown acquirer", func(s *deal.Spec) { s.Proposals[0].Acquirers = []parties.ID{"ghost"} }, []error{deal.ErrUnknownParty}, "buy"},
		{"unknown consent", func(s *deal.Spec) { s.Proposals[0].Consents = []parties.ID{"ghost"} }, []error{deal.ErrUnknownParty}, "buy"},
		{"unknown party in a move", func(s *deal.Spec) {
			s.Proposals[0].Moves = []deal.Move{deal.Transfer{Seller: "seller", Buyer: "ghost", Subject: "target", Amount: deal.All()}}
		}, []error{deal.ErrUnknownParty}, "buy"},
		{"nil move", func(s *deal.Spec) { s.Proposals[0].Moves = []deal.Move{nil} }, []error{deal.ErrMissing}, "buy"},
		{"unknown gate waited for", func(s *deal.Spec) {
			s.Gates = []regulator.Gate{gate("g", gateOpts{waits: []string{"ghost"}})}
		}, []error{deal.ErrUnknownGate}, "g"},
		{"gates waiting for each other", func(s *deal.Spec) {
			s.Gates = []regulator.Gate{gate("a", gateOpts{waits: []string{"b"}}), gate("b", gateOpts{waits: []string{"a"}})}
		}, []error{deal.ErrCycle}, "a"},
		{"a gate waiting for itself", func(s *deal.Spec) { s.Gates = []regulator.Gate{gate("a", gateOpts{waits: []string{"a"}})} },
			[]error{deal.ErrCycle}, "a"},
		{"the zero gate", func(s *deal.Spec) { s.Gates = []regulator.Gate{{}} }, []error{deal.ErrMissing}, ""},
		{"the zero deadline", func(s *deal.Spec) { s.Threats = []deal.Threat{{Outcome: "ban"}} }, []error{deal.ErrMissing}, "ban"},
		{"unknown proposal in likelihoods", func(s *deal.Spec) {
			s.Likelihoods.Proposals = map[string]decimal.Decimal{"ghost": dec("1")}
		}, []error{deal.ErrUnknownProposal}, "ghost"},
		{"likelihood of an unknown gate", func(s *deal.Spec) {
			s.Likelihoods.Clearance = map[string]decimal.Decimal{"ghost": dec("0.5")}
		}, []error{deal.ErrUnknownEvent}, "ghost"},
		{"likelihood narrowed to an unknown proposal", func(s *deal.Spec) {
			s.Likelihoods.Consent = map[string]decimal.Decimal{"seller/ghost": dec("0.5")}
		}, []error{deal.ErrUnknownEvent}, "seller/ghost"},
		{"injunction narrowed to a proposal", func(s *deal.Spec) {
			s.Threats = []deal.Threat{{Deadline: deadline("d", "2021-02-01", deadlineOpts{enjoinable: true}), Outcome: "ban"}}
			s.Likelihoods.Injunction = map[string]decimal.Decimal{"d/buy": dec("0.5")}
		}, []error{deal.ErrUnknownEvent}, "d/buy"},
		{"issue leaving the subject over 100% owned", func(s *deal.Spec) {
			s.Proposals[0].Moves = []deal.Move{deal.Issue{Subject: "target", To: []deal.Allocation{
				{Holder: "buyer", Amount: deal.Fixed(dec("0.7"))}, {Holder: "rival", Amount: deal.Fixed(dec("0.6"))}}}}
		}, []error{deal.ErrShare}, "buy"},
		{"new entity over 100% owned", func(s *deal.Spec) {
			s.Proposals[0].Moves = []deal.Move{deal.Form{Party: parties.Party{ID: "newco", Jurisdiction: jUS}, Holders: []deal.Allocation{
				{Holder: "buyer", Amount: deal.Fixed(dec("0.7"))}, {Holder: "rival", Amount: deal.Fixed(dec("0.6"))}}}}
		}, []error{deal.ErrPostDeal, parties.ErrOverOwned}, "buy"},
		{"transfer of more than the seller holds", func(s *deal.Spec) {
			s.Proposals[0].Moves = []deal.Move{deal.Transfer{Seller: "buyer", Buyer: "rival", Subject: "target", Amount: deal.Fixed(dec("0.1"))}}
		}, []error{deal.ErrTransfer}, "buy"},
		{"share over 1", func(s *deal.Spec) {
			s.Proposals[0].Moves = []deal.Move{deal.Transfer{Seller: "seller", Buyer: "buyer", Subject: "target", Amount: deal.Fixed(dec("1.5"))}}
		}, []error{deal.ErrShare}, "buy"},
		{"FromTerm on a text term", func(s *deal.Spec) {
			s.Proposals[0].Terms = map[string]regulator.Value{"stake": text}
			s.Proposals[0].Moves = []deal.Move{deal.Transfer{Seller: "seller", Buyer: "buyer", Subject: "target", Amount: deal.FromTerm("stake")}}
		}, []error{deal.ErrTermType}, "buy"},
		{"FromTerm on an unknown term", func(s *deal.Spec) {
			s.Proposals[0].Moves = []deal.Move{deal.Transfer{Seller: "seller", Buyer: "buyer", Subject: "target", Amount: deal.FromTerm("stake")}}
		}, []error{deal.ErrUnknownTerm}, "buy"},
		{"dimension mixing kinds", func(s *deal.Spec) {
			s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{text, regulator.Bool(true)}}}
		}, []error{deal.ErrTermType}, "buy"},
		{"dimension with no values", func(s *deal.Spec) { s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian"}} },
			[]error{deal.ErrMissing}, "buy"},
		{"dimension with the zero value", func(s *deal.Spec) {
			s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{{}}}}
		}, []error{deal.ErrMissing}, "buy"},
		{"term both settled and open", func(s *deal.Spec) {
			s.Proposals[0].Terms = map[string]regulator.Value{"custodian": text}
			s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{text}}}
		}, []error{deal.ErrDuplicate}, "buy"},
		{"two dimensions of one term", func(s *deal.Spec) {
			s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{text}}, {Term: "custodian", Values: []regulator.Value{text}}}
		}, []error{deal.ErrDuplicate}, "buy"},
		{"consent probability over 1", func(s *deal.Spec) {
			s.Likelihoods.Consent = map[string]decimal.Decimal{"seller": dec("1.5")}
		}, []error{deal.ErrProbability}, "seller"},
		{"clearance probability below 0", func(s *deal.Spec) {
			s.Gates = []regulator.Gate{gate("g", gateOpts{test: open})}
			s.Likelihoods.Clearance = map[string]decimal.Decimal{"g": dec("-0.1")}
		}, []error{deal.ErrProbability}, "g"},
		{"dimension likelihood over 1", func(s *deal.Spec) {
			s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{text, regulator.Text("none")},
				Likelihoods: []decimal.Decimal{dec("2"), dec("-1")}}}
		}, []error{deal.ErrProbability}, "buy"},
		{"dimension likelihoods not adding up", func(s *deal.Spec) {
			s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{text, regulator.Text("none")},
				Likelihoods: []decimal.Decimal{dec("0.5"), dec("0.4")}}}
		}, []error{deal.ErrProbabilitySum}, "buy"},
		{"dimension likelihoods too few", func(s *deal.Spec) {
			s.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{text, regulator.Text("none")},
				Likelihoods: []decimal.Decimal{dec("1")}}}
		}, []error{deal.ErrProbabilitySum}, "buy"},
		{"proposal likelihoods not adding up", func(s *deal.Spec) {
			s.Proposals = append(s.Proposals, rivalBuy())
			s.Likelihoods.Proposals = map[string]decimal.Decimal{"buy": dec("0.5"), "rival-buy": dec("0.6")}
		}, []error{deal.ErrProbabilitySum}, ""},
		{"proposal likelihoods missing one", func(s *deal.Spec) {
			s.Proposals = append(s.Proposals, rivalBuy())
			s.Likelihoods.Proposals = map[string]decimal.Decimal{"buy": dec("1")}
		}, []error{deal.ErrProbabilitySum}, ""},
		{"duplicate gate", func(s *deal.Spec) { s.Gates = []regulator.Gate{gate("g", gateOpts{}), gate("g", gateOpts{})} },
			[]error{deal.ErrDuplicate}, "g"},
		{"duplicate proposal", func(s *deal.Spec) { s.Proposals = append(s.Proposals, buy()) }, []error{deal.ErrDuplicate}, "buy"},
		{"proposal named like the status quo", func(s *deal.Spec) { s.Proposals[0].ID = deal.StatusQuo },
			[]error{deal.ErrDuplicate}, deal.StatusQuo},
		{"duplicate deadline", func(s *deal.Spec) {
			d := deadline("d", "2021-02-01", deadlineOpts{})
			s.Threats = []deal.Threat{{Deadline: d, Outcome: "ban"}, {Deadline: d, Outcome: "ban"}}
		}, []error{deal.ErrDuplicate}, "d"},
		{"threat outcome named like a proposal", func(s *deal.Spec) {
			s.Threats = []deal.Threat{{Deadline: deadline("d", "2021-02-01", deadlineOpts{}), Outcome: "buy"}}
		}, []error{deal.ErrDuplicate}, "buy"},
		{"duplicate consent", func(s *deal.Spec) { s.Proposals[0].Consents = []parties.ID{"seller", "seller"} },
			[]error{deal.ErrDuplicate}, "buy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := baseSpec(t)
			tc.change(&spec)
			sc, err := deal.New(spec)
			require.Error(t, err)
			require.Nil(t, sc)
			for _, target := range tc.is {
				require.ErrorIs(t, err, target)
			}
			ses := specErrors(t, err)
			require.NotEmpty(t, ses)
			require.Equal(t, tc.id, ses[0].ID, "%v", err)
			require.Contains(t, err.Error(), "deal: ")
		})
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	spec := baseSpec(t)
	spec.Positions = append(spec.Positions, deal.Position{Party: "ghost"})
	spec.Gates = []regulator.Gate{gate("g", gateOpts{waits: []string{"nowhere"}}), gate("g", gateOpts{})}
	spec.Proposals = append(spec.Proposals, buy())
	spec.Proposals[0].Target = "phantom"
	spec.Likelihoods.Consent = map[string]decimal.Decimal{"seller": dec("7")}
	// A move that cannot be applied does not hide the dimensions' faults.
	spec.Proposals[1].Moves = []deal.Move{deal.Transfer{Seller: "seller", Buyer: "ghost", Subject: "target", Amount: deal.All()}}
	spec.Proposals[1].Dimensions = []deal.Dimension{{Term: "k", Values: []regulator.Value{regulator.Bool(true), regulator.Text("x")}}}
	_, err := deal.New(spec)
	for _, target := range []error{deal.ErrUnknownParty, deal.ErrUnknownGate, deal.ErrDuplicate, deal.ErrProbability, deal.ErrTermType} {
		require.ErrorIs(t, err, target)
	}
	ids := map[string]bool{}
	for _, se := range specErrors(t, err) {
		ids[se.ID] = true
	}
	for _, id := range []string{"ghost", "g", "buy", "seller"} {
		require.True(t, ids[id], "no error names %q: %v", id, err)
	}
	require.Contains(t, err.Error(), `deal: positions[3].party ("ghost"): unknown party`)
	require.Contains(t, err.Error(), `deal: likelihoods.consent[seller] ("seller"): probability outside [0, 1]: 7`)
}

func TestNewCopiesIn(t *testing.T) {
	spec := baseSpec(t)
	allocs := []deal.Allocation{{Holder: "buyer", Amount: deal.Fixed(dec("0.2"))}}
	spec.Proposals[0].Moves = []deal.Move{deal.Issue{Subject: "target", To: allocs}}
	spec.Proposals[0].Terms = map[string]regulator.Value{"price": regulator.Number(dec("10"))}
	sc := mustNew(t, spec)
	// Changing the caller's slices and maps leaves the scenario as it was.
	allocs[0].Amount = deal.Fixed(dec("0.9"))
	spec.Proposals[0].Terms["price"] = regulator.Number(dec("99"))
	spec.Positions[0].Accepts = fails
	got := sc.Proposals()[0]
	require.Equal(t, "20%", got.Moves[0].(deal.Issue).To[0].Amount.String())
	v, _ := got.Terms["price"].AsNumber()
	requireDecEqual(t, "10", v)
	post, _, err := sc.PostDeal("buy", nil)
	require.NoError(t, err)
	own, err := post.OwnedBy("target", parties.IDs("buyer"), parties.Direct())
	require.NoError(t, err)
	requireDecEqual(t, "0.2", own.Share.Min())
	require.True(t, outcome(t, analyze(t, sc), "buy").Possible)
	// And so does changing what the scenario hands out.
	got.Moves[0].(deal.Issue).To[0] = deal.Allocation{Holder: "rival", Amount: deal.All()}
	require.Equal(t, parties.ID("buyer"), sc.Proposals()[0].Moves[0].(deal.Issue).To[0].Holder)
}

func TestPostDealErrors(t *testing.T) {
	spec := baseSpec(t)
	spec.Proposals[0].Dimensions = []deal.Dimension{{Term: "custodian", Values: []regulator.Value{regulator.Text("buyer"), regulator.Text("none")}}}
	sc := mustNew(t, spec)
	_, terms, err := sc.PostDeal("buy", nil)
	require.NoError(t, err)
	v, _ := terms.Get("custodian")
	require.Equal(t, "buyer", v.String())
	_, _, err = sc.PostDeal("ghost", nil)
	require.ErrorIs(t, err, deal.ErrUnknownProposal)
	_, _, err = sc.PostDeal("buy", map[string]regulator.Value{"price": regulator.Number(dec("1"))})
	require.ErrorIs(t, err, deal.ErrUnknownTerm)
	_, _, err = sc.PostDeal("buy", map[string]regulator.Value{"custodian": regulator.Bool(true)})
	require.ErrorIs(t, err, deal.ErrTermType)
}

func TestKindsText(t *testing.T) {
	for _, k := range []deal.OutcomeKind{deal.Closing, deal.Consequence, deal.Nothing} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		require.Equal(t, k.String(), string(b))
		var back deal.OutcomeKind
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, k, back)
	}
	for _, k := range []deal.ReasonKind{deal.PositionReason, deal.GateReason, deal.DeadlineReason, deal.ClosingReason} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		require.Equal(t, k.String(), string(b))
		var back deal.ReasonKind
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, k, back)
	}
	var o deal.OutcomeKind
	require.Error(t, o.UnmarshalText([]byte("victory")))
	var r deal.ReasonKind
	require.Error(t, r.UnmarshalText([]byte("whim")))
	_, err := deal.OutcomeKind(9).MarshalText()
	require.Error(t, err)
	_, err = deal.ReasonKind(-1).MarshalText()
	require.Error(t, err)
	require.Equal(t, "OutcomeKind(9)", deal.OutcomeKind(9).String())
}
