// Command tiktok rebuilds the TikTok affair of September 2020 with the
// dealscape library and prints which outcomes are possible, which are not,
// why, and by when.
//
// As of 14 September 2020 (Der Standard / Reuters of that day, the default
// date) ByteDance had refused to sell TikTok's algorithm and source code,
// China had put recommendation algorithms under an export licence, and
// Oracle had taken Microsoft's place with a plan for a US-headquartered
// TikTok Global, while the EO 13942 prohibitions (from 20 September) and the
// divestiture deadline of the section 721 order (12 November) drew near.
//
// Every fact comes from the case dossier (facts/tiktok.md and
// facts/regulators.md of the project's shared sources); each carries its
// source address in a comment. Where the dossier marks a fact unconfirmed or
// reports it in contradictory ways, the program states the assumption it
// makes in a comment and in the printed report.
//
// Usage:
//
//	tiktok [-asof YYYY-MM-DD] [-json] [-dot FILE] [-mermaid FILE]
//
// The report lists the outcomes microsoft-walmart-acquisition,
// oracle-walmart-tiktok-global, us-ban and status-quo, the US share of
// TikTok Global counted directly and looking through, and the assumptions.
// With -json it prints one JSON object instead. -dot and -mermaid also write
// the ownership graphs (and, in Mermaid, each outcome's timeline) to files.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
		fmt.Fprintln(os.Stderr, "tiktok:", err)
		os.Exit(1)
	}
}

// run parses args, analyses the scenario and writes the report to stdout;
// usage and flag errors go to stderr.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tiktok", flag.ContinueOnError)
	fs.SetOutput(stderr)
	flags := report.AddFlags(fs, defaultAsOf, "evaluate the scenario as of this `date` (YYYY-MM-DD)")
	if err := report.Parse(fs, args); err != nil {
		return err
	}
	d, err := flags.AsOf()
	if err != nil {
		return err
	}
	sc, err := scenario(d)
	if err != nil {
		return err
	}
	x, err := extra(sc, d)
	if err != nil {
		return err
	}
	return flags.Analyze(stdout, sc, x)
}

// defaultAsOf is the date of the founding article (Der Standard / Reuters,
// 2020-09-14).
const defaultAsOf = "2020-09-14"

// The IDs the report and its JSON use.
const (
	microsoftDeal = "microsoft-walmart-acquisition"
	oracleDeal    = "oracle-walmart-tiktok-global"
	usBan         = "us-ban"

	gateCFIUS   = "us-cfius"
	gateLicence = "cn-tech-export-licence"
	gateCanada  = "ca-ica-national-security"
	gateAus     = "au-fata"
	gateNZ      = "nz-oia-national-security"

	deadlineEO          = "eo-13942"
	deadlineDivestiture = "cfius-divestiture-order"
)

// Deal terms the gates and positions read.
const (
	termMarkets        = "markets"               // set: the countries whose TikTok business changes hands
	termAlgorithm      = "algorithm-transferred" // yes/no: the recommendation algorithm is transferred
	termSourceCode     = "source-code-transferred"
	termDataCustodian  = "data-custodian" // text: the trusted third party that holds US user data for the business
	termBoardSeats     = "board-seats"
	termUSDirectors    = "us-directors"
	termHeadquarters   = "headquarters"
	termCodeInspection = "source-code-inspection" // yes/no: the custodian may inspect the source code

	// termExports lists the items of China's export-control catalogue the
	// deal takes out of China; 056101X covers the recommendation algorithm.
	termExports   = regimes.TermTechnologyExports
	itemAlgorithm = "056101X"
)

var (
	us = parties.MustJurisdiction("US")
	cn = parties.MustJurisdiction("CN")
	ky = parties.MustJurisdiction("KY")
	ca = parties.MustJurisdiction("CA")
	au = parties.MustJurisdiction("AU")
	nz = parties.MustJurisdiction("NZ")

	// usParties are the parties headquartered in the US (or, where the
	// headquarters are not known, incorporated there).
	usParties = parties.In(us, parties.Seat).WithName("US parties")

	// byteDance is ByteDance Ltd.; looking through, its share of a
	// business counts what it holds through its subsidiaries.
	byteDance = parties.IDs("bytedance").WithName("ByteDance and its subsidiaries")
)

// refused is the day ByteDance's refusal to sell TikTok's algorithm and
// source code was reported (Microsoft's statement and SCMP's ByteDance
// source, 2020-09-13).
// https://www.nasdaq.com/articles/microsoft-says-bytedance-wont-sell-tiktoks-u.s.-operations-to-it-2020-09-13 ;
// https://www.axios.com/tiktok-rejects-microsoft-takeover-offer-4271674e-61dc-4f7c-b302-ecb900a8bd46.html
var refused = date("2020-09-13")

// licenceSection cites the articles on the letter of intent and the
// licence with the caveat the sources put on their numbering.
// https://www.ccpit-patent.com.cn/node/1286/1289
const licenceSection = "Articles 35–36 (2002 numbering; the numbering after the 2011 and 2019 revisions is unconfirmed)"

