package scenario

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dealscape/dealscape/parties"
	"go.yaml.in/yaml/v3"
)

// Limits of the loader, so that no document makes it run out of memory or
// time.
const (
	// MaxSize is the largest document [Load] reads, in bytes.
	MaxSize = 32 << 20
	// maxNodes bounds the nodes visited, aliases expanded.
	maxNodes = 1 << 20
	// maxErrors bounds the problems reported for one document.
	maxErrors = 200
)

// pos is a position in a source document.
type pos struct{ line, col int }

// Load reads a scenario document, JSON or YAML, from r. name names the
// source in error messages (a file name, say). It reports every problem it
// finds at once, joined with [errors.Join], each an [*Error] with the line,
// column and path of the field: syntax errors, unknown fields, missing
// required fields, values of the wrong type, and values whose syntax is
// wrong (dates, decimals, shares, periods, thresholds, enumerations).
// References between parts of the scenario are checked by [File.Scenario].
//
// Numbers are kept as written: a decimal loses no digit whether it is
// written as a number or as a string.
func Load(name string, r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("scenario: read: %w", err)}
	}
	if len(data) > MaxSize {
		return nil, &Error{File: name, Err: problemf(ErrTooLarge, "the document is larger than %d bytes", MaxSize)}
	}
	root, err := parseYAML(name, data)
	if err != nil {
		return nil, err
	}
	return decodeFile(name, root)
}

// parseYAML parses data, YAML or JSON, into its document node.
func parseYAML(name string, data []byte) (root *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, &Error{File: name, Err: problemf(ErrSyntax, "the YAML parser failed: %v", r)}
		}
	}()
	if isJSON(data) {
		data = fromJSON(data)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, &Error{File: name, Line: 1, Column: 1, Err: problemf(ErrSyntax, "the document is empty")}
		}
		return nil, syntaxError(name, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &Error{File: name, Line: extra.Line, Column: extra.Column, Err: problemf(ErrSyntax, "a second document follows the first; a file holds one scenario")}
	case err != io.EOF:
		return nil, syntaxError(name, err)
	}
	return &doc, nil
}

var yamlErrorRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns an error of the YAML parser into an [*Error].
func syntaxError(name string, err error) error {
	msg := err.Error()
	if m := yamlErrorRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: name, Line: line, Err: &problem{kind: ErrSyntax, cause: err, msg: m[2]}}
	}
	return &Error{File: name, Err: &problem{kind: ErrSyntax, cause: err, msg: strings.TrimPrefix(msg, "yaml: ")}}
}

// isJSON reports whether data looks like a JSON document: its first
// character that is not white space opens an object or an array.
func isJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// fromJSON rewrites what JSON allows and YAML does not: tabs between tokens
// become spaces (positions do not move), the escape \/ in strings becomes
// \u002f, and a surrogate pair such as \ud83d\ude00 becomes \U0001f600.
func fromJSON(data []byte) []byte {
	if !bytes.ContainsAny(data, "\t\\") {
		return data
	}
	out := make([]byte, 0, len(data))
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString && c == '\\' && i+1 < len(data):
			switch {
			case data[i+1] == '/':
				out = append(out, `\u002f`...)
			case data[i+1] == 'u':
				if r, ok := surrogatePair(data[i:]); ok {
					out = fmt.Appendf(out, `\U%08x`, r)
					i += 11
					continue
				}
				out = append(out, c, data[i+1])
			default:
				out = append(out, c, data[i+1])
			}
			i++
			continue
		case c == '"':
			inString = !inString
		case !inString && c == '\t':
			c = ' '
		}
		out = append(out, c)
	}
	return out
}

// surrogatePair decodes the JSON escapes of a surrogate pair at the start
// of b, as in \ud83d\ude00.
func surrogatePair(b []byte) (rune, bool) {
	if len(b) < 12 || b[0] != '\\' || b[1] != 'u' || b[6] != '\\' || b[7] != 'u' {
		return 0, false
	}
	hi, err1 := strconv.ParseUint(string(b[2:6]), 16, 16)
	lo, err2 := strconv.ParseUint(string(b[8:12]), 16, 16)
	r := utf16.DecodeRune(rune(hi), rune(lo))
	if err1 != nil || err2 != nil || r == utf8.RuneError {
		return 0, false
	}
	return r, true
}

