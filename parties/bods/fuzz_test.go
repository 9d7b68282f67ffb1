package bods_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dealscape/dealscape/parties/bods"
)

// FuzzImport checks that Import never panics and that whatever it accepts
// survives an export and a second import with the same ownership facts.
func FuzzImport(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		`[]`, `[1]`, `{}`, `[{"statementId":"x"}]`,
		doc(entity("co", ""), person("p", ""), rel("r", "co", "p", `{"type":"shareholding","share":{"exact":1e-3}}`)),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := bods.Import(bytes.NewReader(data), nil)
		if err != nil {
			return
		}
		roundTrip(t, res)
	})
}
