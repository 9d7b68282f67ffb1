package regimes

import (
	"fmt"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// Sources of the UK preset.
const (
	ukGovUK      = "https://www.gov.uk/government/publications/national-security-and-investment-act-prepare-for-new-rules-about-acquisitions/national-security-and-investment-act-prepare-for-new-rules-about-acquisitions-which-could-harm-the-uks-national-security"
	ukPart5      = "http://www.legislation.gov.uk/ukpga/2021/25/part/5/enacted"
	ukTriggers   = "https://taxscape.deloitte.com/insights/article/national-security-and-investment-act.aspx"
	ukSectorList = "https://financialmarketstoolkit.cliffordchance.com/en/financial-markets-resources/resources-by-type/topic-guides/uk-national-security-and-investment-act-2021.html"
	ukSection23  = "https://www.legislation.gov.uk/ukpga/2021/25/section/23/data.html"
	ukSection26  = "https://legislation.gov.uk/en/ukpga/2021/25/section/26"
	ukWorkingDay = "https://handbook.fca.org.uk/handbook/glossary/G1851.html?date=2026-07-06"
)

// ukNSIACommenced is the date the National Security and Investment Act 2021
// came into force, 4 January 2022. It applies to trigger events from
// 12 November 2020.
var ukNSIACommenced = date(2022, 1, 4)

// UKNSIAOptions are the options of [UKNSIA]. A nil *UKNSIAOptions, or the
// zero value of a field, means the default.
type UKNSIAOptions struct {
	// Filed is the date the notification is accepted, from which the review
	// period runs. A date before 4 January 2022 is an error; the zero time
	// skips the check.
	Filed time.Time
	// Sector is the sector of the entity's activities in the UK: one of the
	// seventeen sectors of the mandatory regime ([AdvancedMaterials],
	// [AdvancedRobotics], [ArtificialIntelligence], [CivilNuclear],
	// [Communications], [ComputingHardware],
	// [CriticalSuppliersToGovernment], [CryptographicAuthentication],
	// [DataInfrastructure], [Defence], [Energy], [MilitaryAndDualUse],
	// [Quantum], [SatelliteAndSpace], [SuppliersToEmergencyServices],
	// [SyntheticBiology], [Transport]), which makes notification mandatory;
	// or [NoSector] (the default), under which the acquisition is reviewed
	// only if notified voluntarily or called in. Any other sector is an
	// error.
	Sector Sector
	// Entity is the entity acquired, which must carry on activities in the
	// UK; empty means the deal's target.
	Entity parties.ID
	// Holders selects the parties whose shares and votes the thresholds
	// count: the acquirer and those acting with it. The Act applies to
	// acquirers of every nationality; the default, the zero Predicate,
	// counts parties neither incorporated nor headquartered in the UK (the
	// usual foreign acquirer), so set it to the acquirer for a UK acquirer or
	// for an entity already held by a foreign parent.
	Holders parties.Predicate
	// Method is how shares held through other entities count; the zero
	// Method is proportional look-through. Schedule 1 treats rights held
	// through majority-controlled entities as held by the controller
	// (UNCONFIRMED text), which parties.Attribution(parties.Majority)
	// models. Votes count through controlled entities in any case.
	Method parties.Method
	// CountFromEventDay reports whether periods count the day of the
	// notice (of acceptance or call-in) as day 1. By default day 1 is the
	// first working day after it; the sources do not state the rule
	// (UNCONFIRMED).
	CountFromEventDay bool
	// Voluntary are the voluntary periods the Secretary of State and the
	// acquirer agree in writing after the additional period, in order; the
	// default is none.
	Voluntary []calendar.Period
}

// UKNSIA returns the gate of the UK's National Security and Investment Act
// 2021, in force from 4 January 2022, the Secretary of State (the
// Chancellor of the Duchy of Lancaster, through the Investment Security Unit
// of the Cabinet Office) deciding.
//
// The gate applies to an entity with activities in the UK where the
// holders' shares or votes exceed 25%, exceed 50%, or reach 75% (the
// trigger events of section 8). In the seventeen sectors of the mandatory
// regime notification is mandatory and an acquisition completed without
// approval is void; elsewhere it is reviewed only on voluntary
// notification or call-in, the Secretary of State's discretion. Votes that
// let the holder pass or block resolutions and "material influence"
// (UNCONFIRMED) are not modelled. The Secretary of State clears (a final
// notification) or makes a final order (section 26) with conditions
// (information security and access; governance, such as a supervisor or
// security officer) or blocking or unwinding the acquisition.
//
// The timeline counts UK working days: not a weekend, Christmas Day, Good
// Friday or a bank holiday in any part of the UK (so the Scottish 2
// January and the Northern Irish 17 March count as holidays), as statutory
// definitions provide (for example FSMA s.103; the NSI Act's own
// definition is UNCONFIRMED). A review of the notification of 30 working
// days; if called in, an initial period of 30 working days (section 23);
// an additional period of 45 working days if notice is given; then
// voluntary periods agreed in writing. Information and attendance notices
// may stop the clock (UNCONFIRMED; not modelled).
//
// Sources: https://www.gov.uk/government/publications/national-security-and-investment-act-prepare-for-new-rules-about-acquisitions/national-security-and-investment-act-prepare-for-new-rules-about-acquisitions-which-could-harm-the-uks-national-security;
// http://www.legislation.gov.uk/ukpga/2021/25/part/5/enacted;
// https://taxscape.deloitte.com/insights/article/national-security-and-investment-act.aspx;
// https://financialmarketstoolkit.cliffordchance.com/en/financial-markets-resources/resources-by-type/topic-guides/uk-national-security-and-investment-act-2021.html;
// https://www.legislation.gov.uk/ukpga/2021/25/section/23/data.html;
// https://legislation.gov.uk/en/ukpga/2021/25/section/26;
// https://handbook.fca.org.uk/handbook/glossary/G1851.html?date=2026-07-06.
func UKNSIA(o *UKNSIAOptions) (regulator.Gate, error) {
	const preset = "UKNSIA"
	if o == nil {
		o = &UKNSIAOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, ukNSIACommenced)
	c.sector("Sector", o.Sector, append([]Sector{NoSector}, ukSectors...))
	if err := o.Method.Validate(); err != nil {
		c.addf("Method", ErrInvalidOption, "%v", err)
	}
	for i, p := range o.Voluntary {
		c.period(fmt.Sprintf("Voluntary[%d]", i), p)
	}
	dayOne := calendar.NextDay
	if o.CountFromEventDay {
		dayOne = calendar.EventDay
	}
	uk := calendar.UK()
	ps := []regulator.Phase{
		{Name: "review of notification", Max: calendar.WorkingDays(30), Calendar: uk, DayOne: dayOne},
		{Name: "initial period (call-in)", Max: calendar.WorkingDays(30), Calendar: uk, DayOne: dayOne, Optional: true},
		{Name: "additional period", Max: calendar.WorkingDays(45), Calendar: uk, DayOne: dayOne, Optional: true},
	}
	for i, p := range o.Voluntary {
		ps = append(ps, regulator.Phase{Name: fmt.Sprintf("voluntary period %d", i+1), Max: p, Calendar: uk, DayOne: dayOne, Optional: true})
	}
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	holders := orPredicate(o.Holders, foreignTo(jurGB, "non-UK parties"))
	crossing := func(label string, t parties.Threshold) regulator.Condition {
		return regulator.Named(label, regulator.Or(
			regulator.Owned(regulator.OwnershipRule{Subject: o.Entity, Holders: holders, Method: o.Method, Threshold: t}),
			regulator.Controlled(o.Entity, holders, t),
		))
	}
	thresholds := regulator.Named("trigger event (s.8)", regulator.Or(
		crossing("75% or more of shares or votes", pct(parties.AtLeast, 75)),
		crossing("more than 50% of shares or votes", pct(parties.MoreThan, 50)),
		crossing("more than 25% of shares or votes", pct(parties.MoreThan, 25)),
	))
	name := "UK NSIA (voluntary notification or call-in)"
	trigger := regulator.And(located(o.Entity, jurGB), thresholds,
		regulator.Discretion("uk-nsia-call-in", "whether the acquisition is notified voluntarily or called in"))
	if o.Sector != NoSector {
		name = "UK NSIA mandatory notification (" + o.Sector.String() + ")"
		trigger = regulator.And(located(o.Entity, jurGB), fact("mandatory sector", parties.Holds, "a sector of the mandatory regime ("+o.Sector.String()+")"), thresholds)
	}
	security := regulator.Mitigation{ID: "security-conditions", Name: "final order conditions on information security and access"}
	governance := regulator.Mitigation{ID: "governance-conditions", Name: "final order conditions on governance (supervisor or security officer)"}
	return build(preset, regulator.GateSpec{
		ID:        "uk-nsia",
		Name:      name,
		Regulator: regulator.Regulator{ID: "uk-secretary-of-state", Name: "Secretary of State (Investment Security Unit, Cabinet Office)", Jurisdiction: jurGB},
		Basis: regulator.LegalBasis{
			Instrument: "National Security and Investment Act 2021",
			Section:    "sections 8, 14, 23 and 26",
			URL:        ukSection23,
		},
		InForce: regulator.Window{From: ukNSIACommenced},
		Trigger: trigger,
		Clearance: choice(
			"uk-nsia-no-risk", "whether the Secretary of State finds no risk to national security (final notification)",
			"uk-nsia-final-order", "whether the Secretary of State clears by a final order with conditions",
			security, governance),
		Mitigations:   []regulator.Mitigation{security, governance},
		Discretionary: true,
		Timeline:      tl,
		Source:        ukGovUK + " ; " + ukPart5 + " ; " + ukTriggers + " ; " + ukSectorList + " ; " + ukSection23 + " ; " + ukSection26 + " ; " + ukWorkingDay,
	})
}
