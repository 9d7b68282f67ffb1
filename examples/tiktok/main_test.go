package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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
		Mitigations []string `json:"mitigations"`
		Witness     []struct {
			Kind  string `json:"kind"`
			ID    string `json:"id"`
			Value string `json:"value"`
			Text  string `json:"text"`
		} `json:"witness"`
		Reasons []reason `json:"reasons"`
	} `json:"outcomes"`
	Parameters map[string]string `json:"parameters"`
	Ownership  []struct {
		Label    string `json:"label"`
		Proposal string `json:"proposal"`
		Subject  string `json:"subject"`
		Method   string `json:"method"`
		Share    string `json:"share"`
		Min      string `json:"min"`
		Max      string `json:"max"`
	} `json:"ownership"`
	Assumptions []string `json:"assumptions"`
}

type reason struct {
	Kind     string `json:"kind"`
	Party    string `json:"party"`
	Gate     string `json:"gate"`
	Deadline string `json:"deadline"`
	Text     string `json:"text"`
}

// about names what a reason is about, as "position:bytedance".
func (r reason) about() string {
	return r.Kind + ":" + r.Party + r.Gate + r.Deadline
}

// runJSON runs the program with -json and args and decodes its one JSON
// object.
func runJSON(t *testing.T, args ...string) output {
	t.Helper()
	var out output
	cmdtest.JSON(t, run, &out, args...)
	return out
}

func (o output) outcome(t *testing.T, id string) (possible bool, reasons []string, texts []string) {
	t.Helper()
	for _, oc := range o.Outcomes {
		if oc.ID == id {
			for _, r := range oc.Reasons {
				reasons = append(reasons, r.about())
				texts = append(texts, r.Text)
			}
			slices.Sort(reasons)
			return oc.Possible, reasons, texts
		}
	}
	t.Fatalf("no outcome %q", id)
	return false, nil, nil
}

func equalDecimal(t *testing.T, want, got string, msg string) {
	t.Helper()
	w, g := decimal.RequireFromString(want), decimal.RequireFromString(got)
	assert.True(t, w.Equal(g), "%s: want %s, got %s", msg, want, got)
}

func TestJSONAsOfTheArticle(t *testing.T) {
	out := runJSON(t)
	assert.Equal(t, "tiktok-2020", out.Scenario)
	assert.Equal(t, "2020-09-14", out.AsOf)
	assert.Equal(t, map[string]string{"asof": "2020-09-14"}, out.Parameters)

	var ids []string
	for _, o := range out.Outcomes {
		ids = append(ids, o.ID)
		assert.Nil(t, o.Probability, "%s: no likelihoods are given", o.ID)
		if o.Possible {
			assert.NotEmpty(t, o.Witness, "%s: a possible outcome has a witness", o.ID)
			assert.Empty(t, o.Reasons, o.ID)
		} else {
			assert.Nil(t, o.Earliest, o.ID)
			assert.Nil(t, o.Latest, o.ID)
			assert.NotEmpty(t, o.Reasons, "%s: an impossible outcome says why", o.ID)
		}
	}
	assert.Equal(t, []string{"microsoft-walmart-acquisition", "oracle-walmart-tiktok-global", "us-ban", "status-quo"}, ids)

	possible, reasons, texts := out.outcome(t, "microsoft-walmart-acquisition")
	assert.False(t, possible)
	assert.Equal(t, []string{"gate:cn-tech-export-licence", "position:bytedance"}, reasons)
	for _, text := range texts {
		assert.NotEmpty(t, text)
	}

	possible, _, _ = out.outcome(t, "oracle-walmart-tiktok-global")
	assert.True(t, possible)
	for _, o := range out.Outcomes {
		if o.ID == "oracle-walmart-tiktok-global" {
			require.NotNil(t, o.Earliest)
			require.NotNil(t, o.Latest)
			assert.Equal(t, "2020-09-14", *o.Earliest)
			// Both deadlines may be stopped, so the longest CFIUS review
			// bounds the closing: acceptance, review, investigation and its
			// extension, and the President's 15 days.
			assert.Equal(t, "2021-01-25", *o.Latest)
		}
	}
	possible, _, _ = out.outcome(t, "us-ban")
	assert.True(t, possible)
	// The status quo, what happened: the prohibitions enjoined and the
	// divestiture order left unenforced.
	possible, _, _ = out.outcome(t, "status-quo")
	assert.True(t, possible)
	for _, o := range out.Outcomes {
		if o.ID == "status-quo" {
			var stopped []string
			for _, s := range o.Witness {
				if s.Kind == "injunction" {
					stopped = append(stopped, s.ID+":"+s.Value)
				}
			}
			assert.Equal(t, []string{"eo-13942:enjoined", "cfius-divestiture-order:enjoined"}, stopped)
		}
	}

	// The US share of TikTok Global: 20% directly, 52.0%–52.8% looking
	// through ByteDance to its US investors.
	require.Len(t, out.Ownership, 3)
	direct, look := out.Ownership[0], out.Ownership[1]
	assert.Equal(t, "tiktok-global", direct.Subject)
	assert.Equal(t, "direct", direct.Method)
	assert.Equal(t, "20%", direct.Share)
	equalDecimal(t, "0.2", direct.Min, "direct min")
	equalDecimal(t, "0.2", direct.Max, "direct max")
	assert.Equal(t, "tiktok-global", look.Subject)
	assert.Equal(t, "proportional", look.Method)
	assert.Equal(t, "52.0%–52.8%", look.Share)
	equalDecimal(t, "0.52", look.Min, "look-through min")
	equalDecimal(t, "0.528", look.Max, "look-through max")
	equalDecimal(t, "1", out.Ownership[2].Min, "Microsoft's TikTok Inc.")

	assert.NotEmpty(t, out.Assumptions)
}

