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
// [ErrDuplicateParty], [ErrShareRange], [ErrOverOwned], [ErrClosedCycle], …)
// or with [errors.As] against [*PartyError] and [*StakeError]. Bad input
// never panics.
//
//	var b parties.Builder
//	b.AddParty(parties.Party{ID: "target"}, parties.Party{ID: "parent"})
//	b.AddStake(parties.Stake{Holder: "parent", Subject: "target", Economic: parties.MustParseShare("60%")})
//	reg, err := b.Build()
//
// A built [Register] never changes; it is safe for concurrent use by any
// number of goroutines. It answers for the latest state of its stakes (those
// without an end date); [Register.AsOf] gives the register of another date.
// Parties come out in ID order and stakes in a canonical order, so every
// answer is the same whatever order the facts were added in.
//
// # Shares and ranges
//
// Every share is a [Share]: an exact decimal fraction of 1, or a closed
// interval [min, max] where only a range is known (ownership data standards
// publish bands such as "between 25% and 50%"). Look-through figures computed
// from ranges are themselves intervals, and a [Threshold] test on an interval
// gives a three-valued [Truth]: [Holds], [Fails] or [Open].
//
// # Look-through
//
// [Register.LookThrough] computes the integrated interest of every holder in a
// subject through all chains of stakes, including cross-holdings and cycles,
// under one of four attribution methods ([Proportional], [Attribution],
// [Rolling], [Direct]). Figures are exact decimals on acyclic registers;
// through cycles, the series is summed exactly over the rationals and rounded
// outward to 40 places where it does not terminate.
//
// [Register.OwnedBy] aggregates look-through by a [Predicate] (for example
// "held by parties headquartered in the US"): a party that matches counts
// with its whole interest and is not looked through, one that does not is
// looked through to its own holders. [Register.Controllers] answers who
// controls a subject at a voting threshold, alone or through entities it
// controls, with the chain of stakes that proves it, and
// [Register.UltimateOwners] lists the natural persons, states and unowned
// entities at the top of the chains. Each figure can be explained by the
// chains behind it ([Register.Explain]), with what cycles add.
//
// A query reads only the part of the register above its subject, so it takes
// microseconds on a register of a million stakes.
package parties
