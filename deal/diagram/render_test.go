package diagram_test

import (
	"bytes"
	"context"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal/diagram"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// renderSVG runs dot -Tsvg on src and returns the SVG; it skips the test
// where Graphviz is not installed (.ci/install installs it on CI).
func renderSVG(t *testing.T, src []byte) string {
	t.Helper()
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz's dot is not installed (apt-get install graphviz); skipping the rendering check")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, dot, "-Tsvg")
	cmd.Stdin = bytes.NewReader(src)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	require.NoError(t, err, "dot -Tsvg failed: %s\ninput:\n%s", stderr.String(), src)
	// Font set-up varies between machines; any other warning (invalid
	// UTF-8, an unknown attribute, a syntax problem) is an escaping bug.
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if line != "" && !strings.Contains(strings.ToLower(line), "font") {
			t.Errorf("dot -Tsvg warned: %s", line)
		}
	}
	require.Contains(t, stdout.String(), "<svg", "dot -Tsvg produced no SVG")
	return stdout.String()
}

var svgNode = regexp.MustCompile(`<g id="node\d+" class="node">`)

// Every DOT diagram of the TikTok-like world renders, with one SVG node per
// party drawn (and per note or legend entry).
func TestRenderDOT(t *testing.T) {
	for _, c := range ownershipCases(t) {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, c.draw(&b, diagram.DOT))
			svg := renderSVG(t, b.Bytes())
			want := 0
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.Contains(line, " [label=") && !strings.Contains(line, " -> ") {
					want++
				}
			}
			assert.Len(t, svgNode.FindAllString(svg, -1), want, "nodes in the SVG")
		})
	}
}
