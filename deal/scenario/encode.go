package scenario

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Format is a document format [Save] can write.
type Format int8

// The formats. The zero Format is [YAML].
const (
	YAML Format = iota // YAML 1.2, indented by two spaces
	JSON               // JSON, indented by two spaces
)

var formatNames = [...]string{YAML: "yaml", JSON: "json"}

// String returns "yaml" or "json".
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int8(f))
	}
	return formatNames[f]
}

// MarshalText implements [encoding.TextMarshaler].
func (f Format) MarshalText() ([]byte, error) {
	if f < 0 || int(f) >= len(formatNames) {
		return nil, fmt.Errorf("scenario: invalid format %d", int8(f))
	}
	return []byte(formatNames[f]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (f *Format) UnmarshalText(b []byte) error {
	for i, n := range formatNames {
		if n == string(b) {
			*f = Format(i)
			return nil
		}
	}
	return fmt.Errorf("scenario: unknown format %q (want yaml or json)", b)
}

// Save writes f to w in the given format. Fields appear in the order of the
// Go types, map keys in sorted order; optional fields that are not given
// are left out. Decimals and shares are written as strings, so that no
// reader turns them into floating-point numbers. [Load] reads what Save
// writes back into an equal File.
//
// Save first checks f as [Load] checks a document and writes nothing if it
// finds a problem (a required field left out, a condition with two
// variants, a date that is not one), reporting every problem at once.
func Save(w io.Writer, f *File, format Format) error {
	if f == nil {
		return errors.New("scenario: save: no file")
	}
	var problems []error
	checkValue(reflect.ValueOf(f).Elem(), "", func(path string, err error) {
		problems = append(problems, &Error{File: f.src, Path: path, Err: err})
	})
	if len(problems) > 0 {
		return errors.Join(problems...)
	}
	n, err := encode(reflect.ValueOf(f).Elem(), "")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch format {
	case YAML:
		flowStyle(n, 0)
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := encodeYAML(enc, n); err != nil {
			return fmt.Errorf("scenario: save: %w", err)
		}
		if err := enc.Close(); err != nil {
			return fmt.Errorf("scenario: save: %w", err)
		}
	case JSON:
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		writeJSON(&buf, enc, n, "")
		buf.WriteByte('\n')
	default:
		return fmt.Errorf("scenario: save: invalid format %d", int8(format))
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// encodeYAML encodes n, turning a panic of the encoder into an error.
func encodeYAML(enc *yaml.Encoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the YAML encoder failed: %v", r)
		}
	}()
	return enc.Encode(n)
}

// MarshalYAML implements [yaml.Marshaler] with the document form [Save]
// writes.
func (f *File) MarshalYAML() (any, error) {
	n, err := encode(reflect.ValueOf(f).Elem(), "")
	if err != nil {
		return nil, err
	}
	flowStyle(n, 0)
	return n, nil
}

// UnmarshalYAML implements [yaml.Unmarshaler] with the checks of [Load].
func (f *File) UnmarshalYAML(n *yaml.Node) error {
	g, err := decodeFile("", n)
	if err != nil {
		return err
	}
	*f = *g
	return nil
}

// MarshalJSON implements [json.Marshaler] with the document form [Save]
// writes, not indented.
func (f *File) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := Save(&buf, f, JSON); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Compact(&out, buf.Bytes()); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// UnmarshalJSON implements [json.Unmarshaler] with the checks of [Load].
func (f *File) UnmarshalJSON(b []byte) error {
	g, err := Load("", bytes.NewReader(b))
	if err != nil {
		return err
	}
	*f = *g
	return nil
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

func scalarNode(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

// encode returns the node for v, or nil for a nil pointer, slice or map.
func encode(v reflect.Value, path string) (*yaml.Node, error) {
	t := v.Type()
	switch {
	case t == amountType:
		a := v.Interface().(Amount)
		switch {
		case a.All:
			return scalarNode("!!str", "all"), nil
		case a.Term != "":
			if !utf8.ValidString(a.Term) {
				return nil, invalidUTF8(join(path, "term"))
			}
			return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{scalarNode("!!str", "term"), scalarNode("!!str", a.Term)}}, nil
		}
		n := scalarNode("!!str", string(a.Share))
		n.Style = yaml.DoubleQuotedStyle
		return n, nil
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil, nil
		}
		return encode(v.Elem(), path)
	case reflect.PointerTo(t).Implements(scalarType):
		n := scalarNode("!!str", v.String())
		switch t {
		case reflect.TypeFor[Date]():
			if dateRE.MatchString(v.String()) {
				n.Tag = "!!timestamp"
			}
		case reflect.TypeFor[Decimal](), reflect.TypeFor[Share]():
			n.Style = yaml.DoubleQuotedStyle
		}
		return n, nil
	case t.Implements(textMarshaler):
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return nil, &Error{Path: path, Err: &problem{kind: ErrValue, cause: err, msg: detail(err)}}
		}
		return scalarNode("!!str", string(b)), nil
	}
	switch t.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			return nil, invalidUTF8(path)
		}
		return scalarNode("!!str", v.String()), nil
	case reflect.Bool:
		return scalarNode("!!bool", strconv.FormatBool(v.Bool())), nil
	case reflect.Int:
		return scalarNode("!!int", strconv.FormatInt(v.Int(), 10)), nil
	case reflect.Slice:
		if v.IsNil() {
			return nil, nil
		}
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range v.Len() {
			c, err := encode(v.Index(i), index(path, i))
			if err != nil {
				return nil, err
			}
			if c == nil {
				c = scalarNode("!!null", "null")
			}
			n.Content = append(n.Content, c)
		}
		return n, nil
	case reflect.Map:
		if v.IsNil() {
			return nil, nil
		}
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !utf8.ValidString(k) {
				return nil, invalidUTF8(path)
			}
			c, err := encode(v.MapIndex(reflect.ValueOf(k).Convert(t.Key())), key(path, k))
			if err != nil {
				return nil, err
			}
			if c == nil {
				c = scalarNode("!!null", "null")
			}
			n.Content = append(n.Content, scalarNode("!!str", k), c)
		}
		return n, nil
	case reflect.Struct:
		si := infoOf(t)
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, f := range si.fields {
			fv := v.Field(f.index)
			if !f.required && isEmpty(fv) {
				continue
			}
			c, err := encode(fv, join(path, f.name))
			if err != nil {
				return nil, err
			}
			if c == nil {
				continue
			}
			n.Content = append(n.Content, scalarNode("!!str", f.name), c)
		}
		return n, nil
	}
	return nil, &Error{Path: path, Err: problemf(ErrType, "cannot encode %s", t)}
}

