package calendar

import "time"

// Names of the European Commission holidays, as the Commission's decisions
// give them.
const (
	euNewYear         = "New Year's Day"
	euDayAfterNewYear = "Day after New Year's Day"
	euMaundyThursday  = "Maundy Thursday"
	euGoodFriday      = "Good Friday"
	euEasterMonday    = "Easter Monday"
	euLabourDay       = "Labour Day"
	euSchumanDay      = "Anniversary of the Declaration by Robert Schuman in 1950"
	euAscension       = "Ascension Day"
	euDayAfterAsc     = "Day after Ascension Day"
	euWhitMonday      = "Whit Monday"
	euBelgianNational = "Belgian National Holiday"
	euAssumption      = "Assumption"
	euAllSaints       = "All Saints' Day"
	euAllSouls        = "All Souls' Day"
	euEndOfYear       = "End-of-year days"
)

// euTable holds the public holidays of the European Commission for staff in
// Brussels, one entry per year. Each year's list is adopted by a Commission
// decision under Article 61 of the Staff Regulations and published in the
// C series of the Official Journal before the year begins; Article 24 of
// Regulation (EC) No 802/2004 makes those "Commission holidays" the
// non-working days of merger-control deadlines. Luxembourg's National
// Holiday (23 June), which the decisions list for staff in Luxembourg only,
// is left out.
//
// The lists follow a pattern: 1 and 2 January, Maundy Thursday, Good
// Friday, Easter Monday, 1 May, 9 May (Schuman Declaration), Ascension Day
// and the Friday after, Whit Monday, 21 July (Belgian National Holiday, for
// Brussels staff), 15 August, 1 and 2 November, and the end-of-year days
// from 24 to 31 December. Days falling on a weekend are left out, as in the
// decisions. Years were entered from that pattern and then checked, as far
// as a source could be reached, against the decision or a copy of its list;
// each year's comment says what it was checked against. In summary:
//
//   - 2023: compared in full with its decision; it matches.
//   - 2019, 2022, 2024: the decision was found, but only its opening part
//     could be read; every day that part lists matches the table.
//   - 2020, 2025: compared in full only with secondary copies of the list
//     (Wikipedia); they match.
//   - 2021, 2026, 2027: unverified. No decision or copy of the list was
//     found; the entries follow the pattern alone.
//
// No checked day contradicted the table, so no date has been changed on
// these checks.
var euTable = []yearData{
	// 2019: partly checked against the decision (OJ C 279, 23.8.2017, p. 3),
	// http://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX%3A32017D0823%2801%29
	// (Italian text): Easter Sunday 21 April, and the list opens with
	// 1 January (Tuesday) and 2 January. The rest of the list was not read.
	{year: 2019, source: "Commission decision of 22 August 2017 (2017/C 279/03)", holidays: []span{
		one(2019, time.January, 1, euNewYear), one(2019, time.January, 2, euDayAfterNewYear),
		one(2019, time.April, 18, euMaundyThursday), one(2019, time.April, 19, euGoodFriday),
		one(2019, time.April, 22, euEasterMonday), one(2019, time.May, 1, euLabourDay),
		one(2019, time.May, 9, euSchumanDay), one(2019, time.May, 30, euAscension),
		one(2019, time.May, 31, euDayAfterAsc), one(2019, time.June, 10, euWhitMonday),
		one(2019, time.August, 15, euAssumption), one(2019, time.November, 1, euAllSaints),
		{ymd{2019, time.December, 24}, ymd{2019, time.December, 31}, euEndOfYear},
	}},
	// 2020: the decision was not found. Compared in full with the 2020 list
	// in Wikipedia's "Public holidays in the European Union" (2020 revision,
	// which cites the Commission's list of 31 January 2019),
	// https://en.wikipedia.org/wiki/Public_holidays_in_the_European_Union;
	// it matches (9 May, 15 August and 1 November fall on weekends).
	{year: 2020, source: "Commission list of public holidays for 2020 (decision not seen)", holidays: []span{
		one(2020, time.January, 1, euNewYear), one(2020, time.January, 2, euDayAfterNewYear),
		one(2020, time.April, 9, euMaundyThursday), one(2020, time.April, 10, euGoodFriday),
		one(2020, time.April, 13, euEasterMonday), one(2020, time.May, 1, euLabourDay),
		one(2020, time.May, 21, euAscension), one(2020, time.May, 22, euDayAfterAsc),
		one(2020, time.June, 1, euWhitMonday), one(2020, time.July, 21, euBelgianNational),
		one(2020, time.November, 2, euAllSouls),
		{ymd{2020, time.December, 24}, ymd{2020, time.December, 31}, euEndOfYear},
	}},
	// 2021: unverified; no decision or copy of the list was found.
	{year: 2021, source: "Commission decision on public holidays for 2021 (not seen)", holidays: []span{
		one(2021, time.January, 1, euNewYear),
		one(2021, time.April, 1, euMaundyThursday), one(2021, time.April, 2, euGoodFriday),
		one(2021, time.April, 5, euEasterMonday),
		one(2021, time.May, 13, euAscension), one(2021, time.May, 14, euDayAfterAsc),
		one(2021, time.May, 24, euWhitMonday), one(2021, time.July, 21, euBelgianNational),
		one(2021, time.November, 1, euAllSaints), one(2021, time.November, 2, euAllSouls),
		{ymd{2021, time.December, 24}, ymd{2021, time.December, 31}, euEndOfYear},
	}},
	// 2022: partly checked against the decision of 11 January 2021
	// (2021/C 24 I/01),
	// https://eur-lex.europa.eu/legal-content/ET/TXT/HTML/?uri=OJ%3AC%3A2021%3A024I%3AFULL
	// (Estonian text): Easter Sunday 17 April, 24 December a Saturday, and
	// the list opens with Maundy Thursday 14 April and Good Friday 15 April,
	// so no January day is a holiday. The rest of the list was not read.
	{year: 2022, source: "Commission decision of 11 January 2021 (2021/C 24 I/01)", holidays: []span{
		one(2022, time.April, 14, euMaundyThursday), one(2022, time.April, 15, euGoodFriday),
		one(2022, time.April, 18, euEasterMonday), one(2022, time.May, 9, euSchumanDay),
		one(2022, time.May, 26, euAscension), one(2022, time.May, 27, euDayAfterAsc),
		one(2022, time.June, 6, euWhitMonday), one(2022, time.July, 21, euBelgianNational),
		one(2022, time.August, 15, euAssumption), one(2022, time.November, 1, euAllSaints),
		one(2022, time.November, 2, euAllSouls),
		{ymd{2022, time.December, 24}, ymd{2022, time.December, 31}, euEndOfYear},
	}},
	// 2023: compared in full with the decision,
	// https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:32021D0528(01)
	// (18 days; 23 June is for staff in Luxembourg only).
	{year: 2023, source: "Commission decision of 25 May 2021 (2021/C 201 I/02)", holidays: []span{
		one(2023, time.January, 2, euDayAfterNewYear),
		one(2023, time.April, 6, euMaundyThursday), one(2023, time.April, 7, euGoodFriday),
		one(2023, time.April, 10, euEasterMonday), one(2023, time.May, 1, euLabourDay),
		one(2023, time.May, 9, euSchumanDay), one(2023, time.May, 18, euAscension),
		one(2023, time.May, 19, euDayAfterAsc), one(2023, time.May, 29, euWhitMonday),
		one(2023, time.July, 21, euBelgianNational), one(2023, time.August, 15, euAssumption),
		one(2023, time.November, 1, euAllSaints), one(2023, time.November, 2, euAllSouls),
		{ymd{2023, time.December, 25}, ymd{2023, time.December, 29}, euEndOfYear},
	}},
	// 2024: partly checked against the decision,
	// https://eur-lex.europa.eu/legal-content/it/TXT/HTML/?uri=CELEX%3A32022D1121%2801%29
	// (Italian text): 1 and 2 January, 28 and 29 March, 1 April, 1 May,
	// 9 May (Schuman Declaration and Ascension Day), 10 May, 20 May and
	// 15 August match, and no 21 July is listed (a Sunday); 24 December is
	// stated to be a Tuesday. 1 November and the end-of-year days were not
	// read.
	{year: 2024, source: "Commission decision of 17 November 2022 (2022/C 440/05)", holidays: []span{
		one(2024, time.January, 1, euNewYear), one(2024, time.January, 2, euDayAfterNewYear),
		one(2024, time.March, 28, euMaundyThursday), one(2024, time.March, 29, euGoodFriday),
		one(2024, time.April, 1, euEasterMonday), one(2024, time.May, 1, euLabourDay),
		one(2024, time.May, 9, euSchumanDay), one(2024, time.May, 9, euAscension),
		one(2024, time.May, 10, euDayAfterAsc), one(2024, time.May, 20, euWhitMonday),
		one(2024, time.August, 15, euAssumption), one(2024, time.November, 1, euAllSaints),
		{ymd{2024, time.December, 24}, ymd{2024, time.December, 31}, euEndOfYear},
	}},
	// 2025: the decision was not found. Compared in full with the 2025 list
	// in a copy of Wikipedia's "Public holidays in the European Union",
	// https://l.global.ssl.fastly.net/Public_holidays_in_Europe; it matches
	// (1 and 2 November fall on a weekend).
	{year: 2025, source: "Commission list of public holidays for 2025 (decision not seen)", holidays: []span{
		one(2025, time.January, 1, euNewYear), one(2025, time.January, 2, euDayAfterNewYear),
		one(2025, time.April, 17, euMaundyThursday), one(2025, time.April, 18, euGoodFriday),
		one(2025, time.April, 21, euEasterMonday), one(2025, time.May, 1, euLabourDay),
		one(2025, time.May, 9, euSchumanDay), one(2025, time.May, 29, euAscension),
		one(2025, time.May, 30, euDayAfterAsc), one(2025, time.June, 9, euWhitMonday),
		one(2025, time.July, 21, euBelgianNational), one(2025, time.August, 15, euAssumption),
		{ymd{2025, time.December, 24}, ymd{2025, time.December, 31}, euEndOfYear},
	}},
	// 2026: unverified; no decision or copy of the list was found.
	{year: 2026, source: "Commission decision on public holidays for 2026 (not seen)", holidays: []span{
		one(2026, time.January, 1, euNewYear), one(2026, time.January, 2, euDayAfterNewYear),
		one(2026, time.April, 2, euMaundyThursday), one(2026, time.April, 3, euGoodFriday),
		one(2026, time.April, 6, euEasterMonday), one(2026, time.May, 1, euLabourDay),
		one(2026, time.May, 14, euAscension), one(2026, time.May, 15, euDayAfterAsc),
		one(2026, time.May, 25, euWhitMonday), one(2026, time.July, 21, euBelgianNational),
		one(2026, time.November, 2, euAllSouls),
		{ymd{2026, time.December, 24}, ymd{2026, time.December, 31}, euEndOfYear},
	}},
	// 2027: unverified; no decision or copy of the list was found.
	{year: 2027, source: "Commission decision on public holidays for 2027 (not seen)", holidays: []span{
		one(2027, time.January, 1, euNewYear),
		one(2027, time.March, 25, euMaundyThursday), one(2027, time.March, 26, euGoodFriday),
		one(2027, time.March, 29, euEasterMonday),
		one(2027, time.May, 6, euAscension), one(2027, time.May, 7, euDayAfterAsc),
		one(2027, time.May, 17, euWhitMonday), one(2027, time.July, 21, euBelgianNational),
		one(2027, time.November, 1, euAllSaints), one(2027, time.November, 2, euAllSouls),
		{ymd{2027, time.December, 24}, ymd{2027, time.December, 31}, euEndOfYear},
	}},
}

var euSpec = tableSpec("European Commission", euTable)

// EUCommission returns the calendar of European Commission holidays, the
// non-working days of EU merger-control periods (Regulation (EC) No 802/2004,
// Article 24: working days are all days other than Saturdays, Sundays and
// Commission holidays). The source is the Commission's annual list of public
// holidays, adopted by Commission decision and published in the Official
// Journal (C series) before each year.
//
// The table covers 2019 to 2027 and follows the pattern of those lists:
// 1 and 2 January, Maundy Thursday, Good Friday, Easter Monday, 1 May, 9 May
// (Schuman Day), Ascension Thursday and the Friday after, Whit Monday,
// 21 July (Belgian National Holiday), 15 August, 1 and 2 November, and the
// Commission closure days from 24 to 31 December, leaving out weekend days.
// 2023 has been compared in full with its decision; 2019, 2022 and 2024 in
// part with theirs; 2020 and 2025 with secondary copies of their lists.
// 2021, 2026 and 2027 are unverified. Check a year's decision before relying
// on it; the Commission may also change a list during its year.
func EUCommission() Calendar { return Calendar{euSpec} }
