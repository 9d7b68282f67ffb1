// Package parties holds the facts of a deal world: jurisdictions, parties and
// the stakes between them, gathered in an immutable [Register] that answers who
// really owns and controls what.
//
// # Building a register
//
// A [Builder] collects [Party] and [Stake] values and validates them all at
// once in [Builder.Build]: every problem found is reported together through
// [errors.Join], each naming the party or stake at fault and matchable with
// [errors.Is] against the sentinel errors of this package ([ErrUnknownParty],
// [ErrDuplicateParty], [ErrShareRange], …) or with [errors.As] against
// [*PartyError] and [*StakeError].
//
// A built [Register] never changes; it is safe for concurrent use by any
// number of goroutines.
//
// # Shares and ranges
//
// Every share is a [Share]: an exact decimal fraction of 1, or a closed
// interval [min, max] where only a range is known (ownership data standards
// publish bands such as "between 25% and 50%"). Look-through figures computed
// from ranges are themselves intervals, and a threshold test on an interval
// gives a three-valued [Truth]: [Holds], [Fails] or [Open].
//
// # Look-through
//
// [Register.LookThrough] computes the integrated interest of every holder in a
// subject through all chains of stakes, including cross-holdings and cycles,
// under one of three attribution methods ([Proportional], [Attribution],
// [Rolling]). [Register.OwnedBy] aggregates it by a [Predicate] (for example
// "held by parties headquartered in the US"), [Register.Controllers] answers
// who controls a subject at a voting threshold, and [Register.UltimateOwners]
// lists the natural persons, states and unowned entities at the top of the
// chains. Each figure can be explained by the paths behind it
// ([Register.Explain]).
package parties
