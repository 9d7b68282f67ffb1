package deal

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
)

// Options configures [Scenario.Analyze]. A nil *Options means the defaults.
type Options struct {
	// Budget is the most proposal-and-terms combinations to evaluate; zero
	// means no limit. An analysis that runs out returns the partial result
	// and an error wrapping [ErrBudget].
	Budget int
	// Workers is the number of goroutines evaluating combinations; zero
	// means GOMAXPROCS.
	Workers int
}

// factor is one consent or clearance a closing needs.
type factor struct {
	kind        string // "consent" or "gate"
	id          string
	truth       parties.Truth // Holds: passes for certain; Fails: blocks for certain
	pass        decimal.Decimal
	known       bool // pass is known
	text        string
	decision    regulator.Decision // for a gate that clears
	trigger     parties.Truth      // for a gate
	test        parties.Truth      // for a gate
	mitigations []string
}

// comboEval is the evaluation of one combination of a proposal's terms.
type comboEval struct {
	factors  []factor
	blockers []Reason
	close    parties.Truth // whether the closing's consents and clearances all pass
	q        decimal.Decimal
	qKnown   bool
	lo, hi   time.Time // closing window where it closes
	mitig    []string
}

// dstate is one combination of the deadlines' open events.
type dstate struct {
	enjoined, extended []bool
	eff                []time.Time
	prob               decimal.Decimal
	known              bool
}

// first returns the index of the earliest deadline not enjoined, or -1.
func (d *dstate) first() int {
	k := -1
	for i, e := range d.eff {
		if !d.enjoined[i] && (k < 0 || e.Before(d.eff[k])) {
			k = i
		}
	}
	return k
}

