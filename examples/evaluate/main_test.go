package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/deal/scenario"
	"github.com/dealscape/dealscape/examples/internal/cmdtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const tiktokFile = "../testdata/tiktok-2020.yaml"

// result is the part of the JSON output that the engine's result gives:
// the outcomes with their possibility, dates, reasons and witnesses.
type result struct {
	Scenario     string    `json:"scenario"`
	AsOf         string    `json:"as_of"`
	Outcomes     []outcome `json:"outcomes"`
	Combinations int       `json:"combinations"`
	Partial      bool      `json:"partial"`
}

type outcome struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Possible    bool     `json:"possible"`
	Earliest    *string  `json:"earliest"`
	Latest      *string  `json:"latest"`
	Probability *string  `json:"probability"`
	Mitigations []string `json:"mitigations"`
	Witness     []step   `json:"witness"`
	Reasons     []reason `json:"reasons"`
	Relax       []reason `json:"relax"`
}

type step struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Value string `json:"value"`
}

// reason leaves out the text: the outcomes are compared by what blocks
// them, not by how it is worded.
type reason struct {
	Kind     string `json:"kind"`
	Party    string `json:"party"`
	Gate     string `json:"gate"`
	Deadline string `json:"deadline"`
	Proposal string `json:"proposal"`
}

// output is the whole JSON object the program prints with -json.
type output struct {
	result
	Parameters map[string]string `json:"parameters"`
	Ownership  []struct {
		Label, Proposal, Subject, Method, Share, Min, Max string
	} `json:"ownership"`
	Assumptions []string `json:"assumptions"`
}

// runJSON runs the program with -json and args and decodes its one JSON
// object.
func runJSON(t *testing.T, args ...string) output {
	t.Helper()
	var out output
	cmdtest.JSON(t, run, &out, args...)
	return out
}

// TestTikTokMatchesTheGoExample runs examples/tiktok and this program on
// examples/testdata/tiktok-2020.yaml, at the default date and as of
// 2020-08-01, and checks that they give the same outcomes: possibility,
// dates, witnesses, and the kinds and IDs of the reasons.
func TestTikTokMatchesTheGoExample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds examples/tiktok")
	}
	gotool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build examples/tiktok with:", err)
	}
	bin := filepath.Join(t.TempDir(), "tiktok")
	build := exec.Command(gotool, "build", "-o", bin, "../tiktok")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ../tiktok: %v\n%s", err, out)
	}
	for _, args := range [][]string{nil, {"-asof", "2020-07-31"}, {"-asof", "2020-08-01"}, {"-asof", "2020-08-28"}, {"-asof", "2020-09-12"}, {"-asof", "2020-09-13"}} {
		t.Run(strings.Join(append([]string{"default"}, args...), " "), func(t *testing.T) {
			goOut, err := exec.Command(bin, append([]string{"-json"}, args...)...).Output()
			require.NoError(t, err)
			var want output
			cmdtest.DecodeOne(t, goOut, &want)
			got := runJSON(t, append([]string{"-f", tiktokFile}, args...)...)
			require.NotEmpty(t, want.Outcomes)
			assert.Equal(t, want.result, got.result)
			assert.Equal(t, want.Ownership, got.Ownership, "the ownership figures")
			assert.Equal(t, want.Parameters["asof"], got.Parameters["asof"])
		})
	}
}

