package calendar_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/dealscape/dealscape/regulator/calendar"
)

// Tests of the transcribed holiday tables against the published sources the
// tables name (see eu_table.go and china_table.go): each case is a day a
// source was read for.

func weekend(d time.Time) bool {
	return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
}

// daysOf lists the days of year for which keep is true, in order.
func daysOf(year int, keep func(time.Time) bool) []time.Time {
	var out []time.Time
	for day := d(year, time.January, 1); day.Year() == year; day = day.AddDate(0, 0, 1) {
		if keep(day) {
			out = append(out, day)
		}
	}
	return out
}

// dayCase is a day a source was read for and whether it is a working day.
type dayCase struct {
	name    string
	day     time.Time
	working bool
}

func checkWorkingDays(t *testing.T, c calendar.Calendar, cases []dayCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.working, c.IsWorkingDay(tc.day))
		})
	}
}

func TestEUCommissionTableDays(t *testing.T) {
	checkWorkingDays(t, calendar.EUCommission(), []dayCase{
		// Decision 2017/C 279/03 (2019), opening part.
		{"2019 New Year's Day", d(2019, time.January, 1), false},
		{"2019 day after New Year's Day", d(2019, time.January, 2), false},
		{"2019 3 January works", d(2019, time.January, 3), true},

		// Wikipedia's copy of the 2020 list.
		{"2020 Maundy Thursday", d(2020, time.April, 9), false},
		{"2020 Friday after Ascension", d(2020, time.May, 22), false},
		{"2020 All Souls' Day", d(2020, time.November, 2), false},

		// Decision 2021/C 24 I/01 (2022): the list opens in April.
		{"2022 Monday 3 January works", d(2022, time.January, 3), true},
		{"2022 Maundy Thursday", d(2022, time.April, 14), false},
		{"2022 Good Friday", d(2022, time.April, 15), false},

		// Decision 2021/C 201 I/02 (2023), read in full.
		{"2023 day after New Year's Day", d(2023, time.January, 2), false},
		{"2023 Schuman Declaration", d(2023, time.May, 9), false},
		{"2023 Luxembourg National Holiday works in Brussels", d(2023, time.June, 23), true},
		{"2023 Belgian National Holiday", d(2023, time.July, 21), false},
		{"2023 All Souls' Day", d(2023, time.November, 2), false},
		{"2023 end-of-year days start 25 December", d(2023, time.December, 25), false},
		{"2023 last end-of-year day 29 December", d(2023, time.December, 29), false},

		// Decision 2022/C 440/05 (2024), up to 15 August.
		{"2024 Maundy Thursday", d(2024, time.March, 28), false},
		{"2024 Easter Monday", d(2024, time.April, 1), false},
		{"2024 Schuman Declaration and Ascension Day", d(2024, time.May, 9), false},
		{"2024 day after Ascension Day", d(2024, time.May, 10), false},
		{"2024 Whit Monday", d(2024, time.May, 20), false},
		{"2024 Monday 22 July works", d(2024, time.July, 22), true},
		{"2024 Assumption", d(2024, time.August, 15), false},

		// Wikipedia's copy of the 2025 list.
		{"2025 Maundy Thursday", d(2025, time.April, 17), false},
		{"2025 Belgian National Holiday", d(2025, time.July, 21), false},
		{"2025 Monday 3 November works", d(2025, time.November, 3), true},
	})
}

// TestEUCommission2023List compares the whole of 2023 with the list of the
// Commission decision of 25 May 2021 (2021/C 201 I/02): 18 days, all
// weekdays, none of them Luxembourg's 23 June.
func TestEUCommission2023List(t *testing.T) {
	want := []time.Time{
		d(2023, time.January, 2),
		d(2023, time.April, 6), d(2023, time.April, 7), d(2023, time.April, 10),
		d(2023, time.May, 1), d(2023, time.May, 9), d(2023, time.May, 18),
		d(2023, time.May, 19), d(2023, time.May, 29),
		d(2023, time.July, 21), d(2023, time.August, 15),
		d(2023, time.November, 1), d(2023, time.November, 2),
		d(2023, time.December, 25), d(2023, time.December, 26), d(2023, time.December, 27),
		d(2023, time.December, 28), d(2023, time.December, 29),
	}
	var got []time.Time
	for h := range calendar.EUCommission().Holidays(d(2023, time.January, 1), d(2023, time.December, 31)) {
		got = append(got, h.Date)
	}
	assert.Equal(t, want, got)
}

func TestEUCommission2024SchumanAndAscension(t *testing.T) {
	var names []string
	for h := range calendar.EUCommission().Holidays(d(2024, time.May, 9), d(2024, time.May, 9)) {
		names = append(names, h.Name)
	}
	joined := strings.Join(names, " / ")
	assert.Contains(t, joined, "Schuman")
	assert.Contains(t, joined, "Ascension")
}