func invalidUTF8(path string) error {
	return &Error{Path: path, Err: problemf(ErrValue, "text is not valid UTF-8")}
}

// isEmpty reports whether an optional field is left out: a nil pointer,
// slice or map (an empty, non-nil list is written), or a zero value.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return v.IsNil()
	}
	return v.IsZero()
}

// flowStyle writes small mappings and lists on one line, as in
// {holder: oracle, amount: "0.125"}, below the top level; the items of a
// list of mappings go on one line each only if all of them fit.
func flowStyle(n *yaml.Node, depth int) { flowNode(n, depth, true) }

func flowNode(n *yaml.Node, depth int, self bool) {
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return
	}
	if len(n.Content) == 0 {
		n.Style = yaml.FlowStyle
		return
	}
	limit := 88 - 2*depth
	if self && depth >= 2 && flowWidth(n, 0) <= limit {
		n.Style = yaml.FlowStyle
		return
	}
	items := true // the children are list items, all fitting on a line
	if n.Kind == yaml.SequenceNode && depth >= 1 {
		for _, c := range n.Content {
			items = items && flowWidth(c, 0) <= limit-2
		}
	}
	for _, c := range n.Content {
		if n.Kind == yaml.SequenceNode && items && (c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode) {
			c.Style = yaml.FlowStyle
			continue
		}
		flowNode(c, depth+1, n.Kind == yaml.MappingNode)
	}
}

// flowWidth estimates the width of n written in flow style, or returns a
// large number for a node that should not be written so.
func flowWidth(n *yaml.Node, depth int) int {
	const tooWide = 1 << 20
	if depth > 3 {
		return tooWide
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.ContainsAny(n.Value, "\n\r") {
			return tooWide
		}
		if n.Style == yaml.DoubleQuotedStyle || strings.ContainsAny(n.Value, ":{}[],#&*!|>'\"%@`") {
			return len(n.Value) + 2
		}
		return len(n.Value)
	case yaml.MappingNode, yaml.SequenceNode:
		w := 2
		for i, c := range n.Content {
			w += flowWidth(c, depth+1)
			if n.Kind == yaml.MappingNode && i%2 == 0 {
				w += 2 // ": "
			} else if i+1 < len(n.Content) {
				w += 2 // ", "
			}
		}
		return w
	}
	return tooWide
}

// writeJSON writes n as indented JSON to b: booleans and whole numbers bare,
// every other scalar as a string. enc writes the strings to b, without
// escaping HTML.
func writeJSON(b *bytes.Buffer, enc *json.Encoder, n *yaml.Node, indent string) {
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i := 0; i+1 < len(n.Content); i += 2 {
			b.WriteString(indent + "  ")
			writeString(b, enc, n.Content[i].Value)
			b.WriteString(": ")
			writeJSON(b, enc, n.Content[i+1], indent+"  ")
			if i+2 < len(n.Content) {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, c := range n.Content {
			b.WriteString(indent + "  ")
			writeJSON(b, enc, c, indent+"  ")
			if i+1 < len(n.Content) {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	default:
		switch n.Tag {
		case "!!bool", "!!int":
			b.WriteString(n.Value)
		case "!!null":
			b.WriteString("null")
		default:
			writeString(b, enc, n.Value)
		}
	}
}

// writeString writes s as a JSON string to b with enc, which writes to b.
func writeString(b *bytes.Buffer, enc *json.Encoder, s string) {
	_ = enc.Encode(s)       // a valid string always encodes
	b.Truncate(b.Len() - 1) // the line break Encode ends with
}
