package parties

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// Basis says which of a party's jurisdictions a jurisdiction test looks at.
type Basis int8

// The bases of a jurisdiction test. The zero Basis is [Seat].
const (
	// Seat matches a party by its headquarters (for a person, residence) and,
	// where that is not known, by its jurisdiction.
	Seat Basis = iota
	// Incorporation matches a party by its jurisdiction of incorporation (for
	// a person, nationality).
	Incorporation
	// Headquarters matches a party by its headquarters (for a person,
	// residence).
	Headquarters
	// Either matches a party by its jurisdiction or its headquarters.
	Either
)

var basisNames = [...]string{Seat: "seat", Incorporation: "incorporation", Headquarters: "headquarters", Either: "either"}

// String returns "seat", "incorporation", "headquarters" or "either".
func (b Basis) String() string {
	if b < 0 || int(b) >= len(basisNames) {
		return fmt.Sprintf("Basis(%d)", int8(b))
	}
	return basisNames[b]
}

// MarshalText implements [encoding.TextMarshaler].
func (b Basis) MarshalText() ([]byte, error) {
	if b < 0 || int(b) >= len(basisNames) {
		return nil, fmt.Errorf("parties: invalid basis %d", int8(b))
	}
	return []byte(basisNames[b]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (b *Basis) UnmarshalText(t []byte) error {
	for i, n := range basisNames {
		if n == string(t) {
			*b = Basis(i)
			return nil
		}
	}
	return fmt.Errorf("parties: unknown basis %q", t)
}

// pick returns the jurisdictions of p that basis b looks at: x, and y too
// where two is set.
func (b Basis) pick(p *Party) (x, y Jurisdiction, two bool) {
	switch b {
	case Incorporation:
		return p.Jurisdiction, Jurisdiction{}, false
	case Headquarters:
		return p.Headquarters, Jurisdiction{}, false
	case Either:
		return p.Jurisdiction, p.Headquarters, true
	}
	if p.Headquarters.IsZero() {
		return p.Jurisdiction, Jurisdiction{}, false
	}
	return p.Headquarters, Jurisdiction{}, false
}

// Predicate selects parties, for [Register.OwnedBy] and the rules built on
// it. It has a name used in explanations ("US persons") and a key that
// identifies what it matches.
//
// The zero Predicate matches no party.
type Predicate struct {
	name  string
	key   string
	match func(*Party) bool
}

// matchSeq numbers the predicates made by [Match], whose functions cannot be
// compared.
var matchSeq atomic.Uint64

// Match returns a predicate with the given name that matches the parties for
// which f reports true; a nil f matches no party. f must not keep or modify
// the party. Each call gives a predicate with a key of its own.
func Match(name string, f func(Party) bool) Predicate {
	key := "match#" + strconv.FormatUint(matchSeq.Add(1), 10)
	if f == nil {
		return Predicate{name: name, key: key}
	}
	return Predicate{name: name, key: key, match: func(p *Party) bool { return f(*p) }}
}

// Name returns the predicate's name.
func (p Predicate) Name() string { return p.name }

// Key identifies what the predicate matches, whatever its name: predicates
// built alike by this package's constructors ([In], [InGroup], [OfKind],
// [Tagged], [IDs], [AnyOf], [AllOf], [Not]) have equal keys and match the
// same parties; every [Match] has a key of its own. Caches of results by
// predicate key on it. The zero Predicate's key is "".
func (p Predicate) Key() string { return p.key }

// String returns the predicate's name.
func (p Predicate) String() string { return p.name }

// Matches reports whether party q satisfies p.
func (p Predicate) Matches(q Party) bool { return p.matches(&q) }

func (p Predicate) matches(q *Party) bool { return p.match != nil && p.match(q) }

// WithName returns p under another name.
func (p Predicate) WithName(name string) Predicate { p.name = name; return p }

// In matches parties whose jurisdiction on basis b is j or lies within the
// bloc j.
func In(j Jurisdiction, b Basis) Predicate {
	within := newWithinSet(j)
	return Predicate{
		name: fmt.Sprintf("%s parties (%s)", j, b),
		key:  "in(" + j.Code() + "," + b.String() + ")",
		match: func(p *Party) bool {
			x, y, two := b.pick(p)
			return within.has(x) || two && within.has(y)
		},
	}
}

// InGroup matches parties whose jurisdiction on basis b belongs to group g.
func InGroup(g Group, b Basis) Predicate {
	return Predicate{
		name: fmt.Sprintf("%s (%s)", g.Name(), b),
		key:  "group(" + g.key() + "," + b.String() + ")",
		match: func(p *Party) bool {
			x, y, two := b.pick(p)
			return g.Contains(x) || two && g.Contains(y)
		},
	}
}

// OfKind matches parties of any of the given kinds.
func OfKind(kinds ...Kind) Predicate {
	ks := slices.Clone(kinds)
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.String()
	}
	return Predicate{
		name:  "kind " + strings.Join(names, " or "),
		key:   "kind(" + strings.Join(names, ",") + ")",
		match: func(p *Party) bool { return slices.Contains(ks, p.Kind) },
	}
}

// Tagged matches parties that carry tag.
func Tagged(tag string) Predicate {
	return Predicate{name: "tagged " + tag, key: "tag(" + strconv.Quote(tag) + ")", match: func(p *Party) bool { return slices.Contains(p.Tags, tag) }}
}

// IDs matches the parties with the given IDs.
func IDs(ids ...ID) Predicate {
	set := make(map[ID]bool, len(ids))
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		set[id] = true
		names = append(names, string(id))
	}
	keys := make([]string, 0, len(set))
	for id := range set {
		keys = append(keys, strconv.Quote(string(id)))
	}
	slices.Sort(keys)
	return Predicate{name: strings.Join(names, ", "), key: "ids(" + strings.Join(keys, ",") + ")", match: func(p *Party) bool { return set[p.ID] }}
}

// AnyOf matches parties that satisfy at least one of ps.
func AnyOf(ps ...Predicate) Predicate {
	ps = slices.Clone(ps)
	return Predicate{
		name: joinNames(ps, " or "),
		key:  "any(" + joinKeys(ps) + ")",
		match: func(q *Party) bool {
			return slices.ContainsFunc(ps, func(p Predicate) bool { return p.matches(q) })
		},
	}
}

// AllOf matches parties that satisfy every one of ps.
func AllOf(ps ...Predicate) Predicate {
	ps = slices.Clone(ps)
	return Predicate{
		name: joinNames(ps, " and "),
		key:  "all(" + joinKeys(ps) + ")",
		match: func(q *Party) bool {
			for _, p := range ps {
				if !p.matches(q) {
					return false
				}
			}
			return true
		},
	}
}

// Not matches parties that do not satisfy p.
func Not(p Predicate) Predicate {
	return Predicate{name: "not " + p.name, key: "not(" + p.key + ")", match: func(q *Party) bool { return !p.matches(q) }}
}

func joinNames(ps []Predicate, sep string) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.name
	}
	return "(" + strings.Join(names, sep) + ")"
}

func joinKeys(ps []Predicate) string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.key
	}
	return strings.Join(keys, ",")
}
