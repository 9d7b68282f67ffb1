package regulator

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// Regulator is an authority in a jurisdiction: CFIUS, the President acting
// under section 721, MOFCOM, SAMR, the European Commission, a court.
type Regulator struct {
	// ID identifies the regulator ("cfius").
	ID string
	// Name is its display name.
	Name string
	// Jurisdiction is where it has authority.
	Jurisdiction parties.Jurisdiction
}

// Validate reports a [*FieldError] for a missing ID or jurisdiction.
func (r Regulator) Validate() error {
	var errs []error
	r.check(func(field string, err error) {
		id := r.ID
		if field == "id" {
			id = r.Name // a regulator without an ID is named by its name
		}
		errs = append(errs, &FieldError{Kind: "regulator", ID: id, Field: field, Err: err})
	})
	return errors.Join(errs...)
}

func (r Regulator) check(report func(field string, err error)) {
	if r.ID == "" {
		report("id", ErrMissing)
	}
	if r.Jurisdiction.IsZero() {
		report("jurisdiction", fmt.Errorf("%w: jurisdiction", ErrMissing))
	}
}

// String returns the regulator's name, or its ID.
func (r Regulator) String() string {
	if r.Name != "" {
		return r.Name
	}
	return r.ID
}

// LegalBasis is the legal instrument a gate or deadline rests on, which
// explanations cite.
type LegalBasis struct {
	// Instrument names the law, regulation or order ("Defense Production Act
	// of 1950").
	Instrument string
	// Section is the provision ("section 721, 50 U.S.C. 4565").
	Section string
	// URL is an address where the text or a reliable account of it can be read.
	URL string
}

// String returns "Instrument, Section".
func (b LegalBasis) String() string {
	if b.Section == "" {
		return b.Instrument
	}
	return b.Instrument + ", " + b.Section
}

// Window is the period a rule is in force: from From (inclusive; zero means
// always) until Until (exclusive; zero means still in force).
type Window struct {
	// From is the first day the rule is in force, and Until the first day
	// it no longer is; only their dates count.
	From, Until time.Time
}

// Contains reports whether the rule is in force on d.
func (w Window) Contains(d time.Time) bool {
	return w.dates().containsDate(civil.Date(d))
}

// dates returns w with both ends at midnight UTC of their dates.
func (w Window) dates() Window { return Window{From: civil.Date(w.From), Until: civil.Date(w.Until)} }

// containsDate is Contains for a window and a day both at midnight UTC.
func (w Window) containsDate(d time.Time) bool {
	return (w.From.IsZero() || !d.Before(w.From)) && (w.Until.IsZero() || d.Before(w.Until))
}

// String describes the window, as in "in force from 2020-08-28".
func (w Window) String() string {
	switch {
	case w.From.IsZero() && w.Until.IsZero():
		return "always in force"
	case w.Until.IsZero():
		return "in force from " + w.From.Format(time.DateOnly)
	case w.From.IsZero():
		return "in force until " + w.Until.Format(time.DateOnly)
	}
	return "in force from " + w.From.Format(time.DateOnly) + " until " + w.Until.Format(time.DateOnly)
}

// Mitigation is a measure an authority may demand as a condition of
// clearance: a trusted domestic data custodian, board seats held by citizens,
// a security committee, the divestiture of a business line.
type Mitigation struct {
	// ID identifies the mitigation within its gate.
	ID string
	// Name is its display name.
	Name string
	// Available is when the deal can offer the measure; nil means always.
	Available Condition
}

type requires struct{ m Mitigation }

// Requires returns a condition that holds where mitigation m is available
// for the deal, and records that the result relies on it: a gate whose
// clearance test holds only through Requires clears with mitigations rather
// than plainly. m must also be listed in the gate's [GateSpec.Mitigations],
// with the same name and availability test: [NewGate] reports a reference
// to a mitigation the gate does not define, or defines differently.
func Requires(m Mitigation) Condition { return requires{m} }

