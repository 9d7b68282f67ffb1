package parties_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// fuzzRegister decodes a builder from bytes: the first byte gives the
// number of parties (their kinds from the next bytes), then every five bytes
// a stake: holder, subject (an index past the parties names an unknown one),
// the ends of its economic share in hundredths (which may exceed 100% or be
// inverted), and flags for a voting share, dates, a class and a negative
// share.
func fuzzRegister(data []byte) *parties.Builder {
	var b parties.Builder
	if len(data) == 0 {
		return &b
	}
	n := int(data[0] % 9)
	data = data[1:]
	id := func(i byte) parties.ID {
		if int(i%16) >= n {
			return parties.ID(fmt.Sprintf("ghost%d", i%16))
		}
		return parties.ID(fmt.Sprintf("p%d", i%16))
	}
	for i := range n {
		p := parties.Party{ID: parties.ID(fmt.Sprintf("p%d", i))}
		if len(data) > 0 {
			p.Kind = parties.Kind(data[0] % 7) // 6 is invalid
			if data[0]&0x80 != 0 {
				p.ID = "" // an empty ID
			}
			if data[0]&0x40 != 0 {
				p.ID = "p0" // a duplicate
			}
			p.Jurisdiction = jurisdictions[int(data[0]>>3)%len(jurisdictions)]
			data = data[1:]
		}
		b.AddParty(p)
	}
	for len(data) >= 5 {
		h, s, lo, hi, flags := data[0], data[1], data[2], data[3], data[4]
		data = data[5:]
		st := parties.Stake{Holder: id(h), Subject: id(s),
			Economic: parties.Between(decimal.New(int64(lo), -2), decimal.New(int64(hi), -2))}
		if flags&1 != 0 {
			st.Economic = parties.Exact(decimal.New(int64(lo), -2))
		}
		if flags&2 != 0 {
			st.Voting = parties.Exact(decimal.New(int64(hi), -3))
		}
		if flags&4 != 0 {
			st.From = time.Date(2020, 1, 1+int(lo%40), 0, 0, 0, 0, time.UTC)
		}
		if flags&8 != 0 {
			st.Until = time.Date(2020, 1, 1+int(hi%40), 0, 0, 0, 0, time.UTC)
		}
		if flags&16 != 0 {
			st.Class = "B"
		}
		if flags&32 != 0 {
			st.Economic = parties.Exact(decimal.New(-int64(lo), -2))
		}
		if flags&64 != 0 {
			st.Economic = parties.Share{}
		}
		b.AddStake(st)
	}
	return &b
}

func FuzzBuilder(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 0, 0, 0, 0, 1, 50, 50, 1, 1, 2, 30, 40, 0, 2, 0, 100, 100, 1})
	f.Add([]byte{4, 0, 0, 0, 3, 0, 1, 100, 100, 1, 1, 0, 100, 100, 1, 2, 0, 0, 10, 0})                                   // closed cycle
	f.Add([]byte{5, 0, 0, 0, 0, 3, 1, 0, 50, 50, 1, 2, 0, 30, 30, 1, 0, 2, 50, 50, 1, 3, 2, 30, 30, 1, 4, 1, 20, 20, 1}) // cross-holding
	f.Add([]byte{2, 0x80, 0x40, 0, 9, 120, 110, 0, 1, 1, 5, 5, 4 | 8})
	f.Add([]byte{6, 3, 3, 0, 0, 0, 0, 1, 0, 50, 100, 0, 2, 0, 40, 100, 0, 0, 1, 50, 100, 0, 0, 2, 50, 100, 0, 1, 0, 40, 100, 0, 2, 0, 40, 100, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		b := fuzzRegister(data)
		r, err := b.Build()
		if err != nil {
			if r != nil {
				t.Fatal("a failed build returned a register")
			}
			for _, e := range leaves(err) {
				var pe *parties.PartyError
				var se *parties.StakeError
				if !errors.As(e, &pe) && !errors.As(e, &se) {
					t.Fatalf("problem %q is neither a PartyError nor a StakeError", e)
				}
			}
			return
		}
		one := decimal.NewFromInt(1)
		for p := range r.Parties() {
			for _, m := range methods() {
				in, err := r.LookThrough(p.ID, m)
				if err != nil {
					if !errors.Is(err, parties.ErrClosedCycle) {
						t.Fatalf("look-through in %s under %s: %v", p.ID, m, err)
					}
					continue
				}
				for id, sh := range in.All() {
					if sh.Min().Sign() < 0 || sh.Max().GreaterThan(one) || sh.Min().GreaterThan(sh.Max()) {
						t.Fatalf("%s in %s under %s: %s", id, p.ID, m, sh)
					}
					if _, err := r.Explain(p.ID, id, m); err != nil {
						t.Fatalf("explain %s in %s: %v", id, p.ID, err)
					}
				}
			}
			o, err := r.OwnedBy(p.ID, parties.OfKind(parties.Person), parties.Proportional())
			if err != nil {
				t.Fatal(err)
			}
			if o.Share.Max().GreaterThan(one) {
				t.Fatalf("owned: %s", o)
			}
			if _, err := r.Controllers(p.ID, parties.Threshold{Op: parties.AtLeast, Value: decimal.New(2, -1)}); err != nil {
				t.Fatal(err)
			}
			if _, err := r.UltimateOwners(p.ID, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := r.AsOf(time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)).LookThrough(p.ID, parties.Proportional()); err != nil && !errors.Is(err, parties.ErrClosedCycle) {
				t.Fatal(err)
			}
		}
	})
}

