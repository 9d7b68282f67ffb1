package calendar

import (
	"fmt"
	"time"
)

// Unit is the unit a review period is expressed in. The zero Unit is
// CalendarDays.
type Unit int

// The units of a [Period].
const (
	CalendarDays Unit = iota // consecutive days, whatever the calendar
	WorkingDays              // working days of a Calendar
	Months                   // calendar months
)

var unitNames = [...]string{
	CalendarDays: "calendar-days",
	WorkingDays:  "working-days",
	Months:       "months",
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

// Period is a length of time in one [Unit], such as 45 calendar days or
// 25 working days. Periods are comparable values. The zero Period is zero
// calendar days. Constructors do not check the length; [Period.Validate]
// rejects a negative one.
type Period struct {
	n    int
	unit Unit
}

// Days returns a period of n calendar days.
func Days(n int) Period { return Period{n: n, unit: CalendarDays} }

// WorkingDayPeriod returns a period of n working days.
func WorkingDayPeriod(n int) Period { return Period{n: n, unit: WorkingDays} }

// MonthPeriod returns a period of n calendar months.
func MonthPeriod(n int) Period { return Period{n: n, unit: Months} }

// Len returns the period's length in its unit.
func (p Period) Len() int { return p.n }

// Unit returns the period's unit.
func (p Period) Unit() Unit { return p.unit }

// IsZero reports whether the period has length zero, whatever its unit.
func (p Period) IsZero() bool { return p.n == 0 }

// String returns the period in words, such as "45 calendar days",
// "25 working days", "1 month" or "2 months".
func (p Period) String() string {
	var one, many string
	switch p.unit {
	case CalendarDays:
		one, many = "calendar day", "calendar days"
	case WorkingDays:
		one, many = "working day", "working days"
	case Months:
		one, many = "month", "months"
	default:
		return fmt.Sprintf("%d %s", p.n, p.unit)
	}
	if p.n == 1 || p.n == -1 {
		return fmt.Sprintf("%d %s", p.n, one)
	}
	return fmt.Sprintf("%d %s", p.n, many)
}

// Validate reports whether the period can be used: it fails with
// [ErrNegativeLength] for a negative length and with [ErrUnknownValue] for a
// unit that is not one of the constants.
func (p Period) Validate() error {
	if _, err := p.unit.MarshalText(); err != nil {
		return err
	}
	if p.n < 0 {
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

// maxMonths bounds month arithmetic to the years 1 to 9999.
const maxMonths = 12 * (maxYear - minYear + 1)

// End returns the last day of period p for an event on start, at midnight
// UTC.
//
//   - CalendarDays: with EventDay the end is start + (n-1) days; with NextDay
//     it is start + n days.
//   - WorkingDays: with NextDay the end is the n-th working day after start.
//     With EventDay start is day 1 if it is a working day (otherwise the
//     first working day after start is day 1) and the end is the n-th
//     working day counted that way.
//   - Months: with NextDay the end is the day with start's day-of-month n
//     months later, or the last day of that month if it is shorter (BGB
//     §188(2) and (3): an event on 31 January plus one month ends on the last
//     day of February). With EventDay the end is the day before that.
//
// Then roll applies: with Following an end on a non-working day moves to the
// next working day. A period of length zero ends on start (rolled).
//
// End fails with [ErrNegativeLength] for a negative length, with
// [ErrUnknownValue] for an unknown unit, day-one or roll value, with
// [ErrNotCovered] when it has to consult the calendar about a year it does
// not cover, and with [ErrOutOfRange] for an end outside the years 1 to 9999.
func (c Calendar) End(start time.Time, p Period, first DayOne, roll Roll) (time.Time, error) {
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
	n := p.n
	end := day
	switch {
	case n == 0:
	case p.unit == CalendarDays:
		if n > maxSpan {
			return time.Time{}, outOfRange(p)
		}
		end = day + int64(n)
		if first == EventDay {
			end--
		}
	case p.unit == WorkingDays:
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
	case p.unit == Months:
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
