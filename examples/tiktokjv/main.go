// Command tiktokjv rebuilds the last act of the TikTok affair with the
// dealscape library: the Protecting Americans from Foreign Adversary
// Controlled Applications Act (PAFACA) of 2024, the executive orders that
// suspended its enforcement until 23 January 2026, and TikTok USDS Joint
// Venture LLC, in which ByteDance kept 19.9% and licensed its
// recommendation algorithm. It prints which outcomes are possible, which are
// not, why, and by when.
//
// PAFACA's 20% ownership test is worded "at least 20%" in one source and
// "more than 20%" in another, and whether the 30.1% held by affiliates of
// ByteDance's existing investors counts as ByteDance's is disputed; flags
// choose the reading and vary ByteDance's stake, so the report shows which
// reading decides the joint venture.
//
// Every fact comes from the case dossier (facts/tiktok.md and
// facts/regulators.md of the project's shared sources), with its source
// address in a comment; where the dossier marks a fact unconfirmed or
// contradictory, the assumption made is stated in a comment and in the
// printed report.
//
// Usage:
//
//	tiktokjv [-asof YYYY-MM-DD] [-bytedance-stake 0.199] [-threshold at-least|more-than]
//	         [-affiliates-count-as-bytedance] [-json] [-dot FILE] [-mermaid FILE]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/examples/internal/report"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/dealscape/dealscape/regulator/regimes"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "tiktokjv:", err)
		os.Exit(1)
	}
}

// options are the inputs of the analysis.
type options struct {
	asOf time.Time
	// stake is ByteDance's share of the joint venture.
	stake decimal.Decimal
	// wording is how PAFACA's 20% test compares: parties.AtLeast or
	// parties.MoreThan.
	wording parties.Comparison
	// affiliates reports whether the 30.1% held by affiliates of existing
	// ByteDance investors counts as ByteDance's.
	affiliates bool
}

// run parses args, analyses the scenario and writes the report to stdout;
// usage and flag errors go to stderr.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tiktokjv", flag.ContinueOnError)
	fs.SetOutput(stderr)
	flags := report.AddFlags(fs, defaultAsOf, "evaluate the scenario as of this `date` (YYYY-MM-DD)")
	stake := fs.String("bytedance-stake", defaultStake, "ByteDance's `share` of the joint venture, as a fraction of 1; the other new investors hold what the named holdings leave")
	threshold := fs.String("threshold", "at-least", "PAFACA's 20% test: \"at-least\" or \"more-than\" (the statutory wording is contested)")
	affiliates := fs.Bool("affiliates-count-as-bytedance", false, "count the 30.1% held by affiliates of ByteDance's existing investors as ByteDance's")
	if err := report.Parse(fs, args); err != nil {
		return err
	}
	o := options{affiliates: *affiliates}
	var err error
	if o.asOf, err = flags.AsOf(); err != nil {
		return err
	}
	if o.stake, err = parseStake(*stake); err != nil {
		return err
	}
	switch *threshold {
	case "at-least":
		o.wording = parties.AtLeast
	case "more-than":
		o.wording = parties.MoreThan
	default:
		return fmt.Errorf("-threshold: %q is not \"at-least\" or \"more-than\"", *threshold)
	}
	sc, err := scenario(o)
	if err != nil {
		return err
	}
	x, err := extra(sc, o)
	if err != nil {
		return err
	}
	return flags.Analyze(stdout, sc, x)
}

// Defaults: the day the binding agreements were signed (memo of 2025-12-18,
// https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796)
// and ByteDance's 19.9% (same source).
const (
	defaultAsOf  = "2025-12-18"
	defaultStake = "0.199"
)

// The joint venture's holdings other than ByteDance's and the other new
// investors': Oracle, Silver Lake and MGX 15% each, affiliates of existing
// ByteDance investors 30.1%.
// https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796 (Variety) ;
// https://www.macrumors.com/2026/01/23/tiktok-avoids-us-ban-deal-officially-closes/
var (
	managingStake   = dec("0.15")
	affiliatesStake = dec("0.301")
	namedStakes     = managingStake.Mul(decimal.NewFromInt(3)).Add(affiliatesStake) // 75.1%
	// unnamedStakes is what the named holdings leave to ByteDance and the
	// other new investors together: 24.9%.
	unnamedStakes = decimal.NewFromInt(1).Sub(namedStakes)
)

// othersStake returns the other new investors' share of the joint venture
// where ByteDance holds stake: what the named holdings and ByteDance's leave.
func othersStake(stake decimal.Decimal) decimal.Decimal { return unnamedStakes.Sub(stake) }

