package diagram_test

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/deal/diagram"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileIDs are party IDs and names built to break a diagram language.
var hostileIDs = []string{
	`a"b`, `a\"b`, `a\`, `\`, "line1\nline2", `[x]{y}(z)`, "end", "subgraph",
	`--> "x"; style p fill:#f00`, "日本語 🚀", "\x00nul", "\xff\xfe", "rtl\u202eevil", "```",
	"<b>bold</b> &amp; #35;", "%% comment", "a-b", "a_b", "a__b", "cluster_US", `\legend US`,
	`\notebefore`, "before:x",
}

// hostileRegister holds a party per hostile ID, named with the same hostile
// text plus a suffix, each holding 1% of the next, the last holding 1% of
// the first (a cycle), in jurisdictions that cycle through US, CN and none.
func hostileRegister(t *testing.T) *parties.Register {
	t.Helper()
	var ps []parties.Party
	var ss []parties.Stake
	jurs := []parties.Jurisdiction{us, cn, {}}
	for i, id := range hostileIDs {
		ps = append(ps, parties.Party{ID: parties.ID(id), Name: id + " \"Ltd\"\n[" + fmt.Sprint(i) + "]", Kind: parties.Kind(i % 6), Headquarters: jurs[i%3]})
		ss = append(ss, parties.Stake{Holder: parties.ID(id), Subject: parties.ID(hostileIDs[(i+1)%len(hostileIDs)]), Economic: pct("1%..2%")})
	}
	reg, err := parties.New(ps, ss)
	require.NoError(t, err)
	return reg
}

// Hostile IDs and names render with dot: one node per party (no two IDs
// collide), every label shown as written.
func TestHostileDOT(t *testing.T) {
	reg := hostileRegister(t)
	for _, g := range []diagram.Grouping{diagram.GroupByJurisdiction, diagram.ColourByJurisdiction, diagram.NoGrouping} {
		t.Run(g.String(), func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Format: diagram.DOT, Grouping: g, Title: "hostile \"title\"\n\\N"}))
			if g == diagram.GroupByJurisdiction {
				golden(t, "hostile.dot", b.Bytes())
			}
			svg := renderSVG(t, b.Bytes())
			nodes := len(svgNode.FindAllString(svg, -1))
			want := len(hostileIDs)
			if g == diagram.ColourByJurisdiction {
				want += 3 // the legend: CN, US, unknown
			}
			assert.Equal(t, want, nodes, "one SVG node per party")
			assert.Equal(t, len(hostileIDs), strings.Count(svg, `class="edge"`), "one SVG edge per stake")
			// Names show as written, XML-escaped in the SVG, one line of
			// text per line of the name.
			for _, id := range []string{`a"b`, `[x]{y}(z)`, "日本語 🚀", "<b>bold</b> &amp; #35;", `--> "x"; style p fill:#f00`, `\legend US`} {
				assert.Contains(t, svg, ">"+xmlText(id+` "Ltd"`)+"</text>", "label of %q", id)
			}
			assert.Contains(t, svg, ">"+xmlText(`\N`)+"</text>", "title shown as written")
		})
	}
}

// xmlText escapes s as Graphviz writes SVG text.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;", "-", "&#45;").Replace(s)
}

var (
	mmNode     = regexp.MustCompile(`^ *[A-Za-z0-9_]+(\["|\[/"|\{\{"|\(\["|\[\["|\(\("|>")([^"]*)("\]|"/\]|"\}\}|"\]\)|"\]\]|"\)\))$`)
	mmEdge     = regexp.MustCompile(`^ *[A-Za-z0-9_]+ (-->|-\.->)\|"([^"]*)"\| [A-Za-z0-9_]+$`)
	mmSubgraph = regexp.MustCompile(`^ *subgraph [A-Za-z0-9_]+ \["([^"]*)"\]$`)
	mmOther    = regexp.MustCompile(`^(---|title: "([^"\\]|\\.)*"|flowchart (TB|LR)| *end| *direction TB| *style [A-Za-z0-9_]+ fill:#[0-9a-f]{6},stroke:#666666| *classDef jur_[A-Za-z]+ fill:#[0-9a-f]{6},stroke:#666666| *class [A-Za-z0-9_,]+ jur_[A-Za-z]+)$`)
)

