package parties

import (
	"math"
	"math/bits"
	"sync"
)

// econFixed is the economic share of an edge at both ends of its range in
// fixed point, computed once when the register is built: under
// [Proportional] these are the weights of the edge, so look-through does no
// decimal work for them.
type econFixed struct {
	lo, hi   int64 // coefficients
	elo, ehi int8  // exponents
	// fits reports whether both ends fit (fdecOf accepts them and their
	// exponents fit in an int8); where they do not, the weights are
	// computed from the decimals.
	fits bool
	// split reports ends that are different decimals, in value or in
	// representation only; alias, the latter (0.5 and 0.50), where
	// look-through takes the figures at the lower ends for both.
	split, alias bool
}

// fixEcon returns the fixed-point ends of econ.
func fixEcon(econ Share) econFixed {
	lo, okLo := fdecOf(econ.min)
	hi, okHi := fdecOf(econ.max)
	if !okLo || !okHi || lo.e < math.MinInt8 || lo.e > math.MaxInt8 || hi.e < math.MinInt8 || hi.e > math.MaxInt8 {
		return econFixed{}
	}
	return econFixed{lo: lo.c, hi: hi.c, elo: int8(lo.e), ehi: int8(hi.e), fits: true, split: lo != hi, alias: lo != hi && lo.cmp(hi) == 0}
}

// ends returns the weights at the lower and upper ends, as fdecOf gives them.
func (f *econFixed) ends() (lo, hi fdec) {
	return fdec{c: f.lo, e: int32(f.elo), set: true}, fdec{c: f.hi, e: int32(f.ehi), set: true}
}

// indexFixed computes the fixed-point economic shares of r's edges.
func (r *Register) indexFixed() {
	r.fixed = make([]econFixed, len(r.edges))
	for i := range r.edges {
		r.fixed[i] = fixEcon(r.econ(&r.edges[i]))
	}
}

// Above is the part of a register above one subject: the subject, its
// holders, their holders and so on, collected once so that several
// questions about the same subject (the share held by one group of parties,
// then by another) share the work of finding it. It is immutable and safe
// for concurrent use; make one with [Register.Above].
//
// Its answers are those of the register's methods, to the last digit:
// where the part above the subject has a cycle of cross-holdings, or a
// question needs what the shared part does not provide, it asks the
// register.
type Above struct {
	r       *Register
	subject ID
	// fixed reports that the part is acyclic and that every economic share
	// in it fits in fixed point (and has ends that are the same decimal or
	// differ in value): questions under [Proportional] are then answered
	// by ownedShareFixed.
	fixed bool
	// nodes are the parties above the subject, as indexes into r.parties,
	// in an order where each comes after every party it holds within the
	// part (nodes[0] is the subject). The holders of nodes[k] are at
	// positions holder[start[k]:start[k+1]], through the register edges
	// edge[start[k]:start[k+1]].
	nodes, start, holder, edge []int32
}

// Above returns the part of r above subject, for asking several questions
// about it. An unknown subject is an error wrapping [ErrUnknownParty].
func (r *Register) Above(subject ID) (*Above, error) {
	si, err := r.lookup(subject)
	if err != nil {
		return nil, err
	}
	a := &Above{r: r, subject: subject}
	if r.decimalOnly {
		return a, nil
	}
	g := r.collect(si, nil)
	defer g.release()
	s := g.s
	n := len(g.nodes)
	left := resize(s.left, n)
	clear(left)
	for _, p := range s.pairs {
		left[p.holder]++
		if w := &r.fixed[p.edge]; !w.fits || w.alias {
			return a, nil
		}
	}
	order, ok := g.topoOrder(left)
	if !ok {
		return a, nil
	}
	// Number the nodes by their place in the order.
	pos := left // all 0 now
	for k, v := range order {
		pos[v] = int32(k)
	}
	a.fixed = true
	a.nodes = make([]int32, n)
	a.start = make([]int32, n+1)
	a.holder = make([]int32, len(s.pairs))
	a.edge = make([]int32, len(s.pairs))
	j := 0
	for k, v := range order {
		a.nodes[k] = g.nodes[v]
		for _, p := range s.pairs[s.pstart[v]:s.pstart[v+1]] {
			a.holder[j], a.edge[j] = pos[p.holder], p.edge
			j++
		}
		a.start[k+1] = int32(j)
	}
	return a, nil
}

// Subject returns the subject the part is above.
func (a *Above) Subject() ID { return a.subject }

