package parties

import (
	"cmp"
	"fmt"
	"slices"
)

// Controller is a party that controls a subject, alone or through entities it
// controls.
type Controller struct {
	// Party is the controlling party.
	Party ID
	// Controls is [Holds] where the party controls the subject for every value
	// the data's ranges allow, [Open] where it does for some of them only.
	Controls Truth
	// Chain lists the stakes that prove control: for each entity on the way,
	// the voting stakes held in it by the controller or by entities it
	// controls, ending with those in the subject. With ranges, the chain is
	// the one at the upper ends.
	Chain []Stake
}

// Controllers returns every party that controls subject at threshold t: a
// party controls an entity if the votes in it held by the party and by the
// entities the party controls, added up, meet t. Control is decided on voting
// shares (a stake's Voting, or its Economic share where no voting share is
// given). The zero Threshold is replaced by [Majority]; any other must be a
// lower bound ("at least" or "more than"), or Controllers returns an error
// wrapping [ErrShareRange]. Parties that control for certain come first, then
// those that may control; each group in ID order.
func (r *Register) Controllers(subject ID, t Threshold) ([]Controller, error) {
	if t.Value.IsZero() && t.Op == AtLeast {
		t = Majority
	}
	if err := t.Validate(); err != nil {
		return nil, withContext("control threshold", err)
	}
	if t.Op != AtLeast && t.Op != MoreThan {
		return nil, fmt.Errorf("parties: control threshold %s: %w: it must be \"at least\" or \"more than\"", t, ErrShareRange)
	}
	si, err := r.lookup(subject)
	if err != nil {
		return nil, err
	}
	g := r.subgraph(si, func(int32) bool { return false })
	defer g.release()
	// With exact votes the upper ends decide as the lower ends do. Otherwise
	// a party that does not control at the upper ends does not at the lower
	// ends either.
	exact := g.votesExact()
	b := &g.s.ctl
	var out []Controller
	for v := int32(1); v < int32(len(g.nodes)); v++ {
		hi, chain := b.controls(g, v, t, !exact, true)
		if !hi {
			continue
		}
		lo := hi
		if !exact {
			lo, _ = b.controls(g, v, t, false, false)
		}
		if lo {
			out = append(out, Controller{Party: r.parties[g.nodes[v]].ID, Controls: Holds, Chain: chain})
		} else {
			out = append(out, Controller{Party: r.parties[g.nodes[v]].ID, Controls: Open, Chain: chain})
		}
	}
	slices.SortFunc(out, func(a, b Controller) int {
		return cmp.Or(cmp.Compare(rankTruth(a.Controls), rankTruth(b.Controls)), cmp.Compare(a.Party, b.Party))
	})
	return out, nil
}

func rankTruth(t Truth) int {
	if t == Holds {
		return 0
	}
	return 1
}

// votesExact reports whether the voting shares of every stake in the
// subgraph are exact.
func (g *subgraph) votesExact() bool {
	for _, ei := range g.via {
		if !g.r.vote(&g.r.edges[ei]).IsExact() {
			return false
		}
	}
	return true
}

// controlBuf is the working memory of [controlBuf.controls], reused from one
// controlling party to the next. Nodes are marked with stamps: a mark equal
// to gen is set in the current call, any other is not.
type controlBuf struct {
	gen  uint32
	seen []uint32 // the node has votes and a list of stakes
	in   []uint32 // the node is controlled
	need []uint32 // the node's stakes belong in the chain
	// votes[w] adds up the votes in w held by the party and the entities
	// it controls, through the subgraph stakes in w's list: pos[head[w]],
	// pos[next[head[w]]], … (-1 ends a list).
	votes      []sum
	head, tail []int32
	pos, next  []int32
	order      []int32
	queue      []int32
	keep       []int32
}

// begin starts a call on a subgraph of n nodes.
func (b *controlBuf) begin(n int) {
	if len(b.seen) < n {
		b.seen = append(b.seen, make([]uint32, n-len(b.seen))...)
		b.in = append(b.in, make([]uint32, n-len(b.in))...)
		b.need = append(b.need, make([]uint32, n-len(b.need))...)
		b.votes = resize(b.votes, n)
		b.head = resize(b.head, n)
		b.tail = resize(b.tail, n)
	}
	b.gen++
	if b.gen == 0 { // wrapped: forget every mark
		clear(b.seen)
		clear(b.in)
		clear(b.need)
		b.gen = 1
	}
	b.pos, b.next, b.order = b.pos[:0], b.next[:0], b.order[:0]
}

