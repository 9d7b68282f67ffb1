package scenario

import "github.com/dealscape/dealscape/parties"

// Condition is a rule over the world after a deal, mirroring the
// combinators of package regulator: exactly one of its fields is given.
//
//	{and: [c, …]}                       regulator.And
//	{or: [c, …]}                        regulator.Or
//	{not: c}                            regulator.Not
//	{at_least: {k: 2, of: [c, …]}}      regulator.AtLeastOf
//	{owned: {subject, holders, method, threshold}}   regulator.Owned
//	{controlled: {subject, holders, threshold}}      regulator.Controlled
//	{party_is: {party, predicate}}      regulator.PartyIs
//	{acquirer_is: predicate}            regulator.AcquirerIs
//	{term_is: {term, value}}            regulator.TermIs
//	{term_in: {term, values}}           regulator.TermIn
//	{term_compare: {term, op, value}}   regulator.TermCompare
//	{term_present: term}                regulator.TermPresent
//	{term_contains: {term, item}}       regulator.TermContains
//	{term_party: {term, predicate}}     regulator.TermParty
//	{on_or_after: date}                 regulator.OnOrAfter
//	{before: date}                      regulator.Before
//	{discretion: {name, text}}          regulator.Discretion
//	{const: {value, text}}              regulator.Const
//	{requires: mitigation-id}           regulator.Requires
//	{named: {name, condition}}          regulator.Named
type Condition struct {
	// And holds where every condition holds.
	And []Condition `json:"and,omitempty" yaml:"and,omitempty"`
	// Or holds where any condition holds.
	Or []Condition `json:"or,omitempty" yaml:"or,omitempty"`
	// Not holds where the condition fails.
	Not *Condition `json:"not,omitempty" yaml:"not,omitempty"`
	// AtLeast holds where at least k of the conditions hold.
	AtLeast *AtLeast `json:"at_least,omitempty" yaml:"at_least,omitempty"`
	// Owned tests the share of a subject held by a group of parties.
	Owned *Ownership `json:"owned,omitempty" yaml:"owned,omitempty"`
	// Controlled tests whether a party of a group controls a subject.
	Controlled *Control `json:"controlled,omitempty" yaml:"controlled,omitempty"`
	// PartyIs tests a party (by default the target) against a predicate.
	PartyIs *PartyTest `json:"party_is,omitempty" yaml:"party_is,omitempty"`
	// AcquirerIs holds where an acquirer matches the predicate.
	AcquirerIs *Predicate `json:"acquirer_is,omitempty" yaml:"acquirer_is,omitempty"`
	// TermIs holds where a term equals a value.
	TermIs *TermValue `json:"term_is,omitempty" yaml:"term_is,omitempty"`
	// TermIn holds where a term equals one of the values.
	TermIn *TermValues `json:"term_in,omitempty" yaml:"term_in,omitempty"`
	// TermCompare compares a numeric term with a number.
	TermCompare *TermComparison `json:"term_compare,omitempty" yaml:"term_compare,omitempty"`
	// TermPresent names a term the deal must give.
	TermPresent string `json:"term_present,omitempty" yaml:"term_present,omitempty"`
	// TermContains holds where a set term contains an item.
	TermContains *TermItem `json:"term_contains,omitempty" yaml:"term_contains,omitempty"`
	// TermParty holds where a text term is the ID of a party matching the
	// predicate.
	TermParty *TermParty `json:"term_party,omitempty" yaml:"term_party,omitempty"`
	// OnOrAfter holds where the as-of date is this date or later.
	OnOrAfter Date `json:"on_or_after,omitempty" yaml:"on_or_after,omitempty"`
	// Before holds where the as-of date is before this date.
	Before Date `json:"before,omitempty" yaml:"before,omitempty"`
	// Discretion is always open: a point at an authority's discretion.
	Discretion *Discretion `json:"discretion,omitempty" yaml:"discretion,omitempty"`
	// Const has a fixed value.
	Const *Const `json:"const,omitempty" yaml:"const,omitempty"`
	// Requires names a mitigation of the gate the condition belongs to; it
	// holds where the mitigation is available.
	Requires string `json:"requires,omitempty" yaml:"requires,omitempty"`
	// Named gives a condition a name that explanations lead with.
	Named *Named `json:"named,omitempty" yaml:"named,omitempty"`
}

func (Condition) union() {}

// AtLeast is the operand of {at_least: …}.
type AtLeast struct {
	// K is how many of the conditions must hold.
	K int `json:"k" yaml:"k"`
	// Of are the conditions.
	Of []Condition `json:"of" yaml:"of"`
}

// Ownership is the operand of {owned: …} (see [regulator.OwnershipRule]).
type Ownership struct {
	// Subject is the ID of the party whose ownership is tested; left out,
	// the deal's target.
	Subject string `json:"subject,omitempty" yaml:"subject,omitempty"`
	// Holders selects the parties whose share is counted.
	Holders Predicate `json:"holders" yaml:"holders"`
	// Method is how shares are counted through chains; left out,
	// proportional look-through.
	Method Method `json:"method,omitempty" yaml:"method,omitempty"`
	// Threshold is what the share must meet, as in ">0.5" or ">=20%".
	Threshold Threshold `json:"threshold" yaml:"threshold"`
}

// Control is the operand of {controlled: …} (see [regulator.Controlled]).
type Control struct {
	// Subject is the ID of the controlled party; left out, the target.
	Subject string `json:"subject,omitempty" yaml:"subject,omitempty"`
	// Holders selects the parties that may control.
	Holders Predicate `json:"holders" yaml:"holders"`
	// Threshold is the voting threshold; left out, more than 50%.
	Threshold Threshold `json:"threshold,omitempty" yaml:"threshold,omitempty"`
}

