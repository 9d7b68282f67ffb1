package deal

import (
	"errors"
	"fmt"
)

// Sentinel errors to branch on with [errors.Is]. Errors from [New] wrap one
// of them inside a [*SpecError] naming the thing at fault.
var (
	ErrUnknownParty    = errors.New("deal: unknown party")
	ErrUnknownGate     = errors.New("deal: unknown gate")
	ErrUnknownProposal = errors.New("deal: unknown proposal")
	ErrUnknownTerm     = errors.New("deal: unknown term")
	ErrUnknownEvent    = errors.New("deal: likelihood for an unknown event")
	ErrDuplicate       = errors.New("deal: duplicate ID")
	ErrTermType        = errors.New("deal: term value of the wrong type")
	ErrShare           = errors.New("deal: share outside [0, 1]")
	ErrTransfer        = errors.New("deal: invalid transfer")
	ErrPostDeal        = errors.New("deal: invalid post-deal register")
	ErrProbability     = errors.New("deal: probability outside [0, 1]")
	ErrProbabilitySum  = errors.New("deal: probabilities of a choice do not add up to 1")
	ErrMissing         = errors.New("deal: required field missing")
	ErrBudget          = errors.New("deal: budget of combinations exhausted")
	ErrCycle           = errors.New("deal: gates wait for each other in a cycle")
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
