package regulator_test

import (
	"fmt"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// A CFIUS-style gate on the proposed TikTok Global of September 2020: the
// gate applies where foreign persons hold at least 25% looking through, and
// clears where US persons hold a majority looking through and a trusted US
// data custodian is in place, a mitigation the deal must offer.
func ExampleGate_Assess() {
	us, cn, ky := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN"), parties.MustJurisdiction("KY")
	pct := func(s string) parties.Share { return parties.MustParseShare(s) }
	reg, err := parties.New([]parties.Party{
		{ID: "tiktok-global", Name: "TikTok Global", Jurisdiction: us, Headquarters: us},
		{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us},
		{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us},
		{ID: "us-investors", Name: "US institutional investors", Kind: parties.Fund, Jurisdiction: us, Headquarters: us},
		{ID: "other-investors", Name: "Other global investors", Kind: parties.Fund},
		{ID: "founders", Name: "Founders", Kind: parties.Person, Jurisdiction: cn, Headquarters: cn},
		{ID: "employees", Name: "Employees", Kind: parties.Consortium, Jurisdiction: cn, Headquarters: cn},
	}, []parties.Stake{
		{Holder: "bytedance", Subject: "tiktok-global", Economic: pct("80%")},
		{Holder: "oracle", Subject: "tiktok-global", Economic: pct("12.5%")},
		{Holder: "walmart", Subject: "tiktok-global", Economic: pct("7.5%")},
		{Holder: "us-investors", Subject: "bytedance", Economic: pct("40%..41%")},
		{Holder: "other-investors", Subject: "bytedance", Economic: pct("19%..20%")},
		{Holder: "founders", Subject: "bytedance", Economic: pct("20%")},
		{Holder: "employees", Subject: "bytedance", Economic: pct("20%")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	usPersons := parties.In(us, parties.Seat)
	custodian := regulator.Mitigation{
		ID:        "us-data-custodian",
		Name:      "trusted US data custodian",
		Available: regulator.TermParty("data-custodian", usPersons),
	}
	gate, err := regulator.NewGate(regulator.GateSpec{
		ID:        "us-cfius",
		Name:      "CFIUS review",
		Regulator: regulator.Regulator{ID: "cfius", Name: "CFIUS", Jurisdiction: us},
		Basis:     regulator.LegalBasis{Instrument: "Defense Production Act of 1950", Section: "section 721 (50 U.S.C. 4565)"},
		InForce:   regulator.Window{From: time.Date(2020, 2, 13, 0, 0, 0, 0, time.UTC)},
		Trigger: regulator.Owned(regulator.OwnershipRule{
			Holders:   parties.Not(usPersons).WithName("foreign persons"),
			Threshold: parties.Threshold{Op: parties.AtLeast, Value: decimal.RequireFromString("0.25")},
		}),
		Clearance: regulator.And(
			regulator.Owned(regulator.OwnershipRule{Holders: usPersons, Threshold: parties.Majority}),
			regulator.Requires(custodian),
		),
		Mitigations: []regulator.Mitigation{custodian},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	for _, who := range []string{"oracle", "bytedance"} {
		w := regulator.NewWorld(regulator.Facts{
			Register:  reg,
			Target:    "tiktok-global",
			Acquirers: []parties.ID{"oracle", "walmart"},
			Terms:     regulator.NewTerms(map[string]regulator.Value{"data-custodian": regulator.Text(who)}),
			AsOf:      time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC),
		})
		a := gate.Assess(w)
		fmt.Printf("custodian %s: %v, mitigations %v\n", who, a.Decisions, a.Mitigations)
		fmt.Println(" ", a.Trigger.Text)
		for _, p := range a.Test.Parts {
			fmt.Println(" ", p.Text)
		}
	}
	// Output:
	// custodian oracle: [clear-with-mitigations], mitigations [us-data-custodian]
	//   foreign persons hold 80% of TikTok Global looking through; the rule needs at least 25%: holds
	//   US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs more than 50%: holds
	//   mitigation "us-data-custodian" (trusted US data custodian): data-custodian is Oracle; the rule needs one of US parties (seat): holds
	// custodian bytedance: [block], mitigations []
	//   foreign persons hold 80% of TikTok Global looking through; the rule needs at least 25%: holds
	//   US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs more than 50%: holds
	//   mitigation "us-data-custodian" (trusted US data custodian): data-custodian is ByteDance Ltd.; the rule needs one of US parties (seat): fails
}

// China's revision of its technology export catalogue on 2020-08-28 made
// the export of recommendation algorithms subject to a licence. A deal that
// transfers the algorithm does not meet the rule as of 2020-08-01, and does
// as of 2020-09-14, when the licence is at the authority's discretion.
func ExampleGate_Assess_inForce() {
	gate := regulator.MustGate(regulator.GateSpec{
		ID:        "cn-tech-export",
		Name:      "technology export licence",
		Regulator: regulator.Regulator{ID: "cn-mofcom", Name: "MOFCOM", Jurisdiction: parties.MustJurisdiction("CN")},
		Basis: regulator.LegalBasis{
			Instrument: "Catalogue of Technologies Prohibited and Restricted from Export (revised 2020-08-28)",
			Section:    "personalised information push service technology based on data analysis",
		},
		InForce:       regulator.Window{From: time.Date(2020, 8, 28, 0, 0, 0, 0, time.UTC)},
		Trigger:       regulator.TermIs("algorithm-transferred", regulator.Bool(true)),
		Clearance:     regulator.Discretion("mofcom-licence", "a licence to export the recommendation algorithm"),
		Discretionary: true,
	})
	terms := regulator.NewTerms(map[string]regulator.Value{"algorithm-transferred": regulator.Bool(true)})
	for _, asOf := range []time.Time{
		time.Date(2020, 8, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC),
	} {
		a := gate.Assess(regulator.NewWorld(regulator.Facts{Terms: terms, AsOf: asOf}))
		fmt.Printf("%s: applies %s, decisions %v\n", asOf.Format(time.DateOnly), a.Applies, a.Decisions)
		fmt.Println(" ", a.Text)
	}
	// Output:
	// 2020-08-01: applies fails, decisions []
	//   technology export licence (MOFCOM; Catalogue of Technologies Prohibited and Restricted from Export (revised 2020-08-28), personalised information push service technology based on data analysis) does not apply: not in force on 2020-08-01 (in force from 2020-08-28)
	// 2020-09-14: applies holds, decisions [clear block]
	//   technology export licence (MOFCOM; Catalogue of Technologies Prohibited and Restricted from Export (revised 2020-08-28), personalised information push service technology based on data analysis) applies (algorithm-transferred is yes; the rule needs yes: holds); clearance test: a licence to export the recommendation algorithm is at the authority's discretion: open; the decision is discretionary
}

// A CFIUS notice submitted on Friday 20 November 2020: CFIUS accepts it
// within 10 US working days (Thanksgiving, 26 November, does not count), the
// 45-day review counts the acceptance day as day 1, and an investigation of
// 45 more days may follow.
func ExampleTimeline_Window() {
	tl := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "acceptance", Max: calendar.WorkingDays(10), Calendar: calendar.US(), DayOne: calendar.NextDay},
		{Name: "review", Min: calendar.Days(45), Max: calendar.Days(45), DayOne: calendar.EventDay},
		{Name: "investigation", Min: calendar.Days(45), Max: calendar.Days(45), DayOne: calendar.NextDay, Optional: true},
	}}
	submitted := time.Date(2020, 11, 20, 0, 0, 0, 0, time.UTC)
	schedule, err := tl.Schedule(submitted)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range schedule {
		fmt.Printf("%-13s ends between %s and %s\n", p.Phase, p.EarliestEnd.Format(time.DateOnly), p.LatestEnd.Format(time.DateOnly))
	}
	earliest, latest, err := tl.Window(submitted)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("decision between %s and %s\n", earliest.Format(time.DateOnly), latest.Format(time.DateOnly))
	// Output:
	// acceptance    ends between 2020-11-20 and 2020-12-07
	// review        ends between 2021-01-03 and 2021-01-20
	// investigation ends between 2021-01-03 and 2021-03-06
	// decision between 2021-01-03 and 2021-03-06
}

// The order of 14 August 2020 under section 721 required ByteDance to divest
// within 90 days, by 12 November 2020, and let CFIUS extend the deadline by
// up to 30 days.
func ExampleNewDeadline() {
	d, err := regulator.NewDeadline(regulator.DeadlineSpec{
		ID:          "musically-divestiture",
		Name:        "Musical.ly divestiture order",
		Basis:       regulator.LegalBasis{Instrument: "Order of August 14, 2020 (85 FR 51297)"},
		Date:        time.Date(2020, 11, 12, 0, 0, 0, 0, time.UTC),
		Consequence: "divestiture of TikTok's US assets and US user data",
		Extension:   regulator.Extension{Up: calendar.Days(30), By: "CFIUS"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	fmt.Println("extendable:", d.Extendable())
	fmt.Println("earliest:", d.Earliest().Format(time.DateOnly))
	fmt.Println("latest:", d.Latest().Format(time.DateOnly))
	// Output:
	// Musical.ly divestiture order on 2020-11-12 (Order of August 14, 2020 (85 FR 51297)): divestiture of TikTok's US assets and US user data; may be extended by CFIUS by up to 30 calendar days to 2020-12-12
	// extendable: open
	// earliest: 2020-11-12
	// latest: 2020-12-12
}

// "At least 20%" and "more than 20%" differ exactly at 20%, and a share known
// only as a range that straddles the threshold leaves the test open.
func ExampleOwned() {
	cn, us := parties.MustJurisdiction("CN"), parties.MustJurisdiction("US")
	for _, share := range []string{"20%", "19%..21%"} {
		reg, err := parties.New([]parties.Party{
			{ID: "app", Name: "App Inc.", Jurisdiction: us},
			{ID: "parent", Name: "Parent", Jurisdiction: cn},
			{ID: "fund", Name: "Fund", Jurisdiction: us},
		}, []parties.Stake{
			{Holder: "parent", Subject: "app", Economic: parties.MustParseShare(share)},
			{Holder: "fund", Subject: "app", Economic: parties.MustParseShare("70%")},
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		w := regulator.NewWorld(regulator.Facts{Register: reg, Target: "app"})
		for _, op := range []parties.Comparison{parties.AtLeast, parties.MoreThan} {
			c := regulator.Owned(regulator.OwnershipRule{
				Holders:   parties.In(cn, parties.Seat).WithName("Chinese persons"),
				Threshold: parties.Threshold{Op: op, Value: decimal.RequireFromString("0.2")},
			})
			fmt.Println(c.Eval(w))
		}
	}
	// Output:
	// Chinese persons hold 20% of App Inc. looking through; the rule needs at least 20%: holds
	// Chinese persons hold 20% of App Inc. looking through; the rule needs more than 20%: fails
	// Chinese persons hold 19%–21% of App Inc. looking through; the rule needs at least 20%: open
	// Chinese persons hold 19%–21% of App Inc. looking through; the rule needs more than 20%: open
}

// Conditions combine with Kleene logic: a failing part decides a
// conjunction, a holding part a disjunction, and otherwise an open part
// leaves the result open.
func ExampleAnd() {
	w := regulator.NewWorld(regulator.Facts{})
	buyer := regulator.Const(regulator.Holds, "the buyer is American")
	licence := regulator.Discretion("mofcom-licence", "an export licence")
	code := regulator.Const(regulator.Fails, "the source code moves")
	fmt.Println(regulator.And(buyer, licence).Eval(w))
	fmt.Println(regulator.And(buyer, licence, code).Eval(w))
	fmt.Println(regulator.Or(licence, regulator.Not(code)).Eval(w))
	// Output:
	// (the buyer is American: holds; and an export licence is at the authority's discretion: open): open
	// the source code moves: fails
	// not (the source code moves: fails): holds
}
