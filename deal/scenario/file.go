package scenario

import (
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator/calendar"
)

// File is a whole scenario as a document: the facts (parties, stakes,
// jurisdiction groups), the rules (regulators, gates, deadlines), the
// questions (positions, proposals, likelihoods) and the as-of date.
//
// A File is plain data: [Load] fills it from JSON or YAML, [Save] writes it
// back, and [File.Scenario] turns it into a [deal.Scenario]. A File that
// [Load] returned remembers where each field was in its source, so that
// [File.Scenario] can report problems at their line and column; a File built
// in Go reports them by field path only.
//
// Field tags give the names used in documents, in snake_case. A field whose
// tag lacks omitempty is required.
type File struct {
	// Schema is the address of the JSON Schema the document follows; editors
	// use it to validate the document as it is typed. It has no other effect.
	Schema string `json:"$schema,omitempty" yaml:"$schema,omitempty"`
	// Name names the scenario.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// AsOf is the date the scenario is evaluated at.
	AsOf Date `json:"as_of" yaml:"as_of"`
	// Calendars are working-day calendars besides the built-in ones, for
	// review timelines and extensions to refer to by name.
	Calendars []Calendar `json:"calendars,omitempty" yaml:"calendars,omitempty"`
	// Groups are named sets of jurisdictions that predicates refer to.
	Groups []Group `json:"groups,omitempty" yaml:"groups,omitempty"`
	// Parties are the parties of the world before any deal.
	Parties []Party `json:"parties" yaml:"parties"`
	// Stakes are the holdings between parties before any deal.
	Stakes []Stake `json:"stakes,omitempty" yaml:"stakes,omitempty"`
	// Regulators are the authorities that gates name.
	Regulators []Regulator `json:"regulators,omitempty" yaml:"regulators,omitempty"`
	// Gates are the approval requirements that may apply.
	Gates []Gate `json:"gates,omitempty" yaml:"gates,omitempty"`
	// Deadlines are the dated orders and statutes hanging over the deal,
	// each with the outcome its consequence brings about.
	Deadlines []Deadline `json:"deadlines,omitempty" yaml:"deadlines,omitempty"`
	// Positions are what the parties whose consent is needed will accept.
	Positions []Position `json:"positions,omitempty" yaml:"positions,omitempty"`
	// Proposals are the transactions on the table; at most one closes.
	Proposals []Proposal `json:"proposals,omitempty" yaml:"proposals,omitempty"`
	// Likelihoods are the probabilities of the scenario's open events.
	Likelihoods *Likelihoods `json:"likelihoods,omitempty" yaml:"likelihoods,omitempty"`
	// Report describes the outcomes and figures for people reading an
	// analysis; the engine does not use it.
	Report *Report `json:"report,omitempty" yaml:"report,omitempty"`

	src string         // the name given to Load
	pos map[string]pos // where each field path was in the source
}

// Calendar is a user-defined working-day calendar (see [calendar.New]).
type Calendar struct {
	// Name is the calendar's name; it must differ from the built-in names
	// (see [CalendarNames]).
	Name string `json:"name" yaml:"name"`
	// Weekend lists the weekly days off by their English names ("saturday").
	// Left out, it means Saturday and Sunday; an empty list means none.
	Weekend []Weekday `json:"weekend,omitempty" yaml:"weekend,omitempty"`
	// Holidays are the days off besides the weekend.
	Holidays []Date `json:"holidays,omitempty" yaml:"holidays,omitempty"`
	// WorkingDays are weekend days that are working days.
	WorkingDays []Date `json:"working_days,omitempty" yaml:"working_days,omitempty"`
	// From and To are the first and last years the data covers; zero means
	// unbounded on that side.
	From int `json:"from,omitempty" yaml:"from,omitempty"`
	// To is the last year the data covers; zero means unbounded.
	To int `json:"to,omitempty" yaml:"to,omitempty"`
}

// Group is a named set of jurisdictions (see [parties.Group]).
type Group struct {
	// Name is the group's name, which predicates refer to.
	Name string `json:"name" yaml:"name"`
	// Members are ISO 3166-1 alpha-2 codes or blocs ("EU").
	Members []parties.Jurisdiction `json:"members,omitempty" yaml:"members,omitempty"`
}