// parseStake parses ByteDance's stake exactly, as a decimal fraction that
// leaves the other new investors a share of at least zero.
func parseStake(s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil || strings.ContainsAny(s, "eE") {
		return decimal.Decimal{}, fmt.Errorf("-bytedance-stake: %q is not a decimal fraction such as 0.199", s)
	}
	if d.Sign() < 0 || d.GreaterThan(unnamedStakes) {
		return decimal.Decimal{}, fmt.Errorf("-bytedance-stake: %s is outside [0, %s]: the joint venture's other holdings already add up to %s",
			d, unnamedStakes, parties.Exact(namedStakes))
	}
	return d, nil
}

// The IDs the report and its JSON use.
const (
	jvDeal = "usds-joint-venture"
	usBan  = "us-ban"

	gatePAFACA  = "us-pafaca"
	gateLicence = "cn-tech-export-licence"

	// deadlineEnforcement is the day the PAFACA prohibitions may be
	// enforced: their statutory date, or the end of the last
	// non-enforcement order.
	deadlineEnforcement = "pafaca-enforcement"

	jv = parties.ID("tiktok-usds-jv")
)

// Deal terms the gates read.
const (
	termAlgorithmLicensed = "algorithm-licensed-from-bytedance" // yes/no
	termRetrained         = "algorithm-retrained-on-us-data"    // yes/no
	termSecurityPartner   = "security-partner"                  // text: the party that oversees the algorithm
	termDataCustodian     = "data-custodian"                    // text: the party whose cloud holds US user data
	termByteDanceStake    = "bytedance-stake"                   // number: ByteDance's share

	// termExports lists the items of China's export-control catalogue the
	// deal takes out of China; 056101X covers the recommendation algorithm.
	termExports   = regimes.TermTechnologyExports
	itemAlgorithm = "056101X"
)

var (
	us = parties.MustJurisdiction("US")
	cn = parties.MustJurisdiction("CN")
	ky = parties.MustJurisdiction("KY")
	ae = parties.MustJurisdiction("AE")

	// foreignAdversaries are the countries of 10 U.S.C. 4872(d)(2), which
	// PAFACA adopts: China, Russia, Iran and North Korea.
	// https://legalclarity.org/key-provisions-of-the-foreign-adversary-controlled-applications-act
	foreignAdversaries = regimes.ForeignAdversaries()

	// faPersons are the parties domiciled, headquartered or organised in a
	// foreign-adversary country.
	faPersons = parties.InGroup(foreignAdversaries, parties.Either).WithName("foreign-adversary persons")

	usParties = parties.In(us, parties.Seat).WithName("US parties")
)

// holders returns the parties PAFACA's 20% test counts: the
// foreign-adversary persons, and with affiliates the existing investors'
// affiliates too.
func holders(affiliates bool) parties.Predicate {
	if !affiliates {
		return faPersons
	}
	return parties.AnyOf(faPersons, parties.IDs("investor-affiliates")).
		WithName("foreign-adversary persons together with the existing investors' affiliates (counted as ByteDance's)")
}

// byteDance returns ByteDance and its affiliates, the group the President's
// determination of 2025-09-25 found to hold less than 20%; under the
// contested reading the existing investors' affiliates are among them.
func byteDance(affiliates bool) parties.Predicate {
	if !affiliates {
		return parties.IDs("bytedance").WithName("ByteDance and its affiliates")
	}
	return parties.IDs("bytedance", "investor-affiliates").
		WithName("ByteDance and its affiliates, the existing investors' affiliates among them")
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func src(url string) parties.Source { return parties.Source{URL: url, Confidence: parties.Reported} }

func assumed(url, note string) parties.Source {
	return parties.Source{URL: url, Confidence: parties.Unconfirmed, Note: note}
}

// register returns the world before the joint venture.
func register() (*parties.Register, error) {
	return parties.New([]parties.Party{
		// Cayman Islands exempted company, headquartered in Beijing.
		// https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197 ;
		// https://wiki.gravy.cc/wiki/ByteDance
		{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn,
			Source: src("https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197")},
		// Oracle: Delaware; Redwood City (FY2020 10-K), Austin by 2021.
		// https://bulletin.webull.com/20210324/159163/8defc7c8d7812b33de84e0f4698fc7d1/18694
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us,
			Source: src("https://bulletin.webull.com/20210324/159163/8defc7c8d7812b33de84e0f4698fc7d1/18694")},
		// Silver Lake: US private equity; incorporation and headquarters
		// UNCONFIRMED. https://gazetaportal.com.br/?p=7008
		{ID: "silver-lake", Name: "Silver Lake", Kind: parties.Fund, Headquarters: us,
			Source: assumed("https://gazetaportal.com.br/?p=7008", "US; incorporation and headquarters unconfirmed")},
		// MGX: state-owned AI investment firm of Abu Dhabi (Mubadala, G42);
		// legal form UNCONFIRMED.
		// https://www.hindustantimes.com/world-news/us-news/who-owns-tiktok-now-explaining-oracle-silver-lake-and-mgx-partnership-and-trumps-order-101758832364188.html
		{ID: "mgx", Name: "MGX", Kind: parties.Fund, Jurisdiction: ae, Headquarters: ae, Tags: []string{"state-owned"},
			Source: src("https://www.hindustantimes.com/world-news/us-news/who-owns-tiktok-now-explaining-oracle-silver-lake-and-mgx-partnership-and-trumps-order-101758832364188.html")},
		// Other new investors (Dell Family Office, Alpha Wave Partners,
		// Revolution, Merritt Way, Virgo LI, NJJ Capital): about 5%,
		// per-holder split and countries UNCONFIRMED.
		// https://mantic.vercel.app/CalebW/which-company-will-buy-tiktok-resol ;
		// https://themoneyunlock.com/tiktok-14-billion-us-deal-oracle-bytedance-december-2025
		{ID: "other-new-investors", Name: "other new investors (Dell Family Office and others)", Kind: parties.Consortium,
			Source: assumed("https://mantic.vercel.app/CalebW/which-company-will-buy-tiktok-resol", "per-holder split and countries unconfirmed")},
		// "Affiliates of certain existing investors of ByteDance": Vastmere
		// Strategic Investments LLC (SIG) and Via Nova (General Atlantic);
		// per-holder split and countries UNCONFIRMED.
		// https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796
		{ID: "investor-affiliates", Name: "affiliates of existing ByteDance investors (Vastmere/SIG, Via Nova/General Atlantic)", Kind: parties.Consortium,
			Source: assumed("https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796", "per-holder split and countries unconfirmed")},
		{ID: "us-government", Name: "United States government", Kind: parties.State, Jurisdiction: us, Headquarters: us},
		{ID: "cn-government", Name: "Government of the People's Republic of China", Kind: parties.State, Jurisdiction: cn, Headquarters: cn},
	}, nil)
}

