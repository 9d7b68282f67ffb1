package calendar_test

import (
	"encoding"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dealscape/dealscape/regulator/calendar"
)

func TestEnd(t *testing.T) {
	tests := []struct {
		name  string
		cal   calendar.Calendar
		start time.Time
		p     calendar.Period
		first calendar.DayOne
		roll  calendar.Roll
		want  time.Time
	}{
		{
			// CFIUS: acceptance Mon 8 Jan 2024 is day 1; day 45 is
			// 8 Jan + 44 days = 21 Feb.
			name: "45 calendar days counting the event day",
			cal:  calendar.US(), start: d(2024, 1, 8), p: calendar.Days(45),
			first: calendar.EventDay, roll: calendar.NoRoll, want: d(2024, 2, 21),
		},
		{
			// 18 Nov 2020 + 44 days = Fri 1 Jan 2021, New Year's Day.
			name: "45 calendar days ending on a holiday, no roll",
			cal:  calendar.US(), start: d(2020, 11, 18), p: calendar.Days(45),
			first: calendar.EventDay, roll: calendar.NoRoll, want: d(2021, 1, 1),
		},
		{
			name: "45 calendar days ending on a holiday, rolled",
			cal:  calendar.US(), start: d(2020, 11, 18), p: calendar.Days(45),
			first: calendar.EventDay, roll: calendar.Following, want: d(2021, 1, 4),
		},
		{
			// HSR: filed Thu 1 Feb 2024; 30 days later is Sat 2 Mar 2024
			// (2024 is a leap year), which rolls to Mon 4 Mar.
			name: "HSR 30 days ending on a Saturday rolls to Monday",
			cal:  calendar.US(), start: d(2024, 2, 1), p: calendar.Days(30),
			first: calendar.NextDay, roll: calendar.Following, want: d(2024, 3, 4),
		},
		{
			name: "HSR 30 days ending on a Saturday without roll",
			cal:  calendar.US(), start: d(2024, 2, 1), p: calendar.Days(30),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2024, 3, 2),
		},
		{
			// Filed Sat 27 Apr 2024 + 30 = Mon 27 May 2024, Memorial Day.
			name: "HSR 30 days ending on a federal holiday rolls to Tuesday",
			cal:  calendar.US(), start: d(2024, 4, 27), p: calendar.Days(30),
			first: calendar.NextDay, roll: calendar.Following, want: d(2024, 5, 28),
		},
		{
			name: "US 10 working days from the day after",
			cal:  calendar.US(), start: d(2020, 11, 18), p: calendar.WorkingDays(10),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2020, 12, 3),
		},
		{
			// Wed 18 Nov is day 1, so day 10 is one working day earlier.
			name: "US 10 working days counting a working event day",
			cal:  calendar.US(), start: d(2020, 11, 18), p: calendar.WorkingDays(10),
			first: calendar.EventDay, roll: calendar.NoRoll, want: d(2020, 12, 2),
		},
		{
			// Sat 21 Nov is no working day: Mon 23 is day 1, Tue 24 day 2.
			name: "working days counting an event on a weekend",
			cal:  calendar.US(), start: d(2020, 11, 21), p: calendar.WorkingDays(2),
			first: calendar.EventDay, roll: calendar.NoRoll, want: d(2020, 11, 24),
		},
		{
			name: "one working day counting a working event day",
			cal:  calendar.US(), start: d(2020, 11, 18), p: calendar.WorkingDays(1),
			first: calendar.EventDay, roll: calendar.NoRoll, want: d(2020, 11, 18),
		},
		{
			// EUMR Phase I: notified Fri 15 Mar 2024, day 1 is Mon 18 Mar.
			name: "EU Phase I across Easter 2024",
			cal:  calendar.EUCommission(), start: d(2024, 3, 15), p: calendar.WorkingDays(25),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2024, 4, 24),
		},
		{
			name: "one month from 31 January 2020 ends on 29 February",
			cal:  calendar.Germany(), start: d(2020, 1, 31), p: calendar.Months(1),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2020, 2, 29),
		},
		{
			name: "one month from 31 January 2020 counting the event day",
			cal:  calendar.Germany(), start: d(2020, 1, 31), p: calendar.Months(1),
			first: calendar.EventDay, roll: calendar.NoRoll, want: d(2020, 2, 28),
		},
		{
			name: "one month from 31 January 2021 ends on 28 February",
			cal:  calendar.Germany(), start: d(2021, 1, 31), p: calendar.Months(1),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2021, 2, 28),
		},
		{
			// 15 Jan 2020 + 2 months = Sun 15 Mar 2020 -> Mon 16 Mar.
			name: "two months ending on a Sunday, rolled",
			cal:  calendar.Germany(), start: d(2020, 1, 15), p: calendar.Months(2),
			first: calendar.NextDay, roll: calendar.Following, want: d(2020, 3, 16),
		},
		{
			name: "months across a year end",
			cal:  calendar.Germany(), start: d(2023, 11, 30), p: calendar.Months(4),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2024, 3, 30),
		},
		{
			name: "zero length returns the start",
			cal:  calendar.US(), start: d(2020, 11, 26), p: calendar.WorkingDays(0),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2020, 11, 26),
		},
		{
			name: "nil period ends on the start",
			cal:  calendar.US(), start: d(2020, 11, 26), p: nil,
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2020, 11, 26),
		},
		{
			name: "nil period is rolled",
			cal:  calendar.US(), start: d(2020, 11, 26), p: nil,
			first: calendar.EventDay, roll: calendar.Following, want: d(2020, 11, 27),
		},
		{
			name: "zero length is rolled",
			cal:  calendar.US(), start: d(2020, 11, 26), p: calendar.Days(0),
			first: calendar.EventDay, roll: calendar.Following, want: d(2020, 11, 27),
		},
		{
			name: "China 30 working days across National Day 2020 with make-up days",
			// From Fri 25 Sep 2020: Sun 27 (1), 28-30 (2-4), 1-8 Oct off,
			// Fri 9 (5), Sat 10 (6), 12-16 (7-11), 19-23 (12-16),
			// 26-30 (17-21), 2-6 Nov (22-26), 9-12 Nov (27-30).
			cal: calendar.China(), start: d(2020, 9, 25), p: calendar.WorkingDays(30),
			first: calendar.NextDay, roll: calendar.NoRoll, want: d(2020, 11, 12),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cal.End(tt.start, tt.p, tt.first, tt.roll)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestEndErrors(t *testing.T) {
	tests := []struct {
		name  string
		cal   calendar.Calendar
		start time.Time
		p     calendar.Period
		first calendar.DayOne
		roll  calendar.Roll
		want  error
	}{
		{"negative days", calendar.US(), d(2020, 1, 1), calendar.Days(-1), calendar.EventDay, calendar.NoRoll, calendar.ErrNegativeLength},
		{"negative working days", calendar.US(), d(2020, 1, 1), calendar.WorkingDays(-3), calendar.NextDay, calendar.NoRoll, calendar.ErrNegativeLength},
		{"negative months", calendar.US(), d(2020, 1, 1), calendar.Months(-2), calendar.NextDay, calendar.NoRoll, calendar.ErrNegativeLength},
		{"unknown day one", calendar.US(), d(2020, 1, 1), calendar.Days(1), calendar.DayOne(9), calendar.NoRoll, calendar.ErrUnknownValue},
		{"unknown roll", calendar.US(), d(2020, 1, 1), calendar.Days(1), calendar.EventDay, calendar.Roll(-1), calendar.ErrUnknownValue},
		{"working days beyond coverage", calendar.China(), d(2026, 12, 1), calendar.WorkingDays(30), calendar.NextDay, calendar.NoRoll, calendar.ErrNotCovered},
		{"event day outside coverage", calendar.China(), d(2018, 12, 31), calendar.WorkingDays(3), calendar.EventDay, calendar.NoRoll, calendar.ErrNotCovered},
		{"roll beyond coverage", calendar.China(), d(2026, 12, 1), calendar.Days(60), calendar.NextDay, calendar.Following, calendar.ErrNotCovered},
		{"calendar days beyond year 9999", calendar.Weekdays(), d(9999, 12, 1), calendar.Days(60), calendar.NextDay, calendar.NoRoll, calendar.ErrOutOfRange},
		{"huge month count", calendar.Weekdays(), d(2020, 1, 1), calendar.Months(1 << 40), calendar.NextDay, calendar.NoRoll, calendar.ErrOutOfRange},
		{"huge day count", calendar.Weekdays(), d(2020, 1, 1), calendar.Days(1 << 40), calendar.NextDay, calendar.NoRoll, calendar.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.cal.End(tt.start, tt.p, tt.first, tt.roll)
			require.ErrorIs(t, err, tt.want)
		})
	}

	// Calendar days without a roll never consult the calendar.
	got, err := calendar.China().End(d(2026, 12, 1), calendar.Days(60), calendar.NextDay, calendar.NoRoll)
	require.NoError(t, err)
	assert.Equal(t, d(2027, 1, 30), got)
}

