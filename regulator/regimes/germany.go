package regimes

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// Sources of the German preset.
const (
	deProcess    = "https://complianceconcourse.willkie.com/resources/process-standstill-obligation-and-timing/"
	deBasis      = "https://thelawreviews.co.uk/edition/the-foreign-investment-regulation-review-edition-6/1174879/germany"
	de17th       = "https://sidley.com/en/insights/newsupdates/2021/05/further-tightening-of-german-investment-screening-rules"
	deThresholds = "https://www.blomstein.com/en/news/further-tightening-of-investment-control-in-germany-17th-amendment-of-the-foreign-trade-and-payments-ordinance-new-thresholds-and-changes-to-sector-specific-examination"
	deStandstill = "https://www.hengeler.com/en/awg-amendments"
)

// germanyAWV17 is the date the 17th amendment of the German Foreign Trade
// and Payments Ordinance took effect, 1 May 2021, setting the current
// thresholds and 27 mandatory case groups.
var germanyAWV17 = date(2021, 5, 1)

// germanSectors maps the sectors the German preset knows to their voting
// thresholds in percent.
var germanSectors = map[Sector]int64{
	NoSector:               25,
	Defence:                10,
	CriticalInfrastructure: 10,
	ArtificialIntelligence: 20,
	AutonomousDriving:      20,
	AdvancedRobotics:       20,
	Semiconductors:         20,
	Cybersecurity:          20,
}

// GermanyOptions are the options of [GermanyAWV]. A nil *GermanyOptions, or
// the zero value of a field, means the default.
type GermanyOptions struct {
	// Filed is the date the ministry learns of the acquisition (the filing).
	// A date before 1 May 2021 (the rules the preset models) is an error;
	// the zero time skips the check.
	Filed time.Time
	// Sector picks the case group and its threshold of voting rights:
	// [Defence] (sector-specific review, §§60 ff., any non-German acquirer)
	// and [CriticalInfrastructure], 10%; [ArtificialIntelligence],
	// [AutonomousDriving], [AdvancedRobotics], [Semiconductors] and
	// [Cybersecurity], 20%; [NoSector] (the default), the other
	// cross-sectoral cases, 25%. Any other sector is an error; use
	// Threshold for a case group the preset does not name (such as the
	// other critical sectors at 10%).
	Sector Sector
	// Threshold overrides the sector's threshold of voting rights; the zero
	// Threshold keeps it.
	Threshold parties.Threshold
	// Entity is the German company acquired; empty means the deal's target.
	Entity parties.ID
	// Acquirers selects the acquirers reviewed. The zero Predicate means
	// parties neither incorporated nor headquartered in the EU (for
	// [Defence]: in Germany).
	Acquirers parties.Predicate
	// ClockStop is how long information requests stop the period; the
	// default is zero.
	ClockStop calendar.Period
	// NoHolidayRoll reports whether a period ending on a weekend or German
	// public holiday stays there. By default it ends on the next working
	// day, computing periods as in §§187–193 BGB (UNCONFIRMED).
	NoHolidayRoll bool
}

