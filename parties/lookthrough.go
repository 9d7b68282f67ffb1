package parties

import (
	"cmp"
	"fmt"
	"iter"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// A subgraph is the part of the register above one subject: the subject
// (local node 0), its holders, their holders and so on, except that the
// holders of a terminal node are not visited (a terminal node counts with its
// own interest and is not looked through). It lives in a [scratch]: call
// release when done with it and with everything solved on it.
type subgraph struct {
	r        *Register
	s        *scratch
	nodes    []int32 // global indexes; nodes[0] is the subject
	terminal []bool
	// Stakes within the subgraph, by holder: the holdings of local node v
	// are to[start[v]:start[v+1]] (local subjects), via the register edges
	// via[start[v]:start[v+1]].
	start, to, via []int32
}

// subgraphPair is a stake of the subgraph while it is collected.
type subgraphPair struct{ holder, subject, edge int32 }

// subgraph collects the part of r above subject; terminal reports the nodes
// that are not looked through (never called for the subject; nil for
// none).
func (r *Register) subgraph(subject int32, terminal func(int32) bool) *subgraph {
	g := r.collect(subject, terminal)
	g.index()
	return g
}

// collect finds the nodes of the part of r above subject and its stakes by
// subject (in g's scratch: pairs and pstart), but not its stakes by holder
// (start, to and via), which index adds.
func (r *Register) collect(subject int32, terminal func(int32) bool) *subgraph {
	s := r.getScratch()
	g := &s.g
	*g = subgraph{r: r, s: s,
		nodes: append(g.nodes[:0], subject), terminal: append(g.terminal[:0], false),
		start: g.start, to: g.to, via: g.via}
	local := s.local
	local[subject] = 0
	pairs := s.pairs[:0]
	pstart := s.pstart[:0]
	for q := 0; q < len(g.nodes); q++ {
		pstart = append(pstart, int32(len(pairs)))
		if g.terminal[q] {
			continue
		}
		w := g.nodes[q]
		for ei := r.inStart[w]; ei < r.inStart[w+1]; ei++ {
			h := r.edges[ei].holder
			u := local[h]
			if u < 0 {
				u = int32(len(g.nodes))
				local[h] = u
				g.nodes = append(g.nodes, h)
				g.terminal = append(g.terminal, h != subject && terminal != nil && terminal(h))
			}
			pairs = append(pairs, subgraphPair{u, int32(q), ei})
		}
	}
	s.pairs, s.pstart = pairs, append(pstart, int32(len(pairs)))
	return g
}

// index adds to g, which collect found, its stakes by holder.
func (g *subgraph) index() {
	s, pairs := g.s, g.s.pairs
	n := len(g.nodes)
	g.start = resize(g.start, n+1)
	clear(g.start)
	for _, p := range pairs {
		g.start[p.holder+1]++
	}
	for i := range n {
		g.start[i+1] += g.start[i]
	}
	g.to = resize(g.to, len(pairs))
	g.via = resize(g.via, len(pairs))
	fill := resize(s.fill, n)
	copy(fill, g.start[:n])
	for _, p := range pairs {
		g.to[fill[p.holder]] = p.subject
		g.via[fill[p.holder]] = p.edge
		fill[p.holder]++
	}
	s.fill = fill
}

// release returns g's memory for other queries: g and what was solved on it
// must not be used after.
func (g *subgraph) release() { g.s.release() }

// localOf returns the local index of party v and reports whether v is in
// the subgraph.
func (g *subgraph) localOf(v int32) (int32, bool) {
	l := g.s.local[v]
	return l, l >= 0
}

// allExact reports whether the shares of every stake in the subgraph, economic
// and voting, are exact.
func (g *subgraph) allExact() bool {
	for _, ei := range g.via {
		e := &g.r.edges[ei]
		if !g.r.econ(e).IsExact() || !g.r.vote(e).IsExact() {
			return false
		}
	}
	return true
}

// solution holds the look-through interest in its subject of the local nodes
// of a subgraph that were asked for, at both ends of the data's ranges.
type solution struct {
	g      *subgraph
	lo, hi *figures // hi is lo where the ends agree
	// unbounded marks the nodes whose figure at the upper ends diverges (nil
	// if none does): upper ends of ranges that cannot all hold together can
	// make the series infinite there; those figures are capped at 100%.
	unbounded []bool
	cs        components
}

// solve computes, for every node v of g that reads reports (every node if
// reads is nil), the sum over all walks from v to the subject of the product
// of the weights along the walk (walks through the subject itself included,
// so that a subject's holding in its own holders counts). On cycles this is
// an infinite series; it is summed exactly with rational arithmetic over each
// strongly connected component, and rounded outward where the sum is not a
// terminating decimal. The solution lives in g's scratch.
//
// The figures of the nodes read are the same, coefficient and exponent, as
// decimal arithmetic gives them: products and sums are computed exactly in
// fixed point where they fit (most figures have few digits) and with
// decimals where they do not. Every cycle is solved, read or not, so that
// a cycle that does not converge is always an error.
//
// A register that is decimalOnly solves every node, by Tarjan's components,
// with decimals only: the arithmetic the fixed-point path must agree with.
func (g *subgraph) solve(m Method, reads func(v int32) bool) (*solution, error) {
	s := g.s
	n := len(g.nodes)
	sol := &s.sol
	var need []bool
	var same, inexact bool
	if g.r.decimalOnly {
		*sol = solution{g: g, cs: s.sccs.run(n, g.start, g.to), lo: &s.lo}
	} else {
		*sol = solution{g: g, cs: g.components(), lo: &s.lo}
		need, same, inexact = g.weights(m, &sol.cs, reads)
	}
	s.lo.reset(n, g.r.decimalOnly)
	_, rounded, err := g.solveEnd(m, false, &sol.cs, need, &s.lo)
	if err != nil {
		return nil, err
	}
	if !rounded && (same || !inexact && g.allExact()) {
		sol.hi = sol.lo
		return sol, nil
	}
	s.hi.reset(n, g.r.decimalOnly)
	sol.hi = &s.hi
	sol.unbounded, _, err = g.solveEnd(m, true, &sol.cs, need, &s.hi)
	return sol, err
}

// components returns the components of g in the order [sccs] guarantees
// (each after every component it holds): if g is acyclic, its nodes in
// topological order, each its own component, found by Kahn's algorithm
// over the stakes by subject; otherwise by Tarjan's algorithm.
func (g *subgraph) components() components {
	s := g.s
	n := len(g.nodes)
	left := resize(s.left, n) // holdings not yet in the order
	for v := range n {
		left[v] = g.start[v+1] - g.start[v]
	}
	if order, ok := g.topoOrder(left); ok {
		return components{members: order}
	}
	return s.sccs.run(n, g.start, g.to)
}

// topoOrder orders the nodes of g by Kahn's algorithm over the stakes by
// subject, each after every node it holds, given in left the number of
// stakes each holds within g (which it counts down). It reports whether the
// order has every node: it does not where g has a cycle. The order is g's
// scratch memory.
func (g *subgraph) topoOrder(left []int32) ([]int32, bool) {
	s := g.s
	order := resize(s.order, 0)
	if left[0] == 0 {
		order = append(order, 0)
	}
	for k := 0; k < len(order); k++ {
		w := order[k]
		for _, p := range s.pairs[s.pstart[w]:s.pstart[w+1]] {
			if left[p.holder]--; left[p.holder] == 0 {
				order = append(order, p.holder)
			}
		}
	}
	s.left, s.order = left, order
	return order, len(order) == len(g.nodes)
}

// weights finds which nodes' figures the figures of the nodes read
// depend on (need; nil for all of them): the nodes read, every node they
// hold, directly or not, and every cycle with all it holds. For the stakes
// those nodes hold, it computes into g's scratch the weight under m at both
// ends of the ranges, in fixed point where it fits (wfit). It reports
// whether the weights are the same decimals at both ends, coefficient and
// exponent, so that the figures are too; and whether some weight certainly
// differs between the ends, so that some share is not exact.
func (g *subgraph) weights(m Method, cs *components, reads func(v int32) bool) (need []bool, same, inexact bool) {
	s := g.s
	if reads != nil {
		need = resize(s.need, len(g.nodes))
		clear(need)
		s.need = need
	}
	k := len(g.to)
	s.wlo, s.whi, s.wfit = resize(s.wlo, k), resize(s.whi, k), resize(s.wfit, k)
	same = true
	// Components come each after every component it holds: going
	// backwards, every holder of a component comes before it.
	for c := cs.len() - 1; c >= 0; c-- {
		members := cs.of(c)
		if need != nil && len(members) == 1 && !need[members[0]] && !reads(members[0]) {
			continue
		}
		for _, v := range members {
			if need != nil {
				need[v] = true
			}
			for i := g.start[v]; i < g.start[v+1]; i++ {
				if need != nil {
					need[g.to[i]] = true
				}
				lo, hi, okLo, okHi := g.weight(m, i)
				s.wlo[i], s.whi[i], s.wfit[i] = lo, hi, okLo && okHi
				switch {
				case !okLo || !okHi:
					same = false
				case lo != hi:
					same = false
					inexact = inexact || lo.cmp(hi) != 0
				}
			}
		}
	}
	return need, same, inexact
}

// weight returns the weight under m of position i of the subgraph's stakes
// at the lower and upper ends, in fixed point, and reports whether each
// fits: under [Proportional], the economic share the register keeps in
// fixed point.
func (g *subgraph) weight(m Method, i int32) (lo, hi fdec, okLo, okHi bool) {
	if f := &g.r.fixed[g.via[i]]; m.kind == proportional && f.fits {
		lo, hi = f.ends()
		return lo, hi, true, true
	}
	e := &g.r.edges[g.via[i]]
	econ, vote, into := g.r.econ(e), Share{}, false
	if m.kind == attribution { // the only method that reads votes
		vote, into = g.r.vote(e), g.to[i] == 0
	}
	lo, okLo = fdecOf(m.coef(econ, vote, false, into))
	hi, okHi = fdecOf(m.coef(econ, vote, true, into))
	return lo, hi, okLo, okHi
}

// share returns the interest of local node v, capped to [0, 1].
func (s *solution) share(v int32) Share {
	if lo, hi, ok := s.shareFixed(v); ok {
		l := lo.decimal()
		h := l
		if hi != lo {
			h = hi.decimal()
		}
		return Share{min: l, max: h, set: true}
	}
	lo := s.lo.dec(v)
	hi := lo
	if s.hi != s.lo && (s.hi.wide[v] || s.lo.wide[v] || s.hi.f[v] != s.lo.f[v]) {
		hi = s.hi.dec(v)
	}
	sh := Share{min: lo, max: hi, set: true}
	if s.unbounded != nil && s.unbounded[v] {
		sh.max = one
	}
	return sh.Clamp()
}

// shareFixed returns the interest of local node v, capped to [0, 1], in
// fixed point, and reports whether both ends are.
func (s *solution) shareFixed(v int32) (lo, hi fdec, ok bool) {
	if s.lo.wide[v] || s.hi.wide[v] {
		return fdec{}, fdec{}, false
	}
	lo, hi = s.lo.f[v], s.hi.f[v]
	if s.unbounded != nil && s.unbounded[v] {
		hi = fdecOne
	}
	return lo.capOne(), hi.capOne(), true
}

// cyclic reports whether local node v lies on a cycle of the subgraph.
func (s *solution) cyclic(v int32) bool { return s.cs.size(v) > 1 }

// solveEnd computes into x the figures at the lower (hi false) or upper ends
// of the ranges of the nodes needed (all if need is nil), component by
// component, each after those it leads to. It reports which figures diverge
// (only at the upper ends: at the lower ends a diverging series is an error)
// and whether any figure was rounded.
func (g *subgraph) solveEnd(m Method, hi bool, cs *components, need []bool, x *figures) (inf []bool, rounded bool, err error) {
	for c := range cs.len() {
		members := cs.of(c)
		if len(members) == 1 {
			// In fixed point if the figures of the nodes it holds and
			// every step fit, otherwise with decimals.
			if v := members[0]; (need == nil || need[v]) && (x.decimalOnly || !g.solveNodeFixed(hi, v, x, inf)) {
				g.solveNodeDecimal(m, hi, v, x, inf)
			}
			continue
		}
		r, err := g.solveCycle(m, hi, members, x, inf)
		switch {
		case err == nil:
			rounded = rounded || r
		case hi:
			if inf == nil {
				inf = make([]bool, len(g.nodes))
			}
			for _, v := range members {
				inf[v] = true
				x.setDec(v, one)
			}
		default:
			return nil, false, err
		}
	}
	return inf, rounded, nil
}

// solveNodeFixed computes the figure of node v, on no cycle, from the
// figures of the nodes it holds, in fixed point with the weights that
// [subgraph.weights] computed; it reports false, and sets no figure, where
// some figure or step does not fit.
func (g *subgraph) solveNodeFixed(hi bool, v int32, x *figures, inf []bool) bool {
	ws, wfit := g.s.wlo, g.s.wfit
	if hi {
		ws = g.s.whi
	}
	sum := fdec{}
	if v == 0 {
		sum = fdecOne
	}
	ok := true
	for i := g.start[v]; i < g.start[v+1] && ok; i++ {
		w := ws[i]
		switch t := g.to[i]; {
		case !wfit[i] || x.wide[t]:
			ok = false
		case w.c == 0:
			// A weight of 0 adds nothing, not even to the exponent.
		default:
			if inf != nil && inf[t] {
				inf[v] = true
			}
			var p fdec
			if p, ok = w.mul(x.f[t]); ok {
				sum, ok = sum.add(p)
			}
		}
	}
	if ok {
		x.f[v], x.wide[v] = sum, false
	}
	return ok
}

// solveNodeDecimal computes the figure of node v, on no cycle, from the
// figures of the nodes it holds, with decimals.
func (g *subgraph) solveNodeDecimal(m Method, hi bool, v int32, x *figures, inf []bool) {
	d := zero
	if v == 0 {
		d = one
	}
	for i := g.start[v]; i < g.start[v+1]; i++ {
		if w := g.coef(m, i, hi); w.Sign() != 0 {
			if inf != nil && inf[g.to[i]] {
				inf[v] = true
			}
			d = d.Add(w.Mul(x.dec(g.to[i])))
		}
	}
	x.d[v], x.wide[v] = d, true
}

// coef returns the weight of position i of the subgraph's stakes under m.
func (g *subgraph) coef(m Method, i int32, hi bool) decimal.Decimal {
	e := &g.r.edges[g.via[i]]
	econ := g.r.econ(e)
	if m.kind != attribution {
		return m.coef(econ, Share{}, hi, false) // votes do not count
	}
	return m.coef(econ, g.r.vote(e), hi, g.to[i] == 0)
}

// solveCycle solves x = b + C x on the strongly connected component c, where
// C holds the weights between members of c and b the contributions of walks
// leaving c (already in x) and of the subject, by Gauss-Jordan elimination
// over the rationals. The results are exact where they are terminating
// decimals; otherwise they are rounded outward (down at the lower end, up at
// the upper end) to [cyclePlaces] places, and rounded reports it.
//
// The solution is the sum of the series if it is unique and not negative:
// then x = Σ_{k<N} C^k b + C^N x bounds every partial sum (C and b are not
// negative), so the series converges, and its sum solves the system too.
// If the system is singular, or its solution has a negative member (the
// series then diverges, or its sum would be a second, non-negative
// solution), or a member leads to a diverging figure (inf), solveCycle
// reports an error wrapping [ErrClosedCycle].
func (g *subgraph) solveCycle(m Method, hi bool, c []int32, x *figures, inf []bool) (rounded bool, err error) {
	k := len(c)
	row := make(map[int32]int, k)
	for i, v := range c {
		row[v] = i
	}
	a := make([][]*big.Rat, k) // augmented matrix [I - C | b]
	cells := make([]big.Rat, k*(k+1))
	for i, v := range c {
		a[i] = make([]*big.Rat, k+1)
		for j := range k + 1 {
			a[i][j] = &cells[i*(k+1)+j]
		}
		a[i][i].SetInt64(1)
		b := zero
		if v == 0 {
			b = one
		}
		for e := g.start[v]; e < g.start[v+1]; e++ {
			w := g.coef(m, e, hi)
			if w.Sign() == 0 {
				continue
			}
			if j, in := row[g.to[e]]; in {
				a[i][j].Sub(a[i][j], w.Rat())
			} else {
				if inf != nil && inf[g.to[e]] {
					return false, g.cycleError(c, m)
				}
				b = b.Add(w.Mul(x.dec(g.to[e])))
			}
		}
		a[i][k].Set(b.Rat())
	}
	var t big.Rat
	for col := range k {
		p := -1
		for r := col; r < k; r++ {
			if a[r][col].Sign() != 0 {
				p = r
				break
			}
		}
		if p < 0 {
			return false, g.cycleError(c, m)
		}
		a[col], a[p] = a[p], a[col]
		piv := new(big.Rat).Inv(a[col][col])
		for j := col; j <= k; j++ {
			a[col][j].Mul(a[col][j], piv)
		}
		for r := range k {
			if r == col || a[r][col].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(a[r][col])
			for j := col; j <= k; j++ {
				t.Mul(f, a[col][j])
				a[r][j].Sub(a[r][j], &t)
			}
		}
	}
	for i := range c {
		if a[i][k].Sign() < 0 {
			return false, g.cycleError(c, m)
		}
	}
	for i, v := range c {
		d, exact := ratToDecimal(a[i][k], hi)
		x.setDec(v, d)
		rounded = rounded || !exact
	}
	return rounded, nil
}

func (g *subgraph) cycleError(c []int32, m Method) error {
	ids := make([]string, len(c))
	for i, v := range c {
		ids[i] = string(g.r.parties[g.nodes[v]].ID)
	}
	slices.Sort(ids)
	return &PartyError{ID: g.r.parties[g.nodes[0]].ID,
		Err: fmt.Errorf("%w: look-through by %s does not converge on the cycle %s", ErrClosedCycle, m, strings.Join(ids, ", "))}
}

// cyclePlaces is the number of decimal places kept where a cycle makes a
// figure a non-terminating decimal.
const cyclePlaces = 40

// ratToDecimal converts q exactly if it is a terminating decimal, and
// otherwise rounds it to cyclePlaces places, up if up is set and down
// otherwise; exact reports which.
func ratToDecimal(q *big.Rat, up bool) (d decimal.Decimal, exact bool) {
	den := new(big.Int).Set(q.Denom())
	twos, fives := 0, 0
	two, five := big.NewInt(2), big.NewInt(5)
	var rem big.Int
	for {
		var quo big.Int
		quo.QuoRem(den, two, &rem)
		if rem.Sign() != 0 {
			break
		}
		den.Set(&quo)
		twos++
	}
	for {
		var quo big.Int
		quo.QuoRem(den, five, &rem)
		if rem.Sign() != 0 {
			break
		}
		den.Set(&quo)
		fives++
	}
	places := max(twos, fives)
	exact = den.Cmp(big.NewInt(1)) == 0
	if !exact {
		places = cyclePlaces
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(q.Num(), scale)
	quo, r := new(big.Int).QuoRem(num, q.Denom(), new(big.Int))
	if r.Sign() != 0 && up {
		quo.Add(quo, big.NewInt(1))
	}
	return decimal.NewFromBigInt(quo, -int32(places)), exact
}

// Interest is one party's integrated interest in a subject.
type Interest struct {
	// Party holds the interest.
	Party ID
	// Share is the interest, a fraction of the subject.
	Share Share
}

// Interests is the result of [Register.LookThrough]: the look-through
// interest of every party above a subject.
type Interests struct {
	subject ID
	method  Method
	list    []Interest // by party ID
}

// Subject returns the subject the interests are held in.
func (in *Interests) Subject() ID { return in.subject }

// Method returns the attribution method used.
func (in *Interests) Method() Method { return in.method }

// All returns every party above the subject with its interest, in ID order.
func (in *Interests) All() iter.Seq2[ID, Share] {
	return func(yield func(ID, Share) bool) {
		for _, x := range in.list {
			if !yield(x.Party, x.Share) {
				return
			}
		}
	}
}

// Of returns the interest of party id, exactly 0 if it holds nothing.
func (in *Interests) Of(id ID) Share {
	i, ok := slices.BinarySearchFunc(in.list, id, func(x Interest, id ID) int { return cmp.Compare(x.Party, id) })
	if !ok {
		return Exact(zero)
	}
	return in.list[i].Share
}

// Len returns the number of parties above the subject.
func (in *Interests) Len() int { return len(in.list) }

// LookThrough returns the integrated interest of every party above subject,
// through every chain of stakes, under method m.
//
// A party's interest is the sum, over every chain of stakes leading from it to
// the subject, of the product of the weights along the chain (the shares
// themselves under [Proportional]). Chains that pass around a cycle of
// cross-holdings count too, including cycles through the subject (a subject
// that holds part of its own parent), so cycles make an infinite series;
// chains that return to the party itself are not counted again.
//
// Precision: on an acyclic register every figure is an exact decimal. The
// series of each cycle is summed exactly, over the rationals; where its sum
// is not a terminating decimal it is rounded outward to 40 decimal places
// (down at the lower end, up at the upper end), so the figure becomes an
// interval that contains the true value. Its width is 1e-40 per rounding,
// amplified by no more than 1 / (1 - w) for a cycle whose loops weigh w: far
// below 1e-18 for shares of ordinary precision.
//
// Where stakes are known only as ranges, each figure is an interval, computed
// at the lower and at the upper ends of all ranges. Upper ends that cannot
// all hold together (holders adding up to more than 100%) may make a cycle's
// series diverge; the figures that depend on it then have 100% as their upper
// end. Under [Attribution], entities that control each other make the series
// diverge at the lower ends too: LookThrough then returns an error wrapping
// [ErrClosedCycle]. Every figure is capped to [0, 1].
func (r *Register) LookThrough(subject ID, m Method) (*Interests, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	si, err := r.lookup(subject)
	if err != nil {
		return nil, err
	}
	g := r.subgraph(si, m.terminal(nil))
	defer g.release()
	sol, err := g.solve(m, nil)
	if err != nil {
		return nil, err
	}
	in := &Interests{subject: subject, method: m, list: make([]Interest, 0, len(g.nodes)-1)}
	for _, v := range g.byParty(1, nil) {
		sh := sol.share(v)
		if sol.cyclic(v) {
			// Count the walks that do not return to v: solve again with v
			// not looked through.
			if sh, err = r.interestOf(si, g.nodes[v], m); err != nil {
				return nil, err
			}
		}
		in.list = append(in.list, Interest{Party: r.parties[g.nodes[v]].ID, Share: sh})
	}
	return in, nil
}

// byParty returns the local nodes from first on, those where only is set
// if only is not nil, in the order of their parties, which is ID order. The
// slice is g's scratch memory.
func (g *subgraph) byParty(first int32, only []bool) []int32 {
	vs := resize(g.s.fill, 0)
	for v := first; v < int32(len(g.nodes)); v++ {
		if only == nil || only[v] {
			vs = append(vs, g.nodes[v])
		}
	}
	slices.Sort(vs)
	for i, p := range vs {
		vs[i] = g.s.local[p]
	}
	g.s.fill = vs
	return vs
}

// interestOf returns the interest of party h in subject si, counting only
// walks that do not pass through h again.
func (r *Register) interestOf(si, h int32, m Method) (Share, error) {
	g := r.subgraph(si, m.terminal(func(v int32) bool { return v == h }))
	defer g.release()
	hl, _ := g.localOf(h)
	sol, err := g.solve(m, func(v int32) bool { return v == hl })
	if err != nil {
		return Share{}, err
	}
	return sol.share(hl), nil
}

// terminal returns the rule for which parties are not looked through: those
// for which also reports true, and every holder under [Direct].
func (m Method) terminal(also func(int32) bool) func(int32) bool {
	if m.kind == direct {
		return func(int32) bool { return true }
	}
	if also == nil {
		return func(int32) bool { return false }
	}
	return also
}

// Ownership is the result of [Register.OwnedBy]: the share of a subject held
// by the parties that match a predicate.
type Ownership struct {
	// Subject is the party whose ownership was measured.
	Subject ID
	// Predicate names the parties counted.
	Predicate string
	// Method is the attribution method used.
	Method Method
	// Share is the total share they hold.
	Share Share
	// Holders lists each matching party with its contribution, in ID order.
	Holders []Interest
}

// String describes the ownership, as in "US parties (seat) hold 52.0%–52.8%
// of tiktok-global (proportional)".
func (o Ownership) String() string {
	return fmt.Sprintf("%s hold %s of %s (%s)", o.Predicate, o.Share, o.Subject, o.Method)
}

// OwnedBy returns the share of subject held, looking through under method m,
// by the parties that match p.
//
// The rule: a party that matches p counts with its whole interest and is not
// looked through further; a party that does not match is looked through to its
// own holders. So with ByteDance headquartered in China, a "Chinese parties"
// predicate counts ByteDance's whole stake, while a "US parties" predicate
// looks through ByteDance to its US investors. Each matching party's interest
// is computed as by [Register.LookThrough] over the parties that do not match,
// so no share is counted twice. The subject itself never counts.
func (r *Register) OwnedBy(subject ID, p Predicate, m Method) (Ownership, error) {
	return r.ownedBy(subject, p, m, true)
}

// OwnedShare returns the total share of subject that [Register.OwnedBy]
// reports, without the per-holder breakdown: the same figure, computed
// without building a decimal for every matching party, for callers that
// only test or print the total.
func (r *Register) OwnedShare(subject ID, p Predicate, m Method) (Share, error) {
	o, err := r.ownedBy(subject, p, m, false)
	return o.Share, err
}

// ownedBy is [Register.OwnedBy]; withHolders says whether to list each
// matching party's contribution.
func (r *Register) ownedBy(subject ID, p Predicate, m Method, withHolders bool) (Ownership, error) {
	if err := m.Validate(); err != nil {
		return Ownership{}, err
	}
	si, err := r.lookup(subject)
	if err != nil {
		return Ownership{}, err
	}
	g := r.subgraph(si, m.terminal(func(v int32) bool { return p.matches(r.parties[v]) }))
	defer g.release()
	matches := g.terminal // but for the subject, a node is terminal if it matches
	if m.kind == direct {
		matches = make([]bool, len(g.nodes))
		for v := 1; v < len(g.nodes); v++ {
			matches[v] = p.matches(r.parties[g.nodes[v]])
		}
	}
	sol, err := g.solve(m, func(v int32) bool { return v > 0 && matches[v] })
	if err != nil {
		return Ownership{}, err
	}
	o := Ownership{Subject: subject, Predicate: p.name, Method: m, Share: Exact(zero)}
	// The total, in fixed point while every figure fits.
	var lo, hi fdec
	fits := true
	var holders []int32
	if withHolders {
		holders = g.byParty(1, matches)
		if len(holders) > 0 {
			o.Holders = make([]Interest, 0, len(holders))
		}
	} else {
		// The total does not depend on the order: exact sums commute.
		for v := int32(1); v < int32(len(g.nodes)); v++ {
			if matches[v] {
				holders = append(holders, v)
			}
		}
	}
	for _, v := range holders {
		if withHolders {
			o.Holders = append(o.Holders, Interest{Party: r.parties[g.nodes[v]].ID, Share: sol.share(v)})
		}
		if fits {
			l, h, ok := sol.shareFixed(v)
			if ok {
				if lo, ok = lo.add(l); ok {
					hi, ok = hi.add(h)
				}
			}
			fits = ok
		}
	}
	if fits {
		o.Share = fixedTotal(lo, hi)
		return o, nil
	}
	for _, v := range holders {
		o.Share = o.Share.Add(sol.share(v))
	}
	o.Share = o.Share.Clamp()
	return o, nil
}
