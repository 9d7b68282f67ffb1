package parties

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

type methodKind int8

const (
	proportional methodKind = iota
	attribution
	rolling
	direct
)

// Method is an attribution method: how a holder's interest in a subject is
// counted through chains of stakes. Regulators use different ones, so every
// look-through query takes one.
//
// The zero Method is [Proportional].
type Method struct {
	kind methodKind
	t    Threshold
}

// Proportional multiplies the shares along each chain and adds up the chains
// (the "multiplication test" of the EU anti-money-laundering rules).
func Proportional() Method { return Method{} }

// Attribution counts a holder whose voting share in an entity meets control
// for 100% of what that entity holds, and proportionally below it ("full
// attribution" through controlled entities, as 31 CFR 800.256(c) deems a
// parent to hold its subsidiary's interests). A holder's own stake in the
// subject asked about counts at its economic share, whether or not the holder
// controls the subject. Figures of different holders may then add up to more
// than 100%; each figure is capped at 100%.
func Attribution(control Threshold) Method { return Method{kind: attribution, t: control} }

// Rolling counts a stake only if its economic share meets link, and then
// proportionally (the "rolling" test: a chain counts only where every link
// exceeds the threshold).
func Rolling(link Threshold) Method { return Method{kind: rolling, t: link} }

// Direct counts direct stakes only, without looking through any holder.
func Direct() Method { return Method{kind: direct} }

// String names the method: "proportional", "direct",
// "attribution(more than 50%)" or "rolling(more than 25%)".
func (m Method) String() string {
	switch m.kind {
	case attribution:
		return "attribution(" + m.t.String() + ")"
	case rolling:
		return "rolling(" + m.t.String() + ")"
	case direct:
		return "direct"
	}
	return "proportional"
}

// Validate reports an error if the method's threshold is outside [0, 1] or is
// not a lower bound ("at least" or "more than").
func (m Method) Validate() error {
	if m.kind != attribution && m.kind != rolling {
		return nil
	}
	if err := m.t.Validate(); err != nil {
		return withContext("method "+m.String(), err)
	}
	if m.t.Op != AtLeast && m.t.Op != MoreThan {
		return fmt.Errorf("parties: method %s: %w: the threshold must be \"at least\" or \"more than\"", m, ErrShareRange)
	}
	return nil
}

// ParseMethod parses a method written as "proportional", "direct",
// "attribution" (more than 50%), "attribution:>=0.25", "rolling:>0.25" or
// "rolling:>=25%".
func ParseMethod(s string) (Method, error) {
	name, arg, hasArg := strings.Cut(strings.TrimSpace(s), ":")
	var m Method
	switch name {
	case "proportional":
		m = Proportional()
	case "direct":
		m = Direct()
	case "attribution":
		m = Attribution(Majority)
	case "rolling":
		m = Rolling(Threshold{Op: MoreThan, Value: decimal.RequireFromString("0.25")})
	default:
		return Method{}, fmt.Errorf("parties: unknown method %q (want proportional, direct, attribution or rolling)", s)
	}
	if hasArg {
		if m.kind != attribution && m.kind != rolling {
			return Method{}, fmt.Errorf("parties: method %q takes no threshold", s)
		}
		t, err := parseThreshold(arg)
		if err != nil {
			return Method{}, withContext(fmt.Sprintf("method %q", s), err)
		}
		m.t = t
	}
	if err := m.Validate(); err != nil {
		return Method{}, err
	}
	return m, nil
}

// MarshalText implements [encoding.TextMarshaler] in the syntax
// [ParseMethod] reads: "proportional", "direct", "attribution:>0.5",
// "rolling:>=0.25".
func (m Method) MarshalText() ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	switch m.kind {
	case attribution, rolling:
		name := "attribution"
		if m.kind == rolling {
			name = "rolling"
		}
		return []byte(name + ":" + comparisonSymbols[m.t.Op] + m.t.Value.String()), nil
	case direct:
		return []byte("direct"), nil
	}
	return []byte("proportional"), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMethod].
func (m *Method) UnmarshalText(b []byte) error {
	v, err := ParseMethod(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Threshold returns the method's threshold: the control threshold of
// [Attribution] or the link threshold of [Rolling]; the zero Threshold for
// the other methods.
func (m Method) Threshold() Threshold { return m.t }

// parseThreshold parses ">0.5", ">=25%" and the like.
func parseThreshold(s string) (Threshold, error) {
	s = strings.TrimSpace(s)
	var t Threshold
	switch {
	case strings.HasPrefix(s, ">="):
		t.Op, s = AtLeast, s[2:]
	case strings.HasPrefix(s, "<="):
		t.Op, s = AtMost, s[2:]
	case strings.HasPrefix(s, ">"):
		t.Op, s = MoreThan, s[1:]
	case strings.HasPrefix(s, "<"):
		t.Op, s = LessThan, s[1:]
	default:
		return Threshold{}, fmt.Errorf("threshold %q must start with >, >=, < or <=", s)
	}
	v, err := parseFraction(s)
	if err != nil {
		return Threshold{}, err
	}
	t.Value = v
	return t, t.Validate()
}

// ParseThreshold parses a threshold written as a comparison and a share, as in
// ">0.5", ">=20%" or "<0.2".
func ParseThreshold(s string) (Threshold, error) {
	t, err := parseThreshold(s)
	if err != nil {
		return Threshold{}, withContext(fmt.Sprintf("parse threshold %q", s), err)
	}
	return t, nil
}

// coef returns the weight under m of a link of the given economic and voting
// shares, at the lower (hi false) or upper end of their ranges. intoSubject
// reports whether the link's subject is the subject asked about: a
// controlling holder counts for all that a controlled entity holds, not for
// all of the subject itself.
func (m Method) coef(econS, voteS Share, hi, intoSubject bool) decimal.Decimal {
	econ, vote := econS.min, voteS.min
	if hi {
		econ, vote = econS.max, voteS.max
	}
	switch m.kind {
	case attribution:
		if !intoSubject && m.t.Op.test(vote, m.t.Value) {
			return one
		}
	case rolling:
		if !m.t.Op.test(econ, m.t.Value) {
			return zero
		}
	}
	return econ
}
