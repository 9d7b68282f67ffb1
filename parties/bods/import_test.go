package bods_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/parties/bods"
)

// TestImportExamples imports every worked example of the standard and checks
// figures worked out by hand for several of them.
func TestImportExamples(t *testing.T) {
	dir := bodsDir(t, "examples")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples in %s: %v", dir, err)
	}
	checks := map[string]func(t *testing.T, res *bods.Result){
		"bods-package.json": func(t *testing.T, res *bods.Result) {
			requireOwners(t, res.Register, "c359f58d2977", "10478c6cf6de=1")
			p, _ := res.Register.Party("10478c6cf6de")
			if p.Kind != parties.Person || p.Jurisdiction.Code() != "GB" || p.Name != "Jennifer Hewitson-Smith" {
				t.Errorf("person: %+v", p)
			}
		},
		"bods-package-entity-owning-entity.json": func(t *testing.T, res *bods.Result) {
			// minimum 75, exclusiveMaximum 100: the closure [0.75, 1].
			requireOwners(t, res.Register, "12b7dd0770ce", "e83cce729ada=0.75..1")
		},
		"simple-pep-declaration.json": func(t *testing.T, res *bods.Result) {
			for s := range res.Register.Stakes() {
				requireShare(t, between("0.25", "0.5"), s.Economic, "economic")
				requireShare(t, between("0.25", "0.5"), s.Voting, "voting")
			}
		},
		"bods-package-fi-soe.json": func(t *testing.T, res *bods.Result) {
			// The ministry holds 23.5% directly and 76.5% through its 100%
			// subsidiary; a state body is not looked through.
			requireOwners(t, res.Register, "19f1c5afe9d7", "7ff95ba3682c=1")
			p, _ := res.Register.Party("05ce06ec97b1")
			if p.Kind != parties.State || p.Jurisdiction.Code() != "FI" {
				t.Errorf("state: %+v", p)
			}
			// The state's control of the ministry and its declared indirect
			// 100% are control facts, not stakes.
			requireControls(t, res, "05ce06ec97b1 otherInfluenceOrControl direct", "05ce06ec97b1 shareholding indirect")
		},
		"joint-ownership.json": func(t *testing.T, res *bods.Result) {
			requireOwners(t, res.Register, "31c55e425764", "1accb8b18b99=0.5", "f040df24d9ec=0.5")
			p, _ := res.Register.Party("91b4236a7d89")
			if p.Kind != parties.Consortium {
				t.Errorf("arrangement: %+v", p)
			}
		},
		"indirect-ownership.json": func(t *testing.T, res *bods.Result) {
			// Person 1's interest in Company B is of unknown type, so Company
			// B is at the top of the stakes; the declared indirect 30% is a
			// control fact.
			requireOwners(t, res.Register, "ad3f6c2fcc9e", "d4ab89ea169a=0.6")
			requireControls(t, res, "c25d4d612c2c  unknown", "c25d4d612c2c shareholding indirect")
		},
		"mixed-direct-and-indirect-ownership.json": func(t *testing.T, res *bods.Result) {
			requireOwners(t, res.Register, "9bfe59b6a869", "53508b65253f=0.5", "ec61aeda7141=0.5")
		},
		"fermcat.json": func(t *testing.T, res *bods.Result) {
			requireOwners(t, res.Register.AsOf(day("2020-01-01")), "ent-93c75c87ab28f889",
				"per-41c0bb0cef246f7c=0.5", "per-5faa4103dee78621=0.5")
			requireOwners(t, res.Register.AsOf(day("2021-06-01")), "ent-93c75c87ab28f889",
				"per-41c0bb0cef246f7c=0.5", "per-e334cc6258e56467=0.5")
			requireOwners(t, res.Register.AsOf(day("2022-06-01")), "ent-93c75c87ab28f889",
				"per-41c0bb0cef246f7c=1")
			// The latest statement of a person wins: Riyadh's first
			// nationality is Iraqi.
			p, _ := res.Register.Party("per-5faa4103dee78621")
			if p.Jurisdiction.Code() != "IQ" || p.Source.Confidence != parties.Reported {
				t.Errorf("person: %+v", p)
			}
			// Riyadh's board membership ends with his shareholding.
			for _, c := range res.Controls {
				if c.InterestedParty == "per-5faa4103dee78621" && date(c.Until) != "2021-04-03" {
					t.Errorf("board membership: %+v", c)
				}
			}
		},
		"tecido.json": func(t *testing.T, res *bods.Result) {
			requireOwners(t, res.Register.AsOf(day("2010-01-01")), "01B68D7633", "018AF6B3EB=1")
			requireOwners(t, res.Register.AsOf(day("2022-01-01")), "01B68D7633", "018AF6B3EB=0.4", "033E84672B=0.6")
			requireOwners(t, res.Register.AsOf(day("2022-12-01")), "01B68D7633", "033E84672B=0.7", "018AF6B3EB=0.3")
			// Maria's record is closed in the declaration that raised Shear
			// Trust to 80% from 2023-03-01.
			requireOwners(t, res.Register.AsOf(day("2023-06-01")), "01B68D7633", "033E84672B=0.8")
			p, _ := res.Register.Party("01B68D7633")
			if p.Jurisdiction.Code() != "US" { // US-DE
				t.Errorf("Tecido: %+v", p)
			}
		},
		"levent.json": func(t *testing.T, res *bods.Result) {
			p, _ := res.Register.Party("81337a6e")
			if p.Kind != parties.Unknown || p.Reason != "interestedPartyExemptFromDisclosure" || !p.HasTag("bods:anonymousPerson") {
				t.Errorf("anonymous beneficiary: %+v", p)
			}
			requireControls(t, res, "700c264e trustee direct", "d8855000 settlor direct", "d8855000 trustee direct",
				"81337a6e beneficiaryOfLegalArrangement direct")
		},
		"listed-company-exempt-from-disclosure.json": func(t *testing.T, res *bods.Result) {
			p, ok := res.Register.Party("fa402c4818f9/interestedParty")
			if !ok || p.Kind != parties.Unknown || p.Reason != "subjectExemptFromDisclosure" {
				t.Errorf("unspecified owner: %+v", p)
			}
			requireControls(t, res, "fa402c4818f9/interestedParty  ")
		},
		"nomination.json": func(t *testing.T, res *bods.Result) {
			requireControls(t, res, "101AB1984F nominator direct", "102AB1984E nominee direct",
				"103AB1984D boardMember direct", "101AB1984F otherInfluenceOrControl indirect")
		},
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			res, err := importFile(t, f, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Statements == 0 {
				t.Fatal("no statements read")
			}
			if check := checks[name]; check != nil {
				check(t, res)
			}
		})
	}
}

