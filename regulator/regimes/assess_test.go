package regimes_test

import (
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/regimes"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// cast are the parties the assessment tests draw from.
var cast = []parties.Party{
	{ID: "dragon", Name: "Dragon Holdings", Jurisdiction: parties.MustJurisdiction("KY"), Headquarters: parties.MustJurisdiction("CN")},
	{ID: "gallic", Name: "Gallic SA", Jurisdiction: parties.MustJurisdiction("FR"), Headquarters: parties.MustJurisdiction("FR")},
	{ID: "maple", Name: "Maple Inc.", Jurisdiction: parties.MustJurisdiction("CA"), Headquarters: parties.MustJurisdiction("CA")},
	{ID: "us-holdco", Name: "US Holdco", Jurisdiction: parties.MustJurisdiction("US"), Headquarters: parties.MustJurisdiction("US")},
	{ID: "us-co", Name: "US Co", Jurisdiction: parties.MustJurisdiction("US"), Headquarters: parties.MustJurisdiction("US")},
	{ID: "uk-co", Name: "UK Co", Jurisdiction: parties.MustJurisdiction("GB"), Headquarters: parties.MustJurisdiction("GB")},
	{ID: "de-co", Name: "DE Co", Jurisdiction: parties.MustJurisdiction("DE"), Headquarters: parties.MustJurisdiction("DE")},
	{ID: "cn-co", Name: "CN Co", Jurisdiction: parties.MustJurisdiction("CN"), Headquarters: parties.MustJurisdiction("CN")},
	{ID: "jp-co", Name: "JP Co", Jurisdiction: parties.MustJurisdiction("JP"), Headquarters: parties.MustJurisdiction("JP")},
	{ID: "au-co", Name: "AU Co", Jurisdiction: parties.MustJurisdiction("AU"), Headquarters: parties.MustJurisdiction("AU")},
	{ID: "nz-co", Name: "NZ Co", Jurisdiction: parties.MustJurisdiction("NZ"), Headquarters: parties.MustJurisdiction("NZ")},
	{ID: "ca-co", Name: "CA Co", Jurisdiction: parties.MustJurisdiction("CA"), Headquarters: parties.MustJurisdiction("CA")},
}

// stake is a holding of holder in subject, in percent given as a decimal
// string.
type stake struct{ holder, subject, percent string }

func num(s string) regulator.Value { return regulator.Number(decimal.RequireFromString(s)) }

// world builds the post-deal world of an acquisition of target by
// acquirer.
func world(t *testing.T, asOf, target, acquirer string, stakes []stake, terms map[string]regulator.Value) *regulator.World {
	t.Helper()
	ss := make([]parties.Stake, len(stakes))
	for i, s := range stakes {
		ss[i] = parties.Stake{Holder: parties.ID(s.holder), Subject: parties.ID(s.subject),
			Economic: parties.Exact(decimal.RequireFromString(s.percent).Shift(-2))}
	}
	reg, err := parties.New(cast, ss)
	require.NoError(t, err)
	return regulator.NewWorld(regulator.Facts{
		Register: reg, Target: parties.ID(target), Acquirers: []parties.ID{parties.ID(acquirer)},
		Terms: regulator.NewTerms(terms), AsOf: day(asOf),
	})
}

type assessCase struct {
	name      string
	gate      func() (regulator.Gate, error)
	world     func(t *testing.T) *regulator.World
	applies   regulator.Truth
	decisions []regulator.Decision // checked where applies is not Fails
}

func runAssessCases(t *testing.T, cases []assessCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := tc.gate()
			require.NoError(t, err)
			a := g.Assess(tc.world(t))
			require.Equal(t, tc.applies, a.Applies, a.Text)
			if tc.applies != regulator.Fails && tc.decisions != nil {
				require.Equal(t, tc.decisions, a.Decisions, a.Text)
			}
		})
	}
}

var (
	mitigateOrBlock = []regulator.Decision{regulator.ClearWithMitigations, regulator.Block}
	clearOrBlock    = []regulator.Decision{regulator.Clear, regulator.Block}
)

