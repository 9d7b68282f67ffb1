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

// Sources of the Chinese presets.
const (
	cnCatalogue      = "https://www.steptoeinternationalcomplianceblog.com/2020/09/china-updates-its-catalogue-of-technologies-prohibited-and-restricted-from-export/"
	cnCatalogueItems = "https://cset.georgetown.edu/publication/revisions-to-the-content-of-the-catalog-of-prohibited-or-restricted-technology-exports"
	cnTechRegs       = "http://www.csrcare.com/Law/LawShowEn?id=225779"
	cnTechArt35      = "https://www.ccpit-patent.com.cn/node/1286/1289"
	cnTechLicence    = "https://chinaeconomicreview.com/import-or-export-contract-licence-to-import-restricted-goods/"
	cnSAMRLaw        = "https://www.globallegalinsights.com/practice-areas/merger-control-laws-and-regulations/china"
	cnSAMRThresholds = "https://gpg-pdf.chambers.com/investing-in-2026/135/"
	cnSAMRPhases     = "https://english.court.gov.cn/2015-08/17/c_761536_3.htm"
	cnFISRMeasures   = "https://foreigninvestment.bakermckenzie.com/2021/01/06/china-enacts-new-foreign-investment-security-review-measures/"
	cnFISRScope      = "http://barbatelli.net/2021/01/15/china-foreign-investment"
	cnFISRPhases     = "https://www.cla-ts.com/update-to-chinas-security-review-of-foreign-investments/"
	cnFISRDecisions  = "https://solutions-atlantic.com/china-ndrc-foreign-investment-review/"
)

// Dates of the Chinese regimes.
var (
	// chinaCatalogue2020 is the date the revised Catalogue of Technologies
	// Prohibited or Restricted from Export was released and took effect.
	chinaCatalogue2020 = date(2020, 8, 28)
	// chinaAML is the date the Anti-Monopoly Law took effect.
	chinaAML = date(2008, 8, 1)
	// chinaAML2022 is the date the 2022 amendment of the Anti-Monopoly Law
	// took effect, introducing stop-the-clock.
	chinaAML2022 = date(2022, 8, 1)
	// chinaFISRMeasures is the date the Measures for the Security Review of
	// Foreign Investment took effect.
	chinaFISRMeasures = date(2021, 1, 18)
)

// TechExportOptions are the options of [TechExportLicence]. A nil pointer,
// or the zero value of a field, means the default.
type TechExportOptions struct {
	// Filed is the date the application is received. A date before 28
	// August 2020 (the catalogue revision) is an error, and so is one
	// outside the years of the China calendar's data; the zero time skips
	// both checks.
	Filed time.Time
	// Restricted lists the restricted catalogue items (by code or name) the
	// rule looks for in the deal's [TermTechnologyExports]. The default is
	// the item added in 2020 that covers a content recommendation
	// algorithm: "056101X" (personalised information push service
	// technology based on data analysis; artificial-intelligence interactive
	// interface technology).
	Restricted []string
	// Prohibited lists prohibited catalogue items, which may not be
	// exported at all; the default is none.
	Prohibited []string
	// Licence is how long MOFCOM takes to issue the licence once the export
	// contract is submitted. The source gives "15 days" without saying
	// whether they are working days (UNCONFIRMED); the default, zero,
	// assumes 15 working days, the longer reading.
	Licence calendar.Period
}

