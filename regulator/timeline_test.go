package regulator_test

import (
	"testing"
	"time"

	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cfiusNotice is the CFIUS notice timeline in calendar days: a 45-day
// review whose first day is the day the notice is accepted, then, where
// concerns remain, a 45-day investigation and a 15-day presidential
// decision, each starting the day after the phase before it ends.
func cfiusNotice() regulator.Timeline {
	return regulator.Timeline{Phases: []regulator.Phase{
		{Name: "review", Min: calendar.Days(45), Max: calendar.Days(45), DayOne: calendar.EventDay},
		{Name: "investigation", Min: calendar.Days(45), Max: calendar.Days(45), DayOne: calendar.NextDay, Optional: true},
		{Name: "presidential decision", Min: calendar.Days(15), Max: calendar.Days(15), DayOne: calendar.NextDay, Optional: true},
	}}
}

// TestTimelineCFIUS checks the CFIUS clock for a notice accepted on Monday
// 2 March 2020, by hand:
//
//   - review: day 1 is 2 March; 2–31 March are days 1–30 and 1–15 April
//     days 31–45, so the review ends on 15 April;
//   - investigation: day 1 is 16 April; 16–30 April are days 1–15 and 1–30
//     May days 16–45, so it ends on 30 May;
//   - presidential decision: day 1 is 31 May; 1–14 June are days 2–15, so
//     it ends on 14 June.
//
// The earliest decision ends the review (15 April), the latest the
// presidential decision (14 June).
func TestTimelineCFIUS(t *testing.T) {
	accepted := date(2020, 3, 2)
	s, err := cfiusNotice().Schedule(accepted)
	require.NoError(t, err)
	assert.Equal(t, []regulator.PhaseDates{
		{Phase: "review", Start: accepted, EarliestEnd: date(2020, 4, 15), LatestEnd: date(2020, 4, 15)},
		{Phase: "investigation", Start: date(2020, 4, 15), EarliestEnd: date(2020, 4, 15), LatestEnd: date(2020, 5, 30), Optional: true},
		{Phase: "presidential decision", Start: date(2020, 5, 30), EarliestEnd: date(2020, 4, 15), LatestEnd: date(2020, 6, 14), Optional: true},
	}, s)

	earliest, latest, err := cfiusNotice().Window(accepted)
	require.NoError(t, err)
	assert.Equal(t, date(2020, 4, 15), earliest)
	assert.Equal(t, date(2020, 6, 14), latest)

	// Only the date of the filing counts.
	e2, l2, err := cfiusNotice().Window(time.Date(2020, 3, 2, 22, 30, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, earliest, e2)
	assert.Equal(t, latest, l2)
}

// TestTimelineWorkingDays checks working-day phases on the US federal
// calendar across Thanksgiving (Thursday 26 November 2020), Christmas
// (Friday 25 December) and New Year's Day (Friday 1 January 2021).
func TestTimelineWorkingDays(t *testing.T) {
	filed := date(2020, 11, 20) // a Friday
	tests := []struct {
		name string
		p    regulator.Phase
		want time.Time
	}{
		{
			// Mon 23 (1), Tue 24 (2), Wed 25 (3), Thanksgiving skipped,
			// Fri 27 (4), Mon 30 (5), Tue 1 (6) .. Fri 4 (9), Mon 7 (10).
			name: "10 working days from the next day",
			p:    regulator.Phase{Min: calendar.WorkingDays(10), Max: calendar.WorkingDays(10), Calendar: calendar.US(), DayOne: calendar.NextDay},
			want: date(2020, 12, 7),
		},
		{
			// The filing day is day 1: Fri 20 (1), Mon 23 (2) .. Wed 25
			// (4), Fri 27 (5), Mon 30 (6), Tue 1 (7) .. Fri 4 (10).
			name: "10 working days, the filing day first",
			p:    regulator.Phase{Min: calendar.WorkingDays(10), Max: calendar.WorkingDays(10), Calendar: calendar.US(), DayOne: calendar.EventDay},
			want: date(2020, 12, 4),
		},
		{
			// As the first case to Mon 7 Dec (10); 8-11 (14); 14-18 (19);
			// 21-24 (23); Christmas skipped; 28-31 (27); New Year's Day
			// skipped; Mon 4 (28), Tue 5 (29), Wed 6 January (30).
			name: "30 working days across Christmas and New Year",
			p:    regulator.Phase{Min: calendar.WorkingDays(30), Max: calendar.WorkingDays(30), Calendar: calendar.US(), DayOne: calendar.NextDay},
			want: date(2021, 1, 6),
		},
		{
			// The zero Calendar counts Monday to Friday only, so
			// Thanksgiving counts: Mon 23 .. Fri 27 (5), Mon 30 .. Fri 4
			// (10).
			name: "10 weekdays without holidays",
			p:    regulator.Phase{Min: calendar.WorkingDays(10), Max: calendar.WorkingDays(10), DayOne: calendar.NextDay},
			want: date(2020, 12, 4),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.p.Name = "review"
			earliest, latest, err := regulator.Timeline{Phases: []regulator.Phase{tc.p}}.Window(filed)
			require.NoError(t, err)
			assert.Equal(t, tc.want, earliest)
			assert.Equal(t, tc.want, latest)
		})
	}
}

// TestTimelineRoll checks a 30-calendar-day period that ends on
// Thanksgiving: 27 October + 30 days is Thursday 26 November 2020.
func TestTimelineRoll(t *testing.T) {
	p := regulator.Phase{Name: "waiting period", Min: calendar.Days(30), Max: calendar.Days(30), Calendar: calendar.US(), DayOne: calendar.NextDay}
	_, latest, err := regulator.Timeline{Phases: []regulator.Phase{p}}.Window(date(2020, 10, 27))
	require.NoError(t, err)
	assert.Equal(t, date(2020, 11, 26), latest, "no roll")

	p.Roll = calendar.Following
	earliest, latest, err := regulator.Timeline{Phases: []regulator.Phase{p}}.Window(date(2020, 10, 27))
	require.NoError(t, err)
	assert.Equal(t, date(2020, 11, 27), earliest, "rolled to the next working day")
	assert.Equal(t, date(2020, 11, 27), latest)
}

// TestTimelineMonths checks a German-style two-month phase 1 from 31
// January 2021: the period ends on the last day of March (BGB 188(3)
// takes the corresponding day, 31 March).
func TestTimelineMonths(t *testing.T) {
	tl := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "phase 1", Min: calendar.Months(0), Max: calendar.Months(2), Calendar: calendar.Germany(), DayOne: calendar.NextDay},
		{Name: "phase 2", Min: calendar.Months(4), Max: calendar.Months(4), Calendar: calendar.Germany(), DayOne: calendar.NextDay, Optional: true},
	}}
	s, err := tl.Schedule(date(2021, 1, 31))
	require.NoError(t, err)
	assert.Equal(t, date(2021, 1, 31), s[0].EarliestEnd, "a zero minimum: the authority may decide at once")
	assert.Equal(t, date(2021, 3, 31), s[0].LatestEnd)
	assert.Equal(t, date(2021, 7, 31), s[1].LatestEnd)
}