// decodeFile decodes a document node into a File.
func decodeFile(name string, doc *yaml.Node) (*File, error) {
	d := &decoder{file: name, pos: map[string]pos{}}
	n := doc
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil, &Error{File: name, Line: 1, Column: 1, Err: problemf(ErrSyntax, "the document is empty")}
		}
		n = n.Content[0]
	}
	f := &File{}
	d.value(n, reflect.ValueOf(f).Elem(), "")
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	f.src, f.pos = name, d.pos
	return f, nil
}

// decoder decodes a node tree into the types of this package, collecting
// problems rather than stopping at the first.
type decoder struct {
	file  string
	pos   map[string]pos
	errs  []error
	nodes int
}

func (d *decoder) fail(n *yaml.Node, path string, err error) {
	if len(d.errs) == maxErrors {
		d.errs = append(d.errs, &Error{File: d.file, Err: problemf(ErrTooLarge, "too many problems; stopped after %d", maxErrors)})
	}
	if len(d.errs) > maxErrors {
		return
	}
	e := &Error{File: d.file, Path: path, Err: err}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, e)
}

// join appends a field name to a path.
func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func key(path, k string) string { return path + "[" + k + "]" }

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	scalarType      = reflect.TypeFor[scalar]()
	unionType       = reflect.TypeFor[interface{ union() }]()
	amountType      = reflect.TypeFor[Amount]()
)

// value decodes n into v, which must be settable.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
		if hops > 100 {
			d.fail(n, path, problemf(ErrSyntax, "aliases nest too deep"))
			return
		}
		n = n.Alias
	}
	if n == nil {
		d.fail(nil, path, problemf(ErrSyntax, "alias to nothing"))
		return
	}
	d.nodes++
	if d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.fail(n, path, problemf(ErrTooLarge, "the document has more than %d values, aliases expanded", maxNodes))
		}
		return
	}
	if _, ok := d.pos[path]; !ok {
		d.pos[path] = pos{n.Line, n.Column}
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		d.fail(n, path, problemf(ErrType, "null is not a value here; leave the field out instead"))
		return
	}
	t := v.Type()
	switch {
	case t == amountType:
		d.amount(n, v.Addr().Interface().(*Amount), path)
		return
	case t.Kind() == reflect.Pointer:
		e := reflect.New(t.Elem())
		d.value(n, e.Elem(), path)
		v.Set(e)
		return
	case reflect.PointerTo(t).Implements(scalarType):
		s, ok := d.scalar(n, path, t)
		if !ok {
			return
		}
		v.SetString(s)
		if err := v.Interface().(scalar).check(); err != nil {
			d.fail(n, path, err)
		}
		return
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		s, ok := d.scalar(n, path, t)
		if !ok {
			return
		}
		d.text(n, v, s, path)
		return
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := d.scalar(n, path, t); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			d.fail(n, path, problemf(ErrType, "want true or false, not %s", describe(n)))
			return
		}
		v.SetBool(strings.EqualFold(n.Value, "true"))
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			d.fail(n, path, problemf(ErrType, "want a whole number, not %s", describe(n)))
			return
		}
		i, err := strconv.ParseInt(n.Value, 10, 32)
		if err != nil {
			d.fail(n, path, valueErrorf("%q is not a whole number in decimal notation", n.Value))
			return
		}
		v.SetInt(i)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, problemf(ErrType, "want a list, not %s", describe(n)))
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.value(c, s.Index(i), index(path, i))
		}
		v.Set(s)
	case reflect.Map:
		d.mapping(n, v, path)
	case reflect.Struct:
		d.object(n, v, path)
	default:
		d.fail(n, path, problemf(ErrType, "cannot decode into %s", t))
	}
}