func TestAsOfDates(t *testing.T) {
	tests := []struct {
		name, asOf string
		// Microsoft's deal: possible, and the reasons if not.
		microsoft bool
		reasons   []string
		oracle    bool
		// The assumption about orders issued after the as-of date.
		early bool
	}{
		{name: "before the orders", asOf: "2020-08-01", microsoft: true, oracle: true, early: true},
		{name: "before the catalogue revision", asOf: "2020-08-27", microsoft: true, oracle: true},
		// The licence is needed from 2020-08-28; while ByteDance negotiates it
		// may apply, and MOFCOM's decision is open.
		{name: "licence in force, ByteDance negotiating", asOf: "2020-08-28", microsoft: true, oracle: true},
		{name: "the day before the refusal", asOf: "2020-09-12", microsoft: true, oracle: true},
		{name: "ByteDance refuses", asOf: "2020-09-13",
			reasons: []string{"gate:cn-tech-export-licence", "position:bytedance"}, oracle: true},
		{name: "the article", asOf: "2020-09-14",
			reasons: []string{"gate:cn-tech-export-licence", "position:bytedance"}, oracle: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := runJSON(t, "-asof", tt.asOf)
			assert.Equal(t, tt.asOf, out.AsOf)
			possible, reasons, _ := out.outcome(t, "microsoft-walmart-acquisition")
			assert.Equal(t, tt.microsoft, possible, "microsoft-walmart-acquisition")
			assert.Equal(t, tt.reasons, reasons)
			possible, _, _ = out.outcome(t, "oracle-walmart-tiktok-global")
			assert.Equal(t, tt.oracle, possible, "oracle-walmart-tiktok-global")
			possible, _, _ = out.outcome(t, "us-ban")
			assert.True(t, possible, "us-ban")
			possible, _, _ = out.outcome(t, "status-quo")
			assert.True(t, possible, "status-quo")
			early := slices.ContainsFunc(out.Assumptions, func(a string) bool { return strings.Contains(a, "announced on 2020-07-31") })
			assert.Equal(t, tt.early, early)
			// The ownership figures do not depend on the date.
			assert.Equal(t, "52.0%–52.8%", out.Ownership[1].Share)
		})
	}
}

// TestConsentsAreStated checks that every consent on every witness path
// rests on a stated position, whatever the date: no party's consent is
// taken from silence.
func TestConsentsAreStated(t *testing.T) {
	for _, asOf := range []string{"2020-07-31", "2020-08-01", "2020-08-02", "2020-08-27", "2020-09-13", "2020-09-14"} {
		out := runJSON(t, "-asof", asOf)
		for _, o := range out.Outcomes {
			for _, s := range o.Witness {
				if s.Kind == "consent" {
					assert.NotContains(t, s.Text, "has stated no position", "%s, %s: consent %s", asOf, o.ID, s.ID)
				}
			}
		}
	}
}

