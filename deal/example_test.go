package deal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

func day2020(s string) time.Time {
	t, err := time.Parse(time.DateOnly, "2020-"+s)
	if err != nil {
		panic(err)
	}
	return t
}

// tiktok2020 is a compact version of the 2020 TikTok affair: Microsoft
// offers to buy TikTok's US business outright, algorithm included; Oracle
// proposes to take 20% of it as trusted technology partner. ByteDance
// refuses to transfer the algorithm from 2020-09-13, China requires an
// export licence for it (granted where licensing holds), CFIUS must clear
// either deal, and the ban of EO 13942 takes effect on 2020-09-20 unless a
// court enjoins it.
func tiktok2020(asOf time.Time, licensing regulator.Condition) *deal.Scenario {
	us, cn := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN")
	reg, err := parties.New([]parties.Party{
		{ID: "bytedance", Name: "ByteDance", Jurisdiction: cn, Headquarters: cn},
		{ID: "tiktok-us", Name: "TikTok US", Jurisdiction: us, Headquarters: us},
		{ID: "microsoft", Name: "Microsoft", Jurisdiction: us, Headquarters: us},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us},
	}, []parties.Stake{{Holder: "bytedance", Subject: "tiktok-us", Economic: parties.Exact(decimal.NewFromInt(1))}})
	if err != nil {
		panic(err)
	}
	usPersons := parties.In(us, parties.Seat).WithName("US persons")
	custodian := regulator.Mitigation{ID: "custodian", Name: "trusted US data custodian",
		Available: regulator.TermParty("custodian", usPersons)}
	algorithm := regulator.TermIs("algorithm", regulator.Bool(true))
	cfius := regulator.MustGate(regulator.GateSpec{ID: "cfius", Name: "CFIUS review",
		Regulator: regulator.Regulator{ID: "cfius", Name: "CFIUS", Jurisdiction: us},
		Clearance: regulator.Or(
			regulator.Owned(regulator.OwnershipRule{Holders: usPersons, Method: parties.Direct(), Threshold: parties.Majority}),
			regulator.Requires(custodian)),
		Mitigations: []regulator.Mitigation{custodian},
		Timeline:    regulator.Timeline{Phases: []regulator.Phase{{Name: "review", Min: calendar.Days(1), Max: calendar.Days(45)}}},
	})
	licence := regulator.MustGate(regulator.GateSpec{ID: "mofcom", Name: "export licence",
		Regulator: regulator.Regulator{ID: "mofcom", Name: "MOFCOM", Jurisdiction: cn},
		Trigger:   algorithm,
		Clearance: licensing,
	})
	ban := regulator.MustDeadline(regulator.DeadlineSpec{ID: "eo-13942", Name: "EO 13942", Date: day2020("09-20"),
		Consequence: "ban of transactions with ByteDance", Enjoinable: true})
	sc, err := deal.New(deal.Spec{
		Name: "TikTok 2020", Register: reg, AsOf: asOf,
		Gates:   []regulator.Gate{cfius, licence},
		Threats: []deal.Threat{{Deadline: ban, Outcome: "ban"}},
		Positions: []deal.Position{
			{Party: "bytedance", Accepts: regulator.Not(algorithm), From: day2020("09-13")},
			{Party: "microsoft"}, {Party: "oracle"},
		},
		Proposals: []deal.Proposal{
			{ID: "sale", Target: "tiktok-us", Acquirers: []parties.ID{"microsoft"},
				Moves: []deal.Move{deal.Transfer{Seller: "bytedance", Buyer: "microsoft", Subject: "tiktok-us", Amount: deal.All()}},
				Terms: map[string]regulator.Value{"algorithm": regulator.Bool(true), "custodian": regulator.Text("microsoft")}},
			{ID: "partnership", Target: "tiktok-us", Acquirers: []parties.ID{"oracle"}, Consents: []parties.ID{"bytedance", "oracle"},
				Moves: []deal.Move{deal.Issue{Subject: "tiktok-us", To: []deal.Allocation{{Holder: "oracle", Amount: deal.Fixed(decimal.RequireFromString("0.2"))}}}},
				Terms: map[string]regulator.Value{"algorithm": regulator.Bool(false), "custodian": regulator.Text("oracle")}},
		},
	})
	if err != nil {
		panic(err)
	}
	return sc
}

func ExampleScenario_Analyze() {
	r, err := tiktok2020(day2020("09-14"), regulator.Const(parties.Fails, "China will not license the algorithm's export")).Analyze(context.Background(), nil)
	if err != nil {
		panic(err)
	}
	for _, o := range r.Outcomes {
		if !o.Possible {
			fmt.Printf("%s: impossible\n", o.ID)
			for _, why := range o.Reasons {
				fmt.Printf("  %s: %s\n", why.Kind, why.Text)
			}
			continue
		}
		fmt.Printf("%s: possible", o.ID)
		if !o.Earliest.IsZero() {
			fmt.Printf(", %s to %s", o.Earliest.Format(time.DateOnly), o.Latest.Format(time.DateOnly))
		}
		if len(o.Mitigations) > 0 {
			fmt.Printf(", with %s", strings.Join(o.Mitigations, ", "))
		}
		fmt.Println()
	}
	// Output:
	// sale: impossible
	//   position: ByteDance refuses sale: algorithm is yes; the rule needs anything but yes: fails
	//   gate: export licence (MOFCOM) applies (algorithm is yes; the rule needs yes: holds); clearance test: China will not license the algorithm's export: fails
	// partnership: possible, 2020-09-14 to 2020-10-28, with custodian
	// ban: possible, 2020-09-20 to 2020-09-20
	// status-quo: possible
}

