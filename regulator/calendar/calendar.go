package calendar

import (
	"iter"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"
)

const (
	minYear = 1    // first year the package computes in
	maxYear = 9999 // last year the package computes in

	ruleFrom = 1971 // first year covered by the rule-based calendars
	ruleTo   = 2099 // last year covered by the rule-based calendars

	secondsPerDay = 24 * 60 * 60
)

// Holiday is a named day off in a calendar's holiday data: a holiday on its
// actual date (which may fall on a weekend), a substitute or observed day, or
// a day of a published run of days off.
type Holiday struct {
	Date time.Time // the day, at midnight UTC
	Name string    // the holiday's name; several names are joined with " / "
}

// Calendar is an immutable working-day calendar: a weekend rule, a set of
// holidays, a set of make-up working days that override the weekend, and the
// years that data covers. Calendars are small values, safe for concurrent use
// and comparable; copies share their holiday data, which is computed once, on
// first use, and then cached.
//
// The zero Calendar counts Monday to Friday as working days, has no holidays
// and covers the years 1 to 9999; it is equal to [Weekdays]().
//
// Only the calendar date of a [time.Time] counts: a date d stands for the day
// time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) where y, m, dd = d.Date(), so a
// time's location decides which day it is. Every date a Calendar returns is
// at midnight UTC.
type Calendar struct {
	s *spec // nil for the zero Calendar
}

// spec is the shared, immutable description of a calendar plus its lazily
// built table.
type spec struct {
	name     string
	weekend  uint8 // bit (1 << time.Weekday) set for each weekend day
	from, to int   // covered years, inclusive
	// tabFrom..tabTo are the years the table spans (tabFrom > tabTo: none).
	// Days outside the table but inside the covered years follow the
	// weekend rule alone.
	tabFrom, tabTo int
	entries        func(from, to int) []entry // holiday and make-up data

	once sync.Once
	tab  table
}

// entry is one day of holiday data.
type entry struct {
	day  int64
	name string
	work bool // a make-up working day rather than a holiday
}

// table is the precomputed form of a calendar's data: a bitset of working
// days indexed by day, and the sorted holidays.
type table struct {
	start, end int64    // first and last day in the table; start > end if empty
	work       []uint64 // bit i set: day start+i is a working day
	hols       []holidayEntry
}

type holidayEntry struct {
	day  int64
	name string
}

// saturdaySunday is the weekend of every built-in calendar and the default
// of [Options].
const saturdaySunday uint8 = 1<<time.Saturday | 1<<time.Sunday

var weekdaysSpec = &spec{
	name:    "Weekdays (Monday to Friday)",
	weekend: saturdaySunday,
	from:    minYear,
	to:      maxYear,
	tabFrom: 1,
	tabTo:   0,
}

// Weekdays returns the calendar of Monday-to-Friday working days with no
// holidays, covering the years 1 to 9999. It equals the zero Calendar.
func Weekdays() Calendar { return Calendar{} }

func (c Calendar) spec() *spec {
	if c.s == nil {
		return weekdaysSpec
	}
	return c.s
}

// Name returns the calendar's name, such as "US federal" or "UK (any part)".
func (c Calendar) Name() string { return c.spec().name }

// Covers reports whether the calendar's holiday data covers the year of d.
// Rule-based calendars cover 1971 to 2099 (see each constructor for
// exceptions); table-based ones cover the years in their table.
func (c Calendar) Covers(d time.Time) bool {
	s := c.spec()
	y := d.Year()
	return y >= s.from && y <= s.to
}

// IsWorkingDay reports whether d is a working day. For a day whose year the
// calendar does not cover (see [Calendar.Covers]) only the weekend rule
// applies.
func (c Calendar) IsWorkingDay(d time.Time) bool {
	return c.spec().isWork(dayOf(d))
}

// AddWorkingDays returns the n-th working day after d for n > 0, or the
// -n-th working day before d for n < 0; d itself is not counted, so
// AddWorkingDays(d, 1) is the next working day after d whether or not d is
// one. For n == 0 it returns d. The result is at midnight UTC.
//
// It returns an error wrapping [ErrNotCovered] (a [*NotCoveredError] naming
// the calendar and the year) if the walk reaches a year the calendar does not
// cover.
func (c Calendar) AddWorkingDays(d time.Time, n WorkingDays) (time.Time, error) {
	s := c.spec()
	day := dayOf(d)
	var (
		r   int64
		err error
	)
	switch {
	case n > 0:
		r, err = s.forward(day, int(n))
	case n < 0:
		r, err = s.backward(day, int(n))
	default:
		r = day
	}
	if err != nil {
		return time.Time{}, err
	}
	return dateOf(r), nil
}

