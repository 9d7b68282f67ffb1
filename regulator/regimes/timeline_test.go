package regimes_test

import (
	"testing"
	"time"

	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/dealscape/dealscape/regulator/regimes"
	"github.com/stretchr/testify/require"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// phaseCase is one regime's timeline from one filing date: the latest end
// of every phase, in order, each checked by hand in the comment above it.
type phaseCase struct {
	name   string
	gate   func() (regulator.Gate, error)
	filed  string
	phases []string // "phase name: YYYY-MM-DD"
}

func runPhaseCases(t *testing.T, cases []phaseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := tc.gate()
			require.NoError(t, err)
			s, err := g.Timeline().Schedule(day(tc.filed))
			require.NoError(t, err)
			got := make([]string, len(s))
			for i, p := range s {
				got[i] = p.Phase + ": " + p.LatestEnd.Format(time.DateOnly)
			}
			require.Equal(t, tc.phases, got)
			_, latest, err := g.Timeline().Window(day(tc.filed))
			require.NoError(t, err)
			require.Equal(t, s[len(s)-1].LatestEnd, latest)
		})
	}
}

func TestCFIUSNoticeTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Accepted on Monday 23 November 2020, the week of Thanksgiving
			// (Thursday 26 November), which does not matter to calendar
			// days. Day 1 is the acceptance date: day 8 is 30 November, day
			// 39 is 31 December, day 45 is 6 January 2021. The investigation
			// runs 45 days from the next day: 31 January is +25, 20 February
			// +45. The extension: 28 February is +8, 7 March +15. The
			// President: 31 March is +24, so 22 March is +15.
			name: "accepted before Thanksgiving 2020",
			gate: func() (regulator.Gate, error) {
				return regimes.CFIUSNotice(&regimes.CFIUSOptions{FromAcceptance: true})
			},
			filed: "2020-11-23",
			phases: []string{
				"review: 2021-01-06",
				"investigation: 2021-02-20",
				"investigation extension: 2021-03-07",
				"presidential decision: 2021-03-22",
			},
		},
		{
			// Submitted on Friday 13 November 2020. Acceptance within 10
			// business days from Monday: 16–20 November (5), 23–25 (8),
			// Thanksgiving 26 November skipped, 27 (9), 30 (10). The review
			// then counts 30 November as day 1: 31 December is day 32, 13
			// January 2021 day 45. Investigation: 31 January is +18, 27
			// February +45. Extension: 28 February +1, 14 March +15.
			// President: 29 March.
			name:  "submitted the week before Thanksgiving 2020",
			gate:  func() (regulator.Gate, error) { return regimes.CFIUSNotice(nil) },
			filed: "2020-11-13",
			phases: []string{
				"acceptance: 2020-11-30",
				"review: 2021-01-13",
				"investigation: 2021-02-27",
				"investigation extension: 2021-03-14",
				"presidential decision: 2021-03-29",
			},
		},
	})
}

func TestCFIUSDeclarationTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{{
		// Day 1 is 23 November 2020; 30 November is day 8, 22 December
		// day 30.
		name:   "received 2020-11-23",
		gate:   func() (regulator.Gate, error) { return regimes.CFIUSDeclaration(nil) },
		filed:  "2020-11-23",
		phases: []string{"assessment: 2020-12-22"},
	}})
}

func TestHSRTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Filed Tuesday 25 November 2025: 30 November is +5, 25
			// December +30, Christmas Day, so the period rolls to Friday 26
			// December. Second request from there: 31 December is +5, 25
			// January 2026 +30, a Sunday, rolled to Monday 26 January (MLK
			// Day was 19 January).
			name:  "ending on Christmas Day 2025",
			gate:  func() (regulator.Gate, error) { return regimes.HSR(nil) },
			filed: "2025-11-25",
			phases: []string{
				"waiting period: 2025-12-26",
				"second request waiting period: 2026-01-26",
			},
		},
		{
			// Cash tender filed Wednesday 10 December 2025: +15 is 25
			// December, rolled to 26 December; second request 10 days: 5
			// January 2026, a Monday.
			name: "cash tender offer",
			gate: func() (regulator.Gate, error) {
				return regimes.HSR(&regimes.HSROptions{Transaction: regimes.HSRCashTender})
			},
			filed: "2025-12-10",
			phases: []string{
				"waiting period: 2025-12-26",
				"second request waiting period: 2026-01-05",
			},
		},
		{
			// Filed Friday 20 June 2025: +30 is Sunday 20 July, rolled to
			// Monday 21 July. Substantial compliance 60 days later: 31 July
			// is +10, 31 August +41, 19 September +60. Then 30 days: 19
			// October, a Sunday, rolled to Monday 20 October (Columbus Day
			// was 13 October).
			name: "second request after 60 days of compliance",
			gate: func() (regulator.Gate, error) {
				return regimes.HSR(&regimes.HSROptions{Compliance: calendar.Days(60)})
			},
			filed: "2025-06-20",
			phases: []string{
				"waiting period: 2025-07-21",
				"second request compliance: 2025-09-19",
				"second request waiting period: 2025-10-20",
			},
		},
	})
}