// Analyze computes, for every outcome of the scenario, whether it is
// possible, a witness path and its dates, the reasons it is impossible, and
// its probability where likelihoods are given. It honours ctx: a cancelled
// analysis returns the partial result so far with ctx's error. Analyze may
// use all cores; its result does not depend on how many.
func (s *Scenario) Analyze(ctx context.Context, opts *Options) (*Result, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct{ i, j int }
	var jobs []job
	for i := range s.s.Proposals {
		for j := range s.combos[i] {
			jobs = append(jobs, job{i, j})
		}
	}
	var stopErr error
	if o.Budget > 0 && len(jobs) > o.Budget {
		jobs = jobs[:o.Budget]
		stopErr = fmt.Errorf("%w: evaluated %d of %d combinations", ErrBudget, o.Budget, s.countCombos())
	}
	evals := make([][]*comboEval, len(s.s.Proposals))
	for i := range evals {
		evals[i] = make([]*comboEval, len(s.combos[i]))
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var errMu sync.Mutex
	var firstErr error
	for range min(workers, max(1, len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := int(next.Add(1)) - 1
				if n >= len(jobs) || ctx.Err() != nil {
					return
				}
				jb := jobs[n]
				ev, err := s.evalCombo(jb.i, jb.j)
				if err != nil {
					errMu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					errMu.Unlock()
					return
				}
				evals[jb.i][jb.j] = ev
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		stopErr = err
	}
	r := s.aggregate(evals)
	r.Partial = stopErr != nil
	return r, stopErr
}

func (s *Scenario) countCombos() int {
	n := 0
	for _, c := range s.combos {
		n += len(c)
	}
	return n
}

// filed returns proposal p's filing date.
func (s *Scenario) filed(p *Proposal) time.Time {
	if !p.Filed.IsZero() {
		return dateOnly(p.Filed)
	}
	return s.s.AsOf
}

// evalCombo evaluates the consents and clearances of combination j of
// proposal i, and the closing window.
func (s *Scenario) evalCombo(i, j int) (*comboEval, error) {
	p := &s.s.Proposals[i]
	c := &s.combos[i][j]
	w := regulator.NewWorld(regulator.Facts{Register: c.post, Target: p.Target, Acquirers: p.Acquirers, Terms: c.terms, AsOf: s.s.AsOf})
	ev := &comboEval{close: parties.Holds, q: one, qKnown: true}
	add := func(f factor, r Reason) {
		ev.factors = append(ev.factors, f)
		ev.close = ev.close.And(f.truth)
		if f.truth == parties.Fails {
			ev.blockers = append(ev.blockers, r)
		}
		if f.known {
			ev.q = ev.q.Mul(f.pass)
		} else {
			ev.qKnown = false
		}
	}
	for _, party := range p.consents() {
		f := s.consent(w, p, party)
		add(f, Reason{Kind: PositionReason, Party: party, Proposal: p.ID, Text: f.text})
	}
	type window struct {
		lo, hi         time.Time
		certain, maybe bool
	}
	windows := map[string]*window{}
	for _, g := range s.s.Gates {
		a := g.Assess(w)
		if a.Applies == parties.Fails {
			continue
		}
		f := s.gateFactor(g, a, p)
		add(f, Reason{Kind: GateReason, Gate: g.ID(), Proposal: p.ID, Text: a.Text})
		windows[g.ID()] = &window{certain: a.Applies == parties.Holds, maybe: true}
		if f.truth != parties.Fails {
			ev.mitig = union(ev.mitig, f.mitigations)
		}
	}
	if ev.close == parties.Fails {
		ev.q, ev.qKnown = decimal.Zero, true
		return ev, nil
	}
	// Closing window: gates run in parallel from the filing date unless one
	// waits for another; the deal closes when its last clearance lands.
	filed := s.filed(p)
	ev.lo, ev.hi = filed, filed
	byID := map[string]regulator.Gate{}
	for _, g := range s.s.Gates {
		byID[g.ID()] = g
	}
	done := map[string]bool{}
	var settle func(id string, depth int) error
	settle = func(id string, depth int) error {
		if done[id] {
			return nil
		}
		if depth > len(s.s.Gates) {
			return &SpecError{Path: "gates", ID: id, Err: fmt.Errorf("%w: gate waits for itself", ErrUnknownGate)}
		}
		g := byID[id]
		win := windows[id]
		startLo, startHi := filed, filed
		for _, dep := range g.WaitsFor() {
			dw := windows[dep]
			if dw == nil {
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
		lo, _, err := g.Timeline().Window(startLo)
		if err != nil {
			return fmt.Errorf("deal: gate %q: %w", id, err)
		}
		_, hi, err := g.Timeline().Window(startHi)
		if err != nil {
			return fmt.Errorf("deal: gate %q: %w", id, err)
		}
		win.lo, win.hi = lo, hi
		done[id] = true
		return nil
	}
	for _, g := range s.s.Gates {
		win := windows[g.ID()]
		if win == nil {
			continue
		}
		if err := settle(g.ID(), 0); err != nil {
			return nil, err
		}
		if win.certain && win.lo.After(ev.lo) {
			ev.lo = win.lo
		}
		if win.hi.After(ev.hi) {
			ev.hi = win.hi
		}
	}
	return ev, nil
}

// consent evaluates party's consent to proposal p in world w.
func (s *Scenario) consent(w *regulator.World, p *Proposal, party parties.ID) factor {
	f := factor{kind: "consent", id: string(party), truth: parties.Holds}
	var texts []string
	n := 0
	for _, pos := range s.s.Positions {
		if pos.Party != party || !pos.inForce(s.s.AsOf) {
			continue
		}
		n++
		if pos.Accepts == nil {
			texts = append(texts, string(party)+" accepts")
			continue
		}
		e := pos.Accepts.Eval(w)
		f.truth = f.truth.And(e.Truth)
		texts = append(texts, e.Text)
	}
	name := partyName(w.Register(), party)
	switch {
	case n == 0:
		f.truth = parties.Open
		f.text = fmt.Sprintf("%s has stated no position on %s", name, p.ID)
	case f.truth == parties.Fails:
		f.text = fmt.Sprintf("%s refuses %s: %s", name, p.ID, joinTexts(texts))
	case f.truth == parties.Holds:
		f.text = fmt.Sprintf("%s accepts %s: %s", name, p.ID, joinTexts(texts))
	default:
		f.text = fmt.Sprintf("%s may accept %s: %s", name, p.ID, joinTexts(texts))
	}
	switch f.truth {
	case parties.Holds:
		f.pass, f.known = one, true
	case parties.Fails:
		f.pass, f.known = decimal.Zero, true
	default:
		f.pass, f.known = lookup(s.s.Likelihoods.Consent, string(party), p.ID)
	}
	return f
}

// gateFactor turns gate g's assessment into a factor of the closing.
func (s *Scenario) gateFactor(g regulator.Gate, a regulator.Assessment, p *Proposal) factor {
	f := factor{kind: "gate", id: g.ID(), text: a.Text, trigger: a.Applies, test: a.Test.Truth, mitigations: a.Mitigations, decision: regulator.Clear}
	if len(a.Mitigations) > 0 {
		f.decision = regulator.ClearWithMitigations
	}
	clear, clearKnown := decimal.Zero, true
	switch a.Test.Truth {
	case parties.Holds:
		clear = one
	case parties.Open:
		clear, clearKnown = lookup(s.s.Likelihoods.Clearance, g.ID(), p.ID)
	}
	trig, trigKnown := one, true
	if a.Applies == parties.Open {
		trig, trigKnown = lookup(s.s.Likelihoods.Trigger, g.ID(), p.ID)
	}
	switch {
	case a.Applies == parties.Holds:
		f.truth = a.Test.Truth
	case a.Test.Truth == parties.Holds:
		f.truth = parties.Holds
	default:
		f.truth = parties.Open
	}
	// P(pass) = P(not triggered) + P(triggered) × P(clear).
	f.known = clearKnown && trigKnown
	if f.truth == parties.Holds {
		f.pass, f.known = one, true
	} else if f.known {
		f.pass = one.Sub(trig).Add(trig.Mul(clear))
	}
	return f
}

func partyName(reg *parties.Register, id parties.ID) string {
	if p, ok := reg.Party(id); ok {
		return p.String()
	}
	return string(id)
}

func joinTexts(ts []string) string {
	out := ""
	for i, t := range ts {
		if i > 0 {
			out += "; "
		}
		out += t
	}
	return out
}

func union(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// states enumerates every combination of the deadlines' open events:
// injunction where a deadline is enjoinable, extension where one is possible.
func (s *Scenario) states() []dstate {
	ts := s.s.Threats
	out := []dstate{{prob: one, known: true}}
	for _, t := range ts {
		d := t.Deadline
		type opt struct {
			enjoined, extended bool
			eff                time.Time
			prob               decimal.Decimal
			known              bool
		}
		var opts []opt
		inj, injKnown := decimal.Zero, true
		if d.Enjoinable() {
			inj, injKnown = lookup(s.s.Likelihoods.Injunction, d.ID(), "")
		}
		ext, extKnown := decimal.Zero, true
		switch d.Extendable() {
		case parties.Holds:
			ext = one
		case parties.Open:
			ext, extKnown = lookup(s.s.Likelihoods.Extension, d.ID(), "")
		}
		notInj := one.Sub(inj)
		if d.Enjoinable() {
			opts = append(opts, opt{enjoined: true, eff: d.Date(), prob: inj, known: injKnown})
		}
		switch d.Extendable() {
		case parties.Fails:
			opts = append(opts, opt{eff: d.Date(), prob: notInj, known: injKnown})
		case parties.Holds:
			opts = append(opts, opt{extended: true, eff: d.Latest(), prob: notInj, known: injKnown})
		default:
			opts = append(opts,
				opt{eff: d.Date(), prob: notInj.Mul(one.Sub(ext)), known: injKnown && extKnown},
				opt{extended: true, eff: d.Latest(), prob: notInj.Mul(ext), known: injKnown && extKnown})
		}
		var next []dstate
		for _, st := range out {
			for _, op := range opts {
				n := dstate{
					enjoined: append(slices.Clone(st.enjoined), op.enjoined),
					extended: append(slices.Clone(st.extended), op.extended),
					eff:      append(slices.Clone(st.eff), op.eff),
					prob:     st.prob.Mul(op.prob),
					known:    st.known && op.known,
				}
				next = append(next, n)
			}
		}
		out = next
	}
	return out
}
