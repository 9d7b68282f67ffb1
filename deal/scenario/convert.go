package scenario

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/internal/errs"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// maxCombinations bounds the combinations of a proposal's open terms, each
// of which the engine evaluates with its own post-deal register.
const maxCombinations = 100_000

// builtinCalendars are the calendars of package calendar, by the names
// documents use.
var builtinCalendars = map[string]func() calendar.Calendar{
	"weekdays":      calendar.Weekdays,
	"us":            calendar.US,
	"uk":            calendar.UK,
	"germany":       calendar.Germany,
	"australia":     calendar.Australia,
	"new-zealand":   calendar.NewZealand,
	"canada":        calendar.Canada,
	"japan":         calendar.Japan,
	"eu-commission": calendar.EUCommission,
	"china":         calendar.China,
}

// CalendarNames returns the names of the built-in calendars a document may
// refer to, in sorted order: "australia", "canada", "china",
// "eu-commission", "germany", "japan", "new-zealand", "uk", "us" and
// "weekdays" (Monday to Friday, the default).
func CalendarNames() []string { return slices.Sorted(maps.Keys(builtinCalendars)) }

// Scenario converts f into a validated [deal.Scenario]. It reports every
// problem at once, joined with [errors.Join], each an [*Error] naming the
// field's path and, for a File that [Load] returned, its line and column:
// references to regulators, groups, calendars, mitigations or parties that
// are not defined, and every problem packages parties, regulator and deal
// find (their errors are wrapped, so that errors.Is(err,
// deal.ErrUnknownParty) and the like work).
//
// It first checks f as [Load] checks a document, for a File built or
// changed in Go.
func (f *File) Scenario() (*deal.Scenario, error) {
	c := &converter{f: f}
	checkValue(reflect.ValueOf(f).Elem(), "", func(path string, err error) { c.fail(path, err) })
	if len(c.errs) > 0 {
		return nil, c.err()
	}
	spec := c.spec()
	if spec.Register == nil {
		return nil, c.err()
	}
	sc, err := deal.New(spec)
	if err != nil {
		c.dealErrors(err)
	}
	if len(c.errs) > 0 {
		return nil, c.err()
	}
	return sc, nil
}

// Measure computes the look-through figure fig describes, against the
// register of sc (the scenario f gives) or, where fig names a proposal,
// against the register after that proposal closes with the open terms fig
// chooses.
func (f *File) Measure(sc *deal.Scenario, fig Figure) (parties.Ownership, error) {
	c := &converter{f: f}
	c.groups = c.groupMap()
	pred, ok := c.predicate(&fig.Holders, "holders")
	m, err := fig.Method.Method()
	if err != nil {
		c.fail("method", err)
	}
	choice := map[string]regulator.Value{}
	for _, k := range slices.Sorted(maps.Keys(fig.Terms)) {
		v := fig.Terms[k]
		if val, vok := c.value(&v, key("terms", k)); vok {
			choice[k] = val
		}
	}
	if !ok || len(c.errs) > 0 {
		return parties.Ownership{}, c.err()
	}
	reg := sc.Register()
	if fig.Proposal != "" {
		post, _, err := sc.PostDeal(fig.Proposal, choice)
		if err != nil {
			return parties.Ownership{}, err
		}
		reg = post
	}
	return reg.AsOf(sc.AsOf()).OwnedBy(parties.ID(fig.Subject), pred, m)
}

// converter turns a File into the library's types, collecting problems.
type converter struct {
	f    *File
	errs []error

	asOf      time.Time
	calendars map[string]calendar.Calendar
	groups    map[string]parties.Group
	regs      map[string]regulator.Regulator
	partyIDs  map[string]bool

	// The file index of each element passed to the library, in the
	// library's order.
	stakeIdx, gateIdx, threatIdx, posIdx, propIdx []int
}

// fail records a problem at path, located in the source if known.
func (c *converter) fail(path string, err error) {
	e := &Error{File: c.f.src, Path: path, Err: err}
	if p, ok := c.at(path); ok {
		e.Line, e.Column = p.line, p.col
	}
	c.errs = append(c.errs, e)
}

// failFields records the problems joined in err at path, below it at the
// field a [regulator.FieldError] names.
func (c *converter) failFields(path string, err error) {
	for _, e := range errs.Flatten(err) {
		field := ""
		var fe *regulator.FieldError
		if errors.As(e, &fe) {
			field = fe.Field
		}
		c.fail(join(path, field), e)
	}
}

