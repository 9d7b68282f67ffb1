package bods_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/parties/bods"
)

// Statement builders for inline cases (BODS 0.4).

func sid(n string) string { return fmt.Sprintf("%-32s", "stmt-"+n) }

func entity(id, extra string) string {
	return fmt.Sprintf(`{"statementId":%q,"statementDate":"2024-01-01","recordId":%q,"recordType":"entity",
	"recordDetails":{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Entity %s"%s}}`, sid(id), id, id, extra)
}

func person(id, extra string) string {
	return fmt.Sprintf(`{"statementId":%q,"statementDate":"2024-01-01","recordId":%q,"recordType":"person",
	"recordDetails":{"isComponent":false,"personType":"knownPerson","names":[{"fullName":"Person %s"}]%s}}`, sid(id), id, id, extra)
}

func rel(id, subject, party, interests string) string {
	return fmt.Sprintf(`{"statementId":%q,"statementDate":"2024-01-01","recordId":%q,"recordType":"relationship",
	"recordDetails":{"isComponent":false,"subject":%q,"interestedParty":%q,"interests":[%s]}}`, sid(id), id, subject, party, interests)
}

// dated gives a statement another statement ID, date and record status.
func dated(stmt, id, date, status string) string {
	stmt = strings.Replace(stmt, `"statementDate":"2024-01-01"`, `"statementDate":"`+date+`"`, 1)
	if status != "" {
		stmt = strings.Replace(stmt, `"recordType"`, `"recordStatus":"`+status+`","recordType"`, 1)
	}
	return strings.Replace(stmt, `"statementId":"stmt-`, `"statementId":"stmt-`+id+`-`, 1)
}

func doc(stmts ...string) string { return "[" + strings.Join(stmts, ",\n") + "]" }

// Statements of BODS 0.2/0.3.

const oldDoc = `[
{"statementID":"0000000000000000000000000000000e1","statementType":"entityStatement","statementDate":"2018-01-01",
 "entityType":"registeredEntity","name":"Old Co","jurisdiction":{"name":"United Kingdom","code":"GB"},
 "addresses":[{"type":"registered","address":"London","country":"GB"}]},
{"statementID":"0000000000000000000000000000000p1","statementType":"personStatement","statementDate":"2018-01-01",
 "personType":"knownPerson","names":[{"type":"individual","givenName":"Ann","familyName":"Old"}],
 "nationalities":[{"code":"FR"}]},
{"statementID":"0000000000000000000000000000000r1","statementType":"ownershipOrControlStatement","statementDate":"2018-01-01",
 "subject":{"describedByEntityStatement":"0000000000000000000000000000000e1"},
 "interestedParty":{"describedByPersonStatement":"0000000000000000000000000000000p1"},
 "interests":[{"type":"shareholding","interestLevel":"direct","share":{"minimum":25,"maximum":50}},
              {"type":"voting-rights","interestLevel":"direct","share":{"minimum":25,"maximum":50}},
              {"type":"appointment-of-board","interestLevel":"direct"}]},
{"statementID":"0000000000000000000000000000000r2","statementType":"ownershipOrControlStatement","statementDate":"2018-01-01",
 "subject":{"describedByEntityStatement":"0000000000000000000000000000000e1"},
 "interestedParty":{"unspecified":{"reason":"interestedPartyHasNotProvidedInformation","description":"asked"}},
 "interests":[{"type":"shareholding","share":{"exact":50,"minimum":50,"maximum":50}}]}
]`