// TechExportLicence returns the gate of China's export licence for
// restricted technology: the Regulations on Administration of Technology
// Import and Export (2001, revised 2011 and 2019) with the Catalogue of
// Technologies Prohibited or Restricted from Export as revised by MOFCOM and
// MOST on 28 August 2020 (released and in force at once; it added 23
// restricted items, among them the recommendation-algorithm item 056101X).
//
// The gate applies where the deal transfers a restricted (or prohibited)
// item out of China, as the deal's [TermTechnologyExports] lists. Prohibited
// technology may not be exported, so the test fails; otherwise MOFCOM (with
// MOST) grants the licence or refuses, at its discretion. Until the letter
// of intent is issued the applicant may not negotiate in substance or sign
// the export contract (Art 36).
//
// The timeline is on the China calendar (State Council working days): a
// decision on the application within 30 working days of receipt (Art 35,
// 2002 numbering; the numbering after the 2019 revision is UNCONFIRMED),
// then, once the contract is signed, the licence (see
// [TechExportOptions.Licence]). The time to negotiate and sign the contract
// is not counted. An incomplete application restarts the count. The
// Export Control Law (in force 1 December 2020, UNCONFIRMED) is not
// modelled.
//
// Sources: https://www.steptoeinternationalcomplianceblog.com/2020/09/china-updates-its-catalogue-of-technologies-prohibited-and-restricted-from-export/;
// https://cset.georgetown.edu/publication/revisions-to-the-content-of-the-catalog-of-prohibited-or-restricted-technology-exports;
// http://www.csrcare.com/Law/LawShowEn?id=225779;
// https://www.ccpit-patent.com.cn/node/1286/1289;
// https://chinaeconomicreview.com/import-or-export-contract-licence-to-import-restricted-goods/.
func TechExportLicence(o *TechExportOptions) (regulator.Gate, error) {
	const preset = "TechExportLicence"
	if o == nil {
		o = &TechExportOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, chinaCatalogue2020)
	c.period("Licence", o.Licence)
	restricted := o.Restricted
	if restricted == nil {
		restricted = []string{"056101X"}
	}
	for i, s := range restricted {
		if s == "" {
			c.addf(fmt.Sprintf("Restricted[%d]", i), ErrInvalidOption, "empty item")
		}
	}
	prohibited := o.Prohibited
	for i, s := range prohibited {
		if s == "" {
			c.addf(fmt.Sprintf("Prohibited[%d]", i), ErrInvalidOption, "empty item")
		}
	}
	licence := o.Licence
	if calendar.IsZero(licence) {
		licence = calendar.WorkingDays(15)
	}
	cn := calendar.China()
	tl := regulator.Timeline{Phases: []regulator.Phase{
		{Name: "application review (letter of intent)", Max: calendar.WorkingDays(30), Calendar: cn, DayOne: calendar.NextDay},
		{Name: "licence", Max: licence, Calendar: cn, DayOne: calendar.NextDay},
	}}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	anyOf := func(items []string) []regulator.Condition {
		cs := make([]regulator.Condition, len(items))
		for i, it := range items {
			cs[i] = regulator.TermContains(TermTechnologyExports, it)
		}
		return cs
	}
	exports := append(anyOf(restricted), anyOf(prohibited)...)
	clearance := regulator.Discretion("mofcom-licence", "whether MOFCOM (with MOST) grants the letter of intent and the export licence")
	if len(prohibited) > 0 {
		clearance = regulator.And(
			regulator.Named("no prohibited technology", regulator.Not(regulator.Or(anyOf(prohibited)...))),
			clearance)
	}
	return build(preset, regulator.GateSpec{
		ID:        "cn-tech-export",
		Name:      "China technology export licence",
		Regulator: regulator.Regulator{ID: "mofcom", Name: "Ministry of Commerce of the PRC (with the Ministry of Science and Technology)", Jurisdiction: jurCN},
		Basis: regulator.LegalBasis{
			Instrument: "Regulations on Administration of Technology Import and Export; Catalogue of Technologies Prohibited or Restricted from Export (revised 28 August 2020)",
			Section:    "Articles 35–36 (2002 numbering)",
			URL:        cnCatalogue,
		},
		InForce:       regulator.Window{From: chinaCatalogue2020},
		Trigger:       regulator.Named("export of restricted technology", regulator.Or(exports...)),
		Clearance:     clearance,
		Discretionary: true,
		Timeline:      tl,
		Source:        cnCatalogue + " ; " + cnCatalogueItems + " ; " + cnTechRegs + " ; " + cnTechArt35 + " ; " + cnTechLicence,
	})
}

