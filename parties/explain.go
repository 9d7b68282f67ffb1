package parties

import (
	"fmt"
	"strings"
)

// Link is one step of a [Path]: the stakes one party holds in the next, and
// the weight they carry under the method used.
type Link struct {
	// Holder holds a stake in Subject.
	Holder, Subject ID
	// Weight is the share the link carries: the holder's economic share, or
	// 100% under [Attribution] where the holder controls the link's subject
	// and that is not the subject explained, or 0 under [Rolling] where the
	// share does not meet the threshold.
	Weight Share
	// Stakes are the stakes behind the link (several where the holder holds
	// several share classes), each with its source.
	Stakes []Stake
}

// Path is one chain of stakes from a holder to a subject.
type Path struct {
	// Links are the steps from the holder down to the subject.
	Links []Link
	// Share is the product of the links' weights.
	Share Share
}

// String writes the path as "a -(40%)-> b -(80%)-> c = 32%".
func (p Path) String() string {
	var sb strings.Builder
	for i, l := range p.Links {
		if i == 0 {
			sb.WriteString(string(l.Holder))
		}
		fmt.Fprintf(&sb, " -(%s)-> %s", l.Weight, l.Subject)
	}
	fmt.Fprintf(&sb, " = %s", p.Share)
	return sb.String()
}

// Explanation breaks a look-through figure down into the chains of stakes
// behind it.
type Explanation struct {
	// Holder's interest in Subject is explained.
	Holder, Subject ID
	// Method is the attribution method used.
	Method Method
	// Share is the holder's interest, as [Register.LookThrough] computes it.
	Share Share
	// Paths are the simple chains (visiting no party twice) from the holder
	// to the subject, in a deterministic order.
	Paths []Path
	// Truncated reports whether there were more than [MaxPaths] chains and
	// only the first ones are listed.
	Truncated bool
	// Remainder is Share less the sum of Paths: what walks around cycles of
	// cross-holdings add (and, if Truncated, the chains not listed). It is
	// exactly 0 on an acyclic register.
	Remainder Share
}

// MaxPaths is the most chains an [Explanation] lists.
const MaxPaths = 1000

// Explain breaks the interest of holder in subject under method m down into
// the chains of stakes that contribute to it.
func (r *Register) Explain(subject, holder ID, m Method) (Explanation, error) {
	if err := m.Validate(); err != nil {
		return Explanation{}, err
	}
	si, err := r.lookup(subject)
	if err != nil {
		return Explanation{}, err
	}
	hi, err := r.lookup(holder)
	if err != nil {
		return Explanation{}, err
	}
	g := r.subgraph(si, m.terminal(func(v int32) bool { return v == hi }))
	defer g.release()
	x := Explanation{Holder: holder, Subject: subject, Method: m, Share: Exact(zero), Remainder: Exact(zero)}
	hl, ok := g.localOf(hi)
	if !ok {
		return x, nil // holds nothing
	}
	sol, err := g.solve(m, func(v int32) bool { return v == hl })
	if err != nil {
		return Explanation{}, err
	}
	return g.explain(sol, hl, m), nil
}

// ExplainOwnedBy explains each contribution to [Register.OwnedBy]: one
// explanation per matching party, in ID order.
func (r *Register) ExplainOwnedBy(subject ID, p Predicate, m Method) ([]Explanation, error) {
	o, err := r.OwnedBy(subject, p, m)
	if err != nil {
		return nil, err
	}
	if len(o.Holders) == 0 {
		return nil, nil
	}
	si, _ := r.lookup(subject)
	g := r.subgraph(si, m.terminal(func(v int32) bool { return p.matches(r.parties[v]) }))
	defer g.release()
	holders := make([]int32, len(o.Holders))
	read := make([]bool, len(g.nodes))
	for i, h := range o.Holders {
		holders[i], _ = g.localOf(r.index[h.Party])
		read[holders[i]] = true
	}
	sol, err := g.solve(m, func(v int32) bool { return read[v] })
	if err != nil {
		return nil, err
	}
	out := make([]Explanation, len(holders))
	for i, h := range holders {
		out[i] = g.explain(sol, h, m)
	}
	return out, nil
}

// explain breaks the interest of local node hl of g down, from the solution
// sol (which must have hl's figure).
func (g *subgraph) explain(sol *solution, hl int32, m Method) Explanation {
	r := g.r
	x := Explanation{Holder: r.parties[g.nodes[hl]].ID, Subject: r.parties[g.nodes[0]].ID, Method: m, Share: Exact(zero), Remainder: Exact(zero)}
	x.Share = sol.share(hl)
	sum := Exact(zero)
	onPath := make([]bool, len(g.nodes))
	var links []int32 // positions in g.to/g.via
	steps := 0
	var walk func(v int32) bool
	walk = func(v int32) bool {
		if v == 0 {
			if len(x.Paths) == MaxPaths {
				x.Truncated = true
				return false
			}
			p := Path{Share: Exact(one)}
			for _, li := range links {
				l := g.link(m, li)
				p.Links = append(p.Links, l)
				p.Share = p.Share.Mul(l.Weight)
			}
			x.Paths = append(x.Paths, p)
			sum = sum.Add(p.Share)
			return true
		}
		onPath[v] = true
		defer func() { onPath[v] = false }()
		for i := g.start[v]; i < g.start[v+1]; i++ {
			if steps++; steps > 100*MaxPaths {
				x.Truncated = true
				return false
			}
			if w := g.to[i]; !onPath[w] {
				links = append(links, i)
				ok := walk(w)
				links = links[:len(links)-1]
				if !ok {
					return false
				}
			}
		}
		return true
	}
	walk(hl)
	x.Remainder = x.Share.Sub(sum)
	return x
}

// link returns the Link for position i of the subgraph's stakes.
func (g *subgraph) link(m Method, i int32) Link {
	e := &g.r.edges[g.via[i]]
	l := Link{
		Holder:  g.r.parties[e.holder].ID,
		Subject: g.r.parties[e.subject].ID,
	}
	econ, vote, into := g.r.econ(e), g.r.vote(e), g.to[i] == 0
	l.Weight = Share{min: m.coef(econ, vote, false, into), max: m.coef(econ, vote, true, into), set: true}
	g.r.yieldStakes(e, func(s Stake) bool { l.Stakes = append(l.Stakes, s); return true })
	return l
}