// GermanyAWV returns the gate of German foreign investment review under the
// Foreign Trade and Payments Act (AWG, §4(1) No. 4 and §5(2)) and the
// Foreign Trade and Payments Ordinance (AWV, §§55–62), as amended by the
// 17th amendment in force from 1 May 2021. The Federal Ministry for
// Economic Affairs decides, with the consent of other ministries for
// restrictive measures.
//
// The gate applies where acquirers attain the sector's threshold of voting
// rights in a German company: 10%, 20% or 25% (see
// [GermanyOptions.Sector]). Votes count alone or through companies in which
// the acquirer itself holds the threshold ([regulator.Controlled] at that
// threshold); the detail of indirect attribution under the AWV is
// UNCONFIRMED. For mandatory filings closing is suspended until clearance.
// The ministry clears, clears with conditions (or a public-law contract)
// or prohibits.
//
// The timeline counts months (§§187–193 BGB style, UNCONFIRMED), each from
// the day after its event: phase 1 of 2 months; if the ministry opens an
// investigation, phase 2 of 4 months from receipt of the complete
// documents (taken to follow phase 1 at once), extendable by 3 months for
// particular difficulties and, where defence interests are affected, by
// 1 month more; and any time information requests stop the clock. The
// current ex officio review window is UNCONFIRMED and not modelled.
//
// Sources: https://complianceconcourse.willkie.com/resources/process-standstill-obligation-and-timing/;
// https://thelawreviews.co.uk/edition/the-foreign-investment-regulation-review-edition-6/1174879/germany;
// https://sidley.com/en/insights/newsupdates/2021/05/further-tightening-of-german-investment-screening-rules;
// https://www.blomstein.com/en/news/further-tightening-of-investment-control-in-germany-17th-amendment-of-the-foreign-trade-and-payments-ordinance-new-thresholds-and-changes-to-sector-specific-examination;
// https://www.hengeler.com/en/awg-amendments.
func GermanyAWV(o *GermanyOptions) (regulator.Gate, error) {
	const preset = "GermanyAWV"
	if o == nil {
		o = &GermanyOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, germanyAWV17)
	percent, known := germanSectors[o.Sector]
	if !known {
		c.addf("Sector", ErrUnknownSector, "%q", o.Sector)
	}
	c.threshold("Threshold", o.Threshold)
	c.period("ClockStop", o.ClockStop)
	roll := calendar.Following
	if o.NoHolidayRoll {
		roll = calendar.NoRoll
	}
	de := calendar.Germany()
	phase := func(name string, months int, optional bool) regulator.Phase {
		return regulator.Phase{Name: name, Max: calendar.Months(months), Calendar: de, DayOne: calendar.NextDay, Roll: roll, Optional: optional}
	}
	ps := []regulator.Phase{
		phase("phase 1", 2, false),
		phase("phase 2", 4, true),
		phase("phase 2 extension (particular difficulties)", 3, true),
	}
	if o.Sector == Defence {
		ps = append(ps, phase("phase 2 extension (defence interests)", 1, true))
	}
	if !calendar.IsZero(o.ClockStop) {
		ps = append(ps, regulator.Phase{Name: "clock stopped", Max: o.ClockStop, Calendar: de, DayOne: calendar.NextDay, Roll: roll, Optional: true})
	}
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	acquirers := foreignTo(jurEU, "acquirers from outside the EU")
	review, section := "cross-sectoral review", "§§55–59 AWV"
	if o.Sector == Defence {
		acquirers = foreignTo(jurDE, "foreign acquirers (not DE)")
		review, section = "sector-specific review", "§§60–62 AWV"
	}
	acquirers = orPredicate(o.Acquirers, acquirers)
	t := orThreshold(o.Threshold, pct(parties.AtLeast, percent))
	conditions := regulator.Mitigation{ID: "clearance-conditions", Name: "conditions or a public-law contract"}
	return build(preset, regulator.GateSpec{
		ID:        "de-awv",
		Name:      "Germany AWV " + review,
		Regulator: regulator.Regulator{ID: "de-bmwk", Name: "Federal Ministry for Economic Affairs and Climate Action (BMWK)", Jurisdiction: jurDE},
		Basis: regulator.LegalBasis{
			Instrument: "Foreign Trade and Payments Act (AWG); Foreign Trade and Payments Ordinance (AWV)",
			Section:    "§4(1) No. 4 and §5(2) AWG; " + section,
			URL:        deBasis,
		},
		InForce: regulator.Window{From: germanyAWV17},
		Trigger: regulator.Named("acquisition of voting rights", regulator.And(
			located(o.Entity, jurDE),
			regulator.AcquirerIs(acquirers),
			regulator.Controlled(o.Entity, acquirers, t),
		)),
		Clearance: choice(
			"de-clear", "whether the ministry clears the acquisition",
			"de-conditions", "whether it clears the acquisition with conditions",
			conditions),
		Mitigations:   []regulator.Mitigation{conditions},
		Discretionary: true,
		Timeline:      tl,
		Source:        deProcess + " ; " + deBasis + " ; " + de17th + " ; " + deThresholds + " ; " + deStandstill,
	})
}