// SAMRThresholds are the turnover thresholds of Chinese merger control, in
// yuan. A concentration must be notified where the parties' combined
// worldwide turnover exceeds CombinedWorldwide or their combined turnover in
// China exceeds CombinedChina, and at least two of them each have a
// turnover in China above EachInChina.
type SAMRThresholds struct {
	// CombinedWorldwide is the parties' combined worldwide turnover, CNY.
	CombinedWorldwide decimal.Decimal
	// CombinedChina is their combined turnover in China, CNY.
	CombinedChina decimal.Decimal
	// EachInChina is the turnover in China of each of at least two parties,
	// CNY.
	EachInChina decimal.Decimal
}

// IsZero reports whether no threshold is given.
func (t SAMRThresholds) IsZero() bool {
	return t.CombinedWorldwide.IsZero() && t.CombinedChina.IsZero() && t.EachInChina.IsZero()
}

// SAMRThresholds2024 returns the thresholds the State Council promulgated in
// January 2024: CNY 12 billion worldwide or CNY 4 billion in China combined,
// and CNY 800 million in China for each of two parties. Sources:
// https://gpg-pdf.chambers.com/investing-in-2026/135/;
// https://granhotelsantacruz.com/pulse/trends-developments-jun-he-law-offices-yrqyc.
func SAMRThresholds2024() SAMRThresholds {
	return SAMRThresholds{CombinedWorldwide: dec("12000000000"), CombinedChina: dec("4000000000"), EachInChina: dec("800000000")}
}

// SAMROptions are the options of [SAMRMerger]. A nil *SAMROptions, or the
// zero value of a field, means the default.
type SAMROptions struct {
	// Filed is the date SAMR accepts the filing (or, with PreAcceptance, the
	// date it is submitted). A date before 1 August 2008 (the Anti-Monopoly
	// Law) is an error; the zero time skips the check.
	Filed time.Time
	// Thresholds are the turnover thresholds. The default, the zero value,
	// is [SAMRThresholds2024]; as the earlier figures are not in the
	// sources, a filing before 2024 must give them (the exact effective day
	// in January 2024 is not known either). A zero field keeps the 2024
	// figure.
	Thresholds SAMRThresholds
	// WorkingDays reports whether the review periods count working days on
	// the China calendar. The law says "days", which the default reads as
	// calendar days (UNCONFIRMED).
	WorkingDays bool
	// PreAcceptance is the time from submission to acceptance, for which
	// there is no statutory limit (about 4 weeks for simplified cases and 4
	// to 8 for normal ones in practice). The default, zero, leaves it out:
	// Filed is then the acceptance date.
	PreAcceptance calendar.Period
	// StopTheClock is how long SAMR stops the clock, a power it has had
	// since the 2022 amendment (in force 1 August 2022): it is an error for
	// a filing before then. The default is zero.
	StopTheClock calendar.Period
}

