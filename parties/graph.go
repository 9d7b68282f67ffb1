package parties

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// components is the strongly connected components of a graph, as [sccs]
// returns them, or the nodes of an acyclic graph in topological order, each
// its own component, as [subgraph.order] returns them.
type components struct {
	// comp[v] is the position of v's component (nil if acyclic).
	comp []int32
	// The members of component c, in increasing order, are
	// members[bounds[c]:bounds[c+1]]; if acyclic (bounds is nil), member c
	// is component c.
	members, bounds []int32
}

// len returns the number of components.
func (cs *components) len() int {
	if cs.bounds == nil {
		return len(cs.members)
	}
	return len(cs.bounds) - 1
}

// of returns the members of component c.
func (cs *components) of(c int) []int32 {
	if cs.bounds == nil {
		return cs.members[c : c+1]
	}
	return cs.members[cs.bounds[c]:cs.bounds[c+1]]
}

// size returns the number of members in v's component.
func (cs *components) size(v int32) int32 {
	if cs.bounds == nil {
		return 1
	}
	c := cs.comp[v]
	return cs.bounds[c+1] - cs.bounds[c]
}

// sccs returns the strongly connected components of the graph with n nodes
// whose successors of v are adj[start[v]:start[v+1]], by Tarjan's algorithm
// without recursion. Components come out in Tarjan's order: each after every
// component reachable from it.
func sccs(n int, start, adj []int32) components {
	var b sccsBuf
	return b.run(n, start, adj)
}

// sccsBuf is the working memory of [sccs], reusable from one graph to the
// next.
type sccsBuf struct {
	index, low, stack []int32
	onStack           []bool
	calls             []sccsFrame
	cs                components
}

type sccsFrame struct{ v, pos int32 }

// run is [sccs] in b's memory: the components returned are valid until the
// next call.
func (b *sccsBuf) run(n int, start, adj []int32) components {
	const unvisited = -1
	index := resize(b.index, n)
	low := resize(b.low, n)
	for i := range index {
		index[i] = unvisited
	}
	onStack := resize(b.onStack, n)
	clear(onStack)
	cs := components{comp: resize(b.cs.comp, n), members: slices.Grow(b.cs.members[:0], n), bounds: append(slices.Grow(b.cs.bounds[:0], n+1), 0)}
	stack, calls := b.stack[:0], b.calls[:0]
	next := int32(0)
	for root := range int32(n) {
		if index[root] != unvisited {
			continue
		}
		calls = append(calls, sccsFrame{root, start[root]})
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.pos < start[v+1] {
				w := adj[f.pos]
				f.pos++
				if index[w] == unvisited {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, sccsFrame{w, start[w]})
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				u := calls[len(calls)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				c := int32(len(cs.bounds) - 1)
				first := len(cs.members)
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					cs.comp[w] = c
					cs.members = append(cs.members, w)
					if w == v {
						break
					}
				}
				if len(cs.members)-first > 1 {
					slices.Sort(cs.members[first:])
				}
				cs.bounds = append(cs.bounds, int32(len(cs.members)))
			}
		}
	}
	*b = sccsBuf{index: index, low: low, stack: stack, onStack: onStack, calls: calls, cs: cs}
	return cs
}

// resize returns s with length n, reusing its memory where it is large
// enough; the contents are not cleared. Memory that is reused grows with
// room to spare.
func resize[S ~[]E, E any](s S, n int) S {
	switch {
	case cap(s) >= n:
		return s[:n]
	case cap(s) == 0:
		return make(S, n)
	}
	return make(S, n, n+n/4)
}

