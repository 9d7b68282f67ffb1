// Package cmdtest runs the programs under examples/ in their tests: it
// compares what a program prints with a golden file, and decodes the one
// JSON object a program prints with -json.
package cmdtest

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Run is a program's run function: it parses args and writes its output to
// stdout, usage and flag errors to stderr.
type Run func(args []string, stdout, stderr io.Writer) error

// Golden runs run with args and checks that it succeeds, writes nothing to
// stderr and prints what testdata/name.golden holds. With -update it first
// rewrites the golden file with what the program printed.
func Golden(t *testing.T, run Run, name string, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	require.NoError(t, run(args, &stdout, &stderr), "stderr: %s", stderr.String())
	assert.Empty(t, stderr.String())
	golden := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, stdout.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run the tests with -update to create the golden file")
	assert.Equal(t, string(want), stdout.String(), "the output differs from %s (run with -update to accept)", golden)
}

// JSON runs run with -json and args and decodes what it prints into v.
func JSON(t *testing.T, run Run, v any, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	require.NoError(t, run(append([]string{"-json"}, args...), &stdout, &stderr), "stderr: %s", stderr.String())
	DecodeOne(t, stdout.Bytes(), v)
}

// DecodeOne decodes b into v and checks that b holds exactly one JSON
// value.
func DecodeOne(t *testing.T, b []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	require.NoError(t, dec.Decode(v), "%s", b)
	var rest json.RawMessage
	require.ErrorIs(t, dec.Decode(&rest), io.EOF, "the output must be exactly one JSON object")
}
