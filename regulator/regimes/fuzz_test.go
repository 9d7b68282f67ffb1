package regimes_test

import (
	"testing"

	"github.com/dealscape/dealscape/regulator/regimes"
)

// FuzzEnumText checks that every text the enum parsers accept marshals back
// to itself, and that parsing never panics.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"none", "artificial-intelligence", "critical-technology", "acquisition", "cash-tender-offer", "bankruptcy-363", "consent", "national-security", "", "Quantum", "quantum "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var sec regimes.Sector
		if sec.UnmarshalText([]byte(s)) == nil {
			if b, err := sec.MarshalText(); err != nil || string(b) != s {
				t.Fatalf("Sector %q: marshals to %q, %v", s, b, err)
			}
		}
		var k regimes.HSRTransaction
		if k.UnmarshalText([]byte(s)) == nil {
			if b, err := k.MarshalText(); err != nil || string(b) != s {
				t.Fatalf("HSRTransaction %q: marshals to %q, %v", s, b, err)
			}
		}
		var r regimes.NZRoute
		if r.UnmarshalText([]byte(s)) == nil {
			if b, err := r.MarshalText(); err != nil || string(b) != s {
				t.Fatalf("NZRoute %q: marshals to %q, %v", s, b, err)
			}
		}
	})
}
