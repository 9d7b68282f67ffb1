package scenario

import (
	"bytes"
	"encoding"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite schema.json and the golden files")

// schemaID is the address the schema is published at.
const schemaID = "https://raw.githubusercontent.com/dealscape/dealscape/main/deal/scenario/schema.json"

// TestSchema checks that schema.json is the schema generated from the Go
// types of the document; run with -update to rewrite it.
func TestSchema(t *testing.T) {
	got, err := generateSchema()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("schema.json is out of date with the Go types: run go generate ./deal/scenario (go test -run TestSchema -update)")
	}
}

// TestSchemaFields walks the Go types and checks that every field appears
// in the committed schema with the right JSON type, so that a stale schema
// is explained field by field.
func TestSchemaFields(t *testing.T) {
	var s map[string]any
	b, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	defs := s["$defs"].(map[string]any)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || rt == amountType || seen[rt] || rt.PkgPath() != reflect.TypeFor[File]().PkgPath() {
			return
		}
		seen[rt] = true
		def, ok := defs[rt.Name()].(map[string]any)
		if !ok {
			t.Errorf("schema: no definition of %s", rt.Name())
			return
		}
		props, _ := def["properties"].(map[string]any)
		for _, f := range infoOf(rt).fields {
			ft := rt.Field(f.index).Type
			p, ok := props[f.name].(map[string]any)
			if !ok {
				t.Errorf("schema: %s has no property %q", rt.Name(), f.name)
				continue
			}
			if want, got := jsonKind(ft), schemaKind(defs, p); want != got {
				t.Errorf("schema: %s.%s is %s in the schema, want %s", rt.Name(), f.name, got, want)
			}
			walk(ft)
		}
		if len(props) != len(infoOf(rt).fields) {
			t.Errorf("schema: %s has %d properties, the Go type %d fields", rt.Name(), len(props), len(infoOf(rt).fields))
		}
	}
	walk(reflect.TypeFor[File]())
}

// jsonKind is the JSON type a Go type is written as.
func jsonKind(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == amountType:
		return "amount"
	case reflect.PointerTo(t).Implements(scalarType), reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()):
		return "string"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int:
		return "integer"
	case reflect.Slice:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return t.String()
}

// schemaKind is the JSON type a property's schema allows.
func schemaKind(defs map[string]any, p map[string]any) string {
	if ref, ok := p["$ref"].(string); ok {
		def, _ := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if def == nil {
			return "dangling " + ref
		}
		if _, ok := def["anyOf"]; ok && def["type"] == nil {
			return "amount"
		}
		p = def
	}
	switch ty := p["type"].(type) {
	case string:
		return ty
	case []any:
		return fmt.Sprint(ty[0]) // ["string", "number"]: written as a string
	}
	return "untyped"
}

