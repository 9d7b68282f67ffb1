package regimes

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// Sources of the Australian preset.
const (
	auGN41       = "http://firb.gov.au/resources/guidance/gn41/"
	auGN8        = "https://firb.gov.au/guidance-resources/guidance-notes/gn8"
	auReforms    = "https://aph.gov.au/Parliamentary_Business/Committees/Senate/Economics/ForeignReformAquisiti/Report/section?id=committees%2Freportsen%2F024583%2F75193"
	auS77        = "https://ato.gov.au/law/view/print?DocID=PAC%2F19750092%2F77&PiT=99991231235958"
	auTriggers   = "https://aprea.asia/about/media-centre/firb-impact-of-national-security-changes-and-return-of-monetary-thresholds"
	auThresholds = "https://staging.mccullough.com.au/2025/01/24/annual-indexation-of-monetary-thresholds-for-foreign-investments/"
	auGeneral    = "https://ppponline.affinitext.com/public/book?id=5721&toc_id=863071"
	auDecisions  = "http://beta.worldlii.org/au/legis/cth/consol_act/faata1975355/s76.html"
)

// australiaNSReforms is the date the national security
// reforms of the Foreign Acquisitions and Takeovers Act (Foreign Investment
// Reform (Protecting Australia's National Security) Act 2020) took effect,
// 1 January 2021.
var australiaNSReforms = date(2021, 1, 1)

// AustraliaOptions are the options of [AustraliaFIRB]. A nil
// *AustraliaOptions, or the zero value of a field, means the default.
type AustraliaOptions struct {
	// Filed is the date the correct fee is received; the decision period
	// starts the day after. A date before 1 January 2021 (the rules the
	// preset models) is an error; the zero time skips the check.
	Filed time.Time
	// Entity is the Australian entity or business acquired; empty means the
	// deal's target.
	Entity parties.ID
	// ForeignPersons selects the foreign persons. The zero Predicate means
	// parties neither incorporated nor headquartered in Australia.
	ForeignPersons parties.Predicate
	// NationalSecurityBusiness says whether the entity is a national
	// security business, which makes a direct interest notifiable whatever
	// its value; the zero value leaves it open.
	NationalSecurityBusiness parties.Truth
	// DirectInterest is the share that is a direct interest in a national
	// security business; the default, the zero Threshold, is at least 10%
	// ("generally").
	DirectInterest parties.Threshold
	// SubstantialInterest is the share that is a substantial interest; the
	// default is at least 20%.
	SubstantialInterest parties.Threshold
	// MonetaryThreshold is the business threshold in Australian dollars
	// that the deal's [TermValueAUD] must exceed for a substantial interest
	// to be notifiable. The 2025 business thresholds are UNCONFIRMED; the
	// default assumes A$339 million (A$1,464 million applies to investors
	// from agreement countries). Foreign government investors face a
	// threshold of A$0: pass a tiny amount for them.
	MonetaryThreshold decimal.Decimal
	// AgreedExtension is an extension of the decision period agreed with the
	// applicant (UNCONFIRMED); the default is none.
	AgreedExtension calendar.Period
}