func TestTikTokOutcomes(t *testing.T) {
	out := runJSON(t, "-f", tiktokFile)
	assert.Equal(t, "tiktok-2020", out.Scenario)
	assert.Equal(t, "2020-09-14", out.AsOf)
	assert.Equal(t, map[string]string{"asof": "2020-09-14", "file": tiktokFile}, out.Parameters)
	byID := map[string]outcome{}
	var ids []string
	for _, o := range out.Outcomes {
		byID[o.ID] = o
		ids = append(ids, o.ID)
	}
	assert.Equal(t, []string{"microsoft-walmart-acquisition", "oracle-walmart-tiktok-global", "us-ban", "status-quo"}, ids)
	assert.False(t, byID["microsoft-walmart-acquisition"].Possible)
	assert.ElementsMatch(t, []reason{
		{Kind: "position", Party: "bytedance", Proposal: "microsoft-walmart-acquisition"},
		{Kind: "gate", Gate: "cn-tech-export-licence", Proposal: "microsoft-walmart-acquisition"},
	}, byID["microsoft-walmart-acquisition"].Reasons)
	oracle := byID["oracle-walmart-tiktok-global"]
	assert.True(t, oracle.Possible)
	require.NotNil(t, oracle.Earliest)
	require.NotNil(t, oracle.Latest)
	assert.Equal(t, "2020-09-14", *oracle.Earliest)
	assert.Equal(t, "2021-01-25", *oracle.Latest, "both deadlines may be stopped: the longest CFIUS review")
	assert.True(t, byID["us-ban"].Possible)
	assert.True(t, byID["status-quo"].Possible, "the prohibitions enjoined and the divestiture order left unenforced")
	require.Len(t, out.Ownership, 3)
	assert.Equal(t, "20%", out.Ownership[0].Share)
	assert.Equal(t, "52.0%–52.8%", out.Ownership[1].Share)
	assert.NotEmpty(t, out.Assumptions)
}

func TestReportGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"tiktok-2020", []string{"-f", tiktokFile}},
		{"tiktok-2020-asof-2020-08-01", []string{"-f", tiktokFile, "-asof", "2020-08-01"}},
		{"mini", []string{"-f", "../../deal/scenario/testdata/mini.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { cmdtest.Golden(t, run, tt.name, tt.args...) })
	}
}

// TestJSONDecimals checks the output contract of -json: one object, dates
// as YYYY-MM-DD, probabilities as decimal strings.
func TestJSONDecimals(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "p.yaml")
	require.NoError(t, os.WriteFile(doc, []byte(`as_of: 2021-01-04
parties: [{id: t}, {id: s}, {id: b}]
stakes: [{holder: s, subject: t, economic: 1}]
regulators: [{id: r, jurisdiction: GB}]
gates: [{id: g, regulator: r, clearance: {discretion: {name: d}}, timeline: {phases: [{max: 10 working-days, calendar: uk}]}}]
proposals: [{id: p, target: t, acquirers: [b], moves: [{transfer: {seller: s, buyer: b, subject: t, amount: all}}]}]
likelihoods: {consent: {s: 0.5, b: 1}, clearance: {g: "0.40000000000000000001"}}
`), 0o644))
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"-f", doc, "-json"}, &stdout, io.Discard))
	var out output
	cmdtest.DecodeOne(t, stdout.Bytes(), &out)
	require.Len(t, out.Outcomes, 2)
	p := out.Outcomes[0]
	require.NotNil(t, p.Probability)
	assert.Equal(t, "0.200000000000000000005", *p.Probability)
	assert.Equal(t, "2021-01-04", *p.Earliest)
	assert.Equal(t, "2021-01-18", *p.Latest)
	assert.Contains(t, stdout.String(), `"probability": "0.799999999999999999995"`)
}

