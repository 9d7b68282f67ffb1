package diagram_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/deal/diagram"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ext returns the golden file extension of a format.
func ext(f diagram.Format) string {
	if f == diagram.Mermaid {
		return ".mmd"
	}
	return ".dot"
}

var formats = []diagram.Format{diagram.DOT, diagram.Mermaid}

// ownershipCases are the ownership diagrams of the TikTok-like world, each
// drawn in every format.
func ownershipCases(t *testing.T) []struct {
	name string
	draw func(w *bytes.Buffer, f diagram.Format) error
} {
	reg := tiktokRegister(t)
	sc := tiktokScenario(t)
	after, _, err := sc.PostDeal("oracle-stake", nil)
	require.NoError(t, err)
	return []struct {
		name string
		draw func(w *bytes.Buffer, f diagram.Format) error
	}{
		{"ownership-group", func(w *bytes.Buffer, f diagram.Format) error {
			return diagram.Ownership(w, reg, &diagram.OwnershipOptions{Format: f, Title: "TikTok Global, September 2020"})
		}},
		{"ownership-colour", func(w *bytes.Buffer, f diagram.Format) error {
			return diagram.Ownership(w, reg, &diagram.OwnershipOptions{Format: f, Grouping: diagram.ColourByJurisdiction})
		}},
		{"ownership-none", func(w *bytes.Buffer, f diagram.Format) error {
			return diagram.Ownership(w, reg, &diagram.OwnershipOptions{Format: f, Grouping: diagram.NoGrouping})
		}},
		{"ownership-subject", func(w *bytes.Buffer, f diagram.Format) error {
			return diagram.Ownership(w, reg, &diagram.OwnershipOptions{Format: f, Subject: "tiktok-global", Title: "Who holds TikTok Global"})
		}},
		{"before-after", func(w *bytes.Buffer, f diagram.Format) error {
			return diagram.BeforeAfter(w, reg, after, &diagram.OwnershipOptions{Format: f, Subject: "tiktok-global"})
		}},
		{"proposal-newco", func(w *bytes.Buffer, f diagram.Format) error {
			return diagram.Proposal(w, sc, "newco", &diagram.OwnershipOptions{Format: f, Subject: "newco", Grouping: diagram.ColourByJurisdiction})
		}},
		{"scenario", func(w *bytes.Buffer, f diagram.Format) error {
			return diagram.Scenario(w, sc, &diagram.OwnershipOptions{Format: f})
		}},
	}
}

func TestOwnershipGolden(t *testing.T) {
	for _, c := range ownershipCases(t) {
		for _, f := range formats {
			t.Run(c.name+"/"+f.String(), func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, c.draw(&b, f))
				golden(t, c.name+ext(f), b.Bytes())
			})
		}
	}
}

// timelineSpec is a Gantt chart of both gates, filed on 2020-09-14, with
// both deadlines.
func timelineSpec() diagram.TimelineSpec {
	return diagram.TimelineSpec{
		Title:     "TikTok Global: reviews and deadlines",
		Filed:     date("2020-09-14"),
		Gates:     []regulator.Gate{cfiusGate(), licenceGate()},
		Deadlines: []regulator.Deadline{eoDeadline(), divestitureDeadline()},
	}
}

func TestTimelineGolden(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, diagram.Timeline(&b, timelineSpec()))
	golden(t, "timeline.gantt.mmd", b.Bytes())
}

func analyze(t *testing.T) (*deal.Scenario, *deal.Result) {
	t.Helper()
	sc := tiktokScenario(t)
	res, err := sc.Analyze(context.Background(), nil)
	require.NoError(t, err)
	return sc, res
}

func TestOutcomeTimelineGolden(t *testing.T) {
	sc, res := analyze(t)
	for _, o := range res.Outcomes {
		t.Run(o.ID, func(t *testing.T) {
			spec, err := diagram.OutcomeTimeline(sc, o)
			if !o.Possible {
				require.ErrorIs(t, err, diagram.ErrNoWitness)
				return
			}
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, diagram.Timeline(&b, spec))
			golden(t, "outcome-"+o.ID+".gantt.mmd", b.Bytes())
		})
	}
}

