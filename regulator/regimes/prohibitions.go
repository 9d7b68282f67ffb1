package regimes

import (
	"fmt"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// Sources of the PAFACA and IEEPA presets.
const (
	pafacaBasis      = "https://legalclarity.org/h-r-5736-passed-foreign-adversary-application-law"
	pafacaText       = "https://lemmy.today/post/9749310/7886371"
	pafacaControl    = "https://legalclarity.org/key-provisions-of-the-foreign-adversary-controlled-applications-act"
	pafacaExtension  = "https://stoptheccp.org/is-tiktok-running-out-of-time-or-has-it-already-run-out-of-time"
	pafacaDeadline   = "https://plchavez.github.io/ttcd"
	ieepaEO13942     = "https://sanctions.org/turbofac/research/TIKTOK-V-TRUMP-INJUNCTION-IEEPA-INFORMATIONAL-MATERIALS"
	ieepaInjunction  = "https://michaelkans.blog/2020/09/30/court-issues-injunction-on-first-part-of-tiktok-ban/"
	ieepaSecondOrder = "http://dailyzsocialmedianews.com/second-decide-says-trump-cant-ban-tiktok/"
)

// pafacaEnacted is the date PAFACA (Division H of Public Law 118-50) was
// signed, 24 April 2024.
var pafacaEnacted = date(2024, 4, 24)

// PAFACAOptions are the options of [PAFACA]. A nil *PAFACAOptions, or the
// zero value of a field, means the default.
type PAFACAOptions struct {
	// Covered is the date the application became covered: the date of
	// enactment (24 April 2024, the default) for applications operated by
	// ByteDance or TikTok, or the date of the President's determination for
	// another. A date before enactment is an error.
	Covered time.Time
	// Application is the party that operates the application; empty means
	// the deal's target.
	Application parties.ID
	// Wording is how the 20% ownership test compares: the secondary source
	// reads "at least 20%" (the default, [parties.AtLeast]); the statutory
	// wording was not retrieved (UNCONFIRMED), so [parties.MoreThan] may be
	// chosen instead. Any other comparison is an error.
	Wording parties.Comparison
	// Share is the ownership share of the test; the default, zero, is 20%.
	Share decimal.Decimal
	// Adversaries are the foreign-adversary countries; the zero Group means
	// [ForeignAdversaries].
	Adversaries parties.Group
	// Method is how indirect holdings count ("directly or indirectly"); the
	// zero Method is proportional look-through.
	Method parties.Method
}

// PAFACARules are what [PAFACA] returns: the gate a divestiture must clear
// and the statutory prohibition date it must beat.
type PAFACARules struct {
	// Divestiture is the gate of a qualified divestiture.
	Divestiture regulator.Gate
	// Prohibition is the date distribution of the application becomes
	// unlawful, with the possible 90-day extension.
	Prohibition regulator.Deadline
}

// PAFACA returns the rules of the Protecting Americans from Foreign
// Adversary Controlled Applications Act (Division H of H.R. 815, Public Law
// 118-50, signed 24 April 2024) for one covered application.
//
// From 270 days after the application became covered (enactment for
// ByteDance and TikTok, so 19 January 2025; the President's determination
// for another application) it is unlawful to distribute, maintain or update
// it in the US through app marketplaces or internet hosting (s.2(a)). The
// President may extend the date once by up to 90 days by certifying to
// Congress a path to a qualified divestiture, evidence of significant
// progress and binding agreements (s.2(a)(3)). The Supreme Court upheld the
// Act in January 2025, so the prohibition is not enjoinable. Executive
// non-enforcement (75 + 75 + 90 days in 2025) is discretion, not a
// statutory extension, and is not modelled: keep the legal deadline apart
// from any enforcement date.
//
// A qualified divestiture clears the gate: after the deal the application
// is no longer controlled by a foreign adversary (the operator is not
// domiciled, headquartered or organised in a foreign-adversary country and
// foreign-adversary persons hold less than 20% of it directly or
// indirectly, [PAFACAOptions.Wording]), no operational relationship remains
// with the former owners ([TermOperationalRelationship] not yes), and the
// President so determines through the interagency process (discretion).
// The exact statutory wording of "qualified divestiture" and of "subject to
// the direction or control" is UNCONFIRMED; the latter is not modelled. The
// gate's timeline is the time left to divest: 270 days from the covered
// date, and the optional 90-day extension.
//
// Sources: https://legalclarity.org/h-r-5736-passed-foreign-adversary-application-law
// (secondary); Division H text https://lemmy.today/post/9749310/7886371;
// https://legalclarity.org/key-provisions-of-the-foreign-adversary-controlled-applications-act
// (secondary); https://stoptheccp.org/is-tiktok-running-out-of-time-or-has-it-already-run-out-of-time;
// https://plchavez.github.io/ttcd.
func PAFACA(o *PAFACAOptions) (PAFACARules, error) {
	const preset = "PAFACA"
	if o == nil {
		o = &PAFACAOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Covered", o.Covered, pafacaEnacted)
	if o.Wording != parties.AtLeast && o.Wording != parties.MoreThan {
		c.addf("Wording", ErrInvalidOption, "the test reads \"at least\" or \"more than\", not %q", o.Wording)
	}
	share := orAmount(o.Share, dec("0.2"))
	c.threshold("Share", parties.Threshold{Op: parties.AtLeast, Value: share})
	if err := o.Method.Validate(); err != nil {
		c.addf("Method", ErrInvalidOption, "%v", err)
	}
	if err := c.err(); err != nil {
		return PAFACARules{}, err
	}
	covered := pafacaEnacted
	if !o.Covered.IsZero() {
		covered = civil.Date(o.Covered)
	}
	adversaries := o.Adversaries
	if adversaries.Name() == "" {
		adversaries = ForeignAdversaries()
	}
	inAdversary := parties.InGroup(adversaries, parties.Either)
	controlled := regulator.Or(
		regulator.PartyIs(o.Application, inAdversary),
		regulator.Owned(regulator.OwnershipRule{
			Subject:   o.Application,
			Holders:   inAdversary,
			Method:    o.Method,
			Threshold: parties.Threshold{Op: o.Wording, Value: share},
		}),
	)
	basis := regulator.LegalBasis{
		Instrument: "Protecting Americans from Foreign Adversary Controlled Applications Act (Division H of H.R. 815, Public Law 118-50)",
		Section:    "section 2",
		URL:        pafacaBasis,
	}
	ext := regulator.Extension{
		Up:       calendar.Days(90),
		Calendar: calendar.US(),
		By:       "the President, certifying to Congress a path to a qualified divestiture (s.2(a)(3))",
	}
	gate, err := build(preset, regulator.GateSpec{
		ID:        "us-pafaca-divestiture",
		Name:      "PAFACA qualified divestiture",
		Regulator: regulator.Regulator{ID: "us-president", Name: "President of the United States", Jurisdiction: jurUS},
		Basis:     basis,
		InForce:   regulator.Window{From: pafacaEnacted},
		Trigger: regulator.Named("covered application", regulator.Const(parties.Holds,
			fmt.Sprintf("the application is covered from %s", covered.Format(time.DateOnly)))),
		Clearance: regulator.Named("qualified divestiture", regulator.And(
			regulator.Named("no longer foreign-adversary controlled", regulator.Not(controlled)),
			regulator.Named("no operational relationship", regulator.Not(regulator.TermIs(TermOperationalRelationship, regulator.Bool(true)))),
			regulator.Discretion("pafaca-determination", "whether the President determines, through the interagency process, that the divestiture is qualified"),
		)),
		Discretionary: true,
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "divestiture period", Max: calendar.Days(270), Calendar: calendar.US(), DayOne: calendar.NextDay},
			{Name: "presidential extension", Max: ext.Up, Calendar: calendar.US(), DayOne: calendar.NextDay, Optional: true},
		}},
		Source: pafacaBasis + " ; " + pafacaText + " ; " + pafacaControl + " ; " + pafacaExtension,
	})
	if err != nil {
		return PAFACARules{}, err
	}
	day270, err := calendar.Weekdays().End(covered, calendar.Days(270), calendar.NextDay, calendar.NoRoll)
	if err != nil {
		return PAFACARules{}, &OptionError{Preset: preset, Option: "Covered", Err: fmt.Errorf("%w: %v", ErrInvalidOption, err)}
	}
	dl, err := regulator.NewDeadline(regulator.DeadlineSpec{
		ID:          "us-pafaca-prohibition",
		Name:        "PAFACA prohibition",
		Basis:       regulator.LegalBasis{Instrument: basis.Instrument, Section: "section 2(a)", URL: pafacaText},
		Date:        day270,
		Consequence: "distributing, maintaining or updating the application in the US through app marketplaces or internet hosting becomes unlawful",
		Extension:   ext,
		Source:      pafacaText + " ; " + pafacaExtension + " ; " + pafacaDeadline,
	})
	if err != nil {
		return PAFACARules{}, fmt.Errorf("regimes: %s: %w", preset, err)
	}
	return PAFACARules{Divestiture: gate, Prohibition: dl}, nil
}

