package scenario

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"go.yaml.in/yaml/v3"
)

// plain returns f without what Load remembers of the source, for
// comparing.
func plain(f *File) File {
	g := *f
	g.src, g.pos = "", nil
	return g
}

// testdataFiles returns the documents under testdata that load.
func testdataFiles(t testing.TB) []string {
	var names []string
	for _, pat := range []string{"testdata/*.yaml", "testdata/*.json"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, m...)
	}
	if len(names) == 0 {
		t.Fatal("no test documents")
	}
	return names
}

func loadFile(t testing.TB, name string) *File {
	t.Helper()
	r, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f, err := Load(filepath.Base(name), r)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// resave saves f in format and loads the result back.
func resave(t testing.TB, f *File, format Format) (*File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Save(&buf, f, format); err != nil {
		t.Fatalf("save %s: %v", format, err)
	}
	g, err := Load("saved."+format.String(), bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("load what Save wrote as %s: %v\n%s", format, err, buf.Bytes())
	}
	return g, buf.Bytes()
}

// TestRoundTrip loads every test document, saves it as YAML and as JSON,
// and loads the result: the files must be equal, and saving again must
// write the same text.
func TestRoundTrip(t *testing.T) {
	for _, name := range testdataFiles(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			f := loadFile(t, name)
			for _, format := range []Format{YAML, JSON} {
				g, text := resave(t, f, format)
				if !reflect.DeepEqual(plain(f), plain(g)) {
					t.Fatalf("%s round trip changed the file:\n%s", format, text)
				}
				_, again := resave(t, g, format)
				if !bytes.Equal(text, again) {
					t.Fatalf("%s: saving a loaded save changed the text:\n%s\n---\n%s", format, text, again)
				}
			}
		})
	}
}

// TestDecimalsKeepEveryDigit checks that decimals written as numbers or
// strings keep every digit through a round trip, in both formats.
func TestDecimalsKeepEveryDigit(t *testing.T) {
	const digits = "0.40000000000000000001"
	for _, src := range []string{
		"as_of: 2020-01-01\nparties: [{id: a}]\nstakes: [{holder: a, subject: b, economic: " + digits + "}]\nlikelihoods: {consent: {a: " + digits + "}}\n",
		`{"as_of": "2020-01-01", "parties": [{"id": "a"}], "stakes": [{"holder": "a", "subject": "b", "economic": "` + digits + `"}], "likelihoods": {"consent": {"a": ` + digits + `}}}`,
	} {
		f, err := Load("d", strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range []Format{YAML, JSON} {
			g, text := resave(t, f, format)
			if got := string(g.Stakes[0].Economic); got != digits {
				t.Errorf("%s: share %s, want %s", format, got, digits)
			}
			if got := string(g.Likelihoods.Consent["a"]); got != digits {
				t.Errorf("%s: likelihood %s, want %s", format, got, digits)
			}
			if !bytes.Contains(text, []byte(`"`+digits+`"`)) {
				t.Errorf("%s: decimals are not written as strings:\n%s", format, text)
			}
		}
	}
}

// TestTestdataConverts checks that every test document converts and
// analyses.
func TestTestdataConverts(t *testing.T) {
	for _, name := range testdataFiles(t) {
		f := loadFile(t, name)
		sc, err := f.Scenario()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := sc.Analyze(context.Background(), nil); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Report != nil {
			for _, fig := range f.Report.Figures {
				if _, err := f.Measure(sc, fig); err != nil {
					t.Errorf("%s: figure %q: %v", name, fig.Label, err)
				}
			}
		}
	}
}

// TestSchemaAcceptsTestdata checks every test document, and what Save
// writes of it, against the schema.
func TestSchemaAcceptsTestdata(t *testing.T) {
	for _, name := range testdataFiles(t) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f := loadFile(t, name)
		for _, text := range [][]byte{b, saved(t, f, YAML), saved(t, f, JSON)} {
			var n yaml.Node
			if err := yaml.Unmarshal(fromJSONIf(text), &n); err != nil {
				t.Fatal(err)
			}
			if errs := validateSchema(t, &n); len(errs) > 0 {
				t.Errorf("%s: the schema rejects a document Load accepts:\n%s", name, strings.Join(errs, "\n"))
			}
		}
	}
}

