package calendar

import "time"

// ymd is a calendar date in a data table.
type ymd struct {
	y int
	m time.Month
	d int
}

func (x ymd) day() int64 { return dayOf(date(x.y, x.m, x.d)) }

// span is a run of holidays from one date to another, inclusive.
type span struct {
	from, to ymd
	name     string
}

// one is a span of a single day.
func one(y int, m time.Month, d int, name string) span {
	return span{ymd{y, m, d}, ymd{y, m, d}, name}
}

// appendDays appends a holiday entry for each day of s to out.
func (s span) appendDays(out []entry) []entry {
	for d := s.from.day(); d <= s.to.day(); d++ {
		out = append(out, entry{day: d, name: s.name})
	}
	return out
}

// yearData is one year of a table-based calendar, transcribed from one
// published source.
type yearData struct {
	year     int
	source   string // the publication the year is transcribed from
	holidays []span // days off, as published (may include weekend days)
	working  []ymd  // make-up working days on weekends
}

// tableSpec builds the spec of a table-based calendar covering exactly the
// years in its table, which must be consecutive and in order.
func tableSpec(name string, years []yearData) *spec {
	from, to := years[0].year, years[len(years)-1].year
	return &spec{
		name:    name,
		weekend: saturdaySunday,
		from:    from,
		to:      to,
		tabFrom: from,
		tabTo:   to,
		entries: func(int, int) []entry {
			var out []entry
			for _, y := range years {
				for _, s := range y.holidays {
					out = s.appendDays(out)
				}
				for _, w := range y.working {
					out = append(out, entry{day: w.day(), work: true})
				}
			}
			return out
		},
	}
}
