package regulator

import (
	"errors"
	"fmt"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// Extension is how far a deadline can be pushed back.
type Extension struct {
	// Up is the longest extension; nil or a zero length means none.
	Up calendar.Period
	// Calendar counts Up where it is in working days.
	Calendar calendar.Calendar
	// Certain reports whether the extension will be granted (as a statute's
	// automatic extension); otherwise it is possible only, an open event.
	Certain bool
	// By names who grants it ("CFIUS", "the President").
	By string
}

// DeadlineSpec describes a deadline for [NewDeadline].
type DeadlineSpec struct {
	// ID identifies the deadline ("eo-13942").
	ID string
	// Name is its display name.
	Name string
	// Basis is the order or statute that sets it.
	Basis LegalBasis
	// Date is the day the consequence takes effect unless a deal closes
	// first.
	Date time.Time
	// Consequence describes what happens then ("prohibition of
	// transactions with ByteDance").
	Consequence string
	// Extension is how far the date can move; the zero Extension means none.
	Extension Extension
	// Enjoinable reports whether the consequence may be stopped: enjoined by
	// a court, or left unenforced by the authority (an open event).
	Enjoinable bool
	// Source is the address the deadline's facts come from.
	Source string
}

// Deadline is a dated order or statute with a consequence. It is immutable;
// build it with [NewDeadline].
type Deadline struct {
	s      DeadlineSpec
	latest time.Time
}

// NewDeadline validates spec and returns the deadline; every problem is a
// [*FieldError] naming the deadline and the field.
func NewDeadline(spec DeadlineSpec) (Deadline, error) {
	var errs []error
	report := func(field string, err error) {
		errs = append(errs, &FieldError{Kind: "deadline", ID: spec.ID, Field: field, Err: err})
	}
	if spec.ID == "" {
		report("id", fmt.Errorf("%w: deadline ID (deadline named %q)", ErrMissing, spec.Name))
	}
	if spec.Date.IsZero() {
		report("date", fmt.Errorf("%w: date", ErrMissing))
	}
	if up := spec.Extension.Up; up != nil {
		if err := up.Validate(); err != nil {
			report("extension.up", fmt.Errorf("%w: %w", ErrExtension, err))
		}
	}
	spec.Date = civil.Date(spec.Date)
	d := Deadline{s: spec, latest: spec.Date}
	if len(errs) == 0 && !calendar.IsZero(spec.Extension.Up) {
		end, err := spec.Extension.Calendar.End(spec.Date, spec.Extension.Up, calendar.NextDay, calendar.NoRoll)
		if err != nil {
			report("extension.up", fmt.Errorf("%w: %w", ErrExtension, err))
		}
		d.latest = end
	}
	if len(errs) > 0 {
		return Deadline{}, errors.Join(errs...)
	}
	return d, nil
}

// MustDeadline is like [NewDeadline] but panics on an invalid spec. It is
// meant for literals in tests and examples.
func MustDeadline(spec DeadlineSpec) Deadline {
	d, err := NewDeadline(spec)
	if err != nil {
		panic(err)
	}
	return d
}

// ID returns the deadline's ID.
func (d Deadline) ID() string { return d.s.ID }

// Name returns the deadline's name, or its ID.
func (d Deadline) Name() string {
	if d.s.Name != "" {
		return d.s.Name
	}
	return d.s.ID
}

// Spec returns the deadline's specification, for deriving a changed one.
func (d Deadline) Spec() DeadlineSpec { return d.s }

// Basis returns the deadline's legal basis.
func (d Deadline) Basis() LegalBasis { return d.s.Basis }

// Date returns the date without extension.
func (d Deadline) Date() time.Time { return d.s.Date }

// Consequence describes what happens on the deadline.
func (d Deadline) Consequence() string { return d.s.Consequence }

// Enjoinable reports whether the consequence may be stopped: enjoined by a
// court, or left unenforced by the authority.
func (d Deadline) Enjoinable() bool { return d.s.Enjoinable }

// Extendable reports whether the date may move: [Holds] for a certain
// extension, [Open] for a possible one, [Fails] for none.
func (d Deadline) Extendable() Truth {
	switch {
	case calendar.IsZero(d.s.Extension.Up):
		return Fails
	case d.s.Extension.Certain:
		return Holds
	}
	return Open
}

// Extension returns the deadline's extension.
func (d Deadline) Extension() Extension { return d.s.Extension }

// Earliest returns the earliest date the consequence can take effect: the
// date, or the extended date if the extension is certain.
func (d Deadline) Earliest() time.Time {
	if d.s.Extension.Certain {
		return d.latest
	}
	return d.s.Date
}

// Latest returns the latest date the consequence can take effect: the date
// with the longest extension.
func (d Deadline) Latest() time.Time { return d.latest }

// String describes the deadline, as in "EO 13942 prohibitions on 2020-09-20
// (Executive Order 13942): prohibition of transactions; may be enjoined".
func (d Deadline) String() string {
	s := fmt.Sprintf("%s on %s", d.Name(), d.s.Date.Format(time.DateOnly))
	if b := d.s.Basis.String(); b != "" {
		s += " (" + b + ")"
	}
	if d.s.Consequence != "" {
		s += ": " + d.s.Consequence
	}
	by := ""
	if d.s.Extension.By != "" {
		by = " by " + d.s.Extension.By
	}
	switch d.Extendable() {
	case Holds:
		s += fmt.Sprintf("; extended%s by %s to %s", by, d.s.Extension.Up, d.latest.Format(time.DateOnly))
	case Open:
		s += fmt.Sprintf("; may be extended%s by up to %s to %s", by, d.s.Extension.Up, d.latest.Format(time.DateOnly))
	}
	if d.s.Enjoinable {
		s += "; may be enjoined"
	}
	return s
}
