package diagram

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// hostile are identifiers and names built to break a diagram language:
// quotes, backslashes, line breaks, brackets, keywords, comment and entity
// syntax, Markdown fences, control characters, bytes that are not UTF-8,
// bidirectional overrides and astral characters.
var hostile = []string{
	`a"b`, `a\"b`, `a\`, `\`, `"`, "line1\nline2", "cr\r\nlf", `[x]{y}(z)`, "end", "subgraph",
	`--> "x"; style p fill:#f00`, "日本語 🚀", "\x00nul", "\xff\xfe", "rtl\u202eevil", "```",
	"<b>bold</b> &amp; #35;", "%% comment", "a-b", "a_b", "a__b", "a_2db", "cluster_US",
	`\legend US`, `\notebefore`, "before:x", "x:y", "tab\there", "\u2028sep", "",
	"Section 721 review", " title x", "gantt", "2020-09-14 hearing", "Excludes weekends", "click me", "call x",
}

// lexDOT returns the name Graphviz reads from a quoted DOT string: within
// the quotes \" is a quote and every other character, backslashes
// included, stands for itself.
func lexDOT(t *testing.T, q string) string {
	t.Helper()
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		t.Fatalf("not a quoted string: %s", q)
	}
	body := q[1 : len(q)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		switch {
		case body[i] == '\\' && i+1 < len(body) && body[i+1] == '"':
			b.WriteByte('"')
			i++
		case body[i] == '\\' && i+1 < len(body) && body[i+1] == '\\':
			b.WriteString(`\\`)
			i++
		case body[i] == '"':
			t.Fatalf("unescaped quote in %s", q)
		case body[i] == '\\' && i+1 == len(body):
			t.Fatalf("trailing backslash escapes the closing quote in %s", q)
		case body[i] < 0x20:
			t.Fatalf("raw control character in %q", q)
		default:
			b.WriteByte(body[i])
		}
	}
	return b.String()
}

// undotID inverts dotID on the name Graphviz reads.
func undotID(t *testing.T, name string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		if name[i] != '\\' {
			b.WriteByte(name[i])
			continue
		}
		switch {
		case i+1 < len(name) && name[i+1] == '\\':
			b.WriteByte('\\')
			i++
		case i+3 < len(name) && name[i+1] == 'x':
			n, err := strconv.ParseUint(name[i+2:i+4], 16, 8)
			if err != nil {
				t.Fatalf("bad escape in %q", name)
			}
			b.WriteByte(byte(n))
			i += 3
		default:
			t.Fatalf("stray backslash in %q", name)
		}
	}
	return b.String()
}

// unmermaidID inverts mermaidID.
func unmermaidID(t *testing.T, id string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		switch {
		case id[i] != '_':
			b.WriteByte(id[i])
		case i+1 < len(id) && id[i+1] == '_':
			b.WriteByte('-')
			i++
		case i+2 < len(id):
			n, err := strconv.ParseUint(id[i+1:i+3], 16, 8)
			if err != nil {
				t.Fatalf("bad escape in %q", id)
			}
			b.WriteByte(byte(n))
			i += 2
		default:
			t.Fatalf("truncated escape in %q", id)
		}
	}
	return b.String()
}

var entity = regexp.MustCompile(`#(\d+);`)

// unmermaidText decodes entities and line breaks as Mermaid does.
func unmermaidText(s string) string {
	s = entity.ReplaceAllStringFunc(s, func(e string) string {
		n, _ := strconv.Atoi(e[1 : len(e)-1])
		return string(rune(n))
	})
	return strings.ReplaceAll(s, "<br>", "\n")
}