// NextWorkingDay returns d if it is a working day and the first working day
// after d otherwise. It returns an error wrapping [ErrNotCovered] if the
// calendar does not cover the days it has to look at.
func (c Calendar) NextWorkingDay(d time.Time) (time.Time, error) {
	s := c.spec()
	r, err := s.nextWorking(dayOf(d))
	if err != nil {
		return time.Time{}, err
	}
	return dateOf(r), nil
}

// WorkingDaysBetween returns the number of working days in (from, to]: days
// after from, up to and including to. If to is before from it returns minus
// the number of working days in (to, from]. It returns an error wrapping
// [ErrNotCovered] if the calendar does not cover every day counted.
func (c Calendar) WorkingDaysBetween(from, to time.Time) (WorkingDays, error) {
	s := c.spec()
	a, b := dayOf(from), dayOf(to)
	sign := WorkingDays(1)
	if b < a {
		a, b, sign = b, a, -1
	}
	if a == b {
		return 0, nil
	}
	if err := s.checkCovered(a+1, b); err != nil {
		return 0, err
	}
	return sign * WorkingDays(s.count(a+1, b)), nil
}

// Holidays returns the calendar's holidays from from to to inclusive, in date
// order. Holidays are listed as the calendar's source names them, so a
// holiday that falls on a weekend appears with its actual date and, where a
// substitute day is given, again with the substitute date. Days outside the
// calendar's coverage yield nothing.
func (c Calendar) Holidays(from, to time.Time) iter.Seq[Holiday] {
	s := c.spec()
	a, b := dayOf(from), dayOf(to)
	return func(yield func(Holiday) bool) {
		if b < a {
			return
		}
		hols := s.table().hols
		i, _ := slices.BinarySearchFunc(hols, a, func(h holidayEntry, day int64) int {
			switch {
			case h.day < day:
				return -1
			case h.day > day:
				return 1
			}
			return 0
		})
		for ; i < len(hols) && hols[i].day <= b; i++ {
			if !yield(Holiday{Date: dateOf(hols[i].day), Name: hols[i].name}) {
				return
			}
		}
	}
}

// dayOf returns the day number (days since 1970-01-01) of d's calendar date.
func dayOf(d time.Time) int64 {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay
}

// dateOf returns midnight UTC of day number n.
func dateOf(n int64) time.Time {
	return time.Unix(n*secondsPerDay, 0).UTC()
}

// yearDay returns the day number of 1 January of year y.
func yearDay(y int) int64 {
	return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay
}

// weekdayOf returns the weekday of day number n (day 0 was a Thursday).
func weekdayOf(n int64) time.Weekday {
	return time.Weekday(((n % 7) + 7 + int64(time.Thursday)) % 7)
}

func (s *spec) covStart() int64 { return yearDay(s.from) }
func (s *spec) covEnd() int64   { return yearDay(s.to+1) - 1 }

func (s *spec) notCovered(day int64) error {
	y := dateOf(day).Year()
	if day < yearDay(minYear) || day > yearDay(maxYear+1)-1 {
		// Report the nearest out-of-range year without overflowing.
		if day < 0 {
			y = minYear - 1
		} else {
			y = maxYear + 1
		}
	}
	return &NotCoveredError{Calendar: s.name, Year: y, From: s.from, To: s.to}
}

func (s *spec) checkCovered(a, b int64) error {
	if a < s.covStart() {
		return s.notCovered(a)
	}
	if b > s.covEnd() {
		return s.notCovered(s.covEnd() + 1)
	}
	return nil
}

func (s *spec) table() *table {
	s.once.Do(s.build)
	return &s.tab
}

func (s *spec) weekendDay(day int64) bool {
	return s.weekend&(1<<weekdayOf(day)) != 0
}

func (s *spec) isWork(day int64) bool {
	t := s.table()
	if day >= t.start && day <= t.end {
		i := day - t.start
		return t.work[i>>6]>>(i&63)&1 == 1
	}
	return !s.weekendDay(day)
}

