// Package regulator states approval rules as data a program can evaluate and
// explain: regulators, their approval gates with legal bases and in-force
// dates, three-valued conditions, review timelines on working-day calendars,
// and deadlines.
//
// # Conditions
//
// A [Condition] is a named predicate over a [World], the read-only view of
// the world after a deal: the post-deal [parties.Register], the deal's
// [Terms] and the as-of date. Evaluating one gives an [Evaluation]: a
// three-valued [Truth] ([Holds], [Fails] or [Open] where the answer depends
// on a range in the data or on an authority's discretion) and the reason in
// words, with the numbers that decided it:
//
//	US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs more than 50%: holds
//
// The conditions rules use are: a look-through share of a group of parties
// against a threshold ([Owned]; "at least 20%" and "more than 20%" are
// different rules), control by a party of a group ([Controlled]),
// jurisdiction, kind and tag tests on parties ([PartyIs], [AcquirerIs]),
// tests of the deal's terms ([TermIs], [TermIn], [TermCompare],
// [TermPresent], [TermContains], [TermParty]), the date ([OnOrAfter],
// [Before]), an authority's discretion ([Discretion]) and fixed facts
// ([Const]); [Func] covers the rest. They combine with Kleene logic ([And],
// [Or], [Not], [AtLeastOf]) and take a name with [Named].
//
// Look-through and control results are computed once per [World] and shared
// by every condition that asks the same question (the share of one subject,
// by one method, held by parties a predicate matches, whatever the
// predicate's name; control of one subject at one threshold), so build one
// World per post-deal state and evaluate all gates against it.
//
// # Gates
//
// A [Gate] is one approval requirement of one [Regulator]: its
// [LegalBasis], the [Window] it is in force, a trigger (when it applies), a
// clearance test, the mitigations the authority may demand ([Mitigation]; a
// test that holds only through [Requires] clears with mitigations), and a
// review [Timeline]. [NewGate] validates a [GateSpec] and reports every
// problem at once, each a [*FieldError] naming the gate and the field and
// wrapping a sentinel such as [ErrThreshold]; [Gate.Validate] checks the
// parties a gate names against a register. [Gate.Assess] evaluates a gate
// against a world and gives the decisions its authority can reach
// ([Decision]), with an explanation
// that names the gate and its legal basis:
//
//	a := gate.Assess(regulator.NewWorld(regulator.Facts{
//		Register: reg, Target: "tiktok-global", Terms: terms, AsOf: asOf,
//	}))
//	fmt.Println(a.Decisions, a.Text) // [clear-with-mitigations] CFIUS review (CFIUS; …) applies (…)
//
// # Timelines and deadlines
//
// A [Timeline] is a gate's ordered review phases ([Phase]), each measured in
// [calendar.Days], [calendar.WorkingDays] on a [calendar.Calendar] or
// [calendar.Months] (distinct types), with a minimum and a maximum length, a
// rule for which day is day 1 and one for a period ending on a non-working
// day. [Timeline.Schedule] and
// [Timeline.Window] give the dates a decision can land for a filing.
//
// A [Deadline] is a dated order or statute with a consequence, an optional
// [Extension] (certain or only possible) and a possible injunction.
//
// Gates, deadlines, conditions and worlds are immutable once built and safe
// for concurrent use.
package regulator
