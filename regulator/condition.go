package regulator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// Condition is a named, composable predicate over a [World]. Evaluating it
// gives a three-valued [Evaluation] with the reason in words. Conditions are
// immutable and safe for concurrent use. The set of conditions is closed:
// build them with the constructors of this package, and use [Func] for a rule
// they cannot express. A nil Condition inside a combinator evaluates to
// [Open] ("no condition given"); [NewGate] reports it as missing.
type Condition interface {
	// Eval evaluates the condition against w.
	Eval(w *World) Evaluation
	// String states the rule in words.
	String() string

	children() []Condition
	check(field string, report func(field string, err error))
}

// Evaluation is the result of evaluating a [Condition]: a truth value and the
// reason, with the numbers that decided it.
type Evaluation struct {
	// Truth is the result.
	Truth Truth
	// Text is the reason in words, ending with the result, as in "US parties
	// hold 52.0%–52.8% of TikTok Global looking through; the rule needs more
	// than 50%: holds".
	Text string
	// Parts are the evaluations of sub-conditions, for combinators.
	Parts []Evaluation
	// Mitigations lists the IDs of the mitigations the result relies on.
	Mitigations []string
	// Discretion lists the discretionary points left open.
	Discretion []string
}

// String returns the explanation, e.Text.
func (e Evaluation) String() string { return e.Text }

// result formats "text: holds".
func result(t Truth, format string, args ...any) Evaluation {
	return Evaluation{Truth: t, Text: fmt.Sprintf(format, args...) + ": " + t.String()}
}

func methodWords(m parties.Method) string {
	switch s := m.String(); {
	case s == "proportional":
		return "looking through"
	case s == "direct":
		return "directly"
	case strings.HasPrefix(s, "attribution"):
		return "with full attribution through controlled entities (" + strings.TrimSuffix(strings.TrimPrefix(s, "attribution("), ")") + ")"
	default:
		return "counting only links " + strings.TrimSuffix(strings.TrimPrefix(s, "rolling("), ")")
	}
}

// OwnershipRule is a test of the share of a subject held by a group of
// parties, for [Owned].
type OwnershipRule struct {
	// Subject is the party whose ownership is tested; empty means the
	// world's target.
	Subject parties.ID
	// Holders selects the parties whose share is counted.
	Holders parties.Predicate
	// Method is how shares are counted through chains; the zero Method is
	// proportional look-through.
	Method parties.Method
	// Threshold is what the share must meet for the condition to hold.
	Threshold parties.Threshold
}

type owned struct {
	r OwnershipRule
	// Words and keys computed once, as the engine evaluates a condition
	// many times.
	holders, method, how, want string
	// threshold identifies r.Threshold exactly (its comparison and its
	// value, representation included), for sharing explanations.
	threshold string
}

// Owned returns a condition that holds where the share of the subject held
// by the parties matching r.Holders, counted by r.Method, meets r.Threshold
// for every value the data allows, fails where it meets it for none, and is
// open where a range straddles the threshold. "At least 20%" and "more than
// 20%" are different thresholds ([parties.AtLeast], [parties.MoreThan]).
func Owned(r OwnershipRule) Condition {
	return owned{
		r:         r,
		holders:   r.Holders.Name(),
		method:    r.Method.String(),
		how:       methodWords(r.Method),
		want:      r.Threshold.String(),
		threshold: strconv.Itoa(int(r.Threshold.Op)) + " " + r.Threshold.Value.String(),
	}
}

func (c owned) Eval(w *World) Evaluation {
	o := w.ownedBy(c.r.Subject, c.r.Holders, c.r.Method, c.method)
	if o.err != nil {
		return result(Open, "the share of %s held by %s cannot be computed (%v)", o.name, c.holders, o.err)
	}
	t, text := o.explain(c)
	return Evaluation{Truth: t, Text: text}
}

// explain tests the share against c's threshold and explains the result.
func (c owned) explain(o *ownResult) (Truth, string) {
	t := c.r.Threshold.Test(o.total)
	return t, c.holders + " hold " + o.share + " of " + o.name + " " + c.how + "; the rule needs " + c.want + ": " + t.String()
}

func (c owned) String() string {
	subj := "the target"
	if c.r.Subject != "" {
		subj = string(c.r.Subject)
	}
	return c.holders + " hold " + c.want + " of " + subj + " " + c.how
}

func (c owned) children() []Condition { return nil }

