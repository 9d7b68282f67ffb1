package parties

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"
)

// Builder collects parties and stakes for a [Register]. The zero Builder is
// ready to use. A Builder is not safe for concurrent use.
type Builder struct {
	parties []Party
	stakes  []Stake
	// built reports that a register shares stakes: they must be copied
	// before they are changed in place.
	built bool
}

// AddParty adds parties to the builder and returns it, for chaining.
func (b *Builder) AddParty(ps ...Party) *Builder {
	b.parties = slices.Grow(b.parties, len(ps))
	for _, p := range ps {
		b.parties = append(b.parties, p.clone())
	}
	return b
}

// AddStake adds stakes to the builder and returns it, for chaining.
func (b *Builder) AddStake(ss ...Stake) *Builder {
	b.stakes = append(b.stakes, ss...)
	return b
}

// RemoveStakes drops every stake for which drop reports true and returns the
// builder, for chaining.
func (b *Builder) RemoveStakes(drop func(Stake) bool) *Builder {
	if b.built {
		b.stakes, b.built = slices.Clone(b.stakes), false
	}
	b.stakes = slices.DeleteFunc(b.stakes, drop)
	return b
}

// Stakes returns the stakes added so far, in the order they were added.
func (b *Builder) Stakes() iter.Seq[Stake] { return slices.Values(b.stakes) }

// Parties returns the parties added so far, in the order they were added.
func (b *Builder) Parties() iter.Seq[Party] { return slices.Values(b.parties) }

// New builds a register from parties and stakes; it is shorthand for a
// [Builder].
func New(parties []Party, stakes []Stake) (*Register, error) {
	var b Builder
	b.AddParty(parties...).AddStake(stakes...)
	return b.Build()
}

// Register is an immutable, validated set of parties and the stakes between
// them. It is safe for concurrent use. Parties are kept in ID order and stakes
// in (subject, holder, class, from) order, so that every answer is the same
// whatever order the facts were added in.
//
// A register answers for one state of its stakes. The register [Builder.Build]
// returns answers for the latest state: the stakes that have no end date
// (Until is zero), whatever their start dates. [Register.AsOf] gives the
// register of another date.
//
// Queries that look through holdings reuse working memory. A register of
// many parties keeps that of its last query (four bytes per party, and a few
// hundred per party above the largest subject it was asked about) for the
// next.
type Register struct {
	// parties point into the builder's, which it never changes in place.
	parties []*Party
	index   map[ID]int32
	// The stakes, whatever their dates, are input[order[0]], input[order[1]],
	// … in canonical order; input is the builder's, shared until the builder
	// changes it in place. ends[i] are the holder and subject of the i-th.
	input []Stake
	order []int32
	ends  []stakeEnds
	dated bool // answers for the stakes active at asOf, not the latest state
	asOf  time.Time

	// Aggregated holdings between pairs of parties, among the stakes active
	// in the register's state: edges sorted by (subject, holder); the holders
	// of party i are edges[inStart[i]:inStart[i+1]]; the holdings of party i
	// are edges[outIdx[outStart[i]:outStart[i+1]]].
	edges    []edge
	sums     []edgeShares // the shares of edges of several stakes
	inStart  []int32
	outIdx   []int32
	outStart []int32
	// fixed[i] is the economic share of edges[i] in fixed point.
	fixed []econFixed

	// spare keeps the working memory of the last query for the next, out
	// of reach of the collector, which empties pools (nil for a small
	// register: see keepSpare).
	spare *atomic.Pointer[scratch]
	// decimalOnly makes look-through use decimal arithmetic throughout,
	// for tests that check the fixed-point path against it.
	decimalOnly bool
}

// stakeEnds is the holder and subject of a stake, as indexes of parties.
type stakeEnds struct{ holder, subject int32 }

// edge is the aggregate of the stakes one party holds in another: the
// stakes stake(first) to stake(last-1) that are active in the register's
// state. An edge of one stake has that stake's shares; the shares of an
// edge of several are sums[sum].
type edge struct {
	holder, subject int32
	first, last     int32
	sum             int32
}

// edgeShares is the economic and voting share of an edge of several stakes.
type edgeShares struct{ econ, vote Share }

