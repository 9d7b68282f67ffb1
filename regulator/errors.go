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
	// ErrMissing reports a required field, condition, predicate, value or
	// register that is not given.
	ErrMissing = errors.New("regulator: required field missing")
	// ErrThreshold reports a threshold outside [0, 1], or an invalid
	// threshold of an attribution method.
	ErrThreshold = errors.New("regulator: threshold outside [0, 1]")
	// ErrWindow reports an in-force window that ends before it starts.
	ErrWindow = errors.New("regulator: in-force window ends before it starts")
	// ErrPhase reports a review phase with a negative length, a minimum
	// above its maximum or in another unit, or an unknown day-one or roll
	// rule.
	ErrPhase = errors.New("regulator: invalid review phase")
	// ErrExtension reports a deadline extension of negative length, or one
	// its calendar cannot count.
	ErrExtension = errors.New("regulator: invalid deadline extension")
	// ErrCount reports an [AtLeastOf] count below zero or above the number
	// of its conditions.
	ErrCount = errors.New("regulator: count out of range")
	// ErrUnknownMitigation reports a [Requires] of a mitigation that its
	// gate does not define, or defines differently.
	ErrUnknownMitigation = errors.New("regulator: mitigation referenced but not defined")
	// ErrUnknownParty reports a party named by a gate's conditions that is
	// not in the register ([Gate.Validate]).
	ErrUnknownParty = errors.New("regulator: unknown party")
	// ErrDuplicate reports two mitigations of one gate with the same ID.
	ErrDuplicate = errors.New("regulator: duplicate ID")
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