// Source says where a fact comes from (see [parties.Source]).
type Source struct {
	// URL is the address of the document that states the fact.
	URL string `json:"url,omitempty" yaml:"url,omitempty"`
	// Date is the document's publication date.
	Date Date `json:"date,omitempty" yaml:"date,omitempty"`
	// Confidence grades how well the source backs the fact.
	Confidence parties.Confidence `json:"confidence,omitempty" yaml:"confidence,omitempty"`
	// Note is free text.
	Note string `json:"note,omitempty" yaml:"note,omitempty"`
}

// Party is a participant in the deal world (see [parties.Party]).
type Party struct {
	// ID identifies the party.
	ID string `json:"id" yaml:"id"`
	// Name is the display name.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// Kind is "company" (the default), "fund", "state", "person",
	// "consortium" or "unknown".
	Kind parties.Kind `json:"kind,omitempty" yaml:"kind,omitempty"`
	// Jurisdiction is where a company is incorporated, or a person's
	// nationality.
	Jurisdiction parties.Jurisdiction `json:"jurisdiction,omitempty" yaml:"jurisdiction,omitempty"`
	// Headquarters is where a company is headquartered, or a person's
	// residence.
	Headquarters parties.Jurisdiction `json:"headquarters,omitempty" yaml:"headquarters,omitempty"`
	// Tags are free labels such as "state-owned".
	Tags []string `json:"tags,omitempty" yaml:"tags,omitempty"`
	// Reason says why an unknown holder's identity is not given.
	Reason string `json:"reason,omitempty" yaml:"reason,omitempty"`
	// Source says where the party's facts come from.
	Source Source `json:"source,omitempty" yaml:"source,omitempty"`
}

// Stake is a holding of one party in another (see [parties.Stake]).
type Stake struct {
	// Holder is the ID of the party that holds the stake.
	Holder string `json:"holder" yaml:"holder"`
	// Subject is the ID of the party the stake is held in.
	Subject string `json:"subject" yaml:"subject"`
	// Economic is the share of the subject's equity, exact or a range.
	Economic Share `json:"economic" yaml:"economic"`
	// Voting is the share of the votes; left out, it equals Economic.
	Voting Share `json:"voting,omitempty" yaml:"voting,omitempty"`
	// Class names the share class.
	Class string `json:"class,omitempty" yaml:"class,omitempty"`
	// From is the date the stake holds from.
	From Date `json:"from,omitempty" yaml:"from,omitempty"`
	// Until is the date the stake ends (exclusive).
	Until Date `json:"until,omitempty" yaml:"until,omitempty"`
	// Source says where the stake's figures come from.
	Source Source `json:"source,omitempty" yaml:"source,omitempty"`
}

// Regulator is an authority in a jurisdiction (see [regulator.Regulator]).
type Regulator struct {
	// ID identifies the regulator; gates refer to it.
	ID string `json:"id" yaml:"id"`
	// Name is the display name.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// Jurisdiction is where it has authority.
	Jurisdiction parties.Jurisdiction `json:"jurisdiction" yaml:"jurisdiction"`
}

// LegalBasis is the legal instrument a gate or deadline rests on (see
// [regulator.LegalBasis]).
type LegalBasis struct {
	// Instrument names the law, regulation or order.
	Instrument string `json:"instrument,omitempty" yaml:"instrument,omitempty"`
	// Section is the provision.
	Section string `json:"section,omitempty" yaml:"section,omitempty"`
	// URL is where the text can be read.
	URL string `json:"url,omitempty" yaml:"url,omitempty"`
}

// Window is the period a rule is in force: from From (inclusive) until
// Until (exclusive); either may be left out.
type Window struct {
	// From is the first day in force.
	From Date `json:"from,omitempty" yaml:"from,omitempty"`
	// Until is the first day no longer in force.
	Until Date `json:"until,omitempty" yaml:"until,omitempty"`
}

