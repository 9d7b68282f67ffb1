package bods

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// ImportOptions configures [Import]. A nil *ImportOptions means the defaults.
type ImportOptions struct {
	// AsOf, if not zero, makes [Result.Register] a register as of that date
	// ([parties.Register.AsOf]): its computations use only the stakes active
	// on it. Every stake is kept, with its dates, whatever AsOf is.
	AsOf time.Time
	// AllowMissing makes a reference to a record (0.4) or statement (0.2/0.3)
	// that is not in the input stand for a placeholder party of Kind
	// [parties.Unknown] with Reason "informationUnknownToPublisher" and the
	// tag [TagMissing], instead of being an error. It suits extracts of a
	// larger dataset.
	AllowMissing bool
}

// Result is what [Import] read.
type Result struct {
	// Register holds the parties and the stakes between them.
	Register *parties.Register
	// Controls lists the interests that are not stakes, in input order.
	Controls []ControlFact
	// Statements is the number of statements read.
	Statements int
}

// Tags the importer gives parties, besides "bods:" followed by the BODS
// entity type, entity subtype or person type ("bods:registeredEntity",
// "bods:trust", "bods:anonymousPerson").
const (
	// TagMissing marks a placeholder for a record not in the input (see
	// [ImportOptions.AllowMissing]).
	TagMissing = "bods:missing"
	// TagUnspecified marks a party that a relationship gives only as an
	// unspecified record with a reason.
	TagUnspecified = "bods:unspecified"
	// TagPrefix starts every tag the importer gives.
	TagPrefix = "bods:"
)

// reasonMissing is the Reason of a placeholder party.
const reasonMissing = "informationUnknownToPublisher"

// Import reads a JSON array of Beneficial Ownership Data Standard statements
// (0.4 records, or 0.2/0.3 entity, person and ownership-or-control
// statements) from r into a register. See the package documentation for
// what is read and how.
//
// Import streams: it reads one statement at a time and keeps only what the
// register needs. It reports every problem at once, joined with
// [errors.Join], each a [*StatementError] naming the statement; ill-formed
// JSON stops reading and is reported as an error wrapping [ErrSyntax].
func Import(r io.Reader, opts *ImportOptions) (*Result, error) {
	var o ImportOptions
	if opts != nil {
		o = *opts
	}
	im := &importer{
		opts:     o,
		partyIdx: make(map[string]int32),
		relIdx:   make(map[string]int32),
		dayDates: make(map[day][]day),
	}
	if err := im.read(r); err != nil {
		return nil, err
	}
	return im.finish()
}

// importer holds what is kept of the statements read so far.
type importer struct {
	opts ImportOptions
	errs []error
	n    int // statements read
	old  bool

	parties  chunked[partyRec]
	partyIdx map[string]int32  // party ID -> index in parties
	aliases  map[string]string // 0.2/0.3: replaced statement -> replacing statement

	versions chunked[relVersion]
	relIdx   map[string]int32 // relationship record key -> last version read
	stakes   chunked[stakeRec]
	sources  []parties.Source // of the stakes
	shares   chunked[parties.Share]
	shareIdx map[parties.Share]int32 // the index in shares of a share value
	facts    []ControlFact
	factRec  []factRec
	dayDates map[day][]day // interest dates declared by the statements of each day
	tags     map[string][]string
	pend     []pending
	replaces map[int32][]string // 0.2/0.3: replacesStatements of relationship versions
}

type partyRec struct {
	party  parties.Party
	stmt   string
	record string
	index  int
	date   int64
	person bool
	alias  bool // replaced by a later 0.2/0.3 statement
}

// stakeRec is a stake as kept while reading: smaller than a parties.Stake,
// with the dates as days.
type stakeRec struct {
	holder, subject parties.ID
	econ, vote      int32 // indexes in importer.shares
	from, until     day
	start           day   // the start date declared
	ver             int32 // the version (statement) it comes from
	src             int32 // index in importer.sources, or -1
}

// factRec holds the dates of a control fact while reading.
type factRec struct {
	from, until, start day
	ver                int32
}

// relVersion is one statement of a relationship record.
type relVersion struct {
	stmt   string
	record string // record ID (0.4) or statement ID (0.2/0.3)
	date   int64
	index  int32
	day    day
	prev   int32 // previous version read of the same record, or -1
	stakes [2]int32
	facts  [2]int32
	closed bool
}

func (im *importer) fail(s *rawStatement, field string, err error) {
	im.errs = append(im.errs, &StatementError{Index: s.index, StatementID: s.id, RecordID: s.recordID, Field: field, Err: err})
}

