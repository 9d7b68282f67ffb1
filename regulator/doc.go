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
// words, with the numbers that decided it. Conditions combine with Kleene
// logic ([And], [Or], [Not], [AtLeastOf]).
//
// Look-through results are computed once per [World] and shared by every
// condition that asks for the same subject, predicate and method.
//
// # Gates
//
// A [Gate] is one approval requirement of one [Regulator]: its legal basis,
// the dates it is in force, a trigger (when it applies), a clearance test,
// named mitigations the authority may demand, and a review [Timeline].
// [Gate.Assess] evaluates it against a world and names the gate and its
// legal basis in every explanation. A [Deadline] is a dated order or statute
// with a consequence, optional extensions and a possible injunction.
package regulator