// TestSchemaRejects checks that the schema rejects documents the loader
// rejects for their structure.
func TestSchemaRejects(t *testing.T) {
	for _, src := range []string{
		"parties: []\n",
		"as_of: 2020-01-01\nparties: []\nextra: 1\n",
		"as_of: 2020-01-01\nparties: [{id: a, kind: firm}]\n",
		"as_of: 2020-01-01\nparties: [{id: a}]\ngates: [{id: g, regulator: r, trigger: {and: [], or: []}}]\n",
		"as_of: 2020-01-01\nparties: [{id: a}]\ngates: [{id: g, regulator: r, trigger: {owned: {holders: {name: x}, threshold: '>0.5'}}}]\n",
		"as_of: 20200101\nparties: []\n",
		"as_of: 2020-01-01\nparties: [{id: ''}]\n",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(src), &n); err != nil {
			t.Fatal(err)
		}
		if errs := validateSchema(t, &n); len(errs) == 0 {
			t.Errorf("the schema accepts %q", src)
		}
		if _, err := Load("t", strings.NewReader(src)); err == nil {
			t.Errorf("Load accepts %q", src)
		}
	}
}

func saved(t testing.TB, f *File, format Format) []byte {
	var buf bytes.Buffer
	if err := Save(&buf, f, format); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fromJSONIf(b []byte) []byte {
	if isJSON(b) {
		return fromJSON(b)
	}
	return b
}

// TestCondPath checks the translation of the library's field paths below a
// condition into the document's.
func TestCondPath(t *testing.T) {
	x := &Condition{And: []Condition{
		{Owned: &Ownership{}},
		{Not: &Condition{TermIs: &TermValue{}}},
		{AtLeast: &AtLeast{K: 1, Of: []Condition{{Named: &Named{Condition: Condition{Or: []Condition{{TermParty: &TermParty{}}}}}}}}},
		{AcquirerIs: &Predicate{}},
		{TermPresent: "x"},
	}}
	for _, tc := range []struct{ lib, want string }{
		{"[0].threshold", ".and[0].owned.threshold"},
		{"[1].not.values[0]", ".and[1].not.term_is.value"},
		{"[1].not.term", ".and[1].not.term_is.term"},
		{"[2].k", ".and[2].at_least.k"},
		{"[2][0][0].predicate", ".and[2].at_least.of[0].named.condition.or[0].term_party.predicate"},
		{"[3].predicate", ".and[3].acquirer_is"},
		{"[4].term", ".and[4].term_present"},
		{"[9]", ".and[9]"},
	} {
		if got := condPath(x, tc.lib); got != tc.want {
			t.Errorf("condPath(%q) = %q, want %q", tc.lib, got, tc.want)
		}
	}
	if got := condPath(&Condition{AtLeast: &AtLeast{}}, ".k"); got != ".at_least.k" {
		t.Errorf("condPath(.k) = %q", got)
	}
}

// FuzzLoad loads arbitrary documents: Load must not panic; a document it
// accepts must validate against the schema, survive Save and Load in both
// formats unchanged, and convert without a panic.
func FuzzLoad(f *testing.F) {
	// Besides testdata/fuzz/FuzzLoad, the documents of the tests and the
	// example programs seed the corpus.
	for _, name := range append(testdataFiles(f), "../../examples/testdata/tiktok-2020.yaml") {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		file, err := Load("fuzz", bytes.NewReader(data))
		if err != nil {
			return
		}
		var n yaml.Node
		if err := yaml.Unmarshal(fromJSONIf(data), &n); err != nil {
			t.Fatalf("Load accepted what the parser rejects: %v", err)
		}
		if errs := validateSchema(t, &n); len(errs) > 0 {
			t.Fatalf("the schema rejects a document Load accepts:\n%s", strings.Join(errs, "\n"))
		}
		for _, format := range []Format{YAML, JSON} {
			g, text := resave(t, file, format)
			if !reflect.DeepEqual(plain(file), plain(g)) {
				t.Fatalf("%s round trip changed the file:\n%s", format, text)
			}
		}
		_, _ = file.Scenario()
	})
}