// TestDataCustody checks that Microsoft, buying outright, is not taken for
// the Genworth-style trusted third party: its CFIUS clearance needs no
// mitigation, while TikTok Global, 80% ByteDance, needs Oracle as custodian.
func TestDataCustody(t *testing.T) {
	out := runJSON(t, "-asof", "2020-08-01")
	var seen []string
	for _, o := range out.Outcomes {
		switch o.ID {
		case "microsoft-walmart-acquisition":
			require.True(t, o.Possible)
			assert.Empty(t, o.Mitigations)
			for _, s := range o.Witness {
				if s.Kind == "decision" && s.ID == "us-cfius" {
					seen = append(seen, "cfius decision")
					assert.Equal(t, "clear", s.Value)
					assert.Contains(t, s.Text, "ByteDance and its subsidiaries hold 0% of TikTok Inc.")
					assert.NotContains(t, s.Text, "trusted-us-data-custodian")
				}
			}
		case "oracle-walmart-tiktok-global":
			seen = append(seen, o.ID)
			require.True(t, o.Possible)
			assert.Equal(t, []string{"trusted-us-data-custodian"}, o.Mitigations)
		}
	}
	assert.Equal(t, []string{"cfius decision", "oracle-walmart-tiktok-global"}, seen)
}

// TestLicenceFollowsTheRefusal checks that the export licence fails because
// the exporter refuses the transfer, not on a bare assumption.
func TestLicenceFollowsTheRefusal(t *testing.T) {
	out := runJSON(t)
	found := false
	for _, o := range out.Outcomes {
		if o.ID != "microsoft-walmart-acquisition" {
			continue
		}
		for _, r := range o.Reasons {
			if r.Gate == "cn-tech-export-licence" {
				found = true
				assert.Contains(t, r.Text, "an application by the exporter, ByteDance")
				assert.Contains(t, r.Text, "numbering after the 2011 and 2019 revisions is unconfirmed")
				assert.NotContains(t, r.Text, "signalled")
			}
		}
	}
	assert.True(t, found, "the licence is among the reasons the Microsoft deal is impossible")
}

func TestReportGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"asof-2020-09-14", nil},
		{"asof-2020-08-01", []string{"-asof", "2020-08-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { cmdtest.Golden(t, run, tt.name, tt.args...) })
	}
}

func TestReportShowsTheFigures(t *testing.T) {
	var stdout bytes.Buffer
	require.NoError(t, run(nil, &stdout, io.Discard))
	s := stdout.String()
	for _, want := range []string{
		"US share of TikTok Global, directly: 20%",
		"US share of TikTok Global, looking through ByteDance: 52.0%–52.8%",
		"microsoft-walmart-acquisition: IMPOSSIBLE",
		"position bytedance:",
		"gate cn-tech-export-licence:",
		"Assumptions",
	} {
		assert.Contains(t, s, want)
	}
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"bad date", []string{"-asof", "14.9.2020"}},
		{"unknown flag", []string{"-nope"}},
		{"extra argument", []string{"extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tt.args, &stdout, &stderr)
			require.Error(t, err)
			assert.Empty(t, stdout.String())
		})
	}
	var stderr bytes.Buffer
	err := run([]string{"-h"}, io.Discard, &stderr)
	assert.True(t, errors.Is(err, flag.ErrHelp))
	assert.Contains(t, stderr.String(), "-asof")
}

func TestDiagrams(t *testing.T) {
	dir := t.TempDir()
	dot, md := filepath.Join(dir, "tiktok.dot"), filepath.Join(dir, "tiktok.md")
	require.NoError(t, run([]string{"-dot", dot, "-mermaid", md}, io.Discard, io.Discard))
	b, err := os.ReadFile(dot)
	require.NoError(t, err)
	assert.Contains(t, string(b), "digraph")
	assert.Contains(t, string(b), "TikTok Global")
	b, err = os.ReadFile(md)
	require.NoError(t, err)
	assert.Contains(t, string(b), "```mermaid")
	assert.Contains(t, string(b), "gantt")

	err = run([]string{"-dot", filepath.Join(dir, "no-such-dir", "x.dot")}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "-dot")
}

// TestDiagramsRender renders the program's ownership graph with Graphviz
// (installed by .ci/install); it is skipped where dot is missing.
func TestDiagramsRender(t *testing.T) {
	dotCmd, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz's dot is not installed; .ci/install installs it")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "tiktok.dot")
	require.NoError(t, run([]string{"-dot", src}, io.Discard, io.Discard))
	out, err := exec.Command(dotCmd, "-Tsvg", src).Output()
	require.NoError(t, err, "dot -Tsvg failed")
	svg := string(out)
	assert.Contains(t, svg, "<svg")
	for _, name := range []string{"ByteDance Ltd.", "Oracle", "Walmart", "TikTok Global"} {
		assert.Contains(t, svg, name)
	}
}

// BenchmarkAnalyze measures one full analysis of the 2020 scenario (issue
// target: under 1 ms), building the scenario once.
func BenchmarkAnalyze(b *testing.B) {
	sc, err := scenario(time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC))
	require.NoError(b, err)
	for b.Loop() {
		if _, err := sc.Analyze(context.Background(), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/analysis")
}