// scalar returns the text of a scalar node that stands for a string, or
// for a number where t accepts numbers.
func (d *decoder) scalar(n *yaml.Node, path string, t reflect.Type) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, path, problemf(ErrType, "want %s, not %s", want(t), describe(n)))
		return "", false
	}
	switch n.ShortTag() {
	case "!!str", "!!timestamp":
		return n.Value, true
	case "!!int", "!!float":
		if acceptsNumber(t) {
			return n.Value, true
		}
	}
	d.fail(n, path, problemf(ErrType, "want %s, not %s (quote it to make it a string)", want(t), describe(n)))
	return "", false
}

// acceptsNumber reports whether values of t may be written as numbers.
func acceptsNumber(t reflect.Type) bool {
	return t == reflect.TypeFor[Decimal]() || t == reflect.TypeFor[Share]() || t == amountType
}

// want says what a value of type t is, for messages.
func want(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Date]():
		return "a date"
	case reflect.TypeFor[Decimal]():
		return "a decimal number"
	case reflect.TypeFor[Share](), amountType:
		return "a share"
	case reflect.TypeFor[Period]():
		return "a period"
	}
	return "a string"
}

// describe says what a node is, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	case "!!str", "!!timestamp":
		return strconv.Quote(n.Value)
	}
	return fmt.Sprintf("%s %q", n.ShortTag(), n.Value)
}

// textPatterns are the syntax of the text types of other packages that the
// loader checks before unmarshalling them.
var textPatterns = map[reflect.Type]*regexp.Regexp{
	reflect.TypeFor[parties.Jurisdiction](): jurisdictionRE,
}

// text decodes a value of a type of another package that unmarshals from
// text (an enumeration or a jurisdiction).
func (d *decoder) text(n *yaml.Node, v reflect.Value, s, path string) {
	t := v.Type()
	if re := textPatterns[t]; re != nil && !re.MatchString(s) {
		d.fail(n, path, valueErrorf("%q is not a two-letter ISO 3166-1 code", s))
		return
	}
	u := v.Addr().Interface().(encoding.TextUnmarshaler)
	if err := u.UnmarshalText([]byte(s)); err != nil {
		msg := detail(err)
		if names := enumNames(t); names != nil {
			msg = fmt.Sprintf("%q is not one of %s", s, strings.Join(names, ", "))
		}
		d.fail(n, path, &problem{kind: ErrValue, cause: err, msg: msg})
	}
}

// amount decodes an [Amount]: a share, "all", or {term: name}.
func (d *decoder) amount(n *yaml.Node, a *Amount, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		var t struct {
			Term string `json:"term" yaml:"term"`
		}
		before := len(d.errs)
		d.object(n, reflect.ValueOf(&t).Elem(), path)
		if len(d.errs) == before {
			a.Term = t.Term
		}
		return
	case yaml.ScalarNode:
		s, ok := d.scalar(n, path, amountType)
		if !ok {
			return
		}
		if s == "all" {
			a.All = true
		} else {
			a.Share = Share(s)
		}
		if err := a.check(); err != nil {
			d.fail(n, path, err)
		}
		return
	}
	d.fail(n, path, problemf(ErrType, "want a share, all, or {term: name}, not %s", describe(n)))
}

// mapping decodes a map with string keys.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, problemf(ErrType, "want a mapping, not %s", describe(n)))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name, ok := d.key(k, key(path, k.Value), seen)
		if !ok {
			continue
		}
		e := reflect.New(v.Type().Elem()).Elem()
		d.value(val, e, key(path, name))
		m.SetMapIndex(reflect.ValueOf(name).Convert(v.Type().Key()), e)
	}
	v.Set(m)
}

// key checks a mapping key: a scalar, not a merge key, not seen before.
// path is the path of the entry.
func (d *decoder) key(k *yaml.Node, path string, seen map[string]*yaml.Node) (string, bool) {
	for hops := 0; k.Kind == yaml.AliasNode && k.Alias != nil && hops < 100; hops++ {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		d.fail(k, path, problemf(ErrType, "a key must be a string, not %s", describe(k)))
		return "", false
	}
	if k.ShortTag() == "!!merge" {
		d.fail(k, path, problemf(ErrSyntax, "merge keys (<<) are not supported"))
		return "", false
	}
	if first, dup := seen[k.Value]; dup {
		d.fail(k, path, problemf(ErrDuplicate, "key %q is given twice (first at line %d)", k.Value, first.Line))
		return "", false
	}
	seen[k.Value] = k
	return k.Value, true
}

