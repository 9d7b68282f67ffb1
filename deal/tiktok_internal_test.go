package deal_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func date(s string) time.Time      { t, _ := time.Parse(time.DateOnly, s); return t }
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func miniTikTok(t testing.TB, asOf string) *deal.Scenario {
	us, cn, ky := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN"), parties.MustJurisdiction("KY")
	reg, err := parties.New([]parties.Party{
		{ID: "bytedance", Name: "ByteDance", Jurisdiction: ky, Headquarters: cn},
		{ID: "us-investors", Kind: parties.Fund, Jurisdiction: us},
		{ID: "founders", Kind: parties.Person, Jurisdiction: cn},
		{ID: "tiktok-us", Name: "TikTok US business", Jurisdiction: us},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us},
		{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us},
		{ID: "microsoft", Name: "Microsoft", Jurisdiction: us, Headquarters: us},
	}, []parties.Stake{
		{Holder: "us-investors", Subject: "bytedance", Economic: parties.Between(dec("0.40"), dec("0.41"))},
		{Holder: "founders", Subject: "bytedance", Economic: parties.Exact(dec("0.2"))},
		{Holder: "bytedance", Subject: "tiktok-us", Economic: parties.Exact(dec("1"))},
	})
	require.NoError(t, err)
	usP := parties.In(us, parties.Seat).WithName("US persons")
	custodian := regulator.Mitigation{ID: "trusted-data-custodian", Name: "trusted US data custodian",
		Available: regulator.TermParty("data-custodian", usP)}
	cfius := regulator.MustGate(regulator.GateSpec{
		ID: "us-cfius", Name: "CFIUS", Regulator: regulator.Regulator{ID: "potus", Name: "President", Jurisdiction: us},
		Basis: regulator.LegalBasis{Instrument: "DPA", Section: "section 721"},
		Clearance: regulator.And(
			regulator.Or(
				regulator.Owned(regulator.OwnershipRule{Holders: usP, Method: parties.Direct(), Threshold: parties.Majority}),
				regulator.And(regulator.Owned(regulator.OwnershipRule{Holders: usP, Threshold: parties.Majority}),
					regulator.Discretion("look-through", "counting US ownership looking through"))),
			regulator.Requires(custodian)),
		Mitigations:   []regulator.Mitigation{custodian},
		Discretionary: true,
		Timeline:      regulator.Timeline{Phases: []regulator.Phase{{Name: "review", Min: calendar.Days(1), Max: calendar.Days(45)}}},
	})
	licence := regulator.MustGate(regulator.GateSpec{
		ID: "cn-tech-export-licence", Name: "MOFCOM export licence", Regulator: regulator.Regulator{ID: "mofcom", Jurisdiction: cn},
		InForce:   regulator.Window{From: date("2020-08-28")},
		Trigger:   regulator.TermIs("algorithm-transferred", regulator.Bool(true)),
		Clearance: regulator.Const(parties.Fails, "China signalled it would not grant the licence"),
		Timeline:  regulator.Timeline{Phases: []regulator.Phase{{Name: "decision", Max: calendar.WorkingDayPeriod(30), Calendar: calendar.China()}}},
	})
	eo := regulator.MustDeadline(regulator.DeadlineSpec{ID: "eo-13942", Name: "EO 13942 prohibitions", Date: date("2020-09-20"), Consequence: "ban", Enjoinable: true})
	div := regulator.MustDeadline(regulator.DeadlineSpec{ID: "divestiture-order", Date: date("2020-11-12"), Consequence: "forced divestiture",
		Extension: regulator.Extension{Up: calendar.Days(30), By: "CFIUS"}})
	refuse := regulator.Not(regulator.TermIs("algorithm-transferred", regulator.Bool(true)))
	sc, err := deal.New(deal.Spec{
		Name: "mini", Register: reg, AsOf: date(asOf),
		Gates:   []regulator.Gate{cfius, licence},
		Threats: []deal.Threat{{Deadline: eo, Outcome: "us-ban"}, {Deadline: div, Outcome: "us-ban"}},
		Positions: []deal.Position{
			{Party: "bytedance", Accepts: refuse, From: date("2020-09-13")},
			{Party: "microsoft"}, {Party: "walmart"}, {Party: "oracle"},
		},
		Proposals: []deal.Proposal{
			{ID: "microsoft-walmart-acquisition", Target: "tiktok-us", Acquirers: []parties.ID{"microsoft", "walmart"},
				Moves: []deal.Move{deal.Transfer{Seller: "bytedance", Buyer: "microsoft", Subject: "tiktok-us", Amount: deal.Fixed(dec("0.8"))},
					deal.Transfer{Seller: "bytedance", Buyer: "walmart", Subject: "tiktok-us", Amount: deal.Fixed(dec("0.2"))}},
				Terms: map[string]regulator.Value{"algorithm-transferred": regulator.Bool(true), "data-custodian": regulator.Text("microsoft")}},
			{ID: "oracle-walmart-tiktok-global", Target: "tiktok-us", Acquirers: []parties.ID{"oracle", "walmart"},
				Moves:      []deal.Move{deal.Issue{Subject: "tiktok-us", To: []deal.Allocation{{Holder: "oracle", Amount: deal.FromTerm("oracle-stake")}, {Holder: "walmart", Amount: deal.Fixed(dec("0.075"))}}}},
				Terms:      map[string]regulator.Value{"algorithm-transferred": regulator.Bool(false), "data-custodian": regulator.Text("oracle")},
				Dimensions: []deal.Dimension{{Term: "oracle-stake", Values: []regulator.Value{regulator.Number(dec("0.125")), regulator.Number(dec("0.2"))}}},
				Consents:   []parties.ID{"bytedance", "oracle", "walmart"}},
		},
	})
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
