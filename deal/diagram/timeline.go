package diagram

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/regulator"
)

// TimelineSpec describes a Mermaid Gantt chart for [Timeline].
type TimelineSpec struct {
	// Title is the chart's title; empty means none.
	Title string
	// Filed is the filing date: each gate's review clock starts then, or,
	// for a gate that waits for others ([regulator.Gate.WaitsFor]) among
	// Gates, on the latest decision of those. It is required where there
	// are gates.
	Filed time.Time
	// Gates are the gates whose reviews are drawn, one section each in
	// order: every phase of the gate's [regulator.Timeline] from its start
	// to its latest end, as [regulator.Timeline.Schedule] gives them.
	Gates []regulator.Gate
	// Deadlines are drawn as milestones in a last section, in order: each
	// on its date, and again on its latest date where it can be extended.
	Deadlines []regulator.Deadline
	// CloseEarliest and CloseLatest, where CloseLatest is not zero, bound
	// the date the deal can close ([deal.Outcome.Earliest] and
	// [deal.Outcome.Latest]); they are drawn as a bar in a section of their
	// own.
	CloseEarliest, CloseLatest time.Time
}

// Timeline writes spec as a Mermaid Gantt chart to w. Bars run from the day
// a phase's clock starts to the day the longest path through the gate's
// timeline ends it; an optional phase is marked "(optional)" and a
// zero-length phase is a milestone. Deadlines are critical milestones.
//
// Nothing is written if spec is invalid: a missing filing date where there
// are gates, or a deadline with no date, wraps [ErrMissing]; gates that wait
// for each other wrap [ErrWaitCycle]; a phase whose end cannot be computed
// (a working-day calendar that does not cover the dates) reports the
// calendar's error.
func Timeline(w io.Writer, spec TimelineSpec) error {
	var b strings.Builder
	if err := writeGantt(&b, spec); err != nil {
		return err
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("diagram: write: %w", err)
	}
	return nil
}

// ganttDate formats a date as Mermaid's dateFormat YYYY-MM-DD reads it.
func ganttDate(t time.Time) string { return t.Format(time.DateOnly) }

func writeGantt(b *strings.Builder, spec TimelineSpec) error {
	if len(spec.Gates) > 0 && spec.Filed.IsZero() {
		return fmt.Errorf("%w: filing date", ErrMissing)
	}
	for i, d := range spec.Deadlines {
		if d.Date().IsZero() {
			return fmt.Errorf("%w: date of deadlines[%d] (%q)", ErrMissing, i, d.ID())
		}
	}
	schedules, starts, err := schedule(spec.Filed, spec.Gates)
	if err != nil {
		return err
	}
	b.WriteString("gantt\n")
	if title := strings.TrimSpace(spec.Title); title != "" {
		fmt.Fprintf(b, "    title %s\n", ganttText(title))
	}
	b.WriteString("    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m-%d\n    todayMarker off\n")
	for i, g := range spec.Gates {
		fmt.Fprintf(b, "    section %s\n", ganttText(sectionName(g, i)))
		s := schedules[i]
		if len(s) == 0 {
			// No review period: the authority decides on the day its
			// clock starts.
			fmt.Fprintf(b, "    %s :milestone, g%d, %s, 0d\n", ganttTask("decision"), i, ganttDate(starts[i]))
			continue
		}
		for j, p := range s {
			name := strings.TrimSpace(p.Phase)
			if name == "" {
				name = fmt.Sprintf("phase %d", j+1)
			}
			if p.Optional {
				name += " (optional)"
			}
			if !p.LatestEnd.After(p.Start) {
				fmt.Fprintf(b, "    %s :milestone, g%dp%d, %s, 0d\n", ganttTask(name), i, j, ganttDate(p.Start))
				continue
			}
			fmt.Fprintf(b, "    %s :g%dp%d, %s, %s\n", ganttTask(name), i, j, ganttDate(p.Start), ganttDate(p.LatestEnd))
		}
	}
	if !spec.CloseLatest.IsZero() {
		b.WriteString("    section closing\n")
		lo, hi := spec.CloseEarliest, spec.CloseLatest
		if lo.IsZero() {
			lo = hi
		}
		if hi.After(lo) {
			fmt.Fprintf(b, "    %s :active, close, %s, %s\n", ganttTask("closing window"), ganttDate(lo), ganttDate(hi))
		} else {
			fmt.Fprintf(b, "    %s :milestone, close, %s, 0d\n", ganttTask("closes"), ganttDate(hi))
		}
	}
	if len(spec.Deadlines) > 0 {
		b.WriteString("    section deadlines\n")
		for i, d := range spec.Deadlines {
			name := strings.TrimSpace(d.Name())
			if name == "" {
				name = fmt.Sprintf("deadline %d", i+1)
			}
			label := name
			if d.Enjoinable() {
				label += " (may be enjoined)"
			}
			fmt.Fprintf(b, "    %s :crit, milestone, d%d, %s, 0d\n", ganttTask(label), i, ganttDate(d.Date()))
			if d.Latest().After(d.Date()) {
				ext := "extended"
				if d.Extendable() != regulator.Holds {
					ext = "if extended"
				}
				fmt.Fprintf(b, "    %s :crit, milestone, d%dx, %s, 0d\n", ganttTask(name+" ("+ext+")"), i, ganttDate(d.Latest()))
			}
		}
	}
	return nil
}

