package scenario

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// The analysis of each test document, as JSON, against a golden file: the
// result's JSON is a stable contract (field names, order, date and decimal
// forms), so any change to it shows here. Regenerate with -update.
func TestResultJSONGolden(t *testing.T) {
	for _, name := range []string{"mini.yaml", "full.yaml", "presets.yaml", "small.json"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", name))
			require.NoError(t, err)
			f, err := Load(name, bytes.NewReader(b))
			require.NoError(t, err)
			sc, err := f.Scenario()
			require.NoError(t, err)
			r, err := sc.Analyze(context.Background(), nil)
			require.NoError(t, err)
			got, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden := filepath.Join("testdata", "result", name+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run with -update to create the golden file")
			require.Equal(t, string(want), string(got), "the result differs from %s (run with -update to accept)", golden)
		})
	}
}
