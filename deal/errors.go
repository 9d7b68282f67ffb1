package deal

import (
	"errors"
	"fmt"
)

// Sentinel errors to branch on with [errors.Is]. Errors from [New] wrap one
// of them inside a [*SpecError] naming the thing at fault.
var (
	// ErrUnknownParty: a party no register holds (nor any proposal forms).
	ErrUnknownParty = errors.New("deal: unknown party")
	// ErrUnknownGate: a gate waited for that the scenario does not have.
	ErrUnknownGate = errors.New("deal: unknown gate")
	// ErrUnknownProposal: a proposal the scenario does not have.
	ErrUnknownProposal = errors.New("deal: unknown proposal")
	// ErrUnknownTerm: a term a move or a choice names that the proposal
	// does not give.
	ErrUnknownTerm = errors.New("deal: unknown term")
	// ErrUnknownEvent: a likelihood for a party, gate or deadline that does
	// not exist, or narrowed where it cannot be.
	ErrUnknownEvent = errors.New("deal: likelihood for an unknown event")
	// ErrDuplicate: an ID, consent or term given twice.
	ErrDuplicate = errors.New("deal: duplicate ID")
	// ErrTermType: a term value of the wrong kind (a share from a text term,
	// a dimension mixing kinds).
	ErrTermType = errors.New("deal: term value of the wrong type")
	// ErrShare: a share outside [0, 1], or new shares adding up to more than
	// all of a subject.
	ErrShare = errors.New("deal: share outside [0, 1]")
	// ErrTransfer: a transfer of more than the seller holds.
	ErrTransfer = errors.New("deal: invalid transfer")
	// ErrPostDeal: a proposal leaves the register invalid (for example a
	// subject more than 100% owned); the register's error is wrapped too.
	ErrPostDeal = errors.New("deal: invalid post-deal register")
	// ErrProbability: a probability outside [0, 1].
	ErrProbability = errors.New("deal: probability outside [0, 1]")
	// ErrProbabilitySum: the probabilities of a choice's options do not add
	// up to 1.
	ErrProbabilitySum = errors.New("deal: probabilities of a choice do not add up to 1")
	// ErrMissing: a required field is missing.
	ErrMissing = errors.New("deal: required field missing")
	// ErrBudget: [Scenario.Analyze] ran out of its budget of combinations.
	ErrBudget = errors.New("deal: budget of combinations exhausted")
	// ErrCycle: gates wait for each other in a cycle.
	ErrCycle = errors.New("deal: gates wait for each other in a cycle")
)

// SpecError reports a problem with one part of a scenario: Path locates it
// ("proposals[1].moves[0]", "likelihoods.consent[bytedance]") and ID names it.
type SpecError struct {
	// Path locates the problem in the [Spec].
	Path string
	// ID names the party, gate, proposal, deadline or event at fault.
	ID string
	// Err is the problem, wrapping one of the sentinel errors.
	Err error
}

// Error returns "deal: path (id): detail".
func (e *SpecError) Error() string {
	msg := e.Err.Error()
	const p = "deal: "
	if len(msg) > len(p) && msg[:len(p)] == p {
		msg = msg[len(p):]
	}
	if e.ID != "" {
		return fmt.Sprintf("deal: %s (%q): %s", e.Path, e.ID, msg)
	}
	return fmt.Sprintf("deal: %s: %s", e.Path, msg)
}

// Unwrap returns the underlying error.
func (e *SpecError) Unwrap() error { return e.Err }