// PartyTest is the operand of {party_is: …} (see [regulator.PartyIs]).
type PartyTest struct {
	// Party is the ID of the party tested; left out, the target.
	Party string `json:"party,omitempty" yaml:"party,omitempty"`
	// Predicate is what the party must match.
	Predicate Predicate `json:"predicate" yaml:"predicate"`
}

// TermValue is the operand of {term_is: …}.
type TermValue struct {
	// Term is the term's name.
	Term string `json:"term" yaml:"term"`
	// Value is the value the term must equal.
	Value Value `json:"value" yaml:"value"`
}

// TermValues is the operand of {term_in: …}.
type TermValues struct {
	// Term is the term's name.
	Term string `json:"term" yaml:"term"`
	// Values are the values the term may equal.
	Values []Value `json:"values" yaml:"values"`
}

// TermComparison is the operand of {term_compare: …}.
type TermComparison struct {
	// Term is the numeric term's name.
	Term string `json:"term" yaml:"term"`
	// Op is "at-least", "more-than", "at-most" or "less-than" (or ">=",
	// ">", "<=", "<").
	Op parties.Comparison `json:"op" yaml:"op"`
	// Value is the number compared with.
	Value Decimal `json:"value" yaml:"value"`
}

// TermItem is the operand of {term_contains: …}.
type TermItem struct {
	// Term is the set term's name.
	Term string `json:"term" yaml:"term"`
	// Item is the item the set must contain.
	Item string `json:"item" yaml:"item"`
}

// TermParty is the operand of {term_party: …}.
type TermParty struct {
	// Term is the text term's name; its value is a party ID.
	Term string `json:"term" yaml:"term"`
	// Predicate is what the party must match.
	Predicate Predicate `json:"predicate" yaml:"predicate"`
}

// Discretion is the operand of {discretion: …} (see
// [regulator.Discretion]).
type Discretion struct {
	// Name identifies the point of discretion.
	Name string `json:"name" yaml:"name"`
	// Text describes it.
	Text string `json:"text,omitempty" yaml:"text,omitempty"`
}

// Const is the operand of {const: …} (see [regulator.Const]).
type Const struct {
	// Value is "holds", "fails" or "open".
	Value parties.Truth `json:"value" yaml:"value"`
	// Text describes the fact.
	Text string `json:"text,omitempty" yaml:"text,omitempty"`
}

// Named is the operand of {named: …} (see [regulator.Named]).
type Named struct {
	// Name leads the condition's explanations.
	Name string `json:"name" yaml:"name"`
	// Condition is the condition named.
	Condition Condition `json:"condition" yaml:"condition"`
}

// Predicate selects parties, mirroring the predicates of package parties:
// exactly one of its fields other than Name is given.
//
//	{in: {jurisdiction: US, basis: seat}}      parties.In
//	{in_group: {group: name, basis: seat}}     parties.InGroup
//	{of_kind: [state, person]}                 parties.OfKind
//	{tagged: state-owned}                      parties.Tagged
//	{ids: [oracle, walmart]}                   parties.IDs
//	{any_of: [p, …]}                           parties.AnyOf
//	{all_of: [p, …]}                           parties.AllOf
//	{not: p}                                   parties.Not
//
// Name, if given, names the predicate in explanations ("US persons").
// Predicates with the same name are taken to mean the same when results are
// cached, so give different predicates different names.
type Predicate struct {
	// Name names the predicate in explanations.
	Name string `json:"name,omitempty" yaml:"name,omitempty" scenario:"option"`
	// In matches parties of a jurisdiction.
	In *InJurisdiction `json:"in,omitempty" yaml:"in,omitempty"`
	// InGroup matches parties of a jurisdiction group.
	InGroup *InGroup `json:"in_group,omitempty" yaml:"in_group,omitempty"`
	// OfKind matches parties of any of the kinds.
	OfKind []parties.Kind `json:"of_kind,omitempty" yaml:"of_kind,omitempty"`
	// Tagged matches parties carrying the tag.
	Tagged string `json:"tagged,omitempty" yaml:"tagged,omitempty"`
	// IDs matches the parties with these IDs.
	IDs []string `json:"ids,omitempty" yaml:"ids,omitempty"`
	// AnyOf matches parties matching any of the predicates.
	AnyOf []Predicate `json:"any_of,omitempty" yaml:"any_of,omitempty"`
	// AllOf matches parties matching all of the predicates.
	AllOf []Predicate `json:"all_of,omitempty" yaml:"all_of,omitempty"`
	// Not matches parties not matching the predicate.
	Not *Predicate `json:"not,omitempty" yaml:"not,omitempty"`
}

func (Predicate) union() {}

// InJurisdiction is the operand of {in: …} (see [parties.In]).
type InJurisdiction struct {
	// Jurisdiction is an ISO 3166-1 alpha-2 code or a bloc ("EU").
	Jurisdiction parties.Jurisdiction `json:"jurisdiction" yaml:"jurisdiction"`
	// Basis is "seat" (the default), "incorporation", "headquarters" or
	// "either".
	Basis parties.Basis `json:"basis,omitempty" yaml:"basis,omitempty"`
}

// InGroup is the operand of {in_group: …} (see [parties.InGroup]).
type InGroup struct {
	// Group is the name of a group of the file.
	Group string `json:"group" yaml:"group"`
	// Basis is "seat" (the default), "incorporation", "headquarters" or
	// "either".
	Basis parties.Basis `json:"basis,omitempty" yaml:"basis,omitempty"`
}
