package bods

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// reader is a streaming JSON tokenizer. It holds one buffer of input (grown
// only to fit the longest token) and hands out tokens as byte slices that stay
// valid until the next call. It validates the JSON grammar as it goes; a
// grammar error is fatal, as the rest of the stream can no longer be trusted.
type reader struct {
	r        io.Reader
	buf      []byte
	pos, end int
	off      int64 // stream offset of buf[0]
	eof      bool
	rerr     error // read error other than io.EOF
	scratch  []byte
	maxDepth int
	err      error // the first grammar or read error; sticky
	keyBuf   []byte
}

const (
	readerBuf      = 64 << 10
	maxNestedDepth = 512
)

func newReader(r io.Reader) *reader {
	return &reader{r: r, buf: make([]byte, readerBuf), maxDepth: maxNestedDepth}
}

// offset returns the stream offset of the next unread byte.
func (r *reader) offset() int64 { return r.off + int64(r.pos) }

// fail records an error wrapping [ErrSyntax] at the current offset, unless
// an error is already recorded. Every method does nothing once r.err is set.
func (r *reader) fail(format string, args ...any) {
	if r.err != nil {
		return
	}
	if r.rerr != nil {
		r.err = fmt.Errorf("bods: read: %w", r.rerr)
		return
	}
	r.err = fmt.Errorf("%w at byte %d: %s", ErrSyntax, r.offset(), fmt.Sprintf(format, args...))
}

// fill reads more input, keeping buf[pos:end]; it reports whether any was
// read.
func (r *reader) fill() bool {
	if r.eof {
		return false
	}
	if r.pos > 0 {
		n := copy(r.buf, r.buf[r.pos:r.end])
		r.off += int64(r.pos)
		r.end, r.pos = n, 0
	}
	if r.end == len(r.buf) {
		nb := make([]byte, 2*len(r.buf))
		copy(nb, r.buf[:r.end])
		r.buf = nb
	}
	for range 100 {
		n, err := r.r.Read(r.buf[r.end:])
		r.end += n
		if err != nil {
			r.eof = true
			if !errors.Is(err, io.EOF) {
				r.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	r.eof, r.rerr = true, io.ErrNoProgress
	return false
}

// peek skips white space and returns the next byte without consuming it; ok
// is false at the end of the input or after an error.
func (r *reader) peek() (c byte, ok bool) {
	if r.err != nil {
		return 0, false
	}
	for {
		for r.pos < r.end {
			c := r.buf[r.pos]
			if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
				r.pos++
				continue
			}
			return c, true
		}
		if !r.fill() {
			if r.rerr != nil {
				r.fail("")
			}
			return 0, false
		}
	}
}

// expect consumes the byte c, after white space, and reports whether it was
// there.
func (r *reader) expect(c byte) bool {
	got, ok := r.peek()
	switch {
	case !ok:
		r.fail("unexpected end of input, want %q", c)
		return false
	case got != c:
		r.fail("unexpected %q, want %q", got, c)
		return false
	}
	r.pos++
	return true
}

// more is called inside an array or object after an element or member: it
// consumes a comma and reports true, or consumes the closing bracket and
// reports false.
func (r *reader) more(closing byte) bool {
	c, ok := r.peek()
	switch {
	case !ok:
		r.fail("unexpected end of input, want ',' or %q", closing)
	case c == ',':
		r.pos++
		return true
	case c == closing:
		r.pos++
	default:
		r.fail("unexpected %q, want ',' or %q", c, closing)
	}
	return false
}

// first is called after an opening bracket: it consumes the closing bracket
// of an empty array or object and reports false, or reports true.
func (r *reader) first(closing byte) bool {
	c, ok := r.peek()
	if !ok {
		r.fail("unexpected end of input")
		return false
	}
	if c == closing {
		r.pos++
		return false
	}
	return true
}

// key reads an object member's name and the colon after it. The name stays
// valid until the next call of key.
func (r *reader) key() []byte {
	c, ok := r.peek()
	if !ok || c != '"' {
		if ok {
			r.fail("unexpected %q, want a member name", c)
		} else {
			r.fail("unexpected end of input, want a member name")
		}
		return nil
	}
	// Copy the name: reading on may move the buffer under it.
	r.keyBuf = append(r.keyBuf[:0], r.str()...)
	if !r.expect(':') {
		return nil
	}
	return r.keyBuf
}

// str reads a string token (the next byte must be '"') and returns its
// unescaped content, valid until the next call. Invalid UTF-8 is replaced by
// U+FFFD byte for byte, as encoding/json does.
func (r *reader) str() []byte {
	if r.err != nil {
		return nil
	}
	r.pos++ // opening quote
	i := 0
	high := false
	for {
		for r.pos+i < r.end {
			c := r.buf[r.pos+i]
			switch {
			case c == '"':
				s := r.buf[r.pos : r.pos+i]
				r.pos += i + 1
				if high && !utf8.Valid(s) {
					s = appendValid(r.scratch[:0], s)
					r.scratch = s
				}
				return s
			case c == '\\':
				return r.strEscaped(i)
			case c < 0x20:
				r.pos += i
				r.fail("control character %q in string", c)
				return nil
			case c >= utf8.RuneSelf:
				high = true
			}
			i++
		}
		if !r.fill() {
			r.fail("unexpected end of input in string")
			return nil
		}
	}
}

// appendValid appends s to dst with each byte of an invalid UTF-8 sequence
// replaced by U+FFFD.
func appendValid(dst, s []byte) []byte {
	for len(s) > 0 {
		ru, n := utf8.DecodeRune(s)
		if ru == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
		} else {
			dst = append(dst, s[:n]...)
		}
		s = s[n:]
	}
	return dst
}

// strEscaped finishes reading a string whose first i bytes (after the quote)
// need no unescaping.
func (r *reader) strEscaped(i int) []byte {
	out := r.scratch[:0]
	// raw holds unescaped text not yet checked to be valid UTF-8.
	raw := append([]byte(nil), r.buf[r.pos:r.pos+i]...)
	r.pos += i
	flush := func() {
		out = appendValid(out, raw)
		raw = raw[:0]
	}
	for {
		if r.pos >= r.end && !r.fill() {
			r.fail("unexpected end of input in string")
			return nil
		}
		c := r.buf[r.pos]
		switch {
		case c == '"':
			r.pos++
			flush()
			r.scratch = out
			return out
		case c < 0x20:
			r.fail("control character %q in string", c)
			return nil
		case c != '\\':
			raw = append(raw, c)
			r.pos++
			continue
		}
		// An escape: make sure the longest one (\uXXXX\uXXXX) is buffered.
		for r.end-r.pos < 12 && r.fill() {
		}
		if r.end-r.pos < 2 {
			r.fail("unexpected end of input in string")
			return nil
		}
		e := r.buf[r.pos+1]
		r.pos += 2
		switch e {
		case '"', '\\', '/':
			raw = append(raw, e)
		case 'b':
			raw = append(raw, '\b')
		case 'f':
			raw = append(raw, '\f')
		case 'n':
			raw = append(raw, '\n')
		case 'r':
			raw = append(raw, '\r')
		case 't':
			raw = append(raw, '\t')
		case 'u':
			ru, ok := r.hex4()
			if !ok {
				r.fail("invalid \\u escape")
				return nil
			}
			flush()
			if utf16.IsSurrogate(ru) {
				ru2 := rune(-1)
				if r.end-r.pos >= 6 && r.buf[r.pos] == '\\' && r.buf[r.pos+1] == 'u' {
					save := r.pos
					r.pos += 2
					if v, ok := r.hex4(); ok {
						ru2 = v
					} else {
						r.fail("invalid \\u escape")
						return nil
					}
					if dec := utf16.DecodeRune(ru, ru2); dec != utf8.RuneError {
						out = utf8.AppendRune(out, dec)
						continue
					}
					r.pos = save
				}
				ru = utf8.RuneError
			}
			out = utf8.AppendRune(out, ru)
		default:
			r.pos -= 2
			r.fail("invalid escape \\%c", e)
			return nil
		}
	}
}

// hex4 reads four hexadecimal digits.
func (r *reader) hex4() (rune, bool) {
	if r.end-r.pos < 4 {
		return 0, false
	}
	var v rune
	for _, c := range r.buf[r.pos : r.pos+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		v = v<<4 | rune(c)
	}
	r.pos += 4
	return v, true
}

// number reads a number token and returns its text, valid until the next
// call.
func (r *reader) number() []byte {
	if r.err != nil {
		return nil
	}
	// Buffer the whole token first: numbers end at a delimiter.
	i := 0
scan:
	for {
		for r.pos+i < r.end {
			c := r.buf[r.pos+i]
			if ('0' <= c && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
				i++
				continue
			}
			break scan
		}
		if !r.fill() {
			break
		}
	}
	s := r.buf[r.pos : r.pos+i]
	if !validNumber(s) {
		r.fail("invalid number %q", s)
		return nil
	}
	r.pos += i
	return s
}

// validNumber reports whether s follows the JSON number grammar.
func validNumber(s []byte) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	return i == len(s)
}

