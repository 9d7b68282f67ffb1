package deal

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
)

// Position is what a party will accept, as a condition over the post-deal
// world: it consents to a proposal where Accepts holds, refuses where it
// fails, and its consent is open where it is open. A position holds from
// From (inclusive; zero means always) until Until (exclusive; zero means
// still), evaluated at the scenario's as-of date; where several of a party's
// positions hold at once, it consents only if all of them accept. A party
// with no position in force has an open consent.
type Position struct {
	// Party is the party whose position this is.
	Party parties.ID
	// Accepts is what the party accepts; nil means it accepts anything.
	Accepts regulator.Condition
	// From and Until bound the period the position holds.
	From, Until time.Time
	// Source is the address the position is reported at.
	Source string
}

// inForce reports whether the position holds on d.
func (p Position) inForce(d time.Time) bool {
	return regulator.Window{From: p.From, Until: p.Until}.Contains(d)
}
