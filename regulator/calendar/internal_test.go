package calendar

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naiveAdd walks day by day, the obviously correct version of forward and
// backward.
func naiveAdd(s *spec, day int64, n int) (int64, bool) {
	step := int64(1)
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		day += step
		if day < s.covStart() || day > s.covEnd() {
			return 0, false
		}
		if s.isWork(day) {
			n--
		}
	}
	return day, true
}

func TestBitsetMatchesNaiveWalk(t *testing.T) {
	custom, err := New("custom", Options{
		Weekend:     []time.Weekday{time.Friday},
		Holidays:    []time.Time{date(2001, 3, 1), date(2001, 3, 2), date(2003, 12, 31)},
		WorkingDays: []time.Time{date(2002, 6, 7)},
	})
	require.NoError(t, err)
	cals := []Calendar{US(), UK(), Germany(), Australia(), NewZealand(), Canada(), Japan(), EUCommission(), China(), Weekdays(), custom}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range cals {
		s := c.spec()
		t.Run(s.name, func(t *testing.T) {
			lo := max(s.from, 1995)
			hi := min(s.to, 2030)
			for range 300 {
				day := yearDay(lo) + rng.Int64N(yearDay(hi+1)-yearDay(lo))
				n := rng.IntN(801) - 400
				want, ok := naiveAdd(s, day, n)
				got, err := c.AddWorkingDays(dateOf(day), WorkingDays(n))
				if !ok {
					require.ErrorIs(t, err, ErrNotCovered, "day %v n %d", dateOf(day), n)
					continue
				}
				require.NoError(t, err, "day %v n %d", dateOf(day), n)
				require.Equal(t, dateOf(want), got, "day %v n %d", dateOf(day), n)

				other := day + rng.Int64N(1500) - 750
				if other < s.covStart() || other > s.covEnd() {
					continue
				}
				a, b := min(day, other), max(day, other)
				var cnt WorkingDays
				for x := a + 1; x <= b; x++ {
					if s.isWork(x) {
						cnt++
					}
				}
				between, err := c.WorkingDaysBetween(dateOf(a), dateOf(b))
				require.NoError(t, err)
				require.Equal(t, cnt, between, "from %v to %v", dateOf(a), dateOf(b))
			}
		})
	}
}

func TestWeekdayOf(t *testing.T) {
	for _, tm := range []time.Time{date(1, 1, 1), date(1969, 12, 31), date(1970, 1, 1), date(2024, 2, 29), date(9999, 12, 31)} {
		assert.Equal(t, tm.Weekday(), weekdayOf(dayOf(tm)), tm.Format(time.DateOnly))
	}
}

// checkTable verifies the shape of a transcribed table: consecutive years,
// well-formed spans within a day of their year, make-up days on weekends and
// never also holidays.
func checkTable(t *testing.T, years []yearData) {
	t.Helper()
	for i, y := range years {
		if i > 0 {
			assert.Equal(t, years[i-1].year+1, y.year, "years must be consecutive")
		}
		assert.NotEmpty(t, y.source, "year %d needs a source", y.year)
		off := map[int64]bool{}
		for _, s := range y.holidays {
			from, to := s.from.day(), s.to.day()
			assert.LessOrEqual(t, from, to, "%d: %v", y.year, s)
			assert.LessOrEqual(t, to-from, int64(9), "%d: %v", y.year, s)
			assert.InDelta(t, y.year, dateOf(from).Year(), 1, "%d: %v", y.year, s)
			assert.Equal(t, time.Month(s.from.m), dateOf(from).Month(), "valid date %v", s.from)
			assert.Equal(t, time.Month(s.to.m), dateOf(to).Month(), "valid date %v", s.to)
			for d := from; d <= to; d++ {
				off[d] = true
			}
		}
		for _, w := range y.working {
			wd := weekdayOf(w.day())
			assert.True(t, wd == time.Saturday || wd == time.Sunday, "%d: make-up day %v is a %v", y.year, w, wd)
			assert.False(t, off[w.day()], "%d: %v both off and working", y.year, w)
		}
	}
}