// exporterApplies is the part of the export-licence test that depends on
// ByteDance: the exporter must apply, and it will not apply for the export
// of an algorithm it refuses to sell. Before its refusal it was negotiating
// under US pressure and might apply.
func exporterApplies() regulator.Condition {
	return regulator.Named("an application by the exporter, ByteDance (none once it refused, on "+refused.Format(time.DateOnly)+", to sell the algorithm or source code)",
		regulator.And(
			regulator.Before(refused),
			regulator.Const(parties.Open, "ByteDance, negotiating under US pressure, may apply"),
		))
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

// register returns the world before any deal.
func register() (*parties.Register, error) {
	var b parties.Builder
	b.AddParty(
		// Cayman Islands exempted company, headquartered in Beijing.
		// https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197 ;
		// https://wiki.gravy.cc/wiki/ByteDance
		parties.Party{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn,
			Source: src("https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197")},
		// "Founders and Chinese investors" about 20%.
		// https://wiki.gravy.cc/wiki/ByteDance
		parties.Party{ID: "founders", Name: "ByteDance's founders (and Chinese investors)", Kind: parties.Person,
			Jurisdiction: cn, Headquarters: cn, Source: src("https://wiki.gravy.cc/wiki/ByteDance")},
		// Global institutional investors about 60%, of which US investors
		// about 40% (WSJ) or 41% (Reuters, CNBC) of ByteDance.
		// https://groyourwealth.com/world/china-has-reasons-to-like-tiktoks-trump-approved-shotgun-deal ;
		// https://www.observerbd.com/news.php?id=276130
		parties.Party{ID: "us-investors", Name: "US institutional investors in ByteDance", Kind: parties.Fund,
			Jurisdiction: us, Headquarters: us, Source: src("https://www.observerbd.com/news.php?id=276130")},
		// The rest of the global institutional investors. Their countries
		// are not given: assumed not US.
		parties.Party{ID: "other-investors", Name: "other global institutional investors in ByteDance", Kind: parties.Fund,
			Source: assumed("https://wiki.gravy.cc/wiki/ByteDance", "countries not given; counted as not US")},
		// Employees about 20% ("smaller investors and employees" per TikTok
		// Poland). Their countries are not given: assumed not US.
		// https://tvn24.pl/biznes/najnowsze/tiktok-szykuje-sie-do-znikniecia-z-usa-uzytkownicy-zobacza-specjalny-komunikat-st8263682?source=rss
		parties.Party{ID: "employees", Name: "ByteDance's employees (and smaller investors)", Kind: parties.Consortium,
			Source: assumed("https://wiki.gravy.cc/wiki/ByteDance", "countries not given; counted as not US")},
		// TikTok Ltd.: Cayman Islands, Shanghai; TikTok LLC: Delaware,
		// Culver City (per CNN). https://waradana.com/english/article/164376-is-tiktok-chinese
		parties.Party{ID: "tiktok-ltd", Name: "TikTok Ltd.", Jurisdiction: ky, Headquarters: cn,
			Source: src("https://waradana.com/english/article/164376-is-tiktok-chinese")},
		parties.Party{ID: "tiktok-llc", Name: "TikTok LLC", Jurisdiction: us, Headquarters: us,
			Source: src("https://waradana.com/english/article/164376-is-tiktok-chinese")},
		// TikTok Inc., the US operator: California, Culver City.
		// https://supportnoon.com/understanding-tiktoks-global-influence
		parties.Party{ID: "tiktok-inc", Name: "TikTok Inc.", Jurisdiction: us, Headquarters: us,
			Source: src("https://supportnoon.com/understanding-tiktoks-global-influence")},
		// Oracle: Delaware, Redwood City (FY2020 10-K).
		// https://docslib.org/download/2123681/oracle-corporation-exact-name-of-registrant-as-specified-in-its-charter-delaware-54-2185193-state-or-other-jurisdiction-of-i-r-s
		parties.Party{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us,
			Source: src("https://docslib.org/download/2123681/oracle-corporation-exact-name-of-registrant-as-specified-in-its-charter-delaware-54-2185193-state-or-other-jurisdiction-of-i-r-s")},
		// Walmart: Delaware, Bentonville (FY2020 10-K).
		// https://info.5y1.org/walmart-10k-annual-report_1_a7f85d.html
		parties.Party{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us,
			Source: src("https://info.5y1.org/walmart-10k-annual-report_1_a7f85d.html")},
		// Microsoft's incorporation and headquarters are UNCONFIRMED in the
		// dossier (its 8-K exhibit gives only its role): assumed a US
		// company. https://www.sec.gov/Archives/edgar/data/789019/000119312520207517/d49621dex991.htm
		parties.Party{ID: "microsoft", Name: "Microsoft", Jurisdiction: us, Headquarters: us,
			Source: assumed("https://www.sec.gov/Archives/edgar/data/789019/000119312520207517/d49621dex991.htm", "incorporation and headquarters unconfirmed; assumed US")},
		// Governments and authorities (facts/tiktok.md sections 3 and 4).
		parties.Party{ID: "us-government", Name: "United States government", Kind: parties.State, Jurisdiction: us, Headquarters: us},
		parties.Party{ID: "cfius", Name: "Committee on Foreign Investment in the United States", Kind: parties.State, Jurisdiction: us, Headquarters: us,
			Source: src("https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197")},
		parties.Party{ID: "us-commerce", Name: "US Department of Commerce", Kind: parties.State, Jurisdiction: us, Headquarters: us,
			Source: src("https://regulations.justia.com/regulations/fedreg/2020/08/11/2020-17699.html")},
		parties.Party{ID: "cn-government", Name: "Government of the People's Republic of China", Kind: parties.State, Jurisdiction: cn, Headquarters: cn},
		parties.Party{ID: "mofcom", Name: "Ministry of Commerce of the PRC (with the Ministry of Science and Technology)", Kind: parties.State, Jurisdiction: cn, Headquarters: cn,
			Source: src("https://cset.georgetown.edu/publication/revisions-to-the-content-of-the-catalog-of-prohibited-or-restricted-technology-exports")},
		parties.Party{ID: "ca-ised", Name: "Government of Canada (Minister of Innovation, Science and Industry)", Kind: parties.State, Jurisdiction: ca, Headquarters: ca,
			Source: src("https://laws-lois.justice.gc.ca/eng/acts/I-21.8/section-25.2.html")},
		parties.Party{ID: "au-treasurer", Name: "Government of Australia (the Treasurer, advised by FIRB)", Kind: parties.State, Jurisdiction: au, Headquarters: au,
			Source: src("http://firb.gov.au/resources/guidance/gn41/")},
		parties.Party{ID: "nz-oio", Name: "New Zealand Overseas Investment Office and Ministers", Kind: parties.State, Jurisdiction: nz, Headquarters: nz,
			Source: src("https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS358415.html")},
	)
	b.AddStake(
		// ByteDance's shareholders as published; the date of the split is
		// UNCONFIRMED. US investors are kept as the range 40%–41% (WSJ
		// "about 40%" against Reuters/CNBC "41%"); the other global investors
		// hold the rest of the 60%, 19%–20%.
		parties.Stake{Holder: "founders", Subject: "bytedance", Economic: parties.Percent(20),
			Source: src("https://wiki.gravy.cc/wiki/ByteDance")},
		parties.Stake{Holder: "us-investors", Subject: "bytedance", Economic: parties.Between(dec("0.40"), dec("0.41")),
			Source: src("https://groyourwealth.com/world/china-has-reasons-to-like-tiktoks-trump-approved-shotgun-deal")},
		parties.Stake{Holder: "other-investors", Subject: "bytedance", Economic: parties.Between(dec("0.19"), dec("0.20")),
			Source: src("https://wiki.gravy.cc/wiki/ByteDance")},
		parties.Stake{Holder: "employees", Subject: "bytedance", Economic: parties.Percent(20),
			Source: src("https://wiki.gravy.cc/wiki/ByteDance")},
		// The chain ByteDance Ltd. → TikTok Ltd. → TikTok LLC → TikTok Inc.
		// (per CNN); the dossier gives no percentages: assumed wholly owned.
		// https://waradana.com/english/article/164376-is-tiktok-chinese
		parties.Stake{Holder: "bytedance", Subject: "tiktok-ltd", Economic: parties.Percent(100),
			Source: assumed("https://waradana.com/english/article/164376-is-tiktok-chinese", "percentage not given; assumed wholly owned")},
		parties.Stake{Holder: "tiktok-ltd", Subject: "tiktok-llc", Economic: parties.Percent(100),
			Source: assumed("https://waradana.com/english/article/164376-is-tiktok-chinese", "percentage not given; assumed wholly owned")},
		parties.Stake{Holder: "tiktok-llc", Subject: "tiktok-inc", Economic: parties.Percent(100),
			Source: assumed("https://waradana.com/english/article/164376-is-tiktok-chinese", "percentage not given; assumed wholly owned")},
	)
	return b.Build()
}

// gates returns the approval requirements.
func gates() ([]regulator.Gate, error) {
	// The order requires ByteDance to divest all its interests in TikTok's
	// US assets and in US user data; CFIUS asks of any buyer whether it is
	// US-owned and has close ties to ByteDance.
	// https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197 ;
	// https://benton.org/headlines/order-regarding-acquisition-musically-bytedance-ltd
	// Where ByteDance keeps no interest, US user data go with the business
	// to the buyer (Microsoft: "US user data would move to, and stay in, the
	// US", 8-K exhibit of 2020-08-02,
	// https://www.sec.gov/Archives/edgar/data/789019/000119312520207517/d49621dex991.htm),
	// and no custodian is needed.
	divested := regulator.Named("ByteDance keeps no interest in the business, whose US user data pass with it to the buyer",
		regulator.Owned(regulator.OwnershipRule{Holders: byteDance, Method: parties.Proportional(),
			Threshold: parties.Threshold{Op: parties.AtMost, Value: decimal.Zero}}))
	// Where ByteDance keeps an interest, the Genworth/China Oceanwide
	// precedent applies: CFIUS cleared on 2018-06-09 with a mitigation
	// agreement requiring Genworth to use a US-based third-party service
	// provider, independent of the Chinese buyer, to manage and protect its
	// US policyholders' data ("unabhängiger Dienstleister", Der Standard
	// 2020-09-14).
	// https://www.tradepractitioner.com/2018/06/china-oceanwide-holdings-group-co-ltd-and-genworth-financial-inc/
	custodian := regulator.Mitigation{
		ID:        "trusted-us-data-custodian",
		Name:      "a trusted US company other than ByteDance holds US user data for the business, as the independent US-based service provider of CFIUS's Genworth/China Oceanwide clearance of 2018-06-09",
		Available: regulator.TermParty(termDataCustodian, usParties),
	}
	dataSecured := regulator.Named("US user data out of ByteDance's reach", regulator.Or(divested, regulator.Requires(custodian)))
	// The President wants majority US ownership ("sollte diese nicht
	// mehrheitlich in die Hand eines US-Konzerns übergehen", Der Standard
	// 2020-09-14; "total control", 2020-09-21:
	// https://www.cnbc.com/2020/09/21/tiktok-deal-splits-control-between-us-and-chinese-owners.html).
	// Whether US ownership counts directly or looking through ByteDance to
	// its US investors is his discretion (the 52.8% figure was offered as
	// the reconciliation, CNBC).
	majority := regulator.Named("majority US ownership", regulator.Or(
		regulator.Owned(regulator.OwnershipRule{Holders: usParties, Method: parties.Direct(), Threshold: parties.Majority}),
		regulator.And(
			regulator.Owned(regulator.OwnershipRule{Holders: usParties, Method: parties.Proportional(), Threshold: parties.Majority}),
			regulator.Discretion("us-ownership-look-through", "whether US ownership may be counted looking through ByteDance to its US investors"),
		),
	))
	// The review clock of a CFIUS notice, as the preset has it.
	notice, err := regimes.CFIUSNotice(nil)
	if err != nil {
		return nil, err
	}
	cfius, err := regulator.NewGate(regulator.GateSpec{
		ID:   gateCFIUS,
		Name: "CFIUS review of the buyer",
		Regulator: regulator.Regulator{ID: "cfius", Name: "the President on CFIUS's recommendation",
			Jurisdiction: us},
		// Order of 2020-08-14 under DPA section 721, 85 FR 51297: divest
		// TikTok's US assets and US user data; CFIUS reviews any buyer.
		// https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197 ;
		// https://benton.org/headlines/order-regarding-acquisition-musically-bytedance-ltd
		Basis: regulator.LegalBasis{
			Instrument: "Defense Production Act of 1950, section 721 (50 U.S.C. 4565)",
			Section:    "Order of 2020-08-14 regarding the acquisition of Musical.ly by ByteDance Ltd. (85 FR 51297)",
			URL:        "https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197",
		},
		Clearance:     regulator.And(majority, dataSecured),
		Mitigations:   []regulator.Mitigation{custodian},
		Discretionary: true,
		// Acceptance within 10 business days; review 45 days, the
		// acceptance date being day 1; if needed an investigation of 45
		// days (+15 in extraordinary circumstances) and 15 days for the
		// President. CFIUS may decide before a period ends.
		// https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page51.html ;
		// https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page57.html ;
		// https://online.flipbuilder.com/bzaa/smbm/files/basic-html/page59.html
		Timeline: notice.Timeline(),
		Source:   "https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197 ; https://www.tradepractitioner.com/2018/06/china-oceanwide-holdings-group-co-ltd-and-genworth-financial-inc/",
	})
	if err != nil {
		return nil, err
	}

	// China's catalogue revision of 2020-08-28 made "personalized
	// information push service technology based on data analysis" a
	// restricted export that needs a licence.
	// https://cset.georgetown.edu/publication/revisions-to-the-content-of-the-catalog-of-prohibited-or-restricted-technology-exports ;
	// https://www.steptoeinternationalcomplianceblog.com/2020/09/china-updates-its-catalogue-of-technologies-prohibited-and-restricted-from-export/ ;
	// http://en.people.cn/n3/2020/0831/c90000-9740110.html (Xinhua, 2020-08-31)
	// The exporter applies to the provincial commerce department; until
	// MOFCOM's letter of intent it may not negotiate in substance or sign the
	// export contract, and it applies for the licence with the signed
	// contract (Arts 35–36 of the Regulations in their 2002 numbering; the
	// numbering after the 2011 and 2019 revisions is UNCONFIRMED).
	// https://www.tellerreport.com/business/2020-09-03-the-ministry-of-commerce-denies-the-adjustment-of-the-restricted-export-technology-catalogue-against-tiktok.rJ7c6qmCmw.html ;
	// https://www.ccpit-patent.com.cn/node/1286/1289
	// So the licence depends on the transfer: once ByteDance refused to
	// sell the algorithm or source code (2020-09-13), no exporter would apply
	// and no licence could be granted. Before then, whether MOFCOM would
	// grant one is left to its discretion: by 2020-09-14 China had not said.
	// The rules were read as a threat to the sale
	// (https://chinaeconomicreview.com/chinas-new-tech-export-rules-pose-further-threat-to-tiktoks-us-survival/,
	// 2020-08-31; Xinhua the same day), while MOFCOM called the revision
	// routine and "not targeted at specific enterprises" and told companies
	// to consult the provincial commerce department (tellerreport,
	// 2020-09-03). The editorials saying Beijing would not approve came
	// later (Global Times 2020-09-21, China Daily 2020-09-23) and are not
	// used.
	// The preset gives the authority, legal basis, in-force date, the
	// trigger (an export of catalogue item 056101X), MOFCOM's discretion and
	// the timeline: a decision within 30 working days, then the licence
	// within 15 days (working days in the preset; the day unit is
	// UNCONFIRMED).
	// https://chinaeconomicreview.com/import-or-export-contract-licence-to-import-restricted-goods/
	preset, err := regimes.TechExportLicence(nil)
	if err != nil {
		return nil, err
	}
	spec := preset.Spec()
	spec.ID = gateLicence
	spec.Basis.Section = licenceSection
	spec.Clearance = regulator.And(exporterApplies(), spec.Clearance)
	licence, err := regulator.NewGate(spec)
	if err != nil {
		return nil, err
	}

	// Microsoft promised "appropriate security oversight by governments"
	// in Canada, Australia and New Zealand
	// (https://www.sec.gov/Archives/edgar/data/789019/000119312520207517/d49621dex991.htm);
	// no formal Canadian or New Zealand review of its proposal was found
	// (UNCONFIRMED), and Australia found "no evidence" that a ban was
	// needed (https://tribune.com.pk/story/2258105/australian-pm-says-no-evidence-to-suggest-tiktok-should-be-banned?amp=1).
	// Each authority's decision is therefore left to its discretion.
	canada, err := regulator.NewGate(regulator.GateSpec{
		ID:        gateCanada,
		Name:      "Canadian national-security review",
		Regulator: regulator.Regulator{ID: "ca-ised", Name: "Minister of Innovation, Science and Industry", Jurisdiction: ca},
		// https://laws-lois.justice.gc.ca/eng/acts/I-21.8/section-25.2.html ;
		// https://laws-lois.justice.gc.ca/eng/regulations/SOR-2009-271/section-2-20220802.html
		Basis: regulator.LegalBasis{
			Instrument: "Investment Canada Act, Part IV.1",
			Section:    "ss. 25.2–25.4; National Security Review of Investments Regulations (SOR/2009-271)",
			URL:        "https://laws-lois.justice.gc.ca/eng/acts/I-21.8/section-25.2.html",
		},
		Trigger:       regulator.TermContains(termMarkets, "CA"),
		Clearance:     regulator.Discretion("ca-national-security", "whether Canada lets the acquisition of TikTok's Canadian business proceed"),
		Discretionary: true,
		// s.25.2 notice within 45 days; s.25.3 review order within 45
		// days of it; review period 45 days; Governor in Council order
		// within 20 days. Calendar days.
		// https://canadagazetteducanada.gc.ca/rp-pr/p2/2015/2015-03-25/html/sor-dors65-eng.html
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "s.25.2 notice period", Max: calendar.Days(45), Calendar: calendar.Canada(), DayOne: calendar.NextDay},
			{Name: "s.25.3 review order", Max: calendar.Days(45), Calendar: calendar.Canada(), DayOne: calendar.NextDay, Optional: true},
			{Name: "review", Max: calendar.Days(45), Calendar: calendar.Canada(), DayOne: calendar.NextDay, Optional: true},
			{Name: "Governor in Council order", Max: calendar.Days(20), Calendar: calendar.Canada(), DayOne: calendar.NextDay, Optional: true},
		}},
		Source: "https://laws-lois.justice.gc.ca/eng/acts/I-21.8/section-25.2.html ; https://canadagazetteducanada.gc.ca/rp-pr/p2/2015/2015-03-25/html/sor-dors65-eng.html",
	})
	if err != nil {
		return nil, err
	}
	australia, err := regulator.NewGate(regulator.GateSpec{
		ID:        gateAus,
		Name:      "Australian foreign-investment review",
		Regulator: regulator.Regulator{ID: "au-treasurer", Name: "the Treasurer, advised by FIRB", Jurisdiction: au},
		// http://firb.gov.au/resources/guidance/gn41/ ;
		// https://ato.gov.au/law/view/print?DocID=PAC%2F19750092%2F77&PiT=99991231235958
		Basis: regulator.LegalBasis{
			Instrument: "Foreign Acquisitions and Takeovers Act 1975",
			Section:    "decision period (s.77)",
			URL:        "http://firb.gov.au/resources/guidance/gn41/",
		},
		Trigger:       regulator.TermContains(termMarkets, "AU"),
		Clearance:     regulator.Discretion("au-no-objection", "whether the Treasurer raises no objection to the acquisition of TikTok's Australian business"),
		Discretionary: true,
		// 30 days from the day after the fee is received, rolling to the
		// next ACT business day; an interim order extends it up to 90 days.
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "decision period", Max: calendar.Days(30), Calendar: calendar.Australia(), DayOne: calendar.NextDay, Roll: calendar.Following},
			{Name: "interim order", Max: calendar.Days(90), Calendar: calendar.Australia(), DayOne: calendar.NextDay, Optional: true},
		}},
		Source: "http://firb.gov.au/resources/guidance/gn41/ ; https://adnews.com.au/news/tiktok-won-t-be-banned-in-australia",
	})
	if err != nil {
		return nil, err
	}
	newZealand, err := regulator.NewGate(regulator.GateSpec{
		ID:        gateNZ,
		Name:      "New Zealand national-security review",
		Regulator: regulator.Regulator{ID: "nz-oio", Name: "Overseas Investment Office and Ministers", Jurisdiction: nz},
		// Part 3 (national security and public order) in force from
		// 2020-06-16; the 2020–21 emergency regime allowed up to 70 working
		// days. https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS358415.html ;
		// https://www.bellgully.com/insights/government-revokes-burdensome-covid-19-emergency-notification-regime/
		Basis: regulator.LegalBasis{
			Instrument: "Overseas Investment Act 2005",
			Section:    "Part 3 (national security and public order)",
			URL:        "https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS358415.html",
		},
		InForce:       regulator.Window{From: date("2020-06-16")},
		Trigger:       regulator.TermContains(termMarkets, "NZ"),
		Clearance:     regulator.Discretion("nz-national-security", "whether New Zealand lets the acquisition of TikTok's New Zealand business proceed"),
		Discretionary: true,
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "review", Max: calendar.WorkingDays(70), Calendar: calendar.NewZealand(), DayOne: calendar.NextDay},
		}},
		Source: "https://www.legislation.govt.nz/act/public/2005/0082/latest/LMS358415.html ; https://www.rnz.co.nz/national/programmes/middayreport/audio/2018757887/proposed-tiktok-sale-to-microsoft-includes-nz-arm",
	})
	if err != nil {
		return nil, err
	}
	return []regulator.Gate{cfius, licence, canada, australia, newZealand}, nil
}