func TestImportCases(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		opts  *bods.ImportOptions
		check func(t *testing.T, res *bods.Result)
		// errs lists texts that must each appear in the error; nil means
		// the import must succeed.
		errs []string
		is   []error
	}{
		{
			name: "exact share and jurisdictions",
			doc: doc(entity("co", `,"jurisdiction":{"name":"US","code":"US"},"addresses":[{"type":"registered","country":{"name":"x","code":"KY"}},{"type":"business","country":{"name":"x","code":"CN"}}]`),
				person("p", `,"nationalities":[{"name":"x","code":"DE"},{"name":"y","code":"FR"}],"addresses":[{"type":"residence","country":{"name":"x","code":"CH"}}]`),
				rel("r", "co", "p", `{"type":"shareholding","share":{"exact":12.5}}`)),
			check: func(t *testing.T, res *bods.Result) {
				co, _ := res.Register.Party("co")
				p, _ := res.Register.Party("p")
				if co.Jurisdiction.Code() != "US" || co.Headquarters.Code() != "CN" || p.Jurisdiction.Code() != "DE" || p.Headquarters.Code() != "CH" {
					t.Fatalf("jurisdictions: %+v %+v", co, p)
				}
				for s := range res.Register.Stakes() {
					requireShare(t, exact("0.125"), s.Economic, "economic")
					if !s.Voting.IsZero() {
						t.Fatal("voting given")
					}
				}
			},
		},
		{
			name: "shareholding and voting rights make one stake",
			doc: doc(entity("co", ""), person("p", ""),
				rel("r", "co", "p", `{"type":"shareholding","share":{"exact":10},"startDate":"2020-01-01"},
					{"type":"votingRights","share":{"minimum":20,"maximum":30},"startDate":"2020-01-01"}`)),
			check: func(t *testing.T, res *bods.Result) {
				n := 0
				for s := range res.Register.Stakes() {
					n++
					requireShare(t, exact("0.1"), s.Economic, "economic")
					requireShare(t, between("0.2", "0.3"), s.Voting, "voting")
					if date(s.From) != "2020-01-01" {
						t.Fatalf("from %s", s.From)
					}
				}
				if n != 1 {
					t.Fatalf("%d stakes", n)
				}
			},
		},
		{
			name: "voting rights alone",
			doc:  doc(entity("co", ""), person("p", ""), rel("r", "co", "p", `{"type":"votingRights","share":{"exact":30}}`)),
			check: func(t *testing.T, res *bods.Result) {
				for s := range res.Register.Stakes() {
					requireShare(t, exact("0"), s.Economic, "economic")
					requireShare(t, exact("0.3"), s.Voting, "voting")
				}
			},
		},
		{
			name: "shareholding without a share is 0-100%",
			doc:  doc(entity("co", ""), person("p", ""), rel("r", "co", "p", `{"type":"shareholding"}`)),
			check: func(t *testing.T, res *bods.Result) {
				requireOwners(t, res.Register, "co", "p=0..1")
			},
		},
		{
			name: "exclusive bounds become closed",
			doc: doc(entity("co", ""), person("p", ""),
				rel("r", "co", "p", `{"type":"shareholding","share":{"exclusiveMinimum":25,"exclusiveMaximum":50}}`)),
			check: func(t *testing.T, res *bods.Result) {
				requireOwners(t, res.Register, "co", "p=0.25..0.5")
			},
		},
		{
			name: "the tighter of two bounds counts",
			doc: doc(entity("co", ""), person("p", ""),
				rel("r", "co", "p", `{"type":"shareholding","share":{"minimum":20,"exclusiveMinimum":25,"maximum":40,"exclusiveMaximum":50}}`)),
			check: func(t *testing.T, res *bods.Result) {
				requireOwners(t, res.Register, "co", "p=0.25..0.4")
			},
		},
		{
			name: "shares keep every digit",
			doc: doc(entity("co", ""), person("p", ""),
				rel("r", "co", "p", `{"type":"shareholding","share":{"exact":33.333333333333333333333}}`)),
			check: func(t *testing.T, res *bods.Result) {
				requireOwners(t, res.Register, "co", "p=0.33333333333333333333333")
			},
		},
		{
			name: "indirect shareholding is a control fact",
			doc: doc(entity("co", ""), person("p", ""),
				rel("r", "co", "p", `{"type":"shareholding","directOrIndirect":"indirect","share":{"exact":30},"beneficialOwnershipOrControl":true}`)),
			check: func(t *testing.T, res *bods.Result) {
				if n := len(owners(t, res.Register, "co")); n != 0 {
					t.Fatalf("%d owners", n)
				}
				if len(res.Controls) != 1 || res.Controls[0].Type != bods.Shareholding || !res.Controls[0].BeneficialOwnershipOrControl {
					t.Fatalf("controls: %+v", res.Controls)
				}
				requireShare(t, exact("0.3"), res.Controls[0].Share, "fact share")
			},
		},
		{
			name: "unspecified interested party",
			doc: doc(entity("co", ""),
				`{"statementId":"`+sid("r")+`","statementDate":"2024-01-01","recordId":"r","recordType":"relationship",
				"recordDetails":{"isComponent":false,"subject":"co","interestedParty":{"reason":"informationUnknownToPublisher"},
				"interests":[{"type":"shareholding","share":{"exact":100}}]}}`),
			check: func(t *testing.T, res *bods.Result) {
				requireOwners(t, res.Register, "co", "r/interestedParty=1")
				p, _ := res.Register.Party("r/interestedParty")
				if p.Kind != parties.Unknown || p.Reason != "informationUnknownToPublisher" || !p.HasTag(bods.TagUnspecified) {
					t.Fatalf("%#v", p)
				}
			},
		},
		{
			name: "state body and source",
			doc: doc(`{"statementId":"` + sid("s") + `","statementDate":"2024-02-03","recordId":"s","recordType":"entity",
				"source":{"type":["selfDeclaration","officialRegister"],"url":"https://example.org/register","description":"filed"},
				"recordDetails":{"isComponent":false,"entityType":{"type":"stateBody","subtype":"governmentDepartment"},"name":"Ministry"}}`),
			check: func(t *testing.T, res *bods.Result) {
				p, _ := res.Register.Party("s")
				if p.Kind != parties.State || p.Source.URL != "https://example.org/register" || p.Source.Confidence != parties.Confirmed ||
					p.Source.Note != "filed" || date(p.Source.Date) != "2024-02-03" || !p.HasTag("bods:governmentDepartment") {
					t.Fatalf("%#v", p)
				}
			},
		},
		{
			name: "as of a date",
			doc: doc(entity("co", ""), person("a", ""), person("b", ""),
				rel("r1", "co", "a", `{"type":"shareholding","share":{"exact":100},"startDate":"2010-01-01","endDate":"2020-01-01"}`),
				rel("r2", "co", "b", `{"type":"shareholding","share":{"exact":100},"startDate":"2020-01-01"}`)),
			opts: &bods.ImportOptions{AsOf: day("2015-06-01")},
			check: func(t *testing.T, res *bods.Result) {
				requireOwners(t, res.Register, "co", "a=1")
				requireOwners(t, res.Register.AsOf(day("2021-01-01")), "co", "b=1")
			},
		},
		{
			name: "record updated and closed",
			doc: doc(entity("co", ""), person("a", ""),
				dated(rel("r", "co", "a", `{"type":"shareholding","share":{"exact":10},"startDate":"2019-01-01"}`), "r1", "2019-01-15", ""),
				dated(rel("r", "co", "a", `{"type":"shareholding","share":{"exact":20},"startDate":"2021-06-01"}`), "r2", "2021-07-01", ""),
				dated(rel("r", "co", "a", `{"type":"shareholding","share":{"exact":20},"startDate":"2021-06-01"}`), "r3", "2023-01-01", "closed")),
			check: func(t *testing.T, res *bods.Result) {
				var got []string
				for s := range res.Register.Stakes() {
					got = append(got, frac(s.Economic)+" "+date(s.From)+" "+date(s.Until))
				}
				want := []string{"0.1 2019-01-01 2021-06-01", "0.2 2021-06-01 2023-01-01"}
				if strings.Join(got, ";") != strings.Join(want, ";") {
					t.Fatalf("stakes %q, want %q", got, want)
				}
			},
		},
		{
			name: "BODS 0.2/0.3",
			doc:  oldDoc,
			check: func(t *testing.T, res *bods.Result) {
				e1, p1 := parties.ID("0000000000000000000000000000000e1"), parties.ID("0000000000000000000000000000000p1")
				requireOwners(t, res.Register, e1, string(p1)+"=0.25..0.5", "0000000000000000000000000000000r2/interestedParty=0.5")
				co, _ := res.Register.Party(e1)
				p, _ := res.Register.Party(p1)
				if co.Jurisdiction.Code() != "GB" || co.Headquarters.Code() != "GB" || p.Name != "Ann Old" || p.Jurisdiction.Code() != "FR" {
					t.Fatalf("%+v %+v", co, p)
				}
				for s := range res.Register.Holders(e1) {
					if s.Holder == p1 {
						requireShare(t, between("0.25", "0.5"), s.Voting, "voting")
					}
				}
				requireControls(t, res, string(p1)+" appointmentOfBoard direct")
			},
		},
		{
			name: "BODS 0.2/0.3 replaced statements",
			doc: `[
{"statementID":"0000000000000000000000000000000e1","statementType":"entityStatement","statementDate":"2018-01-01","entityType":"registeredEntity","name":"Co"},
{"statementID":"0000000000000000000000000000000p1","statementType":"personStatement","statementDate":"2018-01-01","personType":"knownPerson"},
{"statementID":"0000000000000000000000000000000r1","statementType":"ownershipOrControlStatement","statementDate":"2018-01-01",
 "subject":{"describedByEntityStatement":"0000000000000000000000000000000e1"},"interestedParty":{"describedByPersonStatement":"0000000000000000000000000000000p1"},
 "interests":[{"type":"shareholding","share":{"exact":40},"startDate":"2017-01-01"}]},
{"statementID":"0000000000000000000000000000000p2","statementType":"personStatement","statementDate":"2019-01-01","personType":"knownPerson",
 "names":[{"fullName":"Renamed"}],"replacesStatements":["0000000000000000000000000000000p1"]},
{"statementID":"0000000000000000000000000000000r2","statementType":"ownershipOrControlStatement","statementDate":"2019-01-01",
 "subject":{"describedByEntityStatement":"0000000000000000000000000000000e1"},"interestedParty":{"describedByPersonStatement":"0000000000000000000000000000000p2"},
 "interests":[{"type":"shareholding","share":{"exact":60},"startDate":"2018-06-01"}],"replacesStatements":["0000000000000000000000000000000r1"]}
]`,
			check: func(t *testing.T, res *bods.Result) {
				if _, ok := res.Register.Party("0000000000000000000000000000000p1"); ok {
					t.Fatal("replaced person still present")
				}
				requireOwners(t, res.Register.AsOf(day("2018-01-01")), "0000000000000000000000000000000e1", "0000000000000000000000000000000p2=0.4")
				requireOwners(t, res.Register.AsOf(day("2019-01-01")), "0000000000000000000000000000000e1", "0000000000000000000000000000000p2=0.6")
			},
		},
		{
			name: "empty array",
			doc:  "[]",
			check: func(t *testing.T, res *bods.Result) {
				if res.Register.Len() != 0 || res.Statements != 0 {
					t.Fatal("not empty")
				}
			},
		},
		{
			name: "missing record",
			doc:  doc(entity("co", ""), rel("r", "co", "nobody", `{"type":"shareholding","share":{"exact":10}}`)),
			errs: []string{sid("r"), `"nobody"`},
			is:   []error{bods.ErrMissingRecord},
		},
		{
			name: "missing record allowed",
			doc:  doc(entity("co", ""), rel("r", "co", "nobody", `{"type":"shareholding","share":{"exact":10}}`)),
			opts: &bods.ImportOptions{AllowMissing: true},
			check: func(t *testing.T, res *bods.Result) {
				p, _ := res.Register.Party("nobody")
				if p.Kind != parties.Unknown || !p.HasTag(bods.TagMissing) {
					t.Fatalf("%#v", p)
				}
			},
		},
		{
			name: "every problem at once",
			doc: doc(entity("co", `,"jurisdiction":{"name":"x","code":"XX"}`), person("p", ""),
				rel("r1", "co", "p", `{"type":"shareholding","share":{"exact":101}}`),
				rel("r2", "co", "p", `{"type":"shareholding","share":{"minimum":60,"maximum":40}}`),
				rel("r3", "p", "co", `{"type":"shareholding","share":{"exact":10}}`)),
			errs: []string{sid("co"), "jurisdiction.code", sid("r1"), "share.exact", sid("r2"), "minimum 60% is above maximum 40%",
				sid("r3"), "is a person, not an entity"},
			is: []error{parties.ErrShareRange, parties.ErrInvertedRange, parties.ErrJurisdiction},
		},
		{
			name: "holders over 100%",
			doc: doc(entity("co", ""), person("a", ""), person("b", ""),
				rel("r1", "co", "a", `{"type":"shareholding","share":{"exact":60}}`),
				rel("r2", "co", "b", `{"type":"shareholding","share":{"exact":60}}`)),
			errs: []string{sid("co"), "more than 100%"},
			is:   []error{parties.ErrOverOwned},
		},
		{
			name: "end before start",
			doc: doc(entity("co", ""), person("a", ""),
				rel("r", "co", "a", `{"type":"shareholding","share":{"exact":60},"startDate":"2020-01-01","endDate":"2019-01-01"}`)),
			errs: []string{sid("r"), "interests[0].endDate"},
			is:   []error{parties.ErrDates},
		},
		{
			name: "holding itself",
			doc:  doc(entity("co", ""), rel("r", "co", "co", `{"type":"shareholding","share":{"exact":10}}`)),
			errs: []string{sid("r")},
			is:   []error{parties.ErrSelfStake},
		},
		{
			name: "huge exponent",
			doc:  doc(entity("co", ""), person("p", ""), rel("r", "co", "p", `{"type":"shareholding","share":{"exact":1e999999999}}`)),
			errs: []string{sid("r"), "above 100"},
		},
		{
			name: "0.4 flags as booleans",
			doc:  doc(entity("co", ""), person("p", ""), rel("r", "co", "p", `{"type":"shareholding","share":{"minimum":10,"exclusiveMinimum":true}}`)),
			errs: []string{sid("r"), "exclusiveMinimum"},
		},
		{
			name: "syntax error",
			doc:  `[` + entity("co", "") + `,{"statementId": }]`,
			is:   []error{bods.ErrSyntax},
		},
		{
			name: "trailing data",
			doc:  `[] []`,
			is:   []error{bods.ErrSyntax},
		},
		{
			name: "not an array",
			doc:  `{"statements": []}`,
			is:   []error{bods.ErrNotArray},
		},
		{
			name: "statement not an object",
			doc:  `[1]`,
			errs: []string{"statement #1"},
			is:   []error{bods.ErrField},
		},
		{
			name: "escapes and invalid UTF-8",
			doc: "[{\"statementId\":\"" + sid("x") + "\",\"statementDate\":\"2024-01-01\",\"recordId\":\"c\\u00f6\\ud83d\\ude00\"," +
				"\"recordType\":\"entity\",\"recordDetails\":{\"isComponent\":false,\"entityType\":{\"type\":\"registeredEntity\"}," +
				"\"name\":\"a\xffb\\n\",\"jurisdiction\":{\"name\":\"\",\"code\":\"G\\u0042\"}}}]",
			check: func(t *testing.T, res *bods.Result) {
				p, ok := res.Register.Party("c\u00f6\U0001F600")
				if !ok || p.Jurisdiction.Code() != "GB" || p.Name != "a\uFFFDb\n" {
					t.Fatalf("%#v", p)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := importString(t, tt.doc, tt.opts)
			if tt.errs == nil && tt.is == nil {
				if err != nil {
					t.Fatal(err)
				}
				tt.check(t, res)
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, want := range tt.errs {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error does not mention %q:\n%v", want, err)
				}
			}
			for _, want := range tt.is {
				if !errors.Is(err, want) {
					t.Errorf("error is not %v:\n%v", want, err)
				}
			}
		})
	}
}