func TestProblemsInTheDocument(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("as_of: 2020-01-01\nparties: [{id: a}]\nproposals:\n  - id: p\n    target: a\n    moves: [{transfer: {seller: a, buyer: b, subject: a, amount: 1.3}}]\n"), 0o644))
	var stdout bytes.Buffer
	err := run([]string{"-f", bad}, &stdout, io.Discard)
	require.Error(t, err)
	assert.ErrorIs(t, err, scenario.ErrValue)
	assert.Equal(t, bad+":6:66: proposals[0].moves[0].transfer.amount: 1.3 is outside [0, 1]", err.Error())
	assert.Empty(t, stdout.String())

	unknown := filepath.Join(dir, "unknown.yaml")
	require.NoError(t, os.WriteFile(unknown, []byte("as_of: 2020-01-01\nparties: [{id: a}]\npositions: [{party: b}]\n"), 0o644))
	err = run([]string{"-f", unknown}, io.Discard, io.Discard)
	assert.Equal(t, unknown+":3:21: positions[0].party: unknown party: \"b\"", err.Error())

	err = run([]string{"-f", filepath.Join(dir, "missing.yaml")}, io.Discard, io.Discard)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestStdin(t *testing.T) {
	b, err := os.ReadFile("../../deal/scenario/testdata/mini.yaml")
	require.NoError(t, err)
	stdin = bytes.NewReader(b)
	defer func() { stdin = os.Stdin }()
	out := runJSON(t, "-f", "-")
	assert.Equal(t, "mini", out.Scenario)
	assert.Equal(t, "-", out.Parameters["file"])
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", nil, "-f: no scenario file given"},
		{"bad date", []string{"-f", tiktokFile, "-asof", "14.9.2020"}, `-asof: "14.9.2020" is not a date in the form YYYY-MM-DD`},
		{"unknown flag", []string{"-nope"}, "flag provided but not defined: -nope"},
		{"extra argument", []string{"-f", tiktokFile, "extra"}, `unexpected arguments ["extra"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tt.args, &stdout, &stderr)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.Empty(t, stdout.String())
		})
	}
	var stderr bytes.Buffer
	err := run([]string{"-h"}, io.Discard, &stderr)
	assert.True(t, errors.Is(err, flag.ErrHelp))
	assert.Contains(t, stderr.String(), "-asof")
	assert.Contains(t, stderr.String(), "-f file")
}

func TestDiagrams(t *testing.T) {
	dir := t.TempDir()
	dot, md := filepath.Join(dir, "tiktok.dot"), filepath.Join(dir, "tiktok.md")
	require.NoError(t, run([]string{"-f", tiktokFile, "-dot", dot, "-mermaid", md}, io.Discard, io.Discard))
	b, err := os.ReadFile(dot)
	require.NoError(t, err)
	assert.Contains(t, string(b), "digraph")
	assert.Contains(t, string(b), "TikTok Global")
	b, err = os.ReadFile(md)
	require.NoError(t, err)
	assert.Contains(t, string(b), "```mermaid")

	err = run([]string{"-f", tiktokFile, "-dot", filepath.Join(dir, "no-such-dir", "x.dot")}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "-dot")
}

// TestJSONContract checks the output contract of -json on every key and
// value: snake_case keys, dates as YYYY-MM-DD or null, probabilities and
// shares' ends as decimal strings or null.
func TestJSONContract(t *testing.T) {
	for _, args := range [][]string{
		{"-f", tiktokFile},
		{"-f", "../../deal/scenario/testdata/full.yaml"},
		{"-f", "../../deal/scenario/testdata/presets.yaml"},
	} {
		var stdout bytes.Buffer
		require.NoError(t, run(append([]string{"-json"}, args...), &stdout, io.Discard))
		var v any
		dec := json.NewDecoder(&stdout)
		dec.UseNumber()
		require.NoError(t, dec.Decode(&v))
		checkJSON(t, args[1], "", v)
	}
}

var (
	snakeCase  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	dateText   = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	decimalStr = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
)

func checkJSON(t *testing.T, file, path string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := path + "." + k
			if path != ".parameters" {
				assert.Regexp(t, snakeCase, k, "%s: key %s", file, p)
			}
			switch k {
			case "as_of", "earliest", "latest":
				if x != nil {
					assert.Regexp(t, dateText, x, "%s: %s", file, p)
				}
			case "probability", "min", "max":
				if x != nil {
					s, ok := x.(string)
					assert.True(t, ok, "%s: %s is %T, want a decimal string", file, p, x)
					assert.Regexp(t, decimalStr, s, "%s: %s", file, p)
				}
			}
			checkJSON(t, file, p, x)
		}
	case []any:
		for _, x := range v {
			checkJSON(t, file, path+"[]", x)
		}
	case json.Number:
		assert.Contains(t, []string{".combinations"}, path, "%s: %s is a JSON number", file, path)
	}
}
