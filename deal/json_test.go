package deal_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPathJSON(t *testing.T) {
	r, err := tiktok2020(day2020("09-14"), regulator.Const(parties.Fails, "no licence")).Analyze(context.Background(), nil)
	require.NoError(t, err)
	require.NotZero(t, r.PathCount().Sign(), "no path to marshal")
	for p := range r.Paths() {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		assert.JSONEq(t, `{"steps":[{"kind":"proposal","id":"sale","value":"pursued","open":true},`+
			`{"kind":"consent","id":"bytedance","value":"refuses","text":"ByteDance refuses sale: algorithm is yes; the rule needs anything but yes: fails"},`+
			`{"kind":"consent","id":"microsoft","value":"consents","text":"Microsoft accepts sale: microsoft accepts"},`+
			`{"kind":"decision","id":"cfius","value":"clear","text":"CFIUS review (CFIUS) applies; clearance test: (US persons hold 100% of TikTok US directly; the rule needs more than 50%: holds; or mitigation \"custodian\" (trusted US data custodian): custodian is Microsoft; the rule needs one of US persons: holds): holds"},`+
			`{"kind":"decision","id":"mofcom","value":"block","text":"export licence (MOFCOM) applies (algorithm is yes; the rule needs yes: holds); clearance test: no licence: fails"},`+
			`{"kind":"deadline","id":"eo-13942","value":"2020-09-20","text":"EO 13942 on 2020-09-20: ban of transactions with ByteDance; may be enjoined","open":true}],`+
			`"outcome":"ban","probability":null}`, string(b))
		break
	}
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var generic map[string]any
	require.NoError(t, json.Unmarshal(b, &generic))
	for _, k := range []string{"scenario", "as_of", "outcomes", "combinations"} {
		assert.Contains(t, generic, k)
	}
}