// stake returns the i-th stake in canonical order.
func (r *Register) stake(i int32) *Stake { return &r.input[r.order[i]] }

// econ returns the economic share of e.
func (r *Register) econ(e *edge) Share {
	if e.last-e.first == 1 {
		return r.stake(e.first).Economic
	}
	return r.sums[e.sum].econ
}

// vote returns the voting share of e.
func (r *Register) vote(e *edge) Share {
	if e.last-e.first == 1 {
		return r.stake(e.first).Votes()
	}
	return r.sums[e.sum].vote
}

// Build validates everything added and returns the register. It reports every
// problem at once (joined with [errors.Join]), each a [*PartyError] or
// [*StakeError] naming the party or stake and wrapping a sentinel error:
//
//   - a party with an empty ID ([ErrEmptyID]), an ID used twice
//     ([ErrDuplicateParty]) or an invalid kind ([ErrInvalidKind]);
//   - a stake naming a party not added ([ErrUnknownParty]), held by its own
//     subject ([ErrSelfStake]), with a share outside [0, 1] or not given
//     ([ErrShareRange]) or a range whose minimum is above its maximum
//     ([ErrInvertedRange]), or that ends before it starts ([ErrDates]);
//   - a party whose holders add up to more than 100%, in economic or in
//     voting shares, on any date ([ErrOverOwned]; the error states the total).
//     With ranges the lower ends are added: only a certain excess is an
//     error;
//   - a group of parties held entirely by each other, on any date, with no
//     owner outside the group ([ErrClosedCycle]): look-through through it
//     would never end.
//
// The builder is unchanged and may be reused afterwards. The register shares
// the builder's stakes, which the builder copies before it changes them in
// place.
func (b *Builder) Build() (*Register, error) {
	var errs []error
	r := &Register{index: make(map[ID]int32, len(b.parties))}
	r.parties = make([]*Party, len(b.parties))
	for i := range b.parties {
		r.parties[i] = &b.parties[i]
	}
	slices.SortStableFunc(r.parties, func(a, b *Party) int { return cmp.Compare(a.ID, b.ID) })
	for i, p := range r.parties {
		switch {
		case p.ID == "":
			errs = append(errs, &PartyError{ID: p.ID, Err: fmt.Errorf("%w (party named %q)", ErrEmptyID, p.Name)})
		case i > 0 && r.parties[i-1].ID == p.ID:
			errs = append(errs, &PartyError{ID: p.ID, Err: ErrDuplicateParty})
		case p.Kind < 0 || int(p.Kind) >= len(kindNames):
			errs = append(errs, &PartyError{ID: p.ID, Err: fmt.Errorf("%w %d", ErrInvalidKind, p.Kind)})
		}
		if i == 0 || r.parties[i-1].ID != p.ID {
			r.index[p.ID] = int32(i)
		}
	}

	// Check the stakes and find their ends, in chunks in parallel for a
	// large register (reading the index map from several goroutines is
	// safe); keys are the valid ones, in the order they were added.
	chunks := 1
	if len(b.stakes) >= 1<<16 {
		chunks = min(runtime.GOMAXPROCS(0), 8)
	}
	type chunk struct {
		keys []keyed
		errs []error
	}
	parts := make([]chunk, chunks)
	var wg sync.WaitGroup
	for c := range parts {
		lo, hi := c*len(b.stakes)/chunks, (c+1)*len(b.stakes)/chunks
		wg.Go(func() { parts[c].keys, parts[c].errs = r.checkStakes(b.stakes, lo, hi) })
	}
	wg.Wait()
	valid := 0
	for _, p := range parts {
		errs = append(errs, p.errs...)
		valid += len(p.keys)
	}

	// Order the stakes by subject (a counting sort, stable), then within
	// each subject by holder and the rest.
	in := b.stakes[:len(b.stakes):len(b.stakes)]
	n := len(r.parties)
	start := make([]int32, n+1)
	for _, p := range parts {
		for _, k := range p.keys {
			start[k.subject+1]++
		}
	}
	for i := range n {
		start[i+1] += start[i]
	}
	sorted := make([]keyed, valid)
	fill := slices.Clone(start[:n])
	for _, p := range parts {
		for _, k := range p.keys {
			sorted[fill[k.subject]] = k
			fill[k.subject]++
		}
	}
	parts, fill = nil, nil
	for v := range n {
		if group := sorted[start[v]:start[v+1]]; len(group) > 1 {
			slices.SortFunc(group, func(x, y keyed) int {
				if c := cmp.Compare(x.holder, y.holder); c != 0 {
					return c
				}
				return compareStakes(&in[x.input], &in[y.input])
			})
		}
	}
	r.input = in
	r.order = make([]int32, len(sorted))
	r.ends = make([]stakeEnds, len(sorted))
	for i, k := range sorted {
		r.order[i] = k.input
		r.ends[i] = stakeEnds{k.holder, k.subject}
	}
	sorted = nil
	errs = append(errs, r.checkTotals()...)
	r.index2()
	errs = append(errs, r.checkClosedCycles()...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	r.keepSpare()
	b.built = true
	return r, nil
}

// keyed is a valid stake, by its position in the builder, with its ends.
type keyed struct {
	subject, holder int32
	input           int32
}

// checkStakes checks stakes[lo:hi] and returns the valid ones with their
// ends, and the problems of the others.
func (r *Register) checkStakes(stakes []Stake, lo, hi int) (keys []keyed, errs []error) {
	keys = make([]keyed, 0, hi-lo)
	var lastSubject struct {
		id ID
		i  int32
		ok bool
	}
	for i := lo; i < hi; i++ {
		s := &stakes[i]
		h, okH := r.index[s.Holder]
		// Stakes often come grouped by subject: look it up once per group.
		if s.Subject != lastSubject.id || !lastSubject.ok {
			lastSubject.i, lastSubject.ok = r.index[s.Subject]
			lastSubject.id = s.Subject
		}
		sub, okS := lastSubject.i, lastSubject.ok
		n := len(errs)
		if !okH {
			errs = append(errs, stakeError(i, s, fmt.Errorf("%w: holder %q", ErrUnknownParty, s.Holder)))
		}
		if !okS {
			errs = append(errs, stakeError(i, s, fmt.Errorf("%w: subject %q", ErrUnknownParty, s.Subject)))
		}
		if s.Holder == s.Subject {
			errs = append(errs, stakeError(i, s, ErrSelfStake))
		}
		if err := s.Economic.Validate(); err != nil {
			errs = append(errs, stakeError(i, s, withContext("economic share", err)))
		}
		if !s.Voting.IsZero() {
			if err := s.Voting.Validate(); err != nil {
				errs = append(errs, stakeError(i, s, withContext("voting share", err)))
			}
		}
		if !s.From.IsZero() && !s.Until.IsZero() && !s.Until.After(s.From) {
			errs = append(errs, stakeError(i, s, fmt.Errorf("%w: from %s until %s", ErrDates, s.From.Format(time.DateOnly), s.Until.Format(time.DateOnly))))
		}
		if len(errs) == n {
			keys = append(keys, keyed{sub, h, int32(i)})
		}
	}
	return keys, errs
}

// stakeError returns a [*StakeError] for the i-th stake added.
func stakeError(i int, s *Stake, err error) error {
	return &StakeError{Index: i, Holder: s.Holder, Subject: s.Subject, Err: err}
}

// compareStakes orders two stakes between the same parties by class, dates,
// shares and source, so that the order of a register's stakes does not
// depend on the order they were added in: stakes it cannot tell apart are
// alike in everything.
func compareStakes(a, b *Stake) int {
	return cmp.Or(
		cmp.Compare(a.Class, b.Class),
		a.From.Compare(b.From),
		a.Until.Compare(b.Until),
		compareShares(a.Economic, b.Economic),
		compareShares(a.Voting, b.Voting),
		cmp.Compare(a.Source.URL, b.Source.URL),
		a.Source.Date.Compare(b.Source.Date),
		cmp.Compare(a.Source.Confidence, b.Source.Confidence),
		cmp.Compare(a.Source.Note, b.Source.Note),
	)
}

// compareShares orders shares by lower, then upper end; a share not given
// comes first.
func compareShares(a, b Share) int {
	if a.set != b.set {
		if !a.set {
			return -1
		}
		return 1
	}
	return cmp.Or(cmpDec(a.min, b.min), cmpDec(a.max, b.max))
}

// checkTotals reports each subject whose holders add up to more than 100%, in
// economic or voting terms, on any date its stakes change. With ranges the
// lower ends are added: only a certain excess is an error.
func (r *Register) checkTotals() []error {
	var errs []error
	noDates := []time.Time{{}}
	var group []*Stake
	for lo := 0; lo < len(r.order); {
		hi := lo
		dated := false
		group = group[:0]
		for hi < len(r.order) && r.ends[hi].subject == r.ends[lo].subject {
			s := r.stake(int32(hi))
			group = append(group, s)
			dated = dated || !s.From.IsZero() || !s.Until.IsZero()
			hi++
		}
		lo = hi
		if len(group) == 1 {
			continue // a single valid share is at most 100%
		}
		ds := noDates
		if dated {
			ds = changeDates(group)
		}
		for _, d := range ds {
			var econ, vote sum
			for _, s := range group {
				if s.ActiveAt(d) {
					econ.add(s.Economic.min)
					vote.add(s.Votes().min)
				}
			}
			overE, overV := econ.cmpOne() > 0, vote.cmpOne() > 0
			if !overE && !overV {
				continue
			}
			// Recompute the totals as shares, upper ends included, for the
			// message.
			econS, voteS := Exact(zero), Exact(zero)
			for _, s := range group {
				if s.ActiveAt(d) {
					econS, voteS = econS.Add(s.Economic), voteS.Add(s.Votes())
				}
			}
			var msg string
			switch {
			case overE && overV && econS.Equal(voteS):
				msg = fmt.Sprintf("economic and voting shares held in it each total %s", econS)
			case overE && overV:
				msg = fmt.Sprintf("economic shares held in it total %s and voting shares %s", econS, voteS)
			case overE:
				msg = fmt.Sprintf("economic shares held in it total %s", econS)
			default:
				msg = fmt.Sprintf("voting shares held in it total %s", voteS)
			}
			if !d.IsZero() {
				msg += " on " + d.Format(time.DateOnly)
			}
			errs = append(errs, &PartyError{ID: group[0].Subject, Err: fmt.Errorf("%w: %s", ErrOverOwned, msg)})
		}
	}
	return errs
}

// changeDates returns the zero time (before any date) and the dates on which
// the set of active stakes among ss changes.
func changeDates(ss []*Stake) []time.Time {
	ds := []time.Time{{}}
	for _, s := range ss {
		if !s.From.IsZero() {
			ds = append(ds, s.From)
		}
		if !s.Until.IsZero() {
			ds = append(ds, s.Until)
		}
	}
	slices.SortFunc(ds, time.Time.Compare)
	return slices.CompactFunc(ds, time.Time.Equal)
}

var zero = decimal.Zero

// active reports whether stake s counts in the register's state.
func (r *Register) active(s *Stake) bool {
	if r.dated {
		return s.ActiveAt(r.asOf)
	}
	return s.Until.IsZero()
}

// index2 builds the aggregated edges and adjacency arrays from the stakes
// active in the register's state.
func (r *Register) index2() {
	n := len(r.parties)
	r.edges = make([]edge, 0, len(r.order))
	r.sums = nil
	for lo := 0; lo < len(r.order); {
		ends := r.ends[lo]
		hi := lo
		var econ, vote Share
		first, last, active := int32(-1), int32(0), 0
		for hi < len(r.order) && r.ends[hi] == ends {
			if t := r.stake(int32(hi)); r.active(t) {
				if active == 0 {
					first, econ, vote = int32(hi), t.Economic, t.Votes()
				} else {
					econ, vote = econ.Add(t.Economic), vote.Add(t.Votes())
				}
				last = int32(hi) + 1
				active++
			}
			hi++
		}
		if active > 0 {
			e := edge{holder: ends.holder, subject: ends.subject, first: first, last: last}
			if last-first > 1 {
				e.sum = int32(len(r.sums))
				r.sums = append(r.sums, edgeShares{econ, vote})
			}
			r.edges = append(r.edges, e)
		}
		lo = hi
	}
	r.edges = slices.Clip(r.edges)
	r.inStart = make([]int32, n+1)
	r.outStart = make([]int32, n+1)
	for _, e := range r.edges {
		r.inStart[e.subject+1]++
		r.outStart[e.holder+1]++
	}
	for i := range n {
		r.inStart[i+1] += r.inStart[i]
		r.outStart[i+1] += r.outStart[i]
	}
	r.indexFixed()
	r.outIdx = make([]int32, len(r.edges))
	fill := slices.Clone(r.outStart[:n])
	for i, e := range r.edges {
		r.outIdx[fill[e.holder]] = int32(i)
		fill[e.holder]++
	}
}

// AsOf returns a register whose computations use only the stakes active on
// date d (From <= d < Until, a zero From or Until being unbounded). The
// receiver is unchanged; the two share their parties and stakes. The zero
// time is before every date: only stakes without a start date count.
func (r *Register) AsOf(d time.Time) *Register {
	c := &Register{parties: r.parties, index: r.index, input: r.input, order: r.order, ends: r.ends, dated: true, asOf: d}
	c.keepSpare()
	c.index2()
	return c
}

// Len returns the number of parties.
func (r *Register) Len() int { return len(r.parties) }

// Party returns the party with the given ID and reports whether it exists.
func (r *Register) Party(id ID) (Party, bool) {
	i, ok := r.index[id]
	if !ok {
		return Party{}, false
	}
	return r.parties[i].clone(), true
}

// Parties returns every party in ID order.
func (r *Register) Parties() iter.Seq[Party] {
	return func(yield func(Party) bool) {
		for _, p := range r.parties {
			if !yield(p.clone()) {
				return
			}
		}
	}
}

// Stakes returns every stake, dated or not, in (subject, holder, class, from)
// order.
func (r *Register) Stakes() iter.Seq[Stake] {
	return func(yield func(Stake) bool) {
		for _, i := range r.order {
			if !yield(r.input[i]) {
				return
			}
		}
	}
}

// Holders returns the stakes held in the party id that count in the
// register's state (see [Register]), in holder order. An unknown id yields nothing.
func (r *Register) Holders(id ID) iter.Seq[Stake] {
	return func(yield func(Stake) bool) {
		i, ok := r.index[id]
		if !ok {
			return
		}
		for ei := r.inStart[i]; ei < r.inStart[i+1]; ei++ {
			if !r.yieldStakes(&r.edges[ei], yield) {
				return
			}
		}
	}
}

// Holdings returns the stakes the party id holds in others that count in the
// register's state (see [Register]), in subject order. An unknown id yields nothing.
func (r *Register) Holdings(id ID) iter.Seq[Stake] {
	return func(yield func(Stake) bool) {
		i, ok := r.index[id]
		if !ok {
			return
		}
		for _, ei := range r.outIdx[r.outStart[i]:r.outStart[i+1]] {
			if !r.yieldStakes(&r.edges[ei], yield) {
				return
			}
		}
	}
}

// yieldStakes yields the active stakes behind e.
func (r *Register) yieldStakes(e *edge, yield func(Stake) bool) bool {
	for i := e.first; i < e.last; i++ {
		if s := r.stake(i); r.active(s) {
			if !yield(*s) {
				return false
			}
		}
	}
	return true
}

// appendStakes appends the active stakes behind e to ss.
func (r *Register) appendStakes(ss []Stake, e *edge) []Stake {
	for i := e.first; i < e.last; i++ {
		if s := r.stake(i); r.active(s) {
			ss = append(ss, *s)
		}
	}
	return ss
}

// Edit returns a new [Builder] holding a copy of every party and stake of r,
// for deriving a changed register. r is unchanged.
func (r *Register) Edit() *Builder {
	b := &Builder{parties: make([]Party, 0, len(r.parties)), stakes: make([]Stake, len(r.order))}
	for i, j := range r.order {
		b.stakes[i] = r.input[j]
	}
	for _, p := range r.parties {
		b.parties = append(b.parties, p.clone())
	}
	return b
}

// lookup returns the index of id or an error wrapping [ErrUnknownParty].
func (r *Register) lookup(id ID) (int32, error) {
	i, ok := r.index[id]
	if !ok {
		return 0, &PartyError{ID: id, Err: ErrUnknownParty}
	}
	return i, nil
}