// read streams the statements of r.
func (im *importer) read(r io.Reader) error {
	rd := newReader(r)
	dc := newDecoder(rd)
	c, ok := rd.peek()
	if !ok {
		if rd.err != nil {
			return rd.err
		}
		return fmt.Errorf("%w: empty input", ErrNotArray)
	}
	if c != '[' {
		return fmt.Errorf("%w: it starts with %s", ErrNotArray, jsonType(rd.kind()))
	}
	rd.pos++
	// Decode in this goroutine and check and keep in another, handing
	// batches of statements back and forth so that the two overlap.
	// Batches are made as needed, the first small for small inputs.
	const batchSize, batches = 256, 4
	free := make(chan []rawStatement, batches+1)
	full := make(chan []rawStatement, batches)
	made := 1
	next := func() []rawStatement {
		select {
		case b := <-free:
			return b
		default:
		}
		if made < batches {
			made++
			return make([]rawStatement, batchSize)
		}
		return <-free
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for batch := range full {
			for i := range batch {
				im.statement(&batch[i])
			}
			free <- batch[:cap(batch)]
		}
	}()
	batch, k := make([]rawStatement, 16), 0
	for more := rd.first(']'); more; more = rd.more(']') {
		s := &batch[k]
		s.reset(im.n)
		dc.statement(s)
		if rd.err != nil {
			break
		}
		im.n++
		if k++; k == len(batch) {
			full <- batch
			batch, k = next(), 0
		}
	}
	if k > 0 {
		full <- batch[:k]
	}
	close(full)
	<-done
	if rd.err == nil {
		if c, ok := rd.peek(); ok {
			rd.fail("unexpected %q after the array", c)
		}
	}
	if rd.err != nil {
		return rd.err
	}
	return nil
}

var (
	recordStatuses = set("new", "updated", "closed")
	sourceTypes    = set("selfDeclaration", "officialRegister", "thirdParty", "primaryResearch", "verified")
	reasons        = set("noBeneficialOwners", "subjectUnableToConfirmOrIdentifyBeneficialOwner",
		"interestedPartyHasNotProvidedInformation", "subjectExemptFromDisclosure",
		"interestedPartyExemptFromDisclosure", "unknown", "informationUnknownToPublisher")
	entityTypes = set("registeredEntity", "legalEntity", "arrangement", "anonymousEntity", "unknownEntity", "state", "stateBody")
	personTypes = set("knownPerson", "anonymousPerson", "unknownPerson")
	directness  = set("direct", "indirect", "unknown")
	entityAddrs = set("registered", "business", "alternative")
	personAddrs = set("residence", "service", "alternative")
	subtypesOf  = map[string]map[string]bool{"arrangement": set("trust", "nomination", "other"), "legalEntity": set("trust", "other"), "stateBody": set("governmentDepartment", "stateAgency", "other"), "registeredEntity": set("other"), "anonymousEntity": set("other"), "unknownEntity": set("other"), "state": set("other")}
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// statement checks one statement and keeps what the register needs of it.
func (im *importer) statement(s *rawStatement) {
	before := len(im.errs)
	for _, fe := range s.errs {
		im.fail(s, fe.field.String(), fe.err)
	}
	old := s.hasStmtType || (!s.hasRecordType && !s.hasDetails && !s.detailsType && !s.hasRecordID)
	var d *rawDetails
	var kind string // "entity", "person" or "relationship"
	if old {
		im.old = true
		d = &s.top
		s.recordID = ""
		switch s.statementType {
		case "entityStatement":
			kind = "entity"
		case "personStatement":
			kind = "person"
		case "ownershipOrControlStatement":
			kind = "relationship"
		default:
			if s.hasStmtType {
				im.fail(s, "statementType", fmt.Errorf("%w: unknown statement type %q", ErrField, s.statementType))
			} else {
				im.fail(s, "", fmt.Errorf("%w: neither recordType (0.4) nor statementType (0.2/0.3) given", ErrField))
			}
			return
		}
	} else {
		d = &s.details
		if !s.hasRecordID {
			im.fail(s, "recordId", fmt.Errorf("%w: missing", ErrField))
		} else if s.recordID == "" && !s.recordIDType {
			im.fail(s, "recordId", fmt.Errorf("%w: empty", ErrField))
		}
		switch {
		case !s.hasRecordType:
			im.fail(s, "recordType", fmt.Errorf("%w: missing", ErrField))
		case s.recordType == "entity" || s.recordType == "person" || s.recordType == "relationship":
			kind = s.recordType
		default:
			im.fail(s, "recordType", fmt.Errorf("%w: %q is not entity, person or relationship", ErrField, s.recordType))
		}
		if !s.hasDetails && !s.detailsType {
			im.fail(s, "recordDetails", fmt.Errorf("%w: missing", ErrField))
		}
		if s.hasStatus && !recordStatuses[s.recordStatus] {
			im.fail(s, "recordStatus", fmt.Errorf("%w: %q is not new, updated or closed", ErrField, s.recordStatus))
		}
		if !s.hasDate {
			im.fail(s, "statementDate", fmt.Errorf("%w: missing", ErrField))
		}
	}
	for _, fe := range d.errs {
		im.fail(s, fe.field.String(), fe.err)
	}
	switch {
	case !s.hasID:
		im.fail(s, statementIDField(old), fmt.Errorf("%w: missing", ErrField))
	case s.idType:
	case len(s.id) < 32 || len(s.id) > 64:
		im.fail(s, statementIDField(old), fmt.Errorf("%w: %q has %d characters, not 32 to 64", ErrField, s.id, len(s.id)))
	}
	src := im.source(s)
	if len(im.errs) > before || kind == "" {
		return
	}
	switch kind {
	case "entity", "person":
		im.party(s, d, kind == "person", src, old)
	case "relationship":
		im.relationship(s, d, src, old)
	}
}

func statementIDField(old bool) string {
	if old {
		return "statementID"
	}
	return "statementId"
}

// source checks the statement's source and returns it as a parties.Source.
func (im *importer) source(s *rawStatement) parties.Source {
	if !s.hasSource {
		return parties.Source{}
	}
	src := parties.Source{Note: s.src.description}
	if s.hasDate {
		src.Date = day(s.dateDay).time()
	}
	for i, t := range s.src.types {
		switch {
		case !sourceTypes[t]:
			im.fail(s, fmt.Sprintf("source.type[%d]", i), fmt.Errorf("%w: unknown source type %q", ErrField, t))
		case t == "officialRegister" || t == "verified":
			src.Confidence = parties.Confirmed
		case src.Confidence == parties.Unstated:
			src.Confidence = parties.Reported
		}
	}
	if s.src.url != "" {
		u, err := url.Parse(s.src.url)
		if err != nil || u.Scheme == "" {
			im.fail(s, "source.url", fmt.Errorf("%w: %q is not an absolute URI", ErrField, s.src.url))
		}
		src.URL = s.src.url
	}
	return src
}

// jurisdiction parses a country code, or the country part of an ISO 3166-2
// subdivision code ("US-DE").
func jurisdiction(code string) (parties.Jurisdiction, error) {
	c := code
	if len(c) > 2 && c[2] == '-' {
		sub := c[3:]
		if len(sub) < 1 || len(sub) > 3 || strings.ToUpper(sub) != sub || strings.ContainsFunc(sub, func(r rune) bool {
			return !('A' <= r && r <= 'Z' || '0' <= r && r <= '9')
		}) {
			return parties.Jurisdiction{}, fmt.Errorf("%w: %q is not an ISO 3166-1 or 3166-2 code", parties.ErrJurisdiction, code)
		}
		c = c[:2]
	}
	if len(c) != 2 || strings.ToUpper(c) != c {
		return parties.Jurisdiction{}, fmt.Errorf("%w: %q is not an ISO 3166-1 or 3166-2 code", parties.ErrJurisdiction, code)
	}
	j, err := parties.ParseJurisdiction(c)
	if err != nil || j.IsBloc() {
		return parties.Jurisdiction{}, fmt.Errorf("%w: %q is not an ISO 3166-1 or 3166-2 code", parties.ErrJurisdiction, code)
	}
	return j, nil
}

// party keeps an entity or person statement.
func (im *importer) party(s *rawStatement, d *rawDetails, person bool, src parties.Source, old bool) {
	p := parties.Party{Source: src}
	before := len(im.errs)
	var tags []string
	if person {
		p.Name = d.personName
		switch {
		case !d.hasPersonType && !old:
			im.fail(s, d.prefix+"personType", fmt.Errorf("%w: missing", ErrField))
		case !d.hasPersonType:
			p.Kind = parties.Person
		case !personTypes[d.personType]:
			im.fail(s, d.prefix+"personType", fmt.Errorf("%w: unknown person type %q", ErrField, d.personType))
		case d.personType == "knownPerson":
			p.Kind = parties.Person
		default:
			p.Kind = parties.Unknown
		}
		if d.personType != "" {
			tags = append(tags, TagPrefix+d.personType)
		}
		for i, c := range d.nationalities {
			j, err := jurisdiction(c)
			if err != nil {
				im.fail(s, fmt.Sprintf("%snationalities[%d].code", d.prefix, i), err)
			} else if i == 0 {
				p.Jurisdiction = j
			}
		}
	} else {
		p.Name = d.name
		switch {
		case d.entityTypeShape == 0 && !old:
			im.fail(s, d.prefix+"entityType", fmt.Errorf("%w: missing", ErrField))
		case d.entityTypeShape == 'x':
		case d.entityTypeShape == '"' && !old:
			im.fail(s, d.prefix+"entityType", errType("an object", '"'))
		case d.entityTypeShape == '{' && old:
			im.fail(s, d.prefix+"entityType", errType("a string", '{'))
		case d.entityTypeShape == '{' && d.entityType == "":
			im.fail(s, d.prefix+"entityType.type", fmt.Errorf("%w: missing", ErrField))
		case d.entityTypeShape != 0 && !entityTypes[d.entityType]:
			im.fail(s, d.prefix+"entityType.type", fmt.Errorf("%w: unknown entity type %q", ErrField, d.entityType))
		case d.entitySubtype != "" && !subtypesOf[d.entityType][d.entitySubtype]:
			im.fail(s, d.prefix+"entityType.subtype", fmt.Errorf("%w: subtype %q does not go with type %q", ErrField, d.entitySubtype, d.entityType))
		}
		switch d.entityType {
		case "arrangement":
			p.Kind = parties.Consortium
		case "anonymousEntity", "unknownEntity":
			p.Kind = parties.Unknown
		case "state", "stateBody":
			p.Kind = parties.State
		}
		if d.entityType != "" {
			tags = append(tags, TagPrefix+d.entityType)
		}
		if d.entitySubtype != "" {
			tags = append(tags, TagPrefix+d.entitySubtype)
		}
		if d.hasJurisdiction {
			j, err := jurisdiction(d.jurisdiction)
			if err != nil {
				im.fail(s, d.prefix+"jurisdiction.code", err)
			}
			p.Jurisdiction = j
		}
	}
	// Headquarters: a person's residence; an entity's business address, or
	// else its registered address.
	rank := 0
	for i, a := range d.addresses {
		f := d.pp.dot("addresses").at(i)
		allowed := entityAddrs
		if person {
			allowed = personAddrs
		}
		if a.typ != "" && !allowed[a.typ] && !old {
			im.fail(s, f.dot(".type").String(), fmt.Errorf("%w: %q is not an address type of %s", ErrField, a.typ, map[bool]string{true: "a person", false: "an entity"}[person]))
		}
		if !a.hasCountry {
			continue
		}
		j, err := jurisdiction(a.country)
		if err != nil {
			field := f.dot(".country.code")
			if old {
				field = f.dot(".country")
			}
			im.fail(s, field.String(), err)
			continue
		}
		r := 0
		switch {
		case person && a.typ == "residence":
			r = 2
		case !person && a.typ == "business":
			r = 2
		case !person && a.typ == "registered":
			r = 1
		}
		if r > rank {
			rank, p.Headquarters = r, j
		}
	}
	if d.unspecified {
		f := d.prefix + "unspecifiedEntityDetails.reason"
		if person {
			f = d.prefix + "unspecifiedPersonDetails.reason"
		}
		reason, err := unspecifiedReason(d.reason, old)
		if err != nil {
			im.fail(s, f, err)
		}
		if p.Kind == parties.Unknown {
			p.Reason = reason
		}
	}
	if len(im.errs) > before {
		return
	}
	p.Tags = im.internTags(tags)
	id := s.recordID
	if old {
		id = s.id
		for _, r := range s.replaces {
			if im.aliases == nil {
				im.aliases = make(map[string]string)
			}
			if r != id {
				im.aliases[r] = id
			}
		}
	}
	p.ID = parties.ID(id)
	rec := partyRec{party: p, stmt: s.id, record: s.recordID, index: s.index, date: s.date, person: person}
	if i, ok := im.partyIdx[id]; ok {
		prev := im.parties.at(i)
		if prev.person != person {
			im.fail(s, "recordType", fmt.Errorf("%w: record %q was a%s before", ErrField, id, map[bool]string{true: " person", false: "n entity"}[prev.person]))
			return
		}
		if prev.date <= s.date { // later statements of a record replace earlier ones
			rec.party.ID = prev.party.ID
			*prev = rec
		}
		return
	}
	im.partyIdx[id] = im.parties.add(rec)
}

// internTags shares one slice for each distinct set of tags.
func (im *importer) internTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	k := strings.Join(tags, "\x00")
	if t, ok := im.tags[k]; ok {
		return t
	}
	if im.tags == nil {
		im.tags = make(map[string][]string)
	}
	t := slices.Clip(slices.Clone(tags))
	im.tags[k] = t
	return t
}

// share returns the index of sh in im.shares, adding it if it is new. The
// stakes of a large input have few distinct shares: the decoder shares one
// decimal for each distinct number, so equal shares are mostly identical
// values and are kept once.
func (im *importer) share(sh parties.Share) int32 {
	if i, ok := im.shareIdx[sh]; ok {
		return i
	}
	if im.shareIdx == nil {
		im.shareIdx = make(map[parties.Share]int32)
	}
	i := im.shares.add(sh)
	if len(im.shareIdx) < 1<<16 {
		im.shareIdx[sh] = i
	}
	return i
}

var (
	anyShare = parties.Between(decimal.Zero, decimal.NewFromInt(1)) // a share not given
	noShare  = parties.Exact(decimal.Zero)
)

// pending is an interest of a relationship statement being read.
type pending struct {
	in    rawInterest
	typ   InterestType
	share parties.Share
	used  bool
}

// relationship keeps a relationship (ownership-or-control) statement.
func (im *importer) relationship(s *rawStatement, d *rawDetails, src parties.Source, old bool) {
	before := len(im.errs)
	key := s.recordID
	if old {
		key = s.id
	}
	subject := im.ref(s, d, &d.subject, d.prefix+"subject", key, "subject", old)
	holder := im.ref(s, d, &d.party, d.prefix+"interestedParty", key, "interestedParty", old)
	items := im.pend[:0]
	defer func() { im.pend = items[:0] }()
	stmtDay := s.dateDay
	for i, in := range d.interests {
		f := d.pp.dot("interests").at(i)
		var typ InterestType
		if in.hasType {
			t, err := ParseInterestType(in.typ)
			if err != nil || (!old && strings.Contains(in.typ, "-")) {
				im.fail(s, f.dot(".type").String(), fmt.Errorf("%w: unknown interest type %q", ErrField, in.typ))
			}
			typ = t
		}
		if in.direct == "empty" || (in.direct != "" && !directness[in.direct]) {
			im.fail(s, f.dot(".directOrIndirect").String(), fmt.Errorf("%w: %q is not direct, indirect or unknown", ErrField, in.direct))
		}
		var sh parties.Share
		if in.hasShare && !in.shareErrs {
			var err error
			var field string
			sh, field, err = shareOf(in.share, old)
			if err != nil {
				im.fail(s, f.dot(".share").String()+field, err)
			}
		}
		if in.start != noDay && in.end != noDay && in.end <= in.start {
			im.fail(s, f.dot(".endDate").String(), fmt.Errorf("%w: endDate %s is not after startDate %s", parties.ErrDates, in.end.time().Format(time.DateOnly), in.start.time().Format(time.DateOnly)))
		}
		items = append(items, pending{in: in, typ: typ, share: sh})
	}
	if len(im.errs) > before {
		return
	}
	vi := int32(im.versions.len())
	v := relVersion{stmt: s.id, record: key, index: int32(s.index), date: s.date, day: stmtDay,
		closed: s.recordStatus == "closed", prev: -1}
	if old && len(s.replaces) > 0 {
		if im.replaces == nil {
			im.replaces = make(map[int32][]string)
		}
		im.replaces[vi] = slices.Clone(s.replaces)
	}
	if p, ok := im.relIdx[key]; ok {
		v.prev = p
	}
	im.relIdx[key] = vi
	for _, it := range items {
		for _, dd := range [2]day{it.in.start, it.in.end} {
			if dd != noDay && dd <= stmtDay {
				ds := im.dayDates[stmtDay]
				if !slices.Contains(ds, dd) {
					im.dayDates[stmtDay] = append(ds, dd)
				}
			}
		}
	}
	// Pair each shareholding with a voting-rights interest of the same dates
	// and details into one stake; indirect interests and other types are
	// control facts.
	v.stakes[0] = int32(im.stakes.len())
	v.facts[0] = int32(len(im.facts))
	srcIdx := int32(-1)
	if !src.IsZero() {
		srcIdx = int32(len(im.sources))
		im.sources = append(im.sources, src)
	}
	stakeOf := func(it *pending) bool {
		return (it.typ == Shareholding || it.typ == VotingRights) && it.in.direct != "indirect"
	}
	for i := range items {
		it := &items[i]
		if it.used || !stakeOf(it) {
			continue
		}
		it.used = true
		st := stakeRec{holder: holder, subject: subject, from: it.in.start, until: it.in.end, start: it.in.start, ver: vi, src: srcIdx}
		share := it.share
		if share.IsZero() {
			share = anyShare
		}
		var econ, vote parties.Share
		want := VotingRights
		if it.typ == Shareholding {
			econ = share
		} else {
			econ = noShare
			vote = share
			want = Shareholding
		}
		for j := i + 1; j < len(items); j++ {
			o := &items[j]
			if o.used || o.typ != want || !stakeOf(o) || o.in.start != it.in.start || o.in.end != it.in.end || o.in.details != it.in.details {
				continue
			}
			o.used = true
			share := o.share
			if share.IsZero() {
				share = anyShare
			}
			if want == VotingRights {
				vote = share
			} else {
				econ = share
			}
			break
		}
		st.econ, st.vote = im.share(econ), im.share(vote)
		im.stakes.add(st)
	}
	for i := range items {
		it := &items[i]
		if it.used {
			continue
		}
		im.facts = append(im.facts, ControlFact{StatementID: s.id, RecordID: key, Subject: subject, InterestedParty: holder,
			Type: it.typ, DirectOrIndirect: it.in.direct, BeneficialOwnershipOrControl: it.in.bo, Share: it.share,
			Details: it.in.details})
		im.factRec = append(im.factRec, factRec{from: it.in.start, until: it.in.end, start: it.in.start, ver: vi})
	}
	if len(items) == 0 {
		// A relationship without interests still says that the interested
		// party has some interest in the subject.
		im.facts = append(im.facts, ControlFact{StatementID: s.id, RecordID: key, Subject: subject, InterestedParty: holder})
		im.factRec = append(im.factRec, factRec{from: noDay, until: noDay, start: noDay, ver: vi})
	}
	v.stakes[1] = int32(im.stakes.len())
	v.facts[1] = int32(len(im.facts))
	im.versions.add(v)
}

// ref checks a relationship's subject or interested party and returns the
// ID of the party it stands for; an unspecified party becomes a party of
// Kind Unknown.
func (im *importer) ref(s *rawStatement, d *rawDetails, r *rawRef, field, key, role string, old bool) parties.ID {
	switch {
	case !r.given:
		im.fail(s, field, fmt.Errorf("%w: missing", ErrField))
		return ""
	case r.unspecified:
		f := field + ".reason"
		if old {
			f = field + ".unspecified.reason"
		}
		reason, err := unspecifiedReason(r.reason, old)
		if err != nil {
			im.fail(s, f, err)
			return ""
		}
		id := key + "/" + role
		p := parties.Party{ID: parties.ID(id), Kind: parties.Unknown, Reason: reason, Tags: []string{TagUnspecified}}
		rec := partyRec{party: p, stmt: s.id, record: s.recordID, index: s.index, date: s.date}
		if i, ok := im.partyIdx[id]; ok {
			if p := im.parties.at(i); p.date <= s.date {
				*p = rec
			}
		} else {
			im.partyIdx[id] = im.parties.add(rec)
		}
		return parties.ID(id)
	case r.id == "":
		im.fail(s, field, fmt.Errorf("%w: empty reference", ErrField))
		return ""
	}
	return parties.ID(r.id)
}

// unspecifiedReason checks the reason of an unspecified record against the
// code list, reading the 0.2 code noNotifiableOwners as noBeneficialOwners.
func unspecifiedReason(reason string, old bool) (string, error) {
	if old && reason == "noNotifiableOwners" {
		reason = "noBeneficialOwners"
	}
	switch {
	case reason == "":
		return "", fmt.Errorf("%w: missing", ErrField)
	case !reasons[reason]:
		return "", fmt.Errorf("%w: unknown reason %q", ErrField, reason)
	}
	return reason, nil
}

// shareOf turns the bounds of a share into a closed interval of fractions
// of 1. field names the member at fault, if any.
func shareOf(s rawShare, old bool) (parties.Share, string, error) {
	lo, hi := decimal.Zero, decimal.NewFromInt(1)
	loOpen, hiOpen := false, false
	loSet, hiSet := false, false
	if s.has[hasMin] {
		lo, loSet = s.min, true
	}
	if s.has[hasMax] {
		hi, hiSet = s.max, true
	}
	if old {
		// 0.2/0.3: exclusiveMinimum and exclusiveMaximum are flags; the
		// default is minimum inclusive, maximum exclusive.
		// Only flags set explicitly are checked against exact values and
		// empty ranges: 0.2 data often gives minimum = maximum = exact.
		loOpen = s.exBool[0] == 1
		hiOpen = s.exBool[1] == 1
		if s.has[hasExMin] || s.has[hasExMax] {
			f := ".exclusiveMinimum"
			if !s.has[hasExMin] {
				f = ".exclusiveMaximum"
			}
			return parties.Share{}, f, fmt.Errorf("%w: must be a boolean in BODS 0.2 and 0.3", ErrField)
		}
	} else {
		if s.exBool[0] >= 0 || s.exBool[1] >= 0 {
			f := ".exclusiveMinimum"
			if s.exBool[0] < 0 {
				f = ".exclusiveMaximum"
			}
			return parties.Share{}, f, fmt.Errorf("%w: must be a number in BODS 0.4", ErrField)
		}
		// 0.4: exclusive bounds are numbers; where both kinds of bound are
		// given, the tighter one counts.
		if s.has[hasExMin] && (!loSet || s.exMin.Cmp(lo) >= 0) {
			lo, loOpen, loSet = s.exMin, true, true
		}
		if s.has[hasExMax] && (!hiSet || s.exMax.Cmp(hi) <= 0) {
			hi, hiOpen, hiSet = s.exMax, true, true
		}
	}
	if s.has[hasExact] {
		e := s.exact
		if (loSet && (e.Cmp(lo) < 0 || (loOpen && e.Equal(lo)))) || (hiSet && (e.Cmp(hi) > 0 || (hiOpen && e.Equal(hi)))) {
			return parties.Share{}, ".exact", fmt.Errorf("%w: exact %s%% lies outside the range given", parties.ErrInvertedRange, e.Shift(2))
		}
		return parties.Exact(e), "", nil
	}
	if !loSet && !hiSet {
		return parties.Share{}, "", nil // an empty share object: not given
	}
	switch c := lo.Cmp(hi); {
	case c > 0:
		return parties.Share{}, "", fmt.Errorf("%w: minimum %s%% is above maximum %s%%", parties.ErrInvertedRange, lo.Shift(2), hi.Shift(2))
	case c == 0 && (loOpen || hiOpen):
		return parties.Share{}, "", fmt.Errorf("%w: the range (%s%%) is empty", parties.ErrInvertedRange, lo.Shift(2))
	}
	// The closure of the range: an exclusive bound becomes inclusive.
	return parties.Between(lo, hi), "", nil
}

// finish resolves references, applies record histories and builds the
// register.
func (im *importer) finish() (*Result, error) {
	im.resolveAliases()
	im.checkRefs()
	if len(im.errs) > 0 {
		return nil, errors.Join(im.errs...)
	}
	im.partyIdx = nil
	im.history()
	im.relIdx, im.dayDates = nil, nil
	// Keep of each relationship statement only what messages need.
	vers := chunked[verRef]{}
	for i := range int32(im.versions.len()) {
		v := im.versions.at(i)
		vers.add(verRef{stmt: v.stmt, record: im.recordOf(v), index: v.index})
		im.versions.release(i)
	}
	im.versions = chunked[relVersion]{}
	// The builder copies what it is given: hand it the parties and then the
	// stakes, each in one slice made to size, dropping the records chunk by
	// chunk as they are copied, so that the two copies of either overlap as
	// little as they can.
	var b parties.Builder
	n := 0
	for i := range int32(im.parties.len()) {
		if !im.parties.at(i).alias {
			n++
		}
	}
	ps := make([]parties.Party, 0, n)
	refs := make([]partyRef, 0, n)
	for i := range int32(im.parties.len()) {
		p := im.parties.at(i)
		if !p.alias {
			refs = append(refs, partyRef{id: p.party.ID, stmt: p.stmt, record: p.record, index: p.index})
			ps = append(ps, p.party)
		}
		im.parties.release(i)
	}
	im.parties = chunked[partyRec]{}
	b.AddParty(ps...)
	ps = nil // the builder keeps its own copy
	// Turn the records into stakes and facts, dropping those that hold on no
	// day.
	empty := func(from, until day) bool { return from != noDay && until != noDay && until <= from }
	n = 0
	for i := range int32(im.stakes.len()) {
		if r := im.stakes.at(i); r.holder != "" && !empty(r.from, r.until) {
			n++
		}
	}
	stakes := make([]parties.Stake, 0, n)
	stakeVer := make([]int32, 0, n)
	for i := range int32(im.stakes.len()) {
		r := im.stakes.at(i)
		if r.holder != "" && !empty(r.from, r.until) {
			st := parties.Stake{Holder: r.holder, Subject: r.subject, Economic: *im.shares.at(r.econ), Voting: *im.shares.at(r.vote), From: r.from.time(), Until: r.until.time()}
			if r.src >= 0 {
				st.Source = im.sources[r.src]
			}
			stakes = append(stakes, st)
			stakeVer = append(stakeVer, r.ver)
		}
		im.stakes.release(i)
	}
	im.stakes, im.sources = chunked[stakeRec]{}, nil
	im.shares, im.shareIdx = chunked[parties.Share]{}, nil
	facts := im.facts[:0]
	for i, f := range im.facts {
		r := im.factRec[i]
		if f.InterestedParty == "" || empty(r.from, r.until) {
			continue
		}
		f.From, f.Until = r.from.time(), r.until.time()
		facts = append(facts, f)
	}
	im.factRec = nil
	b.AddStake(stakes...)
	stakes = nil // the builder keeps its own copy
	reg, err := b.Build()
	if err != nil {
		return nil, buildErrors(err, &vers, stakeVer, refs)
	}
	if !im.opts.AsOf.IsZero() {
		reg = reg.AsOf(im.opts.AsOf)
	}
	return &Result{Register: reg, Controls: slices.Clip(facts), Statements: im.n}, nil
}

// verRef names a relationship statement, for messages.
type verRef struct {
	stmt, record string
	index        int32
}

// partyRef names the statement behind a party, for messages.
type partyRef struct {
	id           parties.ID
	stmt, record string
	index        int
}