func requireOwners(t testing.TB, reg *parties.Register, subject parties.ID, want ...string) {
	t.Helper()
	got := owners(t, reg, subject)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("owners of %s: want %v, got %v", subject, want, got)
	}
}

// requireControls checks the control facts as "party type directness".
func requireControls(t testing.TB, res *bods.Result, want ...string) {
	t.Helper()
	var got []string
	for _, c := range res.Controls {
		got = append(got, string(c.InterestedParty)+" "+string(c.Type)+" "+c.DirectOrIndirect)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("controls: want %q, got %q", want, got)
	}
}

// readFields maps the file-name prefixes of the standard's invalid test
// statements to whether the field they break is one the importer reads
// (see the package documentation).
var readFields = []struct {
	prefix string
	read   bool
}{
	{"entity_addressType_", true},
	{"entity_address_country_code_", true},
	{"entity_address_country_no_object", true},
	{"entity_address_country_", false}, // country.name
	{"entity_address_not_string", false},
	{"entity_addresses_", true},
	{"entity_postcode_", false},
	{"entity_alternate_names_", false},
	{"entity_dissolution_date_", false},
	{"entity_formed_by_statute_", false},
	{"entity_founding_date_", false},
	{"entity_identifiers_", false},
	{"entity_isComponent_", false},
	{"entity_recordDetails_missing_isComponent", false},
	{"entity_jurisdiction_code_", true},
	{"entity_jurisdiction_not_object", true},
	{"entity_jurisdiction_", false}, // jurisdiction.name
	{"entity_missing_declarationSubject", false},
	{"entity_name_", true},
	{"entity_public_listing_", false},
	{"entity_security_", false},
	{"entity_statementDate_", true},
	{"entity_type_details_", false},
	{"entity_type_", true},
	{"entity_unspecified_entity_description_", false},
	{"entity_unspecified_entity_", true},
	{"entity_uri_", false},
	{"person_PepStatusDetails_", false},
	{"person_politicalExposure_", false},
	{"person_addresses_", true},
	{"person_birth_", false},
	{"person_death_", false},
	{"person_identifiers_", false},
	{"person_isComponent_", false},
	{"person_iscomponent_", false},
	{"person_names_type_", false},
	{"person_names_patronymic", false},
	{"person_names_fullName_missing", false}, // a missing fullName is not checked
	{"person_names_", true},
	{"person_taxResidencies_", false},
	{"person_type_", true},
	{"person_unspecified_person_details_", true},
	{"publication_details_", false},
	{"relationship_component_records_", false},
	{"relationship_isComponent_", false},
	{"relationship_", true},
	{"statement_annotations", false},
	{"statement_declaration", false},
	{"statement_source_assertedBy_", false},
	{"statement_source_retrievedAt_", false},
	{"statement_source_", true},
	{"statement_", true},
	{"statements_not_array", true},
}