// The closing's Gantt chart ends where the engine says the last clearance
// can land at the latest: the gates drawn are the ones the engine waits for.
func TestOutcomeTimelineMatchesEngine(t *testing.T) {
	sc, res := analyze(t)
	o, ok := res.Outcome("oracle-stake")
	require.True(t, ok)
	require.True(t, o.Possible)
	spec, err := diagram.OutcomeTimeline(sc, o)
	require.NoError(t, err)
	require.Len(t, spec.Gates, 1, "only the CFIUS-like gate applies to a deal that keeps the algorithm")
	assert.Equal(t, "us-cfius", spec.Gates[0].ID())
	assert.Equal(t, date("2020-09-14"), spec.Filed)
	s, err := spec.Gates[0].Timeline().Schedule(spec.Filed)
	require.NoError(t, err)
	assert.Equal(t, o.Latest, s[len(s)-1].LatestEnd)
	assert.Len(t, spec.Deadlines, 2)

	newco, ok := res.Outcome("newco")
	require.True(t, ok)
	require.False(t, newco.Possible, "the licence is refused")
	_, err = diagram.OutcomeTimeline(sc, newco)
	require.ErrorIs(t, err, diagram.ErrNoWitness)

	ban, ok := res.Outcome("us-ban")
	require.True(t, ok)
	spec, err = diagram.OutcomeTimeline(sc, ban)
	require.NoError(t, err)
	assert.Empty(t, spec.Gates)
	assert.Len(t, spec.Deadlines, 2)
}

func TestMarkdownGolden(t *testing.T) {
	sc, res := analyze(t)
	var b bytes.Buffer
	require.NoError(t, diagram.Markdown(&b, sc, res, nil))
	golden(t, "scenario.md", b.Bytes())
}

// A gate that waits for another starts on that one's latest decision; gates
// that wait for each other are an error.
func TestTimelineWaitsFor(t *testing.T) {
	spec := cfiusGate().Spec()
	spec.ID, spec.Name, spec.WaitsFor = "after-cfius", "follow-up review", []string{"us-cfius"}
	follow := regulator.MustGate(spec)
	var b bytes.Buffer
	require.NoError(t, diagram.Timeline(&b, diagram.TimelineSpec{Filed: date("2020-09-14"), Gates: []regulator.Gate{follow, cfiusGate()}}))
	out := b.String()
	// CFIUS: review 09-14..10-28, investigation ..12-11; the follow-up
	// review starts on 12-11.
	assert.Contains(t, out, "review :g0p0, 2020-12-11, 2021-01-24\n")
	assert.Contains(t, out, "review :g1p0, 2020-09-14, 2020-10-28\n")

	loop := cfiusGate().Spec()
	loop.WaitsFor = []string{"after-cfius"}
	b.Reset()
	err := diagram.Timeline(&b, diagram.TimelineSpec{Filed: date("2020-09-14"), Gates: []regulator.Gate{follow, regulator.MustGate(loop)}})
	require.ErrorIs(t, err, diagram.ErrWaitCycle)
	assert.Zero(t, b.Len(), "nothing is written on error")
}

func TestTimelineErrors(t *testing.T) {
	var b bytes.Buffer
	err := diagram.Timeline(&b, diagram.TimelineSpec{Gates: []regulator.Gate{cfiusGate()}})
	require.ErrorIs(t, err, diagram.ErrMissing)
	err = diagram.Timeline(&b, diagram.TimelineSpec{Deadlines: []regulator.Deadline{{}}})
	require.ErrorIs(t, err, diagram.ErrMissing)
	assert.Zero(t, b.Len())

	// Only deadlines: no filing date needed.
	require.NoError(t, diagram.Timeline(&b, diagram.TimelineSpec{Deadlines: []regulator.Deadline{eoDeadline()}}))
	assert.Equal(t, "gantt\n    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m-%d\n    todayMarker off\n"+
		"    section deadlines\n    EO 13942 prohibitions (may be enjoined) :crit, milestone, d0, 2020-09-20, 0d\n", b.String())

	// A gate with no review period decides on the filing date.
	b.Reset()
	g := regulator.MustGate(regulator.GateSpec{ID: "x", Regulator: regulator.Regulator{ID: "r", Jurisdiction: us}})
	require.NoError(t, diagram.Timeline(&b, diagram.TimelineSpec{Filed: date("2020-09-14"), Gates: []regulator.Gate{g}}))
	assert.Contains(t, b.String(), "    section x (r)\n    decision :milestone, g0, 2020-09-14, 0d\n")

	_, err = diagram.OutcomeTimeline(nil, deal.Outcome{})
	require.ErrorIs(t, err, diagram.ErrMissing)
	_, err = diagram.OutcomeTimeline(tiktokScenario(t), deal.Outcome{ID: "nope", Kind: deal.Closing, Possible: true})
	require.ErrorIs(t, err, deal.ErrUnknownProposal)
}

