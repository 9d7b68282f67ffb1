package regimes

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// Sources of the CFIUS presets.
const (
	cfiusOverview   = "https://webarchive.library.unt.edu/web/20201218040723/https://home.treasury.gov/policy-issues/international/the-committee-on-foreign-investment-in-the-united-states-cfius/cfius-overview"
	cfiusRules      = "https://regulations.justia.com/regulations/fedreg/2020/01/17/2020-00188.html"
	cfiusAcceptance = "https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page51.html"
	cfiusInvestig   = "https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page57.html"
	cfiusPresident  = "https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page59.html"
	cfiusMitigation = "https://home.treasury.gov/policy-issues/international/the-committee-on-foreign-investment-in-the-united-states-cfius/cfius-mitigation"
	cfiusNSA        = "https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page61.html"
	cfiusTTP        = "https://plchavez.github.io/ttcd"
	cfius800256     = "https://lexbuild.dev/ecfr/title-31/chapter-VIII/part-800/section-800.256"
)

// firrmaRules is the date the final FIRRMA regulations (85 FR 3112, 17 January
// 2020) took effect, from which the CFIUS presets' clocks apply.
var firrmaRules = date(2020, 2, 13)

var cfius = regulator.Regulator{
	ID:           "cfius",
	Name:         "Committee on Foreign Investment in the United States",
	Jurisdiction: jurUS,
}

var cfiusBasis = regulator.LegalBasis{
	Instrument: "Defense Production Act of 1950, as amended by FINSA (2007) and FIRRMA (2018)",
	Section:    "section 721 (50 U.S.C. 4565); 31 C.F.R. Part 800",
	URL:        cfiusOverview,
}

// The CFIUS mitigations.
var (
	cfiusNSAgreement = regulator.Mitigation{
		ID:   "national-security-agreement",
		Name: "national security agreement (ring-fenced US operations, security officer, audits)",
	}
	cfiusTrustedThirdParty = regulator.Mitigation{
		ID:        "trusted-third-party",
		Name:      "trusted US third party holding the data",
		Available: regulator.TermParty(TermDataCustodian, parties.In(jurUS, parties.Either)),
	}
	cfiusProxyBoard = regulator.Mitigation{
		ID:        "proxy-board",
		Name:      "proxy board or voting trust",
		Available: regulator.TermIs(TermProxyBoard, regulator.Bool(true)),
	}
)

// CFIUSOptions are the options of [CFIUSNotice]. A nil *CFIUSOptions, or
// the zero value of a field, means the default.
type CFIUSOptions struct {
	// Filed is the date the notice is submitted (or accepted, with
	// FromAcceptance). A date before 13 February 2020, when the FIRRMA rules
	// took effect, is an error; the zero time skips the check.
	Filed time.Time
	// FromAcceptance reports whether the timeline starts on the date CFIUS
	// accepts the notice. By default it starts on submission, with up to 10
	// business days for CFIUS to comment on or accept the notice.
	FromAcceptance bool
	// Business is the US business acquired; empty means the deal's target.
	Business parties.ID
	// ForeignPersons selects the foreign persons whose control the rule
	// tests. The zero Predicate means parties neither incorporated nor
	// headquartered in the US. The nationality taint of 31 CFR 800.224 (an
	// entity controlled by a foreign person is foreign) is not applied.
	ForeignPersons parties.Predicate
	// Control is the voting threshold taken as "control". The definition
	// of 31 CFR 800.208 (the power to determine important matters) was not
	// retrieved (UNCONFIRMED): the default, the zero Threshold, assumes more
	// than 50% of the votes. A lower threshold models minority control.
	Control parties.Threshold
}

