// Package regimes ships ready-made gates for the real screening regimes a
// cross-border deal meets: each a [regulator.Gate] with its legal basis and
// source addresses, the dates its rules are in force, its trigger and
// clearance test as conditions, the mitigations its authority may demand,
// and its review timeline on the right working-day calendar with its day-1
// rule.
//
// Each preset is a plain constructor taking a pointer to an options struct,
// where nil (or a zero field) means the defaults, as for
// [log/slog.HandlerOptions]:
//
//	nsia, err := regimes.UKNSIA(&regimes.UKNSIAOptions{
//		Sector: regimes.ArtificialIntelligence,
//		Entity: "beacon-uk",
//	})
//	if err != nil { … }
//	first, last, err := nsia.Timeline().Window(filed)
//
// The gates are values: adjust one by changing a copy of its
// [regulator.Gate.Spec] and building it again with [regulator.NewGate].
//
// # Presets
//
// Sources are given in full in each constructor's documentation; the table
// names the main one.
//
//	Preset                     Regime and timeline                               Main source
//	CFIUSNotice                US DPA s.721 / FIRRMA: 10 WD acceptance, 45 +      home.treasury.gov (CFIUS overview),
//	                           45 (+15) + 15 days, from 2020-02-13                85 FR 3112
//	CFIUSDeclaration           US 31 CFR 800.401: 30 days; 25% critical tech      31 CFR 800.256 (lexbuild.dev)
//	HSR                        US Clayton Act 7A: 30 days (15 cash tender),       16 CFR 803.10 (laws9.com);
//	                           rolled; thresholds indexed 2025, 2026              jdsupra, mondaq, milbank
//	PAFACA                     US Public Law 118-50 Div. H: 270 + 90 days,        legalclarity.org; Division H text
//	                           20% foreign-adversary control, from 2024-04-24
//	IEEPAProhibition           US IEEPA order (EO 13942 pattern): dated,          sanctions.org
//	                           enjoinable prohibition (a deadline)
//	TechExportLicence          China technology export catalogue (2020-08-28):    steptoe, ccpit-patent.com.cn
//	                           30 WD + licence
//	SAMRMerger                 China Anti-Monopoly Law: 30 / 90 / +60 days,       globallegalinsights, chambers
//	                           stop-the-clock from 2022-08-01
//	ChinaSecurityReview        China FISR Measures (2021-01-18): 15 / 30 / 60     bakermckenzie, cla-ts.com
//	EUMR                       EU Reg. 139/2004: 25 (35) WD, 90 (125) WD          lexology, Reg. 802/2004 Art 7
//	EUFDIScreening             EU Reg. 2019/452 Art 7(6): 35 days                 fantasticsearch.net (Art 7)
//	UKNSIA                     UK NSI Act 2021 (2022-01-04): 30 WD; 30 + 45 WD    legislation.gov.uk s.23, s.26
//	CanadaICANationalSecurity  Canada ICA Part IV.1: 45 / 45 / 45 / 20 days       laws-lois.justice.gc.ca, SOR/2009-271
//	AustraliaFIRB              Australia FATA 1975: 30 days (+90 interim order)   firb.gov.au GN41, FATA s.77
//	NewZealandOIA              NZ Overseas Investment Act 2005: consent or NSPO   legislation.govt.nz, linz.govt.nz
//	GermanyAWV                 Germany AWG/AWV (2021-05-01): 2 M / 4 M;           willkie, blomstein
//	                           10 / 20 / 25% of votes
//	JapanFEFTA                 Japan FEFTA (2020-06-07): 30-day waiting period    withersworldwide, pinsentmasons
//
// [ForeignAdversaries] is the group of China, Russia, Iran and North Korea
// (10 U.S.C. 4872) that PAFACA and similar rules refer to.
//
// # Facts and assumptions
//
// The facts come from a research catalogue whose every row names the
// address it came from. Where no source confirmed a fact (the catalogue
// marks it UNCONFIRMED) a preset states its assumption in its documentation
// and exposes it as an option rather than baking it in: PAFACA's "at least"
// or "more than" 20%, CFIUS's control threshold, whether SAMR and China's
// security review count calendar or working days, the EU turnover
// thresholds, the UK day-1 rule, and others.
//
// Deal facts that vary by deal are read from the world: ownership and
// control from the register, amounts and yes/no facts from the deal's terms
// under the names of the Term constants ([TermValueUSD] and so on), and the
// thresholds in force from the world's as-of date where they changed over
// time ([HSRIndexedThresholds]).
//
// # Errors
//
// Options out of range (a threshold outside [0, 1], a filing date before the
// regime was in force or outside a calendar's data, a sector the regime does
// not know) are reported together, each an [*OptionError] naming the preset
// and the option and wrapping a sentinel such as [ErrThreshold],
// [ErrBeforeInForce] or [ErrUnknownSector].
package regimes
