package parties

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors to branch on with [errors.Is]. Errors returned by this
// package wrap one of them, usually inside a [*PartyError] or [*StakeError]
// that names the thing at fault.
var (
	// ErrUnknownParty: a stake or a query names a party that is not in the
	// register.
	ErrUnknownParty = errors.New("parties: unknown party")
	// ErrDuplicateParty: two parties have the same ID.
	ErrDuplicateParty = errors.New("parties: duplicate party")
	// ErrEmptyID: a party has no ID.
	ErrEmptyID = errors.New("parties: empty party ID")
	// ErrInvalidKind: a party's Kind is not one of the constants.
	ErrInvalidKind = errors.New("parties: invalid party kind")
	// ErrShareRange: a share or threshold lies outside [0, 1], is not given,
	// or a threshold is of the wrong kind for its use.
	ErrShareRange = errors.New("parties: share out of range")
	// ErrInvertedRange: a share's minimum is above its maximum.
	ErrInvertedRange = errors.New("parties: share range minimum above maximum")
	// ErrOverOwned: a party's holders add up to more than 100%.
	ErrOverOwned = errors.New("parties: holders add up to more than 100%")
	// ErrSelfStake: a party holds a stake in itself.
	ErrSelfStake = errors.New("parties: party holds a stake in itself")
	// ErrJurisdiction: a code is not an ISO 3166-1 alpha-2 code or a known
	// bloc.
	ErrJurisdiction = errors.New("parties: invalid jurisdiction")
	// ErrClosedCycle: parties are held entirely by each other, or a
	// look-through through a cycle does not converge.
	ErrClosedCycle = errors.New("parties: closed ownership cycle")
	// ErrDates: a stake ends before it starts.
	ErrDates = errors.New("parties: stake ends before it starts")
)

// PartyError reports a problem with one party.
type PartyError struct {
	// ID is the party's ID (empty for a party without one).
	ID ID
	// Err is the problem; it wraps one of the sentinel errors.
	Err error
}

// Error returns "parties: party "ID": detail".
func (e *PartyError) Error() string {
	return fmt.Sprintf("parties: party %q: %v", e.ID, trimPrefix(e.Err))
}

// Unwrap returns the underlying error.
func (e *PartyError) Unwrap() error { return e.Err }

// StakeError reports a problem with one stake, identified by its position in
// the order stakes were added and by its holder and subject.
type StakeError struct {
	// Index is the stake's position among the stakes added to the builder,
	// from 0.
	Index int
	// Holder and Subject are the stake's ends, as given.
	Holder, Subject ID
	// Err is the problem; it wraps one of the sentinel errors.
	Err error
}

// Error returns "parties: stake #N (holder -> subject): detail".
func (e *StakeError) Error() string {
	return fmt.Sprintf("parties: stake #%d (%q -> %q): %v", e.Index, e.Holder, e.Subject, trimPrefix(e.Err))
}

// Unwrap returns the underlying error.
func (e *StakeError) Unwrap() error { return e.Err }

// contextError puts context before the detail of err: its message is
// "parties: context: detail" where err's is "parties: detail", and it wraps
// err.
type contextError struct {
	context string
	err     error
}

// Error returns "parties: context: detail".
func (e *contextError) Error() string { return "parties: " + e.context + ": " + trimPrefix(e.err) }

// Unwrap returns the error given context.
func (e *contextError) Unwrap() error { return e.err }

// withContext returns err with context put before its detail.
func withContext(context string, err error) error { return &contextError{context, err} }

// trimPrefix drops the "parties: " of a wrapped error so that messages do not
// repeat it.
func trimPrefix(err error) string {
	return strings.TrimPrefix(err.Error(), "parties: ")
}