func (c owned) check(field string, report func(string, error)) {
	if c.r.Holders.Name() == "" {
		report(field+".holders", fmt.Errorf("%w: holders predicate", ErrMissing))
	}
	if err := c.r.Threshold.Validate(); err != nil {
		report(field+".threshold", fmt.Errorf("%w: %v", ErrThreshold, err))
	}
	if err := c.r.Method.Validate(); err != nil {
		report(field+".method", fmt.Errorf("%w: %v", ErrThreshold, err))
	}
}

type controlled struct {
	subject parties.ID
	holders parties.Predicate
	t       parties.Threshold
}

// Controlled returns a condition that holds where a party matching holders
// controls subject (empty: the target) at voting threshold t, alone or
// through entities it controls (see [parties.Register.Controllers]); the
// zero Threshold means a majority.
func Controlled(subject parties.ID, holders parties.Predicate, t parties.Threshold) Condition {
	if t.Value.IsZero() && t.Op == parties.AtLeast {
		t = parties.Majority
	}
	return controlled{subject, holders, t}
}

func (c controlled) Eval(w *World) Evaluation {
	r := w.controllers(c.subject, c.t)
	subj := r.name
	if r.err != nil {
		return result(Open, "control of %s cannot be computed (%v)", subj, r.err)
	}
	best, who := Fails, ""
	for _, ctl := range r.cs {
		p, _ := w.party(ctl.Party)
		if !c.holders.Matches(p) {
			continue
		}
		if ctl.Controls == Holds || best == Fails {
			best, who = ctl.Controls, p.String()
		}
		if best == Holds {
			break
		}
	}
	if best == Fails {
		return result(Fails, "no party among %s controls %s (%s of the votes)", c.holders, subj, c.t)
	}
	verb := "controls"
	if best == Open {
		verb = "may control"
	}
	return result(best, "%s (%s) %s %s (%s of the votes)", who, c.holders, verb, subj, c.t)
}

func (c controlled) String() string {
	subj := "the target"
	if c.subject != "" {
		subj = string(c.subject)
	}
	return fmt.Sprintf("%s control %s (%s of the votes)", c.holders, subj, c.t)
}

func (c controlled) children() []Condition { return nil }

func (c controlled) check(field string, report func(string, error)) {
	if c.holders.Name() == "" {
		report(field+".holders", fmt.Errorf("%w: holders predicate", ErrMissing))
	}
	if err := c.t.Validate(); err != nil {
		report(field+".threshold", fmt.Errorf("%w: %v", ErrThreshold, err))
	}
}

type partyIs struct {
	ref      parties.ID
	acquirer bool
	pred     parties.Predicate
}

// PartyIs returns a condition that holds where the party id (empty: the
// target) matches pred, for jurisdiction, kind and tag tests.
func PartyIs(id parties.ID, pred parties.Predicate) Condition { return partyIs{ref: id, pred: pred} }

// AcquirerIs returns a condition that holds where at least one of the deal's
// acquirers matches pred.
func AcquirerIs(pred parties.Predicate) Condition { return partyIs{acquirer: true, pred: pred} }

func (c partyIs) Eval(w *World) Evaluation {
	if c.acquirer {
		for _, a := range w.f.Acquirers {
			if p, ok := w.party(a); ok && c.pred.Matches(p) {
				return result(Holds, "acquirer %s is among %s", p, c.pred)
			}
		}
		return result(Fails, "no acquirer is among %s", c.pred)
	}
	id := w.subject(c.ref)
	p, ok := w.party(id)
	if !ok {
		return result(Fails, "party %q is not in the register", id)
	}
	return result(parties.TruthOf(c.pred.Matches(p)), "%s is among %s", p, c.pred)
}

func (c partyIs) String() string {
	switch {
	case c.acquirer:
		return fmt.Sprintf("an acquirer is among %s", c.pred)
	case c.ref == "":
		return fmt.Sprintf("the target is among %s", c.pred)
	}
	return fmt.Sprintf("%s is among %s", c.ref, c.pred)
}

func (c partyIs) children() []Condition { return nil }

func (c partyIs) check(field string, report func(string, error)) {
	if c.pred.Name() == "" {
		report(field+".predicate", fmt.Errorf("%w: predicate", ErrMissing))
	}
}

type termOp int8

const (
	termEquals termOp = iota
	termIn
	termCompare
	termPresent
	termContains
	termParty
)

type term struct {
	op   termOp
	name string
	vals []Value
	cmp  parties.Comparison
	num  decimal.Decimal
	item string
	pred parties.Predicate
}

// TermIs returns a condition that holds where the deal's term name equals v.
func TermIs(name string, v Value) Condition {
	return term{op: termEquals, name: name, vals: []Value{v}}
}

