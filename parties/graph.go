package parties

import (
	"fmt"
	"slices"
	"strings"
)

// sccs returns the strongly connected components of the graph with n nodes
// whose successors of v are adj[start[v]:start[v+1]]. Components come out in
// Tarjan's order: each after every component reachable from it. comp[v] is
// the position of v's component in that order.
func sccs(n int, start, adj []int32) (comp []int32, comps [][]int32) {
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	comp = make([]int32, n)
	for i := range index {
		index[i] = unvisited
	}
	onStack := make([]bool, n)
	var stack []int32
	type frame struct{ v, pos int32 }
	var calls []frame
	next := int32(0)
	for root := range int32(n) {
		if index[root] != unvisited {
			continue
		}
		calls = append(calls, frame{root, start[root]})
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
					calls = append(calls, frame{w, start[w]})
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
				var c []int32
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = int32(len(comps))
					c = append(c, w)
					if w == v {
						break
					}
				}
				slices.Sort(c)
				comps = append(comps, c)
			}
		}
	}
	return comp, comps
}

// checkClosedCycles reports a cycle of parties that are held entirely by
// each other: such a group has no owner outside itself, and look-through
// through it would never end.
func (r *Register) checkClosedCycles() error {
	n := len(r.parties)
	adj := make([]int32, len(r.outIdx))
	for i, ei := range r.outIdx {
		adj[i] = r.edges[ei].subject
	}
	comp, comps := sccs(n, r.outStart, adj)
	for ci, c := range comps {
		if len(c) < 2 {
			continue
		}
		closed := true
		for _, w := range c {
			sum := zero
			for _, e := range r.edges[r.inStart[w]:r.inStart[w+1]] {
				if comp[e.holder] == int32(ci) {
					sum = sum.Add(e.econ.min)
				}
			}
			if sum.Cmp(one) < 0 {
				closed = false
				break
			}
		}
		if closed {
			ids := make([]string, len(c))
			for i, v := range c {
				ids[i] = string(r.parties[v].ID)
			}
			return &PartyError{ID: r.parties[c[0]].ID,
				Err: fmt.Errorf("%w: %s are held entirely by each other", ErrClosedCycle, strings.Join(ids, ", "))}
		}
	}
	return nil
}
