package parties

import (
	"fmt"
)

// Truth is a three-valued truth value following Kleene's strong logic. The
// zero Truth is [Open].
type Truth int8

// The three truth values.
const (
	// Open means the answer depends on a range in the data or on a choice not
	// yet made.
	Open Truth = iota
	// Holds means the statement is true for every value the data allows.
	Holds
	// Fails means the statement is false for every value the data allows.
	Fails
)

var truthNames = [...]string{Open: "open", Holds: "holds", Fails: "fails"}

// String returns "holds", "fails" or "open".
func (t Truth) String() string {
	if t < 0 || int(t) >= len(truthNames) {
		return fmt.Sprintf("Truth(%d)", int8(t))
	}
	return truthNames[t]
}

// MarshalText implements [encoding.TextMarshaler].
func (t Truth) MarshalText() ([]byte, error) {
	if t < 0 || int(t) >= len(truthNames) {
		return nil, fmt.Errorf("parties: invalid truth value %d", int8(t))
	}
	return []byte(truthNames[t]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Truth) UnmarshalText(b []byte) error {
	for i, n := range truthNames {
		if n == string(b) {
			*t = Truth(i)
			return nil
		}
	}
	return fmt.Errorf("parties: unknown truth value %q", b)
}

// TruthOf returns [Holds] for true and [Fails] for false.
func TruthOf(b bool) Truth {
	if b {
		return Holds
	}
	return Fails
}

// Not returns the negation of t: Holds and Fails swap, Open stays Open.
func (t Truth) Not() Truth {
	switch t {
	case Holds:
		return Fails
	case Fails:
		return Holds
	}
	return Open
}

// And returns the Kleene conjunction of t and u: Fails if either fails, Holds
// if both hold, Open otherwise.
func (t Truth) And(u Truth) Truth {
	switch {
	case t == Fails || u == Fails:
		return Fails
	case t == Holds && u == Holds:
		return Holds
	}
	return Open
}

// Or returns the Kleene disjunction of t and u: Holds if either holds, Fails
// if both fail, Open otherwise.
func (t Truth) Or(u Truth) Truth {
	switch {
	case t == Holds || u == Holds:
		return Holds
	case t == Fails && u == Fails:
		return Fails
	}
	return Open
}