// literal reads true, false or null.
func (r *reader) literal() string {
	if r.err != nil {
		return ""
	}
	for r.end-r.pos < 5 && r.fill() {
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if r.end-r.pos >= len(lit) && string(r.buf[r.pos:r.pos+len(lit)]) == lit {
			r.pos += len(lit)
			return lit
		}
	}
	r.fail("invalid literal")
	return ""
}

// kind classifies the next value by its first byte: '"', '{', '[', '0'
// (number), 't' or 'f' (boolean) or 'n' (null). It returns 0 at the end of
// the input.
func (r *reader) kind() byte {
	c, ok := r.peek()
	if !ok {
		return 0
	}
	switch {
	case c == '-' || ('0' <= c && c <= '9'):
		return '0'
	}
	return c
}

// skip reads and discards one value of any type.
func (r *reader) skip() { r.skipDepth(0) }

func (r *reader) skipDepth(depth int) {
	if depth > r.maxDepth {
		r.fail("values nested more than %d deep", r.maxDepth)
		return
	}
	switch k := r.kind(); k {
	case '"':
		r.str()
	case '0':
		r.number()
	case 't', 'f', 'n':
		r.literal()
	case '[':
		r.pos++
		for ok := r.first(']'); ok; ok = r.more(']') {
			r.skipDepth(depth + 1)
		}
	case '{':
		r.pos++
		for ok := r.first('}'); ok; ok = r.more('}') {
			r.key()
			r.skipDepth(depth + 1)
		}
	case 0:
		r.fail("unexpected end of input, want a value")
	default:
		r.fail("unexpected %q, want a value", k)
	}
}

// jsonType names the JSON type of a value starting with kind k, for messages.
func jsonType(k byte) string {
	switch k {
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '[':
		return "an array"
	case '{':
		return "an object"
	}
	return "nothing"
}
