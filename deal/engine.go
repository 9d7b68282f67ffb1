package deal

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
)

// Options configures [Scenario.Analyze]. A nil *Options means the defaults.
type Options struct {
	// Budget is the most proposal-and-terms combinations to evaluate; zero
	// (or less) means no limit. An analysis that runs out returns the
	// partial result and an error wrapping [ErrBudget].
	Budget int
	// Workers is the number of goroutines evaluating combinations; zero
	// means GOMAXPROCS.
	Workers int
}

// factor is one consent or clearance a closing needs. A consent is a
// factor whose trigger always holds.
type factor struct {
	kind  string // "consent" or "gate"
	id    string
	text  string
	pass  decimal.Decimal // the probability that the closing gets past it
	known bool            // pass is known

	trigger, test         parties.Truth // a consent's trigger holds; its test is the consent
	trig, clear           decimal.Decimal
	trigKnown, clearKnown bool
	decision              regulator.Decision // for a gate that clears
	mitigations           []string
}

// truth reports whether the closing gets past f: Holds for certain, Fails
// (blocked) for certain, or Open. A factor that applies for certain passes
// as its test does; one that may apply passes for certain only where its
// test holds.
func (f *factor) truth() parties.Truth {
	switch {
	case f.trigger == parties.Holds:
		return f.test
	case f.test == parties.Holds:
		return parties.Holds
	}
	return parties.Open
}

// resolution is one way a factor can resolve on a raw path.
type resolution struct {
	pass    bool // the closing may go on
	applies bool // the gate applies (a consent always does)
	prob    decimal.Decimal
	known   bool
}

// resolutions returns the ways f can resolve, in a fixed order: for a gate
// whose trigger is open, first the one where it does not apply; then the
// clearance (or consent), then the block (or refusal).
func (f *factor) resolutions() []resolution {
	var out []resolution
	t, tk := one, true
	if f.trigger == parties.Open {
		t, tk = f.trig, f.trigKnown
		out = append(out, resolution{pass: true, prob: one.Sub(t), known: tk})
	}
	switch f.test {
	case parties.Holds:
		out = append(out, resolution{pass: true, applies: true, prob: t, known: tk})
	case parties.Fails:
		out = append(out, resolution{applies: true, prob: t, known: tk})
	default:
		out = append(out,
			resolution{pass: true, applies: true, prob: t.Mul(f.clear), known: tk && f.clearKnown},
			resolution{applies: true, prob: t.Mul(one.Sub(f.clear)), known: tk && f.clearKnown})
	}
	return out
}

// steps describes resolution r of f.
func (f *factor) steps(r resolution) []Step {
	if f.kind == "consent" {
		v := "consents"
		if !r.pass {
			v = "refuses"
		}
		return []Step{{Kind: "consent", ID: f.id, Value: v, Text: f.text, Open: f.test == parties.Open}}
	}
	if !r.applies {
		return []Step{{Kind: "trigger", ID: f.id, Value: "does not apply", Text: f.text, Open: true}}
	}
	var out []Step
	if f.trigger == parties.Open {
		out = append(out, Step{Kind: "trigger", ID: f.id, Value: "applies", Text: f.text, Open: true})
	}
	v := f.decision.String()
	if !r.pass {
		v = regulator.Block.String()
	}
	return append(out, Step{Kind: "decision", ID: f.id, Value: v, Text: f.text, Open: f.test == parties.Open})
}

// reason is the blocking fact of a factor that fails for certain.
func (f *factor) reason(proposal string) Reason {
	if f.kind == "consent" {
		return Reason{Kind: PositionReason, Party: parties.ID(f.id), Proposal: proposal, Text: f.text}
	}
	return Reason{Kind: GateReason, Gate: f.id, Proposal: proposal, Text: f.text}
}

// comboEval is the evaluation of one combination of a proposal's terms.
type comboEval struct {
	factors []factor
	close   parties.Truth // whether the closing's consents and clearances all pass
	q       decimal.Decimal
	qKnown  bool
	// lo and hi bound the closing date over the paths on which it closes:
	// lo counts only the gates that apply for certain, hi every gate that
	// may apply and clear. lo does not depend on whether the gates clear.
	lo, hi time.Time
}

// analysis holds what one run of Analyze computes once for every
// combination.
type analysis struct {
	positions map[parties.ID][]int // positions in force, by party
}

func (s *Scenario) prepare() *analysis {
	a := &analysis{positions: map[parties.ID][]int{}}
	for i, p := range s.s.Positions {
		if p.inForce(s.s.AsOf) {
			a.positions[p.Party] = append(a.positions[p.Party], i)
		}
	}
	return a
}