// build fills s.tab from the calendar's data. It runs once per spec.
func (s *spec) build() {
	t := &s.tab
	if s.tabFrom > s.tabTo {
		t.start, t.end = math.MaxInt64, math.MinInt64
		return
	}
	t.start, t.end = yearDay(s.tabFrom), yearDay(s.tabTo+1)-1
	size := t.end - t.start + 1
	t.work = make([]uint64, (size+63)/64)
	for i := int64(0); i < size; i++ {
		if !s.weekendDay(t.start + i) {
			t.work[i>>6] |= 1 << (i & 63)
		}
	}
	var ents []entry
	if s.entries != nil {
		ents = s.entries(s.tabFrom, s.tabTo)
	}
	// Holidays first, then make-up days, so that a make-up day wins.
	for _, e := range ents {
		if e.work || e.day < t.start || e.day > t.end {
			continue
		}
		i := e.day - t.start
		t.work[i>>6] &^= 1 << (i & 63)
		t.hols = append(t.hols, holidayEntry{day: e.day, name: e.name})
	}
	for _, e := range ents {
		if !e.work || e.day < t.start || e.day > t.end {
			continue
		}
		i := e.day - t.start
		t.work[i>>6] |= 1 << (i & 63)
	}
	t.hols = mergeHolidays(t.hols)
}

// mergeHolidays sorts hols by day and joins the distinct names of entries on
// the same day.
func mergeHolidays(hols []holidayEntry) []holidayEntry {
	slices.SortStableFunc(hols, func(a, b holidayEntry) int {
		switch {
		case a.day < b.day:
			return -1
		case a.day > b.day:
			return 1
		}
		return 0
	})
	out := hols[:0]
	for _, h := range hols {
		if n := len(out); n > 0 && out[n-1].day == h.day {
			if !slices.Contains(strings.Split(out[n-1].name, " / "), h.name) {
				out[n-1].name += " / " + h.name
			}
			continue
		}
		out = append(out, h)
	}
	return slices.Clip(out)
}

// segmentAfter returns the end of the stretch of days starting at day
// that is either all in the table or all outside it, and whether it is in the
// table. The caller has checked that day is covered.
func (s *spec) segmentAfter(t *table, day int64) (end int64, inTable bool) {
	switch {
	case day >= t.start && day <= t.end:
		return t.end, true
	case day < t.start:
		return min(t.start-1, s.covEnd()), false
	default:
		return s.covEnd(), false
	}
}

// segmentBefore is segmentAfter walking backwards: it returns the first day
// of the stretch ending at day.
func (s *spec) segmentBefore(t *table, day int64) (start int64, inTable bool) {
	switch {
	case day >= t.start && day <= t.end:
		return t.start, true
	case day > t.end:
		return max(t.end+1, s.covStart()), false
	default:
		return s.covStart(), false
	}
}

// forward returns the n-th working day after day, n > 0.
func (s *spec) forward(day int64, n int) (int64, error) {
	t := s.table()
	// No walk within the years 1 to 9999 passes maxSpan working days, so a
	// longer one leaves the covered years just as surely.
	rem := min(int64(n), maxSpan)
	pos := day
	for {
		next := pos + 1
		if next < s.covStart() || next > s.covEnd() {
			return 0, s.notCovered(next)
		}
		end, inTable := s.segmentAfter(t, next)
		var (
			found int64
			cnt   int64
			ok    bool
		)
		if inTable {
			found, cnt, ok = t.nthForward(next, rem)
		} else {
			found, cnt, ok = s.plainForward(next, end, rem)
		}
		if ok {
			return found, nil
		}
		rem -= cnt
		pos = end
	}
}

// backward returns the -n-th working day before day, n < 0.
func (s *spec) backward(day int64, n int) (int64, error) {
	t := s.table()
	rem := -max(int64(n), -maxSpan) // as in forward; -n would overflow for math.MinInt
	pos := day
	for {
		prev := pos - 1
		if prev < s.covStart() || prev > s.covEnd() {
			return 0, s.notCovered(prev)
		}
		start, inTable := s.segmentBefore(t, prev)
		var (
			found int64
			cnt   int64
			ok    bool
		)
		if inTable {
			found, cnt, ok = t.nthBackward(prev, rem)
		} else {
			found, cnt, ok = s.plainBackward(start, prev, rem)
		}
		if ok {
			return found, nil
		}
		rem -= cnt
		pos = start
	}
}