// controls reports whether local node c of g controls the subject (local
// node 0) at threshold t, using the lower or upper ends of voting ranges,
// and, if chain is set, the stakes that prove it.
func (b *controlBuf) controls(g *subgraph, c int32, t Threshold, hi, chain bool) (bool, []Stake) {
	b.begin(len(g.nodes))
	gen := b.gen
	b.in[c] = gen
	queue := append(b.queue[:0], c)
	defer func() { b.queue = queue }()
	for q := 0; q < len(queue); q++ {
		v := queue[q]
		for i := g.start[v]; i < g.start[v+1]; i++ {
			w := g.to[i]
			if b.in[w] == gen {
				continue
			}
			e := &g.r.edges[g.via[i]]
			share := g.r.vote(e).min
			if hi {
				share = g.r.vote(e).max
			}
			j := int32(len(b.pos))
			b.pos, b.next = append(b.pos, i), append(b.next, -1)
			if b.seen[w] != gen {
				b.seen[w], b.votes[w], b.head[w] = gen, sum{}, j
			} else {
				b.next[b.tail[w]] = j
			}
			b.tail[w] = j
			b.votes[w].add(share)
			if t.Op.holds(b.votes[w].cmp(t.Value)) {
				b.in[w] = gen
				b.order = append(b.order, w)
				if w == 0 {
					if !chain {
						return true, nil
					}
					return true, b.chain(g)
				}
				queue = append(queue, w)
			}
		}
	}
	return false, nil
}

// chain lists the stakes behind each controlled entity that leads to the
// subject, from the top down.
func (b *controlBuf) chain(g *subgraph) []Stake {
	gen := b.gen
	b.need[0] = gen
	// From the subject up, mark the entities whose stakes lead to it, and
	// count the stakes (at most).
	keep := b.keep[:0]
	n := 0
	for k := len(b.order) - 1; k >= 0; k-- {
		w := b.order[k]
		if b.need[w] != gen {
			continue
		}
		keep = append(keep, w)
		for j := b.head[w]; j >= 0; j = b.next[j] {
			e := &g.r.edges[g.via[b.pos[j]]]
			h, _ := g.localOf(e.holder)
			b.need[h] = gen
			n += int(e.last - e.first)
		}
	}
	b.keep = keep
	out := make([]Stake, 0, n)
	for i := len(keep) - 1; i >= 0; i-- {
		for j := b.head[keep[i]]; j >= 0; j = b.next[j] {
			out = g.r.appendStakes(out, &g.r.edges[g.via[b.pos[j]]])
		}
	}
	return out
}

// Owner is an ultimate owner of a subject: a natural person, a state, an
// unknown holder or an entity nobody holds, with its look-through interest.
type Owner struct {
	// Party is the owner.
	Party ID
	// Share is its look-through interest in the subject.
	Share Share
	// Meets tells whether Share meets the threshold asked for: [Holds], or
	// [Open] where a range straddles it.
	Meets Truth
}

// OwnerOptions configures [Register.UltimateOwners]. A nil *OwnerOptions
// means the defaults.
type OwnerOptions struct {
	// Method is the attribution method; the zero Method is [Proportional].
	Method Method
	// Threshold selects the owners reported: those whose interest meets it
	// for certain or possibly. The zero Threshold reports every owner with a
	// non-zero interest.
	Threshold Threshold
}

// UltimateOwners returns the parties at the top of the chains above subject:
// natural persons, states, unknown holders and entities that nobody holds,
// none of them looked through. Owners come in decreasing order of interest
// (upper end, then lower end), then by ID. Use [Register.Explain] for the
// paths behind each figure.
func (r *Register) UltimateOwners(subject ID, opts *OwnerOptions) ([]Owner, error) {
	var o OwnerOptions
	if opts != nil {
		o = *opts
	}
	if err := o.Method.Validate(); err != nil {
		return nil, err
	}
	if err := o.Threshold.Validate(); err != nil {
		return nil, err
	}
	si, err := r.lookup(subject)
	if err != nil {
		return nil, err
	}
	ultimate := func(v int32) bool {
		k := r.parties[v].Kind
		return k == Person || k == State || k == Unknown || r.inStart[v] == r.inStart[v+1]
	}
	g := r.subgraph(si, o.Method.terminal(ultimate))
	defer g.release()
	sol, err := g.solve(o.Method, func(v int32) bool { return v > 0 && ultimate(g.nodes[v]) })
	if err != nil {
		return nil, err
	}
	var out []Owner
	for v := int32(1); v < int32(len(g.nodes)); v++ {
		if !ultimate(g.nodes[v]) {
			continue
		}
		sh := sol.share(v)
		if sh.max.Sign() == 0 {
			continue
		}
		meets := o.Threshold.Test(sh)
		if meets == Fails {
			continue
		}
		out = append(out, Owner{Party: r.parties[g.nodes[v]].ID, Share: sh, Meets: meets})
	}
	slices.SortFunc(out, func(a, b Owner) int {
		return cmp.Or(cmpDec(b.Share.max, a.Share.max), cmpDec(b.Share.min, a.Share.min), cmp.Compare(a.Party, b.Party))
	})
	return out, nil
}
