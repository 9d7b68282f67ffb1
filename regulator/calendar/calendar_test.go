package calendar_test

import (
	"errors"
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dealscape/dealscape/regulator/calendar"
)

func d(y int, m time.Month, day int) time.Time {
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

func TestAddWorkingDays(t *testing.T) {
	tests := []struct {
		name  string
		cal   calendar.Calendar
		start time.Time
		n     calendar.WorkingDays
		want  time.Time
	}{
		{
			// Thu 19, Fri 20, Mon 23 .. Wed 25 (5), Thanksgiving Thu 26
			// skipped, Fri 27 (6), Mon 30 (7), Tue 1 (8), Wed 2 (9), Thu 3 (10).
			name: "US 10 working days across Thanksgiving 2020",
			cal:  calendar.US(), start: d(2020, 11, 18), n: 10, want: d(2020, 12, 3),
		},
		{
			// Independence Day 2020 is a Saturday, observed Friday 3 July.
			name: "US observed Friday skipped",
			cal:  calendar.US(), start: d(2020, 7, 2), n: 1, want: d(2020, 7, 6),
		},
		{
			// Fri 2021-06-18 is Juneteenth observed: Thu 17 -> Mon 21.
			name: "US Juneteenth 2021 observed",
			cal:  calendar.US(), start: d(2021, 6, 17), n: 1, want: d(2021, 6, 21),
		},
		{
			name: "US Juneteenth 2020 not a holiday",
			cal:  calendar.US(), start: d(2020, 6, 18), n: 1, want: d(2020, 6, 19),
		},
		{
			// New Year 2022 is a Saturday, observed Friday 31 December 2021.
			name: "US New Year observed in the year before",
			cal:  calendar.US(), start: d(2021, 12, 30), n: 1, want: d(2022, 1, 3),
		},
		{
			name: "US backwards across Thanksgiving",
			cal:  calendar.US(), start: d(2020, 12, 3), n: -10, want: d(2020, 11, 18),
		},
		{
			// From Wed 29 Nov 2023: St Andrew's Day Thu 30 Nov skipped;
			// Fri 1 Dec (1); 4-8 Dec (2-6); 11-15 (7-11); 18-22 (12-16);
			// Christmas 25 and Boxing Day 26 skipped; 27-29 Dec (17-19);
			// New Year 1 Jan and the Scottish 2 January skipped; 3-5 Jan
			// (20-22); 8-12 Jan (23-27); 15, 16, 17 Jan (28-30).
			name: "UK 30 working days across Christmas 2023",
			cal:  calendar.UK(), start: d(2023, 11, 29), n: 30, want: d(2024, 1, 17),
		},
		{
			// From Thu 28 Nov 2024: Fri 29 (1); St Andrew's Day is a
			// Saturday, substitute Mon 2 Dec skipped; 3-6 Dec (2-5); 9-13
			// (6-10); 16-20 (11-15); 23, 24 (16, 17); 25, 26 skipped; 27
			// (18); 30, 31 (19, 20); 1 and 2 Jan skipped; 3 Jan (21);
			// 6-10 Jan (22-26); 13-16 Jan (27-30).
			name: "UK 30 working days across Christmas 2024 with St Andrew's substitute",
			cal:  calendar.UK(), start: d(2024, 11, 28), n: 30, want: d(2025, 1, 16),
		},
		{
			// From Fri 15 Mar 2024: 18-22 Mar (1-5); 25-27 (6-8); Maundy
			// Thursday 28, Good Friday 29, Easter Monday 1 Apr skipped;
			// 2-5 Apr (9-12); 8-12 (13-17); 15-19 (18-22); 22-24 (23-25).
			name: "EU Commission 25 working days across Easter 2024",
			cal:  calendar.EUCommission(), start: d(2024, 3, 15), n: 25, want: d(2024, 4, 24),
		},
		{
			// Sunday 27 September 2020 is a make-up working day.
			name: "China make-up Sunday",
			cal:  calendar.China(), start: d(2020, 9, 25), n: 1, want: d(2020, 9, 27),
		},
		{
			// 1-8 October 2020 off; Fri 9 Oct; Sat 10 Oct is a make-up day.
			name: "China National Day 2020",
			cal:  calendar.China(), start: d(2020, 9, 30), n: 2, want: d(2020, 10, 10),
		},
		{
			name: "weekdays only",
			cal:  calendar.Weekdays(), start: d(2020, 11, 18), n: 10, want: d(2020, 12, 2),
		},
		{
			name: "zero calendar is weekdays",
			cal:  calendar.Calendar{}, start: d(2020, 12, 2), n: -10, want: d(2020, 11, 18),
		},
		{
			name: "zero n returns the start",
			cal:  calendar.US(), start: d(2020, 11, 26), n: 0, want: d(2020, 11, 26),
		},
		{
			name: "time of day and location ignored",
			cal:  calendar.US(), n: 1, want: d(2020, 11, 30),
			start: time.Date(2020, 11, 27, 23, 30, 0, 0, time.FixedZone("UTC-10", -10*3600)),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cal.AddWorkingDays(tt.start, tt.n)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			if tt.n > 0 {
				between, err := tt.cal.WorkingDaysBetween(tt.start, got)
				require.NoError(t, err)
				assert.Equal(t, tt.n, between)
			}
		})
	}
}

