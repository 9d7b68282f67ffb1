package calendar

import (
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/us"
)

// ruleSet is a rule-based holiday calendar: recurring holidays computed by
// github.com/rickar/cal/v2 plus one-off days.
type ruleSet struct {
	rules  []*cal.Holiday
	oneOff []span
	// suffix is appended to a holiday's name for its substitute day.
	suffix string
}

// entries lists the holidays of years from-1 to to+1 (so that a substitute
// day moved across New Year is not lost); the table drops what lies outside.
func (r ruleSet) entries(from, to int) []entry {
	var out []entry
	for y := from - 1; y <= to+1; y++ {
		for _, h := range r.rules {
			actual, observed := h.Calc(y)
			if actual.IsZero() {
				continue
			}
			a := dayOf(actual)
			out = append(out, entry{day: a, name: h.Name})
			if o := dayOf(observed); o != a {
				out = append(out, entry{day: o, name: h.Name + r.suffix})
			}
		}
	}
	for _, f := range r.oneOff {
		out = f.appendDays(out)
	}
	return out
}

func ruleSpec(name string, from, to int, r ruleSet) *spec {
	return &spec{
		name:    name,
		weekend: saturdaySunday,
		from:    from,
		to:      to,
		tabFrom: from,
		tabTo:   to,
		entries: r.entries,
	}
}

// Substitution rules used below.
var (
	// A holiday on Saturday or Sunday is observed on the following Monday.
	nextMonday = []cal.AltDay{
		{Day: time.Saturday, Offset: 2},
		{Day: time.Sunday, Offset: 1},
	}
	// The second of two consecutive holidays (Boxing Day, 2 January): when
	// the pair touches a weekend, the substitute is the Tuesday after.
	secondOfPair = []cal.AltDay{
		{Day: time.Saturday, Offset: 2},
		{Day: time.Sunday, Offset: 2},
		{Day: time.Monday, Offset: 1},
	}
)

func dayOfMonth(name string, m time.Month, d int, observed []cal.AltDay, start, end int) *cal.Holiday {
	return &cal.Holiday{
		Name:      name,
		Type:      cal.ObservancePublic,
		Month:     m,
		Day:       d,
		Observed:  observed,
		StartYear: start,
		EndYear:   end,
		Func:      cal.CalcDayOfMonth,
	}
}

func nthWeekday(name string, m time.Month, wd time.Weekday, n, start, end int) *cal.Holiday {
	return &cal.Holiday{
		Name:      name,
		Type:      cal.ObservancePublic,
		Month:     m,
		Weekday:   wd,
		Offset:    n,
		StartYear: start,
		EndYear:   end,
		Func:      cal.CalcWeekdayOffset,
	}
}

// US federal legal public holidays, 5 U.S.C. 6103(a), with the 6103(b)
// observed rule (Saturday to Friday, Sunday to Monday; a Saturday 1 January
// is observed on 31 December of the year before). rickar/cal/v2/us has the
// right rules and Juneteenth from 2021; the changes below restore earlier
// history it does not model.
var usRules = ruleSet{
	rules: []*cal.Holiday{
		us.NewYear,
		us.MlkDay.Clone(&cal.Holiday{StartYear: 1986}), // first observed 1986
		us.PresidentsDay.Clone(&cal.Holiday{Name: "Washington's Birthday"}),
		us.MemorialDay,
		us.Juneteenth, // from 2021
		us.IndependenceDay,
		us.LaborDay,
		us.ColumbusDay,
		// Veterans Day was the fourth Monday of October from 1971 to 1977.
		nthWeekday("Veterans Day", time.October, time.Monday, 4, 0, 1977),
		us.VeteransDay.Clone(&cal.Holiday{StartYear: 1978}),
		us.ThanksgivingDay,
		us.ChristmasDay,
	},
	suffix: " (observed)",
}

var usSpec = ruleSpec("US federal", ruleFrom, ruleTo, usRules)