// SAMRMerger returns the gate of Chinese merger control by the State
// Administration for Market Regulation under the Anti-Monopoly Law (in
// force 1 August 2008, amended with effect from 1 August 2022) and SAMR's
// Provisions on the Review of Concentrations (Decree 67, from 15 April
// 2023). MOFCOM reviewed concentrations before 2018.
//
// The gate applies where the deal's turnover ([TermCombinedWorldwideTurnoverCNY]
// or [TermCombinedChinaTurnoverCNY], and both [TermAcquirerChinaTurnoverCNY]
// and [TermTargetChinaTurnoverCNY]) exceeds the thresholds. SAMR's power to
// review concentrations below them, and the control test (acquiring control
// or decisive influence), are not modelled. SAMR clears, clears with
// restrictive conditions (structural or behavioural) or prohibits, at its
// discretion.
//
// The timeline: pre-acceptance if given; phase I of 30 days; if needed,
// phase II of 90 days from the decision to investigate further, extendable
// by up to 60 days (with the parties' consent, for inaccurate documents or
// after major changes); and, for filings from 1 August 2022, any time the
// clock is stopped. Counting starts on the day after the event and an end
// on a holiday does not roll (both UNCONFIRMED). Where SAMR has not decided
// when a period ends, the parties may implement (2008 text).
//
// Sources: https://www.globallegalinsights.com/practice-areas/merger-control-laws-and-regulations/china;
// https://gpg-pdf.chambers.com/investing-in-2026/135/;
// https://english.court.gov.cn/2015-08/17/c_761536_3.htm.
func SAMRMerger(o *SAMROptions) (regulator.Gate, error) {
	const preset = "SAMRMerger"
	if o == nil {
		o = &SAMROptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, chinaAML)
	c.period("PreAcceptance", o.PreAcceptance)
	c.period("StopTheClock", o.StopTheClock)
	if !calendar.IsZero(o.StopTheClock) && !o.Filed.IsZero() && civil.Date(o.Filed).Before(chinaAML2022) {
		c.addf("StopTheClock", ErrBeforeInForce, "stop-the-clock applies from %s; the filing is on %s",
			chinaAML2022.Format(time.DateOnly), civil.Date(o.Filed).Format(time.DateOnly))
	}
	th := o.Thresholds
	def := SAMRThresholds2024()
	c.amount("Thresholds.CombinedWorldwide", th.CombinedWorldwide)
	c.amount("Thresholds.CombinedChina", th.CombinedChina)
	c.amount("Thresholds.EachInChina", th.EachInChina)
	if th.IsZero() && !o.Filed.IsZero() && civil.Date(o.Filed).Before(date(2024, 1, 1)) {
		c.addf("Thresholds", ErrNoFigures, "the thresholds before January 2024 are not known; give them for a filing on %s", civil.Date(o.Filed).Format(time.DateOnly))
	}
	th = SAMRThresholds{
		CombinedWorldwide: orAmount(th.CombinedWorldwide, def.CombinedWorldwide),
		CombinedChina:     orAmount(th.CombinedChina, def.CombinedChina),
		EachInChina:       orAmount(th.EachInChina, def.EachInChina),
	}
	days := func(n int) calendar.Period { return calendar.Days(n) }
	if o.WorkingDays {
		days = func(n int) calendar.Period { return calendar.WorkingDays(n) }
	}
	cn := calendar.China()
	var ps []regulator.Phase
	if !calendar.IsZero(o.PreAcceptance) {
		ps = append(ps, regulator.Phase{Name: "pre-acceptance", Max: o.PreAcceptance, Calendar: cn, DayOne: calendar.NextDay})
	}
	ps = append(ps,
		regulator.Phase{Name: "phase I", Max: days(30), Calendar: cn, DayOne: calendar.NextDay},
		regulator.Phase{Name: "phase II", Max: days(90), Calendar: cn, DayOne: calendar.NextDay, Optional: true},
		regulator.Phase{Name: "phase II extension", Max: days(60), Calendar: cn, DayOne: calendar.NextDay, Optional: true},
	)
	if !calendar.IsZero(o.StopTheClock) {
		ps = append(ps, regulator.Phase{Name: "clock stopped", Max: o.StopTheClock, Calendar: cn, DayOne: calendar.NextDay, Optional: true})
	}
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	structural := regulator.Mitigation{ID: "structural-conditions", Name: "structural restrictive conditions (divestiture)"}
	behavioural := regulator.Mitigation{ID: "behavioural-conditions", Name: "behavioural restrictive conditions"}
	return build(preset, regulator.GateSpec{
		ID:        "cn-samr-merger",
		Name:      "China merger control (SAMR)",
		Regulator: regulator.Regulator{ID: "samr", Name: "State Administration for Market Regulation (Anti-Monopoly Bureau)", Jurisdiction: jurCN},
		Basis: regulator.LegalBasis{
			Instrument: "Anti-Monopoly Law of the PRC (2008, amended 2022); Provisions on the Review of Concentrations of Undertakings (SAMR Decree 67)",
			Section:    "Chapter IV (concentrations of undertakings); Arts 25–26 of the 2008 text",
			URL:        cnSAMRLaw,
		},
		InForce: regulator.Window{From: chinaAML},
		Trigger: regulator.Named("turnover thresholds", regulator.And(
			regulator.Or(
				regulator.TermCompare(TermCombinedWorldwideTurnoverCNY, parties.MoreThan, th.CombinedWorldwide),
				regulator.TermCompare(TermCombinedChinaTurnoverCNY, parties.MoreThan, th.CombinedChina)),
			regulator.TermCompare(TermAcquirerChinaTurnoverCNY, parties.MoreThan, th.EachInChina),
			regulator.TermCompare(TermTargetChinaTurnoverCNY, parties.MoreThan, th.EachInChina),
		)),
		Clearance: choice(
			"samr-no-restriction", "whether SAMR finds that the concentration does not restrict competition",
			"samr-conditions", "whether SAMR clears with restrictive conditions",
			structural, behavioural),
		Mitigations:   []regulator.Mitigation{structural, behavioural},
		Discretionary: true,
		Timeline:      tl,
		Source:        cnSAMRLaw + " ; " + cnSAMRThresholds + " ; " + cnSAMRPhases,
	})
}

