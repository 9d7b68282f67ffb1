package diagram

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dotID quotes s as a DOT identifier. Distinct strings give distinct
// identifiers: a backslash is doubled (Graphviz keeps "\\" as two
// characters and reads "\"" as a quote), and a control character or a byte
// that is not UTF-8 is written as \xNN, which no doubled backslash can
// produce.
func dotID(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// dotLabel quotes s as a DOT label shown as written: backslashes are
// doubled (so that Graphviz's escapes such as \N and \l do not apply), an
// ampersand is written as &amp; (Graphviz decodes entities in labels), a
// line break becomes a centred break (\n), other control characters and
// bytes that are not UTF-8 show as U+FFFD.
func dotLabel(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// mermaidID returns a Mermaid node identifier for s: letters and digits of
// ASCII are kept, a hyphen is written as "__" and every other byte as "_"
// and two hex digits, so that distinct strings give distinct identifiers
// made only of [A-Za-z0-9_] ("tiktok-global" is "tiktok__global").
func mermaidID(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			b.WriteByte(c)
		case c == '-':
			b.WriteString("__")
		default:
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String()
}

// mermaidSafe lists the punctuation written as is in Mermaid text.
const mermaidSafe = " .,-_'()[]{}/+*!?@$=~^%"

// mermaidText returns s for a quoted Mermaid label: letters, digits, marks
// and common punctuation as written, a line break as <br>, a tab as a
// space, other control characters and bytes that are not UTF-8 as U+FFFD,
// and every other character as a numeric entity (#34; for a quote), which
// Mermaid decodes when it renders. No quote, '#', ';', ':', '<', '>', '&', '|' or backquote
// is left for Mermaid's parser or its entity pass to misread, and the text
// can never close a Markdown code fence.
func mermaidText(s string) string { return mermaidEncode(s, mermaidSafe, "<br>") }

// ganttText is like [mermaidText] for the titles, sections and tasks of a
// Gantt chart, whose parser also misreads '%' and whose plain SVG text
// shows a line break as a space.
func ganttText(s string) string {
	return mermaidEncode(s, strings.ReplaceAll(mermaidSafe, "%", ""), " ")
}

// ganttKeywords are the words Mermaid's Gantt parser reads as a statement
// at the start of a line, whatever follows (case is ignored).
var ganttKeywords = []string{
	"acc", "href", "call", "click", "gantt", "dateformat", "inclusiveenddates", "topaxis",
	"axisformat", "tickinterval", "includes", "excludes", "todaymarker", "weekday", "weekend",
	"title", "section",
}

// ganttTask is like [ganttText] for the name of a task, which starts a
// line: leading and trailing space is dropped, and a name that starts with
// a keyword ("Section 721 review") or a date has its first character
// written as an entity, so that the parser reads a task.
func ganttTask(s string) string {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	keyword := len(s) >= 10 && isDate(s[:10])
	for _, k := range ganttKeywords {
		keyword = keyword || strings.HasPrefix(lower, k)
	}
	if !keyword {
		return ganttText(s)
	}
	// Keywords and dates are ASCII, so the first byte is the first rune.
	return fmt.Sprintf("#%d;", s[0]) + ganttText(s[1:])
}

// isDate reports whether s has the shape of a date, dddd-dd-dd.
func isDate(s string) bool {
	for i := range len(s) {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 10
}

func mermaidEncode(s, safe, lineBreak string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(lineBreak)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			b.WriteRune('\uFFFD')
		case r < utf8.RuneSelf && strings.ContainsRune(safe, r):
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(r)
		case unicode.IsGraphic(r) && r >= utf8.RuneSelf && !unicode.IsSpace(r):
			b.WriteRune(r) // symbols and punctuation beyond ASCII: "–", "€"
		default:
			fmt.Fprintf(&b, "#%d;", r)
		}
	}
	return b.String()
}

// yamlQuote quotes s as a YAML double-quoted scalar for Mermaid's front
// matter, escaping quotes, backslashes, control characters and the
// characters that Mermaid's entity pass or a Markdown fence could misread.
func yamlQuote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '#' || r == ';' || r == '`' || r == '%' || r == '&' || r == '<' || r == '>':
			fmt.Fprintf(&b, `\u%04x`, r)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff':
			if r > 0xffff {
				fmt.Fprintf(&b, `\U%08x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