// checkClosedCycles reports every group of parties held entirely by each
// other (each member's holders within the group add up to 100%, at the lower
// ends of ranges) on some date: such a group has no owner outside itself, and
// look-through through it would never end.
//
// A closed group always contains one that is a strongly connected component
// of the stakes of a positive lower end active on its date (take a component
// of the group that no other member of the group holds); such a component
// lies within a component of the graph of all those stakes, whatever their
// dates. So the check looks within these components only, on each date their
// stakes change.
func (r *Register) checkClosedCycles() []error {
	n := len(r.parties)
	start := make([]int32, n+1)
	for i := range r.order {
		if r.stake(int32(i)).Economic.min.Sign() > 0 {
			start[r.ends[i].holder+1]++
		}
	}
	for i := range n {
		start[i+1] += start[i]
	}
	adj := make([]int32, start[n])
	fill := slices.Clone(start[:n])
	for i := range r.order {
		if r.stake(int32(i)).Economic.min.Sign() > 0 {
			h := r.ends[i].holder
			adj[fill[h]] = r.ends[i].subject
			fill[h]++
		}
	}
	cs := sccs(n, start, adj)

	var errs []error
	for c := range cs.len() {
		members := cs.of(c)
		if len(members) < 2 {
			continue
		}
		local := make(map[int32]int32, len(members))
		for i, v := range members {
			local[v] = int32(i)
		}
		// The positive stakes between members, and whether any is dated.
		var within []int32
		dated := false
		for _, v := range members {
			lo, _ := slices.BinarySearchFunc(r.ends, v, func(e stakeEnds, v int32) int { return cmp.Compare(e.subject, v) })
			for i := lo; i < len(r.ends) && r.ends[i].subject == v; i++ {
				if _, in := local[r.ends[i].holder]; in && r.stake(int32(i)).Economic.min.Sign() > 0 {
					within = append(within, int32(i))
					s := r.stake(int32(i))
					dated = dated || !s.From.IsZero() || !s.Until.IsZero()
				}
			}
		}
		dates := []time.Time{{}}
		if dated {
			ss := make([]*Stake, len(within))
			for i, si := range within {
				ss[i] = r.stake(si)
			}
			dates = changeDates(ss)
		}
		reported := map[string]bool{}
		for _, d := range dates {
			for _, group := range r.closedGroups(members, local, within, d) {
				ids := make([]string, len(group))
				for i, v := range group {
					ids[i] = string(r.parties[v].ID)
				}
				key := strings.Join(ids, "\x00")
				if reported[key] {
					continue
				}
				reported[key] = true
				at := ""
				if dated && !d.IsZero() {
					at = " on " + d.Format(time.DateOnly)
				}
				errs = append(errs, &PartyError{ID: ID(ids[0]),
					Err: fmt.Errorf("%w: %s are held entirely by each other%s", ErrClosedCycle, strings.Join(ids, ", "), at)})
			}
		}
	}
	return errs
}

// closedGroups returns the groups among members (a component of the graph of
// positive stakes, local[v] giving v's position in members) that are held
// entirely by each other through the stakes within, active on date d: the
// strongly connected components of those stakes whose members' holders
// within the component add up to 100% or more.
func (r *Register) closedGroups(members []int32, local map[int32]int32, within []int32, d time.Time) [][]int32 {
	k := len(members)
	start := make([]int32, k+1)
	var active []int32
	for _, si := range within {
		if r.stake(si).ActiveAt(d) {
			active = append(active, si)
			start[local[r.ends[si].holder]+1]++
		}
	}
	for i := range k {
		start[i+1] += start[i]
	}
	adj := make([]int32, len(active))
	fill := slices.Clone(start[:k])
	for _, si := range active {
		h := local[r.ends[si].holder]
		adj[fill[h]] = local[r.ends[si].subject]
		fill[h]++
	}
	cs := sccs(k, start, adj)
	var out [][]int32
	for c := range cs.len() {
		group := cs.of(c)
		if len(group) < 2 {
			continue
		}
		held := make([]decimal.Decimal, len(group))
		for i := range held {
			held[i] = zero
		}
		pos := func(v int32) int { i, _ := slices.BinarySearch(group, v); return i }
		for _, si := range active {
			h, s := local[r.ends[si].holder], local[r.ends[si].subject]
			if cs.comp[h] == int32(c) && cs.comp[s] == int32(c) {
				held[pos(s)] = held[pos(s)].Add(r.stake(si).Economic.min)
			}
		}
		if !slices.ContainsFunc(held, func(x decimal.Decimal) bool { return x.Cmp(one) < 0 }) {
			g := make([]int32, len(group))
			for i, v := range group {
				g[i] = members[v]
			}
			out = append(out, g)
		}
	}
	return out
}