// AustraliaFIRB returns the gate of Australia's foreign investment review
// under the Foreign Acquisitions and Takeovers Act 1975 and the Foreign
// Acquisitions and Takeovers Regulation 2015, with the national security
// reforms in force from 1 January 2021. The Treasurer decides, advised by
// the Foreign Investment Review Board.
//
// The gate applies where foreign persons acquire a direct interest (10%)
// in a national security business ($0 threshold), or a substantial interest
// (20%) above the monetary threshold. National security land, foreign
// government investors (UNCONFIRMED definition), tracing and associates
// (UNCONFIRMED) are not modelled. The Treasurer issues a no objection
// notification, with or without conditions (ss.74–75), or a prohibition
// (s.67; s.79D for national security), or orders disposal; the last-resort
// power (s.79A) is not modelled.
//
// The decision period is 30 days starting the day after the fee is
// received; a period ending on a weekend or public holiday ends on the next
// business day in the Australian Capital Territory (GN41). An interim order
// extends it by up to 90 days (s.77(2)); agreed extensions may follow. After
// the period the Treasurer can no longer make an order (s.77(1)). Notice of
// the decision follows within 10 days and is not counted.
//
// Sources: http://firb.gov.au/resources/guidance/gn41/;
// https://firb.gov.au/guidance-resources/guidance-notes/gn8;
// https://aph.gov.au/Parliamentary_Business/Committees/Senate/Economics/ForeignReformAquisiti/Report/section?id=committees%2Freportsen%2F024583%2F75193;
// https://ato.gov.au/law/view/print?DocID=PAC%2F19750092%2F77&PiT=99991231235958;
// https://aprea.asia/about/media-centre/firb-impact-of-national-security-changes-and-return-of-monetary-thresholds;
// https://staging.mccullough.com.au/2025/01/24/annual-indexation-of-monetary-thresholds-for-foreign-investments/;
// https://ppponline.affinitext.com/public/book?id=5721&toc_id=863071;
// http://beta.worldlii.org/au/legis/cth/consol_act/faata1975355/s76.html.
func AustraliaFIRB(o *AustraliaOptions) (regulator.Gate, error) {
	const preset = "AustraliaFIRB"
	if o == nil {
		o = &AustraliaOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, australiaNSReforms)
	c.truth("NationalSecurityBusiness", o.NationalSecurityBusiness)
	c.threshold("DirectInterest", o.DirectInterest)
	c.threshold("SubstantialInterest", o.SubstantialInterest)
	c.amount("MonetaryThreshold", o.MonetaryThreshold)
	c.period("AgreedExtension", o.AgreedExtension)
	au := calendar.Australia()
	phase := func(name string, p calendar.Period, optional bool) regulator.Phase {
		return regulator.Phase{Name: name, Max: p, Calendar: au, DayOne: calendar.NextDay, Roll: calendar.Following, Optional: optional}
	}
	ps := []regulator.Phase{
		phase("decision period", calendar.Days(30), false),
		phase("interim order", calendar.Days(90), true),
	}
	if !calendar.IsZero(o.AgreedExtension) {
		ps = append(ps, phase("agreed extension", o.AgreedExtension, true))
	}
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	foreign := orPredicate(o.ForeignPersons, foreignTo(jurAU, "foreign persons (not AU)"))
	owned := func(t parties.Threshold) regulator.Condition {
		return regulator.Owned(regulator.OwnershipRule{Subject: o.Entity, Holders: foreign, Threshold: t})
	}
	conditions := regulator.Mitigation{ID: "no-objection-conditions", Name: "conditions on the no objection notification"}
	return build(preset, regulator.GateSpec{
		ID:        "au-firb",
		Name:      "Australia FIRB foreign investment review",
		Regulator: regulator.Regulator{ID: "au-treasurer", Name: "Treasurer of Australia (advised by FIRB)", Jurisdiction: jurAU},
		Basis: regulator.LegalBasis{
			Instrument: "Foreign Acquisitions and Takeovers Act 1975; Foreign Acquisitions and Takeovers Regulation 2015",
			Section:    "ss. 67, 74–77, 79D",
			URL:        auGN41,
		},
		InForce: regulator.Window{From: australiaNSReforms},
		Trigger: regulator.Named("notifiable action", regulator.And(
			located(o.Entity, jurAU),
			regulator.AcquirerIs(foreign),
			regulator.Or(
				regulator.Named("direct interest in a national security business", regulator.And(
					fact("national security business", o.NationalSecurityBusiness, "a national security business"),
					owned(orThreshold(o.DirectInterest, pct(parties.AtLeast, 10))))),
				regulator.Named("substantial interest above the monetary threshold", regulator.And(
					owned(orThreshold(o.SubstantialInterest, pct(parties.AtLeast, 20))),
					regulator.TermCompare(TermValueAUD, parties.MoreThan, orAmount(o.MonetaryThreshold, dec("339000000"))))),
			),
		)),
		Clearance: choice(
			"au-no-objection", "whether the Treasurer issues a no objection notification",
			"au-conditions", "whether the Treasurer issues it with conditions",
			conditions),
		Mitigations:   []regulator.Mitigation{conditions},
		Discretionary: true,
		Timeline:      tl,
		Source:        auGN41 + " ; " + auGN8 + " ; " + auReforms + " ; " + auS77 + " ; " + auTriggers + " ; " + auThresholds + " ; " + auGeneral + " ; " + auDecisions,
	})
}
