package regimes

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// Sources of the EU presets.
const (
	euMergerGuide   = "https://www.ashurst.com/en/insights/quickguide-eu-merger-control/"
	euMergerArt7    = "https://sintact.ro/legislatie/jurnalul-oficial-ue/regulamentul-802-21-apr-2004-de-punere-in-aplicare-a-79137802/art-7"
	euMergerPhases  = "https://www.lexology.com/library/detail.aspx?g=69e63e0c-1e05-4be1-a24b-b006b5ca4c25"
	euMergerDecs    = "http://www.jusline.li/index.php?cpid=f92f99b766343e040d46fcd6b03d3ee8&lawid=15&paid=6"
	euMergerRemedy  = "https://www.lexology.com/library/detail.aspx?g=ec73459f-5271-4277-9422-e1fe8bee98f3"
	euFDIBasis      = "https://lexaris.de/book/version/documentflat/head/2015435"
	euFDIArt7       = "https://fantasticsearch.net/law/eu/en?article=1&id=1W0lZpsB1anJoctMhSty"
	euFDIMechanism  = "https://www.celis.institute/celis-blog/clarifying-the-cooperation-mechanism/"
	euFDIPractice   = "https://nfdis.mt/faqs"
	euFDIPortfolio  = "https://thelawreviews.co.uk/edition/the-foreign-investment-regulation-review-edition-8/1232901/eu-overview"
	euDeadlineRules = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/0EGYWY"
)

// euFDIRegulation is the date Regulation (EU) 2019/452 applies from. The
// sources give the month only (October 2020); the day is Article 17's.
var euFDIRegulation = date(2020, 10, 11)

var europeanCommission = regulator.Regulator{ID: "european-commission", Name: "European Commission", Jurisdiction: jurEU}

// EUMRThresholds are the turnover thresholds of an EU dimension, in euros:
// a combined worldwide turnover above CombinedWorldwide and an EU-wide
// turnover above EachInEU for each of at least two undertakings.
type EUMRThresholds struct {
	// CombinedWorldwide is the undertakings' combined worldwide turnover,
	// EUR.
	CombinedWorldwide decimal.Decimal
	// EachInEU is the EU-wide turnover of each of at least two
	// undertakings, EUR.
	EachInEU decimal.Decimal
}

// EUMROptions are the options of [EUMR]. A nil *EUMROptions, or the zero
// value of a field, means the default.
type EUMROptions struct {
	// Filed is the date of notification. A date outside the years of the
	// Commission calendar's data is an error; the zero time skips the
	// check.
	Filed time.Time
	// Thresholds are the turnover thresholds. The sources state €5 billion
	// and €250 million (Article 1(2)) without confirming them
	// (UNCONFIRMED); they are the default, and a zero field keeps its
	// default. The alternative thresholds of Article 1(3) (€2.5 billion and
	// further tests) and the two-thirds rule are not modelled.
	Thresholds EUMRThresholds
	// StopTheClock is how long the Commission stops the clock pending
	// information it requested; the default is zero.
	StopTheClock calendar.Period
}

