package calendar

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Options describes a user-defined calendar for [New]. The zero Options is a
// Monday-to-Friday calendar with no holidays covering every year.
type Options struct {
	// Weekend lists the weekly days off. Nil means Saturday and Sunday; an
	// empty, non-nil slice means every day of the week is a working day
	// unless it is a holiday.
	Weekend []time.Weekday

	// Holidays lists the non-working days besides the weekend. Only the
	// calendar date of each time counts.
	Holidays []time.Time

	// WorkingDays lists make-up working days: weekend days that are working
	// days, as in China's holiday arrangements. Each must fall on a weekend
	// day and must not also be listed in Holidays.
	WorkingDays []time.Time

	// From and To are the first and last years the data covers, inclusive.
	// Zero means unbounded on that side, which this package takes as the
	// year 1 for From and 9999 for To. Working-day arithmetic that reaches a
	// year outside From..To fails with ErrNotCovered.
	From, To int
}

// New returns a calendar named name built from opts. The options are copied,
// so later changes to opts do not affect the calendar. New reports every
// problem it finds, joined with [errors.Join]; each is an [*OptionError]
// wrapping [ErrInvalidOptions]: an empty name, a weekday out of range, a
// weekend of all seven days, years outside 1 to 9999 or From after To, a
// date outside From..To, a working day that is not a weekend day, and a date
// listed both as a holiday and as a working day.
func New(name string, opts Options) (Calendar, error) {
	var errs []error
	bad := func(field string, d time.Time, format string, args ...any) {
		errs = append(errs, &OptionError{Field: field, Date: d, Reason: fmt.Sprintf(format, args...)})
	}
	if name == "" {
		bad("name", time.Time{}, "empty")
	}

	weekend := saturdaySunday
	if opts.Weekend != nil {
		weekend = 0
		for _, w := range opts.Weekend {
			if w < time.Sunday || w > time.Saturday {
				bad("Weekend", time.Time{}, "weekday %d out of range", int(w))
				continue
			}
			weekend |= 1 << w
		}
		if weekend == 0x7f {
			bad("Weekend", time.Time{}, "all seven days leave no working day")
		}
	}

	from, to := opts.From, opts.To
	if from == 0 {
		from = minYear
	}
	if to == 0 {
		to = maxYear
	}
	if from < minYear || from > maxYear {
		bad("From", time.Time{}, "year %d outside %d to %d", opts.From, minYear, maxYear)
	}
	if to < minYear || to > maxYear {
		bad("To", time.Time{}, "year %d outside %d to %d", opts.To, minYear, maxYear)
	}
	if from > to {
		bad("From", time.Time{}, "year %d after To %d", from, to)
	}

	s := &spec{name: name, weekend: weekend, from: from, to: to, tabFrom: 1, tabTo: 0}
	var ents []entry
	hols := map[int64]bool{}
	check := func(field string, d time.Time) (int64, bool) {
		day := dayOf(d)
		if y := d.Year(); y < from || y > to {
			bad(field, dateOf(day), "outside the covered years %d to %d", from, to)
			return day, false
		}
		return day, true
	}
	for _, d := range opts.Holidays {
		day, ok := check("Holidays", d)
		if !ok || hols[day] {
			continue
		}
		hols[day] = true
		ents = append(ents, entry{day: day, name: "Holiday"})
	}
	seen := map[int64]bool{}
	for _, d := range opts.WorkingDays {
		day, ok := check("WorkingDays", d)
		if !ok || seen[day] {
			continue
		}
		seen[day] = true
		switch {
		case hols[day]:
			bad("WorkingDays", dateOf(day), "also listed in Holidays")
		case !s.weekendDay(day):
			bad("WorkingDays", dateOf(day), "not a weekend day")
		default:
			ents = append(ents, entry{day: day, work: true})
		}
	}
	if len(errs) > 0 {
		return Calendar{}, errors.Join(errs...)
	}

	if len(ents) > 0 {
		years := make([]int, 0, len(ents))
		for _, e := range ents {
			years = append(years, dateOf(e.day).Year())
		}
		s.tabFrom, s.tabTo = slices.Min(years), slices.Max(years)
		s.entries = func(int, int) []entry { return ents }
	}
	return Calendar{s}, nil
}
