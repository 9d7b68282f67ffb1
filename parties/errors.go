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
	ErrUnknownParty   = errors.New("parties: unknown party")
	ErrDuplicateParty = errors.New("parties: duplicate party")
	ErrEmptyID        = errors.New("parties: empty party ID")
	ErrInvalidKind    = errors.New("parties: invalid party kind")
	ErrShareRange     = errors.New("parties: share out of range")
	ErrInvertedRange  = errors.New("parties: share range minimum above maximum")
	ErrOverOwned      = errors.New("parties: holders add up to more than 100%")
	ErrSelfStake      = errors.New("parties: party holds a stake in itself")
	ErrJurisdiction   = errors.New("parties: invalid jurisdiction")
	ErrClosedCycle    = errors.New("parties: closed ownership cycle")
	ErrDates          = errors.New("parties: stake ends before it starts")
)

// PartyError reports a problem with one party.
type PartyError struct {
	ID  ID
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
	Index   int
	Holder  ID
	Subject ID
	Err     error
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

func (e *contextError) Error() string { return "parties: " + e.context + ": " + trimPrefix(e.err) }

func (e *contextError) Unwrap() error { return e.err }

// withContext returns err with context put before its detail.
func withContext(context string, err error) error { return &contextError{context, err} }

// trimPrefix drops the "parties: " of a wrapped error so that messages do not
// repeat it.
func trimPrefix(err error) string {
	return strings.TrimPrefix(err.Error(), "parties: ")
}