// at returns the source position of path or of its nearest ancestor that
// has one.
func (c *converter) at(path string) (pos, bool) {
	if c.f.pos == nil {
		return pos{}, false
	}
	for {
		if p, ok := c.f.pos[path]; ok {
			return p, true
		}
		if path == "" {
			return pos{}, false
		}
		i := max(strings.LastIndexByte(path, '.'), strings.LastIndexByte(path, '['))
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}

// err returns the problems in document order.
func (c *converter) err() error {
	errs := slices.Clone(c.errs)
	slices.SortStableFunc(errs, func(a, b error) int {
		x, y := a.(*Error), b.(*Error)
		if x.Line == 0 || y.Line == 0 {
			return 0
		}
		return cmp.Or(cmp.Compare(x.Line, y.Line), cmp.Compare(x.Column, y.Column))
	})
	return errors.Join(errs...)
}

func (c *converter) date(d Date, path string) time.Time {
	t, err := d.Time()
	if err != nil {
		c.fail(path, err)
	}
	return t
}

func (c *converter) decimal(d Decimal, path string) (decimal.Decimal, bool) {
	v, err := d.Decimal()
	if err != nil {
		c.fail(path, err)
		return decimal.Decimal{}, false
	}
	return v, true
}

// spec converts the whole file; the returned spec's Register is nil where
// the register could not be built.
func (c *converter) spec() deal.Spec {
	f := c.f
	var spec deal.Spec
	spec.Name = f.Name
	if f.AsOf == "" {
		c.fail("as_of", problemf(ErrMissing, "missing field \"as_of\""))
	}
	c.asOf = c.date(f.AsOf, "as_of")
	spec.AsOf = c.asOf
	c.calendars = c.calendarMap()
	c.groups = c.groupMap()
	spec.Register = c.register()
	c.regs = c.regulatorMap()
	spec.Gates = c.gates()
	spec.Threats = c.threats()
	spec.Positions = c.positions()
	spec.Proposals = c.proposals()
	spec.Likelihoods = c.likelihoods()
	return spec
}

func (c *converter) calendarMap() map[string]calendar.Calendar {
	m := map[string]calendar.Calendar{}
	for name, cal := range builtinCalendars {
		m[name] = cal()
	}
	for i, def := range c.f.Calendars {
		path := index("calendars", i)
		if _, dup := m[def.Name]; dup {
			c.fail(join(path, "name"), problemf(ErrDuplicate, "calendar %q is already defined (built-in calendars: %s)", def.Name, strings.Join(CalendarNames(), ", ")))
			continue
		}
		var opts calendar.Options
		if def.Weekend != nil {
			opts.Weekend = []time.Weekday{}
			for j, w := range def.Weekend {
				d, err := w.Weekday()
				if err != nil {
					c.fail(index(join(path, "weekend"), j), err)
				}
				opts.Weekend = append(opts.Weekend, d)
			}
		}
		for j, d := range def.Holidays {
			opts.Holidays = append(opts.Holidays, c.date(d, index(join(path, "holidays"), j)))
		}
		for j, d := range def.WorkingDays {
			opts.WorkingDays = append(opts.WorkingDays, c.date(d, index(join(path, "working_days"), j)))
		}
		opts.From, opts.To = def.From, def.To
		cal, err := calendar.New(def.Name, opts)
		if err != nil {
			for _, e := range errs.Flatten(err) {
				c.fail(calendarPath(path, &def, e), e)
			}
			continue
		}
		m[def.Name] = cal
	}
	return m
}

// calendarPath locates a problem calendar.New reports.
func calendarPath(path string, def *Calendar, err error) string {
	var oe *calendar.OptionError
	if !errors.As(err, &oe) {
		return path
	}
	field := map[string]string{"name": "name", "Weekend": "weekend", "Holidays": "holidays", "WorkingDays": "working_days", "From": "from", "To": "to"}[oe.Field]
	if field == "" {
		return path
	}
	path = join(path, field)
	list := def.Holidays
	if oe.Field == "WorkingDays" {
		list = def.WorkingDays
	}
	if !oe.Date.IsZero() && (oe.Field == "Holidays" || oe.Field == "WorkingDays") {
		if j := slices.Index(list, DateOf(oe.Date)); j >= 0 {
			path = index(path, j)
		}
	}
	return path
}

func (c *converter) groupMap() map[string]parties.Group {
	m := map[string]parties.Group{}
	for i, g := range c.f.Groups {
		path := index("groups", i)
		if _, dup := m[g.Name]; dup {
			c.fail(join(path, "name"), problemf(ErrDuplicate, "group %q is already defined", g.Name))
			continue
		}
		m[g.Name] = parties.NewGroup(g.Name, g.Members...)
	}
	return m
}

// group returns the group of the file named name.
func (c *converter) group(name, path string) (parties.Group, bool) {
	g, ok := c.groups[name]
	if !ok {
		c.fail(path, problemf(ErrReference, "group %q is not defined%s", name, among(c.groups)))
	}
	return g, ok
}

func (c *converter) source(s Source, path string) parties.Source {
	return parties.Source{URL: s.URL, Date: c.date(s.Date, join(path, "date")), Confidence: s.Confidence, Note: s.Note}
}

func (c *converter) party(p *Party, path string) parties.Party {
	return parties.Party{
		ID: parties.ID(p.ID), Name: p.Name, Kind: p.Kind, Jurisdiction: p.Jurisdiction, Headquarters: p.Headquarters,
		Tags: slices.Clone(p.Tags), Reason: p.Reason, Source: c.source(p.Source, join(path, "source")),
	}
}

// register builds the register before any deal, or returns nil.
func (c *converter) register() *parties.Register {
	f := c.f
	var b parties.Builder
	c.partyIDs = map[string]bool{}
	for i := range f.Parties {
		b.AddParty(c.party(&f.Parties[i], index("parties", i)))
		c.partyIDs[f.Parties[i].ID] = true
	}
	for i, s := range f.Stakes {
		path := index("stakes", i)
		before := len(c.errs)
		econ, err := s.Economic.Share()
		if err != nil {
			c.fail(join(path, "economic"), err)
		}
		vote, err := s.Voting.Share()
		if err != nil {
			c.fail(join(path, "voting"), err)
		}
		st := parties.Stake{Holder: parties.ID(s.Holder), Subject: parties.ID(s.Subject), Economic: econ, Voting: vote, Class: s.Class,
			From: c.date(s.From, join(path, "from")), Until: c.date(s.Until, join(path, "until")), Source: c.source(s.Source, join(path, "source"))}
		if len(c.errs) > before {
			continue
		}
		b.AddStake(st)
		c.stakeIdx = append(c.stakeIdx, i)
	}
	reg, err := b.Build()
	if err != nil {
		for _, e := range errs.Flatten(err) {
			c.fail(c.registerPath(e), e)
		}
		return nil
	}
	return reg
}

// registerPath locates a problem [parties.Builder.Build] reports.
func (c *converter) registerPath(err error) string {
	var se *parties.StakeError
	if errors.As(err, &se) && se.Index >= 0 && se.Index < len(c.stakeIdx) {
		i := c.stakeIdx[se.Index]
		path := index("stakes", i)
		s := &c.f.Stakes[i]
		switch {
		case errors.Is(err, parties.ErrUnknownParty) && !c.partyIDs[s.Holder]:
			return join(path, "holder")
		case errors.Is(err, parties.ErrUnknownParty), errors.Is(err, parties.ErrSelfStake):
			return join(path, "subject")
		case errors.Is(err, parties.ErrDates):
			return join(path, "until")
		case strings.Contains(err.Error(), "voting share"):
			return join(path, "voting")
		case errors.Is(err, parties.ErrShareRange), errors.Is(err, parties.ErrInvertedRange):
			return join(path, "economic")
		}
		return path
	}
	var pe *parties.PartyError
	if errors.As(err, &pe) {
		var ids []int
		for i, p := range c.f.Parties {
			if p.ID == string(pe.ID) {
				ids = append(ids, i)
			}
		}
		switch {
		case len(ids) == 0:
			return "parties"
		case errors.Is(err, parties.ErrDuplicateParty) && len(ids) > 1:
			return join(index("parties", ids[1]), "id")
		case errors.Is(err, parties.ErrEmptyID):
			return join(index("parties", ids[0]), "id")
		case errors.Is(err, parties.ErrInvalidKind):
			return join(index("parties", ids[0]), "kind")
		}
		return index("parties", ids[0])
	}
	return "parties"
}

func (c *converter) regulatorMap() map[string]regulator.Regulator {
	m := map[string]regulator.Regulator{}
	for i, r := range c.f.Regulators {
		path := index("regulators", i)
		if _, dup := m[r.ID]; dup {
			c.fail(join(path, "id"), problemf(ErrDuplicate, "regulator %q is already defined", r.ID))
			continue
		}
		reg := regulator.Regulator{ID: r.ID, Name: r.Name, Jurisdiction: r.Jurisdiction}
		if err := reg.Validate(); err != nil {
			c.failFields(path, err)
			continue
		}
		m[r.ID] = reg
	}
	return m
}

// placeholderRegulator stands in for a regulator that could not be
// resolved, so that a gate's other problems are still found.
var placeholderRegulator = regulator.Regulator{ID: "unknown", Jurisdiction: parties.MustJurisdiction("US")}

func basis(b LegalBasis) regulator.LegalBasis {
	return regulator.LegalBasis{Instrument: b.Instrument, Section: b.Section, URL: b.URL}
}

func (c *converter) gates() []regulator.Gate {
	var out []regulator.Gate
	for i := range c.f.Gates {
		g, built := c.gate(i)
		if !built {
			if c.f.Gates[i].ID == "" {
				continue
			}
			// Stand in for the gate, so that references to it still
			// resolve and no spurious problem is reported, and check the
			// parties it names as the library would have.
			fg := &c.f.Gates[i]
			g, _ = regulator.NewGate(regulator.GateSpec{ID: fg.ID, Regulator: placeholderRegulator, WaitsFor: slices.Clone(fg.WaitsFor)})
			for _, top := range fg.conditions() {
				for _, pp := range partyRefs(top.c, join(index("gates", i), top.field)) {
					if !c.partyIDs[pp.id] {
						c.fail(pp.path, &problem{kind: ErrReference, cause: regulator.ErrUnknownParty, msg: fmt.Sprintf("unknown party: %q", pp.id)})
					}
				}
			}
		}
		out = append(out, g)
		c.gateIdx = append(c.gateIdx, i)
	}
	return out
}

// gateCondition is a condition of a gate and the field that holds it.
type gateCondition struct {
	field string
	c     *Condition
}

// conditions returns the trigger and the clearance of g.
func (g *Gate) conditions() []gateCondition {
	return []gateCondition{{"trigger", g.Trigger}, {"clearance", g.Clearance}}
}

// gate converts gates[i] and reports whether the library accepted it; parts
// that could not be read have placeholders.
func (c *converter) gate(i int) (regulator.Gate, bool) {
	g := &c.f.Gates[i]
	path := index("gates", i)
	before := len(c.errs)
	var spec regulator.GateSpec
	if g.Preset != "" {
		var ok bool
		if spec, ok = c.gatePresetSpec(g, path); !ok {
			return regulator.Gate{}, false
		}
	} else if g.Options != nil {
		c.fail(join(path, "options"), problemf(ErrMissing, "options are for a preset, and the gate names none"))
	}
	if g.ID != "" || g.Preset == "" {
		spec.ID = g.ID
	}
	if g.Name != "" {
		spec.Name = g.Name
	}
	if g.Basis != (LegalBasis{}) {
		spec.Basis = basis(g.Basis)
	}
	if g.Discretionary != nil {
		spec.Discretionary = *g.Discretionary
	}
	if g.WaitsFor != nil {
		spec.WaitsFor = slices.Clone(g.WaitsFor)
	}
	if g.Source != "" {
		spec.Source = g.Source
	}
	switch r, ok := c.regs[g.Regulator]; {
	case g.Regulator == "" && g.Preset != "":
	case g.Regulator == "":
		c.fail(join(path, "regulator"), problemf(ErrMissing, "a gate needs a regulator"))
	case !ok:
		c.fail(join(path, "regulator"), problemf(ErrReference, "regulator %q is not defined%s", g.Regulator, among(c.regs)))
	default:
		spec.Regulator = r
	}
	if spec.Regulator.ID == "" {
		spec.Regulator = placeholderRegulator
	}
	if g.InForce != (Window{}) {
		spec.InForce = regulator.Window{From: c.date(g.InForce.From, join(path, "in_force.from")), Until: c.date(g.InForce.Until, join(path, "in_force.until"))}
	}
	if g.Mitigations != nil {
		spec.Mitigations = nil
	}
	ctx := &condCtx{mitigations: map[string]regulator.Mitigation{}}
	for _, m := range spec.Mitigations { // a preset's
		ctx.mitigations[m.ID] = m
	}
	for j, m := range g.Mitigations {
		mp := index(join(path, "mitigations"), j)
		rm := regulator.Mitigation{ID: m.ID, Name: m.Name}
		if m.Available != nil {
			rm.Available = c.conditionOr(m.Available, join(mp, "available"), ctx)
		}
		spec.Mitigations = append(spec.Mitigations, rm)
		if _, dup := ctx.mitigations[m.ID]; !dup && m.ID != "" {
			ctx.mitigations[m.ID] = rm
		}
	}
	if g.Trigger != nil {
		spec.Trigger = c.conditionOr(g.Trigger, join(path, "trigger"), ctx)
	}
	if g.Clearance != nil {
		spec.Clearance = c.conditionOr(g.Clearance, join(path, "clearance"), ctx)
	}
	if g.Timeline.Phases != nil {
		spec.Timeline.Phases = nil
	}
	for j, p := range g.Timeline.Phases {
		pp := index(join(path, "timeline.phases"), j)
		ph := regulator.Phase{Name: p.Name, DayOne: p.DayOne, Roll: p.Roll, Optional: p.Optional}
		var err error
		if ph.Min, err = p.Min.Period(); err != nil {
			c.fail(join(pp, "min"), err)
		}
		if ph.Max, err = p.Max.Period(); err != nil {
			c.fail(join(pp, "max"), err)
		}
		ph.Calendar = c.calendar(p.Calendar, join(pp, "calendar"))
		spec.Timeline.Phases = append(spec.Timeline.Phases, ph)
	}
	failed := make([]string, 0, len(c.errs)-before)
	for _, e := range c.errs[before:] {
		failed = append(failed, e.(*Error).Path)
	}
	gate, err := regulator.NewGate(spec)
	for _, e := range errs.Flatten(err) {
		p := c.gateFieldPath(path, g, e)
		// A problem below or above one already reported is a consequence
		// of it (a placeholder standing in for what could not be read).
		if p != path && slices.ContainsFunc(failed, func(f string) bool { return strings.HasPrefix(f, p) || strings.HasPrefix(p, f) }) {
			continue
		}
		c.fail(p, e)
	}
	return gate, err == nil
}

// among lists the names defined in m, in sorted order, for messages.
func among[V any](m map[string]V) string {
	names := slices.Sorted(maps.Keys(m))
	if len(names) == 0 {
		return " (none is)"
	}
	if len(names) > 12 {
		names = append(names[:12:12], "…")
	}
	return " (defined: " + strings.Join(names, ", ") + ")"
}

func (c *converter) calendar(name, path string) calendar.Calendar {
	if name == "" {
		return calendar.Weekdays()
	}
	cal, ok := c.calendars[name]
	if !ok {
		c.fail(path, problemf(ErrReference, "calendar %q is not defined%s", name, among(c.calendars)))
	}
	return cal
}

var indexRE = regexp.MustCompile(`^\[(\d+)\](.*)$`)

// gateFieldPath locates a problem [regulator.NewGate] reports, translating
// the library's field path into the document's.
func (c *converter) gateFieldPath(path string, g *Gate, err error) string {
	var fe *regulator.FieldError
	if !errors.As(err, &fe) {
		return path
	}
	field := fe.Field
	for _, top := range g.conditions() {
		if rest, ok := strings.CutPrefix(field, top.field); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			return join(path, top.field) + condPath(top.c, rest)
		}
	}
	if rest, ok := strings.CutPrefix(field, "mitigations"); ok {
		if m := indexRE.FindStringSubmatch(rest); m != nil {
			j, _ := strconv.Atoi(m[1])
			mp := index(join(path, "mitigations"), j)
			if avail, ok := strings.CutPrefix(m[2], ".available"); ok && j < len(g.Mitigations) {
				return join(mp, "available") + condPath(g.Mitigations[j].Available, avail)
			}
			return mp + m[2]
		}
	}
	if field == "" {
		return path
	}
	return join(path, field)
}