// US returns the US federal calendar: the legal public holidays of
// 5 U.S.C. 6103(a) (New Year's Day, Martin Luther King Jr. Day from 1986,
// Washington's Birthday, Memorial Day, Juneteenth from 2021, Independence
// Day, Labor Day, Columbus Day, Veterans Day, Thanksgiving Day, Christmas
// Day), a holiday on Saturday being observed on the Friday before and one on
// Sunday on the Monday after, as 6103(b) provides. Closures by executive
// order (such as some Christmas Eves) and Inauguration Day are not included.
// It covers 1971 to 2099.
func US() Calendar { return Calendar{usSpec} }

// UK bank holidays: the union of England and Wales, Scotland and Northern
// Ireland. rickar/cal/v2/gb has the England and Wales set only; the Scottish
// and Northern Irish days and several one-off days are added here.
var ukRules = ruleSet{
	rules: []*cal.Holiday{
		gb.NewYear,
		dayOfMonth("2nd January (Scotland)", time.January, 2, secondOfPair, 0, 0),
		dayOfMonth("St Patrick's Day (Northern Ireland)", time.March, 17, nextMonday, 0, 0),
		gb.GoodFriday,
		gb.EasterMonday,
		// The early May bank holiday began in 1978; it moved to 8 May in
		// 1995 and 2020 for VE Day anniversaries.
		gb.EarlyMay.Clone(&cal.Holiday{StartYear: 1978, Except: []int{1995, 2020}}),
		gb.VEDay, // 8 May 2020
		gb.CoronationDay,
		gb.SpringHoliday.Clone(&cal.Holiday{Except: []int{2002, 2012, 2022}}),
		gb.SpringHoliday2022,
		gb.PlatinumJubilee,
		dayOfMonth("Battle of the Boyne (Northern Ireland)", time.July, 12, nextMonday, 0, 0),
		gb.SummerHolidayScotland.Clone(&cal.Holiday{Name: "Summer Bank Holiday (Scotland)"}),
		gb.SummerHoliday,
		dayOfMonth("St Andrew's Day (Scotland)", time.November, 30, nextMonday, 2007, 0),
		gb.ChristmasDay,
		gb.BoxingDay,
	},
	oneOff: []span{
		one(1977, time.June, 7, "Silver Jubilee of Queen Elizabeth II"),
		one(1981, time.July, 29, "Wedding of the Prince of Wales"),
		one(1995, time.May, 8, "Early May Bank Holiday (VE Day)"),
		one(1999, time.December, 31, "Millennium Celebrations"),
		one(2002, time.June, 3, "Golden Jubilee of Queen Elizabeth II"),
		one(2002, time.June, 4, "Spring Bank Holiday"),
		one(2011, time.April, 29, "Wedding of Prince William and Catherine Middleton"),
		one(2012, time.June, 4, "Spring Bank Holiday"),
		one(2012, time.June, 5, "Diamond Jubilee of Queen Elizabeth II"),
		one(2022, time.September, 19, "State Funeral of Queen Elizabeth II"),
	},
	suffix: " (substitute day)",
}

var ukSpec = ruleSpec("UK (any part)", ruleFrom, ruleTo, ukRules)

// UK returns the United Kingdom calendar. A day is not a working day if it is
// a bank holiday in any part of the UK, as statutory "working day"
// definitions provide (for example FSMA s.103: a bank holiday under the
// Banking and Financial Dealings Act 1971 in any part of the UK); so the
// calendar is the union of the England and Wales, Scotland (2 January, first
// Monday of August, St Andrew's Day from 2007) and Northern Ireland (St
// Patrick's Day, Battle of the Boyne) bank holidays, with substitute days
// for those falling on a weekend and the one-off days proclaimed since 1977.
// It covers 1971 to 2099; future one-off days are unknown until proclaimed.
func UK() Calendar { return Calendar{ukSpec} }

