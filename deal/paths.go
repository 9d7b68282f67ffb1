package deal

import (
	"iter"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// Path is one raw path through a scenario: a choice of proposal and terms,
// a resolution of every open consent and clearance, a deadline state, and
// the outcome they lead to.
type Path struct {
	// Steps are the choices and decisions along the path.
	Steps []Step
	// Outcome is the ID of the outcome the path reaches.
	Outcome string
	// Probability is the path's probability, nil where a likelihood is
	// missing.
	Probability *decimal.Decimal
}

// Paths streams every raw path of the analysed combinations, one at a time:
// the product of every open choice, which can be astronomically large, so
// stop early by returning false from the loop. Memory does not grow with the
// number of paths.
func (r *Result) Paths() iter.Seq[Path] {
	return func(yield func(Path) bool) {
		s := r.sc
		states := s.states()
		for i := range s.s.Proposals {
			p := &s.s.Proposals[i]
			pp, ppKnown := one, true
			if len(s.s.Proposals) > 1 {
				pp, ppKnown = s.s.Likelihoods.Proposals[p.ID]
			}
			for j, ev := range r.evals[i] {
				if ev == nil {
					continue
				}
				c := &s.combos[i][j]
				if !s.pathsOf(p, c, ev, states, pp, ppKnown && dimsKnown(p), yield) {
					return
				}
			}
		}
	}
}

// pathsOf yields the paths of one combination; it reports false if the
// consumer stopped.
func (s *Scenario) pathsOf(p *Proposal, c *combo, ev *comboEval, states []dstate, pp decimal.Decimal, known bool, yield func(Path) bool) bool {
	var open []int // factors whose outcome is open
	for fi, f := range ev.factors {
		if f.truth == parties.Open {
			open = append(open, fi)
		}
	}
	pass := make([]bool, len(open))
	for {
		// One resolution of the open factors: pass[k] for open[k].
		prob := pp.Mul(c.prob)
		pknown := known
		closes := ev.close != parties.Fails
		var steps []Step
		steps = append(steps, Step{Kind: "proposal", ID: p.ID, Value: "pursued"})
		for di, d := range p.Dimensions {
			steps = append(steps, Step{Kind: "term", ID: d.Term, Value: d.Values[c.choice[di]].String()})
		}
		k := 0
		for fi, f := range ev.factors {
			ok := f.truth != parties.Fails
			if k < len(open) && open[k] == fi {
				ok = pass[k]
				k++
				if !f.known {
					pknown = false
				} else if ok {
					prob = prob.Mul(f.pass)
				} else {
					prob = prob.Mul(one.Sub(f.pass))
				}
			}
			closes = closes && ok
			steps = append(steps, Step{Kind: f.kind, ID: f.id, Value: map[bool]string{true: "passes", false: "fails"}[ok], Text: f.text})
		}
		for si := range states {
			st := &states[si]
			sp := prob.Mul(st.prob)
			sk := pknown && st.known
			d := st.first()
			outcome := StatusQuo
			switch {
			case d >= 0 && (!closes || ev.lo.After(st.eff[d])):
				outcome = s.s.Threats[d].Outcome
			case closes:
				outcome = p.ID
			}
			straddle := closes && d >= 0 && !ev.lo.After(st.eff[d]) && ev.hi.After(st.eff[d])
			emit := func(outcome, timing string, w decimal.Decimal) bool {
				path := Path{Steps: append(steps[:len(steps):len(steps)], s.stateSteps(st)...), Outcome: outcome}
				if timing != "" {
					path.Steps = append(path.Steps, Step{Kind: "timing", ID: p.ID, Value: timing})
				}
				if sk {
					v := w
					path.Probability = &v
				}
				return yield(path)
			}
			if straddle {
				tm, ok := lookup(s.s.Likelihoods.Timely, s.s.Threats[d].Deadline.ID(), p.ID)
				if !ok {
					sk = false
				}
				if !emit(p.ID, "on time", sp.Mul(tm)) || !emit(s.s.Threats[d].Outcome, "late", sp.Mul(one.Sub(tm))) {
					return false
				}
				continue
			}
			if !emit(outcome, "", sp) {
				return false
			}
		}
		// Next resolution.
		n := len(pass) - 1
		for n >= 0 && pass[n] {
			pass[n] = false
			n--
		}
		if n < 0 {
			return true
		}
		pass[n] = true
	}
}

// stateSteps describes a deadline state.
func (s *Scenario) stateSteps(st *dstate) []Step {
	var steps []Step
	for k, th := range s.s.Threats {
		v := st.eff[k].Format(time.DateOnly)
		kind := "deadline"
		if st.enjoined[k] {
			kind, v = "injunction", "enjoined"
		} else if st.extended[k] && th.Deadline.Extendable() == parties.Open {
			kind = "extension"
		}
		steps = append(steps, Step{Kind: kind, ID: th.Deadline.ID(), Value: v})
	}
	return steps
}
