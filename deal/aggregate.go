package deal

import (
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// dopt is one way a deadline can turn out: enjoined, or in force on its
// date or on its extended date.
type dopt struct {
	enjoined, extended bool
	eff                time.Time
	prob               decimal.Decimal
	known              bool
}

// deadlineOptions returns, per threat, the ways its deadline can turn out:
// in force on its date unless the extension is certain, then on its extended
// date where it may be extended, then enjoined where it is enjoinable. The
// order makes witnesses assume no more than they need: a deadline is taken
// as in force on its date unless a path needs it moved or stopped.
func (s *Scenario) deadlineOptions() [][]dopt {
	out := make([][]dopt, len(s.s.Threats))
	for i, t := range s.s.Threats {
		d := t.Deadline
		inj, injKnown := decimal.Zero, true
		if d.Enjoinable() {
			inj, injKnown = lookup(s.s.Likelihoods.Injunction, d.ID(), "")
		}
		notInj := one.Sub(inj)
		switch d.Extendable() {
		case parties.Fails:
			out[i] = append(out[i], dopt{eff: d.Date(), prob: notInj, known: injKnown})
		case parties.Holds:
			out[i] = append(out[i], dopt{extended: true, eff: d.Latest(), prob: notInj, known: injKnown})
		default:
			ext, extKnown := lookup(s.s.Likelihoods.Extension, d.ID(), "")
			out[i] = append(out[i],
				dopt{eff: d.Date(), prob: notInj.Mul(one.Sub(ext)), known: injKnown && extKnown},
				dopt{extended: true, eff: d.Latest(), prob: notInj.Mul(ext), known: injKnown && extKnown})
		}
		if d.Enjoinable() {
			out[i] = append(out[i], dopt{enjoined: true, eff: d.Date(), prob: inj, known: injKnown})
		}
	}
	return out
}

// precedes reports whether deadline e turning out as x takes effect before
// deadline d in force on eff: earlier, or on the same day and listed first.
func precedes(e int, x dopt, d int, eff time.Time) bool {
	return !x.enjoined && (x.eff.Before(eff) || x.eff.Equal(eff) && e < d)
}

// group is the set of deadline states in which the same deadline takes
// effect first, on the same date (d < 0: none takes effect, every one is
// enjoined). A closing's fate depends on the deadline states only through
// their group, so the engine weighs groups rather than states.
type group struct {
	d     int
	eff   time.Time
	prob  decimal.Decimal
	known bool
	count *big.Int // the number of deadline states in the group
	rep   []int    // one state of the group: an option index per threat
}

// groups returns the non-empty groups of deadline states: for each threat
// and each way it can be in force, then the one where all are enjoined.
func groups(opts [][]dopt) []group {
	var out []group
	build := func(d int, eff time.Time, allowed func(e int, x dopt) bool) (group, bool) {
		g := group{d: d, eff: eff, prob: one, known: true, count: big.NewInt(1), rep: make([]int, len(opts))}
		for e, os := range opts {
			if e == d {
				continue
			}
			sum, n, first := decimal.Zero, int64(0), -1
			known := true
			for k, x := range os {
				if allowed(e, x) {
					sum, n = sum.Add(x.prob), n+1
					known = known && x.known
					if first < 0 {
						first = k
					}
				}
			}
			if n == 0 {
				return group{}, false
			}
			g.prob, g.known = g.prob.Mul(sum), g.known && known
			g.count.Mul(g.count, big.NewInt(n))
			g.rep[e] = first
		}
		return g, true
	}
	for d, os := range opts {
		for k, x := range os {
			if x.enjoined {
				continue
			}
			g, ok := build(d, x.eff, func(e int, y dopt) bool { return !precedes(e, y, d, x.eff) })
			if ok {
				g.prob, g.known = g.prob.Mul(x.prob), g.known && x.known
				g.rep[d] = k
				out = append(out, g)
			}
		}
	}
	if g, ok := build(-1, time.Time{}, func(_ int, y dopt) bool { return y.enjoined }); ok {
		out = append(out, g)
	}
	return out
}

// tally accumulates one outcome's figures over the branches that reach it.
type tally struct {
	Outcome
	prob    decimal.Decimal
	witness *branch
}

// mode says how a branch resolves the closing of its proposal.
type mode int8

const (
	fails  mode = iota // some consent or clearance fails, or none is pursued
	closes             // every consent and clearance passes, in time
	late               // every one passes, but too late for the deadline
)

// branch locates one branch of the analysis: proposal i, combination j,
// deadline group g, and how the closing resolves.
type branch struct {
	i, j, g int
	mode    mode
}

func (t *tally) reach(b branch, earliest, latest time.Time) {
	if !t.Possible {
		t.Possible, t.Earliest, t.Latest = true, earliest, latest
		bb := b
		t.witness = &bb
		return
	}
	if !earliest.IsZero() && earliest.Before(t.Earliest) {
		t.Earliest = earliest
	}
	if latest.After(t.Latest) {
		t.Latest = latest
	}
}

// aggregate combines the evaluations of every combination with every
// group of deadline states into the outcomes.
func (s *Scenario) aggregate(evals [][]*comboEval) *Result {
	opts := s.deadlineOptions()
	gs := groups(opts)
	r := &Result{Scenario: s.s.Name, AsOf: s.s.AsOf, sc: s, evals: evals, opts: opts, groups: gs}
	var tallies []*tally
	byID := map[string]*tally{}
	get := func(id string, kind OutcomeKind) *tally {
		if t, ok := byID[id]; ok {
			return t
		}
		t := &tally{Outcome: Outcome{ID: id, Kind: kind}, prob: decimal.Zero}
		byID[id] = t
		tallies = append(tallies, t)
		return t
	}
	for _, p := range s.s.Proposals {
		get(p.ID, Closing)
	}
	for _, t := range s.s.Threats {
		get(t.Outcome, Consequence)
	}
	sq := get(StatusQuo, Nothing)

	// Without any likelihood only possibility and dates are reported, even
	// where every event happens to be certain.
	known := s.hasLikelihoods()
	for _, g := range gs {
		known = known && g.known
	}
	nProp := len(s.s.Proposals)
	// noClosing adds prob, on branch b, to the outcome that comes about
	// where no proposal closes: the consequence of the group's first
	// deadline, or the status quo (whose group has no date).
	noClosing := func(b branch, prob decimal.Decimal) {
		g := &gs[b.g]
		t := sq
		if g.d >= 0 {
			t = byID[s.s.Threats[g.d].Outcome]
		}
		t.reach(b, g.eff, g.eff)
		t.prob = t.prob.Add(prob)
	}

	if nProp == 0 {
		// No proposal on the table: only the deadlines decide.
		for k := range gs {
			noClosing(branch{i: -1, g: k}, gs[k].prob)
		}
	}
	for i := range s.s.Proposals {
		p := &s.s.Proposals[i]
		pt := byID[p.ID]
		pp := one
		if nProp > 1 {
			v, ok := s.s.Likelihoods.Proposals[p.ID]
			pp, known = v, known && ok
		}
		if !dimsKnown(p) {
			known = false
		}
		for j, ev := range evals[i] {
			if ev == nil {
				continue // not evaluated (budget or cancellation)
			}
			r.Combinations++
			known = known && ev.qKnown
			base := pp.Mul(s.combos[i][j].prob)
			q := ev.q
			for k := range gs {
				g := &gs[k]
				w := base.Mul(g.prob)
				switch {
				case ev.close == parties.Fails:
					noClosing(branch{i: i, j: j, g: k}, w)
				case g.d < 0 || !ev.hi.After(g.eff):
					// Closes in time on every path that closes at all.
					pt.reach(branch{i: i, j: j, g: k, mode: closes}, ev.lo, ev.hi)
					pt.prob = pt.prob.Add(w.Mul(q))
					if ev.close != parties.Holds {
						noClosing(branch{i: i, j: j, g: k}, w.Mul(one.Sub(q)))
					}
				case ev.lo.After(g.eff):
					noClosing(branch{i: i, j: j, g: k, mode: late}, w)
				default:
					// The closing window straddles the deadline.
					pt.reach(branch{i: i, j: j, g: k, mode: closes}, ev.lo, g.eff)
					tm, ok := lookup(s.s.Likelihoods.Timely, s.s.Threats[g.d].Deadline.ID(), p.ID)
					known = known && ok
					pt.prob = pt.prob.Add(w.Mul(q).Mul(tm))
					noClosing(branch{i: i, j: j, g: k, mode: late}, w.Mul(q.Mul(one.Sub(tm)).Add(one.Sub(q))))
				}
			}
		}
	}
	s.explainImpossible(tallies, evals)
	for _, t := range tallies {
		o := t.Outcome
		if known {
			pr := t.prob
			o.Probability = &pr
		}
		if t.witness != nil {
			o.Witness, o.Mitigations = s.witness(r, *t.witness)
		}
		r.Outcomes = append(r.Outcomes, o)
	}
	return r
}

// dimsKnown reports whether every open dimension of p with several values
// has likelihoods.
func dimsKnown(p *Proposal) bool {
	for _, d := range p.Dimensions {
		if len(d.Values) > 1 && d.Likelihoods == nil {
			return false
		}
	}
	return true
}

func appendReason(rs []Reason, r ...Reason) []Reason {
	for _, x := range r {
		if !slices.Contains(rs, x) {
			rs = append(rs, x)
		}
	}
	return rs
}

// lateReason explains why proposal p cannot close before deadline d.
func (s *Scenario) lateReason(p *Proposal, ev *comboEval, d int) Reason {
	dl := s.s.Threats[d].Deadline
	text := fmt.Sprintf("%s cannot close before %s: its clearances land on %s at the earliest, but %s takes effect on %s",
		p.ID, dl.Name(), ev.lo.Format(time.DateOnly), dl.Name(), dl.Date().Format(time.DateOnly))
	if dl.Extendable() != parties.Fails {
		text += fmt.Sprintf(" (%s with the extension)", dl.Latest().Format(time.DateOnly))
	}
	if !dl.Enjoinable() {
		text += " and cannot be enjoined"
	}
	return Reason{Kind: DeadlineReason, Deadline: dl.ID(), Proposal: p.ID, Text: text}
}

// certainReason says that combination j of proposal i closes for certain,
// landing by ev.hi.
func (s *Scenario) certainReason(i, j int, ev *comboEval) Reason {
	p := &s.s.Proposals[i]
	with := ""
	if len(p.Dimensions) > 0 {
		with = " with " + s.combos[i][j].terms.String()
	}
	return Reason{Kind: ClosingReason, Proposal: p.ID,
		Text: fmt.Sprintf("%s closes for certain once pursued%s: every consent and clearance it needs is certain, landing by %s", p.ID, with, ev.hi.Format(time.DateOnly))}
}

// explainImpossible fills the reasons of every impossible outcome, and a
// smallest set of them that, relaxed together, would make it possible. A
// relaxed position or gate becomes open, a relaxed deadline may be enjoined,
// and a relaxed closing is no longer certain.
func (s *Scenario) explainImpossible(tallies []*tally, evals [][]*comboEval) {
	ts := s.s.Threats
	var nonEnj []int // deadlines that cannot be enjoined
	for d, t := range ts {
		if !t.Deadline.Enjoinable() {
			nonEnj = append(nonEnj, d)
		}
	}
	type ref struct {
		i, j int
		ev   *comboEval
	}
	var all []ref
	for i := range evals {
		for j, ev := range evals[i] {
			if ev != nil {
				all = append(all, ref{i, j, ev})
			}
		}
	}
	nProp := len(s.s.Proposals)
	for _, t := range tallies {
		if t.Possible {
			continue
		}
		switch t.Kind {
		case Closing:
			// A combination closes on some path once its failing consents
			// and clearances are relaxed and, if every deadline it cannot
			// meet is certain to take effect, those may be enjoined.
			for _, c := range all {
				p := &s.s.Proposals[c.i]
				if p.ID != t.ID {
					continue
				}
				var need []Reason
				for k := range c.ev.factors {
					if f := &c.ev.factors[k]; f.truth() == parties.Fails {
						need = appendReason(need, f.reason(p.ID))
					}
				}
				for _, d := range nonEnj {
					if ts[d].Deadline.Latest().Before(c.ev.lo) {
						need = appendReason(need, s.lateReason(p, c.ev, d))
					}
				}
				t.Reasons = appendReason(t.Reasons, need...)
				if len(need) > 0 && (t.Relax == nil || len(need) < len(t.Relax)) {
					t.Relax = need
				}
			}
		case Consequence:
			// The consequence of deadline d in force on eff comes about
			// once the deadlines certain to take effect before it may be
			// enjoined, if then some combination may fail or be late.
			for d, th := range ts {
				if th.Outcome != t.ID {
					continue
				}
				dl := th.Deadline
				var effs []time.Time
				if dl.Extendable() != parties.Holds {
					effs = append(effs, dl.Date())
				}
				if dl.Extendable() != parties.Fails {
					effs = append(effs, dl.Latest())
				}
				for _, eff := range effs {
					var need []Reason
					for _, e := range nonEnj {
						if e != d && precedes(e, dopt{eff: ts[e].Deadline.Latest()}, d, eff) {
							need = append(need, s.shadowReason(e, d, eff))
						}
					}
					var certain []Reason
					cert := nProp > 0
					for _, c := range all {
						if c.ev.close != parties.Holds || c.ev.hi.After(eff) {
							cert = false
							break
						}
						certain = appendReason(certain, s.certainReason(c.i, c.j, c.ev))
					}
					if nProp > 0 && len(all) == 0 {
						continue // nothing evaluated
					}
					t.Reasons = appendReason(t.Reasons, need...)
					if cert {
						t.Reasons = appendReason(t.Reasons, certain...)
						need = append(need, certain[0])
					}
					if len(need) > 0 && (t.Relax == nil || len(need) < len(t.Relax)) {
						t.Relax = need
					}
				}
			}
		case Nothing:
			// The status quo comes about once every deadline may be
			// enjoined, if then some combination may fail.
			var need []Reason
			for _, d := range nonEnj {
				need = append(need, Reason{Kind: DeadlineReason, Deadline: ts[d].Deadline.ID(),
					Text: fmt.Sprintf("%s cannot be enjoined: %s", ts[d].Deadline.Name(), ts[d].Deadline)})
			}
			t.Reasons = slices.Clone(need)
			allCertain := nProp > 0 && len(all) > 0
			var certain []Reason
			for _, c := range all {
				if c.ev.close == parties.Holds {
					certain = appendReason(certain, s.certainReason(c.i, c.j, c.ev))
				} else {
					allCertain = false
				}
			}
			t.Reasons = appendReason(t.Reasons, certain...)
			if allCertain {
				need = append(need, certain[0])
			}
			t.Relax = need
		}
	}
}

// shadowReason says that deadline e, which cannot be enjoined, takes effect
// before deadline d in force on eff.
func (s *Scenario) shadowReason(e, d int, eff time.Time) Reason {
	de, dd := s.s.Threats[e].Deadline, s.s.Threats[d].Deadline
	return Reason{Kind: DeadlineReason, Deadline: de.ID(),
		Text: fmt.Sprintf("%s takes effect by %s and cannot be enjoined, before %s can on %s: its consequence comes first",
			de.Name(), de.Latest().Format(time.DateOnly), dd.Name(), eff.Format(time.DateOnly))}
}

// choose picks, for each factor of ev, the resolution a branch in mode m
// takes: for a closing, the passing ones with the fewest gates applying (so
// that it can close on lo); for a late closing, the passing ones with the
// most (so that it can close on hi); for a failure, the certain failures
// or else the first factor that may fail.
func choose(ev *comboEval, m mode) []resolution {
	out := make([]resolution, len(ev.factors))
	failed := ev.close == parties.Fails
	for k := range ev.factors {
		rs := ev.factors[k].resolutions()
		pick := -1
		if m == fails && !failed {
			for x, r := range rs {
				if !r.pass {
					pick, failed = x, true
					break
				}
			}
		}
		if pick < 0 {
			for x, r := range rs {
				if r.pass && (pick < 0 || m == late) {
					pick = x
				}
			}
		}
		if pick < 0 {
			pick = 0 // fails for certain
		}
		out[k] = rs[pick]
	}
	return out
}

// witness builds the steps of branch b.
func (s *Scenario) witness(r *Result, b branch) ([]Step, []string) {
	var steps []Step
	var mitig []string
	if b.i >= 0 {
		p := &s.s.Proposals[b.i]
		ev := r.evals[b.i][b.j]
		steps = s.choiceSteps(b.i, b.j)
		for k, res := range choose(ev, b.mode) {
			f := &ev.factors[k]
			steps = append(steps, f.steps(res)...)
			if b.mode == closes && res.pass && res.applies {
				mitig = union(mitig, f.mitigations)
			}
		}
		g := &r.groups[b.g]
		switch b.mode {
		case closes:
			hi := ev.hi
			if g.d >= 0 && hi.After(g.eff) {
				hi = g.eff
			}
			steps = append(steps, Step{Kind: "closing", ID: p.ID, Value: ev.lo.Format(time.DateOnly),
				Text: fmt.Sprintf("the last clearance lands between %s and %s", ev.lo.Format(time.DateOnly), hi.Format(time.DateOnly))})
		case late:
			lo := ev.lo
			if !lo.After(g.eff) {
				lo = g.eff.AddDate(0, 0, 1)
			}
			steps = append(steps, Step{Kind: "timing", ID: p.ID, Value: "late",
				Text: fmt.Sprintf("the last clearance lands between %s and %s, after the deadline", lo.Format(time.DateOnly), ev.hi.Format(time.DateOnly)),
				Open: !ev.lo.After(g.eff)})
		}
	}
	steps = append(steps, s.stateSteps(r.opts, r.groups[b.g].rep)...)
	return steps, mitig
}

// choiceSteps returns the steps that pursue proposal i and give its open
// terms the values of combination j.
func (s *Scenario) choiceSteps(i, j int) []Step {
	p := &s.s.Proposals[i]
	c := &s.combos[i][j]
	steps := make([]Step, 0, 1+len(p.Dimensions))
	steps = append(steps, Step{Kind: "proposal", ID: p.ID, Value: "pursued", Text: p.Name, Open: len(s.s.Proposals) > 1})
	for di, d := range p.Dimensions {
		steps = append(steps, Step{Kind: "term", ID: d.Term, Value: d.Values[c.choice[di]].String(), Open: len(d.Values) > 1})
	}
	return steps
}

// stateSteps describes a deadline state: an option index per threat.
func (s *Scenario) stateSteps(opts [][]dopt, state []int) []Step {
	steps := make([]Step, 0, len(state))
	for k, th := range s.s.Threats {
		d := th.Deadline
		x := opts[k][state[k]]
		switch {
		case x.enjoined:
			steps = append(steps, Step{Kind: "injunction", ID: d.ID(), Value: "enjoined", Text: d.String(), Open: true})
		case x.extended && d.Extendable() == parties.Open:
			steps = append(steps, Step{Kind: "extension", ID: d.ID(), Value: x.eff.Format(time.DateOnly), Text: d.String(), Open: true})
		default:
			steps = append(steps, Step{Kind: "deadline", ID: d.ID(), Value: x.eff.Format(time.DateOnly), Text: d.String(),
				Open: d.Enjoinable() || d.Extendable() == parties.Open})
		}
	}
	return steps
}

func union(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// hasLikelihoods reports whether the scenario gives any likelihood at all.
func (s *Scenario) hasLikelihoods() bool {
	l := s.s.Likelihoods
	if len(l.Proposals)+len(l.Consent)+len(l.Clearance)+len(l.Trigger)+len(l.Injunction)+len(l.Extension)+len(l.Timely) > 0 {
		return true
	}
	for _, p := range s.s.Proposals {
		for _, d := range p.Dimensions {
			if d.Likelihoods != nil {
				return true
			}
		}
	}
	return false
}
