package calendar_test

import (
	"errors"
	"testing"
	"time"

	"github.com/dealscape/dealscape/regulator/calendar"
)

var fuzzCalendars = []calendar.Calendar{
	calendar.US(), calendar.UK(), calendar.Germany(), calendar.Australia(), calendar.NewZealand(),
	calendar.Canada(), calendar.Japan(), calendar.EUCommission(), calendar.China(), calendar.Weekdays(),
}

// FuzzAddWorkingDays checks, for a start date between 1960 and 2110 and n in
// -3000..3000, that AddWorkingDays does not panic, fails only with
// ErrNotCovered, and otherwise returns a working day n working days away.
func FuzzAddWorkingDays(f *testing.F) {
	f.Add(int64(0), 10, uint8(0))     // 1960-01-01 (before US coverage)
	f.Add(int64(22237), 10, uint8(0)) // 2020-11-18
	f.Add(int64(23000), -250, uint8(8))
	f.Add(int64(25000), 3000, uint8(7))
	f.Add(int64(54000), 1, uint8(9))
	f.Fuzz(func(t *testing.T, offset int64, raw int, which uint8) {
		base := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
		offset = ((offset % 55000) + 55000) % 55000 // up to mid-2110
		n := calendar.WorkingDays(raw % 3001)
		c := fuzzCalendars[int(which)%len(fuzzCalendars)]
		start := base.AddDate(0, 0, int(offset))

		got, err := c.AddWorkingDays(start, n)
		if err != nil {
			if !errors.Is(err, calendar.ErrNotCovered) {
				t.Fatalf("%s: AddWorkingDays(%v, %d): unexpected error %v", c.Name(), start, n, err)
			}
			return
		}
		if n == 0 {
			if !got.Equal(start) {
				t.Fatalf("%s: AddWorkingDays(%v, 0) = %v", c.Name(), start, got)
			}
			return
		}
		if !c.IsWorkingDay(got) {
			t.Fatalf("%s: AddWorkingDays(%v, %d) = %v, not a working day", c.Name(), start, n, got)
		}
		if n > 0 {
			between, err := c.WorkingDaysBetween(start, got)
			if err != nil || between != n {
				t.Fatalf("%s: WorkingDaysBetween(%v, %v) = %d, %v; want %d", c.Name(), start, got, between, err, n)
			}
			back, err := c.AddWorkingDays(got, -n)
			if err != nil {
				t.Fatalf("%s: AddWorkingDays(%v, %d): %v", c.Name(), got, -n, err)
			}
			if c.IsWorkingDay(start) && !back.Equal(start) {
				t.Fatalf("%s: round trip from %v by %d came back to %v", c.Name(), start, n, back)
			}
		}
	})
}

// FuzzUnmarshalText checks that any text the enum types accept marshals
// back to the same text, and that nothing panics.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"calendar-days", "working-days", "months", "event-day", "next-day", "none", "following", "", "weeks"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var u calendar.Unit
		var o calendar.DayOne
		var r calendar.Roll
		for _, v := range []interface {
			UnmarshalText([]byte) error
			MarshalText() ([]byte, error)
		}{&u, &o, &r} {
			if err := v.UnmarshalText([]byte(s)); err != nil {
				if !errors.Is(err, calendar.ErrUnknownValue) {
					t.Fatalf("UnmarshalText(%q): unexpected error %v", s, err)
				}
				continue
			}
			text, err := v.MarshalText()
			if err != nil || string(text) != s {
				t.Fatalf("round trip of %q gave %q, %v", s, text, err)
			}
		}
	})
}
