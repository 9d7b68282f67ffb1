package parties

import (
	"math"

	"github.com/shopspring/decimal"
)

// Shares are decimals; most have few digits. Comparing or adding decimals
// of different exponents allocates, so the hot paths of building a register
// work on fixed-point integers where the values allow it, and fall back to
// decimals where they do not.

// fixedPlaces is the scale of fixed: a fixed value f stands for f × 10^-18.
const fixedPlaces = 18

// fixedOne is 1 in fixed point.
const fixedOne int64 = 1e18

// pow10 holds 10^0 to 10^18.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// toFixed returns d × 10^18 as an integer and reports whether it is exact
// and fits (|d| below 9, at most 18 places).
func toFixed(d decimal.Decimal) (int64, bool) {
	exp := d.Exponent()
	if exp < -fixedPlaces || exp > 0 || d.NumDigits() > fixedPlaces {
		return 0, false
	}
	c := d.CoefficientInt64()
	m := pow10[exp+fixedPlaces]
	if c > math.MaxInt64/m || c < math.MinInt64/m {
		return 0, false
	}
	return c * m, true
}

// cmpDec compares two decimals like [decimal.Decimal.Cmp], without
// allocating where both fit in fixed point.
func cmpDec(a, b decimal.Decimal) int {
	if x, ok := toFixed(a); ok {
		if y, ok := toFixed(b); ok {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	return a.Cmp(b)
}

// sum adds decimals, in fixed point while they fit.
type sum struct {
	f   int64
	d   decimal.Decimal // used once a term does not fit
	big bool
}

func (s *sum) add(x decimal.Decimal) {
	if !s.big {
		if y, ok := toFixed(x); ok && y >= 0 && s.f <= math.MaxInt64/2 && y <= math.MaxInt64/2 {
			s.f += y
			return
		}
		s.big, s.d = true, decimal.New(s.f, -fixedPlaces)
	}
	s.d = s.d.Add(x)
}

// cmpOne compares the sum with 1.
func (s *sum) cmpOne() int {
	if s.big {
		return s.d.Cmp(one)
	}
	switch {
	case s.f < fixedOne:
		return -1
	case s.f > fixedOne:
		return 1
	}
	return 0
}