// OwnedShare returns what [Register.OwnedShare] returns for the subject, p
// and m: the total share of the subject held by the parties that match p.
func (a *Above) OwnedShare(p Predicate, m Method) (Share, error) {
	if m.kind == proportional && a.fixed {
		if s, ok := a.ownedShareFixed(p); ok {
			return s, nil
		}
	}
	return a.r.OwnedShare(a.subject, p, m)
}

// aboveFigures is the working memory of [Above.ownedShareFixed].
type aboveFigures struct {
	figs []aboveFigure // by position
	// reached has a bit set for each position reached and not yet passed.
	reached []uint64
}

// aboveFigure is the look-through figure of one party of an [Above] at both
// ends of the ranges, while a question is answered.
type aboveFigure struct {
	lo, hi fdec
	split  bool // lo != hi
}

var aboveScratch = sync.Pool{New: func() any { return new(aboveFigures) }}

// ownedShareFixed computes [Register.OwnedShare] under [Proportional] in
// fixed point, and reports false where some figure does not fit (the
// register then answers with decimals where needed).
//
// It finds the figures of [subgraph.solve] the other way round: instead of
// adding up, for each party, what the parties it holds lead to, it passes
// down from the subject to the holders, in an order where each party comes
// after all it holds, the figure of each party that is looked through
// (weighted by each holder's stake). A holder is reached, as in the
// subgraph of the question, if it holds a party looked through; a party
// that matches p is not looked through and counts whole. Exact sums do not
// depend on their order, coefficient and exponent alike, and a sum in
// another order fits where the figure it makes fits, so the figures are the
// ones solve gives.
func (a *Above) ownedShareFixed(p Predicate) (Share, bool) {
	r := a.r
	buf := aboveScratch.Get().(*aboveFigures)
	defer aboveScratch.Put(buf)
	n := len(a.nodes)
	figs := resize(buf.figs, n)
	reached := resize(buf.reached, (n+63)/64)
	buf.figs, buf.reached = figs, reached
	clear(reached)
	reached[0] = 1
	figs[0] = aboveFigure{lo: fdecOne, hi: fdecOne}
	var tlo, thi fdec // the total, added up as ownedBy does
	// Holders come after what they hold: a party passed sets bits after
	// its own only.
	for wi := range reached {
		for reached[wi] != 0 {
			bit := bits.TrailingZeros64(reached[wi])
			reached[wi] &= reached[wi] - 1
			v := wi<<6 | bit
			f := &figs[v]
			if v > 0 && p.matches(r.parties[a.nodes[v]]) {
				var ok bool
				if tlo, ok = tlo.add(f.lo.capOne()); !ok {
					return Share{}, false
				}
				if thi, ok = thi.add(f.hi.capOne()); !ok {
					return Share{}, false
				}
				continue
			}
			for j := a.start[v]; j < a.start[v+1]; j++ {
				k := a.holder[j]
				h := &figs[k]
				if m := uint64(1) << (k & 63); reached[k>>6]&m == 0 {
					reached[k>>6] |= m
					*h = aboveFigure{}
				}
				if !h.addProduct(&r.fixed[a.edge[j]], f) {
					return Share{}, false
				}
			}
		}
	}
	return fixedTotal(tlo, thi), true
}

// addProduct adds to h the product of the weights w and the figures of f,
// at both ends, and reports whether the sums fit. A weight of 0 adds
// nothing, not even to the exponent. A first product (most parties hold one
// party only) becomes the sum itself where its exponent is not positive, as
// adding it to the zero fdec would give. The two ends are written out, not
// looped over, so that the products are computed inline.
func (h *aboveFigure) addProduct(w *econFixed, f *aboveFigure) bool {
	same := !w.split && !f.split && !h.split
	if w.lo != 0 {
		p, ok := fdec{c: w.lo, e: int32(w.elo), set: true}.mul(f.lo)
		switch {
		case !ok:
			return false
		case !h.lo.set && p.e <= 0:
			h.lo = p
		default:
			if h.lo, ok = h.lo.add(p); !ok {
				return false
			}
		}
	}
	if same {
		// The same weights, figures and sums so far at both ends make
		// the same new sums.
		h.hi = h.lo
		return true
	}
	if w.hi != 0 {
		p, ok := fdec{c: w.hi, e: int32(w.ehi), set: true}.mul(f.hi)
		switch {
		case !ok:
			return false
		case !h.hi.set && p.e <= 0:
			h.hi = p
		default:
			if h.hi, ok = h.hi.add(p); !ok {
				return false
			}
		}
	}
	h.split = h.lo != h.hi
	return true
}

// fixedTotal returns the total of an [Ownership] added up in fixed point.
func fixedTotal(lo, hi fdec) Share {
	return Share{min: lo.decimal(), max: hi.decimal(), set: true}.Clamp()
}
