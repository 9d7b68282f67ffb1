// Package report prints the analysis of a deal scenario, a [*deal.Result],
// the way every program under examples/ does: a readable report, or one JSON
// object that extends the result's own JSON with the figures and assumptions
// the program adds.
package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
)

// Figure is an ownership figure a program computes from a post-deal
// register and shows next to the outcomes.
type Figure struct {
	// Label says what the figure is, as in "US share of TikTok Global,
	// directly".
	Label string
	// Proposal is the proposal after whose closing the figure holds; empty
	// for the world before any deal.
	Proposal string
	// Ownership is the look-through answer.
	Ownership parties.Ownership
}

// Param is one input of the analysis, such as a command-line flag.
type Param struct {
	// Name names the input, as "asof" or "bytedance-stake".
	Name string
	// Value is the input's value as the report shows it.
	Value string
}

// Extra is what a program adds to the engine's result.
type Extra struct {
	// Title heads the readable report.
	Title string
	// Params are the inputs the analysis ran with.
	Params []Param
	// Outcomes describe the outcomes in words, by outcome ID.
	Outcomes map[string]string
	// Facts are the dated facts the analysis rests on, as known by the
	// as-of date, each in words ("2025-01-19: the prohibitions take
	// effect").
	Facts []string
	// Figures are ownership figures worth showing.
	Figures []Figure
	// Assumptions are the choices the program makes where its sources are
	// silent, unconfirmed or contradict each other.
	Assumptions []string
}

// witnessHead introduces an outcome's witness path.
const witnessHead = "one way it comes about (the choice made at each step, marked [open] where it could have gone\n    another way, then in brackets what allows it):"

// width is the width the readable report wraps its text at.
const width = 100