// divestConsequence is what takes effect on the divestiture deadline.
const divestConsequence = "the order becomes enforceable against ByteDance if it has not divested TikTok's US business and US user data " +
	"(Commerce's identification of 2020-09-18 also set the broader EO 13942 \"shutdown\" prohibitions for this day)"

// threats returns the deadlines hanging over the deal.
func threats() ([]deal.Threat, error) {
	// EO 13942 of 2020-08-06 (IEEPA): prohibitions from 45 days later,
	// 2020-09-20 (Trump had spoken of 2020-09-15: the 45-day date is taken).
	// Courts could enjoin them, and did.
	// https://regulations.justia.com/regulations/fedreg/2020/08/11/2020-17699.html ;
	// https://www.theguardian.com/technology/2021/jun/09/tiktok-wechat-joe-biden-donald-trump-executive-orders
	eo, err := regimes.IEEPAProhibition(&regimes.IEEPAOptions{
		ID:          deadlineEO,
		Name:        "EO 13942 prohibition",
		Effective:   date("2020-09-20"),
		Consequence: "transactions with ByteDance that Commerce identifies are prohibited",
		Source:      "https://regulations.justia.com/regulations/fedreg/2020/08/11/2020-17699.html ; https://www.theguardian.com/technology/2021/jun/09/tiktok-wechat-joe-biden-donald-trump-executive-orders",
	})
	if err != nil {
		return nil, err
	}
	// The section 721 order of 2020-08-14: divest within 90 days,
	// 2020-11-12 (the Guardian says 14 November: 2020-11-12 is taken);
	// CFIUS may extend by up to 30 days.
	// https://variety.com/2020/digital/news/trump-orders-bytedance-sell-tiktok-us-1234736055/ ;
	// https://benton.org/headlines/order-regarding-acquisition-musically-bytedance-ltd
	// Commerce's identification of 2020-09-18, after the article, set the
	// broader EO 13942 "shutdown" prohibitions (hosting, content delivery and
	// similar services) for the same day.
	// https://www.tellerreport.com/news/2020-11-13-the-u-s--department-of-commerce-says-it-will-temporarily-not-enforce-the-tiktok-ban.Byje3KsKD.html
	// ASSUMPTION: the deadline can be stopped: a court could stay the order
	// or the government could leave it unenforced (the library's
	// "enjoinable" covers both). Later facts bear this out: TikTok and
	// ByteDance petitioned the D.C. Circuit to vacate the order on
	// 2020-11-10, and after two CFIUS extensions (to 2020-11-27, then
	// 2020-12-04) the deadline lapsed on 2020-12-04 with no enforcement.
	// https://www.tellerreport.com/news/2020-11-13-the-u-s--department-of-commerce-says-it-will-temporarily-not-enforce-the-tiktok-ban.Byje3KsKD.html ;
	// https://studiocgames.com/esports/u-s-treasurys-cfius-extends-deadline-on-tiktok-sale/ ;
	// https://www.breitbart.com/tech/2020/12/08/second-judge-blocks-commerce-departments-tiktok-ban/
	divest, err := regulator.NewDeadline(regulator.DeadlineSpec{
		ID:   deadlineDivestiture,
		Name: "divestiture deadline of the section 721 order",
		Basis: regulator.LegalBasis{
			Instrument: "Order of 2020-08-14 regarding the acquisition of Musical.ly by ByteDance Ltd. (85 FR 51297)",
			Section:    "Defense Production Act of 1950, section 721",
			URL:        "https://regulations.vlex.com/vid/regarding-the-acquisition-of-847299197",
		},
		Date:        date("2020-11-12"),
		Consequence: divestConsequence,
		Extension:   regulator.Extension{Up: calendar.Days(30), By: "CFIUS"},
		Enjoinable:  true,
		Source:      "https://variety.com/2020/digital/news/trump-orders-bytedance-sell-tiktok-us-1234736055/ ; https://benton.org/headlines/order-regarding-acquisition-musically-bytedance-ltd ; https://www.tellerreport.com/news/2020-11-13-the-u-s--department-of-commerce-says-it-will-temporarily-not-enforce-the-tiktok-ban.Byje3KsKD.html ; https://www.breitbart.com/tech/2020/12/08/second-judge-blocks-commerce-departments-tiktok-ban/",
	})
	if err != nil {
		return nil, err
	}
	return []deal.Threat{{Deadline: eo, Outcome: usBan}, {Deadline: divest, Outcome: usBan}}, nil
}

