package regulator

import (
	"fmt"
	"slices"
	"strings"
)

type andCond struct{ cs []Condition }

// And returns the Kleene conjunction of cs: it fails if any fails, holds if
// all hold, and is open otherwise. And() holds.
func And(cs ...Condition) Condition { return andCond{slices.Clone(cs)} }

func (c andCond) Eval(w *World) Evaluation {
	e := Evaluation{Truth: Holds, Parts: make([]Evaluation, 0, len(c.cs))}
	for _, sub := range c.cs {
		p := eval(sub, w)
		e.Truth = e.Truth.And(p.Truth)
		e.Parts = append(e.Parts, p)
	}
	for _, p := range e.Parts {
		if e.Truth != Fails || p.Truth == Fails {
			e.Mitigations = union(e.Mitigations, p.Mitigations)
			e.Discretion = union(e.Discretion, p.Discretion)
		}
	}
	e.Text = joinParts(e, "and", func(p Evaluation) bool { return e.Truth != Fails || p.Truth == Fails })
	return e
}

func (c andCond) String() string        { return joinRules(c.cs, "and") }
func (c andCond) children() []Condition { return c.cs }
func (c andCond) check(field string, report func(string, error)) {
	checkChildren(c.cs, field, report)
}

type orCond struct{ cs []Condition }

// Or returns the Kleene disjunction of cs: it holds if any holds, fails if all
// fail, and is open otherwise. Or() fails. Where it holds, it relies on the
// mitigations of the holding alternative that needs the fewest.
func Or(cs ...Condition) Condition { return orCond{slices.Clone(cs)} }

func (c orCond) Eval(w *World) Evaluation {
	e := Evaluation{Truth: Fails, Parts: make([]Evaluation, 0, len(c.cs))}
	for _, sub := range c.cs {
		p := eval(sub, w)
		e.Truth = e.Truth.Or(p.Truth)
		e.Parts = append(e.Parts, p)
	}
	switch e.Truth {
	case Holds:
		best := -1
		for i, p := range e.Parts {
			if p.Truth == Holds && (best < 0 || len(p.Mitigations) < len(e.Parts[best].Mitigations)) {
				best = i
			}
		}
		e.Mitigations = slices.Clone(e.Parts[best].Mitigations)
		e.Discretion = slices.Clone(e.Parts[best].Discretion)
	default:
		for _, p := range e.Parts {
			if p.Truth == e.Truth {
				e.Mitigations = union(e.Mitigations, p.Mitigations)
				e.Discretion = union(e.Discretion, p.Discretion)
			}
		}
	}
	e.Text = joinParts(e, "or", func(p Evaluation) bool { return e.Truth != Holds || p.Truth == Holds })
	return e
}

func (c orCond) String() string        { return joinRules(c.cs, "or") }
func (c orCond) children() []Condition { return c.cs }
func (c orCond) check(field string, report func(string, error)) {
	checkChildren(c.cs, field, report)
}

type notCond struct{ c Condition }

// Not returns the negation of c: holds and fails swap, open stays open.
func Not(c Condition) Condition { return notCond{c} }

func (c notCond) Eval(w *World) Evaluation {
	if t, ok := c.c.(term); ok {
		// A negated term test says what it needs directly: "the rule needs
		// anything but yes".
		e := t.eval(w, true)
		e.Parts = []Evaluation{t.Eval(w)}
		return e
	}
	p := eval(c.c, w)
	return Evaluation{
		Truth:      p.Truth.Not(),
		Text:       "not (" + p.Text + "): " + p.Truth.Not().String(),
		Parts:      []Evaluation{p},
		Discretion: p.Discretion,
	}
}

func (c notCond) String() string        { return "not (" + ruleText(c.c) + ")" }
func (c notCond) children() []Condition { return []Condition{c.c} }
func (c notCond) check(field string, report func(string, error)) {
	if c.c == nil {
		report(field, fmt.Errorf("%w: condition", ErrMissing))
		return
	}
	c.c.check(field+".not", report)
}

type atLeastCond struct {
	k  int
	cs []Condition
}

// AtLeastOf returns a condition that holds where at least k of cs hold, fails
// where fewer than k can hold (counting open ones as possible), and is open
// otherwise.
func AtLeastOf(k int, cs ...Condition) Condition { return atLeastCond{k, slices.Clone(cs)} }