// condPath translates the rest of a library field path below condition x
// ("[1].threshold", ".not.term") into the document's
// (".and[1].owned.threshold", ".not.term_is.term").
func condPath(x *Condition, rest string) string {
	if x == nil {
		return rest
	}
	op, _ := variant(reflect.ValueOf(x).Elem())
	switch op {
	case "and", "or", "at_least":
		list := x.And
		prefix := "." + op
		if op == "or" {
			list = x.Or
		}
		if op == "at_least" {
			if rest == ".k" {
				return ".at_least.k"
			}
			list, prefix = x.AtLeast.Of, ".at_least.of"
		}
		if m := indexRE.FindStringSubmatch(rest); m != nil {
			i, _ := strconv.Atoi(m[1])
			if i < len(list) {
				return index(prefix, i) + condPath(&list[i], m[2])
			}
		}
		return prefix + rest
	case "not":
		return ".not" + condPath(x.Not, strings.TrimPrefix(rest, ".not"))
	case "named":
		return ".named.condition" + condPath(&x.Named.Condition, rest)
	case "term_is":
		if strings.HasPrefix(rest, ".values[") {
			return ".term_is.value"
		}
	case "acquirer_is":
		return ".acquirer_is"
	case "term_present", "on_or_after", "before", "requires":
		return "." + op
	case "":
		return rest
	}
	return "." + op + rest
}