// Analyze computes, for every outcome of the scenario, whether it is
// possible, a witness path and its dates, the reasons it is impossible, and
// its probability where likelihoods are given. It honours ctx: a cancelled
// analysis returns the partial result so far with ctx's error. Analyze may
// use all cores; its result does not depend on how many.
func (s *Scenario) Analyze(ctx context.Context, opts *Options) (*Result, error) {
	if s.err != nil {
		return nil, s.err
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// A job is a group of combinations of one proposal that share a
	// post-deal register, which the worker derives (or takes) once; the
	// budget keeps the first combinations in that order.
	type job struct {
		i, g   int
		combos []int
	}
	var jobs []job
	budget, total := o.Budget, 0
	for i := range s.s.Proposals {
		for g, cs := range s.groups[i] {
			total += len(cs)
			if o.Budget > 0 {
				if budget <= 0 {
					continue
				}
				cs = cs[:min(len(cs), budget)]
				budget -= len(cs)
			}
			jobs = append(jobs, job{i, g, cs})
		}
	}
	var stopErr error
	if o.Budget > 0 && total > o.Budget {
		stopErr = fmt.Errorf("%w: evaluated %d of %d combinations", ErrBudget, o.Budget, total)
	}
	evals := make([][]*comboEval, len(s.s.Proposals))
	for i := range evals {
		evals[i] = make([]*comboEval, len(s.combos[i]))
	}
	a := s.prepare()
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(workers, max(1, len(jobs))) {
		wg.Go(func() {
			for {
				n := int(next.Add(1)) - 1
				if n >= len(jobs) || failed.Load() || ctx.Err() != nil {
					return
				}
				jb := jobs[n]
				post, err := s.post(jb.i, jb.g)
				// One world per post-deal register: its look-through
				// answers serve every combination of terms on it.
				var base *regulator.World
				if err == nil {
					p := &s.s.Proposals[jb.i]
					base = regulator.NewWorld(regulator.Facts{Register: post, Target: p.Target, Acquirers: p.Acquirers, AsOf: s.s.AsOf})
				}
				for _, j := range jb.combos {
					if err != nil || ctx.Err() != nil {
						break
					}
					evals[jb.i][j], err = s.evalCombo(a, jb.i, j, base)
				}
				if err != nil {
					errs[n] = err
					failed.Store(true)
					return
				}
			}
		})
	}
	wg.Wait()
	// The error of the first failing group, whatever the workers.
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		stopErr = err
	}
	r := s.aggregate(evals)
	r.Partial = stopErr != nil
	return r, stopErr
}

// filed returns proposal p's filing date.
func (s *Scenario) filed(p *Proposal) time.Time {
	if !p.Filed.IsZero() {
		return civil.Date(p.Filed)
	}
	return s.s.AsOf
}

// evalCombo evaluates the consents and clearances of combination j of
// proposal i, and the closing window.
func (s *Scenario) evalCombo(a *analysis, i, j int, base *regulator.World) (*comboEval, error) {
	p := &s.s.Proposals[i]
	c := &s.combos[i][j]
	w := base.WithTerms(c.terms)
	ev := &comboEval{close: parties.Holds, q: one, qKnown: true}
	consents := p.consents()
	ev.factors = make([]factor, 0, len(consents)+len(s.s.Gates))
	add := func(f factor) {
		ev.factors = append(ev.factors, f)
		ev.close = ev.close.And(f.truth())
		if f.known {
			ev.q = ev.q.Mul(f.pass)
		} else {
			ev.qKnown = false
		}
	}
	for _, party := range consents {
		add(s.consent(a, w, p, party))
	}
	// Review windows: gates run in parallel from the filing date unless one
	// waits for another; the deal closes when its last clearance lands.
	type window struct {
		lo, hi         time.Time
		timed, certain bool
		done           bool
	}
	wins := make([]window, len(s.s.Gates))
	for gi, g := range s.s.Gates {
		as := g.Assess(w)
		if as.Applies == parties.Fails {
			continue
		}
		add(s.gateFactor(g, as, p))
		// A gate that may apply but cannot clear is on no path where the
		// deal closes, unless its test is relaxed; one that applies for
		// certain always counts.
		wins[gi] = window{timed: as.Applies == parties.Holds || as.Test.Truth != parties.Fails, certain: as.Applies == parties.Holds}
	}
	if ev.close == parties.Fails {
		ev.q, ev.qKnown = decimal.Zero, true
	}
	filed := s.filed(p)
	var settle func(gi, depth int) error
	settle = func(gi, depth int) error {
		win := &wins[gi]
		if win.done {
			return nil
		}
		if depth > len(s.s.Gates) {
			return &SpecError{Path: "gates", ID: s.s.Gates[gi].ID(), Err: ErrCycle}
		}
		startLo, startHi := filed, filed
		for _, dep := range s.waits[gi] {
			dw := &wins[dep]
			if !dw.timed {
				continue
			}
			if err := settle(dep, depth+1); err != nil {
				return err
			}
			if dw.certain && dw.lo.After(startLo) {
				startLo = dw.lo
			}
			if dw.hi.After(startHi) {
				startHi = dw.hi
			}
		}
		lo, _, err := s.timing.window(gi, startLo)
		if err != nil {
			return err
		}
		_, hi, err := s.timing.window(gi, startHi)
		if err != nil {
			return err
		}
		win.lo, win.hi, win.done = lo, hi, true
		return nil
	}
	ev.lo, ev.hi = filed, filed
	for gi := range s.s.Gates {
		win := &wins[gi]
		if !win.timed {
			continue
		}
		if err := settle(gi, 0); err != nil {
			return nil, err
		}
		if win.certain && win.lo.After(ev.lo) {
			ev.lo = win.lo
		}
		if win.hi.After(ev.hi) {
			ev.hi = win.hi
		}
	}
	// A deal pending on the as-of date cannot close before it.
	if ev.lo.Before(s.s.AsOf) {
		ev.lo = s.s.AsOf
	}
	if ev.hi.Before(s.s.AsOf) {
		ev.hi = s.s.AsOf
	}
	return ev, nil
}

