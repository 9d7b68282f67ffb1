package regimes

import (
	"fmt"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// Sources of the New Zealand preset.
const (
	nzAct        = "https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS358415.html"
	nzLINZ       = "https://linz.govt.nz/overseas-investment/find-out-if-you-need-consent-invest-new-zealand"
	nzCallIn     = "https://www.dlapiper.com/en-at/insights/publications/2021/05/revocation-of-emergency-notification-regime-and-introduction-of-call-in-regime"
	nzAmendment  = "http://www.legislation.govt.nz/act/public/2020/0021/latest/whole.html"
	nzTimeframes = "https://www.linz.govt.nz/overseas-investment/applying-for-consent-purchase-new-zealand-assets/how-oio-assesses-your-application/assessment-timeframes"
	nzTarget50   = "http://www.linz.govt.nz/overseas-investment/applications/assessment/index.aspx"
	nzEmergency  = "https://www.bellgully.com/insights/government-revokes-burdensome-covid-19-emergency-notification-regime/"
	nzOrders     = "https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS357667.html"
)

// newZealandCallIn is the date New Zealand's national security and public
// order call-in regime began, 7 June 2021.
var newZealandCallIn = date(2021, 6, 7)

// NZRoute is the route by which an overseas investment in New Zealand is
// reviewed. The zero NZRoute is [NZConsent].
type NZRoute int8

// The routes.
const (
	// NZConsent is consent by the Overseas Investment Office and Ministers
	// for sensitive land, significant business assets and transactions of
	// national interest.
	NZConsent NZRoute = iota
	// NZNationalSecurity is the national security and public order (NSPO)
	// regime for strategically important businesses: notification, call-in
	// and orders.
	NZNationalSecurity
)

var nzRouteNames = [...]string{NZConsent: "consent", NZNationalSecurity: "national-security"}

// String returns "consent" or "national-security", or "NZRoute(n)" for a
// value that is not one of the constants.
func (r NZRoute) String() string {
	if r < 0 || int(r) >= len(nzRouteNames) {
		return fmt.Sprintf("NZRoute(%d)", int8(r))
	}
	return nzRouteNames[r]
}

// MarshalText implements [encoding.TextMarshaler] with the String form. It
// fails for a value that is not one of the constants.
func (r NZRoute) MarshalText() ([]byte, error) {
	if r < 0 || int(r) >= len(nzRouteNames) {
		return nil, fmt.Errorf("%w: NZ route %d", ErrInvalidOption, int8(r))
	}
	return []byte(nzRouteNames[r]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the String
// forms of the constants and fails with an error wrapping
// [ErrInvalidOption] otherwise.
func (r *NZRoute) UnmarshalText(b []byte) error {
	for i, n := range nzRouteNames {
		if n == string(b) {
			*r = NZRoute(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown NZ route %q", ErrInvalidOption, b)
}

// NewZealandOptions are the options of [NewZealandOIA]. A nil pointer, or
// the zero value of a field, means the default.
type NewZealandOptions struct {
	// Filed is the date the application or notification is made. For the
	// national security route a date before 7 June 2021 is an error; the
	// zero time skips the check.
	Filed time.Time
	// Route is the route of review; the default is [NZConsent].
	Route NZRoute
	// Sector is, for the national security route, [Defence],
	// [MilitaryAndDualUse] (military or dual-use technology businesses) or
	// [CriticalSuppliersToGovernment] (critical direct suppliers to the
	// NZDF, GCSB or NZSIS), which make notification mandatory, or
	// [NoSector] (the default), under which review depends on a voluntary
	// notification or call-in. The consent route knows no sector: only
	// [NoSector] is accepted for it.
	Sector Sector
	// Entity is the New Zealand entity acquired; empty means the deal's
	// target.
	Entity parties.ID
	// OverseasPersons selects the overseas persons. The zero Predicate means
	// parties neither incorporated nor headquartered in New Zealand.
	OverseasPersons parties.Predicate
	// Threshold is the ownership or control interest that counts. The
	// sources do not confirm it (UNCONFIRMED); the default, the zero
	// Threshold, assumes more than 25%.
	Threshold parties.Threshold
	// AssetThreshold is the significant business assets threshold in New
	// Zealand dollars that the deal's [TermValueNZD] must exceed (consent
	// route); the default is NZ$100 million, the general threshold.
	AssetThreshold decimal.Decimal
	// Timeframe is the length of the assessment in New Zealand working days.
	// There is no statutory limit for consent: the default is the Overseas
	// Investment Office's target of 50 working days for straightforward
	// cases (older guidance). The NSPO review timeframes are UNCONFIRMED:
	// the default is the 70-working-day maximum of the 2020–21 emergency
	// regime.
	Timeframe calendar.Period
}

// NewZealandOIA returns the gate of New Zealand's Overseas Investment Act
// 2005, administered by the Overseas Investment Office (Land Information
// New Zealand) with the relevant Ministers deciding.
//
// The consent route ([NZConsent]) applies where overseas persons acquire an
// interest above the threshold in a New Zealand entity with significant
// business assets ([TermValueNZD]) or sensitive land ([TermSensitiveLand]);
// transactions of national interest (ss.20A–20G) are not modelled. Consent
// is granted, with conditions (among them the automatic national security
// condition of s.25C for transactions of national interest), or declined.
// The sources do not give the Act's commencement date, so the consent gate
// has no start date.
//
// The national security and public order route ([NZNationalSecurity], Part
// 3, inserted in 2020; call-in from 7 June 2021) applies to strategically
// important businesses; notification is mandatory in the sectors named in
// [NewZealandOptions.Sector] and otherwise voluntary or by call-in.
// Notified transactions without significant risk get a safe harbour;
// otherwise the Minister may make a direction order (ss.88–90), a
// prohibition order (s.92) or a disposal order (s.93).
//
// The timeline is one assessment period in New Zealand working days,
// starting the working day after filing; the office's timeframes exclude
// days spent waiting for information, third parties or Ministers, which are
// not modelled. Many statutes' working days also exclude a Christmas to
// mid-January block; the national holiday calendar used here does not.
// Responding to an intention to decline takes 15 working days more and is
// not counted.
//
// Sources: https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS358415.html;
// https://linz.govt.nz/overseas-investment/find-out-if-you-need-consent-invest-new-zealand;
// https://www.dlapiper.com/en-at/insights/publications/2021/05/revocation-of-emergency-notification-regime-and-introduction-of-call-in-regime;
// http://www.legislation.govt.nz/act/public/2020/0021/latest/whole.html;
// https://www.linz.govt.nz/overseas-investment/applying-for-consent-purchase-new-zealand-assets/how-oio-assesses-your-application/assessment-timeframes;
// http://www.linz.govt.nz/overseas-investment/applications/assessment/index.aspx;
// https://www.bellgully.com/insights/government-revokes-burdensome-covid-19-emergency-notification-regime/;
// https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS357667.html.
func NewZealandOIA(o *NewZealandOptions) (regulator.Gate, error) {
	const preset = "NewZealandOIA"
	if o == nil {
		o = &NewZealandOptions{}
	}
	c := &checker{preset: preset}
	if _, err := o.Route.MarshalText(); err != nil {
		c.add("Route", err)
	}
	if o.Route == NZNationalSecurity {
		c.notBefore("Filed", o.Filed, newZealandCallIn)
		c.sector("Sector", o.Sector, []Sector{NoSector, Defence, MilitaryAndDualUse, CriticalSuppliersToGovernment})
	} else {
		c.sector("Sector", o.Sector, []Sector{NoSector})
	}
	c.threshold("Threshold", o.Threshold)
	c.amount("AssetThreshold", o.AssetThreshold)
	c.period("Timeframe", o.Timeframe)
	timeframe := o.Timeframe
	if calendar.IsZero(timeframe) {
		timeframe = calendar.WorkingDays(50)
		if o.Route == NZNationalSecurity {
			timeframe = calendar.WorkingDays(70)
		}
	}
	tl := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "assessment", Max: timeframe, Calendar: calendar.NewZealand(), DayOne: calendar.NextDay},
	}}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	overseas := orPredicate(o.OverseasPersons, foreignTo(jurNZ, "overseas persons (not NZ)"))
	interest := regulator.Owned(regulator.OwnershipRule{Subject: o.Entity, Holders: overseas, Threshold: orThreshold(o.Threshold, pct(parties.MoreThan, 25))})
	regulatorNZ := regulator.Regulator{ID: "nz-oio", Name: "Overseas Investment Office and the relevant Ministers", Jurisdiction: jurNZ}
	basis := regulator.LegalBasis{Instrument: "Overseas Investment Act 2005", URL: nzAct}
	source := nzAct + " ; " + nzLINZ + " ; " + nzCallIn + " ; " + nzAmendment + " ; " + nzTimeframes + " ; " + nzTarget50 + " ; " + nzEmergency + " ; " + nzOrders
	if o.Route == NZNationalSecurity {
		direction := regulator.Mitigation{ID: "direction-order", Name: "direction order imposing conditions (ss.88–90)"}
		mandatory := regulator.Condition(regulator.Discretion("nz-nspo-call-in", "whether the transaction is notified voluntarily or called in"))
		name := "New Zealand OIA national security and public order review"
		if o.Sector != NoSector {
			mandatory = fact("mandatory notification", parties.Holds, "a strategically important business with mandatory notification ("+o.Sector.String()+")")
			name += " (mandatory)"
		}
		basis.Section = "Part 3 (national security and public order), ss.88–93"
		return build(preset, regulator.GateSpec{
			ID:        "nz-oia-national-security",
			Name:      name,
			Regulator: regulatorNZ,
			Basis:     basis,
			InForce:   regulator.Window{From: newZealandCallIn},
			Trigger: regulator.Named("investment in a strategically important business", regulator.And(
				located(o.Entity, jurNZ), regulator.AcquirerIs(overseas), interest, mandatory)),
			Clearance: choice(
				"nz-nspo-no-risk", "whether the Minister finds no significant risk (safe harbour)",
				"nz-nspo-direction", "whether the Minister allows the transaction subject to a direction order",
				direction),
			Mitigations:   []regulator.Mitigation{direction},
			Discretionary: true,
			Timeline:      tl,
			Source:        source,
		})
	}
	conditions := regulator.Mitigation{ID: "consent-conditions", Name: "conditions of consent"}
	basis.Section = "Part 2 (consent), ss.20A–20G, 25C"
	return build(preset, regulator.GateSpec{
		ID:        "nz-oia-consent",
		Name:      "New Zealand OIA consent",
		Regulator: regulatorNZ,
		Basis:     basis,
		Trigger: regulator.Named("overseas investment in sensitive assets", regulator.And(
			located(o.Entity, jurNZ), regulator.AcquirerIs(overseas), interest,
			regulator.Or(
				regulator.Named("significant business assets", regulator.TermCompare(TermValueNZD, parties.MoreThan, orAmount(o.AssetThreshold, dec("100000000")))),
				regulator.Named("sensitive land", regulator.TermIs(TermSensitiveLand, regulator.Bool(true))),
			))),
		Clearance: choice(
			"nz-consent", "whether consent is granted",
			"nz-consent-conditions", "whether consent is granted with conditions",
			conditions),
		Mitigations:   []regulator.Mitigation{conditions},
		Discretionary: true,
		Timeline:      tl,
		Source:        source,
	})
}
