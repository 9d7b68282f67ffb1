package regulator_test

import (
	"strings"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
)

// condTree decodes a condition tree of constants and combinators from b,
// consuming it from the front, at most depth levels deep.
type condTree struct {
	b []byte
}

func (d *condTree) next() byte {
	if len(d.b) == 0 {
		return 0
	}
	x := d.b[0]
	d.b = d.b[1:]
	return x
}

func (d *condTree) cond(depth int) regulator.Condition {
	op := d.next()
	if depth == 0 {
		op %= 3
	}
	switch op % 8 {
	case 0:
		return regulator.Const(Holds, "h")
	case 1:
		return regulator.Const(Fails, "f")
	case 2:
		return regulator.Const(Open, "o")
	case 3:
		return regulator.And(d.cond(depth-1), d.cond(depth-1))
	case 4:
		return regulator.Or(d.cond(depth-1), d.cond(depth-1))
	case 5:
		return regulator.Not(d.cond(depth - 1))
	case 6:
		cs := []regulator.Condition{d.cond(depth - 1), d.cond(depth - 1), d.cond(depth - 1)}
		return regulator.AtLeastOf(int(d.next()%4), cs...)
	default:
		return regulator.Discretion("d", "a finding")
	}
}

// FuzzKleene checks laws of Kleene's strong logic on random condition trees:
// double negation, De Morgan, commutativity, And and Or as AtLeastOf, and
// that every explanation ends with the result.
func FuzzKleene(f *testing.F) {
	f.Add([]byte{0, 1})
	f.Add([]byte{3, 0, 2, 4, 1, 2})
	f.Add([]byte{6, 2, 0, 1, 2, 5, 3, 2, 7})
	f.Add([]byte{5, 5, 6, 4, 0, 2, 1, 3})
	w := regulator.NewWorld(regulator.Facts{})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := &condTree{b: b}
		a, c := d.cond(4), d.cond(4)
		ta, tc := a.Eval(w).Truth, c.Eval(w).Truth
		not := regulator.Not
		check := func(law string, got, want regulator.Condition) {
			t.Helper()
			g, x := got.Eval(w), want.Eval(w)
			if g.Truth != x.Truth {
				t.Fatalf("%s: %s is %s, %s is %s", law, got, g.Truth, want, x.Truth)
			}
			if !strings.HasSuffix(g.Text, ": "+g.Truth.String()) {
				t.Fatalf("%s: explanation %q does not end with the result", law, g.Text)
			}
		}
		check("double negation", not(not(a)), a)
		check("De Morgan (and)", not(regulator.And(a, c)), regulator.Or(not(a), not(c)))
		check("De Morgan (or)", not(regulator.Or(a, c)), regulator.And(not(a), not(c)))
		check("commutative and", regulator.And(a, c), regulator.And(c, a))
		check("commutative or", regulator.Or(a, c), regulator.Or(c, a))
		check("and as at least 2 of 2", regulator.And(a, c), regulator.AtLeastOf(2, a, c))
		check("or as at least 1 of 2", regulator.Or(a, c), regulator.AtLeastOf(1, a, c))
		check("idempotent and", regulator.And(a, a), a)
		check("absorption", regulator.Or(a, regulator.And(a, c)), a)
		if ta.And(tc) != regulator.And(a, c).Eval(w).Truth || ta.Or(tc) != regulator.Or(a, c).Eval(w).Truth {
			t.Fatalf("combinators disagree with Truth.And and Truth.Or on %s, %s", ta, tc)
		}
	})
}

// FuzzThresholdTest checks Owned against the definition of a threshold test
// on an interval: a holder holds [lo, hi] per mille of the target, and the
// test holds where both ends pass, fails where neither does, and is open
// otherwise; "at least" and "more than" differ only where an end equals
// the threshold.
func FuzzThresholdTest(f *testing.F) {
	f.Add(uint16(200), uint16(0), uint16(200))
	f.Add(uint16(190), uint16(20), uint16(200))
	f.Add(uint16(0), uint16(0), uint16(0))
	f.Add(uint16(1000), uint16(0), uint16(1000))
	cn, us := parties.MustJurisdiction("CN"), parties.MustJurisdiction("US")
	ps := []parties.Party{{ID: "target", Jurisdiction: us}, {ID: "holder", Jurisdiction: cn}}
	holders := parties.In(cn, parties.Seat)
	f.Fuzz(func(t *testing.T, lo, width, th uint16) {
		lo, th = lo%1001, th%1001
		hi := min(lo+width%1001, 1000)
		share := parties.Between(decimal.New(int64(lo), -3), decimal.New(int64(hi), -3))
		reg, err := parties.New(ps, []parties.Stake{{Holder: "holder", Subject: "target", Economic: share}})
		if err != nil {
			t.Fatal(err)
		}
		w := regulator.NewWorld(regulator.Facts{Register: reg, Target: "target"})
		value := decimal.New(int64(th), -3)
		pass := map[parties.Comparison]func(x uint16) bool{
			parties.AtLeast:  func(x uint16) bool { return x >= th },
			parties.MoreThan: func(x uint16) bool { return x > th },
			parties.AtMost:   func(x uint16) bool { return x <= th },
			parties.LessThan: func(x uint16) bool { return x < th },
		}
		for op, p := range pass {
			want := Open
			switch {
			case p(lo) && p(hi):
				want = Holds
			case !p(lo) && !p(hi):
				want = Fails
			}
			e := regulator.Owned(regulator.OwnershipRule{Holders: holders, Threshold: parties.Threshold{Op: op, Value: value}}).Eval(w)
			if e.Truth != want {
				t.Fatalf("[%d, %d]‰ %s %d‰: got %s, want %s (%s)", lo, hi, op, th, e.Truth, want, e.Text)
			}
		}
	})
}

// FuzzUnmarshalText checks the enum parsers: any text they accept marshals
// back to itself, and a value's String is that text.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"clear", "clear-with-mitigations", "block", "none", "bool", "text", "number", "set", "date", "", "Clear", "blocK"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var dec regulator.Decision
		if err := dec.UnmarshalText([]byte(s)); err == nil {
			b, err := dec.MarshalText()
			if err != nil || string(b) != s || dec.String() != s {
				t.Fatalf("decision %q: marshals to %q (%v), String %q", s, b, err, dec)
			}
		}
		var k regulator.ValueKind
		if err := k.UnmarshalText([]byte(s)); err == nil {
			b, err := k.MarshalText()
			if err != nil || string(b) != s || k.String() != s {
				t.Fatalf("value kind %q: marshals to %q (%v), String %q", s, b, err, k)
			}
		}
	})
}
