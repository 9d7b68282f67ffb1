package bods_test

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/parties/bods"
	"github.com/shopspring/decimal"
)

// bodsDir returns a folder of the module's BODS test data
// (testdata/bods-0.4), taken unchanged from the standard's repository.
func bodsDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "bods-0.4", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("BODS test data not found at %s: %v", dir, err)
	}
	return dir
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func exact(s string) parties.Share { return parties.Exact(d(s)) }

func between(lo, hi string) parties.Share { return parties.Between(d(lo), d(hi)) }

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// requireShare fails the test unless got equals want end for end, comparing
// decimals by value.
func requireShare(t testing.TB, want, got parties.Share, what string) {
	t.Helper()
	if !want.Equal(got) {
		t.Fatalf("%s: want %s (%s..%s), got %s (%s..%s)", what, want, want.Min(), want.Max(), got, got.Min(), got.Max())
	}
}

func importString(t testing.TB, doc string, opts *bods.ImportOptions) (*bods.Result, error) {
	t.Helper()
	return bods.Import(strings.NewReader(doc), opts)
}

func importFile(t testing.TB, path string, opts *bods.ImportOptions) (*bods.Result, error) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bods.Import(bytes.NewReader(b), opts)
}

// facts renders the ownership facts of a result as sorted lines, for
// comparing two imports: parties with their kind, name, jurisdictions and
// reason; stakes with their shares (by value) and dates; control facts.
func facts(res *bods.Result) []string {
	var out []string
	for p := range res.Register.Parties() {
		out = append(out, fmt.Sprintf("party %s kind=%s name=%q j=%s hq=%s reason=%q src=%s|%s|%s|%s",
			p.ID, p.Kind, p.Name, p.Jurisdiction, p.Headquarters, p.Reason,
			p.Source.URL, p.Source.Note, p.Source.Confidence, date(p.Source.Date)))
	}
	for s := range res.Register.Stakes() {
		out = append(out, fmt.Sprintf("stake %s -> %s econ=%s votes=%s from=%s until=%s src=%s|%s|%s|%s",
			s.Holder, s.Subject, frac(s.Economic), frac(s.Votes()), date(s.From), date(s.Until),
			s.Source.URL, s.Source.Note, s.Source.Confidence, date(s.Source.Date)))
	}
	for _, c := range res.Controls {
		out = append(out, fmt.Sprintf("control %s -> %s type=%q direct=%q bo=%t share=%s details=%q from=%s until=%s",
			c.InterestedParty, c.Subject, c.Type, c.DirectOrIndirect, c.BeneficialOwnershipOrControl, frac(c.Share),
			c.Details, date(c.From), date(c.Until)))
	}
	slices.SortFunc(out, cmp.Compare)
	return out
}

// frac writes a share as normalised fractions, so that 0.5 and 0.50 agree.
func frac(s parties.Share) string {
	if s.IsZero() {
		return "none"
	}
	n := func(x decimal.Decimal) string { return x.String() }
	if s.IsExact() {
		return n(s.Min())
	}
	return n(s.Min()) + ".." + n(s.Max())
}

func date(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

// requireSameFacts fails the test unless two results hold the same
// ownership facts.
func requireSameFacts(t testing.TB, want, got *bods.Result) {
	t.Helper()
	a, b := facts(want), facts(got)
	if !slices.Equal(a, b) {
		t.Fatalf("facts differ:\nwant:\n  %s\ngot:\n  %s", strings.Join(a, "\n  "), strings.Join(b, "\n  "))
	}
}

// owners returns the ultimate owners of subject as "id=share" strings.
func owners(t testing.TB, reg *parties.Register, subject parties.ID) []string {
	t.Helper()
	os, err := reg.UltimateOwners(subject, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range os {
		out = append(out, fmt.Sprintf("%s=%s", o.Party, frac(o.Share)))
	}
	return out
}
