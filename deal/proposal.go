package deal

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
)

// Amount is the share a move transfers or allocates: a fixed exact share,
// the value of a numeric term (so that an open dimension can vary it), or all
// of the seller's stake.
//
// The zero Amount is not valid.
type Amount struct {
	share parties.Share
	term  string
	all   bool
}

// Fixed returns an amount of exactly s.
func Fixed(s decimal.Decimal) Amount { return Amount{share: parties.Exact(s)} }

// FromTerm returns the amount given by the proposal's numeric term name (a
// fraction of 1), which may be an open [Dimension].
func FromTerm(name string) Amount { return Amount{term: name} }

// All returns the amount "all of the seller's stake", for transfers.
func All() Amount { return Amount{all: true} }

// String describes the amount: "12.5%", "term oracle-stake" or "all".
func (a Amount) String() string {
	switch {
	case a.all:
		return "all"
	case a.term != "":
		return "term " + a.term
	case a.share.IsZero():
		return "none"
	}
	return a.share.String()
}

// resolve returns the amount's exact share under terms t.
func (a Amount) resolve(t regulator.Terms) (decimal.Decimal, error) {
	switch {
	case a.term != "":
		v, ok := t.Get(a.term)
		if !ok {
			return decimal.Decimal{}, fmt.Errorf("%w: term %q is not given", ErrUnknownTerm, a.term)
		}
		n, ok := v.AsNumber()
		if !ok {
			return decimal.Decimal{}, fmt.Errorf("%w: term %q is %s, not a number", ErrTermType, a.term, v.Kind())
		}
		return n, checkFraction(n)
	case a.share.IsZero():
		return decimal.Decimal{}, fmt.Errorf("%w: no amount given", ErrShare)
	}
	return a.share.Min(), checkFraction(a.share.Min())
}

func checkFraction(d decimal.Decimal) error {
	if d.Sign() < 0 || d.GreaterThan(one) {
		return fmt.Errorf("%w: %s is outside [0, 1]", ErrShare, d)
	}
	return nil
}

// Move is one step of a [Proposal]: a [Transfer], an [Issue] or a [Form].
// The set of moves is closed. String describes the move.
type Move interface {
	apply(b *parties.Builder, t regulator.Terms) error
	parties() []parties.ID
	fmt.Stringer
}

// Transfer moves a share of Subject from Seller to Buyer. The seller's
// stakes in the subject (all classes together) lose the share and the buyer
// gains it, in economic and in voting terms alike.
type Transfer struct {
	// Seller gives up the share, Buyer gains it, in Subject.
	Seller, Buyer, Subject parties.ID
	// Amount is the share transferred: fixed, from a term, or all.
	Amount Amount
}

// String describes the transfer.
func (m Transfer) String() string {
	return fmt.Sprintf("%s transfers %s of %s to %s", m.Seller, m.Amount, m.Subject, m.Buyer)
}

func (m Transfer) parties() []parties.ID { return []parties.ID{m.Seller, m.Buyer, m.Subject} }

