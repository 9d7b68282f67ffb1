package diagram

import "errors"

// Sentinel errors to branch on with [errors.Is]. A subject missing from
// every register drawn is reported as [parties.ErrUnknownParty], an unknown
// proposal as [deal.ErrUnknownProposal].
var (
	// ErrMissing reports a required input that is nil or zero: a register,
	// a scenario, a filing date for gates to review, a deadline's date.
	ErrMissing = errors.New("diagram: required input missing")
	// ErrNoWitness reports an impossible outcome: it has no witness path,
	// so no timeline to draw.
	ErrNoWitness = errors.New("diagram: outcome has no witness path")
	// ErrWaitCycle reports gates whose reviews wait for each other, so that
	// none can start.
	ErrWaitCycle = errors.New("diagram: gates wait for each other")
	// ErrOptions reports an invalid option, such as an unknown format.
	ErrOptions = errors.New("diagram: invalid option")
)