// chinaReviewSectors are the sectors China's security review knows.
var chinaReviewSectors = []Sector{
	NoSector, Defence, Agriculture, Energy, EquipmentManufacturing, Infrastructure,
	Transport, Culture, InformationTechnology, FinancialServices, KeyTechnology,
}

// ChinaSecurityReviewOptions are the options of [ChinaSecurityReview]. A
// nil pointer, or the zero value of a field, means the default.
type ChinaSecurityReviewOptions struct {
	// Filed is the date the office receives the declaration. A date before
	// 18 January 2021 (the Measures) is an error; the zero time skips the
	// check.
	Filed time.Time
	// Sector is the target's sector: [Defence] (military and related
	// sectors, or near military facilities: reviewable whoever controls);
	// one of the key sectors [Agriculture], [Energy] (and resources),
	// [EquipmentManufacturing], [Infrastructure], [Transport], [Culture],
	// [InformationTechnology] (and internet services), [FinancialServices],
	// [KeyTechnology] (reviewable where the foreign investor obtains actual
	// control); or [NoSector], meaning not given, which leaves the trigger
	// open. Any other sector is an error.
	Sector Sector
	// Entity is the Chinese company invested in; empty means the deal's
	// target.
	Entity parties.ID
	// ForeignInvestors selects the foreign investors. The zero Predicate
	// means parties neither incorporated nor headquartered in China.
	ForeignInvestors parties.Predicate
	// CalendarDays reports whether the periods count calendar days. The
	// Measures say "days", commonly read as working days (UNCONFIRMED),
	// which is the default, on the China calendar.
	CalendarDays bool
	// SpecialExtension is how long a special review is extended; the
	// default, zero, is none.
	SpecialExtension calendar.Period
}