// positions returns what the parties whose consent a deal needs accept,
// each from the day it was reported. Where a party had said nothing yet,
// its consent is open, with the day it first spoke.
func positions() []deal.Position {
	const (
		msBlog   = "https://www.sec.gov/Archives/edgar/data/789019/000119312520207517/d49621dex991.htm"
		refusal  = "https://www.nasdaq.com/articles/microsoft-says-bytedance-wont-sell-tiktoks-u.s.-operations-to-it-2020-09-13"
		walmart  = "https://www.windowscentral.com/microsoft-may-have-surprising-bid-partner-its-pursuit-tiktok"
		walmart2 = "https://chinaeconomicreview.com/walmart-joins-microsoft-in-pursuit-of-deal-to-acquire-tiktok/"
		oracle   = "https://news.cgtn.com/news/2020-09-14/U-S-to-review-Oracle-s-plan-of-being-TikTok-s-trusted-tech-partner--TMM0YyFw5O/index.html"
		treasury = "https://gg2.net/us-government-confirms-receiving-oracle-bid-for-tiktok"
	)
	microsoftTalks, walmartJoins, oracleBid := date("2020-08-02"), date("2020-08-27"), date("2020-09-14")
	noAlgorithm := regulator.Named("no sale of the algorithm or source code", regulator.And(
		regulator.Not(regulator.TermIs(termAlgorithm, regulator.Bool(true))),
		regulator.Not(regulator.TermIs(termSourceCode, regulator.Bool(true))),
	))
	open := func(text string) regulator.Condition { return regulator.Const(parties.Open, text) }
	holds := func(text string) regulator.Condition { return regulator.Const(parties.Holds, text) }
	return []deal.Position{
		// Until 2020-09-13 ByteDance negotiated under US pressure
		// (Microsoft's talks, notified to CFIUS jointly with ByteDance, from
		// 2020-08-02; "Bytedance hatte zuvor auf Druck von US-Präsident
		// Donald Trump Gespräche geführt", Der Standard 2020-09-14): its
		// consent was open.
		{Party: "bytedance", Until: refused,
			Accepts: open("ByteDance is negotiating under US pressure"), Source: msBlog},
		// From 2020-09-13: the algorithm and source code are not for sale;
		// ByteDance "would not be selling TikTok's US operations to
		// Microsoft".
		// https://www.axios.com/tiktok-rejects-microsoft-takeover-offer-4271674e-61dc-4f7c-b302-ecb900a8bd46.html
		{Party: "bytedance", From: refused, Accepts: noAlgorithm, Source: refusal},
		// Microsoft's blog post of 2020-08-02 (8-K exhibit 99.1): it will
		// continue talks to buy TikTok in the US, Canada, Australia and New
		// Zealand, to own and operate it there; before it, Microsoft had
		// said nothing in public.
		{Party: "microsoft", Until: microsoftTalks,
			Accepts: open("Microsoft had not yet said in public that it would buy (it did on " + microsoftTalks.Format(time.DateOnly) + ")"), Source: msBlog},
		{Party: "microsoft", From: microsoftTalks,
			Accepts: holds("Microsoft said on " + microsoftTalks.Format(time.DateOnly) + " it would pursue the purchase, to own and operate TikTok in the US, Canada, Australia and New Zealand"), Source: msBlog},
		// Walmart confirmed on 2020-08-27 that it was teaming with Microsoft
		// on a bid; the size of its part is UNCONFIRMED and nothing was
		// signed. After ByteDance turned Microsoft down it said it remained
		// interested in investing in TikTok and ready to talk ("Man sei
		// weiter an Investitionen interessiert und zu Gesprächen bereit",
		// Der Standard 2020-09-14; Reuters 2020-09-13). Its consent is open
		// throughout: an interest, not an agreement. The library cannot
		// scope a position to one proposal, so each text holds for both
		// deals Walmart is named in.
		{Party: "walmart", Until: walmartJoins,
			Accepts: open("Walmart had not yet said it would invest in TikTok (it did on " + walmartJoins.Format(time.DateOnly) + ")"), Source: walmart},
		{Party: "walmart", From: walmartJoins, Until: refused,
			Accepts: open("Walmart confirmed on " + walmartJoins.Format(time.DateOnly) + " it was teaming with Microsoft on a bid for TikTok, for a stake of unpublished size; nothing was signed"),
			Source:  walmart + " ; " + walmart2},
		{Party: "walmart", From: refused,
			Accepts: open("after ByteDance turned Microsoft down, Walmart said on " + refused.Format(time.DateOnly) + " it remained interested in investing in TikTok and ready to talk; nothing was signed"),
			Source:  refusal},
		// Oracle "will serve as the trusted technology provider" in the
		// proposal Treasury confirmed receiving on 2020-09-14; before it,
		// Oracle had made no proposal in public.
		{Party: "oracle", Until: oracleBid,
			Accepts: open("Oracle had not yet made a proposal in public (Treasury confirmed receiving one on " + oracleBid.Format(time.DateOnly) + ")"), Source: treasury},
		{Party: "oracle", From: oracleBid,
			Accepts: holds("Oracle confirmed on " + oracleBid.Format(time.DateOnly) + " it \"will serve as the trusted technology provider\" in the proposal Treasury received"),
			Source:  oracle + " ; " + treasury},
	}
}

