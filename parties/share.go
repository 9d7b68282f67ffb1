package parties

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/shopspring/decimal"
)

// Share is a fraction of 1 known exactly or only as a closed interval
// [Min, Max], as ownership data standards publish bands. Arithmetic on shares
// is exact interval arithmetic on non-negative decimals.
//
// The zero Share is not a valid share: it stands for "not given" (a stake's
// voting share, for instance, defaults to its economic share when zero). Use
// [Exact] with [decimal.Zero] for a share of nothing.
type Share struct {
	min, max decimal.Decimal
	set      bool
}

var (
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

// Exact returns the share known exactly as d.
func Exact(d decimal.Decimal) Share { return Share{min: d, max: d, set: true} }

// Between returns the share known to lie in [min, max]. It does not validate
// its arguments; [Share.Validate] and [Builder.Build] do.
func Between(min, max decimal.Decimal) Share { return Share{min: min, max: max, set: true} }

// Percent returns the exact share p/100, as in Percent(12.5) for 12.5%. It
// goes through the decimal representation of p, so Percent(12.5) is exactly
// 0.125. A NaN or infinite p gives the zero Share, which a [Builder]
// rejects.
func Percent(p float64) Share {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return Share{}
	}
	return Exact(decimal.NewFromFloat(p).Shift(-2))
}

// MustParseShare is like [ParseShare] but panics on invalid input. It is meant
// for literals in tests and examples.
func MustParseShare(s string) Share {
	v, err := ParseShare(s)
	if err != nil {
		panic(err)
	}
	return v
}

// ParseShare parses a share written as a fraction ("0.125"), a percentage
// ("12.5%") or a range of either ("0.40..0.41", "40%..41%", "40%-41%",
// "40%–41%"). The result must lie within [0, 1] with min not above max.
func ParseShare(s string) (Share, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Share{}, fmt.Errorf("parties: parse share %q: empty", s)
	}
	lo, hi, ranged := t, t, false
	for _, sep := range []string{"..", "–", "—"} {
		if a, b, ok := strings.Cut(t, sep); ok {
			lo, hi, ranged = a, b, true
			break
		}
	}
	if !ranged {
		// A hyphen separates a range only after the first character, so that
		// "-0.1" stays a (rejected) negative number.
		if i := strings.Index(t[1:], "-"); i >= 0 {
			lo, hi = t[:i+1], t[i+2:]
		}
	}
	min, err := parseFraction(lo)
	if err != nil {
		return Share{}, fmt.Errorf("parties: parse share %q: %w", s, err)
	}
	max, err := parseFraction(hi)
	if err != nil {
		return Share{}, fmt.Errorf("parties: parse share %q: %w", s, err)
	}
	sh := Between(min, max)
	if err := sh.Validate(); err != nil {
		return Share{}, withContext(fmt.Sprintf("parse share %q", s), err)
	}
	return sh, nil
}

func parseFraction(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	if pct {
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if s == "" || strings.ContainsAny(s, "eE") {
		return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	if pct {
		d = d.Shift(-2) // exact, unlike Div
	}
	return d, nil
}

// Min returns the lower end of the share (its value when exact).
func (s Share) Min() decimal.Decimal { return s.min }

// Max returns the upper end of the share (its value when exact).
func (s Share) Max() decimal.Decimal { return s.max }

// IsZero reports whether s is the zero Share, that is, not given.
func (s Share) IsZero() bool { return !s.set }

// IsExact reports whether s is known exactly.
func (s Share) IsExact() bool { return s.set && s.min.Equal(s.max) }

// Validate reports an error wrapping [ErrShareRange] if s is not given or lies
// outside [0, 1], or wrapping [ErrInvertedRange] if its minimum is above its
// maximum.
func (s Share) Validate() error {
	switch {
	case !s.set:
		return fmt.Errorf("%w: no share given", ErrShareRange)
	case s.min.Sign() < 0 || cmpDec(s.max, one) > 0:
		return fmt.Errorf("%w: %s is outside [0, 1]", ErrShareRange, s.fraction())
	case cmpDec(s.min, s.max) > 0:
		return fmt.Errorf("%w: minimum %s is above maximum %s", ErrInvertedRange, s.min, s.max)
	}
	return nil
}

// Equal reports whether s and t have equal ends (1.0 equals 1.00).
func (s Share) Equal(t Share) bool {
	return s.set == t.set && s.min.Equal(t.min) && s.max.Equal(t.max)
}

// Add returns the interval sum s + t.
func (s Share) Add(t Share) Share {
	return Share{min: s.min.Add(t.min), max: s.max.Add(t.max), set: s.set || t.set}
}

// Sub returns [s.Min - t.Min, s.Max - t.Max]: the difference of two figures
// computed at the same ends of their inputs' ranges (not the interval
// difference, which would be wider).
func (s Share) Sub(t Share) Share {
	return Share{min: s.min.Sub(t.min), max: s.max.Sub(t.max), set: s.set || t.set}
}

// Mul returns the interval product s × t of two non-negative shares.
func (s Share) Mul(t Share) Share {
	return Share{min: s.min.Mul(t.min), max: s.max.Mul(t.max), set: s.set && t.set}
}

// Clamp returns s with both ends limited to [0, 1].
func (s Share) Clamp() Share {
	c := func(d decimal.Decimal) decimal.Decimal {
		if d.Sign() < 0 {
			return decimal.Zero
		}
		if cmpDec(d, one) > 0 {
			return one
		}
		return d
	}
	return Share{min: c(s.min), max: c(s.max), set: s.set}
}

// String formats s as a percentage ("12.5%") or a range of percentages
// ("52.0%–52.8%"), both ends with the same number of decimal places: as many
// as needed to be exact, at most four. A figure that needs more is rounded
// to the nearest for display and marked with "~"; a range whose ends then
// print alike prints once. The exact ends
// are [Share.Min] and [Share.Max]. The zero Share formats as "n/a".
func (s Share) String() string {
	if !s.set {
		return "n/a"
	}
	if str, ok := s.fixedString(); ok {
		return str
	}
	return s.decimalString()
}

// decimalString is [Share.String] of a set share in decimal arithmetic.
func (s Share) decimalString() string {
	lo, hi := s.min.Mul(hundred), s.max.Mul(hundred)
	places := max(decimalPlaces(lo), decimalPlaces(hi))
	approx := ""
	if places > 4 {
		places, approx = 4, "~"
	}
	l, h := lo.StringFixed(places), hi.StringFixed(places)
	if l == h {
		return approx + l + "%"
	}
	return approx + l + "%–" + h + "%"
}

// fraction formats s as fractions of 1 ("0.4..0.41").
func (s Share) fraction() string {
	if s.IsExact() {
		return s.min.String()
	}
	return s.min.String() + ".." + s.max.String()
}

func decimalPlaces(d decimal.Decimal) int32 {
	// Normalise trailing zeros away: 52.800 needs one place.
	str := d.String()
	i := strings.IndexByte(str, '.')
	if i < 0 {
		return 0
	}
	return int32(len(strings.TrimRight(str[i+1:], "0")))
}

// MarshalText implements [encoding.TextMarshaler]: an exact share as a decimal
// fraction ("0.125"), a range as "min..max". A zero Share is an error.
func (s Share) MarshalText() ([]byte, error) {
	if !s.set {
		return nil, errors.New("parties: marshal share: no share given")
	}
	return []byte(s.fraction()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseShare].
func (s *Share) UnmarshalText(b []byte) error {
	v, err := ParseShare(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