// gates returns the approval requirements.
func gates(o options) ([]regulator.Gate, error) {
	// Oracle is the "Trusted Security Partner": US data in its US cloud;
	// the joint venture retrains, tests and updates the licensed algorithm
	// on US data under its oversight.
	// https://www.idxchannel.com/technology/adam-presser-ditunjuk-jadi-ceo-perusahaan-patungan-tiktok-as/2 ;
	// https://www.macrumors.com/2026/01/23/tiktok-avoids-us-ban-deal-officially-closes/
	oversight := regulator.Mitigation{
		ID:   "us-retraining-under-oracle",
		Name: "the licensed algorithm is retrained on US data under the oversight of a US security partner",
		Available: regulator.And(
			regulator.TermIs(termRetrained, regulator.Bool(true)),
			regulator.TermParty(termSecurityPartner, usParties),
		),
	}
	// "Controlled by a foreign adversary": domiciled, headquartered or
	// organised in a foreign-adversary country, or foreign-adversary
	// persons hold "at least 20%" (LegalClarity) or "more than 20%"
	// (Variety) directly or indirectly. A qualified divestiture leaves the
	// application no longer so controlled.
	// https://legalclarity.org/key-provisions-of-the-foreign-adversary-controlled-applications-act ;
	// https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796
	below := parties.Threshold{Op: parties.LessThan, Value: dec("0.2")}
	reading := "\"at least 20%\" reading"
	if o.wording == parties.MoreThan {
		below = parties.Threshold{Op: parties.AtMost, Value: dec("0.2")}
		reading = "\"more than 20%\" reading"
	}
	notControlled := regulator.Named("no longer controlled by a foreign adversary ("+reading+")", regulator.And(
		regulator.PartyIs("", parties.Not(faPersons).WithName("parties outside the foreign-adversary countries")),
		regulator.Owned(regulator.OwnershipRule{Holders: holders(o.affiliates), Method: parties.Proportional(), Threshold: below}),
	))
	// The divestiture must preclude "any operational relationship",
	// "including any cooperation with respect to the operation of a
	// content recommendation algorithm". The executive determination of
	// 2025-09-25 accepted a licence of ByteDance's algorithm retrained on US
	// data under Oracle's oversight; critics dispute that this complies.
	noRelationship := regulator.Named("no operational relationship on the recommendation algorithm", regulator.Or(
		regulator.Not(regulator.TermIs(termAlgorithmLicensed, regulator.Bool(true))),
		regulator.Requires(oversight),
	))
	// The President determined on 2025-09-25, after a Vice President-led
	// interagency process, that the framework agreement is a qualified
	// divestiture, finding among its safeguards that ByteDance and its
	// affiliates hold less than 20%. The determination covers a joint
	// venture whose figures meet that finding; for any other (or before
	// it) a determination is at the President's discretion.
	// https://www.channelnewsasia.com/world/trump-signs-order-declaring-tiktok-sale-plan-meets-us-requirements-5370216 ;
	// https://tengele.com/search?q=National+security
	determination := regulator.Named("the President's qualified-divestiture determination", regulator.Or(
		regulator.Named("the determination of "+determined.Format(time.DateOnly)+", which rested on ByteDance and its affiliates holding less than 20%",
			regulator.And(
				regulator.OnOrAfter(determined),
				regulator.Owned(regulator.OwnershipRule{Holders: byteDance(o.affiliates), Method: parties.Proportional(),
					Threshold: parties.Threshold{Op: parties.LessThan, Value: dec("0.2")}}),
			)),
		regulator.Discretion("qualified-divestiture-determination", "whether the President determines, through the interagency process, that this divestiture is qualified"),
	))
	pafaca, err := regulator.NewGate(regulator.GateSpec{
		ID:   gatePAFACA,
		Name: "PAFACA qualified divestiture",
		Regulator: regulator.Regulator{ID: "us-president", Name: "the President, through an interagency process",
			Jurisdiction: us},
		// Pub. L. 118-50, Division H, signed 2024-04-24.
		// https://www.thompsonhinesmartrade.com/2024/04/president-biden-signs-law-that-includes-provisions-to-ban-tiktok-from-the-united-states/
		Basis: regulator.LegalBasis{
			Instrument: "Protecting Americans from Foreign Adversary Controlled Applications Act (Pub. L. 118-50, Division H)",
			Section:    "qualified divestiture",
			URL:        "https://www.thompsonhinesmartrade.com/2024/04/president-biden-signs-law-that-includes-provisions-to-ban-tiktok-from-the-united-states/",
		},
		InForce:       regulator.Window{From: date("2024-04-24")},
		Trigger:       regulator.Const(parties.Holds, "TikTok, ByteDance and their subsidiaries and successors are named in the Act"),
		Clearance:     regulator.And(notControlled, noRelationship, determination),
		Mitigations:   []regulator.Mitigation{oversight},
		Discretionary: true,
		Source:        "https://legalclarity.org/key-provisions-of-the-foreign-adversary-controlled-applications-act ; https://www.channelnewsasia.com/world/trump-signs-order-declaring-tiktok-sale-plan-meets-us-requirements-5370216",
	})
	if err != nil {
		return nil, err
	}

	// Licensing the algorithm abroad is a technology export that needs
	// MOFCOM's approval (MOFCOM, 2025-04-09; in Madrid on 2025-09-15 it said
	// it would review applications according to law). A White House
	// official said China signed off; no Chinese statement or licence was
	// found (UNCONFIRMED), so the decision is left open.
	// https://www.pymnts.com/cpi-posts/china-reaffirms-legal-conditions-for-tiktok-deal-amid-us-deadline-extension/ ;
	// https://gmteight.com/content/detail/309579 ;
	// https://www.macrumors.com/2026/01/23/tiktok-avoids-us-ban-deal-officially-closes/
	// The preset leaves the licence to MOFCOM's discretion; its timeline is
	// a decision within 30 working days, then the licence within 15 days
	// (working days in the preset; the day unit is UNCONFIRMED).
	// https://www.ccpit-patent.com.cn/node/1286/1289 ;
	// https://chinaeconomicreview.com/import-or-export-contract-licence-to-import-restricted-goods/
	preset, err := regimes.TechExportLicence(&regimes.TechExportOptions{Filed: agreed})
	if err != nil {
		return nil, err
	}
	spec := preset.Spec()
	spec.ID = gateLicence
	spec.Basis.Section = licenceSection
	licence, err := regulator.NewGate(spec)
	if err != nil {
		return nil, err
	}
	return []regulator.Gate{pafaca, licence}, nil
}

