package parties

import (
	"fmt"
	"slices"
	"time"
)

// ID identifies a party. IDs are stable, case-sensitive strings chosen by the
// user ("bytedance", a BODS record ID, a company number).
type ID string

// Kind says what sort of party a [Party] is.
type Kind int8

// The kinds of party. The zero Kind is [Company].
const (
	Company    Kind = iota // a company or other registered entity
	Fund                   // an investment fund or a pool of investors
	State                  // a government, state body or state-owned holder
	Person                 // a natural person
	Consortium             // an unincorporated group acting together
	Unknown                // a holder whose identity is unknown or withheld
)

var kindNames = [...]string{Company: "company", Fund: "fund", State: "state", Person: "person", Consortium: "consortium", Unknown: "unknown"}

// String returns the kind's name: "company", "fund", "state", "person",
// "consortium" or "unknown".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int8(k))
	}
	return kindNames[k]
}

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(kindNames) {
		return nil, fmt.Errorf("parties: invalid kind %d", int8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("parties: unknown party kind %q", b)
}

// Confidence grades how well a [Source] backs a fact.
type Confidence int8

// The confidence levels. The zero Confidence is [Unstated].
const (
	Unstated    Confidence = iota // no grade given
	Confirmed                     // backed by a primary or authoritative source
	Reported                      // reported by a secondary source
	Unconfirmed                   // no source backs it: an assumption
)

var confidenceNames = [...]string{Unstated: "unstated", Confirmed: "confirmed", Reported: "reported", Unconfirmed: "unconfirmed"}

// String returns "unstated", "confirmed", "reported" or "unconfirmed".
func (c Confidence) String() string {
	if c < 0 || int(c) >= len(confidenceNames) {
		return fmt.Sprintf("Confidence(%d)", int8(c))
	}
	return confidenceNames[c]
}

// MarshalText implements [encoding.TextMarshaler].
func (c Confidence) MarshalText() ([]byte, error) {
	if c < 0 || int(c) >= len(confidenceNames) {
		return nil, fmt.Errorf("parties: invalid confidence %d", int8(c))
	}
	return []byte(confidenceNames[c]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Confidence) UnmarshalText(b []byte) error {
	for i, n := range confidenceNames {
		if n == string(b) {
			*c = Confidence(i)
			return nil
		}
	}
	return fmt.Errorf("parties: unknown confidence %q", b)
}

// Source says where a fact comes from, so that every figure derived from it
// can be traced back. The zero Source means no source was given.
type Source struct {
	// URL is the address of the document that states the fact.
	URL string
	// Date is the publication date of that document, if known.
	Date time.Time
	// Confidence grades how well the source backs the fact.
	Confidence Confidence
	// Note is free text, such as which of two conflicting reports was taken.
	Note string
}

// IsZero reports whether no source was given.
func (s Source) IsZero() bool {
	return s.URL == "" && s.Date.IsZero() && s.Confidence == Unstated && s.Note == ""
}

// Party is a participant in a deal world: a company, fund, state body,
// natural person, consortium, or a holder whose identity is unknown.
//
// A Party is a plain value; a [Register] keeps its own copy.
type Party struct {
	// ID identifies the party; it must be non-empty and unique in a register.
	ID ID
	// Name is the party's display name.
	Name string
	// Kind says what sort of party this is.
	Kind Kind
	// Jurisdiction is where a company is incorporated, or a natural person's
	// nationality. The zero Jurisdiction means not known.
	Jurisdiction Jurisdiction
	// Headquarters is where a company is headquartered (its real seat), or a
	// natural person's residence. The zero Jurisdiction means not known.
	Headquarters Jurisdiction
	// Tags are free labels such as "state-owned".
	Tags []string
	// Reason says why the identity of an [Unknown] holder is not given (as
	// ownership data standards record it), for example
	// "interested-party-exempt-from-disclosure".
	Reason string
	// Source says where the party's facts come from.
	Source Source
}

// HasTag reports whether p carries tag.
func (p Party) HasTag(tag string) bool { return slices.Contains(p.Tags, tag) }

// String returns the party's name, or its ID if it has no name.
func (p Party) String() string {
	if p.Name != "" {
		return p.Name
	}
	return string(p.ID)
}

func (p Party) clone() Party {
	p.Tags = slices.Clone(p.Tags)
	return p
}

// Stake is a holding of one party in another: the holder owns an economic
// share of the subject and a voting share in it.
type Stake struct {
	// Holder is the party that holds the stake.
	Holder ID
	// Subject is the party the stake is held in.
	Subject ID
	// Economic is the share of the subject's equity (its economic interest).
	Economic Share
	// Voting is the share of the subject's votes; the zero Share means the
	// same as Economic.
	Voting Share
	// Class names the share class, if the subject has several.
	Class string
	// From is the date the stake holds from; the zero time means always.
	From time.Time
	// Until is the date the stake ends (exclusive); the zero time means never.
	Until time.Time
	// Source says where the stake's figures come from.
	Source Source
}

// Votes returns the stake's voting share: Voting, or Economic if Voting is
// not given.
func (s Stake) Votes() Share {
	if s.Voting.IsZero() {
		return s.Economic
	}
	return s.Voting
}

// String describes the stake, as in "oracle holds 12.5% of tiktok-global".
func (s Stake) String() string {
	str := fmt.Sprintf("%s holds %s of %s", s.Holder, s.Economic, s.Subject)
	if !s.Voting.IsZero() && !s.Voting.Equal(s.Economic) {
		str += fmt.Sprintf(" (%s of the votes)", s.Voting)
	}
	if s.Class != "" {
		str += fmt.Sprintf(" [class %s]", s.Class)
	}
	return str
}

// ActiveAt reports whether the stake holds on date d: on or after From (if
// set) and before Until (if set).
func (s *Stake) ActiveAt(d time.Time) bool {
	return (s.From.IsZero() || !d.Before(s.From)) && (s.Until.IsZero() || d.Before(s.Until))
}
