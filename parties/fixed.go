package parties

import (
	"cmp"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Shares are decimals; most have few digits. Comparing or adding decimals
// of different exponents allocates, so the hot paths of building a register
// work on fixed-point integers ([fdec]) where the values allow it, and fall
// back to decimals where they do not.

// fixedPlaces is the number of digits of the coefficient of an fdec.
const fixedPlaces = 18

// pow10 holds 10^0 to 10^18.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// cmpDec compares two decimals like [decimal.Decimal.Cmp], without
// allocating where both fit in fixed point.
func cmpDec(a, b decimal.Decimal) int {
	if x, ok := fdecOf(a); ok {
		if y, ok := fdecOf(b); ok {
			return x.cmp(y)
		}
	}
	return a.Cmp(b)
}

// sum adds decimals, in fixed point while they fit.
type sum struct {
	f   fdec
	d   decimal.Decimal // used once a term or the sum does not fit
	big bool
}

func (s *sum) add(x decimal.Decimal) {
	if !s.big {
		if y, ok := fdecOf(x); ok {
			if f, ok := s.f.add(y); ok {
				s.f = f
				return
			}
		}
		s.big, s.d = true, s.f.decimal()
	}
	s.d = s.d.Add(x)
}

// cmp compares the sum with d.
func (s *sum) cmp(d decimal.Decimal) int {
	if s.big {
		return s.d.Cmp(d)
	}
	if y, ok := fdecOf(d); ok {
		return s.f.cmp(y)
	}
	return s.f.decimal().Cmp(d)
}

// cmpOne compares the sum with 1.
func (s *sum) cmpOne() int {
	if s.big {
		return s.d.Cmp(one)
	}
	return s.f.cmpOne()
}

// fdec is a non-negative decimal c × 10^e whose coefficient fits in an int64,
// kept with the very coefficient and exponent that decimal arithmetic would
// give it: [decimal.Decimal.Mul] adds exponents and [decimal.Decimal.Add]
// takes the smaller one, and fdec does the same, so a look-through computed
// in fdec converts back to the decimals the decimal arithmetic computes,
// coefficient and exponent alike. An operation whose result does not fit
// reports it, and the caller falls back to decimals.
//
// The zero fdec is [decimal.Zero] itself, which has no coefficient; a zero
// computed by arithmetic is set.
type fdec struct {
	c   int64
	e   int32
	set bool
}

// fdecOne is 1 as [one] holds it.
var fdecOne = fdec{c: 1, e: 0, set: true}

// fdecExpLimit bounds the exponents fdec works with, far inside the int32
// exponents of decimals: beyond it, decimal arithmetic takes over (and fails
// as it does).
const fdecExpLimit = 1 << 28

// fdecOf returns d as an fdec and reports whether it fits: a non-negative
// coefficient of at most 18 digits. [decimal.Zero] itself comes back as a
// zero computed by arithmetic (set): it is converted only as a weight, and a
// weight of 0 is skipped.
func fdecOf(d decimal.Decimal) (fdec, bool) {
	e := d.Exponent()
	if d.NumDigits() > fixedPlaces || e < -fdecExpLimit || e > fdecExpLimit {
		return fdec{}, false
	}
	c := d.CoefficientInt64()
	if c < 0 {
		return fdec{}, false
	}
	return fdec{c: c, e: e, set: true}, true
}

// decimal returns f as a decimal.
func (f fdec) decimal() decimal.Decimal {
	if !f.set {
		return decimal.Zero
	}
	return decimal.New(f.c, f.e)
}

// mul returns f × g, with the exponents added, and reports whether it fits.
func (f fdec) mul(g fdec) (fdec, bool) {
	hi, lo := bits.Mul64(uint64(f.c), uint64(g.c))
	e := int64(f.e) + int64(g.e)
	if hi != 0 || lo > math.MaxInt64 || e < -fdecExpLimit || e > fdecExpLimit {
		return fdec{}, false
	}
	return fdec{c: int64(lo), e: int32(e), set: true}, true
}

// add returns f + g at the smaller of their exponents and reports whether it
// fits.
func (f fdec) add(g fdec) (fdec, bool) {
	if f.e < g.e {
		f, g = g, f
	}
	// f has the larger exponent: scale its coefficient to g's.
	c := uint64(f.c)
	if d := f.e - g.e; d > 0 && c != 0 {
		if d > fixedPlaces {
			return fdec{}, false
		}
		hi, lo := bits.Mul64(c, uint64(pow10[d]))
		if hi != 0 {
			return fdec{}, false
		}
		c = lo
	}
	s := c + uint64(g.c) // wraps only if c >= 2^63, which is refused
	if c > math.MaxInt64 || s > math.MaxInt64 {
		return fdec{}, false
	}
	return fdec{c: int64(s), e: g.e, set: true}, true
}

// cmp compares f with g.
func (f fdec) cmp(g fdec) int {
	if f.c == 0 || g.c == 0 {
		return cmp.Compare(f.c, g.c)
	}
	sign := 1
	if f.e < g.e {
		f, g, sign = g, f, -1
	}
	// f has the larger exponent: scale its coefficient to g's. If that
	// overflows, f is the larger.
	if d := f.e - g.e; d > 0 {
		if d > fixedPlaces {
			return sign
		}
		hi, lo := bits.Mul64(uint64(f.c), uint64(pow10[d]))
		if hi != 0 || lo > math.MaxInt64 {
			return sign
		}
		f.c = int64(lo)
	}
	return sign * cmp.Compare(f.c, g.c)
}

// cmpOne compares f with 1.
func (f fdec) cmpOne() int {
	switch {
	case f.c == 0:
		return -1
	case f.e >= 0:
		if f.c == 1 && f.e == 0 {
			return 0
		}
		return 1
	case -f.e > fixedPlaces:
		return -1 // c < 2^63 < 10^19
	}
	return cmp.Compare(f.c, pow10[-f.e])
}

// capOne returns f, or 1 if f is above 1.
func (f fdec) capOne() fdec {
	if f.cmpOne() > 0 {
		return fdecOne
	}
	return f
}
