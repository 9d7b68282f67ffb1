package deal

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/internal/errs"
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
	// or before the deadline's date (extended, if it is) averts it. Of two
	// deadlines taking effect on the same day, the one listed first comes
	// first.
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
	c := maps.Clone[map[string]decimal.Decimal]
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
	// groups lists, per proposal, the combinations that share a post-deal
	// register: those that agree on the terms the moves read.
	groups [][][]int
	// posts holds, per proposal and group, the post-deal register, where
	// the scenario is small enough to keep them (see keepParties); nil
	// where Analyze derives them again.
	posts [][]*parties.Register
	// dated reports whether the register has dated stakes, so that the
	// post-deal registers depend on the as-of date.
	dated bool
	// err is the error deriving the post-deal registers for the as-of date
	// of a scenario made by [Scenario.WithAsOf]; Analyze reports it.
	err error

	waits  [][]int      // per gate: indexes of the gates it waits for
	timing *windowCache // review windows by gate and start date
}

// combo is one combination of a proposal's open terms.
type combo struct {
	choice []int // index of the chosen value of each dimension
	terms  regulator.Terms
	prob   decimal.Decimal // product of the dimension likelihoods, if given
	group  int             // index of its group of combinations sharing a post-deal register
}

// keepParties bounds the post-deal registers a scenario keeps, in parties
// summed over the registers (about a kilobyte each): beyond it, Analyze
// derives each register again when it needs it, so that memory stays
// small whatever the number of combinations.
const keepParties = 1 << 14

