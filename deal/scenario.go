package deal

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
)

// StatusQuo is the ID of the outcome in which no proposal closes and no
// deadline's consequence applies (every one is enjoined, or there is none).
const StatusQuo = "status-quo"

// Threat is a deadline hanging over the deal and the outcome its consequence
// brings about if no proposal closes first.
type Threat struct {
	// Deadline is the dated order or statute.
	Deadline regulator.Deadline
	// Outcome is the ID of the outcome in which its consequence applies
	// ("us-ban"); several deadlines may share one. A proposal that closes on
	// or before the deadline's date (extended, if it is) averts it.
	Outcome string
}

// Likelihoods are the probabilities of the open events of a scenario, as
// exact decimals in [0, 1]. Keys name a party, gate or deadline, optionally
// narrowed to one proposal as "ID/proposal" (which takes precedence). An open
// event with no likelihood leaves the outcomes' probabilities unknown; the
// result then reports possibility and dates only.
type Likelihoods struct {
	// Proposals are the probabilities that each proposal is the one pursued;
	// they must add up to 1. With a single proposal it may be omitted.
	Proposals map[string]decimal.Decimal
	// Consent is the probability that a party whose consent is open
	// consents.
	Consent map[string]decimal.Decimal
	// Clearance is the probability that a gate whose test is open clears.
	Clearance map[string]decimal.Decimal
	// Trigger is the probability that a gate whose trigger is open applies.
	Trigger map[string]decimal.Decimal
	// Injunction is the probability that a court enjoins an enjoinable
	// deadline.
	Injunction map[string]decimal.Decimal
	// Extension is the probability that a possible extension of a deadline
	// is granted.
	Extension map[string]decimal.Decimal
	// Timely is the probability that a proposal which can close either
	// before or after a deadline (depending on how long its reviews take)
	// closes before it, keyed "deadline/proposal" or "deadline".
	Timely map[string]decimal.Decimal
}

func (l Likelihoods) clone() Likelihoods {
	c := func(m map[string]decimal.Decimal) map[string]decimal.Decimal {
		if m == nil {
			return nil
		}
		out := make(map[string]decimal.Decimal, len(m))
		for k, v := range m {
			out[k] = v
		}
		return out
	}
	return Likelihoods{c(l.Proposals), c(l.Consent), c(l.Clearance), c(l.Trigger), c(l.Injunction), c(l.Extension), c(l.Timely)}
}

// lookup returns the probability for id narrowed to proposal, or for id.
func lookup(m map[string]decimal.Decimal, id, proposal string) (decimal.Decimal, bool) {
	if v, ok := m[id+"/"+proposal]; ok {
		return v, true
	}
	v, ok := m[id]
	return v, ok
}

// Spec describes a scenario for [New].
type Spec struct {
	// Name names the scenario.
	Name string
	// Register is the world before any deal.
	Register *parties.Register
	// Gates are the approval requirements that may apply.
	Gates []regulator.Gate
	// Threats are the deadlines hanging over the deal.
	Threats []Threat
	// Positions are the parties' positions.
	Positions []Position
	// Proposals are the transactions on the table; at most one closes.
	Proposals []Proposal
	// Likelihoods are the probabilities of open events, if known.
	Likelihoods Likelihoods
	// AsOf is the date the scenario is evaluated at.
	AsOf time.Time
}

// Scenario is a validated, immutable deal scenario. It is safe for
// concurrent use; deriving a changed scenario ([Scenario.WithAsOf] and the
// like) leaves it untouched.
type Scenario struct {
	s      Spec
	combos [][]combo // per proposal: every combination of its open terms
}

// combo is one combination of a proposal's open terms, with its post-deal
// world.
type combo struct {
	choice []int // index of the chosen value of each dimension
	terms  regulator.Terms
	post   *parties.Register
	prob   decimal.Decimal // product of the dimension likelihoods, if given
}