// consent evaluates party's consent to proposal p in world w.
func (s *Scenario) consent(a *analysis, w *regulator.World, p *Proposal, party parties.ID) factor {
	f := factor{kind: "consent", id: string(party), trigger: parties.Holds, test: parties.Holds}
	pos := a.positions[party]
	texts := make([]string, 0, len(pos))
	for _, k := range pos {
		acc := s.s.Positions[k].Accepts
		if acc == nil {
			texts = append(texts, string(party)+" accepts")
			continue
		}
		e := acc.Eval(w)
		f.test = f.test.And(e.Truth)
		texts = append(texts, e.Text)
	}
	name := partyName(w.Register(), party)
	switch {
	case len(pos) == 0:
		f.test = parties.Open
		f.text = name + " has stated no position on " + p.ID
	case f.test == parties.Fails:
		f.text = name + " refuses " + p.ID + ": " + strings.Join(texts, "; ")
	case f.test == parties.Holds:
		f.text = name + " accepts " + p.ID + ": " + strings.Join(texts, "; ")
	default:
		f.text = name + " may accept " + p.ID + ": " + strings.Join(texts, "; ")
	}
	switch f.test {
	case parties.Holds:
		f.pass, f.known = one, true
	case parties.Fails:
		f.pass, f.known = decimal.Zero, true
	default:
		f.clear, f.clearKnown = lookup(s.s.Likelihoods.Consent, string(party), p.ID)
		f.pass, f.known = f.clear, f.clearKnown
	}
	return f
}

// gateFactor turns gate g's assessment into a factor of the closing.
func (s *Scenario) gateFactor(g regulator.Gate, a regulator.Assessment, p *Proposal) factor {
	f := factor{kind: "gate", id: g.ID(), text: a.Text, trigger: a.Applies, test: a.Test.Truth, mitigations: a.Mitigations, decision: regulator.Clear}
	if len(a.Mitigations) > 0 {
		f.decision = regulator.ClearWithMitigations
	}
	if f.test == parties.Open {
		f.clear, f.clearKnown = lookup(s.s.Likelihoods.Clearance, g.ID(), p.ID)
	}
	if f.trigger == parties.Open {
		f.trig, f.trigKnown = lookup(s.s.Likelihoods.Trigger, g.ID(), p.ID)
	}
	// P(pass) = P(not triggered) + P(triggered) × P(clear).
	switch f.truth() {
	case parties.Holds:
		f.pass, f.known = one, true
	case parties.Fails:
		f.pass, f.known = decimal.Zero, true
	default:
		f.pass, f.known = decimal.Zero, true
		for _, r := range f.resolutions() {
			if r.pass {
				f.pass = f.pass.Add(r.prob)
				f.known = f.known && r.known
			}
		}
	}
	return f
}

func partyName(reg *parties.Register, id parties.ID) string {
	if p, ok := reg.Party(id); ok {
		return p.String()
	}
	return string(id)
}

// windowCache memoizes the review windows of the scenario's gates by gate
// and start date: the combinations of a proposal mostly share them.
type windowCache struct {
	gates []regulator.Timeline
	ids   []string
	mu    sync.RWMutex
	m     map[windowKey]windowVal
}

type windowKey struct {
	gate  int
	start int64 // Unix seconds of the start date
}

type windowVal struct {
	lo, hi time.Time
	err    error
}

func newWindowCache(gs []regulator.Gate) *windowCache {
	c := &windowCache{m: map[windowKey]windowVal{}}
	for _, g := range gs {
		c.gates = append(c.gates, g.Timeline())
		c.ids = append(c.ids, g.ID())
	}
	return c
}

// window returns the earliest and latest decision of gate gi for a review
// started on start.
func (c *windowCache) window(gi int, start time.Time) (time.Time, time.Time, error) {
	k := windowKey{gi, start.Unix()}
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v.lo, v.hi, v.err
	}
	v.lo, v.hi, v.err = c.gates[gi].Window(start)
	if v.err != nil {
		v.err = fmt.Errorf("deal: gate %q: review from %s: %w", c.ids[gi], start.Format(time.DateOnly), v.err)
	}
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
	return v.lo, v.hi, v.err
}