// fieldInfo describes one field of a struct type of the document.
type fieldInfo struct {
	name     string
	index    int
	required bool // the tag lacks omitempty
	option   bool // in a union, a field that is not one of the variants
}

// structInfo describes a struct type of the document.
type structInfo struct {
	fields []fieldInfo
	byName map[string]int
	union  bool // exactly one variant field must be given
}

var structInfos sync.Map // reflect.Type -> *structInfo

// infoOf returns the description of struct type t.
func infoOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{byName: map[string]int{}, union: t.Implements(unionType)}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || name == "" {
			continue
		}
		fi := fieldInfo{name: name, index: i, required: !slices.Contains(strings.Split(opts, ","), "omitempty"),
			option: f.Tag.Get("scenario") == "option"}
		si.byName[name] = len(si.fields)
		si.fields = append(si.fields, fi)
	}
	structInfos.Store(t, si)
	return si
}

// variants returns the names of the variant fields of a union.
func (si *structInfo) variants() []string {
	var ns []string
	for _, f := range si.fields {
		if !f.option {
			ns = append(ns, f.name)
		}
	}
	return ns
}

// variantError reports a union that gives none or several of its variants
// (given lists those it gives), or returns nil for one that gives exactly
// one.
func (si *structInfo) variantError(given []string) error {
	if len(given) == 1 {
		return nil
	}
	msg := "want exactly one of " + strings.Join(si.variants(), ", ")
	if len(given) > 1 {
		msg += "; got " + strings.Join(given, " and ")
	}
	return problemf(ErrMissing, "%s", msg)
}

// object decodes a struct from a mapping.
func (d *decoder) object(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, problemf(ErrType, "want a mapping, not %s", describe(n)))
		return
	}
	si := infoOf(v.Type())
	seen := map[string]*yaml.Node{}
	var given []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name, ok := d.key(k, join(path, k.Value), seen)
		if !ok {
			continue
		}
		fi, known := si.byName[name]
		if !known {
			d.fail(k, join(path, name), unknownField(name, si))
			continue
		}
		f := si.fields[fi]
		if !f.option {
			given = append(given, name)
		}
		if f.required && val.Kind == yaml.ScalarNode && val.ShortTag() == "!!str" && val.Value == "" {
			d.fail(val, join(path, name), problemf(ErrMissing, "must not be empty"))
			continue
		}
		d.value(val, v.Field(f.index), join(path, name))
	}
	if si.union {
		if err := si.variantError(given); err != nil {
			d.fail(n, path, err)
		}
		return
	}
	for _, f := range si.fields {
		if !f.required {
			continue
		}
		if _, ok := seen[f.name]; !ok {
			d.fail(n, path, problemf(ErrMissing, "missing field %q", f.name))
		}
	}
}

// unknownField reports an unknown field, suggesting a known one that is
// spelt alike.
func unknownField(name string, si *structInfo) error {
	names := make([]string, len(si.fields))
	for i, f := range si.fields {
		names[i] = f.name
	}
	msg := fmt.Sprintf("unknown field %q", name)
	if best := closest(name, names); best != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	} else {
		msg += " (want one of " + strings.Join(names, ", ") + ")"
	}
	return problemf(ErrUnknownField, "%s", msg)
}

// closest returns the name in names within two edits of s, if any.
func closest(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		d := editDistance(strings.ToLower(s), n)
		if d >= 3 && len(s) >= 5 && strings.HasPrefix(n, s[:len(s)-1]) {
			d = 2 // "party" for "parties"
		}
		if d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// enumNames returns the text forms of an enumeration of another package:
// the values 0, 1, … that marshal, or nil if t is not an integer type.
func enumNames(t reflect.Type) []string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
	default:
		return nil
	}
	if !t.Implements(reflect.TypeFor[encoding.TextMarshaler]()) {
		return nil
	}
	var names []string
	for i := int64(0); i < 64; i++ {
		v := reflect.New(t).Elem()
		v.SetInt(i)
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			break
		}
		names = append(names, string(b))
	}
	return names
}
