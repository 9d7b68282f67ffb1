package calendar

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors to branch on with [errors.Is]. The typed errors below wrap
// them and carry the detail.
var (
	// ErrNotCovered reports that a computation needed to know whether a day
	// is a working day, but the calendar's holiday data does not cover that
	// day's year. See [NotCoveredError].
	ErrNotCovered = errors.New("calendar: date not covered by holiday data")

	// ErrOutOfRange reports a date outside the years 1 to 9999, the range
	// this package computes in.
	ErrOutOfRange = errors.New("calendar: date out of range")

	// ErrNegativeLength reports a [Period] with a negative length.
	ErrNegativeLength = errors.New("calendar: negative period length")

	// ErrInvalidOptions reports [Options] that [New] rejects. See
	// [OptionError].
	ErrInvalidOptions = errors.New("calendar: invalid options")

	// ErrUnknownValue reports an enum value ([Unit], [DayOne], [Roll]) that
	// is not one of the package's constants. See [ValueError].
	ErrUnknownValue = errors.New("calendar: unknown value")
)

// NotCoveredError reports a working-day computation that left the years
// covered by a calendar's holiday data. It wraps [ErrNotCovered].
type NotCoveredError struct {
	Calendar string // name of the calendar, as returned by Calendar.Name
	Year     int    // the first year reached that the data does not cover
	From, To int    // the years the calendar covers, inclusive
}

// Error implements the error interface.
func (e *NotCoveredError) Error() string {
	return fmt.Sprintf("calendar: %q: no holiday data for year %d (covers %d to %d)",
		e.Calendar, e.Year, e.From, e.To)
}

// Unwrap returns [ErrNotCovered].
func (e *NotCoveredError) Unwrap() error { return ErrNotCovered }

// OptionError reports one problem with the [Options] given to [New]. It wraps
// [ErrInvalidOptions]. New joins several of them with [errors.Join].
type OptionError struct {
	Field  string    // the Options field at fault, e.g. "Holidays"
	Date   time.Time // the offending date, if the problem concerns one
	Reason string    // what is wrong
}

// Error implements the error interface.
func (e *OptionError) Error() string {
	if e.Date.IsZero() {
		return fmt.Sprintf("calendar: options: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("calendar: options: %s: %s: %s", e.Field, e.Date.Format(time.DateOnly), e.Reason)
}

// Unwrap returns [ErrInvalidOptions].
func (e *OptionError) Unwrap() error { return ErrInvalidOptions }

// ValueError reports text that does not name a constant of an enum type. It
// wraps [ErrUnknownValue].
type ValueError struct {
	Type  string // the enum type, e.g. "unit"
	Value string // the text that was not recognised
}

// Error implements the error interface.
func (e *ValueError) Error() string {
	return fmt.Sprintf("calendar: %s: unknown value %q", e.Type, e.Value)
}

// Unwrap returns [ErrUnknownValue].
func (e *ValueError) Unwrap() error { return ErrUnknownValue }
