package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/examples/internal/cmdtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// output is the JSON the program prints with -json.
type output struct {
	Scenario string `json:"scenario"`
	AsOf     string `json:"as_of"`
	Outcomes []struct {
		ID          string   `json:"id"`
		Possible    bool     `json:"possible"`
		Earliest    *string  `json:"earliest"`
		Latest      *string  `json:"latest"`
		Probability *string  `json:"probability"`
		Witness     []step   `json:"witness"`
		Reasons     []reason `json:"reasons"`
	} `json:"outcomes"`
	Parameters map[string]string `json:"parameters"`
	Facts      []string          `json:"facts"`
	Ownership  []struct {
		Label   string `json:"label"`
		Subject string `json:"subject"`
		Share   string `json:"share"`
		Min     string `json:"min"`
		Max     string `json:"max"`
	} `json:"ownership"`
	Assumptions []string `json:"assumptions"`
}

type step struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Value string `json:"value"`
	Text  string `json:"text"`
}

type reason struct {
	Kind     string `json:"kind"`
	Party    string `json:"party"`
	Gate     string `json:"gate"`
	Deadline string `json:"deadline"`
	Text     string `json:"text"`
}

// runJSON runs the program with -json and args and decodes its one JSON
// object.
func runJSON(t *testing.T, args ...string) output {
	t.Helper()
	var out output
	cmdtest.JSON(t, run, &out, args...)
	return out
}

func TestJSONDefaults(t *testing.T) {
	out := runJSON(t)
	assert.Equal(t, "tiktok-usds-joint-venture", out.Scenario)
	assert.Equal(t, "2025-12-18", out.AsOf)
	assert.Equal(t, map[string]string{
		"asof": "2025-12-18", "bytedance-stake": "0.199", "threshold": "at-least", "affiliates-count-as-bytedance": "false",
	}, out.Parameters)

	var ids []string
	for _, o := range out.Outcomes {
		ids = append(ids, o.ID)
	}
	assert.Equal(t, []string{"usds-joint-venture", "us-ban", "status-quo"}, ids)

	jv := out.Outcomes[0]
	assert.True(t, jv.Possible)
	assert.Empty(t, jv.Reasons)
	assert.NotEmpty(t, jv.Witness)
	require.NotNil(t, jv.Earliest)
	require.NotNil(t, jv.Latest)
	// Enforcement may be put off past 2026-01-23 by a further order, so the
	// joint venture may close as late as MOFCOM's longest review allows.
	assert.Equal(t, "2026-02-27", *jv.Latest)
	assert.Nil(t, jv.Probability)
	deadlines := 0
	for _, s := range jv.Witness {
		if s.Kind == "deadline" {
			deadlines++
			assert.Equal(t, "pafaca-enforcement", s.ID)
			assert.Contains(t, s.Text, "end of PAFACA non-enforcement (the order of 2025-09-25) on 2026-01-23")
			assert.Contains(t, s.Text, "by up to 120 calendar days to 2026-05-23")
			assert.NotContains(t, s.Text, "; extended by", "non-enforcement is not a certain statutory extension")
		}
	}
	assert.Equal(t, 1, deadlines, "the witness passes the enforcement deadline")

	ban := out.Outcomes[1]
	assert.True(t, ban.Possible, "MOFCOM may refuse, or clear too late")
	require.NotNil(t, ban.Earliest)
	require.NotNil(t, ban.Latest)
	assert.Equal(t, "2026-01-23", *ban.Earliest)
	assert.Equal(t, "2026-05-23", *ban.Latest, "a further order of at most 120 days")
	assert.False(t, out.Outcomes[2].Possible, "the Act was upheld: no court stops enforcement")

	// The Act's own dates are among the facts.
	assert.Contains(t, out.Facts[0], "2024-04-24: PAFACA")
	assert.Contains(t, out.Facts[0], "2025-01-19")
	assert.Contains(t, out.Facts[0], "up to 90 days")

	// ByteDance's 19.9%, and 50% with the affiliates counted as its own.
	require.Len(t, out.Ownership, 2)
	assert.Equal(t, "tiktok-usds-jv", out.Ownership[0].Subject)
	assert.Equal(t, "19.9%", out.Ownership[0].Share)
	assert.True(t, decimal.RequireFromString("0.199").Equal(decimal.RequireFromString(out.Ownership[0].Max)))
	assert.Equal(t, "50%", out.Ownership[1].Share)
	assert.True(t, decimal.RequireFromString("0.5").Equal(decimal.RequireFromString(out.Ownership[1].Min)))
	assert.NotEmpty(t, out.Assumptions)
}