// Text writes the readable report of r.
func Text(w io.Writer, r *deal.Result, x Extra) error {
	if r == nil {
		return errors.New("report: no result")
	}
	var b strings.Builder
	title := x.Title
	if title == "" {
		title = r.Scenario
	}
	fmt.Fprintf(&b, "%s\n", title)
	fmt.Fprintf(&b, "%s\n", strings.Repeat("=", len([]rune(title))))
	fmt.Fprintf(&b, "Scenario %q, as of %s", r.Scenario, r.AsOf.Format(time.DateOnly))
	if r.Partial {
		b.WriteString(" (partial analysis)")
	}
	b.WriteString("\n")
	for _, p := range x.Params {
		fmt.Fprintf(&b, "  %s: %s\n", p.Name, p.Value)
	}

	if len(x.Facts) > 0 {
		b.WriteString("\nFacts\n")
		for _, f := range x.Facts {
			wrap(&b, "  - ", "    ", f)
		}
	}

	if len(x.Figures) > 0 {
		b.WriteString("\nOwnership\n")
		for _, f := range x.Figures {
			line := fmt.Sprintf("%s: %s", f.Label, f.Ownership.Share)
			if len(f.Ownership.Holders) > 0 {
				hs := make([]string, len(f.Ownership.Holders))
				for i, h := range f.Ownership.Holders {
					hs[i] = fmt.Sprintf("%s %s", h.Party, h.Share)
				}
				line += " (" + strings.Join(hs, ", ") + ")"
			}
			wrap(&b, "  ", "    ", line)
		}
	}

	b.WriteString("\nOutcomes\n")
	for _, o := range r.Outcomes {
		b.WriteString("\n")
		wrap(&b, "  ", "    ", fmt.Sprintf("%s: %s", o.ID, verdict(o)))
		if d := x.Outcomes[o.ID]; d != "" {
			wrap(&b, "    ", "    ", d)
		}
		if len(o.Mitigations) > 0 {
			wrap(&b, "    ", "    ", "needs the mitigations: "+strings.Join(o.Mitigations, ", "))
		}
		if o.Possible {
			// A step gives the choice made on this path; its text says what
			// allows that choice, which for an open consent or decision reads
			// "may accept" or "at the authority's discretion" whichever way
			// the path goes.
			b.WriteString("    " + witnessHead + "\n")
			for _, s := range o.Witness {
				wrap(&b, "      - ", "        ", step(s))
			}
			continue
		}
		b.WriteString("    why not:\n")
		for _, rs := range o.Reasons {
			wrap(&b, "      - ", "        ", reason(rs))
		}
		if len(o.Relax) > 0 {
			b.WriteString("    it would become possible if these gave way together:\n")
			for _, rs := range o.Relax {
				wrap(&b, "      - ", "        ", reasonHead(rs))
			}
		}
	}

	if len(x.Assumptions) > 0 {
		b.WriteString("\nAssumptions\n")
		for _, a := range x.Assumptions {
			wrap(&b, "  - ", "    ", a)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// verdict summarises an outcome: possible or not, by when, how likely.
func verdict(o deal.Outcome) string {
	if !o.Possible {
		return "IMPOSSIBLE"
	}
	s := "POSSIBLE"
	switch {
	case o.Earliest.IsZero() && o.Latest.IsZero():
	case o.Earliest.Equal(o.Latest):
		s += ", on " + o.Earliest.Format(time.DateOnly)
	default:
		s += ", between " + o.Earliest.Format(time.DateOnly) + " and " + o.Latest.Format(time.DateOnly)
	}
	if o.Probability != nil {
		s += ", probability " + o.Probability.String()
	} else {
		s += "; probability not known (no likelihoods given)"
	}
	return s
}

func step(s deal.Step) string {
	line := fmt.Sprintf("%s %s: %s", s.Kind, s.ID, s.Value)
	if s.Open {
		line += " [open]"
	}
	if s.Text != "" {
		line += " (" + s.Text + ")"
	}
	return line
}

// reasonHead names what a reason is about: "position bytedance", "gate
// cn-tech-export-licence", "deadline eo-13942", "closing x".
func reasonHead(r deal.Reason) string {
	switch r.Kind {
	case deal.PositionReason:
		return "position " + string(r.Party)
	case deal.GateReason:
		return "gate " + r.Gate
	case deal.DeadlineReason:
		return "deadline " + r.Deadline
	}
	return r.Kind.String() + " " + r.Proposal
}

func reason(r deal.Reason) string { return reasonHead(r) + ": " + r.Text }

// wrap writes text wrapped at width, the first line after first and the
// others after rest.
func wrap(b *strings.Builder, first, rest, text string) {
	prefix := first
	line := 0
	for i, word := range strings.Fields(text) {
		n := len([]rune(word))
		switch {
		case i == 0:
			b.WriteString(prefix)
			line = len([]rune(prefix))
		case line+1+n > width:
			b.WriteString("\n")
			prefix = rest
			b.WriteString(prefix)
			line = len([]rune(prefix))
		default:
			b.WriteString(" ")
			line++
		}
		b.WriteString(word)
		line += n
	}
	b.WriteString("\n")
}

// jsonFigure is a [Figure] in JSON.
type jsonFigure struct {
	Label     string           `json:"label"`
	Proposal  string           `json:"proposal,omitempty"`
	Subject   parties.ID       `json:"subject"`
	Holders   string           `json:"holders"`
	Method    string           `json:"method"`
	Share     string           `json:"share"`
	Min       string           `json:"min"`
	Max       string           `json:"max"`
	Breakdown []jsonHolderPart `json:"breakdown"`
}

type jsonHolderPart struct {
	Party parties.ID `json:"party"`
	Share string     `json:"share"`
	Min   string     `json:"min"`
	Max   string     `json:"max"`
}

// JSON writes r as one indented JSON object: the result's own fields
// ([deal.Result.MarshalJSON]) followed by "parameters", "facts",
// "ownership" and "assumptions".
func JSON(w io.Writer, r *deal.Result, x Extra) error {
	if r == nil {
		return errors.New("report: no result")
	}
	base, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	base = bytes.TrimSpace(base)
	if len(base) < 2 || base[len(base)-1] != '}' {
		return fmt.Errorf("report: the result's JSON is not an object")
	}
	params := map[string]string{}
	for _, p := range x.Params {
		params[p.Name] = p.Value
	}
	figs := make([]jsonFigure, 0, len(x.Figures))
	for _, f := range x.Figures {
		o := f.Ownership
		jf := jsonFigure{Label: f.Label, Proposal: f.Proposal, Subject: o.Subject, Holders: o.Predicate, Method: o.Method.String(),
			Share: o.Share.String(), Min: o.Share.Min().String(), Max: o.Share.Max().String(), Breakdown: []jsonHolderPart{}}
		for _, h := range o.Holders {
			jf.Breakdown = append(jf.Breakdown, jsonHolderPart{Party: h.Party, Share: h.Share.String(), Min: h.Share.Min().String(), Max: h.Share.Max().String()})
		}
		figs = append(figs, jf)
	}
	facts, assumptions := x.Facts, x.Assumptions
	if facts == nil {
		facts = []string{}
	}
	if assumptions == nil {
		assumptions = []string{}
	}
	extra, err := json.Marshal(struct {
		Parameters  map[string]string `json:"parameters"`
		Facts       []string          `json:"facts"`
		Ownership   []jsonFigure      `json:"ownership"`
		Assumptions []string          `json:"assumptions"`
	}{params, facts, figs, assumptions})
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	// Splice the two objects: the result's fields first, in its own order.
	var joined bytes.Buffer
	joined.Write(base[:len(base)-1])
	if len(base) > 2 {
		joined.WriteByte(',')
	}
	joined.Write(extra[1:])
	var out bytes.Buffer
	if err := json.Indent(&out, joined.Bytes(), "", "  "); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}