// proposals returns the two deals on the table.
func proposals() []deal.Proposal {
	return []deal.Proposal{
		{
			// Microsoft would own and operate TikTok in the US, Canada,
			// Australia and New Zealand, inviting US investors as minority
			// partners; US user data to move to and stay in the US; CFIUS
			// notified jointly with ByteDance (8-K exhibit of 2020-08-02,
			// taken as the filing date). Microsoft required the code and
			// the algorithm. Walmart teamed with Microsoft (2020-08-27);
			// the size of its stake is UNCONFIRMED, so the register gives
			// the whole business to Microsoft and Walmart is a party to
			// the deal without a modelled stake. Microsoft would own TikTok's
			// US user data itself: no custodian is named.
			// https://www.sec.gov/Archives/edgar/data/789019/000119312520207517/d49621dex991.htm ;
			// https://www.thedailybeast.com/tiktok-and-bytedance-reject-microsoft-bid-to-take-over-us-operations ;
			// https://www.indiatoday.in/technology/news/story/walmart-teams-up-with-microsoft-in-joint-bid-to-acquire-tiktok-1716000-2020-08-28
			ID:        microsoftDeal,
			Name:      "Microsoft, with Walmart as a minority partner, buys TikTok's business in the US, Canada, Australia and New Zealand",
			Target:    "tiktok-inc",
			Acquirers: []parties.ID{"microsoft", "walmart"},
			Moves: []deal.Move{
				deal.Transfer{Seller: "tiktok-llc", Buyer: "microsoft", Subject: "tiktok-inc", Amount: deal.All()},
			},
			Terms: map[string]regulator.Value{
				termMarkets:    regulator.Set("US", "CA", "AU", "NZ"),
				termAlgorithm:  regulator.Bool(true),
				termSourceCode: regulator.Bool(true),
				termExports:    regulator.Set(itemAlgorithm),
			},
			Consents: []parties.ID{"bytedance", "microsoft", "walmart"},
			Filed:    date("2020-08-02"),
		},
		{
			// TikTok Global, headquartered in the US: ByteDance 100%, 80%
			// after a pre-IPO round (ByteDance, 2020-09-20/21); Oracle
			// 12.5%, Walmart 7.5% (2020-09-19); Oracle the trusted
			// technology provider holding US user data, allowed to inspect
			// the source code; no algorithm transferred; five directors,
			// four of them American (Oracle/Walmart). CFIUS received the
			// proposal on 2020-09-14 (Mnuchin), taken as the filing date.
			// https://www.globaltimes.cn/page/202009/1201526.shtml ;
			// https://www.medianama.com/2020/09/223-tiktok-oracle-walmart-stake/ ;
			// https://www.essentialretail.com/news/walmart-oracle-tiktok/ ;
			// https://www.homeworldbusiness.com/walmart-oracle-get-tentative-approval-for-tiktok-deal/ ;
			// https://gg2.net/us-government-confirms-receiving-oracle-bid-for-tiktok
			ID:        oracleDeal,
			Name:      "Oracle and Walmart take 12.5% and 7.5% of a new US-headquartered TikTok Global, 80% ByteDance; Oracle holds US user data",
			Target:    "tiktok-global",
			Acquirers: []parties.ID{"oracle", "walmart"},
			Moves: []deal.Move{
				deal.Form{
					Party: parties.Party{ID: "tiktok-global", Name: "TikTok Global", Jurisdiction: us, Headquarters: us,
						Source: assumed("https://theinvesting.online/20-bite-in-tiktok-goes-to-walmart-and-oracle-with-trumps-blessing/", "headquartered in the US; incorporation unconfirmed")},
					Holders: []deal.Allocation{{Holder: "bytedance", Amount: deal.Fixed(dec("1"))}},
				},
				// TikTok Global takes over TikTok Inc., the US operator
				// (assumed: the dossier does not say which entities move).
				deal.Transfer{Seller: "tiktok-llc", Buyer: "tiktok-global", Subject: "tiktok-inc", Amount: deal.All()},
				deal.Issue{Subject: "tiktok-global", To: []deal.Allocation{
					{Holder: "oracle", Amount: deal.Fixed(dec("0.125"))},
					{Holder: "walmart", Amount: deal.Fixed(dec("0.075"))},
				}},
			},
			Terms: map[string]regulator.Value{
				termAlgorithm:      regulator.Bool(false),
				termSourceCode:     regulator.Bool(false),
				termCodeInspection: regulator.Bool(true),
				termDataCustodian:  regulator.Text("oracle"),
				termBoardSeats:     regulator.Number(decimal.NewFromInt(5)),
				termUSDirectors:    regulator.Number(decimal.NewFromInt(4)),
				termHeadquarters:   regulator.Text("US"),
			},
			Consents: []parties.ID{"bytedance", "oracle", "walmart"},
			Filed:    date("2020-09-14"),
		},
	}
}