func (c requires) Eval(w *World) Evaluation {
	name := c.m.Name
	if name == "" {
		name = c.m.ID
	}
	if c.m.Available == nil {
		e := result(Holds, "mitigation %q (%s) is available", c.m.ID, name)
		e.Mitigations = []string{c.m.ID}
		return e
	}
	p := c.m.Available.Eval(w)
	e := Evaluation{Truth: p.Truth, Text: "mitigation " + strconv.Quote(c.m.ID) + " (" + name + "): " + p.Text, Parts: []Evaluation{p}, Discretion: p.Discretion}
	if p.Truth != Fails {
		e.Mitigations = union(p.Mitigations, []string{c.m.ID})
	}
	return e
}

func (c requires) String() string { return "mitigation " + c.m.ID }
func (c requires) children() []Condition {
	if c.m.Available == nil {
		return nil
	}
	return []Condition{c.m.Available}
}
func (c requires) check(field string, report func(string, error)) {
	if c.m.ID == "" {
		report(field+".mitigation", fmt.Errorf("%w: mitigation ID", ErrMissing))
	}
	// The availability test is checked where the gate defines the
	// mitigation, which NewGate requires to be the same.
}

// Phase is one step of a review timeline, such as CFIUS's 45-day review.
type Phase struct {
	// Name names the phase ("review", "investigation").
	Name string
	// Min and Max are the shortest and longest lengths of the phase, each a
	// [calendar.Days], [calendar.WorkingDays] or [calendar.Months] value;
	// they differ where the clock can stop, be extended or end early, and
	// count in the same unit. A nil or zero Min means the authority may
	// decide at once.
	Min, Max calendar.Period
	// Calendar decides which days are working days; the zero Calendar counts
	// Monday to Friday.
	Calendar calendar.Calendar
	// DayOne says whether the triggering event's day counts as day 1.
	DayOne calendar.DayOne
	// Roll says what happens to a period ending on a non-working day.
	Roll calendar.Roll
	// Optional reports whether the authority may decide before this phase,
	// so that the phase happens only if needed (as a CFIUS investigation
	// follows a review only where concerns remain).
	Optional bool
}

// Timeline is the ordered review phases of a gate. Each phase starts on the
// day its predecessor ends (and the first on the filing date), counted by its
// own [calendar.DayOne] rule.
type Timeline struct {
	// Phases are the phases in the order they run.
	Phases []Phase
}

// PhaseDates are the dates of one phase of a [Timeline] for a given filing.
type PhaseDates struct {
	// Phase is the phase's name.
	Phase string
	// Start is the event that starts the phase's clock on the longest path.
	Start time.Time
	// EarliestEnd and LatestEnd are the phase's end on the shortest and the
	// longest path through the timeline. An optional phase is skipped on
	// the shortest path, so its EarliestEnd is the earliest end of the
	// phases before it.
	EarliestEnd, LatestEnd time.Time
	// Optional is the phase's [Phase.Optional].
	Optional bool
}

// Schedule returns the dates of every phase for a filing on filed.
func (t Timeline) Schedule(filed time.Time) ([]PhaseDates, error) {
	filed = civil.Date(filed)
	lo, hi := filed, filed
	out := make([]PhaseDates, 0, len(t.Phases))
	for i, p := range t.Phases {
		pd := PhaseDates{Phase: p.Name, Start: hi, Optional: p.Optional}
		end, err := p.Calendar.End(hi, p.Max, p.DayOne, p.Roll)
		if err != nil {
			return nil, fmt.Errorf("regulator: phase %d (%s): %w", i, p.Name, err)
		}
		pd.LatestEnd = end
		hi = end
		if p.Optional {
			pd.EarliestEnd = lo
		} else {
			end, err := p.Calendar.End(lo, p.Min, p.DayOne, p.Roll)
			if err != nil {
				return nil, fmt.Errorf("regulator: phase %d (%s): %w", i, p.Name, err)
			}
			pd.EarliestEnd = end
			lo = end
		}
		out = append(out, pd)
	}
	return out, nil
}

