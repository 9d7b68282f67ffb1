package regulator

import (
	"errors"
	"fmt"
)

// Sentinel errors to branch on with [errors.Is]. Errors from constructors wrap
// one of them inside a [*FieldError] naming the gate (or regulator, or
// deadline) and the field at fault. Where package calendar found the problem
// (a negative period, a date its holiday data does not cover), its error is
// wrapped too, so that [calendar.ErrNegativeLength] and
// [calendar.ErrNotCovered] match as well.
var (
	ErrMissing           = errors.New("regulator: required field missing")
	ErrThreshold         = errors.New("regulator: threshold outside [0, 1]")
	ErrWindow            = errors.New("regulator: in-force window ends before it starts")
	ErrPhase             = errors.New("regulator: invalid review phase")
	ErrExtension         = errors.New("regulator: invalid deadline extension")
	ErrCount             = errors.New("regulator: count out of range")
	ErrUnknownMitigation = errors.New("regulator: mitigation referenced but not defined")
	ErrUnknownParty      = errors.New("regulator: unknown party")
	ErrDuplicate         = errors.New("regulator: duplicate ID")
)

var errNoRegister = errors.New("regulator: the world has no register")

// FieldError reports a problem with one field of one gate, regulator or
// deadline.
type FieldError struct {
	// Kind is "gate", "regulator" or "deadline".
	Kind string
	// ID is the ID of the thing at fault.
	ID string
	// Field is the path of the field, such as "timeline.phases[1].max".
	Field string
	// Err is the problem, wrapping one of the sentinel errors.
	Err error
}

// Error returns "regulator: gate "id": field: detail".
func (e *FieldError) Error() string {
	msg := e.Err.Error()
	const p = "regulator: "
	if len(msg) > len(p) && msg[:len(p)] == p {
		msg = msg[len(p):]
	}
	return fmt.Sprintf("regulator: %s %q: %s: %s", e.Kind, e.ID, e.Field, msg)
}

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }
