package bods

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dealscape/dealscape/parties"
)

// ExportOptions configures [Export]. A nil *ExportOptions means the
// defaults.
type ExportOptions struct {
	// Controls are control facts to write as well, each as a relationship
	// statement of its own; their subjects and interested parties must be
	// parties of the register.
	Controls []ControlFact
	// Date is the statement date of statements whose source gives no date.
	// The zero Date means the latest date found in the register (a stake's
	// start or end, or a source's date), or 1970-01-01 if there is none.
	Date time.Time
	// Publisher names the publisher in each statement's publication
	// details; empty means "dealscape".
	Publisher string
}

// Statement layout of BODS 0.4, in the order fields are written.
type outStatement struct {
	StatementID        string          `json:"statementId"`
	DeclarationSubject string          `json:"declarationSubject"`
	StatementDate      string          `json:"statementDate"`
	PublicationDetails outPublication  `json:"publicationDetails"`
	Source             *outSource      `json:"source,omitempty"`
	RecordID           string          `json:"recordId"`
	RecordType         string          `json:"recordType"`
	RecordStatus       string          `json:"recordStatus"`
	RecordDetails      json.RawMessage `json:"recordDetails"`
}

type outPublication struct {
	PublicationDate string `json:"publicationDate"`
	BODSVersion     string `json:"bodsVersion"`
	Publisher       struct {
		Name string `json:"name"`
	} `json:"publisher"`
}

type outSource struct {
	Type        []string `json:"type,omitempty"`
	Description string   `json:"description,omitempty"`
	URL         string   `json:"url,omitempty"`
}

type outCountry struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

type outAddress struct {
	Type    string     `json:"type"`
	Country outCountry `json:"country"`
}

type outUnspecified struct {
	Reason      string `json:"reason"`
	Description string `json:"description,omitempty"`
}

type outEntity struct {
	IsComponent bool `json:"isComponent"`
	EntityType  struct {
		Type    string `json:"type"`
		Subtype string `json:"subtype,omitempty"`
	} `json:"entityType"`
	Unspecified  *outUnspecified `json:"unspecifiedEntityDetails,omitempty"`
	Name         string          `json:"name,omitempty"`
	Jurisdiction *outCountry     `json:"jurisdiction,omitempty"`
	Addresses    []outAddress    `json:"addresses,omitempty"`
}

type outPerson struct {
	IsComponent   bool            `json:"isComponent"`
	PersonType    string          `json:"personType"`
	Unspecified   *outUnspecified `json:"unspecifiedPersonDetails,omitempty"`
	Names         []outName       `json:"names,omitempty"`
	Nationalities []outCountry    `json:"nationalities,omitempty"`
	Addresses     []outAddress    `json:"addresses,omitempty"`
}

type outName struct {
	FullName string `json:"fullName"`
}

type outRelationship struct {
	IsComponent     bool          `json:"isComponent"`
	Subject         string        `json:"subject"`
	InterestedParty string        `json:"interestedParty"`
	Interests       []outInterest `json:"interests"`
}

type outInterest struct {
	Type                         string    `json:"type,omitempty"`
	DirectOrIndirect             string    `json:"directOrIndirect,omitempty"`
	BeneficialOwnershipOrControl bool      `json:"beneficialOwnershipOrControl,omitempty"`
	Details                      string    `json:"details,omitempty"`
	Share                        *outShare `json:"share,omitempty"`
	StartDate                    string    `json:"startDate,omitempty"`
	EndDate                      string    `json:"endDate,omitempty"`
}

type outShare struct {
	Exact   json.Number `json:"exact,omitempty"`
	Minimum json.Number `json:"minimum,omitempty"`
	Maximum json.Number `json:"maximum,omitempty"`
}