// Window returns the earliest and latest dates a decision can land for a
// filing on filed: the end of the shortest path (every required phase at its
// minimum, optional phases skipped) and of the longest (every phase at its
// maximum). A timeline with no phases decides on the filing date.
func (t Timeline) Window(filed time.Time) (earliest, latest time.Time, err error) {
	s, err := t.Schedule(filed)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	earliest, latest = civil.Date(filed), civil.Date(filed)
	for _, p := range s {
		if !p.Optional {
			earliest = p.EarliestEnd
		}
		latest = p.LatestEnd
	}
	return earliest, latest, nil
}

func (t Timeline) check(report func(string, error)) {
	for i, p := range t.Phases {
		f := fmt.Sprintf("timeline.phases[%d]", i)
		valid := true
		for _, b := range []struct {
			field string
			p     calendar.Period
		}{{".min", p.Min}, {".max", p.Max}} {
			if b.p == nil {
				continue
			}
			if err := b.p.Validate(); err != nil {
				report(f+b.field, fmt.Errorf("%w: %w", ErrPhase, err))
				valid = false
			}
		}
		switch {
		case !valid || calendar.IsZero(p.Min):
		case calendar.IsZero(p.Max):
			report(f+".max", fmt.Errorf("%w: no maximum length but a minimum of %s", ErrPhase, p.Min))
		case p.Min.Unit() != p.Max.Unit():
			report(f, fmt.Errorf("%w: minimum %s and maximum %s count in different units", ErrPhase, p.Min, p.Max))
		case p.Min.Len() > p.Max.Len():
			report(f, fmt.Errorf("%w: minimum %s is above maximum %s", ErrPhase, p.Min, p.Max))
		}
		if _, err := p.DayOne.MarshalText(); err != nil {
			report(f+".day_one", fmt.Errorf("%w: %w", ErrPhase, err))
		}
		if _, err := p.Roll.MarshalText(); err != nil {
			report(f+".roll", fmt.Errorf("%w: %w", ErrPhase, err))
		}
	}
}

// Decision is a decision a gate's authority can reach. The zero Decision is
// [Clear].
type Decision int8

// The decisions.
const (
	Clear                Decision = iota // cleared without conditions
	ClearWithMitigations                 // cleared subject to mitigations
	Block                                // blocked or prohibited
)

var decisionNames = [...]string{Clear: "clear", ClearWithMitigations: "clear-with-mitigations", Block: "block"}

// String returns "clear", "clear-with-mitigations" or "block".
func (d Decision) String() string {
	if d < 0 || int(d) >= len(decisionNames) {
		return fmt.Sprintf("Decision(%d)", int8(d))
	}
	return decisionNames[d]
}

