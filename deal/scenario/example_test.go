package scenario_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/dealscape/dealscape/deal/scenario"
	"github.com/dealscape/dealscape/parties"
)

// Load reports every problem of a document at once, each with its line,
// column and field path.
func ExampleLoad() {
	const doc = `as_of: 2020-01-01
parties: [{id: a, kind: firm}]
stakes: [{holder: a, subject: b, economic: 1.3}]
proposals: [{id: p, target: b, moves: [{transfer: {seller: a, buyer: c, subject: b}}]}]
`
	_, err := scenario.Load("example.yaml", strings.NewReader(doc))
	fmt.Println(err)
	// Output:
	// example.yaml:2:25: parties[0].kind: "firm" is not one of company, fund, state, person, consortium, unknown
	// example.yaml:3:44: stakes[0].economic: 1.3 is outside [0, 1]
	// example.yaml:4:51: proposals[0].moves[0].transfer: missing field "amount"
}

// A scenario document converts into a deal.Scenario, whose analysis
// marshals to stable JSON: snake_case fields, dates as YYYY-MM-DD (null
// where there is none), probabilities as decimal strings (null where a
// likelihood is missing), every digit kept.
func ExampleFile_Scenario() {
	const doc = `name: sale
as_of: 2021-01-04
parties: [{id: target}, {id: seller}, {id: buyer}]
stakes: [{holder: seller, subject: target, economic: 1}]
deadlines: [{id: long-stop, outcome: lapse, date: 2021-03-31}]
positions: [{party: buyer}]
proposals:
  - id: sale
    target: target
    acquirers: [buyer]
    moves: [{transfer: {seller: seller, buyer: buyer, subject: target, amount: all}}]
likelihoods: {consent: {seller: "0.40000000000000000001"}}
`
	f, err := scenario.Load("sale.yaml", strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := f.Scenario()
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := sc.Analyze(context.Background(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "scenario": "sale",
	//   "as_of": "2021-01-04",
	//   "outcomes": [
	//     {
	//       "id": "sale",
	//       "kind": "closing",
	//       "possible": true,
	//       "earliest": "2021-01-04",
	//       "latest": "2021-01-04",
	//       "probability": "0.40000000000000000001",
	//       "witness": [
	//         {
	//           "kind": "proposal",
	//           "id": "sale",
	//           "value": "pursued"
	//         },
	//         {
	//           "kind": "consent",
	//           "id": "buyer",
	//           "value": "consents",
	//           "text": "buyer accepts sale: buyer accepts"
	//         },
	//         {
	//           "kind": "consent",
	//           "id": "seller",
	//           "value": "consents",
	//           "text": "seller has stated no position on sale",
	//           "open": true
	//         },
	//         {
	//           "kind": "closing",
	//           "id": "sale",
	//           "value": "2021-01-04",
	//           "text": "the last clearance lands between 2021-01-04 and 2021-01-04"
	//         },
	//         {
	//           "kind": "deadline",
	//           "id": "long-stop",
	//           "value": "2021-03-31",
	//           "text": "long-stop on 2021-03-31"
	//         }
	//       ],
	//       "reasons": []
	//     },
	//     {
	//       "id": "lapse",
	//       "kind": "consequence",
	//       "possible": true,
	//       "earliest": "2021-03-31",
	//       "latest": "2021-03-31",
	//       "probability": "0.59999999999999999999",
	//       "witness": [
	//         {
	//           "kind": "proposal",
	//           "id": "sale",
	//           "value": "pursued"
	//         },
	//         {
	//           "kind": "consent",
	//           "id": "buyer",
	//           "value": "consents",
	//           "text": "buyer accepts sale: buyer accepts"
	//         },
	//         {
	//           "kind": "consent",
	//           "id": "seller",
	//           "value": "refuses",
	//           "text": "seller has stated no position on sale",
	//           "open": true
	//         },
	//         {
	//           "kind": "deadline",
	//           "id": "long-stop",
	//           "value": "2021-03-31",
	//           "text": "long-stop on 2021-03-31"
	//         }
	//       ],
	//       "reasons": []
	//     },
	//     {
	//       "id": "status-quo",
	//       "kind": "status-quo",
	//       "possible": false,
	//       "earliest": null,
	//       "latest": null,
	//       "probability": "0",
	//       "witness": [],
	//       "reasons": [
	//         {
	//           "kind": "deadline",
	//           "deadline": "long-stop",
	//           "text": "long-stop cannot be enjoined: long-stop on 2021-03-31"
	//         }
	//       ],
	//       "relax": [
	//         {
	//           "kind": "deadline",
	//           "deadline": "long-stop",
	//           "text": "long-stop cannot be enjoined: long-stop on 2021-03-31"
	//         }
	//       ]
	//     }
	//   ],
	//   "combinations": 1
	// }
}

// Save writes a File built in Go; Load reads it back into an equal File.
func ExampleSave() {
	us := parties.MustJurisdiction("US")
	f := &scenario.File{
		Name: "example",
		AsOf: "2021-01-04",
		Parties: []scenario.Party{
			{ID: "target", Jurisdiction: us},
			{ID: "seller", Kind: parties.Person},
		},
		Stakes: []scenario.Stake{{Holder: "seller", Subject: "target", Economic: "0.40..0.41"}},
		Positions: []scenario.Position{{Party: "seller", Accepts: &scenario.Condition{
			Owned: &scenario.Ownership{Holders: scenario.Predicate{Name: "US parties", In: &scenario.InJurisdiction{Jurisdiction: us}}, Threshold: ">0.5"},
		}}},
	}
	if err := scenario.Save(os.Stdout, f, scenario.YAML); err != nil {
		fmt.Println(err)
	}
	// Output:
	// name: example
	// as_of: 2021-01-04
	// parties:
	//   - {id: target, jurisdiction: US}
	//   - {id: seller, kind: person}
	// stakes:
	//   - {holder: seller, subject: target, economic: "0.40..0.41"}
	// positions:
	//   - party: seller
	//     accepts:
	//       owned: {holders: {name: US parties, in: {jurisdiction: US}}, threshold: '>0.5'}
}
