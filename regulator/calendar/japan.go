package calendar

import (
	"time"
)

// Japan's national holidays are computed here rather than with
// rickar/cal/v2/jp: that package mutates a shared value while computing the
// vernal equinox (a data race), dates the Emperor's Birthday on 23 December
// 2019, and misses the 2020 and 2021 Mountain Day moves and the general
// "citizen's holiday" rule.

var japanSpec = &spec{
	name:    "Japan",
	weekend: saturdaySunday,
	from:    ruleFrom,
	to:      ruleTo,
	tabFrom: ruleFrom,
	tabTo:   ruleTo,
	entries: japanEntries,
}

// Japan returns the calendar of Japanese national holidays under the Act on
// National Holidays (国民の祝日に関する法律) as amended, including the moves
// of the Happy Monday system (2000 and 2003), the holidays of the imperial
// successions (1989, 2019), the 2020 and 2021 Olympic moves, substitute
// holidays (振替休日, from 12 April 1973: a holiday on Sunday moves to the
// next day that is not a holiday) and citizen's holidays (国民の休日, from
// 1986: a day between two holidays). The equinox days are computed with the
// usual approximation; the official dates are announced a year ahead and can
// differ in rare years. The year-end closing of government offices
// (29 December to 3 January, under the Act on Holidays of Administrative
// Organs) and of banks (31 December to 3 January) is not included; build a
// calendar with [New] where a deadline counts those days. It covers 1971 to
// 2099.
func Japan() Calendar { return Calendar{japanSpec} }

func japanEntries(from, to int) []entry {
	var out []entry
	for y := from; y <= to; y++ {
		out = append(out, japanYear(y)...)
	}
	return out
}

// japanYear returns the national holidays, substitute holidays and citizen's
// holidays of year y.
func japanYear(y int) []entry {
	names := map[int64]string{} // national holidays proper
	add := func(m time.Month, d int, name string) {
		names[dayOf(date(y, m, d))] = name
	}
	nth := func(m time.Month, n int) int { // day of the n-th Monday of m
		first := date(y, m, 1).Weekday()
		return 1 + (int(time.Monday)-int(first)+7)%7 + 7*(n-1)
	}

	add(time.January, 1, "New Year's Day")
	if y < 2000 {
		add(time.January, 15, "Coming of Age Day")
	} else {
		add(time.January, nth(time.January, 2), "Coming of Age Day")
	}
	add(time.February, 11, "National Foundation Day")
	if y >= 2020 {
		add(time.February, 23, "The Emperor's Birthday")
	}
	add(time.March, vernalEquinox(y), "Vernal Equinox Day")
	switch {
	case y <= 1988:
		add(time.April, 29, "The Emperor's Birthday")
	case y <= 2006:
		add(time.April, 29, "Greenery Day")
	default:
		add(time.April, 29, "Shōwa Day")
	}
	add(time.May, 3, "Constitution Memorial Day")
	if y >= 2007 {
		add(time.May, 4, "Greenery Day")
	}
	add(time.May, 5, "Children's Day")
	switch {
	case y == 2020:
		add(time.July, 23, "Marine Day")
	case y == 2021:
		add(time.July, 22, "Marine Day")
	case y >= 2003:
		add(time.July, nth(time.July, 3), "Marine Day")
	case y >= 1996:
		add(time.July, 20, "Marine Day")
	}
	switch {
	case y == 2020:
		add(time.August, 10, "Mountain Day")
	case y == 2021:
		add(time.August, 8, "Mountain Day")
	case y >= 2016:
		add(time.August, 11, "Mountain Day")
	}
	if y >= 2003 {
		add(time.September, nth(time.September, 3), "Respect for the Aged Day")
	} else {
		add(time.September, 15, "Respect for the Aged Day")
	}
	add(time.September, autumnalEquinox(y), "Autumnal Equinox Day")
	switch {
	case y == 2020:
		add(time.July, 24, "Sports Day")
	case y == 2021:
		add(time.July, 23, "Sports Day")
	case y >= 2020:
		add(time.October, nth(time.October, 2), "Sports Day")
	case y >= 2000:
		add(time.October, nth(time.October, 2), "Health and Sports Day")
	default:
		add(time.October, 10, "Health and Sports Day")
	}
	add(time.November, 3, "Culture Day")
	add(time.November, 23, "Labour Thanksgiving Day")
	if y >= 1989 && y <= 2018 {
		add(time.December, 23, "The Emperor's Birthday")
	}
	switch y {
	case 1989:
		add(time.February, 24, "Funeral of Emperor Shōwa")
	case 1990:
		add(time.November, 12, "Enthronement Ceremony")
	case 1993:
		add(time.June, 9, "Wedding of the Crown Prince")
	case 2019:
		add(time.May, 1, "Enthronement of the Emperor")
		add(time.October, 22, "Enthronement Ceremony")
	}

	out := make([]entry, 0, len(names)+4)
	for d, n := range names {
		out = append(out, entry{day: d, name: n})
	}
	all := map[int64]bool{}
	for d := range names {
		all[d] = true
	}

	// Substitute holidays, from 12 April 1973.
	subFrom := dayOf(date(1973, time.April, 12))
	for d := range names {
		if d < subFrom || weekdayOf(d) != time.Sunday {
			continue
		}
		s := d + 1
		if y >= 2007 {
			for all[s] {
				s++
			}
		} else if all[s] {
			continue
		}
		all[s] = true
		out = append(out, entry{day: s, name: "Substitute Holiday"})
	}

	// Citizen's holidays: a day between two national holidays, from 1986.
	if y >= 1986 {
		for d := range names {
			c := d + 1
			if names[c+1] != "" && !all[c] && weekdayOf(c) != time.Sunday {
				all[c] = true
				out = append(out, entry{day: c, name: "Citizen's Holiday"})
			}
		}
	}
	return out
}

// vernalEquinox returns the March day of the vernal equinox in Japan.
func vernalEquinox(y int) int {
	if y < 1980 {
		return int(20.8357 + 0.242194*float64(y-1980) - float64((y-1983)/4))
	}
	return int(20.8431 + 0.242194*float64(y-1980) - float64((y-1980)/4))
}

// autumnalEquinox returns the September day of the autumnal equinox in Japan.
func autumnalEquinox(y int) int {
	if y < 1980 {
		return int(23.2588 + 0.242194*float64(y-1980) - float64((y-1983)/4))
	}
	return int(23.2488 + 0.242194*float64(y-1980) - float64((y-1980)/4))
}
