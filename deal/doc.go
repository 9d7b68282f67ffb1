// Package deal models proposed transactions and computes which outcomes of a
// contested deal are possible, why, by when and how likely.
//
// A [Scenario] gathers a [parties.Register], the [regulator.Gate]s that may
// have to clear, the [regulator.Deadline]s that hang over the deal (each a
// [Threat] naming the outcome it brings about), the [Position]s of the
// parties whose consent is needed, the [Proposal]s on the table and an as-of
// date. [Scenario.Analyze] explores every consistent path — the choice of
// proposal and of each open term, every open consent, every triggered gate's
// decision, every review clock between its shortest and longest length, every
// deadline's extension and injunction — and returns a [Result] with, for each
// [Outcome]: whether it is possible, a witness path and the dates for a
// possible one, the reasons for an impossible one with a smallest set of them
// that, relaxed together, would make it possible, and a probability where
// [Likelihoods] are given.
//
// # How the engine scales
//
// The raw paths are the product of every open choice and explode quickly;
// the engine never enumerates them. It evaluates each combination of a
// proposal's open terms once (one [regulator.World] whose look-through
// results every gate and position shares, over a post-deal register shared
// by the combinations that agree on the terms the moves read), treats the
// consents and clearances a closing needs as independent factors (so a
// closing's possibility is the conjunction, and its probability the product,
// of its factors), and weighs the deadlines' states by which deadline takes
// effect first and when, rather than one by one. Every consent and clearance
// of a combination is evaluated, even after one fails, because the reasons
// an outcome is impossible name every blocking fact. [Result.Paths] streams
// raw paths one at a time for a user who asks for them, and
// [Result.PathCount] counts them; memory never grows with their number.
package deal