// Export writes the parties and stakes of reg as a JSON array of BODS 0.4
// statements: an entity or person record for each party (in ID order),
// then a relationship record for each stake (in the register's order),
// then one for each of opts.Controls.
//
// Statement and relationship record IDs are derived from the content, so
// the same register always gives the same output. A party's record ID is
// its ID. A stake becomes a shareholding interest with its economic share
// and, where its voting share is given, a votingRights interest with that
// share; a stake whose economic share is exactly 0 and whose voting share
// is given becomes a votingRights interest alone, as [Import] reads it.
// Shares are written in percent, as exact or as minimum and maximum, both
// inclusive.
//
// The kind of each party gives its record type: [parties.Person] a
// knownPerson, [parties.State] a state (or stateBody, where the party is
// tagged "bods:stateBody"), [parties.Consortium] an arrangement,
// [parties.Fund] a legalEntity, [parties.Company] a registeredEntity (or
// legalEntity, if so tagged), [parties.Unknown] an unknownEntity or, where
// tagged with a BODS person type, an anonymousPerson or unknownPerson, with
// the party's Reason as the reason. A party's jurisdiction is an entity's
// jurisdiction or a person's nationality; its headquarters an entity's
// business address or a person's residence, giving only the country.
func Export(w io.Writer, reg *parties.Register, opts *ExportOptions) error {
	var o ExportOptions
	if opts != nil {
		o = *opts
	}
	if o.Publisher == "" {
		o.Publisher = "dealscape"
	}
	if o.Date.IsZero() {
		o.Date = latestDate(reg)
	}
	ex := &exporter{w: bufio.NewWriterSize(w, 64<<10), opts: o, first: true}
	ex.w.WriteString("[")
	for p := range reg.Parties() {
		if err := ex.party(p); err != nil {
			return err
		}
	}
	seen := make(map[string]int)
	for s := range reg.Stakes() {
		if err := ex.stake(s, seen); err != nil {
			return err
		}
	}
	for i, f := range o.Controls {
		if _, ok := reg.Party(f.Subject); !ok {
			return fmt.Errorf("bods: export: control fact #%d: %w: subject %q", i, parties.ErrUnknownParty, f.Subject)
		}
		if _, ok := reg.Party(f.InterestedParty); !ok {
			return fmt.Errorf("bods: export: control fact #%d: %w: interested party %q", i, parties.ErrUnknownParty, f.InterestedParty)
		}
		if err := ex.fact(f, seen); err != nil {
			return err
		}
	}
	ex.w.WriteString("\n]\n")
	if err := ex.w.Flush(); err != nil {
		return fmt.Errorf("bods: export: %w", err)
	}
	return nil
}

func latestDate(reg *parties.Register) time.Time {
	var latest time.Time
	later := func(t time.Time) {
		if t.After(latest) {
			latest = t
		}
	}
	for p := range reg.Parties() {
		later(p.Source.Date)
	}
	for s := range reg.Stakes() {
		later(s.From)
		later(s.Until)
		later(s.Source.Date)
	}
	if latest.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return latest
}

type exporter struct {
	w     *bufio.Writer
	opts  ExportOptions
	first bool
}

func (ex *exporter) write(st outStatement, details any, src parties.Source) error {
	raw, err := json.Marshal(details)
	if err != nil {
		return fmt.Errorf("bods: export: record %q: %w", st.RecordID, err)
	}
	st.RecordDetails = raw
	date := ex.opts.Date
	if !src.Date.IsZero() {
		date = src.Date
	}
	st.StatementDate = date.Format(time.DateOnly)
	st.PublicationDetails.PublicationDate = st.StatementDate
	st.PublicationDetails.BODSVersion = "0.4"
	st.PublicationDetails.Publisher.Name = ex.opts.Publisher
	st.RecordStatus = "new"
	st.Source = exportSource(src)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", st.RecordType, st.RecordID, st.StatementDate)
	h.Write(raw)
	st.StatementID = hex.EncodeToString(h.Sum(nil))[:32]
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("bods: export: record %q: %w", st.RecordID, err)
	}
	if !ex.first {
		ex.w.WriteString(",")
	}
	ex.first = false
	ex.w.WriteString("\n")
	_, err = ex.w.Write(b)
	if err != nil {
		return fmt.Errorf("bods: export: %w", err)
	}
	return nil
}

func exportSource(src parties.Source) *outSource {
	if src.IsZero() {
		return nil
	}
	out := &outSource{URL: src.URL, Description: src.Note}
	switch src.Confidence {
	case parties.Confirmed:
		out.Type = []string{"officialRegister"}
	case parties.Reported:
		out.Type = []string{"thirdParty"}
	}
	return out
}

func country(j parties.Jurisdiction) outCountry { return outCountry{Name: j.Code(), Code: j.Code()} }

// bodsTag returns the first of the BODS codes wanted that p is tagged with.
func bodsTag(p parties.Party, wanted ...string) string {
	for _, w := range wanted {
		if p.HasTag(TagPrefix + w) {
			return w
		}
	}
	return ""
}