func (m Transfer) apply(b *parties.Builder, t regulator.Terms) error {
	econ, vote := parties.Exact(decimal.Zero), parties.Exact(decimal.Zero)
	found := false
	for s := range b.Stakes() {
		if s.Holder == m.Seller && s.Subject == m.Subject {
			econ, vote, found = econ.Add(s.Economic), vote.Add(s.Votes()), true
		}
	}
	if !found {
		return fmt.Errorf("%w: %s holds no stake in %s", ErrTransfer, m.Seller, m.Subject)
	}
	b.RemoveStakes(func(s parties.Stake) bool { return s.Holder == m.Seller && s.Subject == m.Subject })
	if m.Amount.all {
		b.AddStake(parties.Stake{Holder: m.Buyer, Subject: m.Subject, Economic: econ, Voting: vote})
		return nil
	}
	amt, err := m.Amount.resolve(t)
	if err != nil {
		return err
	}
	if econ.Min().LessThan(amt) || vote.Min().LessThan(amt) {
		return fmt.Errorf("%w: %s holds %s of %s (%s of the votes), less than the %s to transfer",
			ErrTransfer, m.Seller, econ, m.Subject, vote, parties.Exact(amt))
	}
	restEcon := parties.Between(econ.Min().Sub(amt), econ.Max().Sub(amt))
	restVote := parties.Between(vote.Min().Sub(amt), vote.Max().Sub(amt))
	if restEcon.Max().Sign() > 0 || restVote.Max().Sign() > 0 {
		b.AddStake(parties.Stake{Holder: m.Seller, Subject: m.Subject, Economic: restEcon, Voting: restVote})
	}
	if amt.Sign() > 0 {
		b.AddStake(parties.Stake{Holder: m.Buyer, Subject: m.Subject, Economic: parties.Exact(amt)})
	}
	return nil
}

// Allocation is a share of a subject given to a holder by an [Issue] or a
// [Form].
type Allocation struct {
	// Holder is the party the share goes to.
	Holder parties.ID
	// Amount is the share, a fraction of the subject: fixed or from a term.
	Amount Amount
}

// Issue issues new shares in Subject to the allocations' holders; the
// allocations are fractions of the subject after the issue, and every
// existing holder is diluted in proportion (as a pre-IPO round took ByteDance
// from 100% to 80% of TikTok Global).
type Issue struct {
	// Subject is the party issuing the shares.
	Subject parties.ID
	// To are the new holders and their shares after the issue.
	To []Allocation
}

// String describes the issue.
func (m Issue) String() string {
	return fmt.Sprintf("%s issues new shares to %s", m.Subject, allocString(m.To))
}

func allocString(as []Allocation) string {
	s := ""
	for i, a := range as {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s (%s)", a.Holder, a.Amount)
	}
	return s
}

func (m Issue) parties() []parties.ID {
	ids := []parties.ID{m.Subject}
	for _, a := range m.To {
		ids = append(ids, a.Holder)
	}
	return ids
}

func (m Issue) apply(b *parties.Builder, t regulator.Terms) error {
	total := decimal.Zero
	amts := make([]decimal.Decimal, len(m.To))
	for i, a := range m.To {
		d, err := a.Amount.resolve(t)
		if err != nil {
			return fmt.Errorf("allocation to %s: %w", a.Holder, err)
		}
		amts[i], total = d, total.Add(d)
	}
	if total.GreaterThan(one) {
		return fmt.Errorf("%w: new shares of %s add up to %s", ErrShare, m.Subject, total)
	}
	keep := one.Sub(total)
	var diluted []parties.Stake
	b.RemoveStakes(func(s parties.Stake) bool {
		if s.Subject != m.Subject {
			return false
		}
		s.Economic = scale(s.Economic, keep)
		if !s.Voting.IsZero() {
			s.Voting = scale(s.Voting, keep)
		}
		diluted = append(diluted, s)
		return true
	})
	b.AddStake(diluted...)
	for i, a := range m.To {
		if amts[i].Sign() > 0 {
			b.AddStake(parties.Stake{Holder: a.Holder, Subject: m.Subject, Economic: parties.Exact(amts[i])})
		}
	}
	return nil
}

func scale(s parties.Share, f decimal.Decimal) parties.Share {
	return parties.Between(s.Min().Mul(f), s.Max().Mul(f))
}

// Form creates a new entity, Party, held by the allocations' holders (as
// TikTok Global was to take over TikTok's US business, or as Microsoft would
// have bought TikTok's business in four countries through a new company).
type Form struct {
	// Party is the new entity.
	Party parties.Party
	// Holders are its holders and their shares.
	Holders []Allocation
}

// String describes the formation.
func (m Form) String() string {
	return fmt.Sprintf("form %s held by %s", m.Party.ID, allocString(m.Holders))
}