func FuzzParseShare(f *testing.F) {
	for _, s := range []string{"0.125", "12.5%", "40%–41%", "40%-41%", "0.40..0.41", "1", "0", "100%", "0%—1%",
		"-0.1", "1e5", "", " ", "..", "-", "1.5", "0.5..0.4", "0.1..0.2..0.3", "%", "50 %", "0.000000000000000000000000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sh, err := parties.ParseShare(s)
		if err != nil {
			return
		}
		if err := sh.Validate(); err != nil {
			t.Fatalf("ParseShare(%q) = %s, which is invalid: %v", s, sh, err)
		}
		text, err := sh.MarshalText()
		if err != nil {
			t.Fatalf("marshal %q: %v", s, err)
		}
		var back parties.Share
		if err := back.UnmarshalText(text); err != nil {
			t.Fatalf("ParseShare(%q) marshals to %q, which does not parse: %v", s, text, err)
		}
		if !back.Equal(sh) {
			t.Fatalf("ParseShare(%q) = %s..%s, round trip gives %s..%s", s, sh.Min(), sh.Max(), back.Min(), back.Max())
		}
		_ = sh.String()
	})
}

func FuzzParseMethod(f *testing.F) {
	for _, s := range []string{"proportional", "direct", "attribution", "attribution:>=0.25", "rolling:>25%", "rolling:<0.1", "attribution:>1", "x:y", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parties.ParseMethod(s)
		if err != nil {
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("ParseMethod(%q) = %s, which is invalid: %v", s, m, err)
		}
		text, err := m.MarshalText()
		if err != nil {
			t.Fatalf("marshal %q: %v", s, err)
		}
		var back parties.Method
		if err := back.UnmarshalText(text); err != nil {
			t.Fatalf("ParseMethod(%q) marshals to %q, which does not parse: %v", s, text, err)
		}
		if back.String() != m.String() || back.Threshold().Op != m.Threshold().Op || !back.Threshold().Value.Equal(m.Threshold().Value) {
			t.Fatalf("ParseMethod(%q) = %s, round trip gives %s", s, m, back)
		}
	})
}

func FuzzParseThreshold(f *testing.F) {
	for _, s := range []string{">0.5", ">=20%", "<0.2", "<=1", ">", "=0.5", ">1.5", ">=-0", ""} {
		f.Add(s)
	}
	symbols := map[parties.Comparison]string{parties.AtLeast: ">=", parties.MoreThan: ">", parties.AtMost: "<=", parties.LessThan: "<"}
	f.Fuzz(func(t *testing.T, s string) {
		th, err := parties.ParseThreshold(s)
		if err != nil {
			return
		}
		if err := th.Validate(); err != nil {
			t.Fatalf("ParseThreshold(%q) = %s, which is invalid: %v", s, th, err)
		}
		text := symbols[th.Op] + th.Value.String()
		back, err := parties.ParseThreshold(text)
		if err != nil {
			t.Fatalf("ParseThreshold(%q) writes as %q, which does not parse: %v", s, text, err)
		}
		if back.Op != th.Op || !back.Value.Equal(th.Value) {
			t.Fatalf("ParseThreshold(%q) = %s, round trip gives %s", s, th, back)
		}
	})
}

// FuzzParseJurisdiction checks that parsing never panics, that what parses
// is an assigned code or a known bloc in upper case, and that it survives
// a text round trip.
func FuzzParseJurisdiction(f *testing.F) {
	for _, s := range []string{"US", "cn", " gb ", "EU", "XX", "", "U", "USA", "ü1", "eu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		j, err := parties.ParseJurisdiction(s)
		if err != nil {
			if !errors.Is(err, parties.ErrJurisdiction) {
				t.Fatalf("ParseJurisdiction(%q): error %v does not wrap ErrJurisdiction", s, err)
			}
			return
		}
		if j.IsZero() || len(j.Code()) != 2 || strings.ToUpper(j.Code()) != j.Code() {
			t.Fatalf("ParseJurisdiction(%q) = %q", s, j.Code())
		}
		b, err := j.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back parties.Jurisdiction
		if err := back.UnmarshalText(b); err != nil || back != j {
			t.Fatalf("round trip of %q: %v, %v", j.Code(), back, err)
		}
		if !j.Within(j) {
			t.Fatalf("%s is not within itself", j)
		}
	})
}
