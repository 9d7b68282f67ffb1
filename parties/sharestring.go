package parties

import (
	"math"
	"strconv"
)

// percentDigits is a share's end as a percentage c × 10^e, with c an
// integer of at most 18 digits, not negative.
type percentDigits struct {
	c uint64
	e int32
}

// percentOf returns f × 100 as percentDigits and reports whether it fits;
// ok says whether f itself did, as [fdecOf] reports it.
func percentOf(f fdec, ok bool) (percentDigits, bool) {
	if !ok || f.e > fdecExpLimit-2 {
		return percentDigits{}, false
	}
	return percentDigits{c: uint64(f.c), e: f.e + 2}, true
}

// places returns the number of decimal places p needs to be exact.
func (p percentDigits) places() int32 {
	if p.c == 0 {
		return 0
	}
	c, e := p.c, p.e
	for c%10 == 0 {
		c, e = c/10, e+1
	}
	return max(0, -e)
}

// appendFixed appends p rounded half up to places decimal places, as
// [decimal.Decimal.StringFixed] formats it, and reports whether it could
// (false where the digits would not fit in a uint64).
func (p percentDigits) appendFixed(b []byte, places int32) ([]byte, bool) {
	// n is p × 10^places, rounded half up.
	n := p.c
	switch s := p.e + places; {
	case s > 0:
		if s > fixedPlaces || n > math.MaxUint64/uint64(pow10[s]) {
			return b, false
		}
		n *= uint64(pow10[s])
	case s < 0:
		if -s > fixedPlaces {
			return b, false
		}
		d := uint64(pow10[-s])
		q, r := n/d, n%d
		if r >= d-r { // r >= d/2, exactly
			q++
		}
		n = q
	}
	var buf [20]byte
	digits := strconv.AppendUint(buf[:0], n, 10)
	split := len(digits) - int(places) // the digits before the point
	if split <= 0 {
		b = append(b, '0', '.')
		for range -split {
			b = append(b, '0')
		}
		return append(b, digits...), true
	}
	b = append(b, digits[:split]...)
	if places > 0 {
		b = append(b, '.')
		b = append(b, digits[split:]...)
	}
	return b, true
}

// fixedString is [Share.String] of a set share whose ends fit in fixed
// point, without decimal arithmetic; it reports false where they do not.
func (s Share) fixedString() (string, bool) {
	lo, okLo := percentOf(fdecOf(s.min))
	hi, okHi := percentOf(fdecOf(s.max))
	if !okLo || !okHi {
		return "", false
	}
	places := max(lo.places(), hi.places())
	var lbuf, hbuf [48]byte
	l := lbuf[:0]
	if places > 4 {
		places = 4
		l = append(l, '~')
	}
	approx := len(l)
	l, okLo = lo.appendFixed(l, places)
	h, okHi := hi.appendFixed(hbuf[:0], places)
	if !okLo || !okHi {
		return "", false
	}
	if string(l[approx:]) == string(h) {
		return string(append(l, '%')), true
	}
	l = append(l, "%–"...)
	l = append(l, h...)
	return string(append(l, '%')), true
}