func TestCFIUSAssess(t *testing.T) {
	notice := func() (regulator.Gate, error) { return regimes.CFIUSNotice(nil) }
	runAssessCases(t, []assessCase{
		{"foreign control of a US business", notice,
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "us-co", "dragon", []stake{{"dragon", "us-co", "60"}}, nil)
			}, regulator.Holds, mitigateOrBlock},
		{"a 30% stake is not control by default", notice,
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "us-co", "dragon", []stake{{"dragon", "us-co", "30"}}, nil)
			}, regulator.Fails, nil},
		{"a 30% stake is control at a 25% control threshold",
			func() (regulator.Gate, error) {
				return regimes.CFIUSNotice(&regimes.CFIUSOptions{Control: parties.Threshold{Op: parties.AtLeast, Value: decimal.RequireFromString("0.25")}})
			},
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "us-co", "dragon", []stake{{"dragon", "us-co", "30"}}, nil)
			}, regulator.Holds, nil},
		{"not in force before FIRRMA's rules", notice,
			func(t *testing.T) *regulator.World {
				return world(t, "2019-05-01", "us-co", "dragon", []stake{{"dragon", "us-co", "60"}}, nil)
			}, regulator.Fails, nil},
		{"a non-US target is not a US business", notice,
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "uk-co", "dragon", []stake{{"dragon", "uk-co", "100"}}, nil)
			}, regulator.Fails, nil},
	})
	// The trusted third party is available where a US party holds the data;
	// the proxy board where the deal offers one.
	g, err := regimes.CFIUSNotice(nil)
	require.NoError(t, err)
	w := world(t, "2025-05-01", "us-co", "dragon", []stake{{"dragon", "us-co", "60"}}, map[string]regulator.Value{
		regimes.TermDataCustodian: regulator.Text("us-holdco"),
	})
	m, ok := g.Mitigation("trusted-third-party")
	require.True(t, ok)
	require.Equal(t, regulator.Holds, m.Available.Eval(w).Truth)
	m, ok = g.Mitigation("proxy-board")
	require.True(t, ok)
	require.Equal(t, regulator.Fails, m.Available.Eval(w).Truth)
}

func TestCFIUSDeclarationAssess(t *testing.T) {
	critical := func() (regulator.Gate, error) {
		return regimes.CFIUSDeclaration(&regimes.CFIUSDeclarationOptions{Sector: regimes.CriticalTechnology})
	}
	runAssessCases(t, []assessCase{
		{
			// Dragon controls US Holdco (60%), which holds 25% of the target:
			// a parent is deemed to hold 100% of its subsidiary's interest
			// (800.256(c)), so Dragon holds 25%, not 15%.
			"25% through a controlled US holding company", critical,
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "us-co", "dragon", []stake{{"dragon", "us-holdco", "60"}, {"us-holdco", "us-co", "25"}}, nil)
			}, regulator.Holds, clearOrBlock,
		},
		{"24.9% directly", critical,
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "us-co", "dragon", []stake{{"dragon", "us-co", "24.9"}}, nil)
			}, regulator.Fails, nil},
		{"voluntary declaration of a controlling stake",
			func() (regulator.Gate, error) { return regimes.CFIUSDeclaration(nil) },
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "us-co", "dragon", []stake{{"dragon", "us-co", "51"}}, nil)
			}, regulator.Holds, clearOrBlock},
	})
}