// scenario builds the scenario as of asOf.
func scenario(asOf time.Time) (*deal.Scenario, error) {
	reg, err := register()
	if err != nil {
		return nil, err
	}
	gs, err := gates()
	if err != nil {
		return nil, err
	}
	ts, err := threats()
	if err != nil {
		return nil, err
	}
	return deal.New(deal.Spec{
		Name:      "tiktok-2020",
		Register:  reg,
		Gates:     gs,
		Threats:   ts,
		Positions: positions(),
		Proposals: proposals(),
		AsOf:      asOf,
	})
}

// extra returns what the report shows beside the engine's result: the
// ownership figures of the post-deal registers and the assumptions.
func extra(sc *deal.Scenario, asOf time.Time) (report.Extra, error) {
	x := report.Extra{
		Title:  "TikTok, September 2020: which outcomes remain possible",
		Params: []report.Param{{Name: "asof", Value: asOf.Format(time.DateOnly)}},
		Outcomes: map[string]string{
			microsoftDeal: "Microsoft, with Walmart as a minority partner, buys TikTok's business in the US, Canada, Australia and New Zealand outright, code and algorithm included.",
			oracleDeal:    "A new US-headquartered TikTok Global: ByteDance 80% after a pre-IPO round, Oracle 12.5%, Walmart 7.5%; Oracle the trusted technology provider holding US user data; no algorithm transfer; four of five directors American.",
			usBan: "No deal closes in time and a US measure takes effect: the EO 13942 prohibitions (from 2020-09-20), or, once the divestiture deadline of the section 721 order passes (2020-11-12, " +
				"extendable by CFIUS by up to 30 days), enforcement of that order; Commerce's identification of 2020-09-18 set the broader EO 13942 \"shutdown\" prohibitions for the same day.",
			deal.StatusQuo: "No deal closes and no US measure takes effect: the EO 13942 prohibitions are enjoined, and the section 721 order is stayed by a court or left unenforced.",
		},
	}
	post, _, err := sc.PostDeal(oracleDeal, nil)
	if err != nil {
		return x, err
	}
	direct, err := post.OwnedBy("tiktok-global", usParties, parties.Direct())
	if err != nil {
		return x, err
	}
	look, err := post.OwnedBy("tiktok-global", usParties, parties.Proportional())
	if err != nil {
		return x, err
	}
	postMS, _, err := sc.PostDeal(microsoftDeal, nil)
	if err != nil {
		return x, err
	}
	ms, err := postMS.OwnedBy("tiktok-inc", usParties, parties.Direct())
	if err != nil {
		return x, err
	}
	x.Figures = []report.Figure{
		{Label: "US share of TikTok Global, directly", Proposal: oracleDeal, Ownership: direct},
		{Label: "US share of TikTok Global, looking through ByteDance", Proposal: oracleDeal, Ownership: look},
		{Label: "US share of TikTok Inc. after the Microsoft deal, directly", Proposal: microsoftDeal, Ownership: ms},
	}
	x.Assumptions = assumptions(asOf)
	return x, nil
}