// Germany: nationwide public holidays. Before 1990 these are the holidays
// common to the West German Länder.
var germanyRules = ruleSet{
	rules: []*cal.Holiday{
		de.Neujahr,
		de.Karfreitag,
		de.Ostermontag,
		de.TagderArbeit,
		de.ChristiHimmelfahrt,
		de.Pfingstmontag,
		dayOfMonth("Tag der deutschen Einheit (17. Juni)", time.June, 17, nil, 0, 1990),
		de.DeutschenEinheit.Clone(&cal.Holiday{StartYear: 1990}),
		de.Reformationstag.Clone(&cal.Holiday{StartYear: 2017, EndYear: 2017}),
		de.BussUndBettag.Clone(&cal.Holiday{EndYear: 1994}),
		de.Weihnachtstag,
		de.ZweiterWeihnachtsfeiertag,
	},
}

var germanySpec = ruleSpec("Germany (nationwide)", ruleFrom, ruleTo, germanyRules)

// Germany returns the calendar of German public holidays observed in every
// Land: Neujahr, Karfreitag, Ostermontag, Tag der Arbeit, Christi
// Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit (3 October from
// 1990; 17 June before), the 2017 Reformationstag, Buß- und Bettag until 1994,
// and the two Christmas days. Holidays of single Länder are not included and
// Germany has no substitute days. It covers 1971 to 2099.
func Germany() Calendar { return Calendar{germanySpec} }

// Australia: Australian Capital Territory public holidays, the calendar that
// FIRB decision periods roll forward on.
var australiaRules = ruleSet{
	rules: []*cal.Holiday{
		au.NewYear,
		au.AustraliaDay,
		// Canberra Day: second Monday of March from 2008, third before.
		nthWeekday("Canberra Day", time.March, time.Monday, 3, 0, 2007),
		nthWeekday("Canberra Day", time.March, time.Monday, 2, 2008, 0),
		au.GoodFriday,
		au.EasterMonday,
		au.AnzacDayActWa,
		au.ReconciliationDay, // from 2018
		nthWeekday("Queen's Birthday", time.June, time.Monday, 2, 0, 2022),
		nthWeekday("King's Birthday", time.June, time.Monday, 2, 2023, 0),
		au.MourningDay2022,
		au.LabourDayActNswSa,
		au.ChristmasDay,
		au.BoxingDay,
	},
	suffix: " (substitute day)",
}

var australiaSpec = ruleSpec("Australia (ACT)", ruleFrom, ruleTo, australiaRules)

// Australia returns the calendar of public holidays in the Australian Capital
// Territory (Canberra), the calendar on which an Australian FIRB decision
// period ending on a non-business day rolls forward. It has New Year's Day,
// Australia Day, Canberra Day, Good Friday, Easter Monday, Anzac Day,
// Reconciliation Day (from 2018), the Sovereign's Birthday, Labour Day,
// Christmas and Boxing Day, with Monday substitutes for weekend holidays, and
// the 2022 National Day of Mourning. Easter Saturday and Sunday fall on a
// weekend anyway; the ACT's Family and Community Day (2007 to 2017) and the
// pre-1994 Monday observance of Australia Day are not modelled. It covers
// 1971 to 2099.
func Australia() Calendar { return Calendar{australiaSpec} }