func TestPeriod(t *testing.T) {
	tests := []struct {
		name   string
		p      calendar.Period
		str    string
		n      int
		unit   calendar.Unit
		isZero bool
		valid  bool
	}{
		{"calendar days", calendar.Days(45), "45 calendar days", 45, calendar.UnitCalendarDays, false, true},
		{"one calendar day", calendar.Days(1), "1 calendar day", 1, calendar.UnitCalendarDays, false, true},
		{"working days", calendar.WorkingDays(25), "25 working days", 25, calendar.UnitWorkingDays, false, true},
		{"one working day", calendar.WorkingDays(1), "1 working day", 1, calendar.UnitWorkingDays, false, true},
		{"months", calendar.Months(2), "2 months", 2, calendar.UnitMonths, false, true},
		{"one month", calendar.Months(1), "1 month", 1, calendar.UnitMonths, false, true},
		{"zero days", calendar.Days(0), "0 calendar days", 0, calendar.UnitCalendarDays, true, true},
		{"zero working days", calendar.WorkingDays(0), "0 working days", 0, calendar.UnitWorkingDays, true, true},
		{"minus one month", calendar.Months(-1), "-1 month", -1, calendar.UnitMonths, false, false},
		{"negative", calendar.Days(-3), "-3 calendar days", -3, calendar.UnitCalendarDays, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.str, tt.p.String())
			assert.Equal(t, tt.n, tt.p.Len())
			assert.Equal(t, tt.unit, tt.p.Unit())
			assert.Equal(t, tt.isZero, calendar.IsZero(tt.p))
			if tt.valid {
				assert.NoError(t, tt.p.Validate())
			} else {
				err := tt.p.Validate()
				require.ErrorIs(t, err, calendar.ErrNegativeLength)
				assert.Contains(t, err.Error(), "calendar: period")
			}
			back, err := calendar.PeriodOf(tt.p.Len(), tt.p.Unit())
			require.NoError(t, err)
			assert.Equal(t, tt.p, back, "PeriodOf(Len, Unit) gives the period back")
		})
	}
	assert.True(t, calendar.IsZero(nil), "a nil period is zero")
	// Periods are comparable, so they can be map keys; equal lengths in
	// different units are different periods.
	seen := map[calendar.Period]bool{calendar.Days(30): true}
	assert.True(t, seen[calendar.Days(30)], "periods are comparable")
	assert.False(t, seen[calendar.WorkingDays(30)], "units are distinct types")
	assert.False(t, seen[calendar.Months(30)], "units are distinct types")
	_, err := calendar.PeriodOf(3, calendar.Unit(9))
	require.ErrorIs(t, err, calendar.ErrUnknownValue)
}