func ExampleResult_Paths() {
	r, err := tiktok2020(day2020("09-14"), regulator.Const(parties.Fails, "China will not license the algorithm's export")).Analyze(context.Background(), nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.PathCount(), "paths; the first four:")
	n := 0
	for p := range r.Paths() {
		var steps []string
		for _, s := range p.Steps {
			steps = append(steps, s.ID+" "+s.Value)
		}
		fmt.Printf("%s <- %s\n", p.Outcome, strings.Join(steps, ", "))
		if n++; n == 4 {
			break
		}
	}
	// Output:
	// 5 paths; the first four:
	// ban <- sale pursued, bytedance refuses, microsoft consents, cfius clear, mofcom block, eo-13942 2020-09-20
	// status-quo <- sale pursued, bytedance refuses, microsoft consents, cfius clear, mofcom block, eo-13942 enjoined
	// partnership <- partnership pursued, bytedance consents, oracle consents, cfius clear-with-mitigations, eo-13942 2020-09-20, partnership on time
	// ban <- partnership pursued, bytedance consents, oracle consents, cfius clear-with-mitigations, eo-13942 2020-09-20, partnership late
}

func ExampleScenario_WithAsOf() {
	// Whether China would license the algorithm's export is left open.
	sc := tiktok2020(day2020("09-01"), regulator.Discretion("licence", "licensing the algorithm's export"))
	// ByteDance's refusal to transfer the algorithm holds from 2020-09-13:
	// from then on Microsoft's offer cannot close.
	for _, d := range []string{"09-01", "09-12", "09-13", "09-19"} {
		r, err := sc.WithAsOf(day2020(d)).Analyze(context.Background(), nil)
		if err != nil {
			panic(err)
		}
		sale, _ := r.Outcome("sale")
		fmt.Printf("as of 2020-%s: ", d)
		if sale.Possible {
			fmt.Printf("sale possible, %s to %s\n", sale.Earliest.Format(time.DateOnly), sale.Latest.Format(time.DateOnly))
			continue
		}
		fmt.Printf("sale impossible: %s\n", sale.Relax[0].Text)
	}
	// Output:
	// as of 2020-09-01: sale possible, 2020-09-01 to 2020-10-15
	// as of 2020-09-12: sale possible, 2020-09-12 to 2020-10-26
	// as of 2020-09-13: sale impossible: ByteDance refuses sale: algorithm is yes; the rule needs anything but yes: fails
	// as of 2020-09-19: sale impossible: ByteDance refuses sale: algorithm is yes; the rule needs anything but yes: fails
}

// Results marshal to stable JSON: snake_case fields, dates as YYYY-MM-DD or
// null, probabilities as decimal strings or null. [Result.MarshalJSON]
// writes {"scenario", "as_of", "outcomes": [...], "combinations"}; each
// outcome is written as here.
func ExampleOutcome_MarshalJSON() {
	r, err := tiktok2020(day2020("09-14"), regulator.Const(parties.Fails, "China will not license the algorithm's export")).Analyze(context.Background(), nil)
	if err != nil {
		panic(err)
	}
	sale, _ := r.Outcome("sale")
	b, _ := json.MarshalIndent(sale, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "id": "sale",
	//   "kind": "closing",
	//   "possible": false,
	//   "earliest": null,
	//   "latest": null,
	//   "probability": null,
	//   "witness": [],
	//   "reasons": [
	//     {
	//       "kind": "position",
	//       "party": "bytedance",
	//       "proposal": "sale",
	//       "text": "ByteDance refuses sale: algorithm is yes; the rule needs anything but yes: fails"
	//     },
	//     {
	//       "kind": "gate",
	//       "gate": "mofcom",
	//       "proposal": "sale",
	//       "text": "export licence (MOFCOM) applies (algorithm is yes; the rule needs yes: holds); clearance test: China will not license the algorithm's export: fails"
	//     }
	//   ],
	//   "relax": [
	//     {
	//       "kind": "position",
	//       "party": "bytedance",
	//       "proposal": "sale",
	//       "text": "ByteDance refuses sale: algorithm is yes; the rule needs anything but yes: fails"
	//     },
	//     {
	//       "kind": "gate",
	//       "gate": "mofcom",
	//       "proposal": "sale",
	//       "text": "export licence (MOFCOM) applies (algorithm is yes; the rule needs yes: holds); clearance test: China will not license the algorithm's export: fails"
	//     }
	//   ]
	// }
}