// shown is s as a label shows it: valid UTF-8, line breaks as "\n", a tab
// as a space, other control characters as U+FFFD.
func shown(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\u2028' || r == '\u2029' || r == '\n':
			return '\n'
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

var (
	mermaidIDChars = regexp.MustCompile(`^[A-Za-z0-9_]*$`)
	// Characters that must never be left raw in Mermaid text.
	mermaidUnsafe = "\"#;:<>&|`\n\r"
)

func checkEscapes(t *testing.T, s string) {
	t.Helper()
	// DOT identifiers round-trip through Graphviz's lexer: distinct IDs
	// stay distinct.
	if got := undotID(t, lexDOT(t, dotID(s))); got != s {
		t.Errorf("dotID(%q) reads back as %q", s, got)
	}
	// DOT labels are well-formed quoted strings showing the text.
	want := shown(s)
	name := lexDOT(t, dotLabel(s))
	if got := strings.NewReplacer(`\\`, `\`, `\n`, "\n", "&amp;", "&").Replace(name); got != want {
		t.Errorf("dotLabel(%q) shows %q, want %q", s, got, want)
	}
	// Mermaid identifiers use a safe alphabet and round-trip.
	id := mermaidID(s)
	if !mermaidIDChars.MatchString(id) {
		t.Errorf("mermaidID(%q) = %q has unsafe characters", s, id)
	}
	if got := unmermaidID(t, id); got != s {
		t.Errorf("mermaidID(%q) = %q reads back as %q", s, id, got)
	}
	// Mermaid text leaves nothing raw for the parser to misread, and
	// decodes back to the text.
	for _, c := range []struct{ enc, want string }{
		{mermaidText(s), want},
		{ganttText(s), strings.ReplaceAll(want, "\n", " ")},
	} {
		enc := c.enc
		raw := entity.ReplaceAllString(strings.ReplaceAll(enc, "<br>", ""), "")
		if strings.ContainsAny(raw, mermaidUnsafe) {
			t.Errorf("Mermaid text for %q leaves an unsafe character: %q", s, enc)
		}
		for _, r := range raw {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Errorf("Mermaid text for %q leaves control or format character %U", s, r)
			}
		}
		if got := unmermaidText(enc); got != c.want {
			t.Errorf("Mermaid text %q for %q decodes to %q", enc, s, got)
		}
	}
	// A Gantt task never starts with a word the parser reads as a
	// statement, nor with a date.
	task := ganttTask(s)
	if got, want := unmermaidText(task), strings.ReplaceAll(shown(strings.TrimSpace(s)), "\n", " "); got != want {
		t.Errorf("ganttTask(%q) = %q decodes to %q, want %q", s, task, got, want)
	}
	lower := strings.ToLower(task)
	for _, k := range []string{"acctitle", "accdescr", "href", "call", "click", "gantt", "dateformat", "inclusiveenddates", "topaxis",
		"axisformat", "tickinterval", "includes", "excludes", "todaymarker", "weekday", "weekend", "title", "section"} {
		if strings.HasPrefix(lower, k) {
			t.Errorf("ganttTask(%q) = %q starts with the keyword %q", s, task, k)
		}
	}
	if regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`).MatchString(task) {
		t.Errorf("ganttTask(%q) = %q starts with a date", s, task)
	}
	if strings.Contains(ganttText(s), "%") {
		t.Errorf("ganttText(%q) leaves a %%", s)
	}
	// YAML titles are quoted with nothing raw that a fence or Mermaid's
	// entity pass could misread.
	y := yamlQuote(s)
	if y[0] != '"' || y[len(y)-1] != '"' || strings.ContainsAny(y[1:len(y)-1], "#;`\n\r") {
		t.Errorf("yamlQuote(%q) = %s", s, y)
	}
	// Its escapes are those of Go, so strconv reads it back.
	if u, err := strconv.Unquote(y); err != nil || u != strings.ToValidUTF8(s, "\uFFFD") {
		t.Errorf("yamlQuote(%q) = %s reads back as %q (%v)", s, y, u, err)
	}
}

func TestEscapes(t *testing.T) {
	for _, s := range hostile {
		t.Run(strconv.Quote(s), func(t *testing.T) { checkEscapes(t, s) })
	}
	for i, a := range hostile {
		for _, b := range hostile[i+1:] {
			if dotID(a) == dotID(b) || mermaidID(a) == mermaidID(b) {
				t.Errorf("%q and %q share an identifier", a, b)
			}
		}
	}
}

// FuzzEscapes checks the escaping round trips on any string: identifiers
// read back as written (so distinct IDs never collide), labels show the
// text, and Mermaid text leaves nothing raw for the parser to misread.
func FuzzEscapes(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEscapes(t, s) })
}