// Gate is one approval requirement (see [regulator.GateSpec]): written out
// in full, or built by a preset of package regimes ([Gate.Preset] with
// [Gate.Options]), in which case every other field given replaces the
// preset's.
type Gate struct {
	// ID identifies the gate; it is required unless a preset gives it.
	ID string `json:"id,omitempty" yaml:"id,omitempty"`
	// Name is the display name.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// Preset names a gate preset of package regimes (see [GatePresets]).
	Preset string `json:"preset,omitempty" yaml:"preset,omitempty"`
	// Options are the preset's options.
	Options *PresetOptions `json:"options,omitempty" yaml:"options,omitempty"`
	// Regulator is the ID of the deciding regulator; it is required unless
	// a preset gives it.
	Regulator string `json:"regulator,omitempty" yaml:"regulator,omitempty"`
	// Basis is the legal basis explanations cite.
	Basis LegalBasis `json:"basis,omitempty" yaml:"basis,omitempty"`
	// InForce is when the rule applies.
	InForce Window `json:"in_force,omitempty" yaml:"in_force,omitempty"`
	// Trigger is when the gate applies at all; left out, always.
	Trigger *Condition `json:"trigger,omitempty" yaml:"trigger,omitempty"`
	// Clearance is what must hold for the authority to clear; left out, it
	// always clears.
	Clearance *Condition `json:"clearance,omitempty" yaml:"clearance,omitempty"`
	// Mitigations are the measures the authority may demand, which
	// conditions refer to with requires.
	Mitigations []Mitigation `json:"mitigations,omitempty" yaml:"mitigations,omitempty"`
	// Discretionary reports whether an open test leaves the decision to the
	// authority's discretion; left out, it does not (or as the preset has
	// it).
	Discretionary *bool `json:"discretionary,omitempty" yaml:"discretionary,omitempty"`
	// Timeline is the review timeline from filing to decision.
	Timeline Timeline `json:"timeline,omitempty" yaml:"timeline,omitempty"`
	// WaitsFor lists the IDs of gates whose clearance this gate's review
	// waits for.
	WaitsFor []string `json:"waits_for,omitempty" yaml:"waits_for,omitempty"`
	// Source is the address the gate's facts come from.
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Mitigation is a measure an authority may demand (see
// [regulator.Mitigation]).
type Mitigation struct {
	// ID identifies the mitigation within its gate.
	ID string `json:"id" yaml:"id"`
	// Name is the display name.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// Available is when the deal can offer the measure; left out, always.
	// It may require only mitigations listed before this one.
	Available *Condition `json:"available,omitempty" yaml:"available,omitempty"`
}

// Timeline is a gate's review phases, in order (see [regulator.Timeline]).
type Timeline struct {
	// Phases are the review phases.
	Phases []Phase `json:"phases,omitempty" yaml:"phases,omitempty"`
}

// Phase is one step of a review timeline (see [regulator.Phase]).
type Phase struct {
	// Name names the phase.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// Min is the shortest length of the phase; left out, the authority may
	// decide at once.
	Min Period `json:"min,omitempty" yaml:"min,omitempty"`
	// Max is the longest length of the phase.
	Max Period `json:"max,omitempty" yaml:"max,omitempty"`
	// Calendar names the working-day calendar (see [CalendarNames]); left
	// out, Monday to Friday.
	Calendar string `json:"calendar,omitempty" yaml:"calendar,omitempty"`
	// DayOne is "event-day" (the default) or "next-day".
	DayOne calendar.DayOne `json:"day_one,omitempty" yaml:"day_one,omitempty"`
	// Roll is "none" (the default) or "following".
	Roll calendar.Roll `json:"roll,omitempty" yaml:"roll,omitempty"`
	// Optional reports whether the authority may decide before this phase.
	Optional bool `json:"optional,omitempty" yaml:"optional,omitempty"`
}

// Deadline is a dated order or statute and the outcome its consequence
// brings about (see [regulator.DeadlineSpec] and [deal.Threat]): written
// out in full, or built by a preset of package regimes ([Deadline.Preset]
// with [Deadline.Options]), in which case every other field given replaces
// the preset's.
type Deadline struct {
	// ID identifies the deadline.
	ID string `json:"id" yaml:"id"`
	// Name is the display name.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// Preset names a deadline preset of package regimes (see
	// [DeadlinePresets]).
	Preset string `json:"preset,omitempty" yaml:"preset,omitempty"`
	// Options are the preset's options.
	Options *PresetOptions `json:"options,omitempty" yaml:"options,omitempty"`
	// Outcome is the ID of the outcome in which the consequence applies;
	// several deadlines may share one.
	Outcome string `json:"outcome" yaml:"outcome"`
	// Basis is the order or statute that sets it.
	Basis LegalBasis `json:"basis,omitempty" yaml:"basis,omitempty"`
	// Date is the day the consequence takes effect unless a deal closes
	// first; it is required unless a preset gives it.
	Date Date `json:"date,omitempty" yaml:"date,omitempty"`
	// Consequence describes what happens then.
	Consequence string `json:"consequence,omitempty" yaml:"consequence,omitempty"`
	// Extension is how far the date can be pushed back.
	Extension Extension `json:"extension,omitempty" yaml:"extension,omitempty"`
	// Enjoinable reports whether a court may stop the consequence; left
	// out, it may not (or as the preset has it).
	Enjoinable *bool `json:"enjoinable,omitempty" yaml:"enjoinable,omitempty"`
	// Source is the address the deadline's facts come from.
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Extension is how far a deadline can be pushed back (see
// [regulator.Extension]).
type Extension struct {
	// Up is the longest extension.
	Up Period `json:"up,omitempty" yaml:"up,omitempty"`
	// Calendar names the calendar that counts Up in working days.
	Calendar string `json:"calendar,omitempty" yaml:"calendar,omitempty"`
	// Certain reports whether the extension will be granted.
	Certain bool `json:"certain,omitempty" yaml:"certain,omitempty"`
	// By names who grants it.
	By string `json:"by,omitempty" yaml:"by,omitempty"`
}

// Position is what a party will accept (see [deal.Position]).
type Position struct {
	// Party is the ID of the party whose position this is.
	Party string `json:"party" yaml:"party"`
	// Accepts is what the party accepts; left out, anything.
	Accepts *Condition `json:"accepts,omitempty" yaml:"accepts,omitempty"`
	// From is the first day the position holds.
	From Date `json:"from,omitempty" yaml:"from,omitempty"`
	// Until is the first day it no longer holds.
	Until Date `json:"until,omitempty" yaml:"until,omitempty"`
	// Source is the address the position is reported at.
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
}

// Proposal is a transaction on a target (see [deal.Proposal]).
type Proposal struct {
	// ID identifies the proposal and the outcome in which it closes.
	ID string `json:"id" yaml:"id"`
	// Name is the display name.
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
	// Target is the ID of the party the deal is about.
	Target string `json:"target" yaml:"target"`
	// Acquirers are the IDs of the parties acquiring stakes.
	Acquirers []string `json:"acquirers,omitempty" yaml:"acquirers,omitempty"`
	// Moves are applied in order to the register.
	Moves []Move `json:"moves,omitempty" yaml:"moves,omitempty"`
	// Terms are the settled terms, by name.
	Terms map[string]Value `json:"terms,omitempty" yaml:"terms,omitempty"`
	// Dimensions are the open terms.
	Dimensions []Dimension `json:"dimensions,omitempty" yaml:"dimensions,omitempty"`
	// Consents are the IDs of the parties whose consent the deal needs.
	// Left out, the sellers of transfers and the acquirers; an empty list
	// means nobody's.
	Consents []string `json:"consents,omitempty" yaml:"consents,omitempty"`
	// Filed is the filing date; left out, the as-of date.
	Filed Date `json:"filed,omitempty" yaml:"filed,omitempty"`
}

// Move is one step of a proposal: exactly one of Transfer, Issue and Form.
type Move struct {
	// Transfer moves a share of a subject from a seller to a buyer.
	Transfer *Transfer `json:"transfer,omitempty" yaml:"transfer,omitempty"`
	// Issue issues new shares of a subject.
	Issue *Issue `json:"issue,omitempty" yaml:"issue,omitempty"`
	// Form creates a new entity.
	Form *Form `json:"form,omitempty" yaml:"form,omitempty"`
}

func (Move) union() {}

// Transfer moves a share of Subject from Seller to Buyer (see
// [deal.Transfer]).
type Transfer struct {
	// Seller is the ID of the party that sells.
	Seller string `json:"seller" yaml:"seller"`
	// Buyer is the ID of the party that buys.
	Buyer string `json:"buyer" yaml:"buyer"`
	// Subject is the ID of the party whose shares change hands.
	Subject string `json:"subject" yaml:"subject"`
	// Amount is the share transferred.
	Amount Amount `json:"amount" yaml:"amount"`
}

// Issue issues new shares of Subject (see [deal.Issue]).
type Issue struct {
	// Subject is the ID of the issuing party.
	Subject string `json:"subject" yaml:"subject"`
	// To are the new holders, with fractions of the subject after the
	// issue.
	To []Allocation `json:"to" yaml:"to"`
}

// Form creates a new entity held by the allocations' holders (see
// [deal.Form]).
type Form struct {
	// Party is the new entity.
	Party Party `json:"party" yaml:"party"`
	// Holders are its holders.
	Holders []Allocation `json:"holders" yaml:"holders"`
}

// Allocation is a share given to a holder by an issue or a formation.
type Allocation struct {
	// Holder is the ID of the party receiving the share.
	Holder string `json:"holder" yaml:"holder"`
	// Amount is the share.
	Amount Amount `json:"amount" yaml:"amount"`
}

// Dimension is an open term of a proposal (see [deal.Dimension]).
type Dimension struct {
	// Term is the term's name.
	Term string `json:"term" yaml:"term"`
	// Values are the candidate values, all of one kind.
	Values []Value `json:"values" yaml:"values"`
	// Likelihoods, if given, are the probabilities of the values in the
	// same order; they must add up to 1.
	Likelihoods []Decimal `json:"likelihoods,omitempty" yaml:"likelihoods,omitempty"`
}

// Value is a typed term value: exactly one of its fields is given (see
// [regulator.Value]).
type Value struct {
	// Bool is a yes/no value.
	Bool *bool `json:"bool,omitempty" yaml:"bool,omitempty"`
	// Text is a word or a party ID.
	Text *string `json:"text,omitempty" yaml:"text,omitempty"`
	// Number is an exact decimal.
	Number *Decimal `json:"number,omitempty" yaml:"number,omitempty"`
	// Set is a set of words.
	Set []string `json:"set,omitempty" yaml:"set,omitempty"`
	// Date is a date.
	Date *Date `json:"date,omitempty" yaml:"date,omitempty"`
}

func (Value) union() {}

// Likelihoods are the probabilities of the open events of a scenario, as
// decimals in [0, 1] (see [deal.Likelihoods]). Keys name a party, gate or
// deadline, optionally narrowed to one proposal as "ID/proposal".
type Likelihoods struct {
	// Proposals are the probabilities that each proposal is the one
	// pursued, by proposal ID; they must add up to 1.
	Proposals map[string]Decimal `json:"proposals,omitempty" yaml:"proposals,omitempty"`
	// Consent is the probability that a party whose consent is open
	// consents, by party ID.
	Consent map[string]Decimal `json:"consent,omitempty" yaml:"consent,omitempty"`
	// Clearance is the probability that a gate whose test is open clears,
	// by gate ID.
	Clearance map[string]Decimal `json:"clearance,omitempty" yaml:"clearance,omitempty"`
	// Trigger is the probability that a gate whose trigger is open
	// applies, by gate ID.
	Trigger map[string]Decimal `json:"trigger,omitempty" yaml:"trigger,omitempty"`
	// Injunction is the probability that a court enjoins an enjoinable
	// deadline, by deadline ID.
	Injunction map[string]Decimal `json:"injunction,omitempty" yaml:"injunction,omitempty"`
	// Extension is the probability that a possible extension of a deadline
	// is granted, by deadline ID.
	Extension map[string]Decimal `json:"extension,omitempty" yaml:"extension,omitempty"`
	// Timely is the probability that a proposal that can close before or
	// after a deadline closes before it, by "deadline/proposal" or
	// "deadline".
	Timely map[string]Decimal `json:"timely,omitempty" yaml:"timely,omitempty"`
}

// Report describes a scenario's analysis for people: a title, the outcomes
// in words, ownership figures worth showing and the assumptions made. The
// engine does not read it; programs that print reports do.
type Report struct {
	// Title heads the report.
	Title string `json:"title,omitempty" yaml:"title,omitempty"`
	// Outcomes describe the outcomes in words, by outcome ID.
	Outcomes map[string]string `json:"outcomes,omitempty" yaml:"outcomes,omitempty"`
	// Figures are look-through ownership figures to show.
	Figures []Figure `json:"figures,omitempty" yaml:"figures,omitempty"`
	// Assumptions are the choices made where the sources are silent,
	// unconfirmed or contradict each other.
	Assumptions []string `json:"assumptions,omitempty" yaml:"assumptions,omitempty"`
}

// Figure is a look-through ownership figure to show in a report (see
// [parties.Register.OwnedBy]).
type Figure struct {
	// Label says what the figure is.
	Label string `json:"label" yaml:"label"`
	// Proposal is the proposal after whose closing the figure holds; left
	// out, the world before any deal.
	Proposal string `json:"proposal,omitempty" yaml:"proposal,omitempty"`
	// Terms choose the values of the proposal's open terms; a term left out
	// takes its dimension's first value.
	Terms map[string]Value `json:"terms,omitempty" yaml:"terms,omitempty"`
	// Subject is the ID of the party whose ownership is measured.
	Subject string `json:"subject" yaml:"subject"`
	// Holders selects the holders counted.
	Holders Predicate `json:"holders" yaml:"holders"`
	// Method is the attribution method; left out, proportional.
	Method Method `json:"method,omitempty" yaml:"method,omitempty"`
}