// generateSchema generates the JSON Schema of the document from the Go
// types and their doc comments.
func generateSchema() ([]byte, error) {
	docs, err := readDocs(".")
	if err != nil {
		return nil, err
	}
	g := &schemaGen{docs: docs, defs: map[string]any{}, names: map[string]reflect.Type{}}
	root := g.ref(reflect.TypeFor[File]())
	if g.err != nil {
		return nil, g.err
	}
	s := ordered{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", schemaID},
		{"title", "dealscape scenario"},
		{"description", docs.types["File"]},
		{"$ref", root[0].v},
		{"$defs", sortedMap(g.defs)},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ordered is a JSON object whose keys keep their order.
type ordered []member

// member is a key of an ordered object and its value.
type member struct {
	k string
	v any
}

func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(kv.k)
		b.Write(k)
		b.WriteByte(':')
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(kv.v); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimSpace(v.Bytes()))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func sortedMap(m map[string]any) ordered {
	var o ordered
	for _, k := range slices.Sorted(maps.Keys(m)) {
		o = append(o, member{k, m[k]})
	}
	return o
}

type schemaGen struct {
	docs  *docIndex
	defs  map[string]any
	names map[string]reflect.Type
	err   error
}

// ref returns a reference to the definition of named type t, defining it.
func (g *schemaGen) ref(t reflect.Type) ordered {
	name := t.Name()
	if prev, ok := g.names[name]; ok {
		if prev != t {
			g.err = fmt.Errorf("schema: two types named %s: %s and %s", name, prev, t)
		}
		return ordered{{"$ref", "#/$defs/" + name}}
	}
	g.names[name] = t
	g.defs[name] = nil // placeholder against recursion
	g.defs[name] = g.define(t)
	return ordered{{"$ref", "#/$defs/" + name}}
}

// enumAliases are the texts besides the names that enumerations of other
// packages unmarshal.
var enumAliases = map[reflect.Type][]string{
	reflect.TypeFor[parties.Comparison](): {">=", ">", "<=", "<"},
}

// define returns the schema of named type t.
func (g *schemaGen) define(t reflect.Type) ordered {
	desc := g.docs.types[t.Name()]
	if t.PkgPath() != reflect.TypeFor[File]().PkgPath() {
		desc = ""
	}
	withDesc := func(o ordered) ordered {
		if desc != "" {
			o = append(ordered{{"description", desc}}, o...)
		}
		return o
	}
	switch {
	case t == amountType:
		return withDesc(ordered{{"anyOf", []any{
			ordered{{"type", []string{"string", "number"}}, {"pattern", sharePattern}},
			ordered{{"const", "all"}},
			ordered{{"type", "object"}, {"properties", ordered{{"term", ordered{{"type", "string"}, {"minLength", 1}}}}}, {"required", []string{"term"}}, {"additionalProperties", false}},
		}}})
	case reflect.PointerTo(t).Implements(scalarType):
		ty := any("string")
		if acceptsNumber(t) {
			ty = []string{"string", "number"}
		}
		o := ordered{{"type", ty}, {"pattern", reflect.Zero(t).Interface().(scalar).pattern()}}
		if t == reflect.TypeFor[Date]() {
			o = append(o, member{"format", "date"})
		}
		return withDesc(o)
	case reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()):
		if re := textPatterns[t]; re != nil {
			return withDesc(ordered{{"type", "string"}, {"pattern", re.String()}})
		}
		names := enumNames(t)
		if names == nil {
			g.err = fmt.Errorf("schema: no schema for %s", t)
			return nil
		}
		return withDesc(ordered{{"type", "string"}, {"enum", append(names, enumAliases[t]...)}})
	case t.Kind() == reflect.Struct:
		si := infoOf(t)
		var props ordered
		var required []string
		for _, f := range si.fields {
			sf := t.Field(f.index)
			p := g.schema(sf.Type)
			if f.required && !si.union && sf.Type.Kind() == reflect.String && sf.Type.Name() == "string" {
				p = append(p, member{"minLength", 1})
			}
			if d := g.docs.fields[t.Name()+"."+sf.Name]; d != "" {
				p = append(ordered{{"description", d}}, p...)
			}
			props = append(props, member{f.name, p})
			if f.required && !si.union {
				required = append(required, f.name)
			}
		}
		o := ordered{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}
		if len(required) > 0 {
			o = append(o, member{"required", required})
		}
		if si.union {
			var one []any
			for _, v := range si.variants() {
				one = append(one, ordered{{"required", []string{v}}})
			}
			o = append(o, member{"oneOf", one})
		}
		return withDesc(o)
	}
	g.err = fmt.Errorf("schema: no schema for %s", t)
	return nil
}

// schema returns the schema of a field of type t.
func (g *schemaGen) schema(t reflect.Type) ordered {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Name() != "" && (t.Kind() == reflect.Struct || t.PkgPath() != "") {
		return g.ref(t)
	}
	switch t.Kind() {
	case reflect.String:
		return ordered{{"type", "string"}}
	case reflect.Bool:
		return ordered{{"type", "boolean"}}
	case reflect.Int:
		return ordered{{"type", "integer"}}
	case reflect.Slice:
		return ordered{{"type", "array"}, {"items", g.schema(t.Elem())}}
	case reflect.Map:
		return ordered{{"type", "object"}, {"additionalProperties", g.schema(t.Elem())}}
	}
	g.err = fmt.Errorf("schema: no schema for %s", t)
	return nil
}

// docIndex holds the doc comments of the package's types and fields.
type docIndex struct {
	types  map[string]string // type name -> doc
	fields map[string]string // "Type.Field" -> doc
}