// ChinaSecurityReview returns the gate of China's foreign investment
// security review: the Measures for the Security Review of Foreign
// Investment (issued 19 December 2020, in force 18 January 2021), which
// implement Article 35 of the Foreign Investment Law. The working
// mechanism led by the NDRC and MOFCOM decides.
//
// The gate applies to direct or indirect foreign investment in a Chinese
// company: in military and related sectors whatever the stake, and in the
// key sectors where the foreign investor obtains actual control (more than
// 50% of the equity, or less with votes or other rights giving significant
// influence, which is a judgment left open as discretion). The declaration
// is mandatory before implementation. The mechanism passes, passes with
// conditions or prohibits; for a failure to file or a breach of
// conditions it may order the disposal of the equity or assets.
//
// The timeline: 15 days to decide whether to review; if needed, a general
// review of 30 days; if needed, a special review of 60 days, which may be
// extended ([ChinaSecurityReviewOptions.SpecialExtension]). Counting starts
// on the day after the event. No implementation is allowed during review.
//
// Sources: https://foreigninvestment.bakermckenzie.com/2021/01/06/china-enacts-new-foreign-investment-security-review-measures/;
// http://barbatelli.net/2021/01/15/china-foreign-investment;
// https://www.cla-ts.com/update-to-chinas-security-review-of-foreign-investments/;
// https://solutions-atlantic.com/china-ndrc-foreign-investment-review/.
func ChinaSecurityReview(o *ChinaSecurityReviewOptions) (regulator.Gate, error) {
	const preset = "ChinaSecurityReview"
	if o == nil {
		o = &ChinaSecurityReviewOptions{}
	}
	c := &checker{preset: preset}
	c.notBefore("Filed", o.Filed, chinaFISRMeasures)
	c.sector("Sector", o.Sector, chinaReviewSectors)
	c.period("SpecialExtension", o.SpecialExtension)
	days := func(n int) calendar.Period { return calendar.WorkingDays(n) }
	if o.CalendarDays {
		days = func(n int) calendar.Period { return calendar.Days(n) }
	}
	cn := calendar.China()
	ps := []regulator.Phase{
		{Name: "decision whether to review", Max: days(15), Calendar: cn, DayOne: calendar.NextDay},
		{Name: "general review", Max: days(30), Calendar: cn, DayOne: calendar.NextDay, Optional: true},
		{Name: "special review", Max: days(60), Calendar: cn, DayOne: calendar.NextDay, Optional: true},
	}
	if !calendar.IsZero(o.SpecialExtension) {
		ps = append(ps, regulator.Phase{Name: "special review extension", Max: o.SpecialExtension, Calendar: cn, DayOne: calendar.NextDay, Optional: true})
	}
	tl := regulator.Timeline{Phases: ps}
	if err := c.finish(o.Filed, tl); err != nil {
		return regulator.Gate{}, err
	}
	foreign := orPredicate(o.ForeignInvestors, foreignTo(jurCN, "foreign investors (not CN)"))
	control := regulator.Named("actual control", regulator.Or(
		regulator.Owned(regulator.OwnershipRule{Subject: o.Entity, Holders: foreign, Threshold: pct(parties.MoreThan, 50)}),
		regulator.Controlled(o.Entity, foreign, parties.Majority),
		regulator.Discretion("cn-fisr-significant-influence", "whether the foreign investors' votes or other rights give significant influence over the company"),
	))
	var scope regulator.Condition
	switch o.Sector {
	case Defence:
		scope = fact("sector", parties.Holds, "a military or related sector")
	case NoSector:
		scope = regulator.And(fact("sector", parties.Open, "the company is in a military or key sector"), control)
	default:
		scope = regulator.And(fact("sector", parties.Holds, "a key sector ("+o.Sector.String()+")"), control)
	}
	conditions := regulator.Mitigation{ID: "review-conditions", Name: "conditions attached to passing the review"}
	return build(preset, regulator.GateSpec{
		ID:        "cn-security-review",
		Name:      "China foreign investment security review",
		Regulator: regulator.Regulator{ID: "cn-fisr-office", Name: "Foreign investment security review working mechanism (NDRC and MOFCOM)", Jurisdiction: jurCN},
		Basis: regulator.LegalBasis{
			Instrument: "Measures for the Security Review of Foreign Investment (NDRC and MOFCOM Order No. 37, 2020)",
			Section:    "Foreign Investment Law, Article 35",
			URL:        cnFISRMeasures,
		},
		InForce: regulator.Window{From: chinaFISRMeasures},
		Trigger: regulator.Named("foreign investment in scope", regulator.And(
			located(o.Entity, jurCN),
			regulator.AcquirerIs(foreign),
			scope,
		)),
		Clearance: choice(
			"cn-fisr-pass", "whether the working mechanism passes the investment",
			"cn-fisr-conditions", "whether it passes the investment with conditions",
			conditions),
		Mitigations:   []regulator.Mitigation{conditions},
		Discretionary: true,
		Timeline:      tl,
		Source:        cnFISRMeasures + " ; " + cnFISRScope + " ; " + cnFISRPhases + " ; " + cnFISRDecisions,
	})
}