func (ex *exporter) party(p parties.Party) error {
	st := outStatement{RecordID: string(p.ID), DeclarationSubject: string(p.ID)}
	personType := bodsTag(p, "anonymousPerson", "unknownPerson")
	if p.Kind == parties.Person || (p.Kind == parties.Unknown && personType != "") {
		st.RecordType = "person"
		d := outPerson{PersonType: "knownPerson"}
		if p.Kind == parties.Unknown {
			d.PersonType = personType
			d.Unspecified = unspecified(p.Reason)
		}
		if p.Name != "" {
			d.Names = []outName{{FullName: p.Name}}
		}
		if !p.Jurisdiction.IsZero() {
			d.Nationalities = []outCountry{country(p.Jurisdiction)}
		}
		if !p.Headquarters.IsZero() {
			d.Addresses = []outAddress{{Type: "residence", Country: country(p.Headquarters)}}
		}
		return ex.write(st, d, p.Source)
	}
	st.RecordType = "entity"
	d := outEntity{Name: p.Name}
	switch p.Kind {
	case parties.State:
		d.EntityType.Type = cmp.Or(bodsTag(p, "stateBody"), "state")
		if d.EntityType.Type == "stateBody" {
			d.EntityType.Subtype = bodsTag(p, "governmentDepartment", "stateAgency")
		}
	case parties.Consortium:
		d.EntityType.Type = "arrangement"
		d.EntityType.Subtype = bodsTag(p, "trust", "nomination")
	case parties.Fund:
		d.EntityType.Type = "legalEntity"
		d.EntityType.Subtype = bodsTag(p, "trust")
	case parties.Unknown:
		d.EntityType.Type = cmp.Or(bodsTag(p, "anonymousEntity"), "unknownEntity")
		d.Unspecified = unspecified(p.Reason)
	default:
		d.EntityType.Type = cmp.Or(bodsTag(p, "legalEntity"), "registeredEntity")
		if d.EntityType.Type == "legalEntity" {
			d.EntityType.Subtype = bodsTag(p, "trust")
		}
	}
	if !p.Jurisdiction.IsZero() {
		c := country(p.Jurisdiction)
		d.Jurisdiction = &c
	}
	if !p.Headquarters.IsZero() {
		d.Addresses = []outAddress{{Type: "business", Country: country(p.Headquarters)}}
	}
	return ex.write(st, d, p.Source)
}

// unspecified gives a reason from the code list, keeping any other reason
// as the description.
func unspecified(reason string) *outUnspecified {
	switch {
	case reasons[reason]:
		return &outUnspecified{Reason: reason}
	case reason == "":
		return &outUnspecified{Reason: "unknown"}
	}
	return &outUnspecified{Reason: "unknown", Description: reason}
}

// percentShare writes a share in percent.
func percentShare(s parties.Share) *outShare {
	if s.IsZero() {
		return nil
	}
	if s.IsExact() {
		return &outShare{Exact: json.Number(s.Min().Shift(2).String())}
	}
	return &outShare{Minimum: json.Number(s.Min().Shift(2).String()), Maximum: json.Number(s.Max().Shift(2).String())}
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// relationshipID derives a relationship record ID from what the
// relationship states, numbering repeats.
func relationshipID(seen map[string]int, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	id := "rel-" + hex.EncodeToString(h[:12])
	seen[id]++
	if n := seen[id]; n > 1 {
		id = fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

func (ex *exporter) stake(s parties.Stake, seen map[string]int) error {
	d := outRelationship{Subject: string(s.Subject), InterestedParty: string(s.Holder)}
	from, until := date(s.From), date(s.Until)
	votingOnly := s.Economic.IsExact() && s.Economic.Min().IsZero() && !s.Voting.IsZero()
	if !votingOnly {
		d.Interests = append(d.Interests, outInterest{Type: string(Shareholding), Share: percentShare(s.Economic), StartDate: from, EndDate: until})
	}
	if !s.Voting.IsZero() {
		d.Interests = append(d.Interests, outInterest{Type: string(VotingRights), Share: percentShare(s.Voting), StartDate: from, EndDate: until})
	}
	id := relationshipID(seen, "stake", string(s.Holder), string(s.Subject), s.Class, from, until)
	st := outStatement{RecordID: id, RecordType: "relationship", DeclarationSubject: string(s.Subject)}
	return ex.write(st, d, s.Source)
}

func (ex *exporter) fact(f ControlFact, seen map[string]int) error {
	d := outRelationship{Subject: string(f.Subject), InterestedParty: string(f.InterestedParty), Interests: []outInterest{}}
	if f.Type != "" || f.DirectOrIndirect != "" || f.BeneficialOwnershipOrControl || !f.Share.IsZero() ||
		f.Details != "" || !f.From.IsZero() || !f.Until.IsZero() {
		d.Interests = append(d.Interests, outInterest{Type: string(f.Type), DirectOrIndirect: f.DirectOrIndirect,
			BeneficialOwnershipOrControl: f.BeneficialOwnershipOrControl, Details: f.Details,
			Share: percentShare(f.Share), StartDate: date(f.From), EndDate: date(f.Until)})
	}
	id := relationshipID(seen, "fact", string(f.InterestedParty), string(f.Subject), string(f.Type), date(f.From), date(f.Until))
	st := outStatement{RecordID: id, RecordType: "relationship", DeclarationSubject: string(f.Subject)}
	return ex.write(st, d, parties.Source{})
}
