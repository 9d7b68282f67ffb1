package regimes

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// Sources of the Japanese preset.
const (
	jpAct      = "https://www.japaneselawtranslation.go.jp/ja/laws/download/2076/08/s24Aa002280204en4.0_h21A59.txt"
	jpRules    = "https://pinsentmasons.com/out-law/guides/foreign-direct-investment-in-japan"
	jpWaiting  = "https://www.withersworldwide.com/en-gb/insight/read/japan-overview-of-the-fefta-regulation"
	jpWaiting2 = "https://www.internationallawoffice.com/Newsletters/Corporate-FinanceMA/Japan/City-Yuwa-Partners/Scheduling-MA-transactions-practical-considerations-regarding-FDI"
	jpFiling   = "https://www.lexology.com/library/detail.aspx?g=a6c702b1-526a-4b8d-8a89-41dd864acf37"
	jpOutcomes = "https://gdszbp.com/archives/14947.html"
)

// japanFEFTA2020 is the date the 2020 amendment of Japan's Foreign Exchange
// and Foreign Trade Act took effect, 7 June 2020, lowering the threshold
// for listed companies to 1%.
var japanFEFTA2020 = date(2020, 6, 7)

// JapanOptions are the options of [JapanFEFTA]. A nil *JapanOptions, or the
// zero value of a field, means the default.
type JapanOptions struct {
	// Filed is the date the prior notification is received. A date before
	// 7 June 2020 (the rules the preset models) is an error; the zero time
	// skips the check.
	Filed time.Time
	// Entity is the Japanese company invested in; empty means the deal's
	// target.
	Entity parties.ID
	// ForeignInvestors selects the foreign investors. The zero Predicate
	// means parties neither incorporated nor headquartered in Japan; the
	// rule that a Japanese company 50% or more held by non-residents is a
	// foreign investor is not applied.
	ForeignInvestors parties.Predicate
	// Designated says whether the company's business is in a sector
	// designated for prior notification; the zero value leaves it open.
	Designated parties.Truth
	// Listed reports whether the company is listed, so that 1% or more
	// triggers notification; for an unlisted company any holding does.
	Listed bool
	// Threshold overrides the threshold; the zero Threshold keeps it.
	Threshold parties.Threshold
	// Extension is how far the ministers extend the waiting period (up to
	// 4 months, 5 with a recommendation, according to UNCONFIRMED
	// sources); the default is none.
	Extension calendar.Period
}

// JapanFEFTA returns the gate of a prior notification of inward direct
// investment under Japan's Foreign Exchange and Foreign Trade Act (1949),
// Chapter V (Articles 26–46), as amended with effect from 7 June 2020. The
// Minister of Finance and the minister responsible for the company's sector
// review it; it is filed through the Bank of Japan.
//
// The gate applies where foreign investors acquire 1% or more of a listed
// company, or any share of an unlisted one, whose business is in a
// designated sector. Board appointments and the exemptions for core and
// non-core sectors are not modelled. If the waiting period lapses the
// investment is cleared; the ministers may instead recommend changing or
// suspending it (Article 27), then order it if the recommendation is not
// accepted (detail UNCONFIRMED).
//
// The waiting period is 30 days from receipt of the notification, counted
// from the next day (UNCONFIRMED) on the Japanese calendar; it is often
// shortened (UNCONFIRMED), so it has no minimum, and may be extended
// ([JapanOptions.Extension]).
//
// Sources: https://www.japaneselawtranslation.go.jp/ja/laws/download/2076/08/s24Aa002280204en4.0_h21A59.txt;
// https://pinsentmasons.com/out-law/guides/foreign-direct-investment-in-japan;
// https://www.withersworldwide.com/en-gb/insight/read/japan-overview-of-the-fefta-regulation;
// https://www.internationallawoffice.com/Newsletters/Corporate-FinanceMA/Japan/City-Yuwa-Partners/Scheduling-MA-transactions-practical-considerations-regarding-FDI;
// https://www.lexology.com/library/detail.aspx?g=a6c702b1-526a-4b8d-8a89-41dd864acf37;
// https://gdszbp.com/archives/14947.html (low authority).
func JapanFEFTA(o *JapanOptions) (regulator.Gate, error) {
	const preset = "JapanFEFTA"
	if o == nil {
		o = &JapanOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, japanFEFTA2020)
	c.truth("Designated", o.Designated)
	c.threshold("Threshold", o.Threshold)
	c.period("Extension", o.Extension)
	jp := calendar.Japan()
	ps := []regulator.Phase{
		{Name: "waiting period", Max: calendar.Days(30), Calendar: jp, DayOne: calendar.NextDay},
	}
	if !calendar.IsZero(o.Extension) {
		ps = append(ps, regulator.Phase{Name: "extension", Max: o.Extension, Calendar: jp, DayOne: calendar.NextDay, Optional: true})
	}
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	foreign := orPredicate(o.ForeignInvestors, foreignTo(jurJP, "foreign investors (not JP)"))
	t := pct(parties.MoreThan, 0)
	if o.Listed {
		t = pct(parties.AtLeast, 1)
	}
	t = orThreshold(o.Threshold, t)
	changes := regulator.Mitigation{ID: "recommended-changes", Name: "changes to the investment the ministers recommend"}
	return build(preset, regulator.GateSpec{
		ID:        "jp-fefta",
		Name:      "Japan FEFTA prior notification",
		Regulator: regulator.Regulator{ID: "jp-mof", Name: "Minister of Finance and the minister responsible for the sector", Jurisdiction: jurJP},
		Basis: regulator.LegalBasis{
			Instrument: "Foreign Exchange and Foreign Trade Act (Act No. 228 of 1949)",
			Section:    "Chapter V, Articles 26–46",
			URL:        jpAct,
		},
		InForce: regulator.Window{From: japanFEFTA2020},
		Trigger: regulator.Named("inward direct investment", regulator.And(
			located(o.Entity, jurJP),
			regulator.AcquirerIs(foreign),
			fact("designated sector", o.Designated, "a designated business sector"),
			regulator.Owned(regulator.OwnershipRule{Subject: o.Entity, Holders: foreign, Threshold: t}),
		)),
		Clearance: choice(
			"jp-lapse", "whether the ministers let the waiting period lapse",
			"jp-recommendation", "whether the investment proceeds with the changes the ministers recommend",
			changes),
		Mitigations:   []regulator.Mitigation{changes},
		Discretionary: true,
		Timeline:      tl,
		Source:        jpAct + " ; " + jpRules + " ; " + jpWaiting + " ; " + jpWaiting2 + " ; " + jpFiling + " ; " + jpOutcomes,
	})
}