func TestPAFACATimeline(t *testing.T) {
	// Enacted 24 April 2024: 30 April is +6, 31 May +37, 30 June +67, 31
	// July +98, 31 August +129, 30 September +159, 31 October +190, 30
	// November +220, 31 December +251, 19 January 2025 +270. The extension:
	// 31 January +12, 28 February +40, 31 March +71, 19 April +90.
	r, err := regimes.PAFACA(nil)
	require.NoError(t, err)
	require.Equal(t, day("2025-01-19"), r.Prohibition.Date())
	require.Equal(t, day("2025-04-19"), r.Prohibition.Latest())
	require.Equal(t, regulator.Open, r.Prohibition.Extendable())
	require.False(t, r.Prohibition.Enjoinable())
	runPhaseCases(t, []phaseCase{{
		name:  "ByteDance and TikTok, covered on enactment",
		gate:  func() (regulator.Gate, error) { return r.Divestiture, nil },
		filed: "2024-04-24",
		phases: []string{
			"divestiture period: 2025-01-19",
			"presidential extension: 2025-04-19",
		},
	}})
	// An application designated on 1 July 2024: 31 July is +30, 31 March
	// 2025 is +273, so +270 is 28 March 2025.
	r, err = regimes.PAFACA(&regimes.PAFACAOptions{Covered: day("2024-07-01")})
	require.NoError(t, err)
	require.Equal(t, day("2025-03-28"), r.Prohibition.Date())
}

func TestIEEPAProhibition(t *testing.T) {
	d, err := regimes.IEEPAProhibition(nil)
	require.NoError(t, err)
	require.Equal(t, day("2020-09-27"), d.Date())
	require.True(t, d.Enjoinable())
	require.Equal(t, regulator.Fails, d.Extendable())
	require.Contains(t, d.Basis().String(), "Executive Order 13942")

	d, err = regimes.IEEPAProhibition(&regimes.IEEPAOptions{ID: "eo-13942-hosting", Effective: day("2020-11-12")})
	require.NoError(t, err)
	require.Equal(t, "eo-13942-hosting", d.ID())
	require.Equal(t, day("2020-11-12"), d.Date())
}

func TestTechExportLicenceTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Received Friday 18 September 2020, over National Day and
			// Mid-Autumn (1–8 October off; Sunday 27 September and Saturday
			// 10 October worked). 21–25 September (5), 27 September (6),
			// 28–30 September (9), 9 October (10), 10 October (11), 12–16
			// (16), 19–23 (21), 26–30 (26), 2–5 November (30). Licence 15
			// working days: 6 November (1), 9–13 (6), 16–20 (11), 23–26
			// (15).
			name:  "across National Day 2020",
			gate:  func() (regulator.Gate, error) { return regimes.TechExportLicence(nil) },
			filed: "2020-09-18",
			phases: []string{
				"application review (letter of intent): 2020-11-05",
				"licence: 2020-11-26",
			},
		},
		{
			// Received Monday 31 August 2020, days after the catalogue
			// revision: 1–4 September (4), 7–11 (9), 14–18 (14), 21–25
			// (19), 27 September (20), 28–30 (23), 9 October (24), 10
			// October (25), 12–16 (30). Licence 15 calendar days: 31
			// October.
			name: "after the 2020 catalogue revision, licence in calendar days",
			gate: func() (regulator.Gate, error) {
				return regimes.TechExportLicence(&regimes.TechExportOptions{Licence: calendar.Days(15)})
			},
			filed: "2020-08-31",
			phases: []string{
				"application review (letter of intent): 2020-10-16",
				"licence: 2020-10-31",
			},
		},
	})
}

func TestSAMRMergerTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Accepted Monday 30 September 2024, calendar days from the
			// next day: 30 October; phase II: 31 October +1, 30 November
			// +31, 31 December +62, 28 January 2025 +90; extension: 31
			// January +3, 28 February +31, 29 March +60.
			name:  "calendar days",
			gate:  func() (regulator.Gate, error) { return regimes.SAMRMerger(nil) },
			filed: "2024-09-30",
			phases: []string{
				"phase I: 2024-10-30",
				"phase II: 2025-01-28",
				"phase II extension: 2025-03-29",
			},
		},
		{
			// Working days on the China calendar from Monday 30 September
			// 2024: 1–7 October off, 8–11 (4), Saturday 12 October worked
			// (5), 14–18 (10), 21–25 (15), 28 October–1 November (20), 4–8
			// (25), 11–15 (30). Phase II: 18 November–27 December (30),
			// 30–31 December (32), 1 January off, 2–3 (34), 6–24 January
			// (49), Sunday 26 January worked (50), 27 January (51), 28
			// January–4 February off, 5–7 February (54), Saturday 8
			// February worked (55), 10 February–28 March (90). Extension:
			// 31 March (1), 1–3 April (4), Qingming 4–6 April off, 7–25
			// April (19), Sunday 27 April worked (20), 28–30 April (23),
			// 1–5 May off, 6–30 May (42), 31 May–2 June off, 3–20 June
			// (56), 23–26 June (60).
			name: "working days over Spring Festival 2025",
			gate: func() (regulator.Gate, error) {
				return regimes.SAMRMerger(&regimes.SAMROptions{WorkingDays: true})
			},
			filed: "2024-09-30",
			phases: []string{
				"phase I: 2024-11-15",
				"phase II: 2025-03-28",
				"phase II extension: 2025-06-26",
			},
		},
		{
			// Submitted 1 September 2025; 28 days to acceptance: 29
			// September. Phase I: 30 September +1, 29 October +30. Phase
			// II: 31 October +2, 30 November +32, 31 December +63, 27
			// January 2026 +90. Extension: 31 January +4, 28 February +32,
			// 28 March +60. Twenty days of stopped clock: 31 March +3, 17
			// April +20.
			name: "pre-acceptance and stop-the-clock",
			gate: func() (regulator.Gate, error) {
				return regimes.SAMRMerger(&regimes.SAMROptions{PreAcceptance: calendar.Days(28), StopTheClock: calendar.Days(20)})
			},
			filed: "2025-09-01",
			phases: []string{
				"pre-acceptance: 2025-09-29",
				"phase I: 2025-10-29",
				"phase II: 2026-01-27",
				"phase II extension: 2026-03-28",
				"clock stopped: 2026-04-17",
			},
		},
	})
}

func TestChinaSecurityReviewTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{{
		// Received Monday 22 September 2025, working days on the China
		// calendar. 23–26 September (4), Sunday 28 September worked (5),
		// 29–30 (7), 1–8 October off, 9–10 (9), Saturday 11 October worked
		// (10), 13–17 (15). General review: 20 October–28 November (30).
		// Special review: 1–31 December (23), 1–3 January 2026 off, Sunday
		// 4 January worked (24), 5 January–13 February (54), Saturday 14
		// February worked (55), 15–23 February off, 24–27 February (59),
		// Saturday 28 February worked (60).
		name:  "over National Day 2025 and Spring Festival 2026",
		gate:  func() (regulator.Gate, error) { return regimes.ChinaSecurityReview(nil) },
		filed: "2025-09-22",
		phases: []string{
			"decision whether to review: 2025-10-17",
			"general review: 2025-11-28",
			"special review: 2026-02-28",
		},
	}})
}

func TestEUMRTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{{
		// Notified Friday 15 March 2024; day 1 is Monday 18 March. 18–22
		// March (5), 25–27 (8), then Maundy Thursday 28 March, Good Friday
		// 29 March and Easter Monday 1 April are Commission holidays, 2–5
		// April (12), 8–12 (17), 15–19 (22), 22–24 (25). Commitments: 25–26
		// April (27), 29–30 (29), 1 May off, 2–3 May (31), 6–8 (34), 9–10
		// May off, 13 May (35). Phase II: 14–17 May (4), Whit Monday 20 May
		// off, 21–24 (8), 27–31 (13), June (33), July (56), 1–2 August
		// (58), 5–14 (66), 15 August off, 16 (67), 19–30 (77), 2–13
		// September (87), 16–18 (90). Extension: 19–20 September (2), 23
		// September–31 October (31), 1 November off, 4–7 November (35).
		name:  "phase I spanning Easter 2024",
		gate:  func() (regulator.Gate, error) { return regimes.EUMR(nil) },
		filed: "2024-03-15",
		phases: []string{
			"phase I: 2024-04-24",
			"phase I with commitments: 2024-05-13",
			"phase II: 2024-09-18",
			"phase II extension: 2024-11-07",
		},
	}})
}

func TestEUFDIScreeningTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Received 15 March 2024: 31 March is +16, 19 April +35, a
			// Friday.
			name:   "no roll",
			gate:   func() (regulator.Gate, error) { return regimes.EUFDIScreening(nil) },
			filed:  "2024-03-15",
			phases: []string{"comments and opinion: 2024-04-19"},
		},
		{
			// Received 20 November 2024: 30 November is +10, 25 December
			// +35, inside the Commission's closure (24–31 December); 1 and
			// 2 January 2025 are holidays too, so the period ends on Friday
			// 3 January.
			name:   "rolled over the Commission's year-end closure",
			gate:   func() (regulator.Gate, error) { return regimes.EUFDIScreening(nil) },
			filed:  "2024-11-20",
			phases: []string{"comments and opinion: 2025-01-03"},
		},
	})
}

func TestUKNSIATimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Accepted Friday 6 December 2024; day 1 is Monday 9 December.
			// 9–13 (5), 16–20 (10), 23–24 (12), Christmas and Boxing Day
			// off, 27 (13), 30–31 (15), 1 January 2025 off and 2 January
			// off (a Scottish bank holiday), 3 January (16), 6–10 (21),
			// 13–17 (26), 20–23 (30). Call-in: 24 January (1), 27
			// January–28 February (26), 3–6 March (30). Additional period:
			// 7 March (1), 10–14 (6), St Patrick's Day 17 March off
			// (Northern Ireland), 18–21 (10), 24 March–11 April (25), 14–17
			// April (29), Good Friday and Easter Monday off, 22–25 (33),
			// 28 April–2 May (38), 5 May off, 6–9 (42), 12–14 (45). A
			// voluntary period of 20: 15–16 May (2), 19–23 (7), 26 May off,
			// 27–30 (11), 2–6 June (16), 9–12 (20).
			name: "spanning Christmas and 2 January",
			gate: func() (regulator.Gate, error) {
				return regimes.UKNSIA(&regimes.UKNSIAOptions{Voluntary: []calendar.Period{calendar.WorkingDays(20)}})
			},
			filed: "2024-12-06",
			phases: []string{
				"review of notification: 2025-01-23",
				"initial period (call-in): 2025-03-06",
				"additional period: 2025-05-14",
				"voluntary period 1: 2025-06-12",
			},
		},
		{
			// Counting the day of each notice as day 1. Acceptance on
			// Friday 6 December 2024 is day 1, so the review ends a day
			// earlier, 22 January 2025. The call-in on that day is day 1 of
			// the initial period: 23–24 January (3), 27 January–28 February
			// (28), 3–4 March (30). The additional period from 4 March: 5–7
			// March (4), 10–14 (9), 17 March off, 18–21 (13), 24 March–11
			// April (28), 14–17 (32), 18 and 21 April off, 22 April–2 May
			// (41), 5 May off, 6–9 May (45).
			name: "counting from the event day",
			gate: func() (regulator.Gate, error) {
				return regimes.UKNSIA(&regimes.UKNSIAOptions{CountFromEventDay: true})
			},
			filed: "2024-12-06",
			phases: []string{
				"review of notification: 2025-01-22",
				"initial period (call-in): 2025-03-04",
				"additional period: 2025-05-09",
			},
		},
	})
}

func TestCanadaICANationalSecurityTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{{
		// Certified Friday 18 July 2025: 31 July is +13, 31 August +44, 1
		// September +45, Labour Day, rolled to Tuesday 2 September. Order:
		// 30 September +28, 17 October +45. Review: 31 October +14, 30
		// November +44, 1 December +45. Governor in Council: 21 December
		// +20, a Sunday, rolled to Monday 22 December.
		name:  "rolled over Labour Day 2025",
		gate:  func() (regulator.Gate, error) { return regimes.CanadaICANationalSecurity(nil) },
		filed: "2025-07-18",
		phases: []string{
			"s.25.2 notice: 2025-09-02",
			"s.25.3 review order: 2025-10-17",
			"review: 2025-12-01",
			"Governor in Council order: 2025-12-22",
		},
	}})
}

func TestAustraliaFIRBTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{{
		// Fee received Thursday 27 March 2025; day 1 is 28 March. 31 March
		// is +4, 26 April +30, a Saturday: the next ACT business day is
		// Monday 28 April (Anzac Day was Friday 25 April). Interim order:
		// 30 April +2, 31 May +33, 30 June +63, 27 July +90, a Sunday,
		// rolled to Monday 28 July.
		name:  "rolled to the next ACT business day",
		gate:  func() (regulator.Gate, error) { return regimes.AustraliaFIRB(nil) },
		filed: "2025-03-27",
		phases: []string{
			"decision period: 2025-04-28",
			"interim order: 2025-07-28",
		},
	}})
}

func TestNewZealandOIATimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Filed Monday 15 December 2025; 50 New Zealand working days.
			// 16–19 December (4), 22–24 (7), 25–26 December off, 29–31
			// (10), 1–2 January 2026 off, 5–9 (15), 12–16 (20), 19–23 (25),
			// 26–30 (30), 2–5 February (34), Waitangi Day 6 February off,
			// 9–27 February (49), 2 March (50).
			name:   "consent over Christmas and Waitangi Day",
			gate:   func() (regulator.Gate, error) { return regimes.NewZealandOIA(nil) },
			filed:  "2025-12-15",
			phases: []string{"assessment: 2026-03-02"},
		},
		{
			// The national security route assumes 70 working days: from 2
			// March (50), 3–6 March (54), 9–27 (69), 30 March (70).
			name: "national security",
			gate: func() (regulator.Gate, error) {
				return regimes.NewZealandOIA(&regimes.NewZealandOptions{Route: regimes.NZNationalSecurity})
			},
			filed:  "2025-12-15",
			phases: []string{"assessment: 2026-03-30"},
		},
	})
}

func TestGermanyAWVTimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{
		{
			// Filed 31 December 2024: two months end on the last day of
			// February, Friday 28 February 2025 (§188(3) BGB). Four months
			// more: Saturday 28 June, rolled to Monday 30 June. Three more:
			// Tuesday 30 September.
			name:  "month ends and a weekend",
			gate:  func() (regulator.Gate, error) { return regimes.GermanyAWV(nil) },
			filed: "2024-12-31",
			phases: []string{
				"phase 1: 2025-02-28",
				"phase 2: 2025-06-30",
				"phase 2 extension (particular difficulties): 2025-09-30",
			},
		},
		{
			// Defence, filed 29 November 2024: 29 January 2025; four
			// months: 29 May, Ascension Day, rolled to Friday 30 May; three
			// months: Saturday 30 August, rolled to Monday 1 September; one
			// month for defence interests: Wednesday 1 October.
			name: "defence over Ascension Day 2025",
			gate: func() (regulator.Gate, error) {
				return regimes.GermanyAWV(&regimes.GermanyOptions{Sector: regimes.Defence})
			},
			filed: "2024-11-29",
			phases: []string{
				"phase 1: 2025-01-29",
				"phase 2: 2025-05-30",
				"phase 2 extension (particular difficulties): 2025-09-01",
				"phase 2 extension (defence interests): 2025-10-01",
			},
		},
	})
}

func TestJapanFEFTATimeline(t *testing.T) {
	runPhaseCases(t, []phaseCase{{
		// Received Friday 25 April 2025: 30 April is +5, 25 May +30, a
		// Sunday, which does not roll. An extension of four months from
		// there: 25 September.
		name: "over Golden Week 2025",
		gate: func() (regulator.Gate, error) {
			return regimes.JapanFEFTA(&regimes.JapanOptions{Extension: calendar.Months(4)})
		},
		filed: "2025-04-25",
		phases: []string{
			"waiting period: 2025-05-25",
			"extension: 2025-09-25",
		},
	}})
}
