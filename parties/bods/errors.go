package bods

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors to branch on with [errors.Is]. A problem with one
// statement is a [*StatementError] wrapping one of them or one of the
// sentinels of package parties ([parties.ErrShareRange],
// [parties.ErrInvertedRange], [parties.ErrJurisdiction], [parties.ErrDates],
// [parties.ErrOverOwned], …).
var (
	// ErrSyntax marks input that is not well-formed JSON; reading stops there.
	ErrSyntax = errors.New("bods: invalid JSON")
	// ErrNotArray marks input whose top level is not a JSON array of
	// statements.
	ErrNotArray = errors.New("bods: input is not a JSON array of statements")
	// ErrField marks a field the importer reads that is missing, of the
	// wrong JSON type, or has a value the standard does not allow.
	ErrField = errors.New("bods: invalid field")
	// ErrMissingRecord marks a reference to a record (0.4) or statement
	// (0.2/0.3) that is not in the input.
	ErrMissingRecord = errors.New("bods: record not present")
)

// StatementError reports a problem with one statement, naming it by its
// statement ID (and record ID, in 0.4) and, where the problem lies in one
// field, by the path of that field within the statement.
type StatementError struct {
	// Index is the statement's position in the input, from 0.
	Index int
	// StatementID is the statement's statementId (0.4) or statementID
	// (0.2/0.3); empty if it has none.
	StatementID string
	// RecordID is the statement's recordId (0.4); empty in 0.2/0.3.
	RecordID string
	// Field is the path of the field at fault, as
	// "recordDetails.interests[0].share.exact"; empty where the problem is
	// with the statement as a whole.
	Field string
	// Err is the problem.
	Err error
}

// Error returns "bods: statement "ID" (record "R"): field: detail".
func (e *StatementError) Error() string {
	var sb strings.Builder
	sb.WriteString("bods: statement ")
	if e.StatementID != "" {
		fmt.Fprintf(&sb, "%q", e.StatementID)
	} else {
		fmt.Fprintf(&sb, "#%d (no statement ID)", e.Index+1)
	}
	if e.RecordID != "" {
		fmt.Fprintf(&sb, " (record %q)", e.RecordID)
	}
	sb.WriteString(": ")
	if e.Field != "" {
		sb.WriteString(e.Field)
		sb.WriteString(": ")
	}
	msg := e.Err.Error()
	for _, p := range []string{"bods: ", "parties: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	sb.WriteString(msg)
	return sb.String()
}

// Unwrap returns the underlying error.
func (e *StatementError) Unwrap() error { return e.Err }