// TestJSONEscapes checks the JSON escapes YAML lacks and the tabs it
// forbids between tokens.
func TestJSONEscapes(t *testing.T) {
	f, err := Load("t.json", strings.NewReader("{\n\t\"as_of\": \"2020-01-01\",\n\t\"name\": \"a\\/b \\ud83d\\ude00 \\u00e9\\t\",\n\t\"parties\": []\n}"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "a/b \U0001F600 é\t"; f.Name != want {
		t.Errorf("name %q, want %q", f.Name, want)
	}
}

// TestDocExample checks that the document the package documentation shows
// loads, converts and analyses.
func TestDocExample(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var doc []string
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		text, ok := strings.CutPrefix(line, "//\t")
		switch {
		case strings.HasPrefix(text, "name: TikTok 2020"):
			in = true
		case in && !ok:
			in = false
		}
		if in {
			doc = append(doc, text)
		}
	}
	if len(doc) < 10 {
		t.Fatalf("no example document in doc.go")
	}
	f, err := Load("doc.go", strings.NewReader(strings.Join(doc, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := f.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Analyze(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	for _, fig := range f.Report.Figures {
		if _, err := f.Measure(sc, fig); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzScenario replaces one scalar of a valid document with an arbitrary
// text and converts and analyses the result: neither may panic, and a
// problem must be reported as an *Error.
func FuzzScenario(f *testing.F) {
	base, err := os.ReadFile("testdata/full.yaml")
	if err != nil {
		f.Fatal(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(base, &root); err != nil {
		f.Fatal(err)
	}
	var scalars []*yaml.Node
	var collect func(*yaml.Node)
	collect = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			scalars = append(scalars, n)
		}
		for _, c := range n.Content {
			collect(c)
		}
	}
	collect(&root)
	for i, v := range []string{"0", "1", "-1", "2020-02-30", "all", "us", "999999 working-days", ">1", "", "a", "0.5..0.4", "true"} {
		f.Add(uint16(i*37), v)
	}
	f.Fuzz(func(t *testing.T, i uint16, v string) {
		n := scalars[int(i)%len(scalars)]
		old := n.Value
		n.Value = v
		defer func() { n.Value = old }()
		text, err := yaml.Marshal(&root)
		if err != nil {
			return
		}
		file, err := Load("fuzz", bytes.NewReader(text))
		if err != nil {
			return
		}
		sc, err := file.Scenario()
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("a problem that is not an *Error: %v", err)
			}
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, _ = sc.Analyze(ctx, &deal.Options{Budget: 1000})
	})
}

// BenchmarkLoad measures loading the TikTok document of the examples.
func BenchmarkLoad(b *testing.B) {
	data, err := os.ReadFile("../../examples/testdata/tiktok-2020.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Load("tiktok-2020.yaml", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScenario measures converting the TikTok document of the
// examples into a deal.Scenario.
func BenchmarkScenario(b *testing.B) {
	f := loadFile(b, "../../examples/testdata/tiktok-2020.yaml")
	for b.Loop() {
		if _, err := f.Scenario(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave measures writing the TikTok document of the examples.
func BenchmarkSave(b *testing.B) {
	f := loadFile(b, "../../examples/testdata/tiktok-2020.yaml")
	for _, format := range []Format{YAML, JSON} {
		b.Run(format.String(), func(b *testing.B) {
			for b.Loop() {
				if err := Save(io.Discard, f, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