func TestChinaTable(t *testing.T) {
	checkTable(t, chinaTable)
	assert.Equal(t, 2019, chinaTable[0].year)
	assert.Equal(t, 2026, chinaTable[len(chinaTable)-1].year)
	// Every year has its seven festivals (Mid-Autumn may share a span with
	// National Day), and its main runs start where the notices say.
	for _, y := range chinaTable {
		assert.GreaterOrEqual(t, len(y.holidays), 6, "%d", y.year)
	}
}

func TestEUTable(t *testing.T) {
	checkTable(t, euTable)
	assert.Equal(t, 2019, euTable[0].year)
	assert.Equal(t, 2027, euTable[len(euTable)-1].year)
	for _, y := range euTable {
		for _, s := range y.holidays {
			assert.Equal(t, y.year, s.from.y, "%d: %v", y.year, s)
			if s.from == s.to {
				wd := weekdayOf(s.from.day())
				assert.False(t, wd == time.Saturday || wd == time.Sunday, "%d: %v on a weekend", y.year, s)
			}
		}
	}
}

// TestEUTablePattern checks the transcribed EU table against the pattern it
// was reconstructed from, so that a typo in a date stands out; a year whose
// published decision differs from the pattern should be listed here as an
// exception once verified.
func TestEUTablePattern(t *testing.T) {
	for _, y := range euTable {
		want := map[int64]bool{}
		add := func(tm time.Time) {
			if wd := tm.Weekday(); wd != time.Saturday && wd != time.Sunday {
				want[dayOf(tm)] = true
			}
		}
		e := easter(y.year)
		for _, tm := range []time.Time{
			date(y.year, 1, 1), date(y.year, 1, 2), e.AddDate(0, 0, -3), e.AddDate(0, 0, -2),
			e.AddDate(0, 0, 1), date(y.year, 5, 1), date(y.year, 5, 9), e.AddDate(0, 0, 39),
			e.AddDate(0, 0, 40), e.AddDate(0, 0, 50), date(y.year, 7, 21), date(y.year, 8, 15),
			date(y.year, 11, 1), date(y.year, 11, 2),
		} {
			add(tm)
		}
		for dd := 24; dd <= 31; dd++ {
			add(date(y.year, 12, dd))
		}
		got := map[int64]bool{}
		for _, s := range y.holidays {
			for d := s.from.day(); d <= s.to.day(); d++ {
				if wd := weekdayOf(d); wd != time.Saturday && wd != time.Sunday {
					got[d] = true
				}
			}
		}
		assert.Equal(t, want, got, "%d", y.year)
	}
}

// easter returns Easter Sunday (Meeus/Jones/Butcher).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	return date(y, time.Month((h+l-7*m+114)/31), (h+l-7*m+114)%31+1)
}

// TestJapanYear compares two years with the Cabinet Office's published
// lists.
func TestJapanYear(t *testing.T) {
	tests := []struct {
		year int
		want []time.Time
	}{
		{2019, []time.Time{
			date(2019, 1, 1), date(2019, 1, 14), date(2019, 2, 11), date(2019, 3, 21),
			date(2019, 4, 29), date(2019, 4, 30), date(2019, 5, 1), date(2019, 5, 2),
			date(2019, 5, 3), date(2019, 5, 4), date(2019, 5, 5), date(2019, 5, 6),
			date(2019, 7, 15), date(2019, 8, 11), date(2019, 8, 12), date(2019, 9, 16),
			date(2019, 9, 23), date(2019, 10, 14), date(2019, 10, 22), date(2019, 11, 3),
			date(2019, 11, 4), date(2019, 11, 23),
		}},
		{2025, []time.Time{
			date(2025, 1, 1), date(2025, 1, 13), date(2025, 2, 11), date(2025, 2, 23),
			date(2025, 2, 24), date(2025, 3, 20), date(2025, 4, 29), date(2025, 5, 3),
			date(2025, 5, 4), date(2025, 5, 5), date(2025, 5, 6), date(2025, 7, 21),
			date(2025, 8, 11), date(2025, 9, 15), date(2025, 9, 23), date(2025, 10, 13),
			date(2025, 11, 3), date(2025, 11, 23), date(2025, 11, 24),
		}},
	}
	for _, tt := range tests {
		var got []time.Time
		for h := range Japan().Holidays(date(tt.year, 1, 1), date(tt.year, 12, 31)) {
			got = append(got, h.Date)
		}
		assert.Equal(t, tt.want, got, "%d", tt.year)
	}
}
