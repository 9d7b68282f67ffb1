package calendar

import (
	"fmt"
	"strconv"
	"time"
)

// Unit is the unit a [Period] counts in. The zero Unit is UnitCalendarDays.
type Unit int

// The units of a [Period], one for each of its types.
const (
	UnitCalendarDays Unit = iota // [Days]: consecutive days, whatever the calendar
	UnitWorkingDays              // [WorkingDays]: working days of a Calendar
	UnitMonths                   // [Months]: calendar months
)

var unitNames = [...]string{
	UnitCalendarDays: "calendar-days",
	UnitWorkingDays:  "working-days",
	UnitMonths:       "months",
}

// String returns "calendar-days", "working-days" or "months", or "Unit(n)"
// for a value that is not one of the constants.
func (u Unit) String() string {
	if u >= 0 && int(u) < len(unitNames) {
		return unitNames[u]
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// MarshalText implements [encoding.TextMarshaler] with the String form. It
// fails with [ErrUnknownValue] for a value that is not one of the constants.
func (u Unit) MarshalText() ([]byte, error) {
	if u < 0 || int(u) >= len(unitNames) {
		return nil, &ValueError{Type: "unit", Value: u.String()}
	}
	return []byte(unitNames[u]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the String
// forms of the constants and fails with [ErrUnknownValue] otherwise.
func (u *Unit) UnmarshalText(text []byte) error {
	for i, n := range unitNames {
		if string(text) == n {
			*u = Unit(i)
			return nil
		}
	}
	return &ValueError{Type: "unit", Value: string(text)}
}

// Period is a length of time in one unit: a [Days], [WorkingDays] or
// [Months] value, and nothing else (the interface is sealed). The three are
// distinct types, so a count of working days cannot be passed where calendar
// days are meant, and [Calendar.End] counts each in its own way. Periods
// are comparable: two are equal when they have the same type and length.
//
// A nil Period stands for no period: [Calendar.End] treats it as length
// zero, and [IsZero] reports it as zero.
type Period interface {
	// Len returns the length in the period's unit.
	Len() int
	// Unit returns the unit of the period's type.
	Unit() Unit
	// String returns the period in words, such as "45 calendar days",
	// "25 working days", "1 month" or "2 months".
	String() string
	// Validate fails with [ErrNegativeLength] for a negative length.
	Validate() error

	period()
}

// Days is a number of consecutive calendar days, such as CFIUS's 45-day
// review: calendar.Days(45).
type Days int

// WorkingDays is a number of working days of a [Calendar], such as the 25
// working days of EU merger control's Phase I: calendar.WorkingDays(25).
type WorkingDays int

// Months is a number of calendar months, such as the two months of a German
// foreign-investment review: calendar.Months(2).
type Months int

// PeriodOf returns the period of n units of u: a [Days], [WorkingDays] or
// [Months] value. It fails with [ErrUnknownValue] for a unit that is not one
// of the constants.
func PeriodOf(n int, u Unit) (Period, error) {
	switch u {
	case UnitCalendarDays:
		return Days(n), nil
	case UnitWorkingDays:
		return WorkingDays(n), nil
	case UnitMonths:
		return Months(n), nil
	}
	return nil, &ValueError{Type: "unit", Value: u.String()}
}

// IsZero reports whether p is nil or has length zero, whatever its unit.
func IsZero(p Period) bool { return p == nil || p.Len() == 0 }

// Len returns n as an int.
func (n Days) Len() int { return int(n) }

// Len returns n as an int.
func (n WorkingDays) Len() int { return int(n) }

// Len returns n as an int.
func (n Months) Len() int { return int(n) }

// Unit returns [UnitCalendarDays].
func (Days) Unit() Unit { return UnitCalendarDays }

// Unit returns [UnitWorkingDays].
func (WorkingDays) Unit() Unit { return UnitWorkingDays }

// Unit returns [UnitMonths].
func (Months) Unit() Unit { return UnitMonths }

// String returns the period in words: "1 calendar day", "45 calendar days".
func (n Days) String() string { return count(int(n), "calendar day", "calendar days") }

// String returns the period in words: "1 working day", "25 working days".
func (n WorkingDays) String() string { return count(int(n), "working day", "working days") }

// String returns the period in words: "1 month", "2 months".
func (n Months) String() string { return count(int(n), "month", "months") }

// Validate fails with [ErrNegativeLength] for a negative length.
func (n Days) Validate() error { return validate(n) }

// Validate fails with [ErrNegativeLength] for a negative length.
func (n WorkingDays) Validate() error { return validate(n) }

// Validate fails with [ErrNegativeLength] for a negative length.
func (n Months) Validate() error { return validate(n) }

func (Days) period()        {}
func (WorkingDays) period() {}
func (Months) period()      {}

func count(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

func validate(p Period) error {
	if p.Len() < 0 {
		return fmt.Errorf("calendar: period %q: %w", p.String(), ErrNegativeLength)
	}
	return nil
}

// DayOne says which day is the first day of a period triggered by an event.
// The zero DayOne is EventDay.
type DayOne int

// The day-one rules.
const (
	// EventDay counts the day of the event as day 1, as for a CFIUS notice,
	// whose acceptance date is day 1 of the review.
	EventDay DayOne = iota
	// NextDay starts counting on the day after the event; for a
	// working-day period the first working day after the event is day 1,
	// as in EU merger control (Regulation (EC) No 802/2004, Article 7).
	NextDay
)

var dayOneNames = [...]string{EventDay: "event-day", NextDay: "next-day"}

// String returns "event-day" or "next-day", or "DayOne(n)" for a value that
// is not one of the constants.
func (f DayOne) String() string {
	if f >= 0 && int(f) < len(dayOneNames) {
		return dayOneNames[f]
	}
	return fmt.Sprintf("DayOne(%d)", int(f))
}

// MarshalText implements [encoding.TextMarshaler] with the String form. It
// fails with [ErrUnknownValue] for a value that is not one of the constants.
func (f DayOne) MarshalText() ([]byte, error) {
	if f < 0 || int(f) >= len(dayOneNames) {
		return nil, &ValueError{Type: "day one", Value: f.String()}
	}
	return []byte(dayOneNames[f]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the String
// forms of the constants and fails with [ErrUnknownValue] otherwise.
func (f *DayOne) UnmarshalText(text []byte) error {
	for i, n := range dayOneNames {
		if string(text) == n {
			*f = DayOne(i)
			return nil
		}
	}
	return &ValueError{Type: "day one", Value: string(text)}
}

// Roll says what happens when a period's last day is not a working day. The
// zero Roll is NoRoll.
type Roll int

// The roll rules.
const (
	// NoRoll leaves the end of the period where it falls.
	NoRoll Roll = iota
	// Following moves an end on a non-working day to the next working day,
	// as for HSR waiting periods (16 CFR 803.10) and EU time limits
	// (Regulation (EEC, Euratom) No 1182/71, Article 3(4)).
	Following
)

var rollNames = [...]string{NoRoll: "none", Following: "following"}

// String returns "none" or "following", or "Roll(n)" for a value that is not
// one of the constants.
func (r Roll) String() string {
	if r >= 0 && int(r) < len(rollNames) {
		return rollNames[r]
	}
	return fmt.Sprintf("Roll(%d)", int(r))
}

// MarshalText implements [encoding.TextMarshaler] with the String form. It
// fails with [ErrUnknownValue] for a value that is not one of the constants.
func (r Roll) MarshalText() ([]byte, error) {
	if r < 0 || int(r) >= len(rollNames) {
		return nil, &ValueError{Type: "roll", Value: r.String()}
	}
	return []byte(rollNames[r]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the String
// forms of the constants and fails with [ErrUnknownValue] otherwise.
func (r *Roll) UnmarshalText(text []byte) error {
	for i, n := range rollNames {
		if string(text) == n {
			*r = Roll(i)
			return nil
		}
	}
	return &ValueError{Type: "roll", Value: string(text)}
}

// maxSpan and maxMonths bound day and month arithmetic: no two days in the
// years 1 to 9999 are further apart.
const (
	maxSpan   = 4_000_000
	maxMonths = 12 * (maxYear - minYear + 1)
)

// End returns the last day of period p for an event on start, at midnight
// UTC.
//
//   - [Days]: with EventDay the end is start + (n-1) days; with NextDay
//     it is start + n days.
//   - [WorkingDays]: with NextDay the end is the n-th working day after start.
//     With EventDay start is day 1 if it is a working day (otherwise the
//     first working day after start is day 1) and the end is the n-th
//     working day counted that way.
//   - [Months]: with NextDay the end is the day with start's day-of-month n
//     months later, or the last day of that month if it is shorter (BGB
//     §188(2) and (3): an event on 31 January plus one month ends on the last
//     day of February). With EventDay the end is the day before that.
//
// Then roll applies: with Following an end on a non-working day moves to the
// next working day. A period of length zero, or a nil period, ends on start
// (rolled).
//
// End fails with [ErrNegativeLength] for a negative length, with
// [ErrUnknownValue] for an unknown day-one or roll value, with
// [ErrNotCovered] when it has to consult the calendar about a year it does
// not cover, and with [ErrOutOfRange] for an end outside the years 1 to 9999.
func (c Calendar) End(start time.Time, p Period, first DayOne, roll Roll) (time.Time, error) {
	if p == nil {
		p = Days(0)
	}
	if err := p.Validate(); err != nil {
		return time.Time{}, err
	}
	if _, err := first.MarshalText(); err != nil {
		return time.Time{}, err
	}
	if _, err := roll.MarshalText(); err != nil {
		return time.Time{}, err
	}
	s := c.spec()
	day := dayOf(start)
	n := p.Len()
	end := day
	unit := p
	if n == 0 {
		unit = nil // ends on start
	}
	switch unit.(type) {
	case Days:
		if n > maxSpan {
			return time.Time{}, outOfRange(p)
		}
		end = day + int64(n)
		if first == EventDay {
			end--
		}
	case WorkingDays:
		k := n
		if first == EventDay {
			if day < s.covStart() || day > s.covEnd() {
				return time.Time{}, s.notCovered(day)
			}
			if s.isWork(day) {
				k--
			}
		}
		if k > 0 {
			var err error
			if end, err = s.forward(day, k); err != nil {
				return time.Time{}, err
			}
		}
	case Months:
		if n > maxMonths {
			return time.Time{}, outOfRange(p)
		}
		y, m, d := dateOf(day).Date()
		total := y*12 + int(m) - 1 + n
		ty, tm := total/12, time.Month(total%12+1)
		last := time.Date(ty, tm+1, 0, 0, 0, 0, 0, time.UTC).Day()
		end = dayOf(time.Date(ty, tm, min(d, last), 0, 0, 0, 0, time.UTC))
		if first == EventDay {
			end--
		}
	}
	if end < yearDay(minYear) || end > yearDay(maxYear+1)-1 {
		return time.Time{}, outOfRange(p)
	}
	if roll == Following {
		var err error
		if end, err = s.nextWorking(end); err != nil {
			return time.Time{}, err
		}
	}
	return dateOf(end), nil
}

func outOfRange(p Period) error {
	return fmt.Errorf("calendar: end of %s: %w", p, ErrOutOfRange)
}