// EUMR returns the gate of EU merger control: Council Regulation (EC)
// No 139/2004 and Implementing Regulation (EC) No 802/2004, the European
// Commission deciding. Its entry into application is not in the sources,
// so the gate has no start date; its timeline needs the Commission
// calendar's data, which covers 2019 to 2027.
//
// The gate applies where the deal's turnover has an EU dimension
// ([TermCombinedWorldwideTurnoverEUR], [TermAcquirerEUTurnoverEUR],
// [TermTargetEUTurnoverEUR] against [EUMROptions.Thresholds]); notification
// is mandatory and suspensory. Whether the deal is a concentration
// (decisive influence, Article 3) is not tested. The Commission clears
// (Article 6(1)(b) or 8(1)), clears with commitments (6(2), 8(2);
// divestiture or behavioural, with a monitoring trustee) or prohibits
// (8(3)), and may order dissolution (8(4)).
//
// The timeline is on the Commission's calendar; each period starts on the
// working day after its triggering event (Regulation 802/2004, Article 7):
// phase I of 25 working days, 35 if commitments are offered; if the
// Commission opens proceedings, phase II of 90 working days, extendable up
// to 125; and any time the clock is stopped. Whether silence at expiry
// means compatibility (Article 10(6)) is UNCONFIRMED.
//
// Sources: https://www.ashurst.com/en/insights/quickguide-eu-merger-control/;
// https://sintact.ro/legislatie/jurnalul-oficial-ue/regulamentul-802-21-apr-2004-de-punere-in-aplicare-a-79137802/art-7;
// https://www.lexology.com/library/detail.aspx?g=69e63e0c-1e05-4be1-a24b-b006b5ca4c25;
// http://www.jusline.li/index.php?cpid=f92f99b766343e040d46fcd6b03d3ee8&lawid=15&paid=6;
// https://www.lexology.com/library/detail.aspx?g=ec73459f-5271-4277-9422-e1fe8bee98f3.
func EUMR(o *EUMROptions) (regulator.Gate, error) {
	const preset = "EUMR"
	if o == nil {
		o = &EUMROptions{}
	}
	c := &checker{preset: preset}
	c.amount("Thresholds.CombinedWorldwide", o.Thresholds.CombinedWorldwide)
	c.amount("Thresholds.EachInEU", o.Thresholds.EachInEU)
	c.period("StopTheClock", o.StopTheClock)
	eu := calendar.EUCommission()
	ps := []regulator.Phase{
		{Name: "phase I", Max: calendar.WorkingDays(25), Calendar: eu, DayOne: calendar.NextDay},
		{Name: "phase I with commitments", Max: calendar.WorkingDays(10), Calendar: eu, DayOne: calendar.NextDay, Optional: true},
		{Name: "phase II", Max: calendar.WorkingDays(90), Calendar: eu, DayOne: calendar.NextDay, Optional: true},
		{Name: "phase II extension", Max: calendar.WorkingDays(35), Calendar: eu, DayOne: calendar.NextDay, Optional: true},
	}
	if !calendar.IsZero(o.StopTheClock) {
		ps = append(ps, regulator.Phase{Name: "clock stopped", Max: o.StopTheClock, Calendar: eu, DayOne: calendar.NextDay, Optional: true})
	}
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	worldwide := orAmount(o.Thresholds.CombinedWorldwide, dec("5000000000"))
	each := orAmount(o.Thresholds.EachInEU, dec("250000000"))
	divest := regulator.Mitigation{ID: "divestiture-commitments", Name: "divestiture commitments with a monitoring trustee"}
	behave := regulator.Mitigation{ID: "behavioural-commitments", Name: "behavioural commitments with a monitoring trustee"}
	return build(preset, regulator.GateSpec{
		ID:        "eu-merger",
		Name:      "EU merger control",
		Regulator: europeanCommission,
		Basis: regulator.LegalBasis{
			Instrument: "Council Regulation (EC) No 139/2004; Commission Regulation (EC) No 802/2004",
			Section:    "Articles 1, 6, 8 and 10 of Regulation 139/2004; Articles 7 and 24 of Regulation 802/2004",
			URL:        euMergerGuide,
		},
		Trigger: regulator.Named("EU dimension", regulator.And(
			regulator.TermCompare(TermCombinedWorldwideTurnoverEUR, parties.MoreThan, worldwide),
			regulator.TermCompare(TermAcquirerEUTurnoverEUR, parties.MoreThan, each),
			regulator.TermCompare(TermTargetEUTurnoverEUR, parties.MoreThan, each),
		)),
		Clearance: choice(
			"eu-compatible", "whether the Commission finds the concentration compatible with the internal market",
			"eu-commitments", "whether the Commission clears it with commitments",
			divest, behave),
		Mitigations:   []regulator.Mitigation{divest, behave},
		Discretionary: true,
		Timeline:      tl,
		Source:        euMergerGuide + " ; " + euMergerArt7 + " ; " + euMergerPhases + " ; " + euMergerDecs + " ; " + euMergerRemedy,
	})
}

