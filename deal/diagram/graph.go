package diagram

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/dealscape/dealscape/parties"
)

// OwnershipOptions configures [Ownership], [BeforeAfter], [Proposal] and
// [Scenario]. A nil *OwnershipOptions means the defaults: DOT, no title, the
// whole register, parties grouped by jurisdiction.
type OwnershipOptions struct {
	// Format is the output language.
	Format Format
	// Title is the diagram's title; empty means none.
	Title string
	// Subject, if not empty, limits the diagram to that party and everything
	// above it: its holders, their holders and so on, through cycles. A
	// subject found in no register drawn is an error wrapping
	// [parties.ErrUnknownParty].
	Subject parties.ID
	// Grouping says how jurisdictions are shown.
	Grouping Grouping
}

func (o *OwnershipOptions) orDefault() (OwnershipOptions, error) {
	var c OwnershipOptions
	if o != nil {
		c = *o
	}
	if _, err := c.Format.MarshalText(); err != nil {
		return c, fmt.Errorf("%w: %w", ErrOptions, err)
	}
	if _, err := c.Grouping.MarshalText(); err != nil {
		return c, fmt.Errorf("%w: %w", ErrOptions, err)
	}
	return c, nil
}

// node is one party as drawn.
type node struct {
	id   parties.ID
	name string
	kind parties.Kind
	jur  string // jurisdiction code, "" where not known
}

// arrow is the aggregate of the stakes one party holds in another.
type arrow struct {
	holder, subject parties.ID
	econ, vote      parties.Share
}

// label returns the arrow's label: the economic share, and the voting share
// where it differs ("12.5% (20% of votes)").
func (a arrow) label() string {
	if a.vote.Equal(a.econ) {
		return a.econ.String()
	}
	return a.econ.String() + " (" + a.vote.String() + " of votes)"
}

// ranged reports whether the arrow's economic share is a range.
func (a arrow) ranged() bool { return !a.econ.IsExact() }

// panel is one register as drawn: its parties in ID order and the holdings
// between them in (subject, holder) order. key, if not empty, prefixes node
// identifiers so that several panels can share one diagram.
type panel struct {
	key, label string
	nodes      []node
	arrows     []arrow
	note       string // shown instead of parties where there are none
}

// seat returns the jurisdiction code a party is drawn under: its
// headquarters, or its jurisdiction of incorporation.
func seat(p parties.Party) string {
	if !p.Headquarters.IsZero() {
		return p.Headquarters.Code()
	}
	return p.Jurisdiction.Code()
}

// newPanel draws reg, limited to subject and everything above it where
// subject is not empty. found reports whether subject is in reg.
func newPanel(key, label string, reg *parties.Register, subject parties.ID) (pn panel, found bool) {
	pn = panel{key: key, label: label}
	var include map[parties.ID]bool // nil for the whole register
	if subject != "" {
		if _, ok := reg.Party(subject); !ok {
			pn.note = fmt.Sprintf("%s is not in this register", subject)
			return pn, false
		}
		include = map[parties.ID]bool{subject: true}
		queue := []parties.ID{subject}
		for len(queue) > 0 {
			id := queue[0]
			queue = queue[1:]
			for s := range reg.Holders(id) {
				if !include[s.Holder] {
					include[s.Holder] = true
					queue = append(queue, s.Holder)
				}
			}
		}
	}
	for p := range reg.Parties() { // in ID order
		if include != nil && !include[p.ID] {
			continue
		}
		pn.nodes = append(pn.nodes, node{id: p.ID, name: p.String(), kind: p.Kind, jur: seat(p)})
		// Every holder of an included party is included; stakes come in
		// holder order, several of one holder (share classes, dated
		// stakes) one after another.
		for s := range reg.Holders(p.ID) {
			if n := len(pn.arrows); n > 0 && pn.arrows[n-1].subject == p.ID && pn.arrows[n-1].holder == s.Holder {
				a := &pn.arrows[n-1]
				a.econ, a.vote = a.econ.Add(s.Economic), a.vote.Add(s.Votes())
				continue
			}
			pn.arrows = append(pn.arrows, arrow{holder: s.Holder, subject: p.ID, econ: s.Economic, vote: s.Votes()})
		}
	}
	if len(pn.nodes) == 0 {
		pn.note = "no parties"
	}
	return pn, true
}

// group is the parties of one jurisdiction in a panel.
type group struct {
	jur   string
	nodes []node
}

// groups returns the panel's parties by jurisdiction, in code order with
// the unknown jurisdiction last.
func (pn *panel) groups() []group {
	var gs []group
	for _, n := range pn.nodes {
		i := slices.IndexFunc(gs, func(g group) bool { return g.jur == n.jur })
		if i < 0 {
			gs = append(gs, group{jur: n.jur})
			i = len(gs) - 1
		}
		gs[i].nodes = append(gs[i].nodes, n)
	}
	slices.SortFunc(gs, func(a, b group) int { return compareJur(a.jur, b.jur) })
	return gs
}

// compareJur orders jurisdiction codes, the unknown one ("") last.
func compareJur(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return cmp.Compare(a, b)
}

// jurLabel returns the jurisdiction's name as drawn.
func jurLabel(code string) string {
	if code == "" {
		return "unknown"
	}
	return code
}

// palette holds light fills that keep black text readable; jurisdictions
// take them in code order and share them round-robin beyond twelve.
var palette = [...]string{
	"#a6cee3", "#fdbf6f", "#b2df8a", "#fb9a99", "#cab2d6", "#ffff99",
	"#8dd3c7", "#bebada", "#80b1d3", "#fccde5", "#ccebc5", "#ffed6f",
}

// unknownColour fills parties whose jurisdiction is not known.
const unknownColour = "#e0e0e0"

// colours assigns a colour to every jurisdiction drawn in the panels, in
// code order, so that one jurisdiction has one colour across panels.
func colours(pns []panel) (codes []string, colour map[string]string) {
	colour = map[string]string{}
	for _, pn := range pns {
		for _, n := range pn.nodes {
			if _, ok := colour[n.jur]; !ok {
				colour[n.jur] = ""
				codes = append(codes, n.jur)
			}
		}
	}
	slices.SortFunc(codes, compareJur)
	k := 0
	for _, c := range codes {
		if c == "" {
			colour[c] = unknownColour
			continue
		}
		colour[c] = palette[k%len(palette)]
		k++
	}
	return codes, colour
}