func TestReadings(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		possible bool
		// figure is the foreign-adversary share the PAFACA reason must
		// quote where the joint venture is impossible.
		figure string
	}{
		{name: "defaults", possible: true},
		{name: "19.9% more than", args: []string{"-threshold", "more-than"}, possible: true},
		{name: "20% at least", args: []string{"-bytedance-stake", "0.20"}, figure: "hold 20% of"},
		{name: "20% more than", args: []string{"-bytedance-stake", "0.20", "-threshold", "more-than"}, possible: true},
		{name: "20.1% more than", args: []string{"-bytedance-stake", "0.201", "-threshold", "more-than"}, figure: "hold 20.1% of"},
		{name: "no stake", args: []string{"-bytedance-stake", "0"}, possible: true},
		{name: "affiliates count", args: []string{"-affiliates-count-as-bytedance"}, figure: "hold 50% of"},
		{name: "affiliates count, more than", args: []string{"-affiliates-count-as-bytedance", "-threshold", "more-than"}, figure: "hold 50% of"},
		{name: "affiliates count, 20%", args: []string{"-affiliates-count-as-bytedance", "-bytedance-stake", "0.2"}, figure: "hold 50.1% of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := runJSON(t, tt.args...)
			jv := out.Outcomes[0]
			require.Equal(t, "usds-joint-venture", jv.ID)
			assert.Equal(t, tt.possible, jv.Possible)
			ban := out.Outcomes[1]
			require.Equal(t, "us-ban", ban.ID)
			assert.True(t, ban.Possible)
			if tt.possible {
				assert.Empty(t, jv.Reasons)
				return
			}
			require.Len(t, jv.Reasons, 1)
			r := jv.Reasons[0]
			assert.Equal(t, "gate", r.Kind)
			assert.Equal(t, "us-pafaca", r.Gate)
			assert.Contains(t, r.Text, tt.figure)
			assert.Contains(t, r.Text, "PAFACA")
			if !slices.Contains(tt.args, "-affiliates-count-as-bytedance") {
				assert.NotContains(t, r.Text, "affiliates")
			}
			// Nothing else can stop enforcement: the ban is the only outcome.
			assert.False(t, out.Outcomes[2].Possible, "status-quo")
		})
	}
}

func TestAsOfDates(t *testing.T) {
	tests := []struct {
		name, asOf string
		jv         bool
		reason     string // what blocks the joint venture, if anything
		statusQuo  bool
		banFrom    string
	}{
		// Before the Supreme Court's decision a court could still stop the
		// prohibition, so nothing at all may happen.
		{name: "before the deadline", asOf: "2024-06-01", jv: true, statusQuo: true, banFrom: "2025-01-19"},
		// Enforcement suspended to 2025-06-19: the agreements of 2025-12-18
		// come too late.
		{name: "under EO 14258", asOf: "2025-05-01", reason: "deadline:pafaca-enforcement", banFrom: "2025-06-19"},
		{name: "binding agreements", asOf: "2025-12-18", jv: true, banFrom: "2026-01-23"},
		{name: "closing day", asOf: "2026-01-22", jv: true, banFrom: "2026-01-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := runJSON(t, "-asof", tt.asOf)
			jv, ban, sq := out.Outcomes[0], out.Outcomes[1], out.Outcomes[2]
			assert.Equal(t, tt.jv, jv.Possible, "usds-joint-venture")
			if tt.reason != "" {
				require.Len(t, jv.Reasons, 1)
				assert.Equal(t, tt.reason, jv.Reasons[0].Kind+":"+jv.Reasons[0].Deadline)
			}
			assert.Equal(t, "status-quo", sq.ID)
			assert.Equal(t, tt.statusQuo, sq.Possible, "status-quo")
			assert.True(t, ban.Possible, "us-ban")
			require.NotNil(t, ban.Earliest)
			assert.Equal(t, tt.banFrom, *ban.Earliest)
		})
	}
}