// nextWorking returns day if it is a working day, else the next one.
func (s *spec) nextWorking(day int64) (int64, error) {
	if day < s.covStart() || day > s.covEnd() {
		return 0, s.notCovered(day)
	}
	if s.isWork(day) {
		return day, nil
	}
	return s.forward(day, 1)
}

// count returns the number of working days in [a, b], all covered.
func (s *spec) count(a, b int64) int {
	t := s.table()
	var total int64
	for a <= b {
		end, inTable := s.segmentAfter(t, a)
		end = min(end, b)
		if inTable {
			total += t.countRange(a, end)
		} else {
			total += s.plainCount(a, end)
		}
		a = end + 1
	}
	return int(total)
}

func (s *spec) workingPerWeek() int64 {
	return int64(7 - bits.OnesCount8(s.weekend&0x7f))
}

// plainCount counts the working days in [a, b] by the weekend rule alone.
func (s *spec) plainCount(a, b int64) int64 {
	if b < a {
		return 0
	}
	weeks := (b - a + 1) / 7
	cnt := weeks * s.workingPerWeek()
	for d := a + weeks*7; d <= b; d++ {
		if !s.weekendDay(d) {
			cnt++
		}
	}
	return cnt
}

// plainForward finds the rem-th working day in [a, b] by the weekend rule
// alone. If there are fewer, it reports how many there are.
func (s *spec) plainForward(a, b, rem int64) (int64, int64, bool) {
	cnt := s.plainCount(a, b)
	if cnt < rem {
		return 0, cnt, false
	}
	wpw := s.workingPerWeek()
	weeks := (rem - 1) / wpw
	rem -= weeks * wpw
	for d := a + weeks*7; ; d++ {
		if !s.weekendDay(d) {
			rem--
			if rem == 0 {
				return d, 0, true
			}
		}
	}
}

// plainBackward finds the rem-th working day counting back from b in [a, b]
// by the weekend rule alone.
func (s *spec) plainBackward(a, b, rem int64) (int64, int64, bool) {
	cnt := s.plainCount(a, b)
	if cnt < rem {
		return 0, cnt, false
	}
	wpw := s.workingPerWeek()
	weeks := (rem - 1) / wpw
	rem -= weeks * wpw
	for d := b - weeks*7; ; d-- {
		if !s.weekendDay(d) {
			rem--
			if rem == 0 {
				return d, 0, true
			}
		}
	}
}

// nthForward finds the rem-th working day in [from, t.end]. If there are
// fewer, it reports how many there are.
func (t *table) nthForward(from, rem int64) (int64, int64, bool) {
	i := from - t.start
	last := (t.end - t.start) >> 6
	w := i >> 6
	word := t.work[w] &^ (1<<(i&63) - 1)
	var cnt int64
	for {
		c := int64(bits.OnesCount64(word))
		if cnt+c >= rem {
			for k := rem - cnt; k > 1; k-- {
				word &= word - 1
			}
			return t.start + w<<6 + int64(bits.TrailingZeros64(word)), 0, true
		}
		cnt += c
		w++
		if w > last {
			return 0, cnt, false
		}
		word = t.work[w]
	}
}

// nthBackward finds the rem-th working day counting back from from in
// [t.start, from].
func (t *table) nthBackward(from, rem int64) (int64, int64, bool) {
	i := from - t.start
	w := i >> 6
	word := t.work[w] & (2<<(i&63) - 1)
	var cnt int64
	for {
		c := int64(bits.OnesCount64(word))
		if cnt+c >= rem {
			for k := rem - cnt; k > 1; k-- {
				word &^= 1 << (63 - bits.LeadingZeros64(word))
			}
			return t.start + w<<6 + int64(63-bits.LeadingZeros64(word)), 0, true
		}
		cnt += c
		w--
		if w < 0 {
			return 0, cnt, false
		}
		word = t.work[w]
	}
}

// countRange counts the working days in [a, b], both inside the table.
func (t *table) countRange(a, b int64) int64 {
	i, j := a-t.start, b-t.start
	wi, wj := i>>6, j>>6
	lo := ^uint64(0) << (i & 63)
	hi := 2<<(j&63) - uint64(1)
	if wi == wj {
		return int64(bits.OnesCount64(t.work[wi] & lo & hi))
	}
	n := bits.OnesCount64(t.work[wi]&lo) + bits.OnesCount64(t.work[wj]&hi)
	for w := wi + 1; w < wj; w++ {
		n += bits.OnesCount64(t.work[w])
	}
	return int64(n)
}