// licenceSection cites the articles on the letter of intent and the
// licence with the caveat the sources put on their numbering.
// https://www.ccpit-patent.com.cn/node/1286/1289
const licenceSection = "Articles 35–36 (2002 numbering; the numbering after the 2011 and 2019 revisions is unconfirmed)"

// nonEnforcement is an executive order telling the Attorney General not to
// enforce PAFACA until a date.
type nonEnforcement struct {
	// order names the order briefly; instrument cites it.
	order, instrument string
	signed, until     time.Time
}

// days returns the length of the order's window, from signature to its end.
func (n nonEnforcement) days() int { return int(n.until.Sub(n.signed).Hours() / 24) }

// The non-enforcement orders. They are enforcement discretion, not the
// Act's one-time extension (Volokh/Reason). The number of the order of
// 2025-09-25 is UNCONFIRMED, and its end is "about 2026-01-23" (120 days;
// PolicyDistrict, NZ Herald, CNN; one source says 20 January): 2026-01-23
// is taken.
// https://www.coinlive.com/news/trump-s-executive-order-ensuring-tiktok-s-us-operations-while-taking-national ;
// https://reason.com/volokh/2025/01/20/executive-order-apparently-promises-no-enforcement-of-tiktok-ban-for-75-days/ ;
// https://www.nzherald.co.nz/business/tiktok-says-us-spinoff-is-finalised/2MXNWPYMJ5EQNGEZ4R5PPM2DBU ;
// https://www.abcdstable.com/news/detail/12560605164734
var nonEnforcementOrders = []nonEnforcement{
	{"EO 14166", "Executive Order 14166", date("2025-01-20"), date("2025-04-05")},
	{"EO 14258", "Executive Order 14258", date("2025-04-04"), date("2025-06-19")},
	{"EO 14310", "Executive Order 14310", date("2025-06-19"), date("2025-09-17")},
	{"EO 14350", "Executive Order 14350", date("2025-09-16"), date("2025-12-16")},
	{"the order of 2025-09-25", "Executive order of 2025-09-25, \"Saving TikTok While Protecting National Security\" (number unconfirmed)", date("2025-09-25"), date("2026-01-23")},
}