// IEEPAOptions are the options of [IEEPAProhibition]. A nil *IEEPAOptions,
// or the zero value of a field, means the default: the first prohibition
// under Executive Order 13942 (TikTok), app-store distribution, effective
// 27 September 2020.
type IEEPAOptions struct {
	// ID and Name identify the deadline; the defaults name the EO 13942
	// app-store prohibition.
	ID, Name string
	// Order names the executive order; the default is "Executive Order
	// 13942 of 6 August 2020 (85 FR 48637)".
	Order string
	// Signed is the date of the order (default 6 August 2020).
	Signed time.Time
	// Effective is the date the prohibition takes effect, as the Commerce
	// Department set it (default 27 September 2020, 11:59 pm). A date before
	// Signed is an error; where Order is given, Effective must be too.
	Effective time.Time
	// Consequence describes what is prohibited.
	Consequence string
	// Source is the address of the facts.
	Source string
}

// IEEPAProhibition returns the deadline template of a prohibition ordered
// under the International Emergency Economic Powers Act (50 U.S.C.
// 1701–1708), on the pattern of Executive Order 13942 of 6 August 2020
// (TikTok): the order declares a national emergency; the Commerce
// Department lists the prohibited transactions and sets their effective
// dates, with no review period and no approval path other than what the
// order demands; a court may enjoin it (the D.D.C. enjoined the first
// prohibition on 27 September 2020 and all of them on 7 December 2020,
// relying on the exclusion of informational materials in 50 U.S.C.
// 1702(b)); it may be revoked (EO 14034, UNCONFIRMED). The deadline is
// therefore enjoinable and has no extension.
//
// Sources: https://sanctions.org/turbofac/research/TIKTOK-V-TRUMP-INJUNCTION-IEEPA-INFORMATIONAL-MATERIALS;
// https://michaelkans.blog/2020/09/30/court-issues-injunction-on-first-part-of-tiktok-ban/;
// http://dailyzsocialmedianews.com/second-decide-says-trump-cant-ban-tiktok/.
func IEEPAProhibition(o *IEEPAOptions) (regulator.Deadline, error) {
	const preset = "IEEPAProhibition"
	if o == nil {
		o = &IEEPAOptions{}
	}
	c := &checker{preset: preset}
	v := *o
	if v.Order == "" {
		v.Order = "Executive Order 13942 of 6 August 2020 (85 FR 48637)"
		if v.Signed.IsZero() {
			v.Signed = date(2020, 8, 6)
		}
		if v.Effective.IsZero() {
			v.Effective = date(2020, 9, 27)
		}
		if v.ID == "" {
			v.ID = "us-eo-13942-prohibition"
		}
		if v.Name == "" {
			v.Name = "EO 13942 prohibition"
		}
		if v.Consequence == "" {
			v.Consequence = "transactions with ByteDance listed by the Commerce Department (first, app-store distribution of TikTok) are prohibited"
		}
		if v.Source == "" {
			v.Source = ieepaEO13942 + " ; " + ieepaInjunction + " ; " + ieepaSecondOrder
		}
	}
	if v.Effective.IsZero() {
		c.addf("Effective", ErrInvalidOption, "missing: the order %q needs an effective date", v.Order)
	}
	c.notBefore("Effective", v.Effective, civil.Date(v.Signed))
	if err := c.err(); err != nil {
		return regulator.Deadline{}, err
	}
	if v.ID == "" {
		v.ID = "us-ieepa-prohibition"
	}
	if v.Name == "" {
		v.Name = v.Order + " prohibition"
	}
	if v.Consequence == "" {
		v.Consequence = "the transactions the order lists are prohibited"
	}
	d, err := regulator.NewDeadline(regulator.DeadlineSpec{
		ID:   v.ID,
		Name: v.Name,
		Basis: regulator.LegalBasis{
			Instrument: "International Emergency Economic Powers Act; " + v.Order,
			Section:    "50 U.S.C. 1701–1708",
			URL:        ieepaEO13942,
		},
		Date:        v.Effective,
		Consequence: v.Consequence,
		Enjoinable:  true,
		Source:      v.Source,
	})
	if err != nil {
		return regulator.Deadline{}, fmt.Errorf("regimes: %s: %w", preset, err)
	}
	return d, nil
}