func TestIsWorkingDay(t *testing.T) {
	tests := []struct {
		name string
		cal  calendar.Calendar
		day  time.Time
		want bool
	}{
		{"US Thanksgiving 2020", calendar.US(), d(2020, 11, 26), false},
		{"US Juneteenth 2021 observed Friday", calendar.US(), d(2021, 6, 18), false},
		{"US Juneteenth 2020 is a working day", calendar.US(), d(2020, 6, 19), true},
		{"US Independence Day 2020 observed Friday", calendar.US(), d(2020, 7, 3), false},
		{"US New Year 2022 observed 31 Dec 2021", calendar.US(), d(2021, 12, 31), false},
		{"US MLK Day 1985 not yet a holiday", calendar.US(), d(1985, 1, 21), true},
		{"US MLK Day 1986", calendar.US(), d(1986, 1, 20), false},
		{"US Veterans Day 1975 in October", calendar.US(), d(1975, 10, 27), false},
		{"US Christmas 2021 observed Friday 24th", calendar.US(), d(2021, 12, 24), false},
		{"US Saturday", calendar.US(), d(2020, 11, 21), false},
		{"UK Scottish 2 January 2024", calendar.UK(), d(2024, 1, 2), false},
		{"UK St Andrew's Day 2023", calendar.UK(), d(2023, 11, 30), false},
		{"UK St Andrew's substitute 2024", calendar.UK(), d(2024, 12, 2), false},
		{"UK St Patrick's Day 2025", calendar.UK(), d(2025, 3, 17), false},
		{"UK Battle of the Boyne 2025", calendar.UK(), d(2025, 7, 14), false},
		{"UK Scottish summer holiday 2025", calendar.UK(), d(2025, 8, 4), false},
		{"UK England summer holiday 2025", calendar.UK(), d(2025, 8, 25), false},
		{"UK Christmas 2022 substitute Tuesday", calendar.UK(), d(2022, 12, 27), false},
		{"UK State Funeral 2022", calendar.UK(), d(2022, 9, 19), false},
		{"UK VE Day 2020 Friday", calendar.UK(), d(2020, 5, 8), false},
		{"UK first Monday of May 2020 worked", calendar.UK(), d(2020, 5, 4), true},
		{"UK ordinary day", calendar.UK(), d(2024, 1, 3), true},
		{"Germany Reformationstag 2017", calendar.Germany(), d(2017, 10, 31), false},
		{"Germany 31 October 2018", calendar.Germany(), d(2018, 10, 31), true},
		{"Germany Tag der Deutschen Einheit", calendar.Germany(), d(2024, 10, 3), false},
		{"Germany Buß- und Bettag 1994", calendar.Germany(), d(1994, 11, 16), false},
		{"Germany Buß- und Bettag 1995 worked", calendar.Germany(), d(1995, 11, 22), true},
		{"Germany Corpus Christi not nationwide", calendar.Germany(), d(2024, 5, 30), true},
		{"Australia Canberra Day 2024", calendar.Australia(), d(2024, 3, 11), false},
		{"Australia Reconciliation Day 2024", calendar.Australia(), d(2024, 5, 27), false},
		{"Australia King's Birthday 2024", calendar.Australia(), d(2024, 6, 10), false},
		{"Australia Labour Day ACT 2024", calendar.Australia(), d(2024, 10, 7), false},
		{"Australia Melbourne Cup is not an ACT holiday", calendar.Australia(), d(2024, 11, 5), true},
		{"New Zealand Matariki 2024", calendar.NewZealand(), d(2024, 6, 28), false},
		{"New Zealand no Matariki in 2021", calendar.NewZealand(), d(2021, 6, 25), true},
		{"New Zealand Waitangi Day Mondayised 2021", calendar.NewZealand(), d(2021, 2, 8), false},
		{"New Zealand Waitangi Day not Mondayised 2010", calendar.NewZealand(), d(2010, 2, 8), true},
		{"Canada Truth and Reconciliation 2021", calendar.Canada(), d(2021, 9, 30), false},
		{"Canada 30 September 2020 worked", calendar.Canada(), d(2020, 9, 30), true},
		{"Canada Victoria Day 2024", calendar.Canada(), d(2024, 5, 20), false},
		{"Japan Emperor's Birthday substitute 2025", calendar.Japan(), d(2025, 2, 24), false},
		{"Japan Golden Week substitute 2025", calendar.Japan(), d(2025, 5, 6), false},
		{"Japan citizen's holiday 2026", calendar.Japan(), d(2026, 9, 22), false},
		{"Japan 30 April 2019", calendar.Japan(), d(2019, 4, 30), false},
		{"Japan 2 May 2019", calendar.Japan(), d(2019, 5, 2), false},
		{"Japan 23 December 2019 worked", calendar.Japan(), d(2019, 12, 23), true},
		{"Japan Mountain Day 2021 substitute", calendar.Japan(), d(2021, 8, 9), false},
		{"Japan 11 August 2020 worked", calendar.Japan(), d(2020, 8, 11), true},
		{"Japan Sports Day 2021 in July", calendar.Japan(), d(2021, 7, 23), false},
		{"Japan vernal equinox 2024", calendar.Japan(), d(2024, 3, 20), false},
		{"EU Schuman Day 2025", calendar.EUCommission(), d(2025, 5, 9), false},
		{"EU day after Ascension 2025", calendar.EUCommission(), d(2025, 5, 30), false},
		{"EU closure 31 December 2024", calendar.EUCommission(), d(2024, 12, 31), false},
		{"EU All Souls' Day 2023", calendar.EUCommission(), d(2023, 11, 2), false},
		{"EU ordinary day", calendar.EUCommission(), d(2024, 4, 2), true},
		{"China make-up Sunday 2020-01-19", calendar.China(), d(2020, 1, 19), true},
		{"China 2020-10-08 holiday", calendar.China(), d(2020, 10, 8), false},
		{"China extended Spring Festival 2020-01-31", calendar.China(), d(2020, 1, 31), false},
		{"China cancelled make-up Saturday 2020-02-01", calendar.China(), d(2020, 2, 1), false},
		{"China 2020-02-03 back to work", calendar.China(), d(2020, 2, 3), true},
		{"China make-up Saturday 2026-02-28", calendar.China(), d(2026, 2, 28), true},
		{"China outside table uses weekend rule", calendar.China(), d(2027, 10, 1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.cal.IsWorkingDay(tt.day))
		})
	}
}