func readDocs(dir string) (*docIndex, error) {
	idx := &docIndex{types: map[string]string{}, fields: map[string]string{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				idx.types[ts.Name.Name] = docText(doc)
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fl := range st.Fields.List {
					for _, n := range fl.Names {
						idx.fields[ts.Name.Name+"."+n.Name] = docText(fl.Doc)
					}
				}
			}
		}
	}
	return idx, nil
}

var docLinkRE = regexp.MustCompile(`\[([A-Za-z][A-Za-z0-9_.*]*)\]`)

// docText turns a doc comment into a description: paragraphs joined into
// lines, code blocks kept, doc links unbracketed.
func docText(cg *ast.CommentGroup) string {
	if cg == nil {
		return ""
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(cg.Text()), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case strings.HasPrefix(line, "\t"):
			flush()
			paras = append(paras, strings.TrimPrefix(line, "\t"))
		default:
			cur = append(cur, strings.TrimSpace(line))
		}
	}
	flush()
	return docLinkRE.ReplaceAllString(strings.Join(paras, "\n"), "$1")
}

// validateSchema checks a document, as a node tree, against the committed
// schema, and returns the problems found. It implements the part of JSON
// Schema the generated schema uses.
func validateSchema(t testing.TB, doc *yaml.Node) []string {
	t.Helper()
	b, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if doc.Kind == yaml.DocumentNode {
		doc = doc.Content[0]
	}
	v := &validator{root: s}
	v.check(s, doc, "")
	return v.errs
}

type validator struct {
	root map[string]any
	errs []string
}

func (v *validator) failf(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

// jsonType is the JSON type of a YAML node, as a schema-aware editor sees it.
func jsonType(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.ShortTag() {
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	case "!!bool":
		return "boolean"
	case "!!null":
		return "null"
	}
	return "string"
}

func (v *validator) check(s map[string]any, n *yaml.Node, path string) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if ref, ok := s["$ref"].(string); ok {
		def := v.root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")]
		v.check(def.(map[string]any), n, path)
	}
	jt := jsonType(n)
	if ty, ok := s["type"]; ok {
		okType := false
		var types []any
		switch ty := ty.(type) {
		case string:
			types = []any{ty}
		case []any:
			types = ty
		}
		for _, x := range types {
			okType = okType || x == jt || x == "number" && jt == "integer"
		}
		if !okType {
			v.failf(path, "type %s, want %v", jt, ty)
			return
		}
	}
	if c, ok := s["const"]; ok && (jt != "string" || n.Value != c) {
		v.failf(path, "want %v", c)
	}
	if e, ok := s["enum"].([]any); ok && (jt != "string" || !slices.Contains(e, any(n.Value))) {
		v.failf(path, "%q is not in %v", n.Value, e)
	}
	if p, ok := s["pattern"].(string); ok && jt == "string" && !regexp.MustCompile(p).MatchString(n.Value) {
		v.failf(path, "%q does not match %s", n.Value, p)
	}
	if m, ok := s["minLength"].(float64); ok && jt == "string" && len([]rune(n.Value)) < int(m) {
		v.failf(path, "shorter than %v", m)
	}
	if items, ok := s["items"].(map[string]any); ok && jt == "array" {
		for i, c := range n.Content {
			v.check(items, c, index(path, i))
		}
	}
	if jt == "object" {
		props, _ := s["properties"].(map[string]any)
		keys := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i].Value, n.Content[i+1]
			keys[k] = true
			if p, ok := props[k].(map[string]any); ok {
				v.check(p, val, join(path, k))
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					v.failf(path, "property %q is not allowed", k)
				}
			case map[string]any:
				v.check(ap, val, key(path, k))
			}
		}
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if !keys[r.(string)] {
					v.failf(path, "property %q is required", r)
				}
			}
		}
	}
	for _, kw := range []string{"oneOf", "anyOf"} {
		alts, ok := s[kw].([]any)
		if !ok {
			continue
		}
		passed := 0
		for _, a := range alts {
			sub := &validator{root: v.root}
			sub.check(a.(map[string]any), n, path)
			if len(sub.errs) == 0 {
				passed++
			}
		}
		if kw == "oneOf" && passed != 1 || kw == "anyOf" && passed == 0 {
			v.failf(path, "%s: %d alternatives match", kw, passed)
		}
	}
}