func TestHSRAssess(t *testing.T) {
	hsr := func() (regulator.Gate, error) { return regimes.HSR(nil) }
	sized := func(value string) map[string]regulator.Value {
		return map[string]regulator.Value{
			regimes.TermValueUSD: num(value), regimes.TermAcquirerSizeUSD: num("300000000"), regimes.TermTargetSizeUSD: num("30000000"),
		}
	}
	deal := func(asOf string, terms map[string]regulator.Value) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, asOf, "us-co", "dragon", []stake{{"dragon", "us-co", "100"}}, terms)
		}
	}
	runAssessCases(t, []assessCase{
		// $130m is above the 2025 threshold ($126.4m) ...
		{"$130m under the 2025 thresholds", hsr, deal("2025-06-01", sized("130000000")), regulator.Holds, mitigateOrBlock},
		// ... but below the 2026 one ($133.9m).
		{"$130m under the 2026 thresholds", hsr, deal("2026-03-01", sized("130000000")), regulator.Fails, nil},
		{"the day before the 2026 thresholds", hsr, deal("2026-02-16", sized("130000000")), regulator.Holds, nil},
		{"before the first thresholds known", hsr, deal("2025-02-20", sized("130000000")), regulator.Fails, nil},
		{"above $535.5m the size of person is disregarded", hsr,
			deal("2026-03-01", map[string]regulator.Value{regimes.TermValueUSD: num("600000000")}), regulator.Holds, nil},
		{"size of person not given", hsr,
			deal("2026-03-01", map[string]regulator.Value{regimes.TermValueUSD: num("200000000")}), regulator.Open, nil},
		{"size of person not met", hsr,
			deal("2026-03-01", map[string]regulator.Value{regimes.TermValueUSD: num("200000000"),
				regimes.TermAcquirerSizeUSD: num("200000000"), regimes.TermTargetSizeUSD: num("30000000")}), regulator.Fails, nil},
		{"no value given", hsr, deal("2026-03-01", nil), regulator.Fails, nil},
	})
}

func TestPAFACAAssess(t *testing.T) {
	rules := func(o *regimes.PAFACAOptions) func() (regulator.Gate, error) {
		return func() (regulator.Gate, error) {
			r, err := regimes.PAFACA(o)
			return r.Divestiture, err
		}
	}
	after := func(cnPercent string, terms map[string]regulator.Value) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2025-01-10", "us-co", "us-holdco", []stake{{"dragon", "us-co", cnPercent}, {"us-holdco", "us-co", "50"}}, terms)
		}
	}
	type tc struct {
		name string
		opts *regimes.PAFACAOptions
		cn   string
		rel  bool
		test regulator.Truth
	}
	for _, c := range []tc{
		{"exactly 20% left, at least 20% controls", nil, "20", false, regulator.Fails},
		{"exactly 20% left, more than 20% controls", &regimes.PAFACAOptions{Wording: parties.MoreThan}, "20", false, regulator.Open},
		{"19.9% left", nil, "19.9", false, regulator.Open},
		{"half left", nil, "50", false, regulator.Fails},
		{"an operational relationship remains", nil, "10", true, regulator.Fails},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := rules(c.opts)()
			require.NoError(t, err)
			var terms map[string]regulator.Value
			if c.rel {
				terms = map[string]regulator.Value{regimes.TermOperationalRelationship: regulator.Bool(true)}
			}
			a := g.Assess(after(c.cn, terms)(t))
			require.Equal(t, regulator.Holds, a.Applies, a.Text)
			require.Equal(t, c.test, a.Test.Truth, a.Test.Text)
		})
	}
	// An operator headquartered in China is controlled whatever its owners.
	g, err := rules(nil)()
	require.NoError(t, err)
	a := g.Assess(world(t, "2025-01-10", "cn-co", "us-holdco", []stake{{"us-holdco", "cn-co", "100"}}, nil))
	require.Equal(t, regulator.Fails, a.Test.Truth, a.Test.Text)
}