// variant returns the name and value of the variant given in a union
// struct, or "" if none or several are.
func variant(v reflect.Value) (string, reflect.Value) {
	si := infoOf(v.Type())
	name, val := "", reflect.Value{}
	for _, f := range si.fields {
		if f.option || isEmpty(v.Field(f.index)) {
			continue
		}
		if name != "" {
			return "", reflect.Value{}
		}
		name, val = f.name, v.Field(f.index)
	}
	return name, val
}

// condCtx is what a condition may refer to besides the file's groups.
type condCtx struct {
	// mitigations are the mitigations a requires may name; nil outside
	// gates.
	mitigations map[string]regulator.Mitigation
}

// conditionOr converts x, or returns a placeholder where x is not valid, so
// that the library's checks of what surrounds it still run.
func (c *converter) conditionOr(x *Condition, path string, ctx *condCtx) regulator.Condition {
	rc, ok := c.condition(x, path, ctx)
	if !ok {
		return placeholderCondition
	}
	return rc
}

// placeholderCondition stands in for a condition that could not be read.
var placeholderCondition = regulator.Const(regulator.Open, "(not read)")

// condition converts x and reports whether it is valid; where it is not,
// the condition returned has placeholders for the parts at fault (it is
// never nil).
func (c *converter) condition(x *Condition, path string, ctx *condCtx) (regulator.Condition, bool) {
	op, _ := variant(reflect.ValueOf(x).Elem())
	if op == "" {
		c.fail(path, infoOf(reflect.TypeFor[Condition]()).variantError(nil))
		return placeholderCondition, false
	}
	p := join(path, op)
	list := func(xs []Condition, p string) ([]regulator.Condition, bool) {
		out := make([]regulator.Condition, 0, len(xs))
		ok := true
		for i := range xs {
			rc, cok := c.condition(&xs[i], index(p, i), ctx)
			ok = ok && cok
			out = append(out, rc)
		}
		return out, ok
	}
	switch op {
	case "and":
		cs, ok := list(x.And, p)
		return regulator.And(cs...), ok
	case "or":
		cs, ok := list(x.Or, p)
		return regulator.Or(cs...), ok
	case "not":
		rc, ok := c.condition(x.Not, p, ctx)
		return regulator.Not(rc), ok
	case "at_least":
		cs, ok := list(x.AtLeast.Of, join(p, "of"))
		if x.AtLeast.K < 0 || x.AtLeast.K > len(cs) {
			c.fail(join(p, "k"), valueErrorf("at least %d of %d conditions can never hold", x.AtLeast.K, len(cs)))
			ok = false
		}
		return regulator.AtLeastOf(x.AtLeast.K, cs...), ok
	case "owned":
		o := x.Owned
		pred, ok := c.predicate(&o.Holders, join(p, "holders"))
		m, err := o.Method.Method()
		if err != nil {
			c.fail(join(p, "method"), err)
			ok = false
		}
		t, err := o.Threshold.Threshold()
		if err != nil {
			c.fail(join(p, "threshold"), err)
			ok = false
		}
		if o.Threshold == "" {
			c.fail(join(p, "threshold"), problemf(ErrMissing, "missing field \"threshold\""))
			ok = false
		}
		return regulator.Owned(regulator.OwnershipRule{Subject: parties.ID(o.Subject), Holders: pred, Method: m, Threshold: t}), ok
	case "controlled":
		o := x.Controlled
		pred, ok := c.predicate(&o.Holders, join(p, "holders"))
		t, err := o.Threshold.Threshold()
		if err != nil {
			c.fail(join(p, "threshold"), err)
			ok = false
		}
		return regulator.Controlled(parties.ID(o.Subject), pred, t), ok
	case "party_is":
		pred, ok := c.predicate(&x.PartyIs.Predicate, join(p, "predicate"))
		return regulator.PartyIs(parties.ID(x.PartyIs.Party), pred), ok
	case "acquirer_is":
		pred, ok := c.predicate(x.AcquirerIs, p)
		return regulator.AcquirerIs(pred), ok
	case "term_is":
		v, ok := c.value(&x.TermIs.Value, join(p, "value"))
		return regulator.TermIs(x.TermIs.Term, v), ok
	case "term_in":
		ok := true
		vs := make([]regulator.Value, 0, len(x.TermIn.Values))
		for i := range x.TermIn.Values {
			v, vok := c.value(&x.TermIn.Values[i], index(join(p, "values"), i))
			ok = ok && vok
			vs = append(vs, v)
		}
		return regulator.TermIn(x.TermIn.Term, vs...), ok
	case "term_compare":
		d, ok := c.decimal(x.TermCompare.Value, join(p, "value"))
		return regulator.TermCompare(x.TermCompare.Term, x.TermCompare.Op, d), ok
	case "term_present":
		return regulator.TermPresent(x.TermPresent), true
	case "term_contains":
		return regulator.TermContains(x.TermContains.Term, x.TermContains.Item), true
	case "term_party":
		pred, ok := c.predicate(&x.TermParty.Predicate, join(p, "predicate"))
		return regulator.TermParty(x.TermParty.Term, pred), ok
	case "on_or_after":
		before := len(c.errs)
		d := c.date(x.OnOrAfter, p)
		return regulator.OnOrAfter(d), len(c.errs) == before
	case "before":
		before := len(c.errs)
		d := c.date(x.Before, p)
		return regulator.Before(d), len(c.errs) == before
	case "discretion":
		return regulator.Discretion(x.Discretion.Name, x.Discretion.Text), true
	case "const":
		if _, err := x.Const.Value.MarshalText(); err != nil {
			c.fail(join(p, "value"), &problem{kind: ErrValue, cause: err, msg: detail(err)})
			return placeholderCondition, false
		}
		return regulator.Const(x.Const.Value, x.Const.Text), true
	case "requires":
		if ctx.mitigations == nil {
			c.fail(p, problemf(ErrReference, "requires names a mitigation of a gate, and only a gate's conditions may use it"))
			return placeholderCondition, false
		}
		m, ok := ctx.mitigations[x.Requires]
		if !ok {
			c.fail(p, problemf(ErrReference, "mitigation %q is not defined in this gate (a mitigation's availability may require only mitigations listed before it)%s", x.Requires, among(ctx.mitigations)))
			return placeholderCondition, false
		}
		return regulator.Requires(m), true
	case "named":
		rc, ok := c.condition(&x.Named.Condition, join(p, "condition"), ctx)
		return regulator.Named(x.Named.Name, rc), ok
	}
	c.fail(path, problemf(ErrType, "unknown condition %q", op))
	return placeholderCondition, false
}