// matarikiDates are the Te Kāhui o Matariki public holidays fixed by
// Schedule 1 of the Te Kāhui o Matariki Public Holiday Act 2022 (2022 to
// 2052).
var matarikiDates = map[int]time.Time{
	2022: date(2022, time.June, 24), 2023: date(2023, time.July, 14),
	2024: date(2024, time.June, 28), 2025: date(2025, time.June, 20),
	2026: date(2026, time.July, 10), 2027: date(2027, time.June, 25),
	2028: date(2028, time.July, 14), 2029: date(2029, time.July, 6),
	2030: date(2030, time.June, 21), 2031: date(2031, time.July, 11),
	2032: date(2032, time.July, 2), 2033: date(2033, time.June, 24),
	2034: date(2034, time.July, 7), 2035: date(2035, time.June, 29),
	2036: date(2036, time.July, 18), 2037: date(2037, time.July, 10),
	2038: date(2038, time.June, 25), 2039: date(2039, time.July, 15),
	2040: date(2040, time.July, 6), 2041: date(2041, time.July, 19),
	2042: date(2042, time.July, 11), 2043: date(2043, time.July, 3),
	2044: date(2044, time.June, 24), 2045: date(2045, time.July, 7),
	2046: date(2046, time.June, 29), 2047: date(2047, time.July, 19),
	2048: date(2048, time.July, 3), 2049: date(2049, time.June, 25),
	2050: date(2050, time.July, 15), 2051: date(2051, time.June, 30),
	2052: date(2052, time.June, 21),
}

const matarikiTo = 2052

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var newZealandRules = ruleSet{
	rules: []*cal.Holiday{
		nz.NewYear,
		nz.DayAfterNewYear,
		// Waitangi Day and Anzac Day are "Mondayised" from 2014 only.
		dayOfMonth("Waitangi Day", time.February, 6, nil, 1974, 2013),
		dayOfMonth("Waitangi Day", time.February, 6, nextMonday, 2014, 0),
		nz.GoodFriday,
		nz.EasterMonday,
		dayOfMonth("ANZAC Day", time.April, 25, nil, 0, 2013),
		dayOfMonth("ANZAC Day", time.April, 25, nextMonday, 2014, 0),
		nthWeekday("Queen's Birthday", time.June, time.Monday, 1, 0, 2022),
		nthWeekday("King's Birthday", time.June, time.Monday, 1, 2023, 0),
		{
			Name:      "Te Kāhui o Matariki",
			Type:      cal.ObservancePublic,
			StartYear: 2022,
			EndYear:   matarikiTo,
			Func:      func(_ *cal.Holiday, y int) time.Time { return matarikiDates[y] },
		},
		nz.LabourDay,
		nz.ChristmasDay,
		nz.BoxingDay,
	},
	oneOff: []span{
		one(2022, time.September, 26, "Queen Elizabeth II Memorial Day"),
	},
	suffix: " (observed)",
}

var newZealandSpec = ruleSpec("New Zealand", ruleFrom, matarikiTo, newZealandRules)

// NewZealand returns the calendar of New Zealand's national public holidays
// (Holidays Act 2003): New Year's Day and the day after, Waitangi Day,
// Good Friday, Easter Monday, Anzac Day, the Sovereign's Birthday, Te Kāhui
// o Matariki (from 2022), Labour Day, Christmas and Boxing Day, with weekend
// holidays observed on the following working day (for Waitangi and Anzac Day
// from 2014 only). Regional anniversary days are not included. Many statutes'
// "working day" definitions also exclude a block around Christmas and New
// Year (for example 25 December to 2 January in the Legislation Act 2019,
// 25 December to 15 January in some Acts); build such a calendar with [New].
//
// Matariki dates are fixed by statute only up to 2052, so the calendar covers
// 1971 to 2052.
func NewZealand() Calendar { return Calendar{newZealandSpec} }

var canadaRules = ruleSet{
	rules:  ca.Holidays,
	suffix: " (observed)",
}

var canadaSpec = ruleSpec("Canada (federal)", ruleFrom, ruleTo, canadaRules)

// Canada returns the calendar of Canadian federal holidays as observed by the
// federal public service: New Year's Day, Good Friday, Easter Monday,
// Victoria Day, Canada Day, the Civic Holiday, Labour Day, the National Day
// for Truth and Reconciliation (from 2021), Thanksgiving, Remembrance Day,
// Christmas and Boxing Day, with weekend holidays moved to the next working
// day. It uses rickar/cal/v2/ca. Provincial holidays are not included. It
// covers 1971 to 2099.
func Canada() Calendar { return Calendar{canadaSpec} }