// ordersBy returns the non-enforcement orders signed by asOf.
func ordersBy(asOf time.Time) []nonEnforcement {
	var signed []nonEnforcement
	for _, n := range nonEnforcementOrders {
		if !n.signed.After(asOf) {
			signed = append(signed, n)
		}
	}
	return signed
}

// Dates of the Act, from the CRS summary of H.R. 815 and the reports of
// the day: signed 2024-04-24; the prohibitions take effect 270 days later,
// 2025-01-19; the President may extend that date once by up to 90 days,
// certifying to Congress a path to a qualified divestiture, significant
// progress and binding agreements (not used); the Supreme Court upheld the
// Act on 2025-01-17.
// https://www.thompsonhinesmartrade.com/2024/04/president-biden-signs-law-that-includes-provisions-to-ban-tiktok-from-the-united-states/ ;
// https://kstp.com/associated-press/ap-science-technology/tiktok-says-its-restoring-service-to-us-users-based-on-trumps-promised-executive-order/ ;
// https://dorsey.com/newsresources/publications/client-alerts/2025/1/supreme-court-update-jan-17
var (
	enacted         = date("2024-04-24")
	prohibitionDate = date("2025-01-19")
	upheld          = date("2025-01-17")
)

// threats returns the day enforcement of the PAFACA prohibitions may begin,
// as known on asOf: the statutory date while no non-enforcement order has
// been signed, then the end of the last order's window.
func threats(asOf time.Time) ([]deal.Threat, error) {
	// The preset gives the statutory date, 270 days after enactment
	// (2025-01-19), its basis and the one-time extension of up to 90 days.
	rules, err := regimes.PAFACA(nil)
	if err != nil {
		return nil, err
	}
	spec := rules.Prohibition.Spec()
	if !spec.Date.Equal(prohibitionDate) {
		return nil, fmt.Errorf("the PAFACA preset dates the prohibition %s, the sources %s",
			spec.Date.Format(time.DateOnly), prohibitionDate.Format(time.DateOnly))
	}
	spec.ID = deadlineEnforcement
	orders := ordersBy(asOf)
	if len(orders) == 0 {
		// Before any order the one-time statutory extension of up to 90
		// days, on the President's certification to Congress, stays
		// possible; until the Supreme Court upheld the Act (2025-01-17) a
		// court could still stop the prohibition.
		// https://stoptheccp.org/is-tiktok-running-out-of-time-or-has-it-already-run-out-of-time ;
		// https://dorsey.com/newsresources/publications/client-alerts/2025/1/supreme-court-update-jan-17
		spec.Name = "PAFACA prohibition"
		spec.Consequence = "distributing, maintaining or updating TikTok in the US through app stores or internet hosting becomes unlawful and may be enforced"
		spec.Enjoinable = asOf.Before(upheld)
	} else {
		// The prohibitions have applied since 2025-01-19 and the statutory
		// extension was not used; what the as-of date leaves open is when
		// the Attorney General may enforce them: at the end of the last
		// order's window, unless the President orders a further window, as
		// he did after each before it. Its length is taken as at most the
		// longest window ordered so far. No court can stop the Act after
		// the Supreme Court upheld it.
		last, longest := orders[len(orders)-1], 0
		for _, n := range orders {
			longest = max(longest, n.days())
		}
		by := fmt.Sprintf("the President, by a further non-enforcement order (%d since %s)", len(orders), orders[0].signed.Format(time.DateOnly))
		spec.Name = "end of PAFACA non-enforcement (" + last.order + ")"
		spec.Basis = regulator.LegalBasis{
			Instrument: last.instrument,
			Section:    fmt.Sprintf("non-enforcement for %d days; PAFACA (Public Law 118-50, Division H), section 2(a)", last.days()),
			URL:        "https://www.coinlive.com/news/trump-s-executive-order-ensuring-tiktok-s-us-operations-while-taking-national",
		}
		spec.Date = last.until
		spec.Consequence = "the Attorney General may enforce the PAFACA prohibitions, in force since " + prohibitionDate.Format(time.DateOnly) +
			" (distributing, maintaining or updating TikTok in the US through app stores or internet hosting is unlawful), unless the President puts enforcement off again by a further order" +
			fmt.Sprintf(" (%d non-enforcement orders since %s)", len(orders), orders[0].signed.Format(time.DateOnly))
		spec.Extension = regulator.Extension{Up: calendar.Days(longest), By: by}
		spec.Enjoinable = false
		spec.Source = "https://www.coinlive.com/news/trump-s-executive-order-ensuring-tiktok-s-us-operations-while-taking-national ; " +
			"https://reason.com/volokh/2025/01/20/executive-order-apparently-promises-no-enforcement-of-tiktok-ban-for-75-days/ ; " +
			"https://www.nzherald.co.nz/business/tiktok-says-us-spinoff-is-finalised/2MXNWPYMJ5EQNGEZ4R5PPM2DBU"
	}
	d, err := regulator.NewDeadline(spec)
	if err != nil {
		return nil, err
	}
	return []deal.Threat{{Deadline: d, Outcome: usBan}}, nil
}