// CFIUSNotice returns the gate of a full CFIUS notice under section 721 of
// the Defense Production Act (50 U.S.C. 4565) as amended by FIRRMA, on the
// rules in force from 13 February 2020 (85 FR 3112).
//
// The gate applies where a foreign acquirer's deal leaves foreign persons
// in control of a US business (a "covered control transaction"). CFIUS may
// clear it (safe harbour), clear it with mitigation (a national security
// agreement; a trusted US third party holding the data, available where the
// deal's [TermDataCustodian] is a US party; a proxy board, available where
// [TermProxyBoard] is yes) or refer it to the President, who may suspend or
// prohibit it or order divestment: all at CFIUS's discretion, so the gate is
// discretionary and its test open.
//
// The timeline, on the US federal calendar: acceptance within 10 business
// days of submission (counted from the next business day); a review of 45
// calendar days, day 1 being the acceptance date; if needed, an
// investigation of 45 days from the day after the review ends, extended by
// 15 days in extraordinary circumstances; and, on referral, 15 days for the
// President. No clock stop is known (withdrawal and refiling restarts the
// clock in practice, UNCONFIRMED). CFIUS may decide before a period ends, so
// every phase has no minimum length.
//
// Sources: Treasury's CFIUS overview
// (https://webarchive.library.unt.edu/web/20201218040723/https://home.treasury.gov/policy-issues/international/the-committee-on-foreign-investment-in-the-united-states-cfius/cfius-overview);
// 85 FR 3112
// (https://regulations.justia.com/regulations/fedreg/2020/01/17/2020-00188.html);
// acceptance and review
// (https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page51.html);
// investigation (…/page57.html); President (…/page59.html); mitigation
// (https://home.treasury.gov/policy-issues/international/the-committee-on-foreign-investment-in-the-united-states-cfius/cfius-mitigation,
// …/page61.html, https://plchavez.github.io/ttcd).
func CFIUSNotice(o *CFIUSOptions) (regulator.Gate, error) {
	const preset = "CFIUSNotice"
	if o == nil {
		o = &CFIUSOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, firrmaRules)
	c.threshold("Control", o.Control)
	tl := cfiusNoticeTimeline(o.FromAcceptance)
	c.schedule("Filed", o.Filed, tl)
	if err := c.err(); err != nil {
		return regulator.Gate{}, err
	}
	foreign := orPredicate(o.ForeignPersons, foreignTo(jurUS, "foreign persons (not US)"))
	return build(preset, regulator.GateSpec{
		ID:        "us-cfius-notice",
		Name:      "CFIUS notice",
		Regulator: cfius,
		Basis:     cfiusBasis,
		InForce:   regulator.Window{From: firrmaRules},
		Trigger:   cfiusCovered(o.Business, foreign, orThreshold(o.Control, parties.Majority)),
		Clearance: choice(
			"cfius-no-unresolved-risk", "whether CFIUS finds no unresolved national security risk",
			"cfius-accepts-mitigation", "whether CFIUS clears subject to mitigation",
			cfiusNSAgreement, cfiusTrustedThirdParty, cfiusProxyBoard),
		Mitigations:   []regulator.Mitigation{cfiusNSAgreement, cfiusTrustedThirdParty, cfiusProxyBoard},
		Discretionary: true,
		Timeline:      tl,
		Source:        cfiusOverview + " ; " + cfiusRules + " ; " + cfiusAcceptance + " ; " + cfiusInvestig + " ; " + cfiusPresident + " ; " + cfiusMitigation + " ; " + cfiusNSA + " ; " + cfiusTTP,
	})
}

// cfiusCovered is a covered control transaction: a US business controlled
// by foreign persons.
func cfiusCovered(business parties.ID, foreign parties.Predicate, control parties.Threshold) regulator.Condition {
	return regulator.Named("covered control transaction", regulator.And(
		located(business, jurUS),
		regulator.AcquirerIs(foreign),
		regulator.Controlled(business, foreign, control),
	))
}

func cfiusNoticeTimeline(fromAcceptance bool) regulator.Timeline {
	us := calendar.US()
	var ps []regulator.Phase
	if !fromAcceptance {
		ps = append(ps, regulator.Phase{Name: "acceptance", Max: calendar.WorkingDays(10), Calendar: us, DayOne: calendar.NextDay})
	}
	ps = append(ps,
		regulator.Phase{Name: "review", Max: calendar.Days(45), Calendar: us, DayOne: calendar.EventDay},
		regulator.Phase{Name: "investigation", Max: calendar.Days(45), Calendar: us, DayOne: calendar.NextDay, Optional: true},
		regulator.Phase{Name: "investigation extension", Max: calendar.Days(15), Calendar: us, DayOne: calendar.NextDay, Optional: true},
		regulator.Phase{Name: "presidential decision", Max: calendar.Days(15), Calendar: us, DayOne: calendar.NextDay, Optional: true},
	)
	return regulator.Timeline{Phases: ps}
}