// Hostile IDs and names give Mermaid text whose every line has the expected
// shape, with labels quoted and entity-encoded.
func TestHostileMermaid(t *testing.T) {
	reg := hostileRegister(t)
	after, err := reg.Edit().AddParty(parties.Party{ID: "end\"]", Name: "end"}).AddStake(parties.Stake{Holder: "end\"]", Subject: "a-b", Economic: pct("50%")}).Build()
	require.NoError(t, err)
	for _, g := range []diagram.Grouping{diagram.GroupByJurisdiction, diagram.ColourByJurisdiction, diagram.NoGrouping} {
		t.Run(g.String(), func(t *testing.T) {
			var b bytes.Buffer
			opts := &diagram.OwnershipOptions{Format: diagram.Mermaid, Grouping: g, Title: "hostile \"title\"\n```"}
			require.NoError(t, diagram.BeforeAfter(&b, reg, after, opts))
			if g == diagram.GroupByJurisdiction {
				golden(t, "hostile.mmd", b.Bytes())
			}
			labels := 0
			for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
				var text string
				switch {
				case mmNode.MatchString(line):
					text = mmNode.FindStringSubmatch(line)[2]
					labels++
				case mmEdge.MatchString(line):
					text = mmEdge.FindStringSubmatch(line)[2]
				case mmSubgraph.MatchString(line):
					text = mmSubgraph.FindStringSubmatch(line)[1]
				case mmOther.MatchString(line):
					continue
				default:
					t.Fatalf("unexpected line %q", line)
				}
				raw := regexp.MustCompile(`#\d+;|<br>`).ReplaceAllString(text, "")
				assert.False(t, strings.ContainsAny(raw, "\"#;:<>&|`"), "raw markup in %q", line)
			}
			want := 2*len(hostileIDs) + 1
			if g == diagram.ColourByJurisdiction {
				want += 3
			}
			assert.Equal(t, want, labels, "one node per party")
			assert.NotContains(t, b.String(), "```", "nothing can close a Markdown fence")
		})
	}
}

// A hostile name decodes back to itself from its Mermaid label.
func TestHostileMermaidLabels(t *testing.T) {
	reg := hostileRegister(t)
	var b bytes.Buffer
	require.NoError(t, diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Format: diagram.Mermaid, Grouping: diagram.NoGrouping}))
	decode := func(s string) string {
		s = regexp.MustCompile(`#(\d+);`).ReplaceAllString(s, "&#$1;")
		return strings.ReplaceAll(html.UnescapeString(s), "<br>", "\n")
	}
	var got []string
	for _, line := range strings.Split(b.String(), "\n") {
		if m := mmNode.FindStringSubmatch(line); m != nil {
			got = append(got, decode(m[2]))
		}
	}
	for i, id := range hostileIDs {
		want := strings.ReplaceAll(strings.ToValidUTF8(id, "\uFFFD"), "\x00", "\uFFFD") + " \"Ltd\"\n[" + fmt.Sprint(i) + "]"
		assert.Contains(t, got, want, "label of %q", id)
	}
}

var (
	ganttTask = regexp.MustCompile(`^    ((?:[^:#;%\n]|#\d+;)+) :((crit|milestone|active), )*[a-z0-9]+, \d{4}-\d{2}-\d{2}, (\d{4}-\d{2}-\d{2}|0d)$`)
	ganttHead = regexp.MustCompile(`^(gantt|    title [^#;%:\n]*(#\d+;[^#;%:\n]*)*|    dateFormat YYYY-MM-DD|    axisFormat %Y-%m-%d|    todayMarker off|    section [^#;%:\n]*(#\d+;[^#;%:\n]*)*)$`)
)

// Hostile gate, phase, regulator and deadline names give Gantt lines of the
// expected shape, with no ':', '#', ';' or '%' left raw in any text.
func TestHostileGantt(t *testing.T) {
	spec := cfiusGate().Spec()
	spec.Name = "gate: \"x\"; #1 %% 50%\nnext"
	spec.Regulator.Name = "reg:ulator"
	spec.Timeline.Phases[0].Name = "Section 721 review: 45 days; #2"
	spec.Timeline.Phases[1].Name = ""
	dl := divestitureDeadline().Spec()
	dl.Name = " Title IX order: divest; #3 %"
	var b bytes.Buffer
	require.NoError(t, diagram.Timeline(&b, diagram.TimelineSpec{
		Title: "title: x; #4 %% y\n```", Filed: date("2020-09-14"),
		Gates: []regulator.Gate{regulator.MustGate(spec)}, Deadlines: []regulator.Deadline{regulator.MustDeadline(dl)},
		CloseEarliest: date("2020-10-01"), CloseLatest: date("2020-10-01"),
	}))
	golden(t, "hostile.gantt.mmd", b.Bytes())
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		text := line
		if m := ganttTask.FindStringSubmatch(line); m != nil {
			text = m[1]
		} else if !ganttHead.MatchString(line) {
			t.Errorf("unexpected line %q", line)
		}
		raw := regexp.MustCompile(`#\d+;|<br>`).ReplaceAllString(strings.TrimPrefix(strings.TrimPrefix(text, "    title "), "    section "), "")
		if !strings.HasPrefix(line, "    axisFormat") {
			assert.False(t, strings.ContainsAny(raw, ":#;%`"), "raw markup in %q", line)
		}
	}
	assert.Contains(t, b.String(), "    phase 2 (optional) :g0p1, ")
	assert.Contains(t, b.String(), "    closes :milestone, close, 2020-10-01, 0d\n")
}
