package diagram

import "fmt"

// Format is the language an ownership diagram is written in. The zero
// Format is [DOT].
type Format int8

// The formats.
const (
	DOT     Format = iota // Graphviz DOT, for dot -Tsvg and the like
	Mermaid               // Mermaid flowchart text
)

var formatNames = [...]string{DOT: "dot", Mermaid: "mermaid"}

// String returns "dot" or "mermaid".
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int8(f))
	}
	return formatNames[f]
}

// MarshalText implements [encoding.TextMarshaler].
func (f Format) MarshalText() ([]byte, error) {
	if f < 0 || int(f) >= len(formatNames) {
		return nil, fmt.Errorf("diagram: invalid format %d", int8(f))
	}
	return []byte(formatNames[f]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the names
// [Format.String] returns.
func (f *Format) UnmarshalText(b []byte) error {
	for i, n := range formatNames {
		if n == string(b) {
			*f = Format(i)
			return nil
		}
	}
	return fmt.Errorf("diagram: unknown format %q", b)
}

// Grouping says how an ownership diagram shows the parties' jurisdictions:
// a party's jurisdiction is its headquarters, or where that is not known its
// jurisdiction of incorporation. The zero Grouping is [GroupByJurisdiction].
type Grouping int8

// The groupings.
const (
	// GroupByJurisdiction draws the parties of each jurisdiction inside a
	// box of their own, coloured by jurisdiction (DOT clusters, Mermaid
	// subgraphs).
	GroupByJurisdiction Grouping = iota
	// ColourByJurisdiction fills each party with its jurisdiction's colour
	// and adds a legend, leaving the layout free.
	ColourByJurisdiction
	// NoGrouping draws every party alike.
	NoGrouping
)

var groupingNames = [...]string{GroupByJurisdiction: "group", ColourByJurisdiction: "colour", NoGrouping: "none"}

// String returns "group", "colour" or "none".
func (g Grouping) String() string {
	if g < 0 || int(g) >= len(groupingNames) {
		return fmt.Sprintf("Grouping(%d)", int8(g))
	}
	return groupingNames[g]
}

// MarshalText implements [encoding.TextMarshaler].
func (g Grouping) MarshalText() ([]byte, error) {
	if g < 0 || int(g) >= len(groupingNames) {
		return nil, fmt.Errorf("diagram: invalid grouping %d", int8(g))
	}
	return []byte(groupingNames[g]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the names
// [Grouping.String] returns.
func (g *Grouping) UnmarshalText(b []byte) error {
	for i, n := range groupingNames {
		if n == string(b) {
			*g = Grouping(i)
			return nil
		}
	}
	return fmt.Errorf("diagram: unknown grouping %q", b)
}
