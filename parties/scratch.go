package parties

import (
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"
)

// scratch is the working memory of one look-through query: the subgraph, its
// components and the figures solved on it. Queries take one from a pool and
// put it back when done, so that a query allocates little beyond what it
// returns. A scratch serves one query at a time; a query that needs a second
// subgraph while it holds one (the interests of parties on cycles) takes a
// second scratch.
type scratch struct {
	// local[v] is the local index of party v in the subgraph, or -1; it
	// has at least as many entries as the register has parties, and every
	// entry is -1 between queries.
	local []int32

	g subgraph
	// The subgraph's stakes by subject: those held in local node q are
	// pairs[pstart[q]:pstart[q+1]].
	pairs  []subgraphPair
	pstart []int32
	fill   []int32
	// The components: a topological order, or Tarjan's.
	left, order []int32
	sccs        sccsBuf
	need        []bool
	// The weight of each subgraph stake at the lower and upper ends, where
	// wfit says they fit in fixed point.
	wlo, whi []fdec
	wfit     []bool
	lo, hi   figures
	sol      solution

	// For Controllers: stamps, vote sums and the stakes behind them.
	ctl controlBuf

	// home is where the register queried keeps a spare scratch.
	home *atomic.Pointer[scratch]
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// spareFrom is the number of parties from which a register keeps a spare
// scratch: below it, filling the dense index of a scratch that the collector
// took from the pool costs little.
const spareFrom = 1 << 14

// keepSpare gives r a place for a spare scratch if it is large.
func (r *Register) keepSpare() {
	if len(r.parties) >= spareFrom {
		r.spare = new(atomic.Pointer[scratch])
	}
}

// getScratch returns a scratch for a query on r: the one r keeps if it keeps
// one and no other query holds it, otherwise one from the pool.
func (r *Register) getScratch() *scratch {
	var s *scratch
	if r.spare != nil {
		s = r.spare.Swap(nil)
	}
	if s == nil {
		s = scratchPool.Get().(*scratch)
	}
	n := len(r.parties)
	if len(s.local) < n {
		old := len(s.local)
		if cap(s.local) >= n {
			s.local = s.local[:n]
		} else {
			s.local = append(s.local, make([]int32, n-old)...)
		}
		for i := old; i < n; i++ {
			s.local[i] = -1
		}
	}
	s.home = r.spare
	return s
}

// release makes s available to other queries, kept by its register if it is
// not much larger than the register needs. Nothing computed in s may be
// used after.
func (s *scratch) release() {
	for _, v := range s.g.nodes {
		s.local[v] = -1
	}
	// Drop the decimals, which the results may hold on to.
	s.lo.drop()
	s.hi.drop()
	n := 0
	if s.g.r != nil {
		n = len(s.g.r.parties)
	}
	s.g.r = nil
	s.sol = solution{}
	home := s.home
	s.home = nil
	if home == nil || len(s.local) > 2*n+1024 || !home.CompareAndSwap(nil, s) {
		scratchPool.Put(s)
	}
}

// figures holds the look-through figures of a subgraph's nodes at one end of
// the data's ranges: in fixed point where they fit (f), as decimals where
// they do not (d, where wide is set).
type figures struct {
	f    []fdec
	d    []decimal.Decimal
	wide []bool
	used bool // d may hold decimals
	// decimalOnly keeps every figure as a decimal.
	decimalOnly bool
}

// reset sizes x for n nodes, none of them wide, to be computed in fixed
// point where they fit unless decimalOnly is set.
func (x *figures) reset(n int, decimalOnly bool) {
	x.f = resize(x.f, n)
	x.d = resize(x.d, n)
	x.wide = resize(x.wide, n)
	clear(x.wide)
	x.used = true
	x.decimalOnly = decimalOnly
}

// drop forgets the decimals of x, if it was used since it last was.
func (x *figures) drop() {
	if x.used {
		clear(x.d)
		x.used = false
	}
}

// dec returns the figure of node v as a decimal.
func (x *figures) dec(v int32) decimal.Decimal {
	if x.wide[v] {
		return x.d[v]
	}
	return x.f[v].decimal()
}

// setDec sets the figure of node v to d, in fixed point if it fits and x
// is not decimalOnly.
func (x *figures) setDec(v int32, d decimal.Decimal) {
	if f, ok := fdecOf(d); ok && !x.decimalOnly {
		x.f[v], x.wide[v] = f, false
		return
	}
	x.d[v], x.wide[v] = d, true
}