// New validates spec and returns the scenario. It reports every problem at
// once, each a [*SpecError] naming the thing at fault: unknown parties, gates
// or proposals, duplicate IDs, a proposal that would leave a subject more
// than 100% owned, a term value of the wrong type, a probability outside
// [0, 1], open choices whose probabilities do not add up to 1.
func New(spec Spec) (*Scenario, error) {
	spec = cloneSpec(spec)
	var errs []error
	report := func(path, id string, err error) { errs = append(errs, &SpecError{Path: path, ID: id, Err: err}) }
	if spec.Register == nil {
		report("register", "", fmt.Errorf("%w: register", ErrMissing))
		return nil, errors.Join(errs...)
	}
	spec.AsOf = dateOnly(spec.AsOf)
	known := func(id parties.ID) bool { _, ok := spec.Register.Party(id); return ok }

	gates := map[string]bool{}
	for i, g := range spec.Gates {
		path := fmt.Sprintf("gates[%d]", i)
		if gates[g.ID()] {
			report(path, g.ID(), ErrDuplicate)
		}
		gates[g.ID()] = true
		if err := g.Validate(spec.Register); err != nil {
			report(path, g.ID(), err)
		}
	}
	for i, g := range spec.Gates {
		for _, w := range g.WaitsFor() {
			if !gates[w] {
				report(fmt.Sprintf("gates[%d].waits_for", i), g.ID(), fmt.Errorf("%w: %q", ErrUnknownGate, w))
			}
		}
	}
	proposals := map[string]bool{}
	for i, p := range spec.Proposals {
		path := fmt.Sprintf("proposals[%d]", i)
		switch {
		case p.ID == "":
			report(path+".id", p.Name, fmt.Errorf("%w: proposal ID", ErrMissing))
		case proposals[p.ID] || p.ID == StatusQuo:
			report(path+".id", p.ID, ErrDuplicate)
		}
		proposals[p.ID] = true
	}
	deadlines := map[string]bool{}
	for i, t := range spec.Threats {
		path := fmt.Sprintf("threats[%d]", i)
		if deadlines[t.Deadline.ID()] {
			report(path, t.Deadline.ID(), ErrDuplicate)
		}
		deadlines[t.Deadline.ID()] = true
		switch {
		case t.Outcome == "":
			report(path+".outcome", t.Deadline.ID(), fmt.Errorf("%w: outcome ID", ErrMissing))
		case proposals[t.Outcome] || t.Outcome == StatusQuo:
			report(path+".outcome", t.Outcome, fmt.Errorf("%w: outcome %q is also a proposal or the status quo", ErrDuplicate, t.Outcome))
		}
	}
	for i, p := range spec.Positions {
		if !known(p.Party) {
			report(fmt.Sprintf("positions[%d].party", i), string(p.Party), ErrUnknownParty)
		}
	}
	sc := &Scenario{s: spec, combos: make([][]combo, len(spec.Proposals))}
	for i := range spec.Proposals {
		p := &spec.Proposals[i]
		path := fmt.Sprintf("proposals[%d]", i)
		if !known(p.Target) && !formed(p, p.Target) {
			report(path+".target", p.ID, fmt.Errorf("%w: %q", ErrUnknownParty, p.Target))
		}
		for _, id := range append(slices.Clone(p.Acquirers), p.Consents...) {
			if !known(id) && !formed(p, id) {
				report(path, p.ID, fmt.Errorf("%w: %q", ErrUnknownParty, id))
			}
		}
		for j, m := range p.Moves {
			for _, id := range m.parties() {
				if id != "" && !known(id) && !formed(p, id) {
					report(fmt.Sprintf("%s.moves[%d]", path, j), p.ID, fmt.Errorf("%w: %q", ErrUnknownParty, id))
				}
			}
		}
		cs, err := expand(spec.Register, p, path)
		if err != nil {
			errs = append(errs, err)
		}
		sc.combos[i] = cs
	}
	errs = append(errs, checkLikelihoods(&spec, proposals, gates, deadlines)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return sc, nil
}

// formed reports whether proposal p forms party id.
func formed(p *Proposal, id parties.ID) bool {
	for _, m := range p.Moves {
		if f, ok := m.(Form); ok && f.Party.ID == id {
			return true
		}
	}
	return false
}

// expand validates p's dimensions and returns every combination of its open
// terms with its post-deal register.
func expand(reg *parties.Register, p *Proposal, path string) ([]combo, error) {
	var errs []error
	report := func(sub string, err error) { errs = append(errs, &SpecError{Path: path + sub, ID: p.ID, Err: err}) }
	for i, d := range p.Dimensions {
		sub := fmt.Sprintf(".dimensions[%d]", i)
		if d.Term == "" {
			report(sub+".term", fmt.Errorf("%w: term name", ErrMissing))
		}
		if len(d.Values) == 0 {
			report(sub+".values", fmt.Errorf("%w: no candidate values for %q", ErrMissing, d.Term))
		}
		for j, v := range d.Values {
			if v.Kind() != d.Values[0].Kind() {
				report(fmt.Sprintf("%s.values[%d]", sub, j), fmt.Errorf("%w: %q mixes %s and %s values", ErrTermType, d.Term, d.Values[0].Kind(), v.Kind()))
			}
		}
		if d.Likelihoods != nil {
			if len(d.Likelihoods) != len(d.Values) {
				report(sub+".likelihoods", fmt.Errorf("%w: %d likelihoods for %d values", ErrProbabilitySum, len(d.Likelihoods), len(d.Values)))
			} else if err := checkDistribution(d.Likelihoods); err != nil {
				report(sub+".likelihoods", err)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	n := 1
	for _, d := range p.Dimensions {
		n *= len(d.Values)
	}
	out := make([]combo, 0, n)
	choice := make([]int, len(p.Dimensions))
	for {
		t := regulator.NewTerms(p.Terms)
		prob := decimal.NewFromInt(1)
		for i, d := range p.Dimensions {
			t = t.With(d.Term, d.Values[choice[i]])
			if d.Likelihoods != nil {
				prob = prob.Mul(d.Likelihoods[choice[i]])
			}
		}
		post, err := p.apply(reg, t)
		if err != nil {
			report(".moves", fmt.Errorf("with %s: %w", t, err))
		}
		out = append(out, combo{choice: slices.Clone(choice), terms: t, post: post, prob: prob})
		// Next combination, last dimension fastest.
		k := len(choice) - 1
		for k >= 0 {
			choice[k]++
			if choice[k] < len(p.Dimensions[k].Values) {
				break
			}
			choice[k] = 0
			k--
		}
		if k < 0 {
			break
		}
	}
	return out, errors.Join(errs...)
}

var one = decimal.NewFromInt(1)

func checkProbability(p decimal.Decimal) error {
	if p.Sign() < 0 || p.GreaterThan(one) {
		return fmt.Errorf("%w: %s", ErrProbability, p)
	}
	return nil
}

func checkDistribution(ps []decimal.Decimal) error {
	sum := decimal.Zero
	for _, p := range ps {
		if err := checkProbability(p); err != nil {
			return err
		}
		sum = sum.Add(p)
	}
	if !sum.Equal(one) {
		return fmt.Errorf("%w: they add up to %s", ErrProbabilitySum, sum)
	}
	return nil
}

func checkLikelihoods(s *Spec, proposals, gates, deadlines map[string]bool) []error {
	var errs []error
	known := func(id parties.ID) bool { _, ok := s.Register.Party(id); return ok }
	check := func(field string, m map[string]decimal.Decimal, ok func(string) bool) {
		for _, k := range sortedKeys(m) {
			path := fmt.Sprintf("likelihoods.%s[%s]", field, k)
			if err := checkProbability(m[k]); err != nil {
				errs = append(errs, &SpecError{Path: path, ID: k, Err: err})
			}
			id, prop, narrowed := cut(k)
			if !ok(id) || narrowed && !proposals[prop] {
				errs = append(errs, &SpecError{Path: path, ID: k, Err: ErrUnknownEvent})
			}
		}
	}
	isGate := func(id string) bool { return gates[id] }
	isDeadline := func(id string) bool { return deadlines[id] }
	check("consent", s.Likelihoods.Consent, func(id string) bool { return known(parties.ID(id)) })
	check("clearance", s.Likelihoods.Clearance, isGate)
	check("trigger", s.Likelihoods.Trigger, isGate)
	check("injunction", s.Likelihoods.Injunction, isDeadline)
	check("extension", s.Likelihoods.Extension, isDeadline)
	check("timely", s.Likelihoods.Timely, isDeadline)
	if m := s.Likelihoods.Proposals; m != nil {
		var ps []decimal.Decimal
		for _, k := range sortedKeys(m) {
			if !proposals[k] {
				errs = append(errs, &SpecError{Path: "likelihoods.proposals[" + k + "]", ID: k, Err: ErrUnknownProposal})
			}
			ps = append(ps, m[k])
		}
		if len(m) != len(s.Proposals) {
			errs = append(errs, &SpecError{Path: "likelihoods.proposals", Err: fmt.Errorf("%w: %d of %d proposals have one", ErrProbabilitySum, len(m), len(s.Proposals))})
		} else if err := checkDistribution(ps); err != nil {
			errs = append(errs, &SpecError{Path: "likelihoods.proposals", Err: err})
		}
	}
	return errs
}

func cut(k string) (id, proposal string, narrowed bool) {
	for i := len(k) - 1; i >= 0; i-- {
		if k[i] == '/' {
			return k[:i], k[i+1:], true
		}
	}
	return k, "", false
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func cloneSpec(s Spec) Spec {
	s.Gates = slices.Clone(s.Gates)
	s.Threats = slices.Clone(s.Threats)
	s.Positions = slices.Clone(s.Positions)
	s.Proposals = slices.Clone(s.Proposals)
	for i := range s.Proposals {
		s.Proposals[i] = s.Proposals[i].clone()
	}
	s.Likelihoods = s.Likelihoods.clone()
	return s
}

func dateOnly(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Spec returns a copy of the scenario's specification.
func (s *Scenario) Spec() Spec { return cloneSpec(s.s) }

// Name returns the scenario's name.
func (s *Scenario) Name() string { return s.s.Name }

// AsOf returns the scenario's as-of date.
func (s *Scenario) AsOf() time.Time { return s.s.AsOf }

// Register returns the register before any deal.
func (s *Scenario) Register() *parties.Register { return s.s.Register }

// Proposals returns the proposals in order.
func (s *Scenario) Proposals() []Proposal { return cloneSpec(Spec{Proposals: s.s.Proposals}).Proposals }

// Gates returns the gates in order.
func (s *Scenario) Gates() []regulator.Gate { return slices.Clone(s.s.Gates) }

// Threats returns the threats in order.
func (s *Scenario) Threats() []Threat { return cloneSpec(Spec{Threats: s.s.Threats}).Threats }

// PostDeal returns the register after proposal id closes with the open terms
// set as in choice (a term name to value; a missing one takes the
// dimension's first value).
func (s *Scenario) PostDeal(id string, choice map[string]regulator.Value) (*parties.Register, regulator.Terms, error) {
	i := slices.IndexFunc(s.s.Proposals, func(p Proposal) bool { return p.ID == id })
	if i < 0 {
		return nil, regulator.Terms{}, &SpecError{Path: "proposals", ID: id, Err: ErrUnknownProposal}
	}
	p := &s.s.Proposals[i]
	t := regulator.NewTerms(p.Terms)
	for _, d := range p.Dimensions {
		v, ok := choice[d.Term]
		if !ok {
			v = d.Values[0]
		}
		t = t.With(d.Term, v)
	}
	post, err := p.apply(s.s.Register, t)
	return post, t, err
}

// WithAsOf returns a scenario evaluated as of d instead; s is unchanged.
// The post-deal registers do not depend on the date and are shared.
func (s *Scenario) WithAsOf(d time.Time) *Scenario {
	c := &Scenario{s: s.s, combos: s.combos}
	c.s.AsOf = dateOnly(d)
	return c
}

// With returns the scenario obtained by applying change to a copy of its
// specification, for sweeping a parameter (a stake, a position, a gate's
// rule, the date); s is unchanged.
func (s *Scenario) With(change func(*Spec)) (*Scenario, error) {
	spec := s.Spec()
	change(&spec)
	return New(spec)
}