func fieldRead(name string) (read, known bool) {
	for _, f := range readFields {
		if strings.HasPrefix(name, f.prefix) {
			return f.read, true
		}
	}
	return false, false
}

// TestImportInvalidStatements checks that every test statement of the
// standard that breaks a field the importer reads is rejected with an error
// naming the statement.
func TestImportInvalidStatements(t *testing.T) {
	dir := bodsDir(t, "invalid-statements")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no invalid statements in %s: %v", dir, err)
	}
	accepted := 0
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			read, known := fieldRead(name)
			if !known {
				t.Fatalf("%s: no entry in readFields for this file", name)
			}
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// The test statements refer to records of other files; let such
			// references stand so that only the broken field counts.
			_, err = bods.Import(bytes.NewReader(raw), &bods.ImportOptions{AllowMissing: true})
			if !read {
				if err == nil {
					accepted++
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted, though it breaks a field the importer reads")
			}
			if name == "statements_not_array.json" {
				if !errors.Is(err, bods.ErrNotArray) {
					t.Fatalf("want ErrNotArray, got %v", err)
				}
				return
			}
			se, ok := errors.AsType[*bods.StatementError](err)
			if !ok {
				t.Fatalf("not a *StatementError: %v", err)
			}
			if se.StatementID == "" && se.Index != 0 {
				t.Fatalf("error names no statement: %v", err)
			}
			if id := statementID(raw); id != "" && !strings.Contains(err.Error(), id) {
				t.Fatalf("error does not name statement %q: %v", id, err)
			}
		})
	}
	t.Logf("%d files breaking fields the importer does not read were accepted", accepted)
}

// statementID digs the statement ID out of a one-statement test file, if
// it is a string of the allowed length.
func statementID(raw []byte) string {
	s := string(raw)
	i := strings.Index(s, `"statementId"`)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(s[i+len(`"statementId"`):], " \t\r\n:")
	if !strings.HasPrefix(rest, `"`) {
		return ""
	}
	id, _, _ := strings.Cut(rest[1:], `"`)
	if len(id) < 32 || len(id) > 64 {
		return id[:min(len(id), 5)]
	}
	return id
}

// TestImportValidStatements imports each of the standard's valid test
// statements. (They are independent tests: together they would give one
// record ID to an entity and a person, which is an error.)
func TestImportValidStatements(t *testing.T) {
	dir := bodsDir(t, "valid-statements")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no valid statements in %s: %v", dir, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			// Relationship test statements refer to records of other files.
			res, err := importFile(t, f, &bods.ImportOptions{AllowMissing: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Statements == 0 {
				t.Fatal("no statements read")
			}
		})
	}
}
