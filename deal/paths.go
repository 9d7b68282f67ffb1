package deal

import (
	"iter"
	"math/big"

	"github.com/shopspring/decimal"
)

// Path is one raw path through a scenario: a choice of proposal and terms,
// a resolution of every consent and triggered gate, a deadline state, and
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
// the product of every open choice (each open consent, each open trigger
// and each open clearance test, each deadline's injunction and extension,
// and whether a closing whose review window straddles a deadline lands
// before it), which can be astronomically large, so stop early by returning
// false from the loop; [Result.PathCount] says how many there are. Memory
// does not grow with the number of paths. Every path reaches an outcome the
// result calls possible, and where likelihoods are complete the paths'
// probabilities add up to 1 (for a complete analysis).
func (r *Result) Paths() iter.Seq[Path] {
	return func(yield func(Path) bool) {
		s := r.sc
		if s == nil {
			return
		}
		likely := s.hasLikelihoods()
		if len(s.s.Proposals) == 0 {
			s.eachState(r.opts, func(state []int) bool {
				prob, known, d := s.stateOf(r.opts, state)
				outcome := StatusQuo
				if d >= 0 {
					outcome = s.s.Threats[d].Outcome
				}
				path := Path{Steps: s.stateSteps(r.opts, state), Outcome: outcome}
				if known && likely {
					path.Probability = &prob
				}
				return yield(path)
			})
			return
		}
		for i := range s.s.Proposals {
			p := &s.s.Proposals[i]
			pp, ppKnown := one, true
			if len(s.s.Proposals) > 1 {
				pp, ppKnown = s.s.Likelihoods.Proposals[p.ID]
			}
			known := ppKnown && dimsKnown(p) && likely
			for j, ev := range r.evals[i] {
				if ev == nil {
					continue
				}
				if !s.pathsOf(r, i, j, pp, known, yield) {
					return
				}
			}
		}
	}
}

// eachState calls f with every deadline state, an option index per threat,
// until f returns false; it reports whether it went through all of them.
// The slice is reused between calls.
func (s *Scenario) eachState(opts [][]dopt, f func(state []int) bool) bool {
	state := make([]int, len(opts))
	for {
		if !f(state) {
			return false
		}
		k := len(state) - 1
		for k >= 0 {
			state[k]++
			if state[k] < len(opts[k]) {
				break
			}
			state[k] = 0
			k--
		}
		if k < 0 {
			return true
		}
	}
}

// stateOf returns the probability of a deadline state, whether it is known,
// and the deadline that takes effect first (-1 if none).
func (s *Scenario) stateOf(opts [][]dopt, state []int) (decimal.Decimal, bool, int) {
	prob, known, d := one, true, -1
	for e, k := range state {
		x := opts[e][k]
		prob, known = prob.Mul(x.prob), known && x.known
		if !x.enjoined && (d < 0 || x.eff.Before(opts[d][state[d]].eff)) {
			d = e
		}
	}
	return prob, known, d
}

// pathsOf yields the paths of combination j of proposal i; it reports false
// if the consumer stopped.
func (s *Scenario) pathsOf(r *Result, i, j int, pp decimal.Decimal, known bool, yield func(Path) bool) bool {
	p := &s.s.Proposals[i]
	c := &s.combos[i][j]
	ev := r.evals[i][j]
	res := make([][]resolution, len(ev.factors))
	for k := range ev.factors {
		res[k] = ev.factors[k].resolutions()
	}
	head := s.choiceSteps(i, j)
	pick := make([]int, len(res))
	for {
		// One resolution of every factor: res[k][pick[k]].
		prob := pp.Mul(c.prob)
		pknown := known
		closes := true
		steps := head[:len(head):len(head)]
		for k, x := range pick {
			rs := res[k][x]
			prob, pknown = prob.Mul(rs.prob), pknown && rs.known
			closes = closes && rs.pass
			steps = append(steps, ev.factors[k].steps(rs)...)
		}
		ok := s.eachState(r.opts, func(state []int) bool {
			sp, sk, d := s.stateOf(r.opts, state)
			sp, sk = prob.Mul(sp), pknown && sk
			emit := func(outcome, timing string, w decimal.Decimal, wk bool) bool {
				path := Path{Steps: append(steps[:len(steps):len(steps)], s.stateSteps(r.opts, state)...), Outcome: outcome}
				if timing != "" {
					path.Steps = append(path.Steps, Step{Kind: "timing", ID: p.ID, Value: timing, Open: true})
				}
				if wk {
					v := w
					path.Probability = &v
				}
				return yield(path)
			}
			if d < 0 {
				if closes {
					return emit(p.ID, "", sp, sk)
				}
				return emit(StatusQuo, "", sp, sk)
			}
			eff := r.opts[d][state[d]].eff
			threat := s.s.Threats[d].Outcome
			switch {
			case !closes:
				return emit(threat, "", sp, sk)
			case !ev.hi.After(eff):
				return emit(p.ID, "", sp, sk)
			case ev.lo.After(eff):
				return emit(threat, "late", sp, sk)
			}
			tm, tk := lookup(s.s.Likelihoods.Timely, s.s.Threats[d].Deadline.ID(), p.ID)
			return emit(p.ID, "on time", sp.Mul(tm), sk && tk) &&
				emit(threat, "late", sp.Mul(one.Sub(tm)), sk && tk)
		})
		if !ok {
			return false
		}
		// Next resolution, last factor fastest.
		k := len(pick) - 1
		for k >= 0 {
			pick[k]++
			if pick[k] < len(res[k]) {
				break
			}
			pick[k] = 0
			k--
		}
		if k < 0 {
			return true
		}
	}
}

// PathCount returns the number of raw paths [Result.Paths] streams,
// computed without enumerating them.
func (r *Result) PathCount() *big.Int {
	n := new(big.Int)
	s := r.sc
	if s == nil {
		return n
	}
	states := big.NewInt(1)
	for _, os := range r.opts {
		states.Mul(states, big.NewInt(int64(len(os))))
	}
	if len(s.s.Proposals) == 0 {
		return n.Set(states)
	}
	for i := range r.evals {
		for _, ev := range r.evals[i] {
			if ev == nil {
				continue
			}
			all, pass := big.NewInt(1), big.NewInt(1)
			for k := range ev.factors {
				np := int64(0)
				rs := ev.factors[k].resolutions()
				for _, x := range rs {
					if x.pass {
						np++
					}
				}
				all.Mul(all, big.NewInt(int64(len(rs))))
				pass.Mul(pass, big.NewInt(np))
			}
			// Every resolution meets every deadline state once; a closing
			// whose window straddles the first deadline meets it twice.
			n.Add(n, all.Mul(all, states))
			straddle := new(big.Int)
			for _, g := range r.groups {
				if g.d >= 0 && !ev.lo.After(g.eff) && ev.hi.After(g.eff) {
					straddle.Add(straddle, g.count)
				}
			}
			n.Add(n, pass.Mul(pass, straddle))
		}
	}
	return n
}
