package parties

import (
	"math"
	"slices"
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
	// alias reports ends equal in value but not in representation (0.5
	// and 0.50), where look-through takes the figures at the lower ends
	// for both.
	alias bool
}

// fixEcon returns the fixed-point ends of econ.
func fixEcon(econ Share) econFixed {
	lo, okLo := fdecOf(econ.min)
	hi, okHi := fdecOf(econ.max)
	if !okLo || !okHi || lo.e < math.MinInt8 || lo.e > math.MaxInt8 || hi.e < math.MinInt8 || hi.e > math.MaxInt8 {
		return econFixed{}
	}
	return econFixed{lo: lo.c, hi: hi.c, elo: int8(lo.e), ehi: int8(hi.e), fits: true, alias: lo != hi && lo.cmp(hi) == 0}
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
	// nodes are the parties above the subject, as indexes into r.parties
	// (nodes[0] is the subject); order lists their positions in nodes so
	// that each comes after every party it holds within the part. The
	// stakes held in nodes[v] are pairs[pstart[v]:pstart[v+1]].
	nodes, order, pstart []int32
	pairs                []subgraphPair
}

// Above returns the part of r above subject, for asking several questions
// about it. An unknown subject is an error wrapping [ErrUnknownParty].
func (r *Register) Above(subject ID) (*Above, error) {
	si, err := r.lookup(subject)
	if err != nil {
		return nil, err
	}
	a := &Above{r: r, subject: subject}
	g := r.subgraph(si, nil)
	defer g.release()
	cs := g.components()
	if cs.bounds != nil || r.decimalOnly {
		return a, nil
	}
	s := g.s
	a.fixed = true
	for _, p := range s.pairs {
		if w := &r.fixed[p.edge]; !w.fits || w.alias {
			a.fixed = false
			return a, nil
		}
	}
	a.nodes = slices.Clone(g.nodes)
	a.order = slices.Clone(cs.members)
	a.pstart = slices.Clone(s.pstart)
	a.pairs = slices.Clone(s.pairs)
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

// aboveFigure is the look-through figure of one party of an [Above] at both
// ends of the ranges, while a question is answered.
type aboveFigure struct {
	lo, hi  fdec
	reached bool
	split   bool // lo != hi
}

var aboveFigures = sync.Pool{New: func() any { return new([]aboveFigure) }}

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
	buf := aboveFigures.Get().(*[]aboveFigure)
	defer aboveFigures.Put(buf)
	figs := resize(*buf, len(a.nodes))
	*buf = figs
	clear(figs)
	figs[0] = aboveFigure{lo: fdecOne, hi: fdecOne, reached: true}
	var tlo, thi fdec // the total, added up as ownedBy does
	for _, v := range a.order {
		f := &figs[v]
		if !f.reached {
			continue
		}
		if v > 0 && p.matches(r.parties[a.nodes[v]]) {
			lo, hi := f.lo, f.hi
			if lo.cmpOne() > 0 {
				lo = fdecOne
			}
			if hi.cmpOne() > 0 {
				hi = fdecOne
			}
			var ok bool
			if tlo, ok = tlo.add(lo); !ok {
				return Share{}, false
			}
			if thi, ok = thi.add(hi); !ok {
				return Share{}, false
			}
			continue
		}
		for _, pr := range a.pairs[a.pstart[v]:a.pstart[v+1]] {
			w := &r.fixed[pr.edge]
			h := &figs[pr.holder]
			h.reached = true
			wlo, whi := w.ends()
			lo, ok := addProduct(h.lo, wlo, f.lo)
			if !ok {
				return Share{}, false
			}
			if wlo == whi && !f.split && !h.split {
				// The same weights, figures and sums so far at both
				// ends make the same new sums.
				h.lo, h.hi = lo, lo
				continue
			}
			hi, ok := addProduct(h.hi, whi, f.hi)
			if !ok {
				return Share{}, false
			}
			h.lo, h.hi, h.split = lo, hi, lo != hi
		}
	}
	return fixedTotal(tlo, thi), true
}

// addProduct returns sum + w × x, and sum itself for a weight of 0 (which
// adds nothing, not even to the exponent), and reports whether it fits.
func addProduct(sum, w, x fdec) (fdec, bool) {
	if w.c == 0 {
		return sum, true
	}
	p, ok := w.mul(x)
	if !ok {
		return fdec{}, false
	}
	return sum.add(p)
}

// fixedTotal returns the total of an [Ownership] added up in fixed point.
func fixedTotal(lo, hi fdec) Share {
	return Share{min: lo.decimal(), max: hi.decimal(), set: true}.Clamp()
}