// sectionName names the section of gate i: the gate and its regulator.
func sectionName(g regulator.Gate, i int) string {
	name := strings.TrimSpace(g.Name())
	if name == "" {
		name = fmt.Sprintf("gate %d", i+1)
	}
	if r := strings.TrimSpace(g.Regulator().String()); r != "" && r != name {
		return name + " (" + r + ")"
	}
	return name
}

// schedule returns the phase dates of each gate and the day its clock
// starts: filed, or the latest decision of the gates among gs it waits for.
func schedule(filed time.Time, gs []regulator.Gate) ([][]regulator.PhaseDates, []time.Time, error) {
	out := make([][]regulator.PhaseDates, len(gs))
	starts := make([]time.Time, len(gs))
	state := make([]int8, len(gs)) // 0 new, 1 in progress, 2 done
	decided := func(i int) time.Time {
		if s := out[i]; len(s) > 0 {
			return s[len(s)-1].LatestEnd
		}
		return starts[i]
	}
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case 1:
			return fmt.Errorf("%w: %q", ErrWaitCycle, gs[i].ID())
		case 2:
			return nil
		}
		state[i] = 1
		start := civil.Date(filed)
		for _, w := range gs[i].WaitsFor() {
			j := slices.IndexFunc(gs, func(g regulator.Gate) bool { return g.ID() == w })
			if j < 0 {
				continue // a gate not drawn does not hold this one up
			}
			if err := visit(j); err != nil {
				return err
			}
			if end := decided(j); end.After(start) {
				start = end
			}
		}
		s, err := gs[i].Timeline().Schedule(start)
		if err != nil {
			return fmt.Errorf("diagram: gate %q: %w", gs[i].ID(), err)
		}
		out[i], starts[i], state[i] = s, start, 2
		return nil
	}
	for i := range gs {
		if err := visit(i); err != nil {
			return nil, nil, err
		}
	}
	return out, starts, nil
}

// OutcomeTimeline returns the timeline of outcome o of sc, for [Timeline]:
//
//   - a closing: the gates its witness path clears (the steps of kind
//     "decision"), in the scenario's order, from the proposal's filing
//     date (the scenario's as-of date where it has none) to their latest
//     decisions; the closing window; and every deadline of the scenario;
//   - a deadline's consequence: the deadlines whose threats bring it about;
//   - the status quo: every deadline.
//
// The title is the outcome's kind and name. An impossible outcome has no
// witness path and reports an error wrapping [ErrNoWitness]; a closing
// whose proposal sc does not have wraps [deal.ErrUnknownProposal].
//
// The gates are those of one path, the witness: where open terms or
// triggers make different gates apply on other paths, they are not drawn.
func OutcomeTimeline(sc *deal.Scenario, o deal.Outcome) (TimelineSpec, error) {
	if sc == nil {
		return TimelineSpec{}, fmt.Errorf("%w: scenario", ErrMissing)
	}
	if !o.Possible {
		return TimelineSpec{}, fmt.Errorf("%w: %s %q is impossible", ErrNoWitness, o.Kind, o.ID)
	}
	var spec TimelineSpec
	threats := sc.Threats()
	switch o.Kind {
	case deal.Closing:
		ps := sc.Proposals()
		i := slices.IndexFunc(ps, func(p deal.Proposal) bool { return p.ID == o.ID })
		if i < 0 {
			return TimelineSpec{}, fmt.Errorf("diagram: outcome %q: %w", o.ID, deal.ErrUnknownProposal)
		}
		p := ps[i]
		spec.Title = "closing: " + proposalName(p)
		spec.Filed = p.Filed
		if spec.Filed.IsZero() {
			spec.Filed = sc.AsOf()
		}
		decided := map[string]bool{}
		for _, st := range o.Witness {
			if st.Kind == "decision" {
				decided[st.ID] = true
			}
		}
		for _, g := range sc.Gates() {
			if decided[g.ID()] {
				spec.Gates = append(spec.Gates, g)
			}
		}
		spec.CloseEarliest, spec.CloseLatest = o.Earliest, o.Latest
		for _, t := range threats {
			spec.Deadlines = append(spec.Deadlines, t.Deadline)
		}
	case deal.Consequence:
		spec.Title = "consequence: " + o.ID
		for _, t := range threats {
			if t.Outcome == o.ID {
				spec.Deadlines = append(spec.Deadlines, t.Deadline)
			}
		}
	default:
		spec.Title = "status quo"
		for _, t := range threats {
			spec.Deadlines = append(spec.Deadlines, t.Deadline)
		}
	}
	spec.Title = titled(sc.Name(), spec.Title)
	return spec, nil
}