func TestChinaAssess(t *testing.T) {
	exports := func(items ...string) map[string]regulator.Value {
		return map[string]regulator.Value{regimes.TermTechnologyExports: regulator.Set(items...)}
	}
	algoDeal := func(terms map[string]regulator.Value) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2020-09-15", "us-co", "us-holdco", []stake{{"us-holdco", "us-co", "100"}}, terms)
		}
	}
	tech := func() (regulator.Gate, error) { return regimes.TechExportLicence(nil) }
	prohibitedToo := func() (regulator.Gate, error) {
		return regimes.TechExportLicence(&regimes.TechExportOptions{Prohibited: []string{"0501X"}})
	}
	fisr := func(s regimes.Sector) func() (regulator.Gate, error) {
		return func() (regulator.Gate, error) {
			return regimes.ChinaSecurityReview(&regimes.ChinaSecurityReviewOptions{Sector: s})
		}
	}
	inChina := func(percent string) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2025-05-01", "cn-co", "gallic", []stake{{"gallic", "cn-co", percent}}, nil)
		}
	}
	samr := func() (regulator.Gate, error) { return regimes.SAMRMerger(nil) }
	turnover := func(acq, tgt string) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2025-05-01", "cn-co", "gallic", []stake{{"gallic", "cn-co", "100"}}, map[string]regulator.Value{
				regimes.TermCombinedWorldwideTurnoverCNY: num("20000000000"),
				regimes.TermAcquirerChinaTurnoverCNY:     num(acq),
				regimes.TermTargetChinaTurnoverCNY:       num(tgt),
			})
		}
	}
	runAssessCases(t, []assessCase{
		{"the recommendation algorithm leaves China", tech, algoDeal(exports("056101X")), regulator.Holds, clearOrBlock},
		{"no restricted technology", tech, algoDeal(exports("0000X")), regulator.Fails, nil},
		{"nothing exported", tech, algoDeal(nil), regulator.Fails, nil},
		{"before the 2020 catalogue", tech, func(t *testing.T) *regulator.World {
			return world(t, "2020-08-27", "us-co", "us-holdco", []stake{{"us-holdco", "us-co", "100"}}, exports("056101X"))
		}, regulator.Fails, nil},
		{"prohibited technology cannot be licensed", prohibitedToo, algoDeal(exports("0501X")), regulator.Holds, []regulator.Decision{regulator.Block}},
		{"security review: control in a key sector", fisr(regimes.InformationTechnology), inChina("60"), regulator.Holds, []regulator.Decision{regulator.ClearWithMitigations, regulator.Block}},
		{"security review: minority in a key sector", fisr(regimes.InformationTechnology), inChina("10"), regulator.Open, nil},
		{"security review: any stake in defence", fisr(regimes.Defence), inChina("5"), regulator.Holds, nil},
		{"security review: sector not given", fisr(regimes.NoSector), inChina("60"), regulator.Open, nil},
		{"SAMR: both parties above CNY 800m in China", samr, turnover("900000000", "850000000"), regulator.Holds, mitigateOrBlock},
		{"SAMR: the target below CNY 800m in China", samr, turnover("900000000", "700000000"), regulator.Fails, nil},
	})
}

func TestEUAssess(t *testing.T) {
	eumr := func() (regulator.Gate, error) { return regimes.EUMR(nil) }
	turnover := func(world_, acq, tgt string) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2025-05-01", "de-co", "dragon", []stake{{"dragon", "de-co", "100"}}, map[string]regulator.Value{
				regimes.TermCombinedWorldwideTurnoverEUR: num(world_),
				regimes.TermAcquirerEUTurnoverEUR:        num(acq),
				regimes.TermTargetEUTurnoverEUR:          num(tgt),
			})
		}
	}
	fdi := func() (regulator.Gate, error) { return regimes.EUFDIScreening(nil) }
	stakeIn := func(holder, percent string) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2025-05-01", "de-co", holder, []stake{{holder, "de-co", percent}}, nil)
		}
	}
	runAssessCases(t, []assessCase{
		{"EU dimension", eumr, turnover("6000000000", "300000000", "260000000"), regulator.Holds, mitigateOrBlock},
		{"target below €250m in the EU", eumr, turnover("6000000000", "300000000", "250000000"), regulator.Fails, nil},
		{"FDI of 10%", fdi, stakeIn("dragon", "10"), regulator.Holds, []regulator.Decision{regulator.Clear}},
		{"portfolio stake of 9%", fdi, stakeIn("dragon", "9"), regulator.Fails, nil},
		{"an EU investor", fdi, stakeIn("gallic", "60"), regulator.Fails, nil},
	})
}

