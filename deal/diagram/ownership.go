package diagram

import (
	"fmt"
	"io"
	"strings"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
)

// Ownership writes the ownership graph of reg to w in opts.Format: one node
// per party, labelled with its name and identified by its ID, and one arrow
// from each holder to each subject it holds a stake in, labelled with the
// share (all share classes together; a range as "40%–41%", drawn dashed; the
// voting share too where it differs). Parties are grouped or coloured by
// jurisdiction as opts.Grouping says. The register's state decides which
// stakes count (see [parties.Register.AsOf]).
//
// The output depends only on the register's parties and stakes, never on
// the order they were added in. Nothing is written if an input is invalid.
func Ownership(w io.Writer, reg *parties.Register, opts *OwnershipOptions) error {
	o, err := opts.orDefault()
	if err != nil {
		return err
	}
	if reg == nil {
		return fmt.Errorf("%w: register", ErrMissing)
	}
	pn, found := newPanel("", "", reg, o.Subject)
	if !found {
		return fmt.Errorf("diagram: subject %q: %w", o.Subject, parties.ErrUnknownParty)
	}
	return render(w, o, []panel{pn})
}

// BeforeAfter writes the ownership graphs of two registers side by side in
// one diagram, as [Ownership] draws each: in DOT two clusters named
// "cluster_before" and "cluster_after", in Mermaid two subgraphs "before"
// and "after". A party's node identifier is its ID prefixed with "before:"
// or "after:" (DOT), or its encoded ID prefixed with "before_p_" or
// "after_p_" (Mermaid). A jurisdiction has the same colour on both sides.
//
// With a [deal.Scenario], after is the register [deal.Scenario.PostDeal]
// returns; [Proposal] does that. Where opts.Subject is in one register only
// (a party the deal forms), the other side shows a note instead.
func BeforeAfter(w io.Writer, before, after *parties.Register, opts *OwnershipOptions) error {
	return compare(w, opts, []side{{"before", "before", before}, {"after", "after", after}})
}

// Proposal writes the ownership graph before a proposal of sc and after it
// closes side by side, as [BeforeAfter] does; the post-deal register is
// [deal.Scenario.PostDeal] with every open term at its first value. An
// empty opts.Title means "<scenario name>: <proposal name>".
func Proposal(w io.Writer, sc *deal.Scenario, proposalID string, opts *OwnershipOptions) error {
	if sc == nil {
		return fmt.Errorf("%w: scenario", ErrMissing)
	}
	after, _, err := sc.PostDeal(proposalID, nil)
	if err != nil {
		return fmt.Errorf("diagram: proposal %q: %w", proposalID, err)
	}
	name := proposalID
	for _, p := range sc.Proposals() {
		if p.ID == proposalID {
			name = proposalName(p)
		}
	}
	o := withTitle(opts, titled(sc.Name(), name))
	return compare(w, &o, []side{{"before", "before", sc.Register()}, {"after", "after: " + name, after}})
}

// Scenario writes the ownership graph before any deal and after each
// proposal of sc closes, side by side: in DOT clusters "cluster_before",
// "cluster_after1", "cluster_after2", … (in the order of the proposals), in
// Mermaid subgraphs "before", "after1", …; with a single proposal the
// second is "after", as [Proposal] draws it. Each post-deal register is
// [deal.Scenario.PostDeal] with every open term at its first value. An
// empty opts.Title means the scenario's name.
func Scenario(w io.Writer, sc *deal.Scenario, opts *OwnershipOptions) error {
	if sc == nil {
		return fmt.Errorf("%w: scenario", ErrMissing)
	}
	ps := sc.Proposals()
	sides := []side{{"before", "before", sc.Register()}}
	for i, p := range ps {
		after, _, err := sc.PostDeal(p.ID, nil)
		if err != nil {
			return fmt.Errorf("diagram: proposal %q: %w", p.ID, err)
		}
		key := "after"
		if len(ps) > 1 {
			key = fmt.Sprintf("after%d", i+1)
		}
		sides = append(sides, side{key, "after: " + proposalName(p), after})
	}
	o := withTitle(opts, sc.Name())
	return compare(w, &o, sides)
}

// proposalName returns the name of p as drawn: its name, or its ID where it
// has none.
func proposalName(p deal.Proposal) string {
	if p.Name == "" {
		return p.ID
	}
	return p.Name
}

// side is one register of a comparison.
type side struct {
	key, label string
	reg        *parties.Register
}

func compare(w io.Writer, opts *OwnershipOptions, sides []side) error {
	o, err := opts.orDefault()
	if err != nil {
		return err
	}
	pns := make([]panel, len(sides))
	anywhere := false
	for i, s := range sides {
		if s.reg == nil {
			return fmt.Errorf("%w: %s register", ErrMissing, s.key)
		}
		var found bool
		pns[i], found = newPanel(s.key, s.label, s.reg, o.Subject)
		anywhere = anywhere || found
	}
	if !anywhere {
		return fmt.Errorf("diagram: subject %q: %w", o.Subject, parties.ErrUnknownParty)
	}
	return render(w, o, pns)
}

// withTitle returns a copy of opts (the defaults for nil) whose empty title
// is replaced by title.
func withTitle(opts *OwnershipOptions, title string) OwnershipOptions {
	var o OwnershipOptions
	if opts != nil {
		o = *opts
	}
	if o.Title == "" {
		o.Title = title
	}
	return o
}

func titled(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ": " + b
}

func render(w io.Writer, o OwnershipOptions, pns []panel) error {
	var b strings.Builder
	switch o.Format {
	case Mermaid:
		writeMermaid(&b, o.Title, pns, o.Grouping)
	default:
		writeDOT(&b, o.Title, pns, o.Grouping)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("diagram: write: %w", err)
	}
	return nil
}
