package regimes_test

import (
	"fmt"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/regimes"
	"github.com/shopspring/decimal"
)

// A filing plan for a cross-border deal: a Chinese-headquartered acquirer
// buys a US robotics company with UK and German subsidiaries. Which gates
// does the deal trigger, and by when can each decide at the latest if
// everything is filed on 2 March 2026?
func Example_filingPlan() {
	j := parties.MustJurisdiction
	reg, err := parties.New([]parties.Party{
		{ID: "dragon", Name: "Dragon Holdings", Jurisdiction: j("KY"), Headquarters: j("CN")},
		{ID: "beacon", Name: "Beacon Robotics Inc.", Jurisdiction: j("US"), Headquarters: j("US")},
		{ID: "beacon-uk", Name: "Beacon Robotics UK Ltd", Jurisdiction: j("GB"), Headquarters: j("GB")},
		{ID: "beacon-de", Name: "Beacon Robotics GmbH", Jurisdiction: j("DE"), Headquarters: j("DE")},
	}, []parties.Stake{
		{Holder: "dragon", Subject: "beacon", Economic: parties.Percent(100)},
		{Holder: "beacon", Subject: "beacon-uk", Economic: parties.Percent(100)},
		{Holder: "beacon", Subject: "beacon-de", Economic: parties.Percent(100)},
	})
	if err != nil {
		panic(err)
	}
	filed := time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)
	world := regulator.NewWorld(regulator.Facts{
		Register:  reg,
		Target:    "beacon",
		Acquirers: []parties.ID{"dragon"},
		Terms: regulator.NewTerms(map[string]regulator.Value{
			regimes.TermValueUSD:                     regulator.Number(decimal.RequireFromString("900000000")),
			regimes.TermCombinedWorldwideTurnoverEUR: regulator.Number(decimal.RequireFromString("3100000000")),
			regimes.TermAcquirerEUTurnoverEUR:        regulator.Number(decimal.RequireFromString("400000000")),
			regimes.TermTargetEUTurnoverEUR:          regulator.Number(decimal.RequireFromString("120000000")),
		}),
		AsOf: filed,
	})
	// The acquirer's side, whose holdings the thresholds count (the UK
	// and German subsidiaries are already held by a foreign parent).
	dragon := parties.IDs("dragon").WithName("Dragon Holdings")

	var gates []regulator.Gate
	add := func(g regulator.Gate, err error) {
		if err != nil {
			panic(err)
		}
		gates = append(gates, g)
	}
	add(regimes.CFIUSNotice(&regimes.CFIUSOptions{Filed: filed}))
	add(regimes.CFIUSDeclaration(&regimes.CFIUSDeclarationOptions{Filed: filed, Sector: regimes.CriticalTechnology}))
	add(regimes.HSR(&regimes.HSROptions{Filed: filed}))
	add(regimes.UKNSIA(&regimes.UKNSIAOptions{Filed: filed, Sector: regimes.AdvancedRobotics, Entity: "beacon-uk", Holders: dragon}))
	add(regimes.GermanyAWV(&regimes.GermanyOptions{Filed: filed, Sector: regimes.AdvancedRobotics, Entity: "beacon-de", Acquirers: dragon}))
	add(regimes.EUFDIScreening(&regimes.EUFDIOptions{Filed: filed, Entity: "beacon-de", ForeignInvestors: dragon}))
	add(regimes.EUMR(&regimes.EUMROptions{Filed: filed}))
	add(regimes.SAMRMerger(&regimes.SAMROptions{Filed: filed}))
	add(regimes.CanadaICANationalSecurity(&regimes.CanadaOptions{Filed: filed}))

	for _, g := range gates {
		a := g.Assess(world)
		if a.Applies == regulator.Fails {
			fmt.Printf("%-26s not triggered\n", g.ID())
			continue
		}
		_, latest, err := g.Timeline().Window(filed)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-26s %-5s latest decision %s  %v\n", g.ID(), a.Applies, latest.Format(time.DateOnly), a.Decisions)
	}
	// Checked by hand: CFIUS accepts by 16 March (10 business days), the
	// review ends on day 45, 29 April, the investigation 13 June, its
	// extension 28 June, the President 13 July. HSR: 1 April, then 1 May
	// after a second request. The UK review ends 16 April (17 March, Good
	// Friday and Easter Monday are off), call-in 1 June, the additional
	// period 5 August (13 July and the Scottish 3 August are off). The AWV's
	// two months end on Saturday 2 May, rolled past the weekend to 4 May;
	// then 4 September and 4 December. EU comments are due 35 days after 2
	// March, on Easter Monday, so on 7 April.

	// Output:
	// us-cfius-notice            holds latest decision 2026-07-13  [clear-with-mitigations block]
	// us-cfius-declaration       holds latest decision 2026-03-31  [clear block]
	// us-hsr                     holds latest decision 2026-05-01  [clear-with-mitigations block]
	// uk-nsia                    holds latest decision 2026-08-05  [clear-with-mitigations block]
	// de-awv                     holds latest decision 2026-12-04  [clear-with-mitigations block]
	// eu-fdi-cooperation         holds latest decision 2026-04-07  [clear]
	// eu-merger                  not triggered
	// cn-samr-merger             not triggered
	// ca-ica-national-security   not triggered
}