// CFIUSDeclarationOptions are the options of [CFIUSDeclaration]. A nil
// pointer, or the zero value of a field, means the default.
type CFIUSDeclarationOptions struct {
	// Filed is the date CFIUS receives the declaration, day 1 of the
	// assessment. A date before 13 February 2020 is an error; the zero time
	// skips the check.
	Filed time.Time
	// Sector is [CriticalTechnology] where the US business produces,
	// designs, tests, manufactures, fabricates or develops critical
	// technologies, which makes the declaration mandatory (31 CFR 800.401);
	// [NoSector] (the default) makes it a voluntary declaration of a covered
	// control transaction. Any other sector is an error.
	Sector Sector
	// Business is the US business acquired; empty means the deal's target.
	Business parties.ID
	// ForeignPersons selects the foreign persons counted. The zero Predicate
	// means parties neither incorporated nor headquartered in the US.
	ForeignPersons parties.Predicate
	// Threshold is the voting interest that makes a critical-technology
	// declaration mandatory; the default, the zero Threshold, is 25% or
	// more (31 CFR 800.256).
	Threshold parties.Threshold
	// Control is the voting threshold taken as control for a voluntary
	// declaration, as in [CFIUSOptions.Control] (default more than 50%,
	// UNCONFIRMED).
	Control parties.Threshold
}

// CFIUSDeclaration returns the gate of a short-form CFIUS declaration under
// section 721 of the Defense Production Act and 31 C.F.R. Part 800, on the
// rules in force from 13 February 2020.
//
// With [CriticalTechnology] as the sector it is the mandatory declaration of
// 31 CFR 800.401(b): a foreign acquirer's deal leaves foreign persons with
// 25% or more of the voting interest, direct or indirect, in a US
// critical-technology business; a parent is deemed to hold 100% of what an
// entity it controls (more than 50% of the votes) holds (31 CFR
// 800.256(c)). Otherwise it is a voluntary declaration of a covered control
// transaction. The mandatory declaration for foreign-government
// "substantial interests" (31 CFR 800.244) is not modelled: its text was not
// retrieved (UNCONFIRMED).
//
// CFIUS assesses a declaration within 30 calendar days, day 1 being the date
// it receives it (the same day-1 rule as a notice; UNCONFIRMED for
// declarations). Its outcomes (safe harbour, a request for a full notice,
// others) are UNCONFIRMED beyond that; the gate clears where CFIUS clears on
// the declaration, at its discretion, and "block" stands for any other
// outcome, after which a notice ([CFIUSNotice]) follows.
//
// Sources: Treasury's CFIUS overview
// (https://webarchive.library.unt.edu/web/20201218040723/https://home.treasury.gov/policy-issues/international/the-committee-on-foreign-investment-in-the-united-states-cfius/cfius-overview);
// 31 CFR 800.256
// (https://lexbuild.dev/ecfr/title-31/chapter-VIII/part-800/section-800.256).
func CFIUSDeclaration(o *CFIUSDeclarationOptions) (regulator.Gate, error) {
	const preset = "CFIUSDeclaration"
	if o == nil {
		o = &CFIUSDeclarationOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, firrmaRules)
	c.sector("Sector", o.Sector, []Sector{NoSector, CriticalTechnology})
	c.threshold("Threshold", o.Threshold)
	c.threshold("Control", o.Control)
	tl := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "assessment", Max: calendar.Days(30), Calendar: calendar.US(), DayOne: calendar.EventDay},
	}}
	c.schedule("Filed", o.Filed, tl)
	if err := c.err(); err != nil {
		return regulator.Gate{}, err
	}
	foreign := orPredicate(o.ForeignPersons, foreignTo(jurUS, "foreign persons (not US)"))
	name := "CFIUS declaration (voluntary)"
	trigger := cfiusCovered(o.Business, foreign, orThreshold(o.Control, parties.Majority))
	if o.Sector == CriticalTechnology {
		name = "CFIUS declaration (mandatory, critical technology)"
		trigger = regulator.Named("mandatory critical-technology declaration", regulator.And(
			located(o.Business, jurUS),
			regulator.AcquirerIs(foreign),
			fact("critical technology", parties.Holds, "a critical-technology business"),
			regulator.Owned(regulator.OwnershipRule{
				Subject:   o.Business,
				Holders:   foreign,
				Method:    parties.Attribution(parties.Majority),
				Threshold: orThreshold(o.Threshold, pct(parties.AtLeast, 25)),
			}),
		))
	}
	return build(preset, regulator.GateSpec{
		ID:            "us-cfius-declaration",
		Name:          name,
		Regulator:     cfius,
		Basis:         regulator.LegalBasis{Instrument: cfiusBasis.Instrument, Section: "section 721 (50 U.S.C. 4565); 31 C.F.R. 800.401, 800.256", URL: cfiusOverview},
		InForce:       regulator.Window{From: firrmaRules},
		Trigger:       trigger,
		Clearance:     regulator.Discretion("cfius-clears-declaration", "whether CFIUS clears the transaction on the declaration rather than asking for a notice"),
		Discretionary: true,
		Timeline:      tl,
		Source:        cfiusOverview + " ; " + cfius800256,
	})
}
