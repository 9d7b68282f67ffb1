package bods_test

import (
	"fmt"
	"strings"

	"github.com/dealscape/dealscape/parties/bods"
)

// A small BODS 0.4 document: Acme is held 60% by Holdco and 40% (a range:
// more than 25%, at most 40%) by Ann; Holdco is held wholly by Bob.
const acme = `[
 {"statementId":"00000000000000000000000000000001","statementDate":"2024-01-01","recordId":"acme","recordType":"entity",
  "recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Acme Ltd","jurisdiction":{"name":"UK","code":"GB"}}},
 {"statementId":"00000000000000000000000000000002","statementDate":"2024-01-01","recordId":"holdco","recordType":"entity",
  "recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Holdco BV","jurisdiction":{"name":"NL","code":"NL"}}},
 {"statementId":"00000000000000000000000000000003","statementDate":"2024-01-01","recordId":"ann","recordType":"person",
  "recordDetails":{"isComponent":false,"personType":"knownPerson","names":[{"fullName":"Ann"}],"nationalities":[{"name":"France","code":"FR"}]}},
 {"statementId":"00000000000000000000000000000004","statementDate":"2024-01-01","recordId":"bob","recordType":"person",
  "recordDetails":{"isComponent":false,"personType":"knownPerson","names":[{"fullName":"Bob"}]}},
 {"statementId":"00000000000000000000000000000005","statementDate":"2024-01-01","recordId":"r1","recordType":"relationship",
  "recordDetails":{"isComponent":false,"subject":"acme","interestedParty":"holdco",
   "interests":[{"type":"shareholding","directOrIndirect":"direct","share":{"exact":60}}]}},
 {"statementId":"00000000000000000000000000000006","statementDate":"2024-01-01","recordId":"r2","recordType":"relationship",
  "recordDetails":{"isComponent":false,"subject":"acme","interestedParty":"ann",
   "interests":[{"type":"shareholding","share":{"exclusiveMinimum":25,"maximum":40}},
                {"type":"appointmentOfBoard","directOrIndirect":"direct"}]}},
 {"statementId":"00000000000000000000000000000007","statementDate":"2024-01-01","recordId":"r3","recordType":"relationship",
  "recordDetails":{"isComponent":false,"subject":"holdco","interestedParty":"bob",
   "interests":[{"type":"shareholding","share":{"exact":100}}]}}
]`

func ExampleImport() {
	res, err := bods.Import(strings.NewReader(acme), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	owners, err := res.Register.UltimateOwners("acme", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range owners {
		p, _ := res.Register.Party(o.Party)
		fmt.Printf("%s (%s, %s): %s\n", p.Name, p.Kind, p.Jurisdiction, o.Share)
	}
	for _, c := range res.Controls {
		fmt.Println(c.InterestedParty, c.Type)
	}
	// Output:
	// Bob (person, unknown): 60%
	// Ann (person, FR): 25%–40%
	// ann appointmentOfBoard
}

func ExampleImport_errors() {
	doc := `[{"statementId":"00000000000000000000000000000009","statementDate":"2024-01-01","recordId":"r9",
	  "recordType":"relationship","recordDetails":{"isComponent":false,"subject":"acme","interestedParty":"ann",
	  "interests":[{"type":"shareholding","share":{"minimum":60,"maximum":40}}]}}]`
	_, err := bods.Import(strings.NewReader(doc), nil)
	fmt.Println(err)
	// Output:
	// bods: statement "00000000000000000000000000000009" (record "r9"): recordDetails.interests[0].share: share range minimum above maximum: minimum 60% is above maximum 40%
}

func ExampleExport() {
	res, err := bods.Import(strings.NewReader(acme), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var out strings.Builder
	if err := bods.Export(&out, res.Register, nil); err != nil {
		fmt.Println(err)
		return
	}
	back, err := bods.Import(strings.NewReader(out.String()), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for s := range back.Register.Stakes() {
		fmt.Println(s)
	}
	// Output:
	// ann holds 25%–40% of acme
	// holdco holds 60% of acme
	// bob holds 100% of holdco
}