func (c atLeastCond) Eval(w *World) Evaluation {
	e := Evaluation{Parts: make([]Evaluation, 0, len(c.cs))}
	holds, open := 0, 0
	for _, sub := range c.cs {
		p := eval(sub, w)
		switch p.Truth {
		case Holds:
			holds++
		case Open:
			open++
		}
		if p.Truth != Fails {
			e.Mitigations = union(e.Mitigations, p.Mitigations)
			e.Discretion = union(e.Discretion, p.Discretion)
		}
		e.Parts = append(e.Parts, p)
	}
	switch {
	case holds >= c.k:
		e.Truth = Holds
	case holds+open >= c.k:
		e.Truth = Open
	default:
		e.Truth = Fails
	}
	texts := make([]string, len(e.Parts))
	for i, p := range e.Parts {
		texts[i] = p.Text
	}
	e.Text = fmt.Sprintf("%d of %d hold and %d are open, the rule needs at least %d (%s): %s",
		holds, len(c.cs), open, c.k, strings.Join(texts, "; "), e.Truth)
	return e
}

func (c atLeastCond) String() string {
	s := make([]string, len(c.cs))
	for i, x := range c.cs {
		s[i] = ruleText(x)
	}
	return fmt.Sprintf("at least %d of (%s)", c.k, strings.Join(s, "; "))
}
func (c atLeastCond) children() []Condition { return c.cs }
func (c atLeastCond) check(field string, report func(string, error)) {
	if c.k < 0 || c.k > len(c.cs) {
		report(field+".k", fmt.Errorf("%w: at least %d of %d conditions", ErrCount, c.k, len(c.cs)))
	}
	checkChildren(c.cs, field, report)
}

type named struct {
	name string
	c    Condition
}

// Named returns c under a name that explanations lead with, as in
// "majority US ownership: US parties hold …".
func Named(name string, c Condition) Condition { return named{name, c} }

func (c named) Eval(w *World) Evaluation {
	p := eval(c.c, w)
	p.Text = c.name + ": " + p.Text
	return p
}

func (c named) String() string        { return c.name + ": " + ruleText(c.c) }
func (c named) children() []Condition { return []Condition{c.c} }
func (c named) check(field string, report func(string, error)) {
	if c.c == nil {
		report(field, fmt.Errorf("%w: condition", ErrMissing))
		return
	}
	c.c.check(field, report)
}

// eval evaluates c, or explains that it is missing: a nil condition inside
// a combinator is open (NewGate reports it as missing).
func eval(c Condition, w *World) Evaluation {
	if c == nil {
		return Evaluation{Truth: Open, Text: "no condition given: open"}
	}
	return c.Eval(w)
}

func checkChildren(cs []Condition, field string, report func(string, error)) {
	for i, c := range cs {
		f := fmt.Sprintf("%s[%d]", field, i)
		if c == nil {
			report(f, fmt.Errorf("%w: condition", ErrMissing))
			continue
		}
		c.check(f, report)
	}
}

func joinRules(cs []Condition, sep string) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = ruleText(c)
	}
	return "(" + strings.Join(s, " "+sep+" ") + ")"
}

// joinParts explains a combination by the parts that decided it, as in
// "(text; and text): holds", building the text in one allocation.
func joinParts(e Evaluation, sep string, decisive func(Evaluation) bool) string {
	n, size, only := 0, 0, ""
	for _, p := range e.Parts {
		if decisive(p) {
			n, size, only = n+1, size+len(p.Text), p.Text
		}
	}
	switch n {
	case 0:
		return "no conditions: " + e.Truth.String()
	case 1:
		return only
	}
	truth := e.Truth.String()
	var b strings.Builder
	b.Grow(len("(") + size + (n-1)*len("; "+sep+" ") + len("): ") + len(truth))
	b.WriteByte('(')
	n = 0
	for _, p := range e.Parts {
		if !decisive(p) {
			continue
		}
		if n > 0 {
			b.WriteString("; ")
			b.WriteString(sep)
			b.WriteByte(' ')
		}
		b.WriteString(p.Text)
		n++
	}
	b.WriteString("): ")
	b.WriteString(truth)
	return b.String()
}

// union returns the sorted union of the sorted sets a and b; it may return
// a or b itself.
func union(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}
