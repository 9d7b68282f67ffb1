package parties_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResultJSON(t *testing.T) {
	reg := tiktokGlobal(t)
	us := parties.In(parties.MustJurisdiction("US"), parties.Seat).WithName("US parties")
	own, err := reg.OwnedBy("tiktok-global", us, parties.Proportional())
	require.NoError(t, err)
	ctl, err := reg.Controllers("tiktok-global", parties.Majority)
	require.NoError(t, err)
	owners, err := reg.UltimateOwners("tiktok-global", &parties.OwnerOptions{Threshold: parties.Threshold{Op: parties.AtLeast, Value: d("0.3")}})
	require.NoError(t, err)
	x, err := reg.Explain("tiktok-global", "us-investors", parties.Proportional())
	require.NoError(t, err)
	in, err := reg.LookThrough("tiktok-global", parties.Direct())
	require.NoError(t, err)
	stake := parties.Stake{Holder: "a", Subject: "b", Economic: parties.Exact(d("0.25")), From: time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC),
		Source: parties.Source{URL: "https://example.org/x", Confidence: parties.Unconfirmed}}
	party := parties.Party{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: parties.MustJurisdiction("KY"), Headquarters: parties.MustJurisdiction("CN")}
	for _, tc := range []struct {
		name string
		v    any
		want string
	}{
		{"ownership", own, `{"subject":"tiktok-global","predicate":"US parties","method":"proportional","share":"0.52..0.528",` +
			`"holders":[{"party":"oracle","share":"0.125"},{"party":"us-investors","share":"0.32..0.328"},{"party":"walmart","share":"0.075"}]}`},
		{"controllers", ctl, `[{"party":"bytedance","controls":"holds","chain":[{"holder":"bytedance","subject":"tiktok-global","economic":"0.8"}]}]`},
		{"owners", owners, `[{"party":"us-investors","share":"0.32..0.328","meets":"holds"}]`},
		{"explanation", x, `{"holder":"us-investors","subject":"tiktok-global","method":"proportional","share":"0.32..0.328",` +
			`"paths":[{"links":[{"holder":"us-investors","subject":"bytedance","weight":"0.4..0.41","stakes":[{"holder":"us-investors","subject":"bytedance","economic":"0.4..0.41"}]},` +
			`{"holder":"bytedance","subject":"tiktok-global","weight":"0.8","stakes":[{"holder":"bytedance","subject":"tiktok-global","economic":"0.8"}]}],"share":"0.32..0.328"}],` +
			`"truncated":false,"remainder":"0"}`},
		{"interests", in, `{"subject":"tiktok-global","method":"direct","interests":[{"party":"bytedance","share":"0.8"},{"party":"oracle","share":"0.125"},{"party":"walmart","share":"0.075"}]}`},
		{"stake", stake, `{"holder":"a","subject":"b","economic":"0.25","from":"2020-09-14","source":{"url":"https://example.org/x","confidence":"unconfirmed"}}`},
		{"party", party, `{"id":"bytedance","name":"ByteDance Ltd.","kind":"company","jurisdiction":"KY","headquarters":"CN"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.v)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(b))
		})
	}
}

// The result types marshal to stable JSON: snake_case fields, shares as
// strings ("0.125", or "min..max" for a range), dates as YYYY-MM-DD.
func ExampleOwnership_MarshalJSON() {
	us := parties.MustJurisdiction("US")
	reg, err := parties.New([]parties.Party{
		{ID: "bytedance", Jurisdiction: parties.MustJurisdiction("KY"), Headquarters: parties.MustJurisdiction("CN")},
		{ID: "us-investors", Kind: parties.Fund, Jurisdiction: us},
		{ID: "oracle", Jurisdiction: us},
		{ID: "tiktok-global", Jurisdiction: us},
	}, []parties.Stake{
		{Holder: "bytedance", Subject: "tiktok-global", Economic: parties.MustParseShare("80%")},
		{Holder: "oracle", Subject: "tiktok-global", Economic: parties.MustParseShare("12.5%")},
		{Holder: "us-investors", Subject: "bytedance", Economic: parties.MustParseShare("40%..41%")},
	})
	if err != nil {
		panic(err)
	}
	o, err := reg.OwnedBy("tiktok-global", parties.In(us, parties.Seat).WithName("US parties"), parties.Proportional())
	if err != nil {
		panic(err)
	}
	b, _ := json.MarshalIndent(o, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "subject": "tiktok-global",
	//   "predicate": "US parties",
	//   "method": "proportional",
	//   "share": "0.445..0.453",
	//   "holders": [
	//     {
	//       "party": "oracle",
	//       "share": "0.125"
	//     },
	//     {
	//       "party": "us-investors",
	//       "share": "0.32..0.328"
	//     }
	//   ]
	// }
}
