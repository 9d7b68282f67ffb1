package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/examples/internal/cmdtest"
	"github.com/shopspring/decimal"
)

// example returns the path of a worked example of the standard, from the
// module's BODS test data (testdata/bods-0.4).
func example(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join("..", "..", "testdata", "bods-0.4", "examples", name)
}

// TestReport checks the readable output against golden files.
func TestReport(t *testing.T) {
	tests := []struct {
		name, file string
		args       []string
	}{
		{"state-owned", "bods-package-fi-soe.json", []string{"-subject", "19f1c5afe9d7", "-asof", "2024-01-01"}},
		{"history", "tecido.json", []string{"-subject", "01B68D7633", "-asof", "2022-01-01"}},
		{"indirect", "indirect-ownership.json", []string{"-subject", "ad3f6c2fcc9e", "-asof", "2024-01-01"}},
		{"ranges-direct", "simple-pep-declaration.json", []string{"-subject", "841083ba86e3", "-asof", "all", "-method", "direct"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmdtest.Golden(t, run, tt.name, append([]string{"-f", example(t, tt.file)}, tt.args...)...)
		})
	}
}

// TestJSON checks the -json output field by field.
func TestJSON(t *testing.T) {
	tests := []struct {
		name, file string
		args       []string
		subject    string
		owners     [][3]string // id, min, max
	}{
		{"exact through a subsidiary", "bods-package-fi-soe.json", []string{"-asof", "2024-01-01"}, "19f1c5afe9d7",
			[][3]string{{"7ff95ba3682c", "1", "1"}}},
		{"range", "simple-pep-declaration.json", []string{"-asof", "all"}, "841083ba86e3",
			[][3]string{{"c9ceb68d7241", "0.25", "0.5"}}},
		{"joint", "joint-ownership.json", []string{"-asof", "2024-01-01", "-method", "rolling:>0.25"}, "31c55e425764",
			[][3]string{{"1accb8b18b99", "0.5", "0.5"}, {"f040df24d9ec", "0.5", "0.5"}}},
		{"history", "fermcat.json", []string{"-asof", "2021-06-01"}, "ent-93c75c87ab28f889",
			[][3]string{{"per-41c0bb0cef246f7c", "0.5", "0.5"}, {"per-e334cc6258e56467", "0.5", "0.5"}}},
		{"no owners", "plc-entity-statement.json", []string{"-asof", "2024-01-01"}, "70044236", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append([]string{"-f", example(t, tt.file), "-subject", tt.subject, "-json"}, tt.args...)
			if err := run(args, &out, &errOut); err != nil {
				t.Fatalf("%v\n%s", err, errOut.String())
			}
			var got struct {
				Subject *string           `json:"subject"`
				Owners  []json.RawMessage `json:"owners"`
			}
			dec := json.NewDecoder(&out)
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatal(err)
			}
			if got.Subject == nil || *got.Subject != tt.subject {
				t.Fatalf("subject: %v", got.Subject)
			}
			if got.Owners == nil || len(got.Owners) != len(tt.owners) {
				t.Fatalf("owners: want %d, got %d (%v)", len(tt.owners), len(got.Owners), got.Owners)
			}
			for i, raw := range got.Owners {
				var o struct{ ID, Min, Max string }
				d := json.NewDecoder(bytes.NewReader(raw))
				d.DisallowUnknownFields()
				if err := d.Decode(&o); err != nil {
					t.Fatal(err)
				}
				want := tt.owners[i]
				if o.ID != want[0] {
					t.Errorf("owner %d: id %q, want %q", i, o.ID, want[0])
				}
				for j, v := range []string{o.Min, o.Max} {
					dv, err := decimal.NewFromString(v)
					if err != nil || !dv.Equal(decimal.RequireFromString(want[j+1])) {
						t.Errorf("owner %d: %s is %q, want %s", i, []string{"min", "max"}[j], v, want[j+1])
					}
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	file := example(t, "tecido.json")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no subject", []string{"-f", file}, "-subject"},
		{"unknown subject", []string{"-f", file, "-subject", "nobody"}, `no entity "nobody"`},
		{"bad method", []string{"-f", file, "-subject", "01B68D7633", "-method", "fancy"}, "unknown method"},
		{"bad date", []string{"-f", file, "-subject", "01B68D7633", "-asof", "yesterday"}, "-asof"},
		{"missing file", []string{"-f", "nope.json", "-subject", "x"}, "nope.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(tt.args, &out, &errOut)
			if err == nil || !strings.Contains(err.Error()+errOut.String(), tt.want) {
				t.Fatalf("want an error mentioning %q, got %v", tt.want, err)
			}
		})
	}
}
