package bods

import (
	"bytes"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// A fieldError is a problem with one field of a statement, found while
// reading or checking it.
type fieldError struct {
	field path // within the statement, as "recordDetails.interests[0].share.exact"
	err   error
}

// path is the path of a field within a statement. It is built without
// allocating, from constant parts and at most one index, and rendered only
// when a problem is reported.
type path struct {
	parts [6]string
	n     int8
	idxAt int8 // the index follows parts[idxAt-1]; 0 means no index
	idx   int32
}

func field(s string) path { return path{parts: [6]string{s}, n: 1} }

// dot returns p followed by s (which brings its own leading dot, if any).
func (p path) dot(s string) path {
	if int(p.n) < len(p.parts) {
		p.parts[p.n] = s
		p.n++
	}
	return p
}

// at returns p followed by the index i.
func (p path) at(i int) path {
	p.idxAt, p.idx = p.n, int32(i)
	return p
}

func (p path) String() string {
	var sb strings.Builder
	for i := range p.n {
		sb.WriteString(p.parts[i])
		if p.idxAt == i+1 {
			fmt.Fprintf(&sb, "[%d]", p.idx)
		}
	}
	return sb.String()
}

// day is a date as days since 1970-01-01; noDay means not given.
type day int32

const noDay day = -1 << 31

func (d day) time() time.Time {
	if d == noDay {
		return time.Time{}
	}
	return time.Unix(int64(d)*86400, 0).UTC()
}

func dayOf(t time.Time) day {
	if t.IsZero() {
		return noDay
	}
	y, m, dd := t.Date()
	u := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix()
	return day(floorDiv(u, 86400))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// rawStatement is what the importer keeps of one statement while checking it:
// the fields it reads, in a form that accepts both the 0.4 layout (record
// details nested in recordDetails) and the 0.2/0.3 layout (flat).
type rawStatement struct {
	index int // position in the stream, from 0

	id            string
	hasID, idType bool  // present; present but not a string
	date          int64 // statementDate as Unix seconds
	dateDay       day
	hasDate       bool
	recordID      string
	hasRecordID   bool
	recordIDType  bool // present but not a string
	detailsType   bool // present but not an object
	recordType    string
	hasRecordType bool
	recordStatus  string
	hasStatus     bool
	statementType string // 0.2/0.3
	hasStmtType   bool
	hasDetails    bool
	replaces      []string // 0.2/0.3 replacesStatements

	src       rawSource
	hasSource bool

	details rawDetails // recordDetails (0.4)
	top     rawDetails // the statement's own members (0.2/0.3)

	errs []fieldError // problems with statement-level fields
}

func (s *rawStatement) reset(index int) {
	replaces := s.replaces[:0]
	errs := s.errs[:0]
	src := s.src.types[:0]
	d, t := s.details, s.top
	*s = rawStatement{index: index, replaces: replaces, errs: errs}
	s.src.types = src
	s.details.reset("recordDetails.", d)
	s.top.reset("", t)
}

type rawSource struct {
	types       []string
	url         string
	description string
}

type rawDetails struct {
	prefix string // "recordDetails." (0.4) or "" (0.2/0.3)
	pp     path   // the same, as a path

	entityType, entitySubtype string
	entityTypeShape           byte // '{' (0.4) or '"' (0.2/0.3), 0 if absent
	name                      string
	jurisdiction              string
	hasJurisdiction           bool
	addresses                 []rawAddress
	unspecified               bool // unspecifiedEntityDetails or unspecifiedPersonDetails given
	reason                    string
	personType                string
	hasPersonType             bool
	personName                string
	nationalities             []string
	subject, party            rawRef
	interests                 []rawInterest
	errs                      []fieldError
}

func (d *rawDetails) reset(prefix string, old rawDetails) {
	*d = rawDetails{prefix: prefix, pp: field(prefix), addresses: old.addresses[:0], nationalities: old.nationalities[:0],
		interests: old.interests[:0], errs: old.errs[:0]}
}

type rawAddress struct {
	typ, country string
	hasCountry   bool
}

// rawRef is a reference to a record (0.4: a string; 0.2/0.3: an object with
// describedByEntityStatement or describedByPersonStatement) or an unspecified
// party with a reason.
type rawRef struct {
	given       bool
	id          string
	unspecified bool
	reason      string
	byPerson    bool // 0.2/0.3 describedByPersonStatement
}

type rawInterest struct {
	typ       string
	hasType   bool
	direct    string
	bo        bool
	details   string
	share     rawShare
	hasShare  bool
	start     day
	end       day
	shareErrs bool
}

// rawShare holds the bounds of a share as fractions of 1 (already divided by
// 100), each with whether it was given.
type rawShare struct {
	exact, min, max, exMin, exMax decimal.Decimal
	has                           [5]bool // exact, minimum, maximum, exclusiveMinimum, exclusiveMaximum
	exBool                        [2]int8 // 0.2/0.3 boolean exclusiveMinimum, exclusiveMaximum: -1 unset, 0 false, 1 true
}

const (
	hasExact = iota
	hasMin
	hasMax
	hasExMin
	hasExMax
)

// decoder turns the token stream of a [reader] into rawStatements.
type decoder struct {
	r        *reader
	pct      map[string]percent // cache of parsed share numbers
	days     map[string]day     // cache of parsed dates
	interned map[string]string  // codes and other short repeated strings
	lastDate string
	lastDay  day
}

type percent struct {
	frac decimal.Decimal
	err  error
}

func newDecoder(r *reader) *decoder {
	return &decoder{r: r, pct: make(map[string]percent), days: make(map[string]day), interned: make(map[string]string)}
}

// intern returns b as a string, sharing one copy for each distinct short
// value (codes, dates, country codes).
func (dc *decoder) intern(b []byte) string {
	if c := code(b); c != "" {
		return c
	}
	if s, ok := dc.interned[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(dc.interned) < 4096 && len(b) <= 64 {
		dc.interned[s] = s
	}
	return s
}

func errType(want string, got byte) error {
	return fmt.Errorf("%w: must be %s, not %s", ErrField, want, jsonType(got))
}

// want reports whether the next value is of kind k (as [reader.kind] gives
// it; 't' stands for a boolean, true or false); a value of another type is
// recorded as a field error and skipped.
func (dc *decoder) want(errs *[]fieldError, f path, k byte) bool {
	got := dc.r.kind()
	if got == k || k == 't' && got == 'f' {
		return true
	}
	if got != 0 {
		*errs = append(*errs, fieldError{f, errType(jsonType(k), got)})
	}
	dc.r.skip()
	return false
}

// str reads a string member; a value of another type is recorded as a field
// error and skipped.
func (dc *decoder) str(errs *[]fieldError, f path) ([]byte, bool) {
	if !dc.want(errs, f, '"') {
		return nil, false
	}
	return dc.r.str(), dc.r.err == nil
}

// boolean is like str for booleans.
func (dc *decoder) boolean(errs *[]fieldError, f path) (bool, bool) {
	if !dc.want(errs, f, 't') {
		return false, false
	}
	return dc.r.literal() == "true", dc.r.err == nil
}

// object starts reading an object member; a value of another type is
// recorded as a field error and skipped, and object reports false.
func (dc *decoder) object(errs *[]fieldError, f path) bool {
	if !dc.want(errs, f, '{') {
		return false
	}
	dc.r.pos++
	return true
}

// array is like object for arrays.
func (dc *decoder) array(errs *[]fieldError, f path) bool {
	if !dc.want(errs, f, '[') {
		return false
	}
	dc.r.pos++
	return true
}

// statement reads one statement object into s.
func (dc *decoder) statement(s *rawStatement) {
	r := dc.r
	if !dc.object(&s.errs, field("")) {
		s.errs = append(s.errs, fieldError{path{}, fmt.Errorf("%w: a statement must be an object", ErrField)})
		return
	}
	for ok := r.first('}'); ok; ok = r.more('}') {
		k := r.key()
		if r.err != nil {
			return
		}
		switch string(k) {
		case "statementId", "statementID":
			s.hasID = true
			if b, ok := dc.str(&s.errs, field(idName(k))); ok {
				s.id = string(b)
			} else {
				s.idType = true
			}
		case "statementDate":
			s.hasDate = true
			if b, ok := dc.str(&s.errs, field("statementDate")); ok {
				if t, d, err := dc.dateTime(b); err != nil {
					s.errs = append(s.errs, fieldError{field("statementDate"), err})
				} else {
					s.date, s.dateDay = t, d
				}
			}
		case "recordId":
			s.hasRecordID = true
			if b, ok := dc.str(&s.errs, field("recordId")); ok {
				s.recordID = string(b)
			} else {
				s.recordIDType = true
			}
		case "recordType":
			s.hasRecordType = true
			if b, ok := dc.str(&s.errs, field("recordType")); ok {
				s.recordType = dc.intern(b)
			}
		case "recordStatus":
			s.hasStatus = true
			if b, ok := dc.str(&s.errs, field("recordStatus")); ok {
				s.recordStatus = dc.intern(b)
			}
		case "statementType":
			s.hasStmtType = true
			if b, ok := dc.str(&s.errs, field("statementType")); ok {
				s.statementType = dc.intern(b)
			}
		case "recordDetails":
			if dc.object(&s.errs, field("recordDetails")) {
				s.hasDetails = true
				dc.details(&s.details)
			} else {
				s.detailsType = true
			}
		case "source":
			if dc.object(&s.errs, field("source")) {
				s.hasSource = true
				dc.source(s)
			}
		case "replacesStatements":
			if dc.array(&s.top.errs, field("replacesStatements")) {
				for ok := r.first(']'); ok; ok = r.more(']') {
					if b, ok := dc.str(&s.top.errs, field("replacesStatements")); ok {
						s.replaces = append(s.replaces, string(b))
					}
				}
			}
		default:
			if !dc.detail(k, &s.top) {
				r.skip()
			}
		}
	}
}

func (dc *decoder) source(s *rawStatement) {
	r := dc.r
	for ok := r.first('}'); ok; ok = r.more('}') {
		k := r.key()
		switch string(k) {
		case "type":
			if dc.array(&s.errs, field("source.type")) {
				i := 0
				for ok := r.first(']'); ok; ok, i = r.more(']'), i+1 {
					if b, ok := dc.str(&s.errs, field("source.type").at(i)); ok {
						s.src.types = append(s.src.types, dc.intern(b))
					}
				}
			}
		case "url":
			if b, ok := dc.str(&s.errs, field("source.url")); ok {
				s.src.url = string(b)
			}
		case "description":
			if b, ok := dc.str(&s.errs, field("source.description")); ok {
				s.src.description = string(b)
			}
		default:
			r.skip()
		}
	}
}

// details reads the members of a recordDetails object.
func (dc *decoder) details(d *rawDetails) {
	r := dc.r
	for ok := r.first('}'); ok; ok = r.more('}') {
		k := r.key()
		if r.err != nil {
			return
		}
		if !dc.detail(k, d) {
			r.skip()
		}
	}
}

// detail reads the member k of a record's details if the importer reads it,
// and reports whether it did.
func (dc *decoder) detail(k []byte, d *rawDetails) bool {
	r := dc.r
	p := d.pp
	switch string(k) {
	case "entityType":
		switch r.kind() {
		case '"': // 0.2/0.3
			d.entityTypeShape = '"'
			d.entityType = dc.intern(r.str())
		case '{':
			r.pos++
			d.entityTypeShape = '{'
			for ok := r.first('}'); ok; ok = r.more('}') {
				switch string(r.key()) {
				case "type":
					if b, ok := dc.str(&d.errs, p.dot("entityType.type")); ok {
						d.entityType = dc.intern(b)
					}
				case "subtype":
					if b, ok := dc.str(&d.errs, p.dot("entityType.subtype")); ok {
						d.entitySubtype = dc.intern(b)
					}
				default:
					r.skip()
				}
			}
		default:
			d.entityTypeShape = 'x'
			d.errs = append(d.errs, fieldError{p.dot("entityType"), errType("an object", r.kind())})
			r.skip()
		}
	case "name":
		if b, ok := dc.str(&d.errs, p.dot("name")); ok {
			d.name = string(b)
		}
	case "jurisdiction":
		if dc.object(&d.errs, p.dot("jurisdiction")) {
			for ok := r.first('}'); ok; ok = r.more('}') {
				switch string(r.key()) {
				case "code":
					d.hasJurisdiction = true
					if b, ok := dc.str(&d.errs, p.dot("jurisdiction.code")); ok {
						d.jurisdiction = dc.intern(b)
					}
				default:
					r.skip()
				}
			}
		}
	case "addresses":
		if dc.array(&d.errs, p.dot("addresses")) {
			i := 0
			for ok := r.first(']'); ok; ok = r.more(']') {
				dc.address(d, i)
				i++
			}
		}
	case "unspecifiedEntityDetails", "unspecifiedPersonDetails":
		name := "unspecifiedEntityDetails"
		if bytes.Equal(k, []byte("unspecifiedPersonDetails")) {
			name = "unspecifiedPersonDetails"
		}
		if dc.object(&d.errs, p.dot(name)) {
			d.unspecified = true
			f := p.dot(name).dot(".reason")
			for ok := r.first('}'); ok; ok = r.more('}') {
				switch string(r.key()) {
				case "reason":
					if b, ok := dc.str(&d.errs, f); ok {
						d.reason = dc.intern(b)
					}
				default:
					r.skip()
				}
			}
		}
	case "personType":
		d.hasPersonType = true
		if b, ok := dc.str(&d.errs, p.dot("personType")); ok {
			d.personType = dc.intern(b)
		}
	case "names":
		if dc.array(&d.errs, p.dot("names")) {
			i := 0
			for ok := r.first(']'); ok; ok = r.more(']') {
				dc.personName(d, i)
				i++
			}
		}
	case "nationalities":
		if dc.array(&d.errs, p.dot("nationalities")) {
			i := 0
			for ok := r.first(']'); ok; ok = r.more(']') {
				f := p.dot("nationalities").at(i)
				if dc.object(&d.errs, f) {
					for ok := r.first('}'); ok; ok = r.more('}') {
						switch string(r.key()) {
						case "code":
							if b, ok := dc.str(&d.errs, f.dot(".code")); ok {
								d.nationalities = append(d.nationalities, dc.intern(b))
							}
						default:
							r.skip()
						}
					}
				}
				i++
			}
		}
	case "subject":
		dc.ref(d, &d.subject, p.dot("subject"))
	case "interestedParty":
		dc.ref(d, &d.party, p.dot("interestedParty"))
	case "interests":
		if dc.array(&d.errs, p.dot("interests")) {
			i := 0
			for ok := r.first(']'); ok; ok = r.more(']') {
				dc.interest(d, i)
				i++
			}
		}
	default:
		return false
	}
	return true
}

func (dc *decoder) address(d *rawDetails, i int) {
	r := dc.r
	f := d.pp.dot("addresses").at(i)
	if !dc.object(&d.errs, f) {
		return
	}
	var a rawAddress
	for ok := r.first('}'); ok; ok = r.more('}') {
		switch string(r.key()) {
		case "type":
			if b, ok := dc.str(&d.errs, f.dot(".type")); ok {
				a.typ = dc.intern(b)
			}
		case "country":
			switch r.kind() {
			case '"': // 0.2/0.3: a code
				a.hasCountry = true
				a.country = dc.intern(r.str())
				if d.prefix != "" {
					d.errs = append(d.errs, fieldError{f.dot(".country"), errType("an object", '"')})
				}
			case '{':
				r.pos++
				for ok := r.first('}'); ok; ok = r.more('}') {
					switch string(r.key()) {
					case "code":
						a.hasCountry = true
						if b, ok := dc.str(&d.errs, f.dot(".country.code")); ok {
							a.country = dc.intern(b)
						}
					default:
						r.skip()
					}
				}
			default:
				d.errs = append(d.errs, fieldError{f.dot(".country"), errType("an object", r.kind())})
				r.skip()
			}
		default:
			r.skip()
		}
	}
	d.addresses = append(d.addresses, a)
}

func (dc *decoder) personName(d *rawDetails, i int) {
	r := dc.r
	f := d.pp.dot("names").at(i)
	if !dc.object(&d.errs, f) {
		return
	}
	var full, given, family []byte
	var name string
	for ok := r.first('}'); ok; ok = r.more('}') {
		switch string(r.key()) {
		case "fullName":
			if b, ok := dc.str(&d.errs, f.dot(".fullName")); ok {
				full = append(full[:0], b...)
			}
		case "givenName":
			if b, ok := dc.str(&d.errs, f.dot(".givenName")); ok {
				given = append(given[:0], b...)
			}
		case "familyName":
			if b, ok := dc.str(&d.errs, f.dot(".familyName")); ok {
				family = append(family[:0], b...)
			}
		default:
			r.skip()
		}
	}
	switch {
	case len(full) > 0:
		name = string(full)
	case len(given) > 0 && len(family) > 0:
		name = string(given) + " " + string(family)
	default:
		name = string(given) + string(family)
	}
	if d.personName == "" {
		d.personName = name
	}
}

// ref reads a subject or interested party.
func (dc *decoder) ref(d *rawDetails, ref *rawRef, f path) {
	r := dc.r
	ref.given = true
	switch r.kind() {
	case '"':
		ref.id = string(r.str())
	case '{':
		r.pos++
		for ok := r.first('}'); ok; ok = r.more('}') {
			switch string(r.key()) {
			case "describedByEntityStatement":
				if b, ok := dc.str(&d.errs, f.dot(".describedByEntityStatement")); ok {
					ref.id = string(b)
				}
			case "describedByPersonStatement":
				if b, ok := dc.str(&d.errs, f.dot(".describedByPersonStatement")); ok {
					ref.id = string(b)
					ref.byPerson = true
				}
			case "reason": // 0.4 unspecified record
				ref.unspecified = true
				if b, ok := dc.str(&d.errs, f.dot(".reason")); ok {
					ref.reason = dc.intern(b)
				}
			case "unspecified": // 0.2/0.3
				if dc.object(&d.errs, f.dot(".unspecified")) {
					ref.unspecified = true
					for ok := r.first('}'); ok; ok = r.more('}') {
						switch string(r.key()) {
						case "reason":
							if b, ok := dc.str(&d.errs, f.dot(".unspecified.reason")); ok {
								ref.reason = dc.intern(b)
							}
						default:
							r.skip()
						}
					}
				}
			default:
				r.skip()
			}
		}
		if !ref.unspecified && ref.id == "" {
			// An object without a reason or a reference: an unspecified
			// record missing its reason (0.4) or a reference missing its
			// statement (0.2/0.3).
			ref.unspecified = true
		}
	default:
		d.errs = append(d.errs, fieldError{f, errType("a string or an object", r.kind())})
		r.skip()
	}
}

func (dc *decoder) interest(d *rawDetails, i int) {
	r := dc.r
	f := d.pp.dot("interests").at(i)
	if !dc.object(&d.errs, f) {
		return
	}
	in := rawInterest{start: noDay, end: noDay, share: rawShare{exBool: [2]int8{-1, -1}}}
	for ok := r.first('}'); ok; ok = r.more('}') {
		switch kb := r.key(); string(kb) {
		case "type":
			in.hasType = true
			if b, ok := dc.str(&d.errs, f.dot(".type")); ok {
				in.typ = dc.intern(b)
			}
		case "directOrIndirect", "interestLevel":
			name := ".directOrIndirect"
			if string(kb) == "interestLevel" {
				name = ".interestLevel"
			}
			if b, ok := dc.str(&d.errs, f.dot(name)); ok {
				in.direct = dc.intern(b)
				if in.direct == "" {
					in.direct = "empty"
				}
			}
		case "beneficialOwnershipOrControl":
			in.bo, _ = dc.boolean(&d.errs, f.dot(".beneficialOwnershipOrControl"))
		case "details":
			if b, ok := dc.str(&d.errs, f.dot(".details")); ok {
				in.details = dc.intern(b)
			}
		case "share":
			if dc.object(&d.errs, f.dot(".share")) {
				in.hasShare = true
				n := len(d.errs)
				dc.share(d, &in.share, f.dot(".share"))
				in.shareErrs = len(d.errs) > n
			}
		case "startDate", "endDate":
			start := string(kb) == "startDate"
			name := ".endDate"
			if start {
				name = ".startDate"
			}
			if b, ok := dc.str(&d.errs, f.dot(name)); ok {
				dd, err := dc.date(b)
				if err != nil {
					d.errs = append(d.errs, fieldError{f.dot(name), err})
				} else if start {
					in.start = dd
				} else {
					in.end = dd
				}
			}
		default:
			r.skip()
		}
	}
	d.interests = append(d.interests, in)
}

func (dc *decoder) share(d *rawDetails, s *rawShare, f path) {
	r := dc.r
	for ok := r.first('}'); ok; ok = r.more('}') {
		var slot int
		var dst *decimal.Decimal
		var k string
		switch string(r.key()) {
		case "exact":
			slot, dst, k = hasExact, &s.exact, "exact"
		case "minimum":
			slot, dst, k = hasMin, &s.min, "minimum"
		case "maximum":
			slot, dst, k = hasMax, &s.max, "maximum"
		case "exclusiveMinimum":
			slot, dst, k = hasExMin, &s.exMin, "exclusiveMinimum"
		case "exclusiveMaximum":
			slot, dst, k = hasExMax, &s.exMax, "exclusiveMaximum"
		default:
			r.skip()
			continue
		}
		switch kind := r.kind(); {
		case kind == '0':
			p := dc.percent(r.number())
			if p.err != nil {
				d.errs = append(d.errs, fieldError{f.dot("." + k), p.err})
				continue
			}
			*dst = p.frac
			s.has[slot] = true
		case (kind == 't' || kind == 'f') && slot >= hasExMin:
			// 0.2/0.3: exclusiveMinimum and exclusiveMaximum are flags on
			// minimum and maximum.
			v := int8(0)
			if r.literal() == "true" {
				v = 1
			}
			s.exBool[slot-hasExMin] = v
		default:
			d.errs = append(d.errs, fieldError{f.dot("." + k), errType("a number", kind)})
			r.skip()
		}
	}
}

var hundred = decimal.NewFromInt(100)

// percent parses a percentage (a JSON number between 0 and 100) into the
// exact fraction of 1 it stands for.
func (dc *decoder) percent(b []byte) percent {
	if p, ok := dc.pct[string(b)]; ok {
		return p
	}
	p := parsePercent(b)
	if len(dc.pct) < 4096 {
		dc.pct[string(b)] = p
	}
	return p
}

// maxPlaces is the most decimal places a share may have in percent.
const maxPlaces = 40

func parsePercent(b []byte) percent {
	if len(b) == 0 {
		return percent{err: fmt.Errorf("%w: empty number", ErrField)}
	}
	// Split the JSON number into digits and an exponent without ever
	// building a huge power of ten.
	s := string(b)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	mant, exp := s, 0
	for i := 0; i < len(s); i++ {
		if s[i] == 'e' || s[i] == 'E' {
			mant = s[:i]
			e, err := strconv.Atoi(s[i+1:])
			if err != nil || e > 1000 || e < -1000 {
				e = 1001
				if len(s) > i+1 && s[i+1] == '-' {
					e = -1001
				}
			}
			exp = e
			break
		}
	}
	digits := mant
	if i := indexByte(mant, '.'); i >= 0 {
		digits = mant[:i] + mant[i+1:]
		exp -= len(mant) - i - 1
	}
	// Drop leading zeros; an all-zero mantissa is zero whatever the exponent.
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	if digits == "0" {
		return percent{frac: decimal.Zero}
	}
	if neg {
		return percent{err: fmt.Errorf("%w: %s is below 0", parties.ErrShareRange, b)}
	}
	// The value is digits × 10^exp with len(digits)+exp digits before the
	// point: above 100 as soon as that is more than 3.
	if len(digits)+exp > 3 {
		return percent{err: fmt.Errorf("%w: %s is above 100", parties.ErrShareRange, b)}
	}
	if -exp > maxPlaces || len(digits) > 60 {
		return percent{err: fmt.Errorf("%w: %s has more than %d decimal places", ErrField, b, maxPlaces)}
	}
	var v decimal.Decimal
	if len(digits) <= 18 {
		n, _ := strconv.ParseInt(digits, 10, 64)
		v = decimal.New(n, int32(exp))
	} else {
		n, _ := new(big.Int).SetString(digits, 10)
		v = decimal.NewFromBigInt(n, int32(exp))
	}
	if v.Cmp(hundred) > 0 {
		return percent{err: fmt.Errorf("%w: %s is above 100", parties.ErrShareRange, b)}
	}
	return percent{frac: v.Shift(-2)}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// date parses a full date, YYYY-MM-DD.
func (dc *decoder) date(b []byte) (day, error) {
	if string(b) == dc.lastDate && dc.lastDate != "" {
		return dc.lastDay, nil
	}
	if d, ok := dc.days[string(b)]; ok {
		dc.lastDate, dc.lastDay = string(b), d
		return d, nil
	}
	d, ok := parseDay(b)
	if !ok {
		return noDay, fmt.Errorf("%w: %q is not a date (YYYY-MM-DD)", ErrField, b)
	}
	if len(dc.days) < 16384 {
		dc.days[string(b)] = d
	}
	return d, nil
}

func parseDay(b []byte) (day, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return noDay, false
	}
	num := func(s []byte) (int, bool) {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(b[0:4])
	m, ok2 := num(b[5:7])
	dd, ok3 := num(b[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || dd < 1 || dd > 31 {
		return noDay, false
	}
	t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
	if t.Day() != dd {
		return noDay, false // 2023-02-30
	}
	return day(floorDiv(t.Unix(), 86400)), true
}

// dateTime parses a statement date: a full date or an RFC 3339 date-time.
// It returns the instant (Unix seconds) and its day in UTC.
func (dc *decoder) dateTime(b []byte) (int64, day, error) {
	if len(b) == 10 {
		d, err := dc.date(b)
		return int64(d) * 86400, d, err
	}
	t, err := time.Parse(time.RFC3339, string(b))
	if err != nil {
		return 0, noDay, fmt.Errorf("%w: %q is not a date or date-time", ErrField, b)
	}
	return t.Unix(), dayOf(t.UTC()), nil
}

// idName returns the member name of a statement ID as a constant.
func idName(k []byte) string {
	if string(k) == "statementID" {
		return "statementID"
	}
	return "statementId"
}

// code returns the constant string for the most common codes of the
// standard, without a map look-up; "" for any other value.
func code(b []byte) string {
	switch string(b) {
	case "entity":
		return "entity"
	case "person":
		return "person"
	case "relationship":
		return "relationship"
	case "new":
		return "new"
	case "updated":
		return "updated"
	case "closed":
		return "closed"
	case "registeredEntity":
		return "registeredEntity"
	case "legalEntity":
		return "legalEntity"
	case "knownPerson":
		return "knownPerson"
	case "shareholding":
		return "shareholding"
	case "votingRights":
		return "votingRights"
	case "direct":
		return "direct"
	case "indirect":
		return "indirect"
	case "unknown":
		return "unknown"
	}
	return ""
}
