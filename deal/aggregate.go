package deal

import (
	"fmt"
	"slices"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// tally accumulates one outcome's figures over the branches that reach it.
type tally struct {
	Outcome
	prob    decimal.Decimal
	witness *branch
	// For impossible closings: the blocking facts of each combination.
	blockSets [][]Reason
}

// branch locates one branch of the analysis: proposal i, combination j,
// deadline state k, and how the closing resolves.
type branch struct {
	i, j, k int
	closes  bool // the proposal closes on this branch
	late    bool // it could close but a deadline comes first
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
// deadline state into the outcomes.
func (s *Scenario) aggregate(evals [][]*comboEval) *Result {
	r := &Result{Scenario: s.s.Name, AsOf: s.s.AsOf, sc: s, evals: evals}
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

	states := s.states()
	known := true
	for _, st := range states {
		known = known && st.known
	}
	nProp := len(s.s.Proposals)
	propProb := func(i int) decimal.Decimal {
		if nProp == 1 {
			return one
		}
		v, ok := s.s.Likelihoods.Proposals[s.s.Proposals[i].ID]
		if !ok {
			known = false
		}
		return v
	}
	consequence := func(st *dstate, k int) *tally { return byID[s.s.Threats[k].Outcome] }

	if nProp == 0 {
		// No proposal on the table: only the deadlines decide.
		for k := range states {
			st := &states[k]
			b := branch{i: -1, k: k}
			if d := st.first(); d >= 0 {
				t := consequence(st, d)
				t.reach(b, st.eff[d], st.eff[d])
				t.prob = t.prob.Add(st.prob)
			} else {
				sq.reach(b, time.Time{}, time.Time{})
				sq.prob = sq.prob.Add(st.prob)
			}
		}
	}
	for i := range s.s.Proposals {
		p := &s.s.Proposals[i]
		pt := byID[p.ID]
		pp := propProb(i)
		for j, ev := range evals[i] {
			if ev == nil {
				continue // not evaluated (budget or cancellation)
			}
			r.Combinations++
			c := &s.combos[i][j]
			cp := c.prob
			if !dimsKnown(p) {
				known = false
			}
			if !ev.qKnown {
				known = false
			}
			var deadlineBlocks []Reason
			closable := false
			for k := range states {
				st := &states[k]
				w := pp.Mul(cp).Mul(st.prob)
				d := st.first()
				if ev.close == parties.Fails {
					if d >= 0 {
						t := consequence(st, d)
						t.reach(branch{i: i, j: j, k: k}, st.eff[d], st.eff[d])
						t.prob = t.prob.Add(w)
					} else {
						sq.reach(branch{i: i, j: j, k: k}, time.Time{}, time.Time{})
						sq.prob = sq.prob.Add(w)
					}
					continue
				}
				q := ev.q
				if d < 0 {
					pt.reach(branch{i: i, j: j, k: k, closes: true}, ev.lo, ev.hi)
					closable = true
					pt.prob = pt.prob.Add(w.Mul(q))
					if ev.close != parties.Holds {
						sq.reach(branch{i: i, j: j, k: k}, time.Time{}, time.Time{})
						sq.prob = sq.prob.Add(w.Mul(one.Sub(q)))
					}
					continue
				}
				e := st.eff[d]
				t := consequence(st, d)
				switch {
				case ev.lo.After(e):
					t.reach(branch{i: i, j: j, k: k, late: true}, e, e)
					t.prob = t.prob.Add(w)
					deadlineBlocks = appendReason(deadlineBlocks, s.lateReason(p, ev, d))
				case !ev.hi.After(e):
					pt.reach(branch{i: i, j: j, k: k, closes: true}, ev.lo, ev.hi)
					closable = true
					pt.prob = pt.prob.Add(w.Mul(q))
					if ev.close != parties.Holds {
						t.reach(branch{i: i, j: j, k: k}, e, e)
						t.prob = t.prob.Add(w.Mul(one.Sub(q)))
					}
				default:
					pt.reach(branch{i: i, j: j, k: k, closes: true}, ev.lo, e)
					closable = true
					t.reach(branch{i: i, j: j, k: k, late: true}, e, e)
					tm, ok := lookup(s.s.Likelihoods.Timely, s.s.Threats[d].Deadline.ID(), p.ID)
					if !ok {
						known = false
					}
					pt.prob = pt.prob.Add(w.Mul(q).Mul(tm))
					t.prob = t.prob.Add(w.Mul(q.Mul(one.Sub(tm)).Add(one.Sub(q))))
				}
			}
			switch {
			case ev.close == parties.Fails:
				pt.blockSets = append(pt.blockSets, ev.blockers)
			case !closable:
				pt.blockSets = append(pt.blockSets, deadlineBlocks)
			}
		}
	}
	s.explainImpossible(tallies, evals, states)
	for _, t := range tallies {
		o := t.Outcome
		if known {
			pr := t.prob
			o.Probability = &pr
		}
		if t.witness != nil {
			o.Witness, o.Mitigations = s.witness(evals, states, t)
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

func appendReason(rs []Reason, r Reason) []Reason {
	if slices.Contains(rs, r) {
		return rs
	}
	return append(rs, r)
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

// explainImpossible fills the reasons of every impossible outcome.
func (s *Scenario) explainImpossible(tallies []*tally, evals [][]*comboEval, states []dstate) {
	// Combinations that close for certain, before every deadline that is
	// not enjoined: they rule out the outcomes where nothing closes.
	var certain []Reason
	for i := range s.s.Proposals {
		p := &s.s.Proposals[i]
		for _, ev := range evals[i] {
			if ev == nil || ev.close != parties.Holds {
				continue
			}
			certain = appendReason(certain, Reason{Kind: ClosingReason, Proposal: p.ID,
				Text: fmt.Sprintf("%s closes for certain once pursued: every consent and clearance it needs is certain, landing by %s", p.ID, ev.hi.Format(time.DateOnly))})
		}
	}
	var unstoppable []Reason
	for _, t := range s.s.Threats {
		if !t.Deadline.Enjoinable() {
			unstoppable = append(unstoppable, Reason{Kind: DeadlineReason, Deadline: t.Deadline.ID(),
				Text: fmt.Sprintf("%s cannot be enjoined: %s", t.Deadline.Name(), t.Deadline)})
		}
	}
	for _, t := range tallies {
		if t.Possible {
			continue
		}
		switch t.Kind {
		case Closing:
			for _, set := range t.blockSets {
				for _, r := range set {
					t.Reasons = appendReason(t.Reasons, r)
				}
				if len(set) > 0 && (t.Relax == nil || len(set) < len(t.Relax)) {
					t.Relax = slices.Clone(set)
				}
			}
		case Consequence:
			t.Reasons = slices.Clone(certain)
			if len(certain) > 0 {
				t.Relax = certain[:1]
			}
		case Nothing:
			t.Reasons = append(slices.Clone(unstoppable), certain...)
			t.Relax = slices.Clone(unstoppable)
			if len(unstoppable) == 0 && len(certain) > 0 {
				t.Relax = certain[:1]
			}
		}
	}
}

// witness builds the steps of the branch that first reached t.
func (s *Scenario) witness(evals [][]*comboEval, states []dstate, t *tally) ([]Step, []string) {
	b := t.witness
	var steps []Step
	var mitig []string
	if b.i >= 0 {
		p := &s.s.Proposals[b.i]
		c := &s.combos[b.i][b.j]
		ev := evals[b.i][b.j]
		steps = append(steps, Step{Kind: "proposal", ID: p.ID, Value: "pursued", Text: p.Name})
		for di, d := range p.Dimensions {
			steps = append(steps, Step{Kind: "term", ID: d.Term, Value: d.Values[c.choice[di]].String()})
		}
		failed := false
		for _, f := range ev.factors {
			st := Step{Kind: f.kind, ID: f.id, Text: f.text}
			pass := f.truth != parties.Fails
			if !b.closes && !b.late && f.truth == parties.Open && !failed {
				pass = false // the first open factor goes the failing way
			}
			if !pass {
				failed = true
			}
			switch f.kind {
			case "consent":
				st.Value = map[bool]string{true: "consents", false: "refuses"}[pass]
			default:
				if f.trigger == parties.Open && !pass {
					st.Kind, st.Value = "trigger", "applies"
					steps = append(steps, st)
					st = Step{Kind: "decision", ID: f.id, Text: f.text}
				}
				if pass {
					st.Value = f.decision.String()
					if b.closes || b.late {
						mitig = union(mitig, f.mitigations)
					}
				} else {
					st.Value = "block"
				}
				st.Kind = "decision"
			}
			steps = append(steps, st)
		}
		if b.closes {
			steps = append(steps, Step{Kind: "closing", ID: p.ID, Value: ev.lo.Format(time.DateOnly),
				Text: fmt.Sprintf("the last clearance lands between %s and %s", ev.lo.Format(time.DateOnly), ev.hi.Format(time.DateOnly))})
		}
		if b.late {
			steps = append(steps, Step{Kind: "timing", ID: p.ID, Value: "late",
				Text: fmt.Sprintf("the clearances land after the deadline (between %s and %s)", ev.lo.Format(time.DateOnly), ev.hi.Format(time.DateOnly))})
		}
	}
	st := &states[b.k]
	for k, th := range s.s.Threats {
		d := th.Deadline
		switch {
		case st.enjoined[k]:
			steps = append(steps, Step{Kind: "injunction", ID: d.ID(), Value: "enjoined", Text: d.String()})
		case st.extended[k] && d.Extendable() == parties.Open:
			steps = append(steps, Step{Kind: "extension", ID: d.ID(), Value: st.eff[k].Format(time.DateOnly), Text: d.String()})
		default:
			steps = append(steps, Step{Kind: "deadline", ID: d.ID(), Value: st.eff[k].Format(time.DateOnly), Text: d.String()})
		}
	}
	return steps, mitig
}