func TestUKNSIAAssess(t *testing.T) {
	mandatory := func() (regulator.Gate, error) {
		return regimes.UKNSIA(&regimes.UKNSIAOptions{Sector: regimes.Quantum})
	}
	stakeIn := func(percent string) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2025-05-01", "uk-co", "dragon", []stake{{"dragon", "uk-co", percent}}, nil)
		}
	}
	runAssessCases(t, []assessCase{
		{"exactly 25% is not more than 25%", mandatory, stakeIn("25"), regulator.Fails, nil},
		{"25.01%", mandatory, stakeIn("25.01"), regulator.Holds, mitigateOrBlock},
		{"75%", mandatory, stakeIn("75"), regulator.Holds, nil},
		{"outside the mandatory sectors the trigger is a call-in",
			func() (regulator.Gate, error) { return regimes.UKNSIA(nil) }, stakeIn("60"), regulator.Open, nil},
		{"before commencement", mandatory, func(t *testing.T) *regulator.World {
			return world(t, "2021-12-01", "uk-co", "dragon", []stake{{"dragon", "uk-co", "60"}}, nil)
		}, regulator.Fails, nil},
	})
	// With an explicit acquirer, a UK entity already held by a foreign
	// parent is caught only where the acquirer's holding crosses a
	// threshold.
	g, err := regimes.UKNSIA(&regimes.UKNSIAOptions{Sector: regimes.Quantum, Holders: parties.IDs("gallic")})
	require.NoError(t, err)
	w := world(t, "2025-05-01", "uk-co", "gallic", []stake{{"us-co", "uk-co", "80"}, {"gallic", "uk-co", "20"}}, nil)
	require.Equal(t, regulator.Fails, g.Assess(w).Applies)
}

func TestGermanyAWVAssess(t *testing.T) {
	awv := func(s regimes.Sector) func() (regulator.Gate, error) {
		return func() (regulator.Gate, error) { return regimes.GermanyAWV(&regimes.GermanyOptions{Sector: s}) }
	}
	stakeIn := func(holder, percent string) func(t *testing.T) *regulator.World {
		return func(t *testing.T) *regulator.World {
			return world(t, "2025-05-01", "de-co", holder, []stake{{holder, "de-co", percent}}, nil)
		}
	}
	runAssessCases(t, []assessCase{
		{"AI: 20% attains the threshold", awv(regimes.ArtificialIntelligence), stakeIn("dragon", "20"), regulator.Holds, mitigateOrBlock},
		{"AI: 19%", awv(regimes.ArtificialIntelligence), stakeIn("dragon", "19"), regulator.Fails, nil},
		{"cross-sectoral: 20% is below 25%", awv(regimes.NoSector), stakeIn("dragon", "20"), regulator.Fails, nil},
		{"critical infrastructure: 10%", awv(regimes.CriticalInfrastructure), stakeIn("dragon", "10"), regulator.Holds, nil},
		{"cross-sectoral review spares EU acquirers", awv(regimes.NoSector), stakeIn("gallic", "60"), regulator.Fails, nil},
		{"defence review covers EU acquirers", awv(regimes.Defence), stakeIn("gallic", "10"), regulator.Holds, nil},
		{"indirect: through a company the acquirer holds 30% of", awv(regimes.NoSector), func(t *testing.T) *regulator.World {
			return world(t, "2025-05-01", "de-co", "dragon", []stake{{"dragon", "us-holdco", "30"}, {"us-holdco", "de-co", "100"}}, nil)
		}, regulator.Holds, nil},
	})
}

