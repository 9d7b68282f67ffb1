package parties

import (
	"encoding/json"
	"time"
)

// The result types of this package marshal to stable JSON: snake_case
// fields, shares as strings in the form [Share.MarshalText] writes (an exact
// fraction "0.125", or a range "0.52..0.528"), truth values, kinds and
// methods as their text forms, and dates as YYYY-MM-DD. Empty optional fields
// are left out.

// date formats a date as YYYY-MM-DD, or nil for the zero time.
func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// share returns a pointer to s, or nil for the zero Share.
func share(s Share) *Share {
	if s.IsZero() {
		return nil
	}
	return &s
}

type jsonSource struct {
	URL        string     `json:"url,omitempty"`
	Date       *string    `json:"date,omitempty"`
	Confidence Confidence `json:"confidence"`
	Note       string     `json:"note,omitempty"`
}

// MarshalJSON writes {"url", "date", "confidence", "note"}.
func (s Source) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonSource{URL: s.URL, Date: date(s.Date), Confidence: s.Confidence, Note: s.Note})
}

type jsonParty struct {
	ID           ID            `json:"id"`
	Name         string        `json:"name,omitempty"`
	Kind         Kind          `json:"kind"`
	Jurisdiction *Jurisdiction `json:"jurisdiction,omitempty"`
	Headquarters *Jurisdiction `json:"headquarters,omitempty"`
	Tags         []string      `json:"tags,omitempty"`
	Reason       string        `json:"reason,omitempty"`
	Source       *Source       `json:"source,omitempty"`
}

func jurisdiction(j Jurisdiction) *Jurisdiction {
	if j.IsZero() {
		return nil
	}
	return &j
}

func source(s Source) *Source {
	if s.IsZero() {
		return nil
	}
	return &s
}

// MarshalJSON writes {"id", "name", "kind", "jurisdiction", "headquarters",
// "tags", "reason", "source"}.
func (p Party) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonParty{ID: p.ID, Name: p.Name, Kind: p.Kind, Jurisdiction: jurisdiction(p.Jurisdiction),
		Headquarters: jurisdiction(p.Headquarters), Tags: p.Tags, Reason: p.Reason, Source: source(p.Source)})
}

type jsonStake struct {
	Holder   ID      `json:"holder"`
	Subject  ID      `json:"subject"`
	Economic *Share  `json:"economic"`
	Voting   *Share  `json:"voting,omitempty"`
	Class    string  `json:"class,omitempty"`
	From     *string `json:"from,omitempty"`
	Until    *string `json:"until,omitempty"`
	Source   *Source `json:"source,omitempty"`
}

// MarshalJSON writes {"holder", "subject", "economic", "voting", "class",
// "from", "until", "source"}; voting is left out where it is not given.
func (s Stake) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonStake{Holder: s.Holder, Subject: s.Subject, Economic: share(s.Economic), Voting: share(s.Voting),
		Class: s.Class, From: date(s.From), Until: date(s.Until), Source: source(s.Source)})
}

type jsonInterest struct {
	Party ID     `json:"party"`
	Share *Share `json:"share"`
}

// MarshalJSON writes {"party", "share"}.
func (in Interest) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonInterest{Party: in.Party, Share: share(in.Share)})
}

// MarshalJSON writes {"subject", "method", "interests": [{"party",
// "share"}]}, the interests in ID order.
func (in *Interests) MarshalJSON() ([]byte, error) {
	list := in.list
	if list == nil {
		list = []Interest{}
	}
	return json.Marshal(struct {
		Subject   ID         `json:"subject"`
		Method    Method     `json:"method"`
		Interests []Interest `json:"interests"`
	}{in.subject, in.method, list})
}

type jsonOwnership struct {
	Subject   ID         `json:"subject"`
	Predicate string     `json:"predicate"`
	Method    Method     `json:"method"`
	Share     *Share     `json:"share"`
	Holders   []Interest `json:"holders"`
}

// MarshalJSON writes {"subject", "predicate", "method", "share",
// "holders": [{"party", "share"}]}.
func (o Ownership) MarshalJSON() ([]byte, error) {
	h := o.Holders
	if h == nil {
		h = []Interest{}
	}
	return json.Marshal(jsonOwnership{Subject: o.Subject, Predicate: o.Predicate, Method: o.Method, Share: share(o.Share), Holders: h})
}

type jsonController struct {
	Party    ID      `json:"party"`
	Controls Truth   `json:"controls"`
	Chain    []Stake `json:"chain"`
}

// MarshalJSON writes {"party", "controls": "holds"|"open", "chain":
// [stakes]}.
func (c Controller) MarshalJSON() ([]byte, error) {
	ch := c.Chain
	if ch == nil {
		ch = []Stake{}
	}
	return json.Marshal(jsonController{Party: c.Party, Controls: c.Controls, Chain: ch})
}

type jsonOwner struct {
	Party ID     `json:"party"`
	Share *Share `json:"share"`
	Meets Truth  `json:"meets"`
}

// MarshalJSON writes {"party", "share", "meets"}.
func (o Owner) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonOwner{Party: o.Party, Share: share(o.Share), Meets: o.Meets})
}

type jsonLink struct {
	Holder  ID      `json:"holder"`
	Subject ID      `json:"subject"`
	Weight  *Share  `json:"weight"`
	Stakes  []Stake `json:"stakes"`
}

// MarshalJSON writes {"holder", "subject", "weight", "stakes"}.
func (l Link) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonLink{Holder: l.Holder, Subject: l.Subject, Weight: share(l.Weight), Stakes: l.Stakes})
}

type jsonPath struct {
	Links []Link `json:"links"`
	Share *Share `json:"share"`
}

// MarshalJSON writes {"links", "share"}.
func (p Path) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonPath{Links: p.Links, Share: share(p.Share)})
}

type jsonExplanation struct {
	Holder    ID     `json:"holder"`
	Subject   ID     `json:"subject"`
	Method    Method `json:"method"`
	Share     *Share `json:"share"`
	Paths     []Path `json:"paths"`
	Truncated bool   `json:"truncated"`
	Remainder *Share `json:"remainder"`
}

// MarshalJSON writes {"holder", "subject", "method", "share", "paths",
// "truncated", "remainder"}.
func (x Explanation) MarshalJSON() ([]byte, error) {
	ps := x.Paths
	if ps == nil {
		ps = []Path{}
	}
	return json.Marshal(jsonExplanation{Holder: x.Holder, Subject: x.Subject, Method: x.Method, Share: share(x.Share),
		Paths: ps, Truncated: x.Truncated, Remainder: share(x.Remainder)})
}
