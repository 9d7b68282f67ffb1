package parties

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/dealscape/dealscape/internal/iso3166"
)

// Jurisdiction is a country, identified by its ISO 3166-1 alpha-2 code, or a
// bloc of countries (the European Union, "EU"). It is a small comparable
// value usable as a map key.
//
// The zero Jurisdiction is not a valid jurisdiction; it stands for "not
// known" wherever a party's jurisdiction is optional.
type Jurisdiction struct {
	// n is 1 + the position of the two-letter code among all of them (see
	// codeIndex), or 0 for the zero Jurisdiction: a party's jurisdiction is
	// tested against a set without reading the code's bytes.
	n uint16
}

// codeNames are the two-letter codes by [Jurisdiction.n].
var codeNames = func() (names [26*26 + 1]string) {
	for i := range 26 * 26 {
		names[i+1] = string([]byte{byte('A' + i/26), byte('A' + i%26)})
	}
	return names
}()

// jurisdictionOf returns the jurisdiction of a two-letter upper-case code,
// which the caller has checked.
func jurisdictionOf(code string) Jurisdiction {
	i, _ := codeIndex(code)
	return Jurisdiction{uint16(i + 1)}
}

// blocs lists the blocs this package knows, with their member countries.
var blocs = map[string][]string{"EU": iso3166.EU}

// ParseJurisdiction returns the jurisdiction for an ISO 3166-1 alpha-2 code
// ("US", "cn") or a bloc code ("EU"). Case is ignored. An unassigned code is
// an error wrapping [ErrJurisdiction].
func ParseJurisdiction(code string) (Jurisdiction, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if len(c) == 2 && (iso3166.Assigned(c) || blocs[c] != nil) {
		return jurisdictionOf(c), nil
	}
	return Jurisdiction{}, fmt.Errorf("%w: %q is not an ISO 3166-1 alpha-2 code or a known bloc", ErrJurisdiction, code)
}

// MustJurisdiction is like [ParseJurisdiction] but panics on an invalid code.
// It is meant for literals in tests and examples.
func MustJurisdiction(code string) Jurisdiction {
	j, err := ParseJurisdiction(code)
	if err != nil {
		panic(err)
	}
	return j
}

// Code returns the upper-case code, or "" for the zero Jurisdiction.
func (j Jurisdiction) Code() string { return codeNames[j.n] }

// String returns the code, or "unknown" for the zero Jurisdiction.
func (j Jurisdiction) String() string {
	if j.n == 0 {
		return "unknown"
	}
	return codeNames[j.n]
}

// IsZero reports whether j is the zero Jurisdiction.
func (j Jurisdiction) IsZero() bool { return j.n == 0 }

// IsBloc reports whether j is a bloc of countries rather than a country.
func (j Jurisdiction) IsBloc() bool { return blocs[j.Code()] != nil }

// Members returns the member countries of a bloc, in code order; a country has
// no members.
func (j Jurisdiction) Members() iter.Seq[Jurisdiction] {
	return func(yield func(Jurisdiction) bool) {
		for _, c := range blocs[j.Code()] {
			if !yield(jurisdictionOf(c)) {
				return
			}
		}
	}
}

// Within reports whether j is other, or a member country of the bloc other.
func (j Jurisdiction) Within(other Jurisdiction) bool {
	if j.n == 0 {
		return false
	}
	return j == other || slices.Contains(blocs[other.Code()], j.Code())
}

// MarshalText implements [encoding.TextMarshaler].
func (j Jurisdiction) MarshalText() ([]byte, error) { return []byte(j.Code()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an empty text gives the
// zero Jurisdiction.
func (j *Jurisdiction) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*j = Jurisdiction{}
		return nil
	}
	v, err := ParseJurisdiction(string(b))
	if err != nil {
		return err
	}
	*j = v
	return nil
}

// Group is a named set of jurisdictions that rules refer to, such as the four
// "foreign adversary" countries of 10 U.S.C. 4872. A jurisdiction belongs to a
// group if it is listed or is a member of a bloc that is listed.
//
// The zero Group is an empty group with no name.
type Group struct {
	name    string
	members []Jurisdiction
}

// NewGroup returns a group with the given name and members. Duplicates and
// zero jurisdictions are dropped; members are kept in code order.
func NewGroup(name string, members ...Jurisdiction) Group {
	ms := make([]Jurisdiction, 0, len(members))
	for _, m := range members {
		if !m.IsZero() {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b Jurisdiction) int { return cmp.Compare(a.n, b.n) })
	return Group{name: name, members: slices.Compact(ms)}
}

// Name returns the group's name.
func (g Group) Name() string { return g.name }

// String returns the group's name followed by its members, as in
// "foreign adversaries (CN, IR, KP, RU)".
func (g Group) String() string {
	codes := make([]string, len(g.members))
	for i, m := range g.members {
		codes[i] = m.Code()
	}
	return fmt.Sprintf("%s (%s)", g.name, strings.Join(codes, ", "))
}

// Members returns the listed members in code order.
func (g Group) Members() iter.Seq[Jurisdiction] { return slices.Values(g.members) }

// Contains reports whether j is listed in g or is a member of a bloc listed
// in g.
func (g Group) Contains(j Jurisdiction) bool {
	for _, m := range g.members {
		if j.Within(m) {
			return true
		}
	}
	return false
}

// withinSet is the set of jurisdictions within one jurisdiction j (j itself
// and, for a bloc, its members), for testing many parties against j without
// a lookup of the bloc each time.
type withinSet struct {
	j  Jurisdiction
	in [26*26 + 1]bool // by Jurisdiction.n
}

// newWithinSet returns the set of jurisdictions within j.
func newWithinSet(j Jurisdiction) *withinSet {
	s := &withinSet{j: j}
	if j.n == 0 {
		return s
	}
	s.in[j.n] = true
	for _, c := range blocs[j.Code()] {
		s.in[jurisdictionOf(c).n] = true
	}
	return s
}

// has reports whether x is within the set's jurisdiction, as x.Within does
// (the zero Jurisdiction is within none). It is small enough to be inlined
// into the predicates that test many parties.
func (s *withinSet) has(x Jurisdiction) bool { return x.n != 0 && s.in[x.n] }

// codeIndex returns the position of a two-letter upper-case code among all
// of them, and reports whether code is one.
func codeIndex(code string) (int, bool) {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return 0, false
	}
	return int(code[0]-'A')*26 + int(code[1]-'A'), true
}

// key identifies the group's name and members, for [Predicate.Key].
func (g Group) key() string {
	codes := make([]string, len(g.members))
	for i, m := range g.members {
		codes[i] = m.Code()
	}
	return strconv.Quote(g.name) + ":" + strings.Join(codes, "+")
}