// TermIn returns a condition that holds where the deal's term name equals one
// of vs.
func TermIn(name string, vs ...Value) Condition {
	return term{op: termIn, name: name, vals: slices.Clone(vs)}
}

// TermCompare returns a condition that holds where the deal's numeric term
// name compares to d as op says (for example a price at least 10 billion).
func TermCompare(name string, op parties.Comparison, d decimal.Decimal) Condition {
	return term{op: termCompare, name: name, cmp: op, num: d}
}

// TermPresent returns a condition that holds where the deal gives the term
// name at all.
func TermPresent(name string) Condition { return term{op: termPresent, name: name} }

// TermContains returns a condition that holds where the deal's set term name
// contains item (for example the markets covered include "CA").
func TermContains(name, item string) Condition { return term{op: termContains, name: name, item: item} }

// TermParty returns a condition that holds where the deal's text term name
// is the ID of a party that matches pred (for example a data custodian that
// is a US party).
func TermParty(name string, pred parties.Predicate) Condition {
	return term{op: termParty, name: name, pred: pred}
}

func (c term) Eval(w *World) Evaluation { return c.eval(w, false) }

// eval evaluates the term test, or its negation where negate is set, with a
// text that states what the rule needs ("anything but yes") rather than
// wrapping the plain text in a "not".
func (c term) eval(w *World, negate bool) Evaluation {
	want := c.want()
	if negate {
		want = c.wantNot()
	}
	res := func(t Truth, format string, args ...any) Evaluation {
		if negate {
			t = t.Not()
		}
		return result(t, format, args...)
	}
	v, ok := w.f.Terms.Get(c.name)
	if !ok {
		if c.op == termPresent && !negate {
			return res(Fails, "the deal does not give %s", c.name)
		}
		return res(Fails, "the deal does not give %s; the rule needs %s", c.name, want)
	}
	switch c.op {
	case termPresent:
		if negate {
			return res(Holds, "the deal gives %s = %s; the rule needs %s", c.name, v, want)
		}
		return Evaluation{Truth: Holds, Text: "the deal gives " + c.name + " = " + v.String() + ": holds"}
	case termEquals, termIn:
		hit := slices.ContainsFunc(c.vals, v.Equal)
		return res(parties.TruthOf(hit), "%s is %s; the rule needs %s", c.name, v, want)
	case termCompare:
		n, isNum := v.AsNumber()
		if !isNum {
			return res(Fails, "%s is %s, not a number; the rule needs %s", c.name, v.Kind(), want)
		}
		return res(parties.TruthOf(compare(c.cmp, n, c.num)), "%s is %s; the rule needs %s", c.name, v, want)
	case termContains:
		return res(parties.TruthOf(v.Contains(c.item)), "%s is %s; the rule needs %s", c.name, v, want)
	case termParty:
		id, isText := v.AsText()
		if !isText {
			return res(Fails, "%s is %s, not a party; the rule needs %s", c.name, v.Kind(), want)
		}
		p, known := w.party(parties.ID(id))
		if !known {
			return res(Fails, "%s is %q, which is not a party in the register", c.name, id)
		}
		return res(parties.TruthOf(c.pred.Matches(p)), "%s is %s; the rule needs %s", c.name, p, want)
	}
	return res(Fails, "unknown term test")
}

// wantNot states what the negated test needs.
func (c term) wantNot() string {
	switch c.op {
	case termEquals:
		return "anything but " + c.vals[0].String()
	case termIn:
		return "none of " + c.valueList()
	case termCompare:
		return "not " + opWords(c.cmp) + " " + c.num.String()
	case termContains:
		return "it not to include " + c.item
	case termParty:
		return "no party among " + c.pred.Name()
	}
	return "it not to be given"
}

// compare reports whether a op b for any decimals (not only shares).
func compare(op parties.Comparison, a, b decimal.Decimal) bool {
	switch op {
	case parties.AtLeast:
		return a.Cmp(b) >= 0
	case parties.MoreThan:
		return a.Cmp(b) > 0
	case parties.AtMost:
		return a.Cmp(b) <= 0
	case parties.LessThan:
		return a.Cmp(b) < 0
	}
	return false
}

func (c term) want() string {
	switch c.op {
	case termEquals:
		return c.vals[0].String()
	case termIn:
		return "one of " + c.valueList()
	case termCompare:
		return opWords(c.cmp) + " " + c.num.String()
	case termContains:
		return "it to include " + c.item
	case termParty:
		return "one of " + c.pred.Name()
	}
	return "it to be given"
}

