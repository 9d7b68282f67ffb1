package deal

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// OutcomeKind says what sort of end state an [Outcome] is.
type OutcomeKind int8

// The kinds of outcome.
const (
	Closing     OutcomeKind = iota // a proposal closes
	Consequence                    // a deadline's consequence applies
	Nothing                        // the status quo: nothing happens
)

var outcomeKindNames = [...]string{Closing: "closing", Consequence: "consequence", Nothing: "status-quo"}

// String returns "closing", "consequence" or "status-quo".
func (k OutcomeKind) String() string {
	if k < 0 || int(k) >= len(outcomeKindNames) {
		return fmt.Sprintf("OutcomeKind(%d)", int8(k))
	}
	return outcomeKindNames[k]
}

// MarshalText implements [encoding.TextMarshaler].
func (k OutcomeKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(outcomeKindNames) {
		return nil, fmt.Errorf("deal: invalid outcome kind %d", int8(k))
	}
	return []byte(outcomeKindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *OutcomeKind) UnmarshalText(b []byte) error {
	for i, n := range outcomeKindNames {
		if n == string(b) {
			*k = OutcomeKind(i)
			return nil
		}
	}
	return fmt.Errorf("deal: unknown outcome kind %q", b)
}

// ReasonKind says what blocks an outcome.
type ReasonKind int8

// The kinds of reason.
const (
	// PositionReason is a party's red line: its position refuses the deal.
	PositionReason ReasonKind = iota
	// GateReason is a gate whose clearance test fails.
	GateReason
	// DeadlineReason is a deadline that cannot be met or cannot be enjoined.
	DeadlineReason
	// ClosingReason is a proposal certain to close, which rules out the
	// outcomes in which none does.
	ClosingReason
)

var reasonKindNames = [...]string{PositionReason: "position", GateReason: "gate", DeadlineReason: "deadline", ClosingReason: "closing"}

// String returns "position", "gate", "deadline" or "closing".
func (k ReasonKind) String() string {
	if k < 0 || int(k) >= len(reasonKindNames) {
		return fmt.Sprintf("ReasonKind(%d)", int8(k))
	}
	return reasonKindNames[k]
}

// MarshalText implements [encoding.TextMarshaler].
func (k ReasonKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(reasonKindNames) {
		return nil, fmt.Errorf("deal: invalid reason kind %d", int8(k))
	}
	return []byte(reasonKindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *ReasonKind) UnmarshalText(b []byte) error {
	for i, n := range reasonKindNames {
		if n == string(b) {
			*k = ReasonKind(i)
			return nil
		}
	}
	return fmt.Errorf("deal: unknown reason kind %q", b)
}

// Reason is a blocking fact: a party's red line, a gate whose test fails, a
// deadline that cannot be met.
type Reason struct {
	// Kind says what blocks: a position, a gate, a deadline, or a closing
	// certain to happen.
	Kind ReasonKind `json:"kind"`
	// Party is the party whose position blocks (for a position).
	Party parties.ID `json:"party,omitempty"`
	// Gate is the gate that blocks (for a gate).
	Gate string `json:"gate,omitempty"`
	// Deadline is the deadline at issue (for a deadline).
	Deadline string `json:"deadline,omitempty"`
	// Proposal is the proposal the reason concerns.
	Proposal string `json:"proposal,omitempty"`
	// Text is the explanation, with the figures and rules that decided it.
	Text string `json:"text"`
}

// Step is one choice or decision on a path to an outcome.
type Step struct {
	// Kind is what the step decides, and Value the choice made:
	//   - "proposal": the proposal pursued ("pursued");
	//   - "term": the value of an open term;
	//   - "consent": a party "consents" or "refuses";
	//   - "trigger": a gate whose trigger is open "applies" or "does not
	//     apply";
	//   - "decision": a gate's decision ("clear", "clear-with-mitigations",
	//     "block");
	//   - "injunction": a deadline is "enjoined";
	//   - "extension": a deadline is extended to the date given;
	//   - "deadline": a deadline takes effect on the date given;
	//   - "closing": the proposal closes, from the date given;
	//   - "timing": a closing whose review window straddles a deadline
	//     lands "on time" or "late".
	Kind string `json:"kind"`
	// ID names the proposal, term, party, gate or deadline.
	ID string `json:"id"`
	// Value is the choice made.
	Value string `json:"value"`
	// Text explains the step.
	Text string `json:"text,omitempty"`
	// Open reports whether the step could have gone another way: an open
	// consent, trigger or decision, an open term, the choice among several
	// proposals, a deadline that may be moved or stopped, a closing whose
	// timing straddles a deadline. A step that is not open is forced by the
	// facts.
	Open bool `json:"open,omitempty"`
}

// Outcome is the result for one end state of a scenario.
type Outcome struct {
	// ID identifies the outcome: a proposal's ID, a threat's outcome ID, or
	// [StatusQuo].
	ID string
	// Kind says what sort of end state it is.
	Kind OutcomeKind
	// Possible reports whether some consistent path reaches the outcome.
	Possible bool
	// Earliest and Latest bound the date it can be reached: for a closing,
	// the day its last clearance lands (never before the scenario's as-of
	// date); for a consequence, the day its deadline takes effect. Zero
	// where it has no date (the status quo) or is impossible.
	Earliest, Latest time.Time
	// Probability is the outcome's probability; nil where the scenario
	// gives no likelihoods at all, or where likelihoods are
	// missing for some open event.
	Probability *decimal.Decimal
	// Witness is one path that reaches a possible outcome.
	Witness []Step
	// Mitigations are the mitigations the witness's clearances need.
	Mitigations []string
	// Reasons are the blocking facts on every way an impossible outcome
	// could have come about.
	Reasons []Reason
	// Relax is a smallest set of Reasons that, relaxed together, would make
	// the outcome possible. Relaxing a position makes the party's consent
	// open, relaxing a gate makes its clearance test open, relaxing a
	// deadline lets a court enjoin it, and relaxing a closing makes it
	// uncertain (some consent or clearance it needs open).
	Relax []Reason
}

// Result is the analysis of a scenario.
type Result struct {
	// Scenario is the scenario's name.
	Scenario string
	// AsOf is the date it was evaluated at.
	AsOf time.Time
	// Outcomes are the outcomes: proposals in order, then the threats'
	// outcomes in order of first mention, then the status quo.
	Outcomes []Outcome
	// Combinations is the number of proposal-and-terms combinations
	// evaluated.
	Combinations int
	// Partial reports whether the analysis stopped early (cancelled or out
	// of budget); the outcomes then reflect only the combinations evaluated.
	Partial bool

	sc     *Scenario
	evals  [][]*comboEval
	opts   [][]dopt
	groups []group
}

// Outcome returns the outcome with the given ID and reports whether it
// exists.
func (r *Result) Outcome(id string) (Outcome, bool) {
	for _, o := range r.Outcomes {
		if o.ID == id {
			return o, true
		}
	}
	return Outcome{}, false
}

type jsonOutcome struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Possible    bool     `json:"possible"`
	Earliest    *string  `json:"earliest"`
	Latest      *string  `json:"latest"`
	Probability *string  `json:"probability"`
	Mitigations []string `json:"mitigations,omitempty"`
	Witness     []Step   `json:"witness"`
	Reasons     []Reason `json:"reasons"`
	Relax       []Reason `json:"relax,omitempty"`
}

type jsonResult struct {
	Scenario     string        `json:"scenario"`
	AsOf         string        `json:"as_of"`
	Outcomes     []jsonOutcome `json:"outcomes"`
	Combinations int           `json:"combinations"`
	Partial      bool          `json:"partial,omitempty"`
}

func dateString(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// MarshalJSON writes the result as stable JSON: snake_case fields, dates as
// YYYY-MM-DD (null where there is none), probabilities as decimal strings
// (null where unknown), outcomes in the result's order.
func (r *Result) MarshalJSON() ([]byte, error) {
	out := jsonResult{Scenario: r.Scenario, AsOf: r.AsOf.Format(time.DateOnly), Combinations: r.Combinations, Partial: r.Partial,
		Outcomes: make([]jsonOutcome, 0, len(r.Outcomes))}
	for _, o := range r.Outcomes {
		out.Outcomes = append(out.Outcomes, o.json())
	}
	return json.Marshal(out)
}

// MarshalJSON writes the outcome as one element of the "outcomes" array of
// [Result.MarshalJSON]: {"id", "kind", "possible", "earliest", "latest",
// "probability", "mitigations", "witness", "reasons", "relax"}.
func (o Outcome) MarshalJSON() ([]byte, error) { return json.Marshal(o.json()) }

func (o Outcome) json() jsonOutcome {
	j := jsonOutcome{ID: o.ID, Kind: o.Kind.String(), Possible: o.Possible, Earliest: dateString(o.Earliest), Latest: dateString(o.Latest),
		Mitigations: o.Mitigations, Witness: o.Witness, Reasons: o.Reasons, Relax: o.Relax}
	if o.Probability != nil {
		s := o.Probability.String()
		j.Probability = &s
	}
	if j.Witness == nil {
		j.Witness = []Step{}
	}
	if j.Reasons == nil {
		j.Reasons = []Reason{}
	}
	return j
}

// MarshalJSON writes {"steps", "outcome", "probability"}, the probability as
// a decimal string or null.
func (p Path) MarshalJSON() ([]byte, error) {
	var prob *string
	if p.Probability != nil {
		s := p.Probability.String()
		prob = &s
	}
	steps := p.Steps
	if steps == nil {
		steps = []Step{}
	}
	return json.Marshal(struct {
		Steps       []Step  `json:"steps"`
		Outcome     string  `json:"outcome"`
		Probability *string `json:"probability"`
	}{steps, p.Outcome, prob})
}