func TestNotCovered(t *testing.T) {
	tests := []struct {
		name     string
		cal      calendar.Calendar
		start    time.Time
		n        calendar.WorkingDays
		wantYear int
	}{
		{"US past 2099", calendar.US(), d(2099, 12, 20), 30, 2100},
		{"US before 1971", calendar.US(), d(1971, 1, 10), -10, 1970},
		{"China past 2026", calendar.China(), d(2026, 12, 30), 5, 2027},
		{"China before 2019", calendar.China(), d(2019, 1, 3), -3, 2018},
		{"EU past 2027", calendar.EUCommission(), d(2027, 12, 20), 10, 2028},
		{"New Zealand past 2052", calendar.NewZealand(), d(2052, 12, 30), 3, 2053},
		{"weekdays past 9999", calendar.Weekdays(), d(9999, 12, 30), 3, 10000},
		{"huge n", calendar.US(), d(2020, 1, 1), 1 << 40, 2100},
		{"huge negative n", calendar.US(), d(2020, 1, 1), -1 << 40, 1970},
		{"most negative n", calendar.US(), d(2020, 1, 1), math.MinInt, 1970},
		{"most positive n", calendar.US(), d(2020, 1, 1), math.MaxInt, 2100},
		{"huge n from before coverage", calendar.US(), d(1960, 1, 1), 1 << 40, 1960},
		{"start before coverage", calendar.China(), d(2010, 5, 5), 1, 2010},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.cal.AddWorkingDays(tt.start, tt.n)
			require.ErrorIs(t, err, calendar.ErrNotCovered)
			nc, ok := errors.AsType[*calendar.NotCoveredError](err)
			require.True(t, ok)
			assert.Equal(t, tt.wantYear, nc.Year)
			assert.Equal(t, tt.cal.Name(), nc.Calendar)
			assert.Contains(t, err.Error(), tt.cal.Name())
		})
	}
}

