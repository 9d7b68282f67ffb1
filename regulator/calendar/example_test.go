package calendar_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/dealscape/dealscape/regulator/calendar"
)

// A CFIUS-style step counted in US business days: ten working days from
// Wednesday 18 November 2020 skip Thanksgiving and the weekends.
func ExampleCalendar_AddWorkingDays() {
	us := calendar.US()
	start := time.Date(2020, time.November, 18, 0, 0, 0, 0, time.UTC)
	end, err := us.AddWorkingDays(start, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(end.Format("Mon 2006-01-02"))
	for h := range us.Holidays(start, end) {
		fmt.Println("skipped", h.Date.Format("Mon 2006-01-02"), h.Name)
	}
	// Output:
	// Thu 2020-12-03
	// skipped Thu 2020-11-26 Thanksgiving Day
}

// Review periods of three regimes for the same filing date.
func ExampleCalendar_End() {
	filed := time.Date(2024, time.March, 15, 0, 0, 0, 0, time.UTC) // a Friday

	// EU merger control, Phase I: 25 working days from the working day
	// after notification, on the Commission's holidays (Easter 2024).
	eu, _ := calendar.EUCommission().End(filed, calendar.WorkingDays(25), calendar.NextDay, calendar.NoRoll)
	fmt.Println("EUMR Phase I:", eu.Format("Mon 2006-01-02"))

	// HSR: a 30-day waiting period; an end on a weekend or federal holiday
	// rolls to the next business day.
	hsr, _ := calendar.US().End(filed, calendar.Days(30), calendar.NextDay, calendar.Following)
	fmt.Println("HSR waiting period:", hsr.Format("Mon 2006-01-02"))

	// CFIUS review: 45 days, the acceptance date being day 1.
	cfius, _ := calendar.US().End(filed, calendar.Days(45), calendar.EventDay, calendar.NoRoll)
	fmt.Println("CFIUS review:", cfius.Format("Mon 2006-01-02"))

	// Germany, AWV phase 1: two months.
	awv, _ := calendar.Germany().End(filed, calendar.Months(2), calendar.NextDay, calendar.Following)
	fmt.Println("AWV phase 1:", awv.Format("Mon 2006-01-02"))

	// Output:
	// EUMR Phase I: Wed 2024-04-24
	// HSR waiting period: Mon 2024-04-15
	// CFIUS review: Sun 2024-04-28
	// AWV phase 1: Wed 2024-05-15
}

// China's working days follow the State Council's annual arrangement,
// including weekend days that are working days.
func ExampleChina() {
	cn := calendar.China()
	for _, d := range []time.Time{
		time.Date(2020, time.January, 19, 0, 0, 0, 0, time.UTC), // Sunday, make-up day
		time.Date(2020, time.October, 8, 0, 0, 0, 0, time.UTC),  // Thursday, holiday
	} {
		fmt.Println(d.Format("Mon 2006-01-02"), cn.IsWorkingDay(d))
	}

	// The table covers 2019 to 2026 only.
	_, err := cn.AddWorkingDays(time.Date(2026, time.December, 30, 0, 0, 0, 0, time.UTC), 5)
	fmt.Println(errors.Is(err, calendar.ErrNotCovered))
	fmt.Println(err)
	// Output:
	// Sun 2020-01-19 true
	// Thu 2020-10-08 false
	// true
	// calendar: "China (State Council)": no holiday data for year 2027 (covers 2019 to 2026)
}

// A calendar from user data: a Friday–Saturday weekend with one holiday and
// one make-up working Saturday.
func ExampleNew() {
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 0, 0, 0, 0, time.UTC) }
	c, err := calendar.New("example", calendar.Options{
		Weekend:     []time.Weekday{time.Friday, time.Saturday},
		Holidays:    []time.Time{day(time.April, 10)},
		WorkingDays: []time.Time{day(time.April, 13)},
		From:        2024,
		To:          2024,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// From Tuesday 9 April: Wednesday 10 is a holiday, Thursday 11 is day 1,
	// Friday 12 is weekend and Saturday 13 a make-up working day.
	end, _ := c.AddWorkingDays(day(time.April, 9), 2)
	fmt.Println(end.Format("Mon 2006-01-02"))

	_, err = calendar.New("bad", calendar.Options{
		Holidays:    []time.Time{day(time.April, 13)},
		WorkingDays: []time.Time{day(time.April, 13)},
	})
	fmt.Println(err)
	// Output:
	// Sat 2024-04-13
	// calendar: options: WorkingDays: 2024-04-13: also listed in Holidays
}

// Each unit is its own type: the same count gives a different period (from
// Friday 15 March 2024 on the German calendar, 30 working days skip Good
// Friday and Easter Monday), and a period read from data comes back as the
// type of its unit.
func ExamplePeriod() {
	periods := []calendar.Period{calendar.Days(30), calendar.WorkingDays(30), calendar.Months(1)}
	filed := time.Date(2024, time.March, 15, 0, 0, 0, 0, time.UTC)
	for _, p := range periods {
		end, _ := calendar.Germany().End(filed, p, calendar.NextDay, calendar.NoRoll)
		fmt.Printf("%-16s %-13s ends %s\n", p, p.Unit(), end.Format("Mon 2006-01-02"))
	}

	var u calendar.Unit
	_ = u.UnmarshalText([]byte("working-days"))
	p, _ := calendar.PeriodOf(25, u)
	fmt.Printf("%T %d\n", p, p.Len())
	// Output:
	// 30 calendar days calendar-days ends Sun 2024-04-14
	// 30 working days  working-days  ends Tue 2024-04-30
	// 1 month          months        ends Mon 2024-04-15
	// calendar.WorkingDays 25
}