// determined is the day of the President's qualified-divestiture
// determination (EO "Saving TikTok While Protecting National Security",
// number UNCONFIRMED).
// https://www.channelnewsasia.com/world/trump-signs-order-declaring-tiktok-sale-plan-meets-us-requirements-5370216
var determined = date("2025-09-25")

// agreed is the day the binding agreements were signed (memo of
// 2025-12-18, closing scheduled for 2026-01-22).
// https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796
var agreed = date("2025-12-18")

// framework is the day the US and China announced in Madrid a framework
// for a TikTok deal whose "commercial terms have been agreed" (Bessent).
// https://www.wam.ae/en/article/blpz2pf-us-china-reach-framework-agreement-for-tiktok
var framework = date("2025-09-15")

// positions returns what the parties whose consent the joint venture needs
// accept: open until the Madrid framework, open on its agreed commercial
// terms until the binding agreements, and given from their signing. The
// positions do not depend on -bytedance-stake: the parties signed at 19.9%.
func positions() []deal.Position {
	const (
		madrid = "https://www.wam.ae/en/article/blpz2pf-us-china-reach-framework-agreement-for-tiktok"
		memo   = "https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796"
	)
	var ps []deal.Position
	for _, id := range []parties.ID{"bytedance", "oracle", "silver-lake", "mgx"} {
		ps = append(ps,
			deal.Position{Party: id, Until: framework, Source: madrid,
				Accepts: regulator.Const(parties.Open, "no agreement on a joint venture had been announced (the Madrid framework came on "+framework.Format(time.DateOnly)+")")},
			deal.Position{Party: id, From: framework, Until: agreed, Source: madrid,
				Accepts: regulator.Const(parties.Open, "the Madrid framework of "+framework.Format(time.DateOnly)+" said the commercial terms were agreed; no binding agreement was signed yet")},
			deal.Position{Party: id, From: agreed, Source: memo,
				Accepts: regulator.Const(parties.Holds, "signed the binding agreements of "+agreed.Format(time.DateOnly)+" forming TikTok USDS Joint Venture LLC")},
		)
	}
	return ps
}

// percent formats a fraction of 1 as an exact percentage, as "19.9%".
func percent(d decimal.Decimal) string { return parties.Exact(d).String() }

// holdings describes the joint venture's holdings with ByteDance holding
// stake and the other new investors what the named holdings leave.
func holdings(stake decimal.Decimal) string {
	others := othersStake(stake)
	return "Oracle, Silver Lake and MGX " + percent(managingStake) + " each, other new investors " + percent(others) +
		", affiliates of existing ByteDance investors " + percent(affiliatesStake) + ", ByteDance " + percent(stake)
}

// proposal returns the joint venture with ByteDance holding o.stake; the
// other new investors hold what the named holdings leave ("about 5%").
func proposal(o options) deal.Proposal {
	others := othersStake(o.stake)
	return deal.Proposal{
		ID:        jvDeal,
		Name:      "TikTok USDS Joint Venture LLC: " + holdings(o.stake),
		Target:    jv,
		Acquirers: []parties.ID{"oracle", "silver-lake", "mgx", "other-new-investors", "investor-affiliates"},
		Moves: []deal.Move{deal.Form{
			// A US LLC; state of formation and headquarters UNCONFIRMED.
			// https://www.macrumors.com/2026/01/23/tiktok-avoids-us-ban-deal-officially-closes/
			Party: parties.Party{ID: jv, Name: "TikTok USDS Joint Venture LLC", Jurisdiction: us, Headquarters: us,
				Source: assumed("https://www.macrumors.com/2026/01/23/tiktok-avoids-us-ban-deal-officially-closes/", "US LLC; state of formation and headquarters unconfirmed")},
			Holders: []deal.Allocation{
				{Holder: "oracle", Amount: deal.Fixed(managingStake)},
				{Holder: "silver-lake", Amount: deal.Fixed(managingStake)},
				{Holder: "mgx", Amount: deal.Fixed(managingStake)},
				{Holder: "other-new-investors", Amount: deal.Fixed(others)},
				{Holder: "investor-affiliates", Amount: deal.Fixed(affiliatesStake)},
				{Holder: "bytedance", Amount: deal.FromTerm(termByteDanceStake)},
			},
		}},
		Terms: map[string]regulator.Value{
			termByteDanceStake:    regulator.Number(o.stake),
			termAlgorithmLicensed: regulator.Bool(true),
			termExports:           regulator.Set(itemAlgorithm),
			termRetrained:         regulator.Bool(true),
			termSecurityPartner:   regulator.Text("oracle"),
			termDataCustodian:     regulator.Text("oracle"),
		},
		Consents: []parties.ID{"bytedance", "oracle", "silver-lake", "mgx"},
		// The filing date of the MOFCOM application is not known: review
		// clocks are taken to start when the agreements were signed.
		Filed: agreed,
	}
}