func TestChinaTableDays(t *testing.T) {
	checkWorkingDays(t, calendar.China(), []dayCase{
		{"2019 Saturday 2 February make-up day", d(2019, time.February, 2), true},
		{"2019 Labour Day revised to 1-4 May", d(2019, time.May, 3), false},
		{"2019 Sunday 5 May make-up day", d(2019, time.May, 5), true},
		{"2020 Spring Festival extended to Friday 31 January", d(2020, time.January, 31), false},
		{"2020 Saturday 1 February make-up day cancelled", d(2020, time.February, 1), false},
		{"2020 Monday 3 February works", d(2020, time.February, 3), true},
		{"2020 National Day and Mid-Autumn to 8 October", d(2020, time.October, 8), false},
		{"2021 Saturday 18 September make-up day", d(2021, time.September, 18), true},
		{"2022 Saturday 2 April make-up day", d(2022, time.April, 2), true},
		{"2022 Wednesday 4 May off", d(2022, time.May, 4), false},
		{"2023 Sunday 25 June make-up day", d(2023, time.June, 25), true},
		{"2023 Friday 6 October off", d(2023, time.October, 6), false},
		{"2024 Saturday 14 September make-up day", d(2024, time.September, 14), true},
		{"2024 Dragon Boat Monday 10 June off", d(2024, time.June, 10), false},
		{"2025 Tuesday 4 February off", d(2025, time.February, 4), false},
		{"2025 Saturday 8 February make-up day", d(2025, time.February, 8), true},
		{"2025 Wednesday 8 October off", d(2025, time.October, 8), false},
		{"2026 Sunday 4 January make-up day", d(2026, time.January, 4), true},
		{"2026 Saturday 28 February make-up day", d(2026, time.February, 28), true},
		{"2026 Monday 23 February off", d(2026, time.February, 23), false},
		{"2026 Mid-Autumn Friday 25 September off", d(2026, time.September, 25), false},
	})
}

// TestChinaMakeUpDays checks, year by year, that the Saturdays and Sundays
// China counts as working days are exactly the make-up days (调休上班) of
// the State Council's notice.
func TestChinaMakeUpDays(t *testing.T) {
	type md struct {
		m time.Month
		d int
	}
	want := map[int][]md{
		2019: {{2, 2}, {2, 3}, {4, 28}, {5, 5}, {9, 29}, {10, 12}},
		2020: {{1, 19}, {4, 26}, {5, 9}, {6, 28}, {9, 27}, {10, 10}},
		2021: {{2, 7}, {2, 20}, {4, 25}, {5, 8}, {9, 18}, {9, 26}, {10, 9}},
		2022: {{1, 29}, {1, 30}, {4, 2}, {4, 24}, {5, 7}, {10, 8}, {10, 9}},
		2023: {{1, 28}, {1, 29}, {4, 23}, {5, 6}, {6, 25}, {10, 7}, {10, 8}},
		2024: {{2, 4}, {2, 18}, {4, 7}, {4, 28}, {5, 11}, {9, 14}, {9, 29}, {10, 12}},
		2025: {{1, 26}, {2, 8}, {4, 27}, {9, 28}, {10, 11}},
		2026: {{1, 4}, {2, 14}, {2, 28}, {5, 9}, {9, 20}, {10, 10}},
	}
	cn := calendar.China()
	for year := 2019; year <= 2026; year++ {
		var wantDays []time.Time
		for _, x := range want[year] {
			wantDays = append(wantDays, d(year, x.m, x.d))
		}
		got := daysOf(year, func(d time.Time) bool { return weekend(d) && cn.IsWorkingDay(d) })
		assert.Equal(t, wantDays, got, "make-up days of %d", year)
	}
}

// TestChina2026DaysOff checks the weekdays off in 2026 against the notice of
// 4 November 2025: 1-3 January, 15-23 February, 4-6 April, 1-5 May,
// 19-21 June, 25-27 September and 1-7 October, less the weekends.
func TestChina2026DaysOff(t *testing.T) {
	want := []time.Time{
		d(2026, time.January, 1), d(2026, time.January, 2),
		d(2026, time.February, 16), d(2026, time.February, 17), d(2026, time.February, 18),
		d(2026, time.February, 19), d(2026, time.February, 20), d(2026, time.February, 23),
		d(2026, time.April, 6),
		d(2026, time.May, 1), d(2026, time.May, 4), d(2026, time.May, 5),
		d(2026, time.June, 19),
		d(2026, time.September, 25),
		d(2026, time.October, 1), d(2026, time.October, 2), d(2026, time.October, 5),
		d(2026, time.October, 6), d(2026, time.October, 7),
	}
	cn := calendar.China()
	got := daysOf(2026, func(d time.Time) bool { return !weekend(d) && !cn.IsWorkingDay(d) })
	assert.Equal(t, want, got)
}
