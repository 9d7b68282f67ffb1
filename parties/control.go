package parties

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
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
	var out []Controller
	for v := int32(1); v < int32(len(g.nodes)); v++ {
		lo, _ := g.controls(v, t, false)
		hi, chain := g.controls(v, t, true)
		switch {
		case lo:
			out = append(out, Controller{Party: r.parties[g.nodes[v]].ID, Controls: Holds, Chain: chain})
		case hi:
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

// controls reports whether local node c controls the subject (local node 0)
// at threshold t, using the lower or upper ends of voting ranges, and the
// stakes that prove it.
func (g *subgraph) controls(c int32, t Threshold, hi bool) (bool, []Stake) {
	n := len(g.nodes)
	in := make([]bool, n) // controlled by c (c included)
	votes := make(map[int32]decimal.Decimal)
	by := make(map[int32][]int32) // controlled entity -> subgraph stakes that gave it
	var order []int32
	in[c] = true
	queue := []int32{c}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for i := g.start[v]; i < g.start[v+1]; i++ {
			w := g.to[i]
			if in[w] {
				continue
			}
			e := &g.r.edges[g.via[i]]
			share := g.r.vote(e).min
			if hi {
				share = g.r.vote(e).max
			}
			sum, ok := votes[w]
			if !ok {
				sum = zero
			}
			votes[w] = sum.Add(share)
			by[w] = append(by[w], i)
			if t.Op.test(votes[w], t.Value) {
				in[w] = true
				order = append(order, w)
				if w == 0 {
					return true, g.chain(by, order)
				}
				queue = append(queue, w)
			}
		}
	}
	return false, nil
}

// chain lists the stakes behind each controlled entity that leads to the
// subject, from the top down.
func (g *subgraph) chain(by map[int32][]int32, order []int32) []Stake {
	need := map[int32]bool{0: true}
	var out []Stake
	for k := len(order) - 1; k >= 0; k-- {
		w := order[k]
		if !need[w] {
			continue
		}
		var ss []Stake
		for _, i := range by[w] {
			e := &g.r.edges[g.via[i]]
			need[g.local[e.holder]] = true
			g.r.yieldStakes(e, func(s Stake) bool { ss = append(ss, s); return true })
		}
		out = append(ss, out...)
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
	sol, err := g.solve(o.Method)
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
		return cmp.Or(b.Share.max.Cmp(a.Share.max), b.Share.min.Cmp(a.Share.min), cmp.Compare(a.Party, b.Party))
	})
	return out, nil
}
