package diagram

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/dealscape/dealscape/deal"
)

// Markdown writes a Markdown document holding every Mermaid diagram of a
// scenario, each in a ```mermaid code block (which GitHub, GitLab and
// mermaid-cli render): for each proposal, the ownership graph before it
// and after it closes side by side, as [Proposal] draws it with opts (its
// Format is ignored; a nil opts means the defaults); then, where r is not
// nil, the timeline of each outcome of r in order, as [OutcomeTimeline]
// and [Timeline] draw it, or a line saying the outcome is impossible. A
// scenario with no proposal shows its register as [Ownership] draws it.
//
// r must be the result of analysing sc. Nothing is written if a diagram
// cannot be drawn.
func Markdown(w io.Writer, sc *deal.Scenario, r *deal.Result, opts *OwnershipOptions) error {
	if sc == nil {
		return fmt.Errorf("%w: scenario", ErrMissing)
	}
	var o OwnershipOptions
	if opts != nil {
		o = *opts
	}
	o.Format = Mermaid
	var b strings.Builder
	if name := sc.Name(); name != "" {
		fmt.Fprintf(&b, "# %s\n\n", markdownText(name))
	}
	block := func(draw func(w io.Writer) error) error {
		b.WriteString("```mermaid\n")
		if err := draw(&b); err != nil {
			return err
		}
		b.WriteString("```\n\n")
		return nil
	}
	ps := sc.Proposals()
	if len(ps) == 0 {
		b.WriteString("## Ownership\n\n")
		if err := block(func(w io.Writer) error { return Ownership(w, sc.Register(), &o) }); err != nil {
			return err
		}
	}
	for _, p := range ps {
		fmt.Fprintf(&b, "## Ownership before and after %s\n\n", markdownText(proposalName(p)))
		if err := block(func(w io.Writer) error { return Proposal(w, sc, p.ID, &o) }); err != nil {
			return err
		}
	}
	if r != nil {
		b.WriteString("## Timelines\n\n")
		for _, out := range r.Outcomes {
			fmt.Fprintf(&b, "### %s (%s)\n\n", markdownText(out.ID), out.Kind)
			spec, err := OutcomeTimeline(sc, out)
			if errors.Is(err, ErrNoWitness) {
				b.WriteString("Impossible: no path reaches this outcome.\n\n")
				continue
			}
			if err != nil {
				return err
			}
			if err := block(func(w io.Writer) error { return Timeline(w, spec) }); err != nil {
				return err
			}
		}
	}
	if _, err := io.WriteString(w, strings.TrimSuffix(b.String(), "\n")); err != nil {
		return fmt.Errorf("diagram: write: %w", err)
	}
	return nil
}

// markdownText returns s for a Markdown heading: the characters that
// Markdown or HTML would read as markup are escaped with a backslash, and
// line breaks and other control characters become spaces, so that s shows
// as written and stays on one line.
func markdownText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_[]<>#!|~&", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