// scenario builds the scenario for o.
func scenario(o options) (*deal.Scenario, error) {
	reg, err := register()
	if err != nil {
		return nil, err
	}
	gs, err := gates(o)
	if err != nil {
		return nil, err
	}
	ts, err := threats(o.asOf)
	if err != nil {
		return nil, err
	}
	return deal.New(deal.Spec{
		Name:      "tiktok-usds-joint-venture",
		Register:  reg,
		Gates:     gs,
		Threats:   ts,
		Positions: positions(),
		Proposals: []deal.Proposal{proposal(o)},
		AsOf:      o.asOf,
	})
}

// extra returns what the report shows beside the engine's result.
func extra(sc *deal.Scenario, o options) (report.Extra, error) {
	x := report.Extra{
		Title: "TikTok USDS Joint Venture under PAFACA: which outcomes remain possible",
		Params: []report.Param{
			{Name: "asof", Value: o.asOf.Format(time.DateOnly)},
			{Name: "bytedance-stake", Value: o.stake.String()},
			{Name: "threshold", Value: o.wording.String()},
			{Name: "affiliates-count-as-bytedance", Value: fmt.Sprint(o.affiliates)},
		},
		Outcomes: map[string]string{
			jvDeal:         "TikTok USDS Joint Venture LLC closes as a qualified divestiture (" + holdings(o.stake) + "); ByteDance licenses its algorithm to the joint venture, which retrains it on US data under Oracle's oversight.",
			usBan:          "No qualified divestiture closes before the Attorney General may enforce the PAFACA prohibitions.",
			deal.StatusQuo: "No deal closes and the prohibitions are never enforced.",
		},
		Facts: facts(o.asOf),
	}
	post, _, err := sc.PostDeal(jvDeal, nil)
	if err != nil {
		return x, err
	}
	for _, f := range []struct {
		label      string
		affiliates bool
	}{
		{"Foreign-adversary share of the joint venture, directly or indirectly", false},
		{"The same, counting the existing investors' affiliates as ByteDance's", true},
	} {
		own, err := post.OwnedBy(jv, holders(f.affiliates), parties.Proportional())
		if err != nil {
			return x, err
		}
		label := f.label
		if f.affiliates == o.affiliates {
			label += " (the reading the gate uses)"
		}
		x.Figures = append(x.Figures, report.Figure{Label: label, Proposal: jvDeal, Ownership: own})
	}
	x.Assumptions = assumptions(o)
	return x, nil
}

// fact is a dated fact of the case.
type fact struct {
	on   time.Time
	text string
}