func TestCovers(t *testing.T) {
	tests := []struct {
		name string
		cal  calendar.Calendar
		day  time.Time
		want bool
	}{
		{"US 1971", calendar.US(), d(1971, 1, 1), true},
		{"US 2099", calendar.US(), d(2099, 12, 31), true},
		{"US 2100", calendar.US(), d(2100, 1, 1), false},
		{"China 2019", calendar.China(), d(2019, 1, 1), true},
		{"China 2027", calendar.China(), d(2027, 1, 1), false},
		{"EU 2027", calendar.EUCommission(), d(2027, 6, 1), true},
		{"EU 2018", calendar.EUCommission(), d(2018, 6, 1), false},
		{"NZ 2053", calendar.NewZealand(), d(2053, 1, 1), false},
		{"weekdays year 1", calendar.Weekdays(), d(1, 1, 1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.cal.Covers(tt.day))
		})
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		cal  calendar.Calendar
		want string
	}{
		{calendar.US(), "US federal"},
		{calendar.UK(), "UK (any part)"},
		{calendar.EUCommission(), "European Commission"},
		{calendar.China(), "China (State Council)"},
		{calendar.Germany(), "Germany (nationwide)"},
		{calendar.Australia(), "Australia (ACT)"},
		{calendar.NewZealand(), "New Zealand"},
		{calendar.Canada(), "Canada (federal)"},
		{calendar.Japan(), "Japan"},
		{calendar.Calendar{}, "Weekdays (Monday to Friday)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.cal.Name())
		})
	}
	assert.Equal(t, calendar.Weekdays(), calendar.Calendar{})
	assert.Equal(t, calendar.US(), calendar.US(), "constructors return equal values")
}

