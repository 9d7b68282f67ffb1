package parties

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

func TestFixedPoint(t *testing.T) {
	for _, c := range []struct {
		a, b string
	}{
		{"1", "1"}, {"1", "1.00"}, {"0.35", "1"}, {"1", "0.35"}, {"0", "0.000"}, {"-0.5", "0.5"},
		{"0.000000000000000001", "0"}, {"0.0000000000000000001", "0"}, // beyond 18 places: decimals
		{"9", "9.2"}, {"9.3", "9.2"}, {"100", "1"}, {"123456789012345678", "1"},
		{"0.1234567890123456789", "0.1234567890123456788"},
	} {
		a, b := decimal.RequireFromString(c.a), decimal.RequireFromString(c.b)
		if got, want := cmpDec(a, b), a.Cmp(b); got != want {
			t.Errorf("cmpDec(%s, %s) = %d, want %d", a, b, got, want)
		}
	}
	var s sum
	for _, x := range []string{"0.5", "0.25", "0.25"} {
		s.add(decimal.RequireFromString(x))
	}
	if s.cmpOne() != 0 || s.big {
		t.Errorf("0.5 + 0.25 + 0.25: cmpOne %d, big %t", s.cmpOne(), s.big)
	}
	s.add(decimal.RequireFromString("0.0000000000000000000001"))
	if s.cmpOne() != 1 || !s.big {
		t.Errorf("adding 1e-22: cmpOne %d, big %t", s.cmpOne(), s.big)
	}
	var many sum
	x := decimal.RequireFromString("0.999999999999999999")
	for range 10 {
		many.add(x)
	}
	if many.cmpOne() != 1 || !many.big || !many.d.Equal(decimal.RequireFromString("9.99999999999999999")) {
		t.Errorf("10 × %s = %s (big %t)", x, many.d, many.big)
	}
}

// TestShareStringFixedPoint checks that shares whose ends fit in fixed
// point format as the decimal arithmetic formats them.
func TestShareStringFixedPoint(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		end := func(label string) decimal.Decimal {
			digits := rapid.IntRange(0, 19).Draw(t, label+" digits")
			c := rapid.Int64Range(0, pow10[min(digits, 18)]-1).Draw(t, label+" coefficient")
			if digits == 19 {
				c = rapid.Int64Range(0, math.MaxInt64).Draw(t, label+" big coefficient")
			}
			return decimal.New(c, int32(rapid.IntRange(-22, 3).Draw(t, label+" exponent")))
		}
		lo := end("lo")
		hi := lo
		switch rapid.IntRange(0, 2).Draw(t, "range") {
		case 1:
			hi = end("hi")
		case 2:
			// Ends close enough to print alike once rounded.
			hi = lo.Add(decimal.New(rapid.Int64Range(1, 99).Draw(t, "delta"), -int32(rapid.IntRange(4, 9).Draw(t, "delta places"))))
		}
		s := Between(lo, hi)
		if got, want := s.String(), s.decimalString(); got != want {
			t.Fatalf("%s..%s: got %q, want %q", lo, hi, got, want)
		}
	})
	for _, s := range []Share{Exact(decimal.Zero), Exact(decimal.New(0, -5)), Between(decimal.New(5, -1), decimal.New(50, -2)),
		Exact(decimal.New(123455, -6)), Exact(decimal.New(999995, -7)), Exact(one), Between(decimal.New(-1, -1), one)} {
		if got, want := s.String(), s.decimalString(); got != want {
			t.Errorf("%s..%s: got %q, want %q", s.min, s.max, got, want)
		}
	}
}