// TestFactsAsOf checks that the report states only the facts known by the
// as-of date.
func TestFactsAsOf(t *testing.T) {
	out := runJSON(t, "-asof", "2025-01-18")
	require.Len(t, out.Facts, 2)
	assert.Contains(t, out.Facts[1], "2025-01-17: The Supreme Court upholds the Act")
	out = runJSON(t, "-asof", "2025-09-24")
	last := out.Facts[len(out.Facts)-1]
	assert.Contains(t, last, "2025-09-16: EO 14350")
	for _, f := range out.Facts {
		assert.NotContains(t, f, "qualified divestiture:")
	}
}

// TestFiguresFollowTheStake checks that every figure of the report follows
// -bytedance-stake: the proposal's name and description, the other
// investors' share and the assumptions.
func TestFiguresFollowTheStake(t *testing.T) {
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"-bytedance-stake", "0.20"}, &stdout, io.Discard))
	s := stdout.String()
	assert.Contains(t, s, "other new investors 4.9%")
	assert.Contains(t, s, "ByteDance 20%")
	assert.NotContains(t, s, "19.9%)", "no figure of the signed deal stands for this run's")
	assert.Contains(t, s, "ByteDance holds 20% in this run")
}

func TestReportGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"defaults", nil},
		{"stake-0.20-at-least", []string{"-bytedance-stake", "0.20"}},
		{"affiliates-count-as-bytedance", []string{"-affiliates-count-as-bytedance"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { cmdtest.Golden(t, run, tt.name, tt.args...) })
	}
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"stake above what is left", []string{"-bytedance-stake", "0.3"}, "outside [0, 0.249]"},
		{"negative stake", []string{"-bytedance-stake", "-0.1"}, "outside"},
		{"stake not a number", []string{"-bytedance-stake", "a fifth"}, "not a decimal fraction"},
		{"stake in exponent form", []string{"-bytedance-stake", "2e-1"}, "not a decimal fraction"},
		{"threshold", []string{"-threshold", "exactly"}, "-threshold"},
		{"bad date", []string{"-asof", "2025-13-01"}, "-asof"},
		{"extra argument", []string{"x"}, "unexpected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tt.args, &stdout, &stderr)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Empty(t, stdout.String())
		})
	}
	var stderr bytes.Buffer
	err := run([]string{"-h"}, io.Discard, &stderr)
	assert.True(t, errors.Is(err, flag.ErrHelp))
	for _, f := range []string{"-bytedance-stake", "-threshold", "-affiliates-count-as-bytedance", "-asof", "-json"} {
		assert.True(t, strings.Contains(stderr.String(), f), "usage names %s", f)
	}
}

func TestDiagrams(t *testing.T) {
	dir := t.TempDir()
	dot, md := filepath.Join(dir, "jv.dot"), filepath.Join(dir, "jv.md")
	require.NoError(t, run([]string{"-dot", dot, "-mermaid", md}, io.Discard, io.Discard))
	b, err := os.ReadFile(dot)
	require.NoError(t, err)
	assert.Contains(t, string(b), "TikTok USDS Joint Venture LLC")
	b, err = os.ReadFile(md)
	require.NoError(t, err)
	assert.Contains(t, string(b), "```mermaid")
}
