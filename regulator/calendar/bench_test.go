package calendar_test

import (
	"testing"
	"time"

	"github.com/dealscape/dealscape/regulator/calendar"
)

// BenchmarkAddWorkingDays200 measures a 200-working-day step on the US
// calendar, with its table already built, and reports the cost per working
// day stepped over.
func BenchmarkAddWorkingDays200(b *testing.B) {
	c := calendar.US()
	start := time.Date(2020, 11, 18, 0, 0, 0, 0, time.UTC)
	if _, err := c.AddWorkingDays(start, 200); err != nil { // builds the table
		b.Fatal(err)
	}
	var end time.Time
	for b.Loop() {
		end, _ = c.AddWorkingDays(start, 200)
	}
	// Checked independently: nine weekday holidays in the span.
	if want := time.Date(2021, 9, 7, 0, 0, 0, 0, time.UTC); !end.Equal(want) {
		b.Fatalf("end = %v, want %v", end, want)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/200, "ns/working-day")
}

// BenchmarkWorkingDaysBetween counts the working days of a ten-year span.
func BenchmarkWorkingDaysBetween(b *testing.B) {
	c := calendar.UK()
	from := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := c.WorkingDaysBetween(from, to); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		_, _ = c.WorkingDaysBetween(from, to)
	}
}

// BenchmarkBuildTable measures building a rule-based calendar's table for
// 1971 to 2099, the one-off cost of a calendar's first use.
func BenchmarkBuildTable(b *testing.B) {
	for b.Loop() {
		c, err := calendar.New("bench", calendar.Options{From: 1971, To: 2099,
			Holidays: []time.Time{time.Date(1971, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC)}})
		if err != nil {
			b.Fatal(err)
		}
		c.IsWorkingDay(time.Date(2000, 1, 3, 0, 0, 0, 0, time.UTC))
	}
}