// facts returns the dated facts known by asOf, in date order.
func facts(asOf time.Time) []string {
	fs := []fact{
		// https://www.thompsonhinesmartrade.com/2024/04/president-biden-signs-law-that-includes-provisions-to-ban-tiktok-from-the-united-states/
		{enacted, "PAFACA (Public Law 118-50, Division H) is signed. Its prohibitions take effect 270 days later, on " + prohibitionDate.Format(time.DateOnly) +
			"; the President may extend that date once, by up to 90 days, certifying to Congress a path to a qualified divestiture, significant progress and binding agreements."},
		// https://dorsey.com/newsresources/publications/client-alerts/2025/1/supreme-court-update-jan-17
		{upheld, "The Supreme Court upholds the Act (TikTok, Inc. v. Garland)."},
		// https://kstp.com/associated-press/ap-science-technology/tiktok-says-its-restoring-service-to-us-users-based-on-trumps-promised-executive-order/ ;
		// https://reason.com/volokh/2025/01/20/executive-order-apparently-promises-no-enforcement-of-tiktok-ban-for-75-days/
		{prohibitionDate, "The prohibitions take effect; the one-time statutory extension was not used."},
	}
	for _, n := range nonEnforcementOrders {
		// https://www.coinlive.com/news/trump-s-executive-order-ensuring-tiktok-s-us-operations-while-taking-national
		fs = append(fs, fact{n.signed, fmt.Sprintf("%s tells the Attorney General not to enforce the Act until %s (%d days); this is enforcement discretion, not the statutory extension.",
			upperFirst(n.order), n.until.Format(time.DateOnly), n.days())})
	}
	fs = append(fs,
		// https://www.wam.ae/en/article/blpz2pf-us-china-reach-framework-agreement-for-tiktok ;
		// https://gmteight.com/content/detail/309579
		fact{framework, "In Madrid the US and China announce a framework for a TikTok deal; MOFCOM says it will review technology-export applications according to law."},
		// https://www.channelnewsasia.com/world/trump-signs-order-declaring-tiktok-sale-plan-meets-us-requirements-5370216 ;
		// https://tengele.com/search?q=National+security
		fact{determined, "The President determines that the framework agreement is a qualified divestiture: among its safeguards, a US-based joint venture majority owned and controlled by US persons, ByteDance and its affiliates holding less than 20%, " +
			"and the licensed recommendation models retrained on US data."},
		// https://1375.topnews.com/en/?article=745453130231505815-4bde96d8310524360c&thread=121801343104400796
		fact{agreed, "Binding agreements with Oracle, Silver Lake and MGX form TikTok USDS Joint Venture LLC: ByteDance 19.9%; closing is scheduled for 2026-01-22."},
	)
	slices.SortStableFunc(fs, func(a, b fact) int { return a.on.Compare(b.on) })
	var out []string
	for _, f := range fs {
		if !f.on.After(asOf) {
			out = append(out, f.on.Format(time.DateOnly)+": "+f.text)
		}
	}
	return out
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// assumptions lists what the program assumes where the dossier is silent,
// unconfirmed or contradictory.
func assumptions(o options) []string {
	others := othersStake(o.stake)
	as := []string{
		"PAFACA's 20% test is worded \"at least 20%\" by one source and \"more than 20%\" by another; the statutory text was not retrieved. This run reads it as \"" + strings.ReplaceAll(o.wording.String(), "-", " ") + " 20%\" (-threshold).",
		"The 30.1% is held by \"affiliates of certain existing investors of ByteDance\" (the official memo); some outlets call them ByteDance affiliates. " +
			"By default they do not count as ByteDance's, as the government treated them (-affiliates-count-as-bytedance).",
		"ByteDance holds " + percent(o.stake) + " in this run (-bytedance-stake; 19.9% as signed), and the other new investors, reported at \"about 5%\", hold what the named holdings leave: " + percent(others) + ".",
		"The countries of the other new investors and of the affiliates are not given; they are not counted as foreign-adversary persons unless the affiliates flag says so. " +
			"Whether the joint venture is majority US-owned cannot be computed for the same reason and is not tested.",
		"The joint venture is a US LLC whose state of formation and headquarters are unconfirmed; it is taken as a US party. Silver Lake is taken as a US party (a US private-equity firm whose incorporation and headquarters are unconfirmed). MGX's legal form is unconfirmed.",
		"The Act bars \"any cooperation with respect to the operation of a content recommendation algorithm\"; the executive determination of 2025-09-25 accepted a licence of ByteDance's algorithm retrained on US data under Oracle's oversight, which critics dispute. " +
			"The example follows the determination, as a mitigation.",
		"The President's determination of 2025-09-25 is taken to cover a joint venture only where its figures meet the finding it rested on, ByteDance and its affiliates holding less than 20%; for other figures, or before it, a determination is left to his discretion. " +
			"The order's number is unconfirmed.",
		"Enforcement: the prohibitions have applied since 2025-01-19 (the one-time statutory extension of up to 90 days was not used); executive non-enforcement orders, which are discretion rather than the statutory extension, put off enforcement. " +
			"The deadline is the end of the last order signed by the as-of date (2026-01-23 for the order of 2025-09-25, 120 days, whose number is unconfirmed; one source says 20 January). " +
			"A further order is possible, as each earlier one was followed by another; its length is taken as at most the longest window ordered so far. Non-enforcement without end is not modelled, and no court can stop enforcement after the Supreme Court upheld the Act.",
		"A White House official said China signed off; no Chinese statement or MOFCOM licence was found, so MOFCOM's approval is left to its discretion. Its clock is taken to start on 2025-12-18, when the binding agreements were signed. " +
			"The Regulations on Administration of Technology Import and Export are cited by their articles in the 2002 numbering; the numbering after the 2011 and 2019 revisions is unconfirmed, as is whether the licence's 15 days are working days.",
		"The parties' positions do not depend on -bytedance-stake: they signed at 19.9%, and the run asks whether the same deal at another figure would pass.",
		"No likelihoods are given, so the report says what is possible and by when, not how probable it is.",
	}
	if o.asOf.Before(agreed) {
		as = append(as, "The as-of date precedes the binding agreements of 2025-12-18; the analysis asks whether their terms would have passed.")
	}
	return as
}