// resolveAliases applies 0.2/0.3 replacesStatements: a replaced entity or
// person statement is merged into the one replacing it, and references to
// it point to that one.
func (im *importer) resolveAliases() {
	if len(im.aliases) == 0 {
		return
	}
	for old := range im.aliases {
		if i, ok := im.partyIdx[old]; ok {
			if _, ok := im.partyIdx[im.resolve(old)]; ok {
				im.parties.at(i).alias = true
			}
		}
	}
	for i := range int32(im.stakes.len()) {
		s := im.stakes.at(i)
		s.holder = parties.ID(im.resolve(string(s.holder)))
		s.subject = parties.ID(im.resolve(string(s.subject)))
	}
	for i := range im.facts {
		im.facts[i].InterestedParty = parties.ID(im.resolve(string(im.facts[i].InterestedParty)))
		im.facts[i].Subject = parties.ID(im.resolve(string(im.facts[i].Subject)))
	}
}

func (im *importer) resolve(id string) string {
	for range 64 {
		next, ok := im.aliases[id]
		if !ok {
			break
		}
		if _, exists := im.partyIdx[next]; !exists {
			break
		}
		id = next
	}
	return id
}

// checkRefs reports references to records not present and subjects that
// are not entities, or adds placeholders for missing records.
func (im *importer) checkRefs() {
	check := func(vi int32, id parties.ID, role string) {
		v := im.versions.at(vi)
		i, ok := im.partyIdx[string(id)]
		field := role
		if v.record != "" && !im.old {
			field = "recordDetails.interestedParty" // constants: no string built per check
			if role == "subject" {
				field = "recordDetails.subject"
			}
		}
		if !ok {
			if im.opts.AllowMissing {
				im.partyIdx[string(id)] = im.parties.add(partyRec{party: parties.Party{ID: id, Kind: parties.Unknown,
					Reason: reasonMissing, Tags: []string{TagMissing}}, stmt: v.stmt, index: int(v.index)})
				return
			}
			im.errs = append(im.errs, &StatementError{Index: int(v.index), StatementID: v.stmt, RecordID: im.recordOf(v),
				Field: field, Err: fmt.Errorf("%w: %q", ErrMissingRecord, id)})
			return
		}
		if role == "subject" && im.parties.at(i).person {
			im.errs = append(im.errs, &StatementError{Index: int(v.index), StatementID: v.stmt, RecordID: im.recordOf(v),
				Field: field, Err: fmt.Errorf("%w: the subject %q is a person, not an entity", ErrField, id)})
		}
	}
	seen := make([]bool, im.versions.len())
	for i := range int32(im.stakes.len()) {
		s := im.stakes.at(i)
		vi := s.ver
		if !seen[vi] {
			seen[vi] = true
			check(vi, s.subject, "subject")
			check(vi, s.holder, "interestedParty")
		}
		// Share the party's own ID string.
		if j, ok := im.partyIdx[string(s.holder)]; ok {
			s.holder = im.parties.at(j).party.ID
		}
		if j, ok := im.partyIdx[string(s.subject)]; ok {
			s.subject = im.parties.at(j).party.ID
		}
	}
	for i, f := range im.facts {
		vi := im.factRec[i].ver
		if seen[vi] {
			continue
		}
		seen[vi] = true
		check(vi, f.Subject, "subject")
		check(vi, f.InterestedParty, "interestedParty")
	}
	slices.SortStableFunc(im.errs, func(a, b error) int {
		var x, y *StatementError
		if errors.As(a, &x) && errors.As(b, &y) {
			return cmp.Compare(x.Index, y.Index)
		}
		return 0
	})
}

func (im *importer) recordOf(v *relVersion) string {
	if im.old {
		return ""
	}
	return v.record
}

// buildErrors names the statements behind the errors of parties.Builder.Build.
func buildErrors(err error, vers *chunked[verRef], stakeVer []int32, refs []partyRef) error {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	owners := make(map[parties.ID]int, len(refs))
	for i, r := range refs {
		owners[r.id] = i
	}
	out := make([]error, 0, len(errs))
	for _, e := range errs {
		var se *parties.StakeError
		var pe *parties.PartyError
		switch {
		case errors.As(e, &se) && se.Index >= 0 && se.Index < len(stakeVer):
			v := vers.at(stakeVer[se.Index])
			out = append(out, &StatementError{Index: int(v.index), StatementID: v.stmt, RecordID: v.record, Err: e})
		case errors.As(e, &pe):
			if i, ok := owners[pe.ID]; ok {
				p := &refs[i]
				out = append(out, &StatementError{Index: p.index, StatementID: p.stmt, RecordID: p.record, Err: e})
				continue
			}
			out = append(out, e)
		default:
			out = append(out, e)
		}
	}
	return errors.Join(out...)
}