// TestScheduleWindowConsistent checks, for several timelines and filing
// dates, that Window agrees with Schedule and that the phases chain.
func TestScheduleWindowConsistent(t *testing.T) {
	eu := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "phase I", Min: calendar.WorkingDays(25), Max: calendar.WorkingDays(35), Calendar: calendar.EUCommission(), DayOne: calendar.NextDay},
		{Name: "phase II", Min: calendar.WorkingDays(90), Max: calendar.WorkingDays(125), Calendar: calendar.EUCommission(), DayOne: calendar.NextDay, Optional: true},
	}}
	uk := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "review of notification", Min: calendar.WorkingDays(0), Max: calendar.WorkingDays(30), Calendar: calendar.UK(), DayOne: calendar.NextDay},
		{Name: "assessment", Min: calendar.WorkingDays(30), Max: calendar.WorkingDays(30), Calendar: calendar.UK(), DayOne: calendar.NextDay, Optional: true},
		{Name: "additional period", Min: calendar.WorkingDays(45), Max: calendar.WorkingDays(45), Calendar: calendar.UK(), DayOne: calendar.NextDay, Optional: true},
	}}
	mixed := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "acceptance", Min: calendar.WorkingDays(0), Max: calendar.WorkingDays(10), Calendar: calendar.US(), DayOne: calendar.NextDay},
		{Name: "review", Min: calendar.Days(45), Max: calendar.Days(45)},
		{Name: "investigation", Min: calendar.Days(45), Max: calendar.Days(60), DayOne: calendar.NextDay, Optional: true},
		{Name: "closing", Min: calendar.Days(1), Max: calendar.Days(5), DayOne: calendar.NextDay},
	}}
	for name, tl := range map[string]regulator.Timeline{"cfius": cfiusNotice(), "eu": eu, "uk": uk, "mixed": mixed, "empty": {}} {
		for _, filed := range []time.Time{date(2020, 3, 2), date(2020, 11, 20), date(2020, 12, 24), date(2023, 12, 29)} {
			s, err := tl.Schedule(filed)
			require.NoError(t, err, name)
			earliest, latest, err := tl.Window(filed)
			require.NoError(t, err, name)
			require.Len(t, s, len(tl.Phases))
			wantEarliest, wantLatest := filed, filed
			for i, p := range s {
				assert.Equal(t, tl.Phases[i].Name, p.Phase)
				assert.Equal(t, tl.Phases[i].Optional, p.Optional)
				assert.False(t, p.EarliestEnd.After(p.LatestEnd), "%s %s: earliest after latest", name, p.Phase)
				if i == 0 {
					assert.Equal(t, filed, p.Start, "%s: the first phase starts on the filing date", name)
				} else {
					assert.Equal(t, s[i-1].LatestEnd, p.Start, "%s %s: starts where the phase before ends", name, p.Phase)
					assert.False(t, p.EarliestEnd.Before(s[i-1].EarliestEnd), "%s %s", name, p.Phase)
				}
				if !p.Optional {
					wantEarliest = p.EarliestEnd
				}
				wantLatest = p.LatestEnd
			}
			assert.Equal(t, wantEarliest, earliest, "%s from %s", name, filed.Format(time.DateOnly))
			assert.Equal(t, wantLatest, latest, "%s from %s", name, filed.Format(time.DateOnly))
			assert.False(t, earliest.After(latest))
		}
	}
}

func TestTimelineErrors(t *testing.T) {
	tl := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "review", Max: calendar.Days(45)},
		{Name: "licence decision", Min: calendar.WorkingDays(30), Max: calendar.WorkingDays(30), Calendar: calendar.China(), DayOne: calendar.NextDay},
	}}
	_, err := tl.Schedule(date(2150, 1, 1))
	require.Error(t, err)
	assert.ErrorIs(t, err, calendar.ErrNotCovered)
	assert.Contains(t, err.Error(), "regulator: phase 1 (licence decision)")
	_, _, err = tl.Window(date(2150, 1, 1))
	assert.ErrorIs(t, err, calendar.ErrNotCovered)
}
