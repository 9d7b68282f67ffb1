package regimes

import (
	"fmt"
	"strings"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// Sources of the HSR preset.
const (
	hsrWaiting    = "http://laws9.com/cfr/text/16/803/10"
	hsrRoll       = "https://www.cimplifi.com/resources/for-hsr-second-requests-the-need-for-speed-is-about-timing/"
	hsrIndexation = "https://hallrender.com/2025/01/23/ftc-announces-annual-hart-scott-rodino-premerger-notification-filing-thresholds-increase-for-2025/"
	hsr2025       = "https://production.jdsupra.com/legalnews/revised-hart-scott-rodino-thresholds-2988619"
	hsr2026       = "https://www.mondaq.com/unitedstates/antitrust-eu-competition/1737272/2026-ftc-updates-to-hsr-and-clayton-act-threshold ; https://www.milbank.com/en/news/ftc-announces-the-hsr-act-2026-thresholds-and-fees.html ; https://cooleyma.com/2026/01/21/ftc-issues-2026-hsr-filing-thresholds-fee-adjustments-and-interlocking-directorate-updates"
	hsrEarlyTerm  = "https://ftc.gov/legal-library/browse/hsr-informal-interpretations/16120004"
)

// HSRTransaction is the kind of transaction, which sets the HSR waiting
// periods. The zero HSRTransaction is [HSRAcquisition].
type HSRTransaction int8

// The kinds of HSR transaction.
const (
	// HSRAcquisition is any acquisition other than those below: a 30-day
	// waiting period, and 30 days after substantial compliance with a
	// second request.
	HSRAcquisition HSRTransaction = iota
	// HSRCashTender is a cash tender offer: 15 days, and 10 after a second
	// request.
	HSRCashTender
	// HSRBankruptcy is an acquisition under 11 U.S.C. 363 (bankruptcy
	// sale): 15 days, and 10 after a second request.
	HSRBankruptcy
)

var hsrTransactionNames = [...]string{HSRAcquisition: "acquisition", HSRCashTender: "cash-tender-offer", HSRBankruptcy: "bankruptcy-363"}

// String returns "acquisition", "cash-tender-offer" or "bankruptcy-363", or
// "HSRTransaction(n)" for a value that is not one of the constants.
func (k HSRTransaction) String() string {
	if k < 0 || int(k) >= len(hsrTransactionNames) {
		return fmt.Sprintf("HSRTransaction(%d)", int8(k))
	}
	return hsrTransactionNames[k]
}

// MarshalText implements [encoding.TextMarshaler] with the String form. It
// fails for a value that is not one of the constants.
func (k HSRTransaction) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(hsrTransactionNames) {
		return nil, fmt.Errorf("%w: HSR transaction %d", ErrInvalidOption, int8(k))
	}
	return []byte(hsrTransactionNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the String
// forms of the constants and fails with an error wrapping
// [ErrInvalidOption] otherwise.
func (k *HSRTransaction) UnmarshalText(b []byte) error {
	for i, n := range hsrTransactionNames {
		if n == string(b) {
			*k = HSRTransaction(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown HSR transaction %q", ErrInvalidOption, b)
}

// HSRThresholds are the HSR notification thresholds in force from a date,
// in US dollars. They are indexed every year to the change in GNP and take
// effect 30 days after publication in the Federal Register, for
// transactions closing on or after that date.
type HSRThresholds struct {
	// From is the date the figures take effect.
	From time.Time
	// SizeOfTransaction is the size-of-transaction threshold: a
	// transaction valued above it is reportable where the size-of-person
	// test is met.
	SizeOfTransaction decimal.Decimal
	// NoSizeOfPerson is the value above which the size-of-person test is
	// disregarded.
	NoSizeOfPerson decimal.Decimal
	// LargerPerson and SmallerPerson are the size-of-person test: one
	// person has annual net sales or total assets of at least LargerPerson,
	// the other at least SmallerPerson.
	LargerPerson, SmallerPerson decimal.Decimal
	// Source is the address the figures come from.
	Source string
}

// HSRIndexedThresholds returns the HSR thresholds the package knows, in
// date order: those effective 21 February 2025 ($126.4m; $505.8m; size of
// person $252.9m / $25.3m; source
// https://production.jdsupra.com/legalnews/revised-hart-scott-rodino-thresholds-2988619)
// and 17 February 2026 ($133.9m; $535.5m; $267.8m / $26.8m; sources
// https://www.mondaq.com/unitedstates/antitrust-eu-competition/1737272/2026-ftc-updates-to-hsr-and-clayton-act-threshold,
// https://www.milbank.com/en/news/ftc-announces-the-hsr-act-2026-thresholds-and-fees.html,
// https://cooleyma.com/2026/01/21/ftc-issues-2026-hsr-filing-thresholds-fee-adjustments-and-interlocking-directorate-updates).
// Append later years' figures to the slice and pass it as
// [HSROptions.Thresholds].
func HSRIndexedThresholds() []HSRThresholds {
	return []HSRThresholds{
		{From: date(2025, 2, 21), SizeOfTransaction: dec("126400000"), NoSizeOfPerson: dec("505800000"),
			LargerPerson: dec("252900000"), SmallerPerson: dec("25300000"), Source: hsr2025},
		{From: date(2026, 2, 17), SizeOfTransaction: dec("133900000"), NoSizeOfPerson: dec("535500000"),
			LargerPerson: dec("267800000"), SmallerPerson: dec("26800000"), Source: hsr2026},
	}
}

// HSROptions are the options of [HSR]. A nil *HSROptions, or the zero value
// of a field, means the default.
type HSROptions struct {
	// Filed is the date the filings are received, from which the waiting
	// period runs. A date before the first thresholds known is an error
	// (wrapping [ErrBeforeInForce]); the zero time skips the check.
	Filed time.Time
	// Transaction is the kind of transaction; the default is
	// [HSRAcquisition].
	Transaction HSRTransaction
	// Thresholds are the indexed thresholds, in date order; nil means
	// [HSRIndexedThresholds].
	Thresholds []HSRThresholds
	// Compliance is the time from a second request to substantial
	// compliance by every recipient, which the second waiting period
	// follows. It varies by deal (often months); the default, zero, counts
	// the second waiting period from the end of the first, as if the
	// parties complied at once.
	Compliance calendar.Period
}

// HSR returns the gate of a Hart-Scott-Rodino premerger notification:
// section 7A of the Clayton Act (15 U.S.C. 18a) and 16 C.F.R. Parts
// 801–803.
//
// The gate applies where the deal's value ([TermValueUSD]) exceeds the
// size-of-transaction threshold and the size-of-person test is met (from the
// deal's [TermAcquirerSizeUSD] and [TermTargetSizeUSD]; open where they are
// not both given), or the value exceeds the level above which size of person
// is disregarded. The thresholds are those in force on the world's as-of
// date ([HSROptions.Thresholds]), as they apply to transactions closing on
// or after their effective date; the gate is in force from the first
// thresholds known. The exemptions of 16 C.F.R. Part 802 (such as for
// foreign issuers) and the notification levels for voting securities are
// not modelled.
//
// The waiting period is 30 calendar days from receipt of the filings (15
// for a cash tender offer or a bankruptcy sale), ending at 11:59 pm Eastern
// time on its last day; an end on a weekend or federal holiday rolls to the
// next business day (16 CFR 803.10(b)). A second request extends it to the
// 30th day (10th) after substantial compliance. Early termination may come
// at any time, so no phase has a minimum. When the period ends the parties
// may close; an agency challenge or a consent decree with divestiture is
// possible (UNCONFIRMED: not retrieved), at the agencies' discretion.
//
// Sources: http://laws9.com/cfr/text/16/803/10;
// https://www.cimplifi.com/resources/for-hsr-second-requests-the-need-for-speed-is-about-timing/;
// https://hallrender.com/2025/01/23/ftc-announces-annual-hart-scott-rodino-premerger-notification-filing-thresholds-increase-for-2025/;
// https://ftc.gov/legal-library/browse/hsr-informal-interpretations/16120004;
// and the sources of [HSRIndexedThresholds].
func HSR(o *HSROptions) (regulator.Gate, error) {
	const preset = "HSR"
	if o == nil {
		o = &HSROptions{}
	}
	c := &checker{preset: preset}
	if _, err := o.Transaction.MarshalText(); err != nil {
		c.add("Transaction", err)
	}
	ts := o.Thresholds
	if ts == nil {
		ts = HSRIndexedThresholds()
	}
	checkHSRThresholds(c, ts)
	c.period("Compliance", o.Compliance)
	if err := c.err(); err != nil {
		return regulator.Gate{}, err
	}
	c.notBefore("Filed", o.Filed, civil.Date(ts[0].From))
	tl := hsrTimeline(o.Transaction, o.Compliance)
	c.schedule("Filed", o.Filed, tl)
	if err := c.err(); err != nil {
		return regulator.Gate{}, err
	}
	consent := regulator.Mitigation{ID: "consent-decree", Name: "consent decree with divestiture"}
	var sources []string
	for _, t := range ts {
		if t.Source != "" {
			sources = append(sources, t.Source)
		}
	}
	sources = append(sources, hsrWaiting, hsrRoll, hsrIndexation, hsrEarlyTerm)
	return build(preset, regulator.GateSpec{
		ID:   "us-hsr",
		Name: "HSR premerger notification",
		Regulator: regulator.Regulator{
			ID:           "us-ftc-doj",
			Name:         "FTC (Premerger Notification Office) and DOJ Antitrust Division",
			Jurisdiction: jurUS,
		},
		Basis: regulator.LegalBasis{
			Instrument: "Clayton Act section 7A (Hart-Scott-Rodino Antitrust Improvements Act of 1976)",
			Section:    "15 U.S.C. 18a; 16 C.F.R. 801–803 (waiting periods: 803.10)",
			URL:        hsrWaiting,
		},
		InForce: regulator.Window{From: civil.Date(ts[0].From)},
		Trigger: hsrTrigger(ts),
		Clearance: choice(
			"hsr-no-challenge", "whether the FTC and DOJ let the waiting period end without a challenge",
			"hsr-consent-decree", "whether the agency settles by a consent decree (UNCONFIRMED)",
			consent),
		Mitigations:   []regulator.Mitigation{consent},
		Discretionary: true,
		Timeline:      tl,
		Source:        strings.Join(sources, " ; "),
	})
}

func checkHSRThresholds(c *checker, ts []HSRThresholds) {
	if len(ts) == 0 {
		c.addf("Thresholds", ErrNoFigures, "no thresholds given")
		return
	}
	for i, t := range ts {
		f := fmt.Sprintf("Thresholds[%d]", i)
		if t.From.IsZero() {
			c.addf(f+".From", ErrInvalidOption, "missing date")
		} else if i > 0 && !ts[i-1].From.IsZero() && !civil.Date(t.From).After(civil.Date(ts[i-1].From)) {
			c.addf(f+".From", ErrInvalidOption, "%s is not after the previous thresholds' %s",
				civil.Date(t.From).Format(time.DateOnly), civil.Date(ts[i-1].From).Format(time.DateOnly))
		}
		for _, a := range []struct {
			name string
			d    decimal.Decimal
		}{{"SizeOfTransaction", t.SizeOfTransaction}, {"NoSizeOfPerson", t.NoSizeOfPerson}, {"LargerPerson", t.LargerPerson}, {"SmallerPerson", t.SmallerPerson}} {
			if a.d.Sign() <= 0 {
				c.addf(f+"."+a.name, ErrInvalidOption, "amount %s is not positive", a.d)
			}
		}
		if t.NoSizeOfPerson.LessThan(t.SizeOfTransaction) {
			c.addf(f+".NoSizeOfPerson", ErrInvalidOption, "%s is below the size-of-transaction threshold %s", t.NoSizeOfPerson, t.SizeOfTransaction)
		}
		if t.LargerPerson.LessThan(t.SmallerPerson) {
			c.addf(f+".LargerPerson", ErrInvalidOption, "%s is below SmallerPerson %s", t.LargerPerson, t.SmallerPerson)
		}
	}
}

// hsrTrigger picks the thresholds in force on the world's date.
func hsrTrigger(ts []HSRThresholds) regulator.Condition {
	branches := make([]regulator.Condition, len(ts))
	for i, t := range ts {
		from := civil.Date(t.From)
		cs := []regulator.Condition{regulator.OnOrAfter(from)}
		if i+1 < len(ts) {
			cs = append(cs, regulator.Before(civil.Date(ts[i+1].From)))
		}
		cs = append(cs, hsrSize(t))
		branches[i] = regulator.Named("thresholds effective "+from.Format(time.DateOnly), regulator.And(cs...))
	}
	return regulator.Or(branches...)
}

func hsrSize(t HSRThresholds) regulator.Condition {
	sizeOfPerson := func(a, b string) regulator.Condition {
		return regulator.And(
			regulator.TermCompare(a, parties.AtLeast, t.LargerPerson),
			regulator.TermCompare(b, parties.AtLeast, t.SmallerPerson))
	}
	return regulator.Or(
		regulator.Named("size of person disregarded", regulator.TermCompare(TermValueUSD, parties.MoreThan, t.NoSizeOfPerson)),
		regulator.And(
			regulator.Named("size of transaction", regulator.TermCompare(TermValueUSD, parties.MoreThan, t.SizeOfTransaction)),
			regulator.Named("size of person", regulator.Or(
				sizeOfPerson(TermAcquirerSizeUSD, TermTargetSizeUSD),
				sizeOfPerson(TermTargetSizeUSD, TermAcquirerSizeUSD),
				regulator.And(
					regulator.Not(regulator.And(regulator.TermPresent(TermAcquirerSizeUSD), regulator.TermPresent(TermTargetSizeUSD))),
					regulator.Const(parties.Open, "the sizes of the persons are not both given")),
			)),
		),
	)
}

func hsrTimeline(k HSRTransaction, compliance calendar.Period) regulator.Timeline {
	first, second := 30, 30
	if k != HSRAcquisition {
		first, second = 15, 10
	}
	us := calendar.US()
	ps := []regulator.Phase{
		{Name: "waiting period", Max: calendar.Days(first), Calendar: us, DayOne: calendar.NextDay, Roll: calendar.Following},
	}
	if !calendar.IsZero(compliance) {
		ps = append(ps, regulator.Phase{Name: "second request compliance", Max: compliance, Calendar: us, DayOne: calendar.NextDay, Optional: true})
	}
	ps = append(ps, regulator.Phase{Name: "second request waiting period", Max: calendar.Days(second), Calendar: us, DayOne: calendar.NextDay, Roll: calendar.Following, Optional: true})
	return regulator.Timeline{Phases: ps}
}