func TestNextWorkingDay(t *testing.T) {
	tests := []struct {
		name string
		cal  calendar.Calendar
		day  time.Time
		want time.Time
	}{
		{"working day is itself", calendar.US(), d(2020, 11, 25), d(2020, 11, 25)},
		{"Thanksgiving to Friday", calendar.US(), d(2020, 11, 26), d(2020, 11, 27)},
		{"Saturday to Monday", calendar.US(), d(2020, 11, 28), d(2020, 11, 30)},
		{"China holiday to make-up Saturday", calendar.China(), d(2020, 10, 10), d(2020, 10, 10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cal.NextWorkingDay(tt.day)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := calendar.China().NextWorkingDay(d(2030, 1, 1))
	require.ErrorIs(t, err, calendar.ErrNotCovered)
}

func TestWorkingDaysBetween(t *testing.T) {
	tests := []struct {
		name     string
		cal      calendar.Calendar
		from, to time.Time
		want     calendar.WorkingDays
	}{
		{"same day", calendar.US(), d(2020, 11, 18), d(2020, 11, 18), 0},
		{"Thanksgiving week", calendar.US(), d(2020, 11, 22), d(2020, 11, 28), 4},
		{"reversed", calendar.US(), d(2020, 11, 28), d(2020, 11, 22), -4},
		// 2024 has 262 weekdays; 11 US federal holidays fall on weekdays
		// (New Year, MLK, Washington, Memorial, Juneteenth, Independence,
		// Labor, Columbus, Veterans, Thanksgiving, Christmas).
		{"US 2024", calendar.US(), d(2023, 12, 31), d(2024, 12, 31), 251},
		{"weekdays 2024", calendar.Weekdays(), d(2023, 12, 31), d(2024, 12, 31), 262},
		// 2020: 262 weekdays minus 9 weekday holidays (1 Jan, 24-30 Jan
		// less the weekend: 24, 27, 28, 29, 30, 31 Jan; 6 Apr; 1, 4, 5 May;
		// 25, 26 Jun; 1, 2, 5, 6, 7, 8 Oct) plus 6 make-up weekend days.
		{"China 2020", calendar.China(), d(2019, 12, 31), d(2020, 12, 31), 262 - 19 + 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cal.WorkingDaysBetween(tt.from, tt.to)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := calendar.China().WorkingDaysBetween(d(2026, 12, 1), d(2027, 1, 10))
	require.ErrorIs(t, err, calendar.ErrNotCovered)
}

func TestHolidays(t *testing.T) {
	tests := []struct {
		name     string
		cal      calendar.Calendar
		from, to time.Time
		want     []calendar.Holiday
	}{
		{
			name: "US July 2020", cal: calendar.US(), from: d(2020, 7, 1), to: d(2020, 7, 31),
			want: []calendar.Holiday{
				{Date: d(2020, 7, 3), Name: "Independence Day (observed)"},
				{Date: d(2020, 7, 4), Name: "Independence Day"},
			},
		},
		{
			name: "UK New Year 2022", cal: calendar.UK(), from: d(2022, 1, 1), to: d(2022, 1, 4),
			want: []calendar.Holiday{
				{Date: d(2022, 1, 1), Name: "New Year's Day"},
				{Date: d(2022, 1, 2), Name: "2nd January (Scotland)"},
				{Date: d(2022, 1, 3), Name: "New Year's Day (substitute day)"},
				{Date: d(2022, 1, 4), Name: "2nd January (Scotland) (substitute day)"},
			},
		},
		{
			name: "EU May 2024 merges names", cal: calendar.EUCommission(), from: d(2024, 5, 9), to: d(2024, 5, 10),
			want: []calendar.Holiday{
				{Date: d(2024, 5, 9), Name: "Anniversary of the Declaration by Robert Schuman in 1950 / Ascension Day"},
				{Date: d(2024, 5, 10), Name: "Day after Ascension Day"},
			},
		},
		{
			name: "empty range", cal: calendar.US(), from: d(2020, 7, 31), to: d(2020, 7, 1),
		},
		{
			name: "no holidays on weekdays calendar", cal: calendar.Weekdays(), from: d(2020, 1, 1), to: d(2020, 12, 31),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Collect(tt.cal.Holidays(tt.from, tt.to))
			assert.Equal(t, tt.want, got)
		})
	}

	// Early exit from the iterator.
	var n int
	for range calendar.US().Holidays(d(2020, 1, 1), d(2020, 12, 31)) {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)

	// China lists every day of a published holiday run.
	var oct []time.Time
	for h := range calendar.China().Holidays(d(2020, 10, 1), d(2020, 10, 31)) {
		oct = append(oct, h.Date)
	}
	assert.Len(t, oct, 8)
}

func TestNew(t *testing.T) {
	t.Run("defaults", func(t *testing.T) {
		c, err := calendar.New("plain", calendar.Options{})
		require.NoError(t, err)
		assert.Equal(t, "plain", c.Name())
		assert.False(t, c.IsWorkingDay(d(2024, 1, 6)))
		assert.True(t, c.Covers(d(1, 1, 1)))
	})
	t.Run("custom weekend holidays and make-up days", func(t *testing.T) {
		opts := calendar.Options{
			Weekend:     []time.Weekday{time.Friday, time.Saturday},
			Holidays:    []time.Time{d(2024, 4, 10), d(2024, 4, 11)},
			WorkingDays: []time.Time{d(2024, 4, 13)},
			From:        2024,
			To:          2024,
		}
		c, err := calendar.New("Gulf", opts)
		require.NoError(t, err)
		opts.Holidays[0] = d(2024, 5, 1) // the calendar keeps its own copy
		assert.False(t, c.IsWorkingDay(d(2024, 4, 10)))
		assert.True(t, c.IsWorkingDay(d(2024, 4, 7)), "Sunday")
		assert.True(t, c.IsWorkingDay(d(2024, 4, 13)), "make-up Saturday")
		assert.False(t, c.IsWorkingDay(d(2024, 4, 12)), "Friday")
		assert.True(t, c.IsWorkingDay(d(2024, 5, 1)))
		// Tue 9 Apr -> Wed, Thu off; Fri off; Sat 13 make-up (1); Sun 14 (2).
		got, err := c.AddWorkingDays(d(2024, 4, 9), 2)
		require.NoError(t, err)
		assert.Equal(t, d(2024, 4, 14), got)
		_, err = c.AddWorkingDays(d(2024, 12, 30), 5)
		require.ErrorIs(t, err, calendar.ErrNotCovered)
	})
	t.Run("unbounded with a table in the middle", func(t *testing.T) {
		c, err := calendar.New("one holiday", calendar.Options{Holidays: []time.Time{d(2024, 7, 1)}})
		require.NoError(t, err)
		// The table spans 2024 only; walk across its boundaries both ways
		// and compare with the weekdays calendar, which differs only by
		// the Monday holiday of 1 July 2024.
		w := calendar.Weekdays()
		for _, n := range []calendar.WorkingDays{1, 5, 131, 400, 2000} {
			a, err := c.AddWorkingDays(d(2023, 12, 29), n)
			require.NoError(t, err)
			b, err := w.AddWorkingDays(d(2023, 12, 29), n)
			require.NoError(t, err)
			if a.Before(d(2024, 7, 1)) {
				assert.Equal(t, b, a, "n=%d", n)
			} else {
				// One weekday holiday skipped: one working day further.
				b1, err := w.AddWorkingDays(d(2023, 12, 29), n+1)
				require.NoError(t, err)
				assert.Equal(t, b1, a, "n=%d", n)
				back, err := c.AddWorkingDays(a, -n)
				require.NoError(t, err)
				assert.Equal(t, d(2023, 12, 29), back, "n=%d", n)
			}
		}
	})
	t.Run("invalid", func(t *testing.T) {
		tests := []struct {
			name   string
			cname  string
			opts   calendar.Options
			errors int
			want   string
		}{
			{"empty name", "", calendar.Options{}, 1, "name: empty"},
			{"bad weekday", "x", calendar.Options{Weekend: []time.Weekday{7}}, 1, "weekday 7 out of range"},
			{"no working day", "x", calendar.Options{Weekend: []time.Weekday{0, 1, 2, 3, 4, 5, 6}}, 1, "no working day"},
			{"From after To", "x", calendar.Options{From: 2025, To: 2024}, 1, "after To"},
			{"year out of range", "x", calendar.Options{To: 10000}, 1, "year 10000"},
			{"holiday outside years", "x", calendar.Options{From: 2024, To: 2024, Holidays: []time.Time{d(2025, 1, 1)}}, 1, "2025-01-01"},
			{"working day not weekend", "x", calendar.Options{WorkingDays: []time.Time{d(2024, 4, 10)}}, 1, "2024-04-10: not a weekend day"},
			{
				"holiday and working day", "x",
				calendar.Options{Holidays: []time.Time{d(2024, 4, 13)}, WorkingDays: []time.Time{d(2024, 4, 13)}},
				1, "WorkingDays: 2024-04-13: also listed in Holidays",
			},
			{
				"several problems", "",
				calendar.Options{Weekend: []time.Weekday{-1}, WorkingDays: []time.Time{d(2024, 4, 10)}},
				3, "",
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := calendar.New(tt.cname, tt.opts)
				require.ErrorIs(t, err, calendar.ErrInvalidOptions)
				assert.Contains(t, err.Error(), tt.want)
				var n int
				if j, ok := err.(interface{ Unwrap() []error }); ok {
					n = len(j.Unwrap())
				}
				assert.Equal(t, tt.errors, n)
				oe, ok := errors.AsType[*calendar.OptionError](err)
				require.True(t, ok)
				assert.NotEmpty(t, oe.Field)
			})
		}
	})
}

// TestConcurrentFirstUse builds a calendar's table from many goroutines at
// once; run with -race.
func TestConcurrentFirstUse(t *testing.T) {
	c, err := calendar.New("fresh", calendar.Options{Holidays: []time.Time{d(2024, 12, 25)}})
	require.NoError(t, err)
	var wg sync.WaitGroup
	results := make([]time.Time, 16)
	for i := range results {
		wg.Go(func() {
			results[i], _ = c.AddWorkingDays(d(2024, 12, 20), 5)
		})
	}
	wg.Wait()
	for _, r := range results {
		assert.Equal(t, d(2024, 12, 30), r)
	}
}
