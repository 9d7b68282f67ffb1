package bods_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/parties/bods"
)

// roundTrip exports a result, imports the output and checks that it holds
// the same ownership facts; it returns the exported text.
func roundTrip(t testing.TB, res *bods.Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := bods.Export(&buf, res.Register, &bods.ExportOptions{Controls: res.Controls}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	back, err := bods.Import(&buf, nil)
	if err != nil {
		t.Fatalf("reimport: %v\n%s", err, out)
	}
	requireSameFacts(t, res, back)
	return out
}

// TestExportRoundTrip imports each worked example, exports it and imports
// it again, and checks the same parties, stakes and control facts come
// back; exporting again gives the same text.
func TestExportRoundTrip(t *testing.T) {
	dir := bodsDir(t, "examples")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	files = append(files, filepath.Join("testdata", "tecido.json"), filepath.Join("testdata", "joint-ownership.json"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res, err := importFile(t, f, nil)
			if err != nil {
				t.Fatal(err)
			}
			out := roundTrip(t, res)
			back, err := bods.Import(strings.NewReader(out), nil)
			if err != nil {
				t.Fatal(err)
			}
			if again := roundTrip(t, back); again != out {
				t.Fatalf("export is not stable:\n%s\n---\n%s", out, again)
			}
		})
	}
}

func TestExportCases(t *testing.T) {
	us, cn := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN")
	reg, err := parties.New([]parties.Party{
		{ID: "target", Name: "Target Inc.", Jurisdiction: us, Headquarters: us},
		{ID: "fund", Name: "A Fund", Kind: parties.Fund},
		{ID: "gov", Name: "A Ministry", Kind: parties.State, Jurisdiction: cn, Tags: []string{"bods:stateBody"}},
		{ID: "anon", Kind: parties.Unknown, Reason: "withheld by agreement"},
		{ID: "jo", Name: "Jo", Kind: parties.Person, Jurisdiction: cn, Headquarters: us,
			Source: parties.Source{URL: "https://example.org/jo", Date: day("2024-05-06"), Confidence: parties.Confirmed, Note: "filing"}},
	}, []parties.Stake{
		{Holder: "fund", Subject: "target", Economic: between("0.4", "0.41"), Voting: exact("0.5")},
		{Holder: "gov", Subject: "target", Economic: exact("0"), Voting: exact("0.1")},
		{Holder: "anon", Subject: "target", Economic: exact("0.2"), From: day("2020-01-01"), Until: day("2030-01-01")},
		{Holder: "jo", Subject: "fund", Economic: exact("1")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := bods.Export(&buf, reg, nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`"entityType":{"type":"legalEntity"}`,
		`"entityType":{"type":"stateBody"}`,
		`"unspecifiedEntityDetails":{"reason":"unknown","description":"withheld by agreement"}`,
		`"share":{"minimum":40,"maximum":41}`,
		`{"type":"votingRights","share":{"exact":10}}`,
		`"startDate":"2020-01-01","endDate":"2030-01-01"`,
		`"source":{"type":["officialRegister"],"description":"filing","url":"https://example.org/jo"}`,
		`"statementDate":"2024-05-06"`,
		`"nationalities":[{"name":"CN","code":"CN"}],"addresses":[{"type":"residence","country":{"name":"US","code":"US"}}]`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
	back, err := bods.Import(strings.NewReader(out), nil)
	if err != nil {
		t.Fatal(err)
	}
	for s := range back.Register.Stakes() {
		if s.Holder == "gov" {
			requireShare(t, exact("0"), s.Economic, "voting-only economic")
			requireShare(t, exact("0.1"), s.Voting, "voting-only voting")
		}
	}
	// The fund comes back as a company, the documented loss.
	if p, _ := back.Register.Party("fund"); p.Kind != parties.Company {
		t.Errorf("fund: %v", p.Kind)
	}
	// A control fact naming a party not in the register is refused.
	err = bods.Export(&buf, reg, &bods.ExportOptions{Controls: []bods.ControlFact{{Subject: "target", InterestedParty: "ghost"}}})
	if err == nil || !strings.Contains(err.Error(), "ghost") {
		t.Fatalf("want an error naming the unknown party, got %v", err)
	}
}