// textEnum is implemented by the pointer to each enum type.
type textEnum interface {
	encoding.TextMarshaler
	encoding.TextUnmarshaler
	String() string
}

func TestEnumsRoundTrip(t *testing.T) {
	type constant struct {
		value textEnum // pointer to the constant's value
		fresh func() textEnum
		text  string
	}
	unit := func(u calendar.Unit) *calendar.Unit { return &u }
	dayOne := func(f calendar.DayOne) *calendar.DayOne { return &f }
	roll := func(r calendar.Roll) *calendar.Roll { return &r }
	newUnit := func() textEnum { return new(calendar.Unit) }
	newDayOne := func() textEnum { return new(calendar.DayOne) }
	newRoll := func() textEnum { return new(calendar.Roll) }
	tests := []constant{
		{unit(calendar.UnitCalendarDays), newUnit, "calendar-days"},
		{unit(calendar.UnitWorkingDays), newUnit, "working-days"},
		{unit(calendar.UnitMonths), newUnit, "months"},
		{dayOne(calendar.EventDay), newDayOne, "event-day"},
		{dayOne(calendar.NextDay), newDayOne, "next-day"},
		{roll(calendar.NoRoll), newRoll, "none"},
		{roll(calendar.Following), newRoll, "following"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			text, err := tt.value.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(text))
			assert.Equal(t, tt.text, tt.value.String())
			got := tt.fresh()
			require.NoError(t, got.UnmarshalText(text))
			assert.Equal(t, tt.value, got)
		})
	}

	unknown := []struct {
		name  string
		fresh func() textEnum
		text  string
	}{
		{"unit", newUnit, "weeks"},
		{"unit empty", newUnit, ""},
		{"unit case", newUnit, "Months"},
		{"day one", newDayOne, "day-after"},
		{"roll", newRoll, "preceding"},
	}
	for _, tt := range unknown {
		t.Run("unknown "+tt.name, func(t *testing.T) {
			err := tt.fresh().UnmarshalText([]byte(tt.text))
			require.ErrorIs(t, err, calendar.ErrUnknownValue)
			assert.Contains(t, err.Error(), `"`+tt.text+`"`)
		})
	}

	invalid := []struct {
		name string
		v    encoding.TextMarshaler
		str  string
	}{
		{"unit", calendar.Unit(7), "Unit(7)"},
		{"day one", calendar.DayOne(-1), "DayOne(-1)"},
		{"roll", calendar.Roll(2), "Roll(2)"},
	}
	for _, tt := range invalid {
		t.Run("invalid "+tt.name, func(t *testing.T) {
			_, err := tt.v.MarshalText()
			require.ErrorIs(t, err, calendar.ErrUnknownValue)
			assert.Equal(t, tt.str, tt.v.(interface{ String() string }).String())
		})
	}
}
