// Package calendar does working-day and period arithmetic for regulatory
// review clocks.
//
// A [Calendar] says which days are working days: a weekend rule, holidays and,
// for China, make-up working weekends. Built-in calendars cover the
// jurisdictions of the regulators the library models ([US], [UK], [Germany],
// [Australia], [NewZealand], [Canada], [Japan], [EUCommission], [China]); [New]
// builds one from user data.
//
// Lengths of time are distinct types, [Days], [WorkingDays] and [Months], the
// three kinds of [Period], so that a count in one unit cannot be used as
// another. [Calendar.End] computes the last day of a period from the event
// that triggers it, given the regime's day-one rule ([DayOne]) and whether an
// end on a non-working day rolls forward ([Roll]):
//
//	// EU merger control, Phase I: 25 working days, counted from the working
//	// day after notification.
//	end, err := calendar.EUCommission().End(notified, calendar.WorkingDays(25),
//		calendar.NextDay, calendar.NoRoll)
//
// Only calendar dates count. A [time.Time] stands for its date in its own
// location, and every date returned is at midnight UTC.
//
// Holiday data covers a range of years: rule-based calendars 1971 to 2099
// (New Zealand to 2052), table-based ones the years of their table
// ([Calendar.Covers]). Arithmetic that needs a day outside that range fails
// with [ErrNotCovered] rather than guess. Each table is transcribed from a
// named publication and must be extended as new years are published.
//
// Calendars are immutable and safe for concurrent use. Each built-in
// calendar precomputes its data once, on first use, as a bitset of working
// days, so that stepping over hundreds of working days takes well under a
// microsecond.
package calendar