// MarshalText implements [encoding.TextMarshaler].
func (d Decision) MarshalText() ([]byte, error) {
	if d < 0 || int(d) >= len(decisionNames) {
		return nil, fmt.Errorf("regulator: invalid decision %d", int8(d))
	}
	return []byte(decisionNames[d]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Decision) UnmarshalText(b []byte) error {
	for i, n := range decisionNames {
		if n == string(b) {
			*d = Decision(i)
			return nil
		}
	}
	return fmt.Errorf("regulator: unknown decision %q", b)
}

// GateSpec describes a gate for [NewGate].
type GateSpec struct {
	// ID identifies the gate ("us-cfius").
	ID string
	// Name is its display name.
	Name string
	// Regulator is the authority that decides.
	Regulator Regulator
	// Basis is the legal basis explanations cite.
	Basis LegalBasis
	// InForce is when the rule applies; a gate not in force on the world's
	// date does not apply.
	InForce Window
	// Trigger is when the gate applies at all; nil means always.
	Trigger Condition
	// Clearance is what must hold for the authority to clear; nil means it
	// always clears.
	Clearance Condition
	// Mitigations are the measures the authority may demand, referred to
	// from the conditions with [Requires].
	Mitigations []Mitigation
	// Discretionary reports whether, where the test is open, the decision
	// is the authority's discretion (rather than a matter of facts not yet
	// known).
	Discretionary bool
	// Timeline is the review timeline, from filing to decision.
	Timeline Timeline
	// WaitsFor lists gates whose clearance this gate's review waits for;
	// gates of one deal otherwise run in parallel.
	WaitsFor []string
	// Source is the address the gate's facts come from.
	Source string
}

// Gate is one approval requirement of one regulator. It is immutable and
// safe for concurrent use; build it with [NewGate].
//
// The zero Gate has no ID, is always in force, always applies and always
// clears.
type Gate struct {
	s    GateSpec
	head string // g.String(), formatted once
}

// NewGate validates spec and returns the gate. It reports every problem at
// once, each a [*FieldError] naming the gate and the field: a missing ID, an
// in-force window that ends before it starts, a phase with negative or
// inverted bounds, a threshold outside [0, 1], a mitigation referenced but not
// defined, duplicate mitigation IDs.
func NewGate(spec GateSpec) (Gate, error) {
	var errs []error
	report := func(field string, err error) {
		errs = append(errs, &FieldError{Kind: "gate", ID: spec.ID, Field: field, Err: err})
	}
	if spec.ID == "" {
		report("id", fmt.Errorf("%w: gate ID (gate named %q)", ErrMissing, spec.Name))
	}
	spec.Regulator.check(func(field string, err error) { report("regulator."+field, err) })
	spec.InForce = spec.InForce.dates()
	if !spec.InForce.From.IsZero() && !spec.InForce.Until.IsZero() && !spec.InForce.Until.After(spec.InForce.From) {
		report("in_force", fmt.Errorf("%w: %s", ErrWindow, spec.InForce))
	}
	defined := map[string]Mitigation{}
	for i, m := range spec.Mitigations {
		f := fmt.Sprintf("mitigations[%d]", i)
		switch _, dup := defined[m.ID]; {
		case m.ID == "":
			report(f+".id", fmt.Errorf("%w: mitigation ID", ErrMissing))
		case dup:
			report(f+".id", fmt.Errorf("%w: mitigation %q", ErrDuplicate, m.ID))
		default:
			defined[m.ID] = m
		}
		if m.Available != nil {
			m.Available.check(f+".available", report)
		}
	}
	for _, c := range []struct {
		field string
		c     Condition
	}{{"trigger", spec.Trigger}, {"clearance", spec.Clearance}} {
		if c.c == nil {
			continue
		}
		c.c.check(c.field, report)
		walk(c.c, func(x Condition) {
			r, ok := x.(requires)
			if !ok || r.m.ID == "" {
				return
			}
			def, ok := defined[r.m.ID]
			switch {
			case !ok:
				report(c.field, fmt.Errorf("%w: %q", ErrUnknownMitigation, r.m.ID))
			case !sameMitigation(r.m, def):
				// Requires evaluates the mitigation it was given, so a
				// different definition in the gate would be silently
				// ignored.
				report(c.field, fmt.Errorf("%w: %q is referenced as %s but defined as %s",
					ErrUnknownMitigation, r.m.ID, describeMitigation(r.m), describeMitigation(def)))
			}
		})
	}
	spec.Timeline.check(report)
	if len(errs) > 0 {
		return Gate{}, errors.Join(errs...)
	}
	spec.Mitigations = slices.Clone(spec.Mitigations)
	spec.Timeline.Phases = slices.Clone(spec.Timeline.Phases)
	spec.WaitsFor = slices.Clone(spec.WaitsFor)
	g := Gate{s: spec}
	g.head = g.String()
	return g, nil
}

// sameMitigation reports whether a and b are the same definition: the same
// ID and name, and availability tests that state the same rule.
func sameMitigation(a, b Mitigation) bool {
	return a.ID == b.ID && a.Name == b.Name && (a.Available == nil) == (b.Available == nil) &&
		ruleText(a.Available) == ruleText(b.Available)
}

// ruleText states c's rule, or "<nil>" for a missing condition.
func ruleText(c Condition) string {
	if c == nil {
		return "<nil>"
	}
	return c.String()
}

func describeMitigation(m Mitigation) string {
	if m.Available == nil {
		return fmt.Sprintf("%q (always available)", m.Name)
	}
	return fmt.Sprintf("%q (available where %s)", m.Name, m.Available)
}

// MustGate is like [NewGate] but panics on an invalid spec. It is meant for
// literals in tests and examples.
func MustGate(spec GateSpec) Gate {
	g, err := NewGate(spec)
	if err != nil {
		panic(err)
	}
	return g
}

// walk calls f on c and every condition below it.
func walk(c Condition, f func(Condition)) {
	if c == nil {
		return
	}
	f(c)
	for _, k := range c.children() {
		walk(k, f)
	}
}

// ID returns the gate's ID.
func (g Gate) ID() string { return g.s.ID }

// Name returns the gate's name, or its ID.
func (g Gate) Name() string {
	if g.s.Name != "" {
		return g.s.Name
	}
	return g.s.ID
}

// Spec returns a copy of the gate's specification, for deriving a changed
// gate with [NewGate].
func (g Gate) Spec() GateSpec {
	s := g.s
	s.Mitigations = slices.Clone(s.Mitigations)
	s.Timeline.Phases = slices.Clone(s.Timeline.Phases)
	s.WaitsFor = slices.Clone(s.WaitsFor)
	return s
}

// Regulator returns the deciding authority.
func (g Gate) Regulator() Regulator { return g.s.Regulator }

// Basis returns the gate's legal basis.
func (g Gate) Basis() LegalBasis { return g.s.Basis }

// InForce returns the window the gate's rule is in force, both dates at
// midnight UTC.
func (g Gate) InForce() Window { return g.s.InForce }

// Timeline returns the review timeline.
func (g Gate) Timeline() Timeline {
	return Timeline{Phases: slices.Clone(g.s.Timeline.Phases)}
}

// WaitsFor returns the IDs of the gates this gate's review waits for.
func (g Gate) WaitsFor() []string { return slices.Clone(g.s.WaitsFor) }

// Discretionary reports whether an open test leaves the decision to the
// authority's discretion.
func (g Gate) Discretionary() bool { return g.s.Discretionary }

// Mitigation returns the mitigation with the given ID and reports whether
// the gate defines it.
func (g Gate) Mitigation(id string) (Mitigation, bool) {
	i := slices.IndexFunc(g.s.Mitigations, func(m Mitigation) bool { return m.ID == id })
	if i < 0 {
		return Mitigation{}, false
	}
	return g.s.Mitigations[i], true
}

// String returns "name (regulator; legal basis)", leaving out what is not
// given.
func (g Gate) String() string {
	var in []string
	if r := g.s.Regulator.String(); r != "" {
		in = append(in, r)
	}
	if b := g.s.Basis.String(); b != "" {
		in = append(in, b)
	}
	if len(in) == 0 {
		return g.Name()
	}
	return fmt.Sprintf("%s (%s)", g.Name(), strings.Join(in, "; "))
}

// Parties returns the IDs of the parties the gate's conditions name
// explicitly, for checking them against a register.
func (g Gate) Parties() []parties.ID {
	return conditionParties(g.s.Trigger, g.s.Clearance)
}

// ConditionParties returns the IDs of the parties c names explicitly, in
// order, for checking them against a register.
func ConditionParties(c Condition) []parties.ID { return conditionParties(c) }

// ValidateCondition reports every problem in the structure of c, as
// [NewGate] would for a gate's trigger: a missing part, a threshold outside
// [0, 1], a comparison that is not a lower bound where one is needed. Each
// problem is a [*FieldError] of kind "condition" naming the field by its
// path from c. A nil c has no problem.
func ValidateCondition(c Condition) error {
	if c == nil {
		return nil
	}
	var errs []error
	c.check("condition", func(field string, err error) {
		errs = append(errs, &FieldError{Kind: "condition", ID: c.String(), Field: field, Err: err})
	})
	return errors.Join(errs...)
}

func conditionParties(cs ...Condition) []parties.ID {
	var ids []parties.ID
	for _, c := range cs {
		walk(c, func(x Condition) {
			switch x := x.(type) {
			case owned:
				ids = append(ids, x.r.Subject)
			case controlled:
				ids = append(ids, x.subject)
			case partyIs:
				if !x.acquirer {
					ids = append(ids, x.ref)
				}
			}
		})
	}
	ids = slices.DeleteFunc(ids, func(id parties.ID) bool { return id == "" })
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Validate checks the gate against a register: every party its conditions
// name must exist. Each problem is a [*FieldError] wrapping
// [ErrUnknownParty].
func (g Gate) Validate(reg *parties.Register) error {
	if reg == nil {
		return &FieldError{Kind: "gate", ID: g.s.ID, Field: "register", Err: fmt.Errorf("%w: register", ErrMissing)}
	}
	var errs []error
	for _, id := range g.Parties() {
		if _, ok := reg.Party(id); !ok {
			errs = append(errs, &FieldError{Kind: "gate", ID: g.s.ID, Field: "conditions", Err: fmt.Errorf("%w: %q", ErrUnknownParty, id)})
		}
	}
	return errors.Join(errs...)
}

// Assessment is the result of [Gate.Assess].
type Assessment struct {
	// Gate is the gate's ID.
	Gate string
	// InForce reports whether the gate's rule is in force on the world's date.
	InForce bool
	// Applies is whether the gate must be cleared: in force and triggered.
	Applies Truth
	// Trigger and Test are the evaluations of the trigger and of the
	// clearance test. A gate without a trigger has a Trigger that holds,
	// and one without a clearance test a Test that holds. Both are the zero
	// Evaluation where not evaluated: Trigger where the gate is not in
	// force, Test where it is not in force or not triggered.
	Trigger, Test Evaluation
	// Decisions are the decisions the authority can reach, given the test:
	// a clearance (plain or with mitigations) where it holds, a block where
	// it fails, both where it is open. Empty where the gate does not apply.
	Decisions []Decision
	// Mitigations are the IDs of the mitigations a clearance needs; empty
	// where no clearance is possible.
	Mitigations []string
	// Text is the explanation, naming the gate and its legal basis.
	Text string
}

// Assess evaluates the gate against w: whether it is in force and triggered,
// and which decisions its authority can reach.
func (g Gate) Assess(w *World) Assessment {
	// NewGate and NewWorld keep both dates at midnight UTC.
	a := Assessment{Gate: g.s.ID, InForce: g.s.InForce.containsDate(w.f.AsOf)}
	head := g.head
	if head == "" {
		head = g.String()
	}
	if !a.InForce {
		a.Applies = Fails
		a.Text = head + " does not apply: not in force on " + w.f.AsOf.Format(time.DateOnly) + " (" + g.s.InForce.String() + ")"
		return a
	}
	a.Trigger = Evaluation{Truth: Holds, Text: "no trigger: holds"}
	if g.s.Trigger != nil {
		a.Trigger = g.s.Trigger.Eval(w)
	}
	a.Applies = a.Trigger.Truth
	if a.Applies == Fails {
		a.Text = head + " is not triggered: " + a.Trigger.Text
		return a
	}
	a.Test = Evaluation{Truth: Holds, Text: "no clearance test: holds"}
	if g.s.Clearance != nil {
		a.Test = g.s.Clearance.Eval(w)
	}
	clear := Clear
	if len(a.Test.Mitigations) > 0 && a.Test.Truth != Fails {
		clear = ClearWithMitigations
		a.Mitigations = slices.Clone(a.Test.Mitigations)
	}
	switch a.Test.Truth {
	case Holds:
		a.Decisions = []Decision{clear}
	case Fails:
		a.Decisions = []Decision{Block}
	default:
		a.Decisions = []Decision{clear, Block}
	}
	var sb strings.Builder
	sb.Grow(len(head) + len(" may apply (") + len(a.Trigger.Text) + len("); clearance test: ") + len(a.Test.Text) + len("; the decision is discretionary"))
	sb.WriteString(head)
	switch {
	case g.s.Trigger == nil:
		sb.WriteString(" applies")
	case a.Applies == Open:
		sb.WriteString(" may apply (")
		sb.WriteString(a.Trigger.Text)
		sb.WriteByte(')')
	default:
		sb.WriteString(" applies (")
		sb.WriteString(a.Trigger.Text)
		sb.WriteByte(')')
	}
	sb.WriteString("; clearance test: ")
	sb.WriteString(a.Test.Text)
	if a.Test.Truth == Open && g.s.Discretionary {
		sb.WriteString("; the decision is discretionary")
	}
	a.Text = sb.String()
	return a
}