func TestInterestTypeText(t *testing.T) {
	for _, it := range bods.InterestTypes {
		b, err := it.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back bods.InterestType
		if err := back.UnmarshalText(b); err != nil || back != it {
			t.Fatalf("%s: %v %q", it, err, back)
		}
	}
	var it bods.InterestType
	if err := it.UnmarshalText([]byte("voting-rights")); err != nil || it != bods.VotingRights {
		t.Fatalf("0.2 code: %v %q", err, it)
	}
	if err := it.UnmarshalText([]byte("share")); !errors.Is(err, bods.ErrField) {
		t.Fatalf("unknown code: %v", err)
	}
	if _, err := bods.InterestType("bogus").MarshalText(); err == nil {
		t.Fatal("marshalled an invalid type")
	}
}

// TestImportSmallReads feeds the input a byte at a time, so that every token
// straddles the reader's buffer refills.
func TestImportSmallReads(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "tecido.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := bods.Import(bytes.NewReader(raw), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := bods.Import(iotest.OneByteReader(bytes.NewReader(raw)), nil)
	if err != nil {
		t.Fatal(err)
	}
	requireSameFacts(t, want, got)
	big := doc(entity("co", `,"name":"`+strings.Repeat("x", 300<<10)+`"`))
	if _, err := bods.Import(iotest.HalfReader(strings.NewReader(big)), nil); err != nil {
		t.Fatal(err)
	}
}
