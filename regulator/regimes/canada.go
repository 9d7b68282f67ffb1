package regimes

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// Sources of the Canadian preset.
const (
	caSection252 = "https://laws-lois.justice.gc.ca/eng/acts/I-21.8/section-25.2.html"
	caSection253 = "https://lois-laws.justice.gc.ca/eng/acts/I-21.8/section-25.3-20240903.html"
	caSection254 = "https://www.laws.justice.gc.ca/eng/acts/I-21.8/section-25.4-20150313.html"
	caRegs       = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2009-271/section-2-20220802.html"
	caRegs2015   = "https://canadagazetteducanada.gc.ca/rp-pr/p2/2015/2015-03-25/html/sor-dors65-eng.html"
	caC34        = "https://gazette.gc.ca/rp-pr/p2/2024/2024-07-03/html/si-tr32-eng.html"
	caBlakes     = "https://blakes.com/insights/next-steps-in-the-overhaul-of-the-investment-canada-act-come-into-force"
	caDays       = "http://www.ic.gc.ca/eic/site/ica-lic.nsf/eng/lk81225.html"
)

// canadaC34 is the date the Bill C-34 amendments to the Investment Canada
// Act (S.C. 2024, c. 4) came into force, 3 September 2024: since then the
// Minister, not the Governor in Council, orders a national security review.
var canadaC34 = date(2024, 9, 3)

// CanadaOptions are the options of [CanadaICANationalSecurity]. A nil
// *CanadaOptions, or the zero value of a field, means the default.
type CanadaOptions struct {
	// Filed is the certified date of the notification or application. A
	// date before 3 September 2024 (the rules the preset models) is an
	// error; the zero time skips the check.
	Filed time.Time
	// Entity is the entity invested in, which must have operations in
	// Canada; empty means the deal's target.
	Entity parties.ID
	// Investors selects the non-Canadian investors. The zero Predicate means
	// parties neither incorporated nor headquartered in Canada.
	Investors parties.Predicate
	// ReviewExtension is a further extension of the review period agreed
	// with the investor (UNCONFIRMED); the default is none.
	ReviewExtension calendar.Period
	// NoHolidayRoll reports whether a period ending on a weekend or federal
	// holiday stays there. By default it rolls to the next working day, as
	// the Interpretation Act is taken to provide (UNCONFIRMED).
	NoHolidayRoll bool
}

// CanadaICANationalSecurity returns the gate of a national security review
// under Part IV.1 of the Investment Canada Act (ss. 25.1–25.6) and the
// National Security Review of Investments Regulations (SOR/2009-271), as
// amended by Bill C-34 with effect from 3 September 2024. The Minister of
// Innovation, Science and Industry, consulting the Minister of Public
// Safety, orders the review; the Governor in Council makes final orders.
//
// The gate applies to any investment by a non-Canadian in an entity with
// operations in Canada, minority stakes included, with no financial
// threshold (s.25.1): the test is whether it could be injurious to national
// security. Once a s.25.2 notice is given the investment may not be
// implemented until the review ends. The outcome is at the authorities'
// discretion: no further action; authorisation on undertakings or
// conditions; a direction not to implement; or divestiture (s.25.4).
//
// The timeline counts calendar days, each period from the day after its
// event: a s.25.2 notice within 45 days of the certified date; if given, a
// s.25.3 review order within 45 days of the notice; the review, 45 days
// (reg s.5.1), with any agreed extension; and a Governor in Council order
// within 20 days of referral (reg s.6). Without a notice the investor may
// implement (inferred). A 2020 ministerial order shows periods can be
// lengthened by order.
//
// Sources: https://laws-lois.justice.gc.ca/eng/acts/I-21.8/section-25.2.html;
// https://lois-laws.justice.gc.ca/eng/acts/I-21.8/section-25.3-20240903.html;
// https://www.laws.justice.gc.ca/eng/acts/I-21.8/section-25.4-20150313.html;
// https://laws-lois.justice.gc.ca/eng/regulations/SOR-2009-271/section-2-20220802.html;
// https://canadagazetteducanada.gc.ca/rp-pr/p2/2015/2015-03-25/html/sor-dors65-eng.html;
// https://gazette.gc.ca/rp-pr/p2/2024/2024-07-03/html/si-tr32-eng.html;
// https://blakes.com/insights/next-steps-in-the-overhaul-of-the-investment-canada-act-come-into-force;
// http://www.ic.gc.ca/eic/site/ica-lic.nsf/eng/lk81225.html.
func CanadaICANationalSecurity(o *CanadaOptions) (regulator.Gate, error) {
	const preset = "CanadaICANationalSecurity"
	if o == nil {
		o = &CanadaOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, canadaC34)
	c.period("ReviewExtension", o.ReviewExtension)
	roll := calendar.Following
	if o.NoHolidayRoll {
		roll = calendar.NoRoll
	}
	ca := calendar.Canada()
	phase := func(name string, p calendar.Period, optional bool) regulator.Phase {
		return regulator.Phase{Name: name, Max: p, Calendar: ca, DayOne: calendar.NextDay, Roll: roll, Optional: optional}
	}
	ps := []regulator.Phase{
		phase("s.25.2 notice", calendar.Days(45), false),
		phase("s.25.3 review order", calendar.Days(45), true),
		phase("review", calendar.Days(45), true),
	}
	if !calendar.IsZero(o.ReviewExtension) {
		ps = append(ps, phase("review extension", o.ReviewExtension, true))
	}
	ps = append(ps, phase("Governor in Council order", calendar.Days(20), true))
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	investors := orPredicate(o.Investors, foreignTo(jurCA, "non-Canadians"))
	undertakings := regulator.Mitigation{ID: "undertakings", Name: "undertakings or conditions authorising the investment"}
	return build(preset, regulator.GateSpec{
		ID:        "ca-ica-national-security",
		Name:      "Investment Canada Act national security review",
		Regulator: regulator.Regulator{ID: "ca-minister-ised", Name: "Minister of Innovation, Science and Industry (Governor in Council for final orders)", Jurisdiction: jurCA},
		Basis: regulator.LegalBasis{
			Instrument: "Investment Canada Act, Part IV.1; National Security Review of Investments Regulations (SOR/2009-271)",
			Section:    "ss. 25.1–25.6",
			URL:        caSection252,
		},
		InForce: regulator.Window{From: canadaC34},
		Trigger: regulator.Named("investment by a non-Canadian", regulator.And(
			located(o.Entity, jurCA),
			regulator.AcquirerIs(investors),
		)),
		Clearance: choice(
			"ca-no-injury", "whether the Minister finds the investment could not be injurious to national security",
			"ca-undertakings", "whether the investment is authorised on undertakings or conditions",
			undertakings),
		Mitigations:   []regulator.Mitigation{undertakings},
		Discretionary: true,
		Timeline:      tl,
		Source:        caSection252 + " ; " + caSection253 + " ; " + caSection254 + " ; " + caRegs + " ; " + caRegs2015 + " ; " + caC34 + " ; " + caBlakes + " ; " + caDays,
	})
}