func (m Form) parties() []parties.ID {
	var ids []parties.ID
	for _, a := range m.Holders {
		ids = append(ids, a.Holder)
	}
	return ids
}

func (m Form) apply(b *parties.Builder, t regulator.Terms) error {
	b.AddParty(m.Party)
	for _, a := range m.Holders {
		d, err := a.Amount.resolve(t)
		if err != nil {
			return fmt.Errorf("holder %s: %w", a.Holder, err)
		}
		if d.Sign() > 0 {
			b.AddStake(parties.Stake{Holder: a.Holder, Subject: m.Party.ID, Economic: parties.Exact(d)})
		}
	}
	return nil
}

// Dimension is an open term of a proposal: a term whose value is not yet
// settled, with the candidate values the engine explores (Oracle's stake
// 12.5% or 20%; the data custodian Oracle or none).
type Dimension struct {
	// Term is the term's name; moves may refer to it with [FromTerm] and
	// conditions with [regulator.TermIs] and the like.
	Term string
	// Values are the candidate values, all of one kind.
	Values []regulator.Value
	// Likelihoods, if given, are the probabilities of the values, in the
	// same order; they must add up to 1.
	Likelihoods []decimal.Decimal
}

// Proposal is a transaction on a target.
type Proposal struct {
	// ID identifies the proposal; it is also the ID of the outcome in which
	// it closes.
	ID string
	// Name is its display name.
	Name string
	// Target is the party the deal is about: the party whose post-deal
	// ownership the gates test.
	Target parties.ID
	// Acquirers are the parties acquiring stakes.
	Acquirers []parties.ID
	// Moves are applied in order to the register.
	Moves []Move
	// Terms are the settled terms.
	Terms map[string]regulator.Value
	// Dimensions are the open terms.
	Dimensions []Dimension
	// Consents are the parties whose consent the deal needs; nil means the
	// sellers of transfers and the acquirers.
	Consents []parties.ID
	// Filed is the filing date: review clocks start then. The zero time
	// means the scenario's as-of date.
	Filed time.Time
}

func (p *Proposal) clone() Proposal {
	c := *p
	c.Acquirers = slices.Clone(p.Acquirers)
	c.Moves = slices.Clone(p.Moves)
	for i, m := range c.Moves {
		// Moves hold slices of their own, which the caller may change.
		switch m := m.(type) {
		case Issue:
			m.To = slices.Clone(m.To)
			c.Moves[i] = m
		case Form:
			m.Holders = slices.Clone(m.Holders)
			m.Party.Tags = slices.Clone(m.Party.Tags)
			c.Moves[i] = m
		}
	}
	c.Consents = slices.Clone(p.Consents)
	c.Dimensions = slices.Clone(p.Dimensions)
	for i := range c.Dimensions {
		c.Dimensions[i].Values = slices.Clone(c.Dimensions[i].Values)
		c.Dimensions[i].Likelihoods = slices.Clone(c.Dimensions[i].Likelihoods)
	}
	c.Terms = maps.Clone(p.Terms)
	return c
}

// consents returns the parties whose consent the proposal needs.
func (p *Proposal) consents() []parties.ID {
	if p.Consents != nil {
		return p.Consents
	}
	var ids []parties.ID
	for _, m := range p.Moves {
		if t, ok := m.(Transfer); ok {
			ids = append(ids, t.Seller)
		}
	}
	ids = append(ids, p.Acquirers...)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// apply applies the moves to b for terms t and returns the post-deal
// register.
func (p *Proposal) apply(b *parties.Builder, t regulator.Terms) (*parties.Register, error) {
	for i, m := range p.Moves {
		if err := m.apply(b, t); err != nil {
			return nil, fmt.Errorf("moves[%d] (%s): %w", i, m, err)
		}
	}
	post, err := b.Build()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrPostDeal, err)
	}
	return post, nil
}