func TestOwnershipErrors(t *testing.T) {
	reg := tiktokRegister(t)
	var b bytes.Buffer
	for _, c := range []struct {
		name string
		err  error
		want error
	}{
		{"nil register", diagram.Ownership(&b, nil, nil), diagram.ErrMissing},
		{"unknown subject", diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Subject: "nobody"}), parties.ErrUnknownParty},
		{"unknown format", diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Format: 7}), diagram.ErrOptions},
		{"unknown grouping", diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Grouping: -1}), diagram.ErrOptions},
		{"nil after", diagram.BeforeAfter(&b, reg, nil, nil), diagram.ErrMissing},
		{"subject on neither side", diagram.BeforeAfter(&b, reg, reg, &diagram.OwnershipOptions{Subject: "nobody"}), parties.ErrUnknownParty},
		{"nil scenario", diagram.Proposal(&b, nil, "x", nil), diagram.ErrMissing},
		{"unknown proposal", diagram.Proposal(&b, tiktokScenario(t), "nope", nil), deal.ErrUnknownProposal},
		{"nil scenario for Scenario", diagram.Scenario(&b, nil, nil), diagram.ErrMissing},
		{"nil scenario for Markdown", diagram.Markdown(&b, nil, nil, nil), diagram.ErrMissing},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.ErrorIs(t, c.err, c.want)
			assert.True(t, strings.HasPrefix(c.err.Error(), "diagram: "), c.err.Error())
		})
	}
	assert.Zero(t, b.Len(), "nothing is written on error")
}

type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteError(t *testing.T) {
	reg := tiktokRegister(t)
	require.ErrorIs(t, diagram.Ownership(failingWriter{}, reg, nil), errWrite)
	require.ErrorIs(t, diagram.Timeline(failingWriter{}, timelineSpec()), errWrite)
}

// Voting shares that differ from economic ones show on the edge; several
// stakes of one holder (share classes) add up to one edge.
func TestEdgeLabels(t *testing.T) {
	reg, err := parties.New([]parties.Party{{ID: "a"}, {ID: "b"}, {ID: "c"}}, []parties.Stake{
		{Holder: "a", Subject: "c", Economic: pct("10%"), Voting: pct("30%"), Class: "A"},
		{Holder: "a", Subject: "c", Economic: pct("5%"), Class: "B"},
		{Holder: "b", Subject: "c", Economic: pct("20%..25%")},
	})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Grouping: diagram.NoGrouping}))
	assert.Contains(t, b.String(), "\t\"a\" -> \"c\" [label=\"15% (35% of votes)\"];\n")
	assert.Contains(t, b.String(), "\t\"b\" -> \"c\" [label=\"20%–25%\", style=dashed];\n")
	assert.Equal(t, 2, strings.Count(b.String(), "->"))
	b.Reset()
	require.NoError(t, diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Format: diagram.Mermaid, Grouping: diagram.NoGrouping}))
	assert.Contains(t, b.String(), "    p_a -->|\"15% (35% of votes)\"| p_c\n")
	assert.Contains(t, b.String(), "    p_b -.->|\"20%–25%\"| p_c\n")
}

// A register's state decides which stakes are drawn.
func TestOwnershipAsOf(t *testing.T) {
	reg, err := parties.New([]parties.Party{{ID: "a"}, {ID: "b"}, {ID: "c"}}, []parties.Stake{
		{Holder: "a", Subject: "c", Economic: pct("10%"), Until: date("2020-01-01")},
		{Holder: "b", Subject: "c", Economic: pct("20%"), From: date("2020-01-01")},
	})
	require.NoError(t, err)
	for _, c := range []struct {
		reg        *parties.Register
		want, skip string
	}{
		{reg, `"b" -> "c"`, `"a" -> "c"`},
		{reg.AsOf(date("2019-06-01")), `"a" -> "c"`, `"b" -> "c"`},
	} {
		var b bytes.Buffer
		require.NoError(t, diagram.Ownership(&b, c.reg, nil))
		assert.Contains(t, b.String(), c.want)
		assert.NotContains(t, b.String(), c.skip)
	}
}

func TestEmptyRegister(t *testing.T) {
	reg, err := parties.New(nil, nil)
	require.NoError(t, err)
	for _, f := range formats {
		var b bytes.Buffer
		require.NoError(t, diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Format: f}))
		assert.Contains(t, b.String(), "no parties", fmt.Sprint(f))
	}
}