func TestOtherRegimesAssess(t *testing.T) {
	runAssessCases(t, []assessCase{
		{"Canada: any non-Canadian investment", func() (regulator.Gate, error) { return regimes.CanadaICANationalSecurity(nil) },
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "ca-co", "dragon", []stake{{"dragon", "ca-co", "5"}}, nil)
			}, regulator.Holds, mitigateOrBlock},
		{"Canada: a Canadian investor", func() (regulator.Gate, error) { return regimes.CanadaICANationalSecurity(nil) },
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "ca-co", "maple", []stake{{"maple", "ca-co", "100"}}, nil)
			}, regulator.Fails, nil},
		{"Australia: 10% of a business not known to be a national security business",
			func() (regulator.Gate, error) { return regimes.AustraliaFIRB(nil) },
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "au-co", "dragon", []stake{{"dragon", "au-co", "10"}}, nil)
			}, regulator.Open, nil},
		{"Australia: 10% of a national security business",
			func() (regulator.Gate, error) {
				return regimes.AustraliaFIRB(&regimes.AustraliaOptions{NationalSecurityBusiness: parties.Holds})
			},
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "au-co", "dragon", []stake{{"dragon", "au-co", "10"}}, nil)
			}, regulator.Holds, nil},
		{"Australia: 25% above the monetary threshold",
			func() (regulator.Gate, error) {
				return regimes.AustraliaFIRB(&regimes.AustraliaOptions{NationalSecurityBusiness: parties.Fails})
			},
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "au-co", "dragon", []stake{{"dragon", "au-co", "25"}},
					map[string]regulator.Value{regimes.TermValueAUD: num("400000000")})
			}, regulator.Holds, nil},
		{"Australia: 25% below the monetary threshold",
			func() (regulator.Gate, error) {
				return regimes.AustraliaFIRB(&regimes.AustraliaOptions{NationalSecurityBusiness: parties.Fails})
			},
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "au-co", "dragon", []stake{{"dragon", "au-co", "25"}},
					map[string]regulator.Value{regimes.TermValueAUD: num("100000000")})
			}, regulator.Fails, nil},
		{"New Zealand: 30% of significant business assets",
			func() (regulator.Gate, error) { return regimes.NewZealandOIA(nil) },
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "nz-co", "dragon", []stake{{"dragon", "nz-co", "30"}},
					map[string]regulator.Value{regimes.TermValueNZD: num("150000000")})
			}, regulator.Holds, mitigateOrBlock},
		{"New Zealand: exactly 25%",
			func() (regulator.Gate, error) { return regimes.NewZealandOIA(nil) },
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "nz-co", "dragon", []stake{{"dragon", "nz-co", "25"}},
					map[string]regulator.Value{regimes.TermValueNZD: num("150000000")})
			}, regulator.Fails, nil},
		{"New Zealand: mandatory NSPO notification",
			func() (regulator.Gate, error) {
				return regimes.NewZealandOIA(&regimes.NewZealandOptions{Route: regimes.NZNationalSecurity, Sector: regimes.MilitaryAndDualUse})
			},
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "nz-co", "dragon", []stake{{"dragon", "nz-co", "30"}}, nil)
			}, regulator.Holds, nil},
		{"Japan: 0.5% of an unlisted company in a designated sector",
			func() (regulator.Gate, error) {
				return regimes.JapanFEFTA(&regimes.JapanOptions{Designated: parties.Holds})
			},
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "jp-co", "dragon", []stake{{"dragon", "jp-co", "0.5"}}, nil)
			}, regulator.Holds, mitigateOrBlock},
		{"Japan: 0.5% of a listed company",
			func() (regulator.Gate, error) {
				return regimes.JapanFEFTA(&regimes.JapanOptions{Designated: parties.Holds, Listed: true})
			},
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "jp-co", "dragon", []stake{{"dragon", "jp-co", "0.5"}}, nil)
			}, regulator.Fails, nil},
		{"Japan: sector not given",
			func() (regulator.Gate, error) { return regimes.JapanFEFTA(nil) },
			func(t *testing.T) *regulator.World {
				return world(t, "2025-05-01", "jp-co", "dragon", []stake{{"dragon", "jp-co", "5"}}, nil)
			}, regulator.Open, nil},
	})
}
