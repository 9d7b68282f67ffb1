package diagram_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -update")
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func pct(s string) parties.Share { return parties.MustParseShare(s) }

var (
	us = parties.MustJurisdiction("US")
	cn = parties.MustJurisdiction("CN")
	ky = parties.MustJurisdiction("KY")
)

// tiktokParties and tiktokStakes are a small TikTok-like world: TikTok
// Global held by ByteDance (incorporated in the Cayman Islands,
// headquartered in China), Oracle and Walmart; ByteDance held by US
// investors (a range), founders, other investors of unknown jurisdiction
// and, closing a cycle, TikTok Global itself; a subsidiary below TikTok
// Global and a bystander with no stakes.
func tiktokParties() []parties.Party {
	return []parties.Party{
		{ID: "tiktok-global", Name: "TikTok Global", Jurisdiction: us, Headquarters: us},
		{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us},
		{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us},
		{ID: "us-investors", Name: "US investors", Kind: parties.Fund, Jurisdiction: us},
		{ID: "founders", Name: "Founders", Kind: parties.Person, Jurisdiction: cn, Headquarters: cn},
		{ID: "other-investors", Name: "Other investors", Kind: parties.Fund},
		{ID: "tiktok-us", Name: "TikTok US", Jurisdiction: us, Headquarters: us},
		{ID: "microsoft", Name: "Microsoft", Jurisdiction: us, Headquarters: us},
	}
}

func tiktokStakes() []parties.Stake {
	return []parties.Stake{
		{Holder: "bytedance", Subject: "tiktok-global", Economic: pct("80%")},
		{Holder: "oracle", Subject: "tiktok-global", Economic: pct("12.5%")},
		{Holder: "walmart", Subject: "tiktok-global", Economic: pct("7.5%")},
		{Holder: "us-investors", Subject: "bytedance", Economic: pct("40%–41%")},
		{Holder: "founders", Subject: "bytedance", Economic: pct("20%")},
		{Holder: "other-investors", Subject: "bytedance", Economic: pct("38%")},
		{Holder: "tiktok-global", Subject: "bytedance", Economic: pct("1%")},
		{Holder: "tiktok-global", Subject: "tiktok-us", Economic: pct("100%")},
	}
}

func tiktokRegister(t testing.TB) *parties.Register {
	t.Helper()
	reg, err := parties.New(tiktokParties(), tiktokStakes())
	require.NoError(t, err)
	return reg
}

// cfiusGate is a CFIUS-like gate: a 45-day review and an optional 45-day
// investigation, in calendar days.
func cfiusGate() regulator.Gate {
	return regulator.MustGate(regulator.GateSpec{
		ID:        "us-cfius",
		Name:      "CFIUS review",
		Regulator: regulator.Regulator{ID: "cfius", Name: "CFIUS", Jurisdiction: us},
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "review", Min: calendar.Days(1), Max: calendar.Days(45)},
			{Name: "investigation", Max: calendar.Days(45), Optional: true},
		}},
	})
}

// licenceGate is an export-licence gate that applies where the algorithm
// is transferred and is not granted: 30 working days on China's calendar.
func licenceGate() regulator.Gate {
	return regulator.MustGate(regulator.GateSpec{
		ID:        "cn-export-licence",
		Name:      "technology export licence",
		Regulator: regulator.Regulator{ID: "mofcom", Name: "MOFCOM", Jurisdiction: cn},
		Trigger:   regulator.TermIs("algorithm-transferred", regulator.Bool(true)),
		Clearance: regulator.Const(parties.Fails, "the licence is refused"),
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "licence decision", Max: calendar.WorkingDays(30), Calendar: calendar.China()},
		}},
	})
}

func eoDeadline() regulator.Deadline {
	return regulator.MustDeadline(regulator.DeadlineSpec{
		ID: "eo-13942", Name: "EO 13942 prohibitions", Date: date("2020-09-20"),
		Consequence: "prohibition of transactions", Enjoinable: true,
	})
}

func divestitureDeadline() regulator.Deadline {
	return regulator.MustDeadline(regulator.DeadlineSpec{
		ID: "divestiture-order", Name: "divestiture order", Date: date("2020-11-12"),
		Consequence: "forced divestiture",
		Extension:   regulator.Extension{Up: calendar.Days(30), By: "CFIUS"},
	})
}

// tiktokScenario puts two proposals on the TikTok-like register: Oracle
// buys 7.5% of TikTok Global from ByteDance; or a new company held by
// Oracle and Walmart buys TikTok US, taking the algorithm with it.
func tiktokScenario(t testing.TB) *deal.Scenario {
	t.Helper()
	dec := decimal.RequireFromString
	sc, err := deal.New(deal.Spec{
		Name:     "TikTok 2020",
		Register: tiktokRegister(t),
		Gates:    []regulator.Gate{cfiusGate(), licenceGate()},
		Threats: []deal.Threat{
			{Deadline: eoDeadline(), Outcome: "us-ban"},
			{Deadline: divestitureDeadline(), Outcome: "us-ban"},
		},
		Positions: []deal.Position{{Party: "bytedance"}, {Party: "oracle"}, {Party: "walmart"}},
		Proposals: []deal.Proposal{
			{
				ID: "oracle-stake", Name: "Oracle raises its stake", Target: "tiktok-global",
				Acquirers: []parties.ID{"oracle"},
				Moves:     []deal.Move{deal.Transfer{Seller: "bytedance", Buyer: "oracle", Subject: "tiktok-global", Amount: deal.Fixed(dec("0.075"))}},
				Terms:     map[string]regulator.Value{"algorithm-transferred": regulator.Bool(false)},
				Filed:     date("2020-09-14"),
			},
			{
				ID: "newco", Name: "Oracle and Walmart buy TikTok US", Target: "tiktok-us",
				Acquirers: []parties.ID{"oracle", "walmart"},
				Moves: []deal.Move{
					deal.Form{Party: parties.Party{ID: "newco", Name: "NewCo", Jurisdiction: us, Headquarters: us},
						Holders: []deal.Allocation{{Holder: "oracle", Amount: deal.Fixed(dec("0.5"))}, {Holder: "walmart", Amount: deal.Fixed(dec("0.5"))}}},
					deal.Transfer{Seller: "tiktok-global", Buyer: "newco", Subject: "tiktok-us", Amount: deal.All()},
				},
				Terms:    map[string]regulator.Value{"algorithm-transferred": regulator.Bool(true)},
				Consents: []parties.ID{"bytedance", "oracle", "walmart"},
			},
		},
		AsOf: date("2020-09-14"),
	})
	require.NoError(t, err)
	return sc
}