// New validates spec and returns the scenario. It reports every problem at
// once, each a [*SpecError] naming the thing at fault: a missing register or
// as-of date, unknown parties, gates or proposals, duplicate IDs, gates that
// wait for each other in a cycle, a proposal that would leave a subject more
// than 100% owned, a term value of the wrong type, a probability outside
// [0, 1], open choices whose probabilities do not add up to 1.
//
// Ownership is taken as of spec.AsOf: a dated stake counts where it holds on
// that date.
func New(spec Spec) (*Scenario, error) {
	spec = cloneSpec(spec)
	var errs []error
	report := func(path, id string, err error) { errs = append(errs, &SpecError{Path: path, ID: id, Err: err}) }
	if spec.Register == nil {
		report("register", "", fmt.Errorf("%w: register", ErrMissing))
		return nil, errors.Join(errs...)
	}
	if spec.AsOf.IsZero() {
		report("as_of", "", fmt.Errorf("%w: as-of date", ErrMissing))
	}
	spec.AsOf = civil.Date(spec.AsOf)
	// Parties formed by a proposal may be named by gates, positions and
	// likelihoods as well as by the proposal itself.
	formedAny := map[parties.ID]bool{}
	for i := range spec.Proposals {
		for _, m := range spec.Proposals[i].Moves {
			if f, ok := m.(Form); ok && f.Party.ID != "" {
				formedAny[f.Party.ID] = true
			}
		}
	}
	known := func(id parties.ID) bool { _, ok := spec.Register.Party(id); return ok || formedAny[id] }

	gates := map[string]bool{}
	for i, g := range spec.Gates {
		path := fmt.Sprintf("gates[%d]", i)
		switch {
		case g.ID() == "":
			report(path, "", fmt.Errorf("%w: gate ID", ErrMissing))
		case gates[g.ID()]:
			report(path, g.ID(), ErrDuplicate)
		}
		gates[g.ID()] = true
		for _, id := range g.Parties() {
			if !known(id) {
				report(path, g.ID(), fmt.Errorf("%w: %q, named by the gate's conditions", ErrUnknownParty, id))
			}
		}
	}
	for i, g := range spec.Gates {
		for _, w := range g.WaitsFor() {
			if !gates[w] {
				report(fmt.Sprintf("gates[%d].waits_for", i), g.ID(), fmt.Errorf("%w: %q", ErrUnknownGate, w))
			}
		}
	}
	if len(errs) == 0 {
		if cyc := waitCycle(spec.Gates); cyc != nil {
			report("gates", cyc[0], fmt.Errorf("%w: %s", ErrCycle, strings.Join(cyc, " waits for ")))
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
		switch {
		case t.Deadline.ID() == "" || t.Deadline.Date().IsZero():
			report(path+".deadline", t.Outcome, fmt.Errorf("%w: deadline (build it with regulator.NewDeadline)", ErrMissing))
		case deadlines[t.Deadline.ID()]:
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
		path := fmt.Sprintf("positions[%d]", i)
		if !known(p.Party) {
			report(path+".party", string(p.Party), ErrUnknownParty)
		}
		for _, err := range checkCondition(p.Accepts, known) {
			report(path+".accepts", string(p.Party), err)
		}
	}
	sc := &Scenario{s: spec, dated: isDated(spec.Register)}
	sc.alloc()
	keep := keepPosts(&spec)
	for i := range spec.Proposals {
		p := &spec.Proposals[i]
		path := fmt.Sprintf("proposals[%d]", i)
		if p.Target == "" {
			report(path+".target", p.ID, fmt.Errorf("%w: target", ErrMissing))
		} else if !known(p.Target) {
			report(path+".target", p.ID, fmt.Errorf("%w: %q", ErrUnknownParty, p.Target))
		}
		for j, id := range p.Acquirers {
			if !known(id) {
				report(fmt.Sprintf("%s.acquirers[%d]", path, j), p.ID, fmt.Errorf("%w: %q", ErrUnknownParty, id))
			}
		}
		for j, id := range p.Consents {
			switch {
			case !known(id):
				report(fmt.Sprintf("%s.consents[%d]", path, j), p.ID, fmt.Errorf("%w: %q", ErrUnknownParty, id))
			case slices.Contains(p.Consents[:j], id):
				report(fmt.Sprintf("%s.consents[%d]", path, j), p.ID, fmt.Errorf("%w: consent of %q listed twice", ErrDuplicate, id))
			}
		}
		badMove := false
		for j, m := range p.Moves {
			if m == nil {
				report(fmt.Sprintf("%s.moves[%d]", path, j), p.ID, fmt.Errorf("%w: move", ErrMissing))
				badMove = true
				continue
			}
			for _, id := range m.parties() {
				if id == "" {
					report(fmt.Sprintf("%s.moves[%d]", path, j), p.ID, fmt.Errorf("%w: party of %s", ErrMissing, m))
					badMove = true
				} else if !known(id) {
					report(fmt.Sprintf("%s.moves[%d]", path, j), p.ID, fmt.Errorf("%w: %q", ErrUnknownParty, id))
					badMove = true
				}
			}
		}
		if badMove {
			// The moves cannot be applied; the dimensions can be checked.
			if err := checkDimensions(p, path); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if err := sc.expand(i, keep, path); err != nil {
			errs = append(errs, err)
		}
	}
	errs = append(errs, checkLikelihoods(&spec, proposals, gates, deadlines, known)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sc.index()
	return sc, nil
}

// index precomputes the gates' lookup tables.
func (s *Scenario) index() {
	byID := make(map[string]int, len(s.s.Gates))
	for i, g := range s.s.Gates {
		byID[g.ID()] = i
	}
	s.waits = make([][]int, len(s.s.Gates))
	for i, g := range s.s.Gates {
		for _, w := range g.WaitsFor() {
			s.waits[i] = append(s.waits[i], byID[w])
		}
	}
	s.timing = newWindowCache(s.s.Gates)
}

// waitCycle returns the IDs along a cycle of gates waiting for each other,
// or nil.
func waitCycle(gs []regulator.Gate) []string {
	byID := map[string]int{}
	for i, g := range gs {
		byID[g.ID()] = i
	}
	state := make([]int8, len(gs)) // 0 new, 1 on the stack, 2 done
	var stack []string
	var cycle []string
	var visit func(i int) bool
	visit = func(i int) bool {
		state[i] = 1
		stack = append(stack, gs[i].ID())
		for _, w := range gs[i].WaitsFor() {
			j, ok := byID[w]
			if !ok {
				continue
			}
			switch state[j] {
			case 1:
				k := slices.Index(stack, w)
				cycle = append(slices.Clone(stack[k:]), w)
				return true
			case 0:
				if visit(j) {
					return true
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[i] = 2
		return false
	}
	for i := range gs {
		if state[i] == 0 && visit(i) {
			return cycle
		}
	}
	return nil
}

// checkCondition validates a position's condition as a gate's would be:
// its structure, and the parties it names.
func checkCondition(c regulator.Condition, known func(parties.ID) bool) []error {
	if c == nil {
		return nil
	}
	var out []error
	if err := regulator.ValidateCondition(c); err != nil {
		out = append(out, errs.Flatten(err)...)
	}
	for _, id := range regulator.ConditionParties(c) {
		if !known(id) {
			out = append(out, fmt.Errorf("%w: %q, named by the position's condition", ErrUnknownParty, id))
		}
	}
	return out
}

// isDated reports whether any stake of reg is dated.
func isDated(reg *parties.Register) bool {
	for s := range reg.Stakes() {
		if !s.From.IsZero() || !s.Until.IsZero() {
			return true
		}
	}
	return false
}

// snapshot returns a builder holding reg's parties and the stakes that hold
// on d, undated, so that the register it builds answers for d.
func snapshot(reg *parties.Register, d time.Time, dated bool) *parties.Builder {
	if !dated {
		return reg.Edit()
	}
	var b parties.Builder
	for p := range reg.Parties() {
		b.AddParty(p)
	}
	for s := range reg.Stakes() {
		if s.ActiveAt(d) {
			s.From, s.Until = time.Time{}, time.Time{}
			b.AddStake(s)
		}
	}
	return &b
}

// alloc makes room for the proposals' combinations.
func (s *Scenario) alloc() {
	n := len(s.s.Proposals)
	s.combos, s.groups, s.posts = make([][]combo, n), make([][][]int, n), make([][]*parties.Register, n)
}

// moveTerms returns the names of the terms p's moves read.
func moveTerms(p *Proposal) map[string]bool {
	out := map[string]bool{}
	add := func(a Amount) {
		if a.term != "" {
			out[a.term] = true
		}
	}
	for _, m := range p.Moves {
		switch m := m.(type) {
		case Transfer:
			add(m.Amount)
		case Issue:
			for _, a := range m.To {
				add(a.Amount)
			}
		case Form:
			for _, a := range m.Holders {
				add(a.Amount)
			}
		}
	}
	return out
}

// keepPosts reports whether the scenario's post-deal registers are few and
// small enough to keep.
func keepPosts(spec *Spec) bool {
	total := 0
	for i := range spec.Proposals {
		p := &spec.Proposals[i]
		read := moveTerms(p)
		n := spec.Register.Len() + len(p.Moves)
		for _, d := range p.Dimensions {
			if read[d.Term] && len(d.Values) > 0 {
				n *= len(d.Values)
			}
			if n > keepParties {
				return false
			}
		}
		if total += n; total > keepParties {
			return false
		}
	}
	return true
}

// checkDimensions validates p's open terms.
func checkDimensions(p *Proposal, path string) error {
	var errs []error
	report := func(sub string, err error) { errs = append(errs, &SpecError{Path: path + sub, ID: p.ID, Err: err}) }
	seen := map[string]bool{}
	for i, d := range p.Dimensions {
		sub := fmt.Sprintf(".dimensions[%d]", i)
		switch {
		case d.Term == "":
			report(sub+".term", fmt.Errorf("%w: term name", ErrMissing))
		case seen[d.Term]:
			report(sub+".term", fmt.Errorf("%w: term %q has two dimensions", ErrDuplicate, d.Term))
		default:
			if _, settled := p.Terms[d.Term]; settled {
				report(sub+".term", fmt.Errorf("%w: term %q is both settled and open", ErrDuplicate, d.Term))
			}
		}
		seen[d.Term] = true
		if len(d.Values) == 0 {
			report(sub+".values", fmt.Errorf("%w: no candidate values for %q", ErrMissing, d.Term))
		}
		for j, v := range d.Values {
			switch {
			case v.IsZero():
				report(fmt.Sprintf("%s.values[%d]", sub, j), fmt.Errorf("%w: value of %q", ErrMissing, d.Term))
			case v.Kind() != d.Values[0].Kind():
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
	return errors.Join(errs...)
}

// expand validates the dimensions of proposal i and lists every
// combination of its open terms; it derives the post-deal register of each
// group of combinations that agree on the terms the moves read (keeping it
// if keep says so), as of the scenario's date.
func (s *Scenario) expand(i int, keep bool, path string) error {
	p := &s.s.Proposals[i]
	if err := checkDimensions(p, path); err != nil {
		return err
	}
	var errs []error
	report := func(sub string, err error) { errs = append(errs, &SpecError{Path: path + sub, ID: p.ID, Err: err}) }
	n := 1
	for _, d := range p.Dimensions {
		n *= len(d.Values)
	}
	read := moveTerms(p)
	out := make([]combo, 0, n)
	var groups [][]int
	var posts []*parties.Register
	byKey := map[string]int{}
	choice := make([]int, len(p.Dimensions))
	var key []byte
	for {
		t := regulator.NewTerms(p.Terms)
		prob := one
		key = key[:0]
		for i, d := range p.Dimensions {
			t = t.With(d.Term, d.Values[choice[i]])
			if d.Likelihoods != nil {
				prob = prob.Mul(d.Likelihoods[choice[i]])
			}
			if read[d.Term] {
				key = fmt.Appendf(key, "%d,", choice[i])
			}
		}
		g, ok := byKey[string(key)]
		if !ok {
			g = len(groups)
			byKey[string(key)] = g
			groups = append(groups, nil)
			post, err := p.apply(snapshot(s.s.Register, s.s.AsOf, s.dated), t)
			if err != nil {
				if len(p.Dimensions) > 0 {
					err = fmt.Errorf("with %s: %w", t, err)
				}
				report(".moves", err)
			}
			if !keep {
				post = nil
			}
			posts = append(posts, post)
		}
		groups[g] = append(groups[g], len(out))
		out = append(out, combo{choice: slices.Clone(choice), terms: t, prob: prob, group: g})
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
	s.combos[i], s.groups[i], s.posts[i] = out, groups, posts
	return errors.Join(errs...)
}

// post returns the post-deal register of group g of proposal i.
func (s *Scenario) post(i, g int) (*parties.Register, error) {
	if r := s.posts[i][g]; r != nil {
		return r, nil
	}
	p := &s.s.Proposals[i]
	post, err := p.apply(snapshot(s.s.Register, s.s.AsOf, s.dated), s.combos[i][s.groups[i][g][0]].terms)
	if err != nil {
		return nil, &SpecError{Path: "proposals", ID: p.ID, Err: err}
	}
	return post, nil
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

func checkLikelihoods(s *Spec, proposals, gates, deadlines map[string]bool, known func(parties.ID) bool) []error {
	var errs []error
	// narrow says whether a key may be narrowed to one proposal.
	check := func(field string, m map[string]decimal.Decimal, ok func(string) bool, narrow bool) {
		for _, k := range sortedKeys(m) {
			path := fmt.Sprintf("likelihoods.%s[%s]", field, k)
			if err := checkProbability(m[k]); err != nil {
				errs = append(errs, &SpecError{Path: path, ID: k, Err: err})
			}
			id, prop, narrowed := cut(k)
			switch {
			case ok(k):
			case narrowed && !narrow:
				errs = append(errs, &SpecError{Path: path, ID: k, Err: fmt.Errorf("%w: %s events are not narrowed to a proposal", ErrUnknownEvent, field)})
			case !narrowed || !ok(id) || !proposals[prop]:
				errs = append(errs, &SpecError{Path: path, ID: k, Err: ErrUnknownEvent})
			}
		}
	}
	isGate := func(id string) bool { return gates[id] }
	isDeadline := func(id string) bool { return deadlines[id] }
	check("consent", s.Likelihoods.Consent, func(id string) bool { return known(parties.ID(id)) }, true)
	check("clearance", s.Likelihoods.Clearance, isGate, true)
	check("trigger", s.Likelihoods.Trigger, isGate, true)
	check("injunction", s.Likelihoods.Injunction, isDeadline, false)
	check("extension", s.Likelihoods.Extension, isDeadline, false)
	check("timely", s.Likelihoods.Timely, isDeadline, true)
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

// PostDeal returns the register after proposal id closes, as of the
// scenario's date, with the open terms set as in choice (a term name to
// value; a missing one takes the dimension's first value), and the deal's
// terms. A choice naming a term that is not open, or giving a value of
// another kind than the dimension's, is an error.
func (s *Scenario) PostDeal(id string, choice map[string]regulator.Value) (*parties.Register, regulator.Terms, error) {
	i := slices.IndexFunc(s.s.Proposals, func(p Proposal) bool { return p.ID == id })
	if i < 0 {
		return nil, regulator.Terms{}, &SpecError{Path: "proposals", ID: id, Err: ErrUnknownProposal}
	}
	p := &s.s.Proposals[i]
	for _, k := range sortedKeys(choice) {
		if !slices.ContainsFunc(p.Dimensions, func(d Dimension) bool { return d.Term == k }) {
			return nil, regulator.Terms{}, &SpecError{Path: "choice", ID: k, Err: fmt.Errorf("%w: %q is not an open term of %s", ErrUnknownTerm, k, id)}
		}
	}
	t := regulator.NewTerms(p.Terms)
	for _, d := range p.Dimensions {
		v, ok := choice[d.Term]
		if !ok {
			v = d.Values[0]
		} else if v.Kind() != d.Values[0].Kind() {
			return nil, regulator.Terms{}, &SpecError{Path: "choice", ID: d.Term, Err: fmt.Errorf("%w: %s value for a %s term", ErrTermType, v.Kind(), d.Values[0].Kind())}
		}
		t = t.With(d.Term, v)
	}
	post, err := p.apply(snapshot(s.s.Register, s.s.AsOf, s.dated), t)
	return post, t, err
}

// WithAsOf returns a scenario evaluated as of d instead; s is unchanged.
// The post-deal registers are shared unless the register has dated stakes;
// then they are derived again for d, and if a proposal cannot be applied to
// the stakes that hold on d, [Scenario.Analyze] reports why.
func (s *Scenario) WithAsOf(d time.Time) *Scenario {
	c := *s
	c.s.AsOf = civil.Date(d)
	if s.dated && !c.s.AsOf.Equal(s.s.AsOf) {
		c.alloc()
		keep := keepPosts(&c.s)
		var errs []error
		for i := range c.s.Proposals {
			if err := c.expand(i, keep, fmt.Sprintf("proposals[%d]", i)); err != nil {
				errs = append(errs, err)
			}
		}
		c.err = errors.Join(errs...)
	}
	return &c
}

// With returns the scenario obtained by applying change to a copy of its
// specification, for sweeping a parameter (a stake, a position, a gate's
// rule, the date); s is unchanged.
func (s *Scenario) With(change func(*Spec)) (*Scenario, error) {
	spec := s.Spec()
	change(&spec)
	return New(spec)
}
