package parties

import (
	"testing"

	"github.com/shopspring/decimal"
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
	if _, ok := toFixed(one); !ok {
		t.Error("1 does not fit in fixed point")
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
	for range 30 {
		many.add(one)
	}
	if many.cmpOne() != 1 || !many.big || !many.d.Equal(decimal.NewFromInt(30)) {
		t.Errorf("30 × 1 = %s (big %t)", many.d, many.big)
	}
}
