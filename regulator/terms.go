package regulator

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ValueKind is the type of a term [Value].
type ValueKind int8

// The kinds of term value. The zero ValueKind is [NoValue].
const (
	NoValue     ValueKind = iota // the zero Value: not given
	BoolValue                    // yes or no, such as "algorithm transferred"
	TextValue                    // a word or ID, such as the data custodian's party ID
	NumberValue                  // an exact decimal, such as a price or a share
	SetValue                     // a set of words, such as the markets covered
	DateValue                    // a date
)

var valueKindNames = [...]string{NoValue: "none", BoolValue: "bool", TextValue: "text", NumberValue: "number", SetValue: "set", DateValue: "date"}

// String returns "none", "bool", "text", "number", "set" or "date".
func (k ValueKind) String() string {
	if k < 0 || int(k) >= len(valueKindNames) {
		return fmt.Sprintf("ValueKind(%d)", int8(k))
	}
	return valueKindNames[k]
}

// MarshalText implements [encoding.TextMarshaler].
func (k ValueKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(valueKindNames) {
		return nil, fmt.Errorf("regulator: invalid value kind %d", int8(k))
	}
	return []byte(valueKindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *ValueKind) UnmarshalText(b []byte) error {
	for i, n := range valueKindNames {
		if n == string(b) {
			*k = ValueKind(i)
			return nil
		}
	}
	return fmt.Errorf("regulator: unknown value kind %q", b)
}

// Value is a typed deal term value. It is immutable and comparable with
// [Value.Equal].
//
// The zero Value is "not given" ([NoValue]).
type Value struct {
	kind ValueKind
	b    bool
	s    string
	n    decimal.Decimal
	set  []string // sorted, unique
	d    time.Time
}

// Bool returns a yes/no value.
func Bool(b bool) Value { return Value{kind: BoolValue, b: b} }

// Text returns a text value.
func Text(s string) Value { return Value{kind: TextValue, s: s} }

// Number returns an exact decimal value.
func Number(d decimal.Decimal) Value { return Value{kind: NumberValue, n: d} }

// Date returns a date value; only the date counts.
func Date(t time.Time) Value {
	return Value{kind: DateValue, d: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// Set returns a set of words; order and duplicates do not matter.
func Set(items ...string) Value {
	s := slices.Clone(items)
	slices.Sort(s)
	return Value{kind: SetValue, set: slices.Compact(s)}
}

// Kind returns the value's type.
func (v Value) Kind() ValueKind { return v.kind }

// IsZero reports whether v is the zero Value.
func (v Value) IsZero() bool { return v.kind == NoValue }

// AsBool returns a bool value and reports whether v is one.
func (v Value) AsBool() (bool, bool) { return v.b, v.kind == BoolValue }

// AsText returns a text value and reports whether v is one.
func (v Value) AsText() (string, bool) { return v.s, v.kind == TextValue }

// AsNumber returns a number value and reports whether v is one.
func (v Value) AsNumber() (decimal.Decimal, bool) { return v.n, v.kind == NumberValue }

// AsDate returns a date value and reports whether v is one.
func (v Value) AsDate() (time.Time, bool) { return v.d, v.kind == DateValue }

// Items returns the members of a set value in sorted order; other values
// have none.
func (v Value) Items() iter.Seq[string] { return slices.Values(v.set) }

// Contains reports whether a set value contains item, or a text value equals
// it.
func (v Value) Contains(item string) bool {
	switch v.kind {
	case SetValue:
		_, ok := slices.BinarySearch(v.set, item)
		return ok
	case TextValue:
		return v.s == item
	}
	return false
}

// Equal reports whether v and w are of the same kind and equal (numbers by
// value, so 1.0 equals 1.00; sets as sets).
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case BoolValue:
		return v.b == w.b
	case TextValue:
		return v.s == w.s
	case NumberValue:
		return v.n.Equal(w.n)
	case SetValue:
		return slices.Equal(v.set, w.set)
	case DateValue:
		return v.d.Equal(w.d)
	}
	return true
}

// String formats the value for explanations: "yes"/"no", the text, the
// number, "{a, b}" or the date as YYYY-MM-DD.
func (v Value) String() string {
	switch v.kind {
	case BoolValue:
		if v.b {
			return "yes"
		}
		return "no"
	case TextValue:
		return v.s
	case NumberValue:
		return v.n.String()
	case SetValue:
		return "{" + strings.Join(v.set, ", ") + "}"
	case DateValue:
		return v.d.Format(time.DateOnly)
	}
	return "none"
}

// Terms is an immutable set of named deal terms. The zero Terms is empty.
type Terms struct {
	m map[string]Value
}

// NewTerms returns terms holding a copy of m. Zero values are dropped.
func NewTerms(m map[string]Value) Terms {
	c := make(map[string]Value, len(m))
	for k, v := range m {
		if !v.IsZero() {
			c[k] = v
		}
	}
	return Terms{m: c}
}

// Get returns the term named name and reports whether it is given.
func (t Terms) Get(name string) (Value, bool) {
	v, ok := t.m[name]
	return v, ok
}

// With returns a copy of t with the term name set to v (removed if v is the
// zero Value). t is unchanged.
func (t Terms) With(name string, v Value) Terms {
	c := maps.Clone(t.m)
	if c == nil {
		c = map[string]Value{}
	}
	if v.IsZero() {
		delete(c, name)
	} else {
		c[name] = v
	}
	return Terms{m: c}
}

// All returns the terms in name order.
func (t Terms) All() iter.Seq2[string, Value] {
	return func(yield func(string, Value) bool) {
		for _, k := range slices.Sorted(maps.Keys(t.m)) {
			if !yield(k, t.m[k]) {
				return
			}
		}
	}
}

// Len returns the number of terms.
func (t Terms) Len() int { return len(t.m) }

// String lists the terms as "name=value" in name order.
func (t Terms) String() string {
	var parts []string
	for k, v := range t.All() {
		parts = append(parts, k+"="+v.String())
	}
	return strings.Join(parts, ", ")
}