// predicate converts x and reports whether it is valid.
func (c *converter) predicate(x *Predicate, path string) (parties.Predicate, bool) {
	op, _ := variant(reflect.ValueOf(x).Elem())
	if op == "" {
		c.fail(path, infoOf(reflect.TypeFor[Predicate]()).variantError(nil))
		return parties.Predicate{}, false
	}
	p := join(path, op)
	list := func(xs []Predicate) ([]parties.Predicate, bool) {
		out := make([]parties.Predicate, 0, len(xs))
		ok := true
		for i := range xs {
			q, qok := c.predicate(&xs[i], index(p, i))
			ok = ok && qok
			out = append(out, q)
		}
		return out, ok
	}
	var (
		pred parties.Predicate
		ok   = true
	)
	switch op {
	case "in":
		if x.In.Jurisdiction.IsZero() {
			c.fail(join(p, "jurisdiction"), problemf(ErrMissing, "missing field \"jurisdiction\""))
			ok = false
		}
		pred = parties.In(x.In.Jurisdiction, x.In.Basis)
	case "in_group":
		var g parties.Group
		g, ok = c.group(x.InGroup.Group, join(p, "group"))
		pred = parties.InGroup(g, x.InGroup.Basis)
	case "of_kind":
		pred = parties.OfKind(x.OfKind...)
	case "tagged":
		pred = parties.Tagged(x.Tagged)
	case "ids":
		ids := make([]parties.ID, len(x.IDs))
		for i, id := range x.IDs {
			ids[i] = parties.ID(id)
		}
		pred = parties.IDs(ids...)
	case "any_of":
		var ps []parties.Predicate
		ps, ok = list(x.AnyOf)
		pred = parties.AnyOf(ps...)
	case "all_of":
		var ps []parties.Predicate
		ps, ok = list(x.AllOf)
		pred = parties.AllOf(ps...)
	case "not":
		var q parties.Predicate
		q, ok = c.predicate(x.Not, p)
		pred = parties.Not(q)
	}
	if x.Name != "" {
		pred = pred.WithName(x.Name)
	}
	return pred, ok
}

