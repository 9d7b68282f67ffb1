package deal_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/internal/fixture"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func miniTikTok(t testing.TB, asOf string) *deal.Scenario {
	t.Helper()
	sc, err := fixture.MiniTikTok(date(asOf))
	require.NoError(t, err)
	return sc
}

func TestMiniTikTok(t *testing.T) {
	for _, tc := range []struct {
		asOf     string
		possible map[string]bool
	}{
		// As of 2020-09-14 ByteDance refuses the algorithm transfer and
		// China's licence is required: the Microsoft deal is impossible.
		{"2020-09-14", map[string]bool{"microsoft-walmart-acquisition": false, "oracle-walmart-tiktok-global": true, "us-ban": true, "status-quo": false}},
		// As of 2020-08-01 neither the refusal nor the licence holds yet.
		{"2020-08-01", map[string]bool{"microsoft-walmart-acquisition": true, "oracle-walmart-tiktok-global": true, "us-ban": true, "status-quo": false}},
	} {
		t.Run(tc.asOf, func(t *testing.T) {
			r, err := miniTikTok(t, tc.asOf).Analyze(context.Background(), nil)
			require.NoError(t, err)
			got := map[string]bool{}
			for _, o := range r.Outcomes {
				got[o.ID] = o.Possible
				require.Nil(t, o.Probability, "no likelihoods are given")
			}
			require.Equal(t, tc.possible, got)
			var n int64
			for p := range r.Paths() {
				require.True(t, got[p.Outcome], "path to impossible outcome %s", p.Outcome)
				n++
			}
			require.Equal(t, r.PathCount().Int64(), n)
			b, err := json.Marshal(r)
			require.NoError(t, err)
			require.Contains(t, string(b), `"as_of":"`+tc.asOf+`"`)
		})
	}
}