// valueList lists the values of a termIn test, as in "sale, licence".
func (c term) valueList() string {
	s := make([]string, len(c.vals))
	for i, v := range c.vals {
		s[i] = v.String()
	}
	return strings.Join(s, ", ")
}

func opWords(op parties.Comparison) string {
	return strings.ReplaceAll(op.String(), "-", " ")
}

func (c term) String() string {
	switch c.op {
	case termPresent:
		return "the deal gives " + c.name
	case termContains:
		return "term " + c.name + " is to include " + c.item
	case termParty:
		return "term " + c.name + " is a party among " + c.pred.Name()
	}
	return "term " + c.name + " is " + c.want()
}

func (c term) children() []Condition { return nil }

func (c term) check(field string, report func(string, error)) {
	if c.name == "" {
		report(field+".term", fmt.Errorf("%w: term name", ErrMissing))
	}
	if c.op == termParty && c.pred.Name() == "" {
		report(field+".predicate", fmt.Errorf("%w: predicate", ErrMissing))
	}
	if (c.op == termEquals || c.op == termIn) && len(c.vals) == 0 {
		report(field+".values", fmt.Errorf("%w: values", ErrMissing))
	}
	for i, v := range c.vals {
		if v.IsZero() {
			// A term is never given as the zero Value, so the test could
			// never hold.
			report(fmt.Sprintf("%s.values[%d]", field, i), fmt.Errorf("%w: value", ErrMissing))
		}
	}
}

type dateTest struct {
	d      time.Time
	before bool
}

// OnOrAfter returns a condition that holds where the world's as-of date is d
// or later.
func OnOrAfter(d time.Time) Condition { return dateTest{d: civil.Date(d)} }

// Before returns a condition that holds where the world's as-of date is
// before d.
func Before(d time.Time) Condition { return dateTest{d: civil.Date(d), before: true} }

func (c dateTest) Eval(w *World) Evaluation {
	ok := !w.f.AsOf.Before(c.d)
	if c.before {
		ok = !ok
	}
	return result(parties.TruthOf(ok), "the date is %s; the rule needs %s", w.f.AsOf.Format(time.DateOnly), c)
}

func (c dateTest) String() string {
	if c.before {
		return "a date before " + c.d.Format(time.DateOnly)
	}
	return "a date on or after " + c.d.Format(time.DateOnly)
}

func (c dateTest) children() []Condition { return nil }

func (c dateTest) check(field string, report func(string, error)) {
	if c.d.IsZero() {
		report(field+".date", fmt.Errorf("%w: date", ErrMissing))
	}
}

type discretion struct{ name, text string }

// Discretion returns a condition that is always open: the point is left to
// an authority's discretion, named name and described by text. The engine
// branches on it.
func Discretion(name, text string) Condition { return discretion{name, text} }

func (c discretion) Eval(*World) Evaluation {
	e := result(Open, "%s is at the authority's discretion", c.text)
	e.Discretion = []string{c.name}
	return e
}

func (c discretion) String() string { return c.text + " (discretion)" }

func (c discretion) children() []Condition { return nil }

func (c discretion) check(field string, report func(string, error)) {
	if c.name == "" {
		report(field+".name", fmt.Errorf("%w: discretion name", ErrMissing))
	}
}

type constant struct {
	t    Truth
	text string
}

// Const returns a condition with a fixed value, described by text (for
// facts established outside the model, such as "China signalled it would not
// grant the licence").
func Const(t Truth, text string) Condition { return constant{t, text} }

func (c constant) Eval(*World) Evaluation { return result(c.t, "%s", c.text) }
func (c constant) String() string         { return c.text }
func (c constant) children() []Condition  { return nil }
func (c constant) check(string, func(string, error)) {
}

type funcCond struct {
	name string
	f    func(*World) (Truth, string)
}

// Func returns a condition computed by f, which returns the truth value and
// the reason in words; name states the rule. f must be safe for concurrent
// use and must not modify the world.
func Func(name string, f func(*World) (Truth, string)) Condition { return funcCond{name, f} }

func (c funcCond) Eval(w *World) Evaluation {
	if c.f == nil {
		return result(Open, "%s: no function given", c.name)
	}
	t, text := c.f(w)
	return result(t, "%s", text)
}

func (c funcCond) String() string        { return c.name }
func (c funcCond) children() []Condition { return nil }
func (c funcCond) check(field string, report func(string, error)) {
	if c.f == nil {
		report(field, fmt.Errorf("%w: function", ErrMissing))
	}
}