// assumptions lists what the program assumes where the dossier is silent,
// unconfirmed or contradictory.
func assumptions(asOf time.Time) []string {
	as := []string{
		"ByteDance's shareholders are taken as published (founders about 20%, global institutional investors about 60%, employees about 20%); the date of that split is unconfirmed.",
		"US investors hold 40%–41% of ByteDance, kept as a range because the reports differ (WSJ about 40%, Reuters and CNBC 41%); the other global investors hold the rest of the 60%, 19%–20%.",
		"The countries of ByteDance's employees and of its non-US investors are not given; they are counted as not US.",
		"TikTok Ltd. owns TikTok LLC, which owns TikTok Inc., and ByteDance owns TikTok Ltd.; the percentages are not given, so each is taken as wholly owned.",
		"Microsoft's incorporation and headquarters are unconfirmed in the sources; it is treated as a US company.",
		"The size of Walmart's minority stake in the Microsoft deal is unconfirmed; the register gives the whole business to Microsoft, which does not change the US share (both are US companies).",
		"Consents: each party's position is the one reported by the as-of date. Walmart's consent is left open throughout (it confirmed its interest on 2020-08-27 and said on 2020-09-13 that it remained interested, but signed nothing); " +
			"the library cannot give a party a different position on each proposal, so Walmart's texts hold for both deals.",
		"TikTok Global's terms are those published from 2020-09-19 to 2020-09-21, after the article of 2020-09-14, which confirmed only Oracle's role as trusted technology provider; ByteDance's 80% is taken over Oracle's statement that ByteDance would hold nothing; " +
			"the board is taken as Oracle and Walmart described it (four of five directors American), not as ByteDance did (Zhang Yiming and current ByteDance directors); TikTok Global is taken to take over TikTok Inc.",
		"TikTok Global is taken as a US company: it was to be headquartered in the US (possibly Texas), but where it would be incorporated is unconfirmed.",
		"CFIUS's data test: where ByteDance keeps no interest (the Microsoft deal), US user data pass with the business to the buyer and no custodian is needed; Microsoft, which would own the data itself, is not treated as the trusted third party of the Genworth precedent. " +
			"Where ByteDance keeps an interest (TikTok Global), a trusted US company must hold the data, as the independent US-based service provider did for Genworth; Oracle, which would also hold 12.5% of TikTok Global, is taken to qualify, which the sources do not settle.",
		"The EO 13942 prohibitions are dated 2020-09-20 (45 days after the order) rather than 2020-09-15, the date Trump spoke of.",
		"The divestiture deadline is 2020-11-12 (90 days after the order; one source says 14 November); CFIUS may extend it by up to 30 days. It is taken as one that can be stopped: a court could stay the order or the government could leave it unenforced " +
			"(the report's \"may be enjoined\" covers both). Later facts bear this out: TikTok and ByteDance petitioned the D.C. Circuit against the order on 2020-11-10, and the extended deadline lapsed on 2020-12-04 with no enforcement.",
		"China's export licence: the exporter, ByteDance, must apply, and it will not apply for the export of an algorithm it refuses to sell, so from its refusal (2020-09-13) the licence fails with it. " +
			"Before then MOFCOM's decision is left to its discretion: by 2020-09-14 China had not said whether it would grant a licence (the rules were read as a threat to the sale on 2020-08-31; MOFCOM called the revision routine and \"not targeted at specific enterprises\" on 2020-09-03). " +
			"The state-media editorials against approval (2020-09-21 and 2020-09-23) came later and are not used. The algorithm is taken to leave China, which the catalogue covers; where its code sits is not in the sources.",
		"The Regulations on Administration of Technology Import and Export are cited by their articles in the 2002 numbering (35–36: letter of intent, then licence); the numbering after the 2011 and 2019 revisions is unconfirmed. " +
			"MOFCOM's 30 working days to decide come from secondary sources (the primary text is unconfirmed), and whether the licence's 15 days are working days is unconfirmed.",
		"No formal review by Canada, Australia or New Zealand of the Microsoft proposal was found; each decision is left to the authority's discretion, with the review periods of its statute. " +
			"New Zealand's period is taken as 70 working days, the maximum of the 2020–21 emergency notification regime (Bell Gully); its statutory national-security review periods are unconfirmed.",
		"Review clocks start on 2020-08-02 for Microsoft (the day it said it had notified CFIUS) and on 2020-09-14 for TikTok Global (the day CFIUS confirmed receiving it); CFIUS may decide before a period ends.",
		"No likelihoods are given, so the report says what is possible and by when, not how probable it is.",
	}
	if asOf.Before(date("2020-08-14")) {
		as = append(as, "The as-of date precedes EO 13942 (2020-08-06) or the section 721 order (2020-08-14); both are included as the threats announced on 2020-07-31.")
	}
	return as
}