// EUFDIOptions are the options of [EUFDIScreening]. A nil *EUFDIOptions, or
// the zero value of a field, means the default.
type EUFDIOptions struct {
	// Filed is the date the Commission and the other Member States receive
	// the screening Member State's information. A date before 11 October
	// 2020 is an error; the zero time skips the check.
	Filed time.Time
	// Entity is the EU company invested in; empty means the deal's target.
	Entity parties.ID
	// ForeignInvestors selects the foreign investors. The zero Predicate
	// means parties neither incorporated nor headquartered in the EU.
	ForeignInvestors parties.Predicate
	// Threshold is the holding that makes an investment a foreign direct
	// investment, with lasting links, rather than a portfolio stake. The
	// sources give 10% from statistical usage only; it is the default, the
	// zero Threshold, as "at least 10%".
	Threshold parties.Threshold
}

// EUFDIScreening returns the gate of the EU's cooperation mechanism for the
// screening of foreign direct investment: Regulation (EU) 2019/452,
// applying from October 2020. A Member State screening an investment
// informs the Commission and the other Member States, which may comment or,
// for the Commission, give an opinion within at most 35 calendar days of
// receiving the information (Article 7(6)). The Member State decides
// anyway, so the gate has no clearance test: it always clears, and its
// timeline is the window in which comments can come. The period ends on
// the day it falls unless that is a Saturday, Sunday or Commission
// holiday, when it rolls to the next working day (Regulation 1182/71,
// Article 3(4)). In 2023, 92% of cases closed within 15 days. The revision
// agreed on 11 December 2025 is not yet in force and is not modelled.
//
// The gate applies to an investment by foreign investors in a company in
// the EU that gives them at least [EUFDIOptions.Threshold].
//
// Sources: https://lexaris.de/book/version/documentflat/head/2015435;
// https://fantasticsearch.net/law/eu/en?article=1&id=1W0lZpsB1anJoctMhSty;
// https://www.celis.institute/celis-blog/clarifying-the-cooperation-mechanism/;
// https://nfdis.mt/faqs;
// https://thelawreviews.co.uk/edition/the-foreign-investment-regulation-review-edition-8/1232901/eu-overview;
// https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/0EGYWY.
func EUFDIScreening(o *EUFDIOptions) (regulator.Gate, error) {
	const preset = "EUFDIScreening"
	if o == nil {
		o = &EUFDIOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, euFDIRegulation)
	c.threshold("Threshold", o.Threshold)
	tl := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "comments and opinion", Max: calendar.Days(35), Calendar: calendar.EUCommission(), DayOne: calendar.NextDay, Roll: calendar.Following},
	}}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	foreign := orPredicate(o.ForeignInvestors, foreignTo(jurEU, "foreign investors (outside the EU)"))
	return build(preset, regulator.GateSpec{
		ID:        "eu-fdi-cooperation",
		Name:      "EU FDI screening cooperation",
		Regulator: europeanCommission,
		Basis: regulator.LegalBasis{
			Instrument: "Regulation (EU) 2019/452 (FDI Screening Regulation)",
			Section:    "Articles 6 and 7",
			URL:        euFDIArt7,
		},
		InForce: regulator.Window{From: euFDIRegulation},
		Trigger: regulator.Named("foreign direct investment in the EU", regulator.And(
			located(o.Entity, jurEU),
			regulator.AcquirerIs(foreign),
			regulator.Owned(regulator.OwnershipRule{Subject: o.Entity, Holders: foreign, Threshold: orThreshold(o.Threshold, pct(parties.AtLeast, 10))}),
		)),
		Timeline: tl,
		Source:   euFDIBasis + " ; " + euFDIArt7 + " ; " + euFDIMechanism + " ; " + euFDIPractice + " ; " + euFDIPortfolio + " ; " + euDeadlineRules,
	})
}
