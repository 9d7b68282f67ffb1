package regulator_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAssessmentJSON(t *testing.T) {
	cn := parties.MustJurisdiction("CN")
	licence := regulator.MustGate(regulator.GateSpec{
		ID:        "cn-tech-export-licence",
		Regulator: regulator.Regulator{ID: "mofcom", Name: "MOFCOM", Jurisdiction: cn},
		InForce:   regulator.Window{From: time.Date(2020, 8, 28, 0, 0, 0, 0, time.UTC)},
		Trigger:   regulator.TermIs("algorithm-transferred", regulator.Bool(true)),
		Clearance: regulator.Const(parties.Fails, "China signalled it would not grant the licence"),
	})
	terms := regulator.NewTerms(map[string]regulator.Value{"algorithm-transferred": regulator.Bool(true)})
	for _, tc := range []struct {
		name, asOf, want string
	}{
		{"not in force", "2020-08-01", `{"gate":"cn-tech-export-licence","in_force":false,"applies":"fails","decisions":[],` +
			`"text":"cn-tech-export-licence (MOFCOM) does not apply: not in force on 2020-08-01 (in force from 2020-08-28)"}`},
		{"blocks", "2020-09-14", `{"gate":"cn-tech-export-licence","in_force":true,"applies":"holds",` +
			`"trigger":{"truth":"holds","text":"algorithm-transferred is yes; the rule needs yes: holds"},` +
			`"test":{"truth":"fails","text":"China signalled it would not grant the licence: fails"},"decisions":["block"],` +
			`"text":"cn-tech-export-licence (MOFCOM) applies (algorithm-transferred is yes; the rule needs yes: holds); clearance test: China signalled it would not grant the licence: fails"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := time.Parse(time.DateOnly, tc.asOf)
			require.NoError(t, err)
			a := licence.Assess(regulator.NewWorld(regulator.Facts{Terms: terms, AsOf: d}))
			b, err := json.Marshal(a)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(b))
		})
	}
}

// Evaluations marshal to stable JSON with snake_case fields and truth values
// as text.
func ExampleEvaluation_MarshalJSON() {
	e := regulator.And(
		regulator.Const(parties.Holds, "ByteDance consents"),
		regulator.Discretion("look-through", "counting US ownership looking through"),
	).Eval(regulator.NewWorld(regulator.Facts{}))
	b, _ := json.MarshalIndent(e, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "truth": "open",
	//   "text": "(ByteDance consents: holds; and counting US ownership looking through is at the authority's discretion: open): open",
	//   "parts": [
	//     {
	//       "truth": "holds",
	//       "text": "ByteDance consents: holds"
	//     },
	//     {
	//       "truth": "open",
	//       "text": "counting US ownership looking through is at the authority's discretion: open",
	//       "discretion": [
	//         "look-through"
	//       ]
	//     }
	//   ],
	//   "discretion": [
	//     "look-through"
	//   ]
	// }
}