// value converts a term value and reports whether it is valid.
func (c *converter) value(x *Value, path string) (regulator.Value, bool) {
	op, _ := variant(reflect.ValueOf(x).Elem())
	p := join(path, op)
	switch op {
	case "bool":
		return regulator.Bool(*x.Bool), true
	case "text":
		return regulator.Text(*x.Text), true
	case "number":
		d, ok := c.decimal(*x.Number, p)
		return regulator.Number(d), ok
	case "set":
		return regulator.Set(x.Set...), true
	case "date":
		t, err := x.Date.Time()
		if err != nil || t.IsZero() {
			if err == nil {
				err = problemf(ErrMissing, "must not be empty")
			}
			c.fail(p, err)
			return regulator.Value{}, false
		}
		return regulator.Date(t), true
	}
	c.fail(path, infoOf(reflect.TypeFor[Value]()).variantError(nil))
	return regulator.Value{}, false
}

func (c *converter) threats() []deal.Threat {
	var out []deal.Threat
	for i := range c.f.Deadlines {
		d := &c.f.Deadlines[i]
		path := index("deadlines", i)
		before := len(c.errs)
		var spec regulator.DeadlineSpec
		presetOK := true
		if d.Preset != "" {
			spec, presetOK = c.deadlinePresetSpec(d, path)
		} else {
			if d.Options != nil {
				c.fail(join(path, "options"), problemf(ErrMissing, "options are for a preset, and the deadline names none"))
			}
			if d.Date == "" {
				c.fail(path, problemf(ErrMissing, "missing field \"date\""))
			}
		}
		spec.ID = d.ID
		if d.Name != "" {
			spec.Name = d.Name
		}
		if d.Basis != (LegalBasis{}) {
			spec.Basis = basis(d.Basis)
		}
		if d.Date != "" {
			spec.Date = c.date(d.Date, join(path, "date"))
		}
		if d.Consequence != "" {
			spec.Consequence = d.Consequence
		}
		if d.Enjoinable != nil {
			spec.Enjoinable = *d.Enjoinable
		}
		if d.Source != "" {
			spec.Source = d.Source
		}
		if d.Extension != (Extension{}) {
			up, err := d.Extension.Up.Period()
			if err != nil {
				c.fail(join(path, "extension.up"), err)
			}
			spec.Extension = regulator.Extension{Up: up, Calendar: c.calendar(d.Extension.Calendar, join(path, "extension.calendar")),
				Certain: d.Extension.Certain, By: d.Extension.By}
		}
		var dl regulator.Deadline
		if len(c.errs) == before && presetOK {
			var err error
			dl, err = regulator.NewDeadline(spec)
			c.failFields(path, err)
		}
		if len(c.errs) > before || !presetOK {
			if d.ID == "" {
				continue
			}
			// Stand in for the deadline, so that references to it still
			// resolve.
			dl, _ = regulator.NewDeadline(regulator.DeadlineSpec{ID: d.ID, Date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		}
		out = append(out, deal.Threat{Deadline: dl, Outcome: d.Outcome})
		c.threatIdx = append(c.threatIdx, i)
	}
	return out
}

func (c *converter) positions() []deal.Position {
	var out []deal.Position
	for i, p := range c.f.Positions {
		path := index("positions", i)
		dp := deal.Position{Party: parties.ID(p.Party), From: c.date(p.From, join(path, "from")), Until: c.date(p.Until, join(path, "until")), Source: p.Source}
		if p.Accepts != nil {
			dp.Accepts = c.conditionOr(p.Accepts, join(path, "accepts"), &condCtx{})
		}
		out = append(out, dp)
		c.posIdx = append(c.posIdx, i)
	}
	return out
}

func (c *converter) proposals() []deal.Proposal {
	var out []deal.Proposal
	for i := range c.f.Proposals {
		p := &c.f.Proposals[i]
		path := index("proposals", i)
		before := len(c.errs)
		dp := deal.Proposal{ID: p.ID, Name: p.Name, Target: parties.ID(p.Target), Acquirers: ids(p.Acquirers),
			Filed: c.date(p.Filed, join(path, "filed"))}
		if p.Consents != nil {
			dp.Consents = ids(p.Consents)
		}
		for j := range p.Moves {
			if m, ok := c.move(&p.Moves[j], index(join(path, "moves"), j)); ok {
				dp.Moves = append(dp.Moves, m)
			}
		}
		if p.Terms != nil {
			dp.Terms = map[string]regulator.Value{}
			for _, k := range slices.Sorted(maps.Keys(p.Terms)) {
				v := p.Terms[k]
				if rv, ok := c.value(&v, key(join(path, "terms"), k)); ok {
					dp.Terms[k] = rv
				}
			}
		}
		combos := 1
		for j, d := range p.Dimensions {
			dpath := index(join(path, "dimensions"), j)
			dim := deal.Dimension{Term: d.Term}
			for k := range d.Values {
				if v, ok := c.value(&d.Values[k], index(join(dpath, "values"), k)); ok {
					dim.Values = append(dim.Values, v)
				}
			}
			for k, l := range d.Likelihoods {
				if v, ok := c.decimal(l, index(join(dpath, "likelihoods"), k)); ok {
					dim.Likelihoods = append(dim.Likelihoods, v)
				}
			}
			dp.Dimensions = append(dp.Dimensions, dim)
			if combos *= max(len(d.Values), 1); combos > maxCombinations {
				c.fail(dpath, valueErrorf("the open terms of the proposal up to this one make more than %d combinations", maxCombinations))
				break
			}
		}
		if len(c.errs) > before {
			// Stand in for the proposal without its moves and open terms,
			// so that references to it still resolve.
			dp.Moves, dp.Terms, dp.Dimensions = nil, nil, nil
		}
		out = append(out, dp)
		c.propIdx = append(c.propIdx, i)
	}
	return out
}

func ids(ss []string) []parties.ID {
	if ss == nil {
		return nil
	}
	out := make([]parties.ID, len(ss))
	for i, s := range ss {
		out[i] = parties.ID(s)
	}
	return out
}

// move converts a move and reports whether it is valid.
func (c *converter) move(m *Move, path string) (deal.Move, bool) {
	op, _ := variant(reflect.ValueOf(m).Elem())
	p := join(path, op)
	switch op {
	case "transfer":
		t := m.Transfer
		a, ok := c.amount(t.Amount, join(p, "amount"), true)
		return deal.Transfer{Seller: parties.ID(t.Seller), Buyer: parties.ID(t.Buyer), Subject: parties.ID(t.Subject), Amount: a}, ok
	case "issue":
		as, ok := c.allocations(m.Issue.To, join(p, "to"))
		return deal.Issue{Subject: parties.ID(m.Issue.Subject), To: as}, ok
	case "form":
		as, ok := c.allocations(m.Form.Holders, join(p, "holders"))
		return deal.Form{Party: c.party(&m.Form.Party, join(p, "party")), Holders: as}, ok
	}
	c.fail(path, infoOf(reflect.TypeFor[Move]()).variantError(nil))
	return nil, false
}

func (c *converter) allocations(as []Allocation, path string) ([]deal.Allocation, bool) {
	out := make([]deal.Allocation, 0, len(as))
	ok := true
	for i, a := range as {
		amt, aok := c.amount(a.Amount, join(index(path, i), "amount"), false)
		ok = ok && aok
		out = append(out, deal.Allocation{Holder: parties.ID(a.Holder), Amount: amt})
	}
	return out, ok
}

// amount converts an amount; "all" is allowed only for transfers.
func (c *converter) amount(a Amount, path string, transfer bool) (deal.Amount, bool) {
	if err := a.check(); err != nil {
		c.fail(path, err)
		return deal.Amount{}, false
	}
	switch {
	case a.All && !transfer:
		c.fail(path, valueErrorf("\"all\" is an amount for transfers only"))
		return deal.Amount{}, false
	case a.All:
		return deal.All(), true
	case a.Term != "":
		return deal.FromTerm(a.Term), true
	}
	s, _ := a.Share.Share() // checked above
	return deal.Fixed(s.Min()), true
}

func (c *converter) likelihoods() deal.Likelihoods {
	l := c.f.Likelihoods
	if l == nil {
		return deal.Likelihoods{}
	}
	conv := func(m map[string]Decimal, field string) map[string]decimal.Decimal {
		if m == nil {
			return nil
		}
		out := make(map[string]decimal.Decimal, len(m))
		bad := false
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if v, ok := c.decimal(m[k], key(join("likelihoods", field), k)); ok {
				out[k] = v
			} else {
				bad = true
			}
		}
		if bad && field == "proposals" {
			return nil // a partial distribution would be reported again
		}
		return out
	}
	return deal.Likelihoods{
		Proposals: conv(l.Proposals, "proposals"), Consent: conv(l.Consent, "consent"), Clearance: conv(l.Clearance, "clearance"),
		Trigger: conv(l.Trigger, "trigger"), Injunction: conv(l.Injunction, "injunction"), Extension: conv(l.Extension, "extension"),
		Timely: conv(l.Timely, "timely"),
	}
}

var (
	specPathRE = regexp.MustCompile(`^(gates|threats|positions|proposals)\[(\d+)\](.*)$`)
	movesRE    = regexp.MustCompile(`moves\[(\d+)\] \(`)
	quotedRE   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// dealErrors records the problems [deal.New] reports, located in the
// document.
func (c *converter) dealErrors(err error) {
	for _, e := range errs.Flatten(err) {
		var se *deal.SpecError
		if !errors.As(e, &se) {
			c.fail("", e)
			continue
		}
		// A gate's problems found against the register come joined.
		if inner := errs.Flatten(se.Err); len(inner) > 1 {
			for _, ie := range inner {
				c.fail(c.specPath(&deal.SpecError{Path: se.Path, ID: se.ID, Err: ie}), &deal.SpecError{Path: se.Path, ID: se.ID, Err: ie})
			}
			continue
		}
		if se.Path != "" && strings.HasSuffix(se.Path, ".moves") {
			e = &deal.SpecError{Path: se.Path, ID: se.ID, Err: &problem{kind: se.Err, msg: moveDetail(se.Err)}}
		}
		if errors.Is(se.Err, deal.ErrUnknownParty) && se.ID != "" && !strings.Contains(detail(se.Err), `"`) {
			e = &deal.SpecError{Path: se.Path, ID: se.ID, Err: fmt.Errorf("%w: %q", se.Err, se.ID)}
		}
		c.fail(c.specPath(se), e)
	}
}

// specPath translates the path of a [deal.SpecError] into the document's.
func (c *converter) specPath(se *deal.SpecError) string {
	m := specPathRE.FindStringSubmatch(se.Path)
	if m == nil {
		switch se.Path {
		case "register":
			return "parties"
		case "gates": // a cycle of waits_for, named by its first gate
			if j := slices.IndexFunc(c.f.Gates, func(g Gate) bool { return g.ID == se.ID }); j >= 0 {
				return join(index("gates", j), "waits_for")
			}
		}
		return se.Path
	}
	i, _ := strconv.Atoi(m[2])
	rest := m[3]
	var unknown string // the party ID an unknown-party error names
	if errors.Is(se.Err, deal.ErrUnknownParty) || errors.Is(se.Err, regulator.ErrUnknownParty) {
		if q := quotedRE.FindString(detail(se.Err)); q != "" {
			unknown, _ = strconv.Unquote(q)
		} else {
			unknown = se.ID
		}
	}
	switch m[1] {
	case "gates":
		if i >= len(c.gateIdx) {
			return se.Path
		}
		j := c.gateIdx[i]
		path := index("gates", j)
		if rest == "" && unknown != "" {
			g := &c.f.Gates[j]
			for _, top := range g.conditions() {
				if p := findParty(top.c, join(path, top.field), unknown); p != "" {
					return p
				}
			}
		}
		return path + rest
	case "threats":
		if i >= len(c.threatIdx) {
			return se.Path
		}
		if rest == ".deadline" {
			rest = ""
		}
		return index("deadlines", c.threatIdx[i]) + rest
	case "positions":
		if i >= len(c.posIdx) {
			return se.Path
		}
		j := c.posIdx[i]
		if rest == ".accepts" && unknown != "" {
			if p := findParty(c.f.Positions[j].Accepts, join(index("positions", j), "accepts"), unknown); p != "" {
				return p
			}
		}
		return index("positions", j) + rest
	}
	if i >= len(c.propIdx) {
		return se.Path
	}
	j := c.propIdx[i]
	p := &c.f.Proposals[j]
	path := index("proposals", j)
	switch {
	case rest == "" && unknown != "":
		if k := slices.Index(p.Acquirers, unknown); k >= 0 {
			return index(join(path, "acquirers"), k)
		}
		if k := slices.Index(p.Consents, unknown); k >= 0 {
			return index(join(path, "consents"), k)
		}
	case rest == ".moves":
		if mm := movesRE.FindStringSubmatch(se.Err.Error()); mm != nil {
			k, _ := strconv.Atoi(mm[1])
			if k < len(p.Moves) {
				return index(join(path, "moves"), k)
			}
		}
	}
	if mm := indexRE.FindStringSubmatch(strings.TrimPrefix(rest, ".moves")); strings.HasPrefix(rest, ".moves[") && mm != nil && unknown != "" {
		k, _ := strconv.Atoi(mm[1])
		if k < len(p.Moves) {
			return index(join(path, "moves"), k) + moveParty(&p.Moves[k], unknown)
		}
	}
	return path + rest
}

// partyRef is a party a condition names, and where.
type partyRef struct{ id, path string }

// partyRefs returns the parties conditions below x name explicitly, as
// [regulator.Gate.Parties] does.
func partyRefs(x *Condition, path string) []partyRef {
	if x == nil {
		return nil
	}
	op, _ := variant(reflect.ValueOf(x).Elem())
	p := join(path, op)
	var out []partyRef
	list := func(xs []Condition, prefix string) {
		for i := range xs {
			out = append(out, partyRefs(&xs[i], index(prefix, i))...)
		}
	}
	switch op {
	case "and":
		list(x.And, p)
	case "or":
		list(x.Or, p)
	case "at_least":
		list(x.AtLeast.Of, join(p, "of"))
	case "not":
		out = partyRefs(x.Not, p)
	case "named":
		out = partyRefs(&x.Named.Condition, join(p, "condition"))
	case "owned":
		if x.Owned.Subject != "" {
			out = append(out, partyRef{x.Owned.Subject, join(p, "subject")})
		}
	case "controlled":
		if x.Controlled.Subject != "" {
			out = append(out, partyRef{x.Controlled.Subject, join(p, "subject")})
		}
	case "party_is":
		if x.PartyIs.Party != "" {
			out = append(out, partyRef{x.PartyIs.Party, join(p, "party")})
		}
	}
	return out
}

// moveDetail shortens the message of a move that could not be applied,
// "with terms: moves[k] (description): detail", to "with terms: detail" or
// "detail": the error's path names the move.
func moveDetail(err error) string {
	msg := err.Error()
	loc := movesRE.FindStringIndex(msg)
	if loc == nil {
		return detail(err)
	}
	terms := strings.TrimSuffix(strings.TrimPrefix(msg[:loc[0]], "with "), ": ")
	rest := msg[loc[1]:]
	if i := strings.Index(rest, "): "); i >= 0 {
		rest = rest[i+3:]
	}
	rest = detail(errors.New(rest))
	if terms == "" {
		return rest
	}
	return "with " + terms + ": " + rest
}

// findParty returns the path, below path, of the first condition in x that
// names the party id, or "".
func findParty(x *Condition, path, id string) string {
	for _, r := range partyRefs(x, path) {
		if r.id == id {
			return r.path
		}
	}
	return ""
}

// moveParty returns the path below a move of the field that names the
// party id.
func moveParty(m *Move, id string) string {
	switch {
	case m.Transfer != nil:
		for _, f := range []struct{ name, v string }{{"seller", m.Transfer.Seller}, {"buyer", m.Transfer.Buyer}, {"subject", m.Transfer.Subject}} {
			if f.v == id {
				return ".transfer." + f.name
			}
		}
		return ".transfer"
	case m.Issue != nil:
		if m.Issue.Subject == id {
			return ".issue.subject"
		}
		for i, a := range m.Issue.To {
			if a.Holder == id {
				return index(".issue.to", i) + ".holder"
			}
		}
		return ".issue"
	case m.Form != nil:
		for i, a := range m.Form.Holders {
			if a.Holder == id {
				return index(".form.holders", i) + ".holder"
			}
		}
		return ".form"
	}
	return ""
}

// checkValue checks a value built in Go as [Load] checks a document:
// required fields given, exactly one variant of a union, scalar syntax,
// enumerations in range, valid UTF-8.
func checkValue(v reflect.Value, path string, report func(string, error)) {
	t := v.Type()
	switch {
	case t == amountType:
		if err := v.Interface().(Amount).check(); err != nil {
			report(path, err)
		}
		return
	case t.Kind() == reflect.Pointer:
		if !v.IsNil() {
			checkValue(v.Elem(), path, report)
		}
		return
	case reflect.PointerTo(t).Implements(scalarType):
		if v.String() != "" {
			if err := v.Interface().(scalar).check(); err != nil {
				report(path, err)
			}
		}
		return
	case t.Implements(textMarshaler):
		if _, err := v.Interface().(interface{ MarshalText() ([]byte, error) }).MarshalText(); err != nil {
			report(path, &problem{kind: ErrValue, cause: err, msg: detail(err)})
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			report(path, problemf(ErrValue, "text is not valid UTF-8"))
		}
	case reflect.Slice:
		for i := range v.Len() {
			checkValue(v.Index(i), index(path, i), report)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			checkValue(v.MapIndex(k), key(path, k.String()), report)
		}
	case reflect.Struct:
		si := infoOf(t)
		if si.union {
			var given []string
			for _, f := range si.fields {
				if !f.option && !isEmpty(v.Field(f.index)) {
					given = append(given, f.name)
				}
			}
			if err := si.variantError(given); err != nil {
				report(path, err)
			}
		}
		for _, f := range si.fields {
			fv := v.Field(f.index)
			fp := join(path, f.name)
			if f.required && !si.union {
				missing := false
				switch fv.Kind() {
				case reflect.String, reflect.Slice:
					missing = fv.Len() == 0 && (fv.Kind() == reflect.String || fv.IsNil())
				case reflect.Struct:
					missing = fv.Type() == amountType && fv.IsZero()
				}
				if missing {
					report(fp, problemf(ErrMissing, "missing field %q", f.name))
					continue
				}
			}
			checkValue(fv, fp, report)
		}
	}
}
