package parties

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Comparison is the relation a [Threshold] tests. "At least 20%" and "more
// than 20%" are different rules: they differ exactly at 20%.
type Comparison int8

// The comparisons.
const (
	AtLeast  Comparison = iota // >=
	MoreThan                   // >
	AtMost                     // <=
	LessThan                   // <
)

var comparisonNames = [...]string{AtLeast: "at-least", MoreThan: "more-than", AtMost: "at-most", LessThan: "less-than"}
var comparisonSymbols = [...]string{AtLeast: ">=", MoreThan: ">", AtMost: "<=", LessThan: "<"}
var comparisonWords = [...]string{AtLeast: "at least", MoreThan: "more than", AtMost: "at most", LessThan: "less than"}

// String returns "at-least", "more-than", "at-most" or "less-than".
func (c Comparison) String() string {
	if c < 0 || int(c) >= len(comparisonNames) {
		return fmt.Sprintf("Comparison(%d)", int8(c))
	}
	return comparisonNames[c]
}

// MarshalText implements [encoding.TextMarshaler].
func (c Comparison) MarshalText() ([]byte, error) {
	if c < 0 || int(c) >= len(comparisonNames) {
		return nil, fmt.Errorf("parties: invalid comparison %d", int8(c))
	}
	return []byte(comparisonNames[c]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it also accepts the
// symbols ">=", ">", "<=" and "<".
func (c *Comparison) UnmarshalText(b []byte) error {
	for i, n := range comparisonNames {
		if n == string(b) {
			*c = Comparison(i)
			return nil
		}
	}
	switch string(b) {
	case ">=":
		*c = AtLeast
	case ">":
		*c = MoreThan
	case "<=":
		*c = AtMost
	case "<":
		*c = LessThan
	default:
		return fmt.Errorf("parties: unknown comparison %q", b)
	}
	return nil
}

// test reports whether v compares to t as c says.
func (c Comparison) test(v, t decimal.Decimal) bool { return c.holds(cmpDec(v, t)) }

// holds reports whether a value that compares to the threshold's value as
// cmp says (-1, 0 or 1) passes c.
func (c Comparison) holds(cmp int) bool {
	switch c {
	case AtLeast:
		return cmp >= 0
	case MoreThan:
		return cmp > 0
	case AtMost:
		return cmp <= 0
	case LessThan:
		return cmp < 0
	}
	return false
}

// Threshold is a test of a share against a value, such as "more than 50%" or
// "at least 20%".
//
// The zero Threshold is "at least 0", which every share meets.
type Threshold struct {
	// Op is the comparison, such as [MoreThan].
	Op Comparison
	// Value is the share compared with, a fraction of 1 (0.5 for 50%).
	Value decimal.Decimal
}

// Majority is the default control threshold: more than 50%.
var Majority = Threshold{Op: MoreThan, Value: decimal.RequireFromString("0.5")}

// Validate reports an error wrapping [ErrShareRange] if the threshold's value
// lies outside [0, 1] or its comparison is unknown.
func (t Threshold) Validate() error {
	if t.Op < 0 || int(t.Op) >= len(comparisonNames) {
		return fmt.Errorf("%w: unknown comparison %d", ErrShareRange, int8(t.Op))
	}
	if t.Value.Sign() < 0 || t.Value.Cmp(one) > 0 {
		return fmt.Errorf("%w: threshold %s is outside [0, 1]", ErrShareRange, t.Value)
	}
	return nil
}

// Test compares every value s allows with the threshold: [Holds] if all of
// them pass, [Fails] if none does, [Open] if the interval straddles the
// threshold.
func (t Threshold) Test(s Share) Truth {
	lo, hi := t.Op.test(s.min, t.Value), t.Op.test(s.max, t.Value)
	switch {
	case lo && hi:
		return Holds
	case !lo && !hi:
		return Fails
	}
	return Open
}

// String describes the threshold in words, as in "more than 50%".
func (t Threshold) String() string {
	w := "?"
	if t.Op >= 0 && int(t.Op) < len(comparisonWords) {
		w = comparisonWords[t.Op]
	}
	return w + " " + Exact(t.Value).String()
}
