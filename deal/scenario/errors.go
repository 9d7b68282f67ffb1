package scenario

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/regimes"
)

// Sentinel errors to branch on with [errors.Is]. Every problem [Load] and
// [File.Scenario] report is an [*Error] wrapping one of them, or wrapping
// the error of package parties, regulator or deal that found it (so that
// errors.Is(err, deal.ErrUnknownParty) works too).
var (
	// ErrSyntax reports a document that is not YAML or JSON, is empty, or
	// holds more than one document.
	ErrSyntax = errors.New("scenario: syntax error")
	// ErrUnknownField reports a field the format does not have.
	ErrUnknownField = errors.New("scenario: unknown field")
	// ErrMissing reports a required field left out or empty, or a
	// condition, predicate, move or value that gives none or several of its
	// variants.
	ErrMissing = errors.New("scenario: required field missing")
	// ErrType reports a value of the wrong kind: a list for a mapping, a
	// number for a string, null.
	ErrType = errors.New("scenario: wrong type")
	// ErrValue reports a value whose text is wrong: a date, decimal, share,
	// period, threshold, method or enumeration.
	ErrValue = errors.New("scenario: invalid value")
	// ErrDuplicate reports a key given twice, or a calendar, group or
	// regulator defined twice.
	ErrDuplicate = errors.New("scenario: duplicate")
	// ErrReference reports a reference to a regulator, group, calendar,
	// mitigation, party or preset that is not defined.
	ErrReference = errors.New("scenario: reference to something not defined")
	// ErrTooLarge reports a document larger than [MaxSize], with too many
	// values (aliases expanded) or too many problems to list.
	ErrTooLarge = errors.New("scenario: document too large")
)

// Error is one problem in a scenario document: where it is and what is
// wrong. Line and Column are 1-based and zero where not known (a [File]
// built in Go rather than loaded); Path is the field's path in the
// document, as in "proposals[1].moves[0].transfer.amount" or
// "likelihoods.consent[bytedance]".
type Error struct {
	// File is the name given to [Load].
	File string
	// Line and Column locate the field in the source.
	Line, Column int
	// Path is the field's path.
	Path string
	// Err is the problem; it wraps a sentinel of this package or the error
	// of the package that found it.
	Err error
}

// Error returns "file:line:column: path: detail", leaving out what is not
// known.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		if e.File != "" {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(detail(e.Err))
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// problem is an error of this package: a message, the sentinel it is an
// instance of and, optionally, the error of another package behind it.
type problem struct {
	kind  error
	cause error
	msg   string
}

func (p *problem) Error() string { return p.msg }

func (p *problem) Unwrap() []error {
	if p.cause == nil {
		return []error{p.kind}
	}
	return []error{p.kind, p.cause}
}

func problemf(kind error, format string, args ...any) error {
	return &problem{kind: kind, msg: fmt.Sprintf(format, args...)}
}

func valueErrorf(format string, args ...any) error { return problemf(ErrValue, format, args...) }

// detail returns the message of err without the package prefixes and the
// paths that the [Error] around it states better.
func detail(err error) string {
	if err == nil {
		return "unknown error"
	}
	switch e := err.(type) {
	case *problem:
		return e.msg
	case *deal.SpecError:
		return detail(e.Err)
	case *regulator.FieldError:
		return detail(e.Err)
	case *parties.StakeError:
		return detail(e.Err)
	case *parties.PartyError:
		return detail(e.Err)
	case *regimes.OptionError:
		return detail(e.Err)
	}
	msg := err.Error()
	for changed := true; changed; {
		changed = false
		for _, p := range []string{"scenario: ", "deal: ", "regulator: ", "parties: ", "calendar: ", "regimes: "} {
			if strings.HasPrefix(msg, p) {
				msg, changed = msg[len(p):], true
			}
		}
	}
	return strings.ReplaceAll(msg, "\n", "; ")
}
