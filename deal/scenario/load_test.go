package scenario_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/deal/scenario"
	"github.com/dealscape/dealscape/internal/fixture"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/dealscape/dealscape/regulator/regimes"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// messages returns the messages of the errors joined in err, one a line.
func messages(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"empty", "", "t.yaml:1:1: the document is empty"},
		{"comments only", "# nothing\n", "t.yaml:1:1: the document is empty"},
		{"syntax", "as_of: 2020-01-01\nparties: [{id: a}\n", "t.yaml:1: did not find expected ',' or ']'"},
		{"two documents", "as_of: 2020-01-01\nparties: [{id: a}]\n---\nname: x\n",
			"t.yaml:3:1: a second document follows the first; a file holds one scenario"},
		{"not a mapping", "- a\n- b\n", "t.yaml:1:1: want a mapping, not a list"},
		{"missing fields", "name: x\n", "t.yaml:1:1: missing field \"as_of\"\nt.yaml:1:1: missing field \"parties\""},
		{"bad date", "as_of: 2020-13-01\nparties: []\n", `t.yaml:1:8: as_of: "2020-13-01" is not a valid date`},
		{"date syntax", "as_of: 14/09/2020\nparties: []\n", `t.yaml:1:8: as_of: "14/09/2020" is not a date (want YYYY-MM-DD)`},
		{"unknown field", "as_of: 2020-01-01\nparties: []\nparty: []\n", `t.yaml:3:1: party: unknown field "party" (did you mean "parties"?)`},
		{"enums and codes", "as_of: 2020-01-01\nparties:\n  - {id: a, kind: firm}\n  - {id: b, jurisdiction: XX}\n  - {id: c, jurisdiction: USA}\n",
			"t.yaml:3:19: parties[0].kind: \"firm\" is not one of company, fund, state, person, consortium, unknown\n" +
				"t.yaml:4:27: parties[1].jurisdiction: invalid jurisdiction: \"XX\" is not an ISO 3166-1 alpha-2 code or a known bloc\n" +
				"t.yaml:5:27: parties[2].jurisdiction: \"USA\" is not a two-letter ISO 3166-1 code"},
		{"empty required", "as_of: 2020-01-01\nparties: [{id: ''}]\n", "t.yaml:2:16: parties[0].id: must not be empty"},
		{"null", "as_of: 2020-01-01\nparties: [{id: a, name: ~}]\n", "t.yaml:2:25: parties[0].name: null is not a value here; leave the field out instead"},
		{"number for a string", "as_of: 2020-01-01\nparties: [{id: 2020}]\n", "t.yaml:2:16: parties[0].id: want a string, not the number 2020 (quote it to make it a string)"},
		{"shares", "as_of: 2020-01-01\nparties: [{id: a}]\nstakes:\n  - {holder: a, subject: b, economic: 1.3}\n  - {holder: a, subject: b, economic: 0.5..0.4}\n  - {holder: a, subject: b, economic: lots}\n  - {holder: a, subject: b, economic: 1e-1}\n",
			"t.yaml:4:39: stakes[0].economic: 1.3 is outside [0, 1]\n" +
				"t.yaml:5:39: stakes[1].economic: 0.5..0.4: the minimum is above the maximum\n" +
				"t.yaml:6:39: stakes[2].economic: \"lots\" is not a share (want a fraction such as 0.25, a percentage such as 25%, or a range such as 0.40..0.41)\n" +
				"t.yaml:7:39: stakes[3].economic: \"1e-1\" is not a share (want a fraction such as 0.25, a percentage such as 25%, or a range such as 0.40..0.41)"},
		{"amounts and moves", "as_of: 2020-01-01\nparties: [{id: a}]\nproposals:\n  - id: p\n    target: a\n    moves:\n" +
			"      - transfer: {seller: a, buyer: b, subject: a, amount: 1.3}\n" +
			"      - {}\n" +
			"      - transfer: {seller: a, buyer: b, subject: a, amount: 0.1}\n        issue: {subject: a, to: []}\n" +
			"      - issue: {subject: a, to: [{holder: b, amount: 0.1..0.2}, {holder: c, amount: [1]}]}\n",
			"t.yaml:7:61: proposals[0].moves[0].transfer.amount: 1.3 is outside [0, 1]\n" +
				"t.yaml:8:9: proposals[0].moves[1]: want exactly one of transfer, issue, form\n" +
				"t.yaml:9:9: proposals[0].moves[2]: want exactly one of transfer, issue, form; got transfer and issue\n" +
				"t.yaml:11:54: proposals[0].moves[3].issue.to[0].amount: 0.1..0.2: an amount must be exact, not a range\n" +
				"t.yaml:11:85: proposals[0].moves[3].issue.to[1].amount: want a share, all, or {term: name}, not a list"},
		{"conditions", "as_of: 2020-01-01\nparties: [{id: a}]\ngates:\n  - id: g\n    regulator: r\n" +
			"    trigger: {and: [{owned: {holders: {in: {jurisdiction: US}}, threshold: '>1.5'}}, {term_is: {term: x}}, {}]}\n" +
			"    clearance: {owned: {holders: {name: all}, threshold: 50%, method: rolling:>2}}\n",
			"t.yaml:6:76: gates[0].trigger.and[0].owned.threshold: threshold >1.5 is outside [0, 1]\n" +
				"t.yaml:6:96: gates[0].trigger.and[1].term_is: missing field \"value\"\n" +
				"t.yaml:6:108: gates[0].trigger.and[2]: want exactly one of and, or, not, at_least, owned, controlled, party_is, acquirer_is, term_is, term_in, term_compare, term_present, term_contains, term_party, on_or_after, before, discretion, const, requires, named\n" +
				"t.yaml:7:34: gates[0].clearance.owned.holders: want exactly one of in, in_group, of_kind, tagged, ids, any_of, all_of, not\n" +
				"t.yaml:7:58: gates[0].clearance.owned.threshold: \"50%\" is not a threshold (want >, >=, < or <= and a share, as in \">0.5\" or \">=20%\")\n" +
				"t.yaml:7:71: gates[0].clearance.owned.method: method rolling:>2: the threshold is outside [0, 1]"},
		{"periods", "as_of: 2020-01-01\nparties: [{id: a}]\ngates:\n  - id: g\n    regulator: r\n    timeline: {phases: [{max: 45 days}, {max: 2 fortnights}, {min: -1 months}]}\n",
			"t.yaml:6:31: gates[0].timeline.phases[0].max: \"45 days\" is not a period (want a number and calendar-days, working-days or months, as in \"45 calendar-days\")\n" +
				"t.yaml:6:47: gates[0].timeline.phases[1].max: \"2 fortnights\" is not a period (want a number and calendar-days, working-days or months, as in \"45 calendar-days\")\n" +
				"t.yaml:6:68: gates[0].timeline.phases[2].min: \"-1 months\" is not a period (want a number and calendar-days, working-days or months, as in \"45 calendar-days\")"},
		{"json", "{\n\t\"as_of\": \"2020-01-01\",\n\t\"parties\": [{\"id\": \"a\\/b\", \"name\": null}],\n\t\"likelihoods\": {\"consent\": {\"a\": 0.5e1}}\n}\n",
			"t.yaml:3:41: parties[0].name: null is not a value here; leave the field out instead\n" +
				"t.yaml:4:35: likelihoods.consent[a]: \"0.5e1\" is not a decimal number (want digits with an optional sign and fraction, no exponent)"},
		{"duplicate and merge keys", "as_of: 2020-01-01\nas_of: 2020-01-02\nparties: [{id: a, <<: {name: b}}]\n",
			"t.yaml:2:1: as_of: key \"as_of\" is given twice (first at line 1)\n" +
				"t.yaml:3:19: parties[0].<<: merge keys (<<) are not supported"},
		{"values", "as_of: 2020-01-01\nparties: [{id: a}]\nproposals:\n  - id: p\n    target: a\n    terms: {x: {bool: yes}, y: {number: \"1,5\"}, z: {}, w: {date: 2020-02-30}, v: {text: a, set: [a]}}\n",
			"t.yaml:6:23: proposals[0].terms[x].bool: want true or false, not \"yes\"\n" +
				"t.yaml:6:41: proposals[0].terms[y].number: \"1,5\" is not a decimal number (want digits with an optional sign and fraction, no exponent)\n" +
				"t.yaml:6:52: proposals[0].terms[z]: want exactly one of bool, text, number, set, date\n" +
				"t.yaml:6:66: proposals[0].terms[w].date: \"2020-02-30\" is not a valid date\n" +
				"t.yaml:6:82: proposals[0].terms[v]: want exactly one of bool, text, number, set, date; got text and set"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := scenario.Load("t.yaml", strings.NewReader(tc.src))
			require.Error(t, err)
			assert.Nil(t, f)
			assert.Equal(t, tc.want, messages(err))
			var e *scenario.Error
			require.True(t, errors.As(err, &e), "every problem is a *scenario.Error")
			assert.Equal(t, "t.yaml", e.File)
		})
	}
}

func TestLoadErrorSentinels(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want error
	}{
		{"", scenario.ErrSyntax},
		{"as_of: [\n", scenario.ErrSyntax},
		{"as_of: 2020-01-01\nparties: []\nx: 1\n", scenario.ErrUnknownField},
		{"parties: []\n", scenario.ErrMissing},
		{"as_of: 2020-01-01\nparties: {}\n", scenario.ErrType},
		{"as_of: 2020-1-1\nparties: []\n", scenario.ErrValue},
		{"as_of: 2020-01-01\nparties: []\nparties: []\n", scenario.ErrDuplicate},
		{"as_of: 2020-01-01\nparties: [{id: a}]\nstakes: [{holder: a, subject: a, economic: 2}]\n", parties.ErrShareRange},
	} {
		_, err := scenario.Load("t.yaml", strings.NewReader(tc.src))
		assert.ErrorIs(t, err, tc.want, "%q", tc.src)
	}
	big := strings.NewReader(strings.Repeat(" ", scenario.MaxSize+1))
	_, err := scenario.Load("big.yaml", big)
	assert.ErrorIs(t, err, scenario.ErrTooLarge)
}

// TestLoadAliasBomb checks that aliases expanding to an enormous document
// are refused rather than expanded.
func TestLoadAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("as_of: 2020-01-01\nparties: []\ngroups:\n  - name: x\n    members: &a0 [US, US, US, US, US, US, US, US, US, US]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("  - name: x" + string(rune('0'+i)) + "\n    members: &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	start := time.Now()
	_, err := scenario.Load("bomb.yaml", strings.NewReader(b.String()))
	require.Error(t, err)
	assert.Less(t, time.Since(start), 10*time.Second)
}

func TestScenarioErrors(t *testing.T) {
	const head = "as_of: 2020-01-01\nparties: [{id: t, jurisdiction: US}, {id: s, jurisdiction: CN}, {id: b, jurisdiction: US}]\n" +
		"stakes: [{holder: s, subject: t, economic: 1}]\nregulators: [{id: r, jurisdiction: US}]\n"
	for _, tc := range []struct {
		name, src, want string
		is              []error
	}{
		{"register", "as_of: 2020-01-01\nparties: [{id: a}, {id: a}, {id: c}, {id: d}]\nstakes:\n  - {holder: a, subject: b, economic: 0.5}\n  - {holder: a, subject: c, economic: 0.6}\n  - {holder: c, subject: c, economic: 0.6}\n  - {holder: d, subject: c, economic: 0.6}\n",
			"t.yaml:2:25: parties[1].id: duplicate party\n" +
				"t.yaml:2:29: parties[2]: holders add up to more than 100%: economic and voting shares held in it each total 120%\n" +
				"t.yaml:4:26: stakes[0].subject: unknown party: subject \"b\"\n" +
				"t.yaml:6:26: stakes[2].subject: party holds a stake in itself",
			[]error{parties.ErrDuplicateParty, parties.ErrOverOwned, parties.ErrUnknownParty, parties.ErrSelfStake}},
		{"references", head + "groups: [{name: g, members: [CN]}]\ngates:\n" +
			"  - id: g1\n    regulator: rr\n    timeline: {phases: [{max: 10 working-days, calendar: mars}]}\n" +
			"  - id: g2\n    regulator: r\n    trigger: {and: [{party_is: {party: nobody, predicate: {in_group: {group: h}}}}, {requires: m}]}\n" +
			"    clearance: {or: [{owned: {subject: ghost, holders: {in: {jurisdiction: US}}, threshold: \">0.5\"}}]}\n" +
			"    mitigations: [{id: m}, {id: m}]\n    waits_for: [g9]\n    timeline: {phases: [{min: 20 calendar-days, max: 10 calendar-days}]}\n" +
			"positions:\n  - {party: zed, accepts: {requires: m}}\n",
			"t.yaml:8:16: gates[0].regulator: regulator \"rr\" is not defined (defined: r)\n" +
				"t.yaml:9:58: gates[0].timeline.phases[0].calendar: calendar \"mars\" is not defined (defined: australia, canada, china, eu-commission, germany, japan, new-zealand, uk, us, weekdays)\n" +
				"t.yaml:12:40: gates[1].trigger.and[0].party_is.party: unknown party: \"nobody\"\n" +
				"t.yaml:12:78: gates[1].trigger.and[0].party_is.predicate.in_group.group: group \"h\" is not defined (defined: g)\n" +
				"t.yaml:13:40: gates[1].clearance.or[0].owned.subject: unknown party: \"ghost\"\n" +
				"t.yaml:14:33: gates[1].mitigations[1].id: duplicate ID: mitigation \"m\"\n" +
				"t.yaml:15:16: gates[1].waits_for: unknown gate: \"g9\"\n" +
				"t.yaml:16:25: gates[1].timeline.phases[0]: invalid review phase: minimum 20 calendar days is above maximum 10 calendar days\n" +
				"t.yaml:18:13: positions[0].party: unknown party: \"zed\"\n" +
				"t.yaml:18:38: positions[0].accepts.requires: requires names a mitigation of a gate, and only a gate's conditions may use it",
			[]error{scenario.ErrReference, regulator.ErrDuplicate, regulator.ErrPhase, deal.ErrUnknownGate, deal.ErrUnknownParty, regulator.ErrUnknownParty}},
		{"gate names an unknown party", head + "gates:\n  - id: g\n    regulator: r\n" +
			"    clearance: {and: [{const: {value: holds}}, {not: {controlled: {subject: ghost, holders: {tagged: x}}}}]}\n",
			"t.yaml:8:77: gates[0].clearance.and[1].not.controlled.subject: unknown party: \"ghost\", named by the gate's conditions",
			[]error{deal.ErrUnknownParty}},
		{"gate checks mapped", head + "gates:\n  - id: g\n    regulator: r\n" +
			"    in_force: {from: 2020-02-01, until: 2020-01-01}\n" +
			"    clearance: {and: [{at_least: {k: 3, of: [{const: {value: holds}}]}}, {not: {term_is: {term: x, value: {bool: true}}}}]}\n" +
			"    mitigations: [{id: m, available: {requires: n}}, {id: n}]\n    trigger: {requires: n}\n",
			"t.yaml:8:15: gates[0].in_force: in-force window ends before it starts: in force from 2020-02-01 until 2020-01-01\n" +
				"t.yaml:9:38: gates[0].clearance.and[0].at_least.k: at least 3 of 1 conditions can never hold\n" +
				"t.yaml:10:49: gates[0].mitigations[0].available.requires: mitigation \"n\" is not defined in this gate (a mitigation's availability may require only mitigations listed before it) (none is)",
			[]error{regulator.ErrWindow, scenario.ErrReference, scenario.ErrValue}},
		{"deal checks mapped", head + "deadlines:\n  - {id: d, outcome: p, date: 2020-09-20, extension: {up: 1 month, calendar: nope}}\n" +
			"proposals:\n  - id: p\n    target: t\n    acquirers: [b, c]\n    moves:\n" +
			"      - transfer: {seller: s, buyer: b, subject: t, amount: 0.5}\n      - transfer: {seller: b, buyer: x, subject: t, amount: 0.9}\n" +
			"likelihoods:\n  consent: {s: 1.5, ghost: 0.5}\n  proposals: {p: 0.5, q: 0.5}\n",
			"t.yaml:6:22: deadlines[0].outcome: duplicate ID: outcome \"p\" is also a proposal or the status quo\n" +
				"t.yaml:6:78: deadlines[0].extension.calendar: calendar \"nope\" is not defined (defined: australia, canada, china, eu-commission, germany, japan, new-zealand, uk, us, weekdays)\n" +
				"t.yaml:10:20: proposals[0].acquirers[1]: unknown party: \"c\"\n" +
				"t.yaml:13:38: proposals[0].moves[1].transfer.buyer: unknown party: \"x\"\n" +
				"t.yaml:15:16: likelihoods.consent[s]: probability outside [0, 1]: 1.5\n" +
				"t.yaml:15:28: likelihoods.consent[ghost]: likelihood for an unknown event\n" +
				"t.yaml:16:14: likelihoods.proposals: probabilities of a choice do not add up to 1: 2 of 1 proposals have one\n" +
				"t.yaml:16:26: likelihoods.proposals[q]: unknown proposal",
			[]error{deal.ErrDuplicate, deal.ErrUnknownParty, deal.ErrProbabilitySum, deal.ErrProbability, deal.ErrUnknownEvent, deal.ErrUnknownProposal}},
		{"dimensions", head + "proposals:\n  - id: p\n    target: t\n    acquirers: [b]\n" +
			"    moves: [{transfer: {seller: s, buyer: b, subject: t, amount: {term: k}}}]\n" +
			"    dimensions: [{term: k, values: [{number: 1}, {text: a}], likelihoods: [0.5, 0.6]}]\n" +
			"positions: [{party: b, accepts: {party_is: {party: nobody, predicate: {tagged: x}}}}]\n",
			"t.yaml:10:50: proposals[0].dimensions[0].values[1]: term value of the wrong type: \"k\" mixes number and text values\n" +
				"t.yaml:10:75: proposals[0].dimensions[0].likelihoods: probabilities of a choice do not add up to 1: they add up to 1.1\n" +
				"t.yaml:11:52: positions[0].accepts.party_is.party: unknown party: \"nobody\", named by the position's condition",
			[]error{deal.ErrTermType, deal.ErrProbabilitySum, deal.ErrUnknownParty}},
		{"post-deal", head + "proposals:\n  - id: p\n    target: t\n    acquirers: [b]\n    moves:\n" +
			"      - transfer: {seller: b, buyer: s, subject: t, amount: 0.5}\n" +
			"  - id: q\n    target: t\n    moves: [{issue: {subject: t, to: [{holder: b, amount: all}]}}]\n",
			"t.yaml:10:9: proposals[0].moves[0]: invalid transfer: b holds no stake in t\n" +
				"t.yaml:13:59: proposals[1].moves[0].issue.to[0].amount: \"all\" is an amount for transfers only",
			[]error{scenario.ErrValue, deal.ErrTransfer}},
		{"calendars", "as_of: 2020-01-01\nparties: [{id: a}]\ncalendars:\n  - {name: us}\n  - {name: c, weekend: [sunday, monday, tuesday, wednesday, thursday, friday, saturday]}\n  - {name: d, from: 2020, to: 2021, holidays: [2019-12-25], working_days: [2020-01-01]}\n",
			"t.yaml:4:12: calendars[0].name: calendar \"us\" is already defined (built-in calendars: australia, canada, china, eu-commission, germany, japan, new-zealand, uk, us, weekdays)\n" +
				"t.yaml:5:24: calendars[1].weekend: options: Weekend: all seven days leave no working day\n" +
				"t.yaml:6:48: calendars[2].holidays[0]: options: Holidays: 2019-12-25: outside the covered years 2020 to 2021\n" +
				"t.yaml:6:76: calendars[2].working_days[0]: options: WorkingDays: 2020-01-01: not a weekend day",
			[]error{scenario.ErrDuplicate, calendar.ErrInvalidOptions}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := scenario.Load("t.yaml", strings.NewReader(tc.src))
			require.NoError(t, err)
			sc, err := f.Scenario()
			assert.Nil(t, sc)
			assert.Equal(t, tc.want, messages(err))
			for _, want := range tc.is {
				assert.ErrorIs(t, err, want)
			}
		})
	}
}

// TestScenarioFromGo checks a File built in Go: it is checked as Load
// checks a document, and problems are reported by path alone.
func TestScenarioFromGo(t *testing.T) {
	f := &scenario.File{
		Parties: []scenario.Party{{ID: "a"}, {ID: ""}},
		Stakes:  []scenario.Stake{{Holder: "a", Subject: "a", Economic: "2"}},
		Proposals: []scenario.Proposal{{ID: "p", Target: "a", Moves: []scenario.Move{{}},
			Terms: map[string]scenario.Value{"x": {}}}},
	}
	want := "as_of: missing field \"as_of\"\n" +
		"parties[1].id: missing field \"id\"\n" +
		"stakes[0].economic: 2 is outside [0, 1]\n" +
		"proposals[0].moves[0]: want exactly one of transfer, issue, form\n" +
		"proposals[0].terms[x]: want exactly one of bool, text, number, set, date"
	_, err := f.Scenario()
	assert.Equal(t, want, messages(err))
	var buf strings.Builder
	err = scenario.Save(&buf, f, scenario.YAML)
	assert.Equal(t, want, messages(err), "Save checks the file")
	assert.Empty(t, buf.String())
}

func date(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// miniGo builds in Go the scenario testdata/mini.yaml describes.
func miniGo(t *testing.T) *deal.Scenario {
	t.Helper()
	sc, err := fixture.MiniTikTok(date("2020-09-14"))
	require.NoError(t, err)
	return sc
}

func analyzeJSON(t *testing.T, sc *deal.Scenario) string {
	t.Helper()
	r, err := sc.Analyze(context.Background(), nil)
	require.NoError(t, err)
	b, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	return string(b)
}

// TestMiniMatchesGo checks that a document gives the same analysis as the
// same scenario built in Go, at two dates.
func TestMiniMatchesGo(t *testing.T) {
	r, err := os.Open("testdata/mini.yaml")
	require.NoError(t, err)
	defer r.Close()
	f, err := scenario.Load("mini.yaml", r)
	require.NoError(t, err)
	fromFile, err := f.Scenario()
	require.NoError(t, err)
	fromGo := miniGo(t)
	for _, d := range []string{"2020-09-14", "2020-08-01"} {
		assert.JSONEq(t, analyzeJSON(t, fromGo.WithAsOf(date(d))), analyzeJSON(t, fromFile.WithAsOf(date(d))), d)
	}
}

func TestMeasure(t *testing.T) {
	r, err := os.Open("testdata/mini.yaml")
	require.NoError(t, err)
	defer r.Close()
	f, err := scenario.Load("mini.yaml", r)
	require.NoError(t, err)
	sc, err := f.Scenario()
	require.NoError(t, err)
	us := scenario.Predicate{Name: "US persons", In: &scenario.InJurisdiction{Jurisdiction: parties.MustJurisdiction("US")}}
	o, err := f.Measure(sc, scenario.Figure{Label: "US", Proposal: "oracle-walmart-tiktok-global", Subject: "tiktok-us", Holders: us})
	require.NoError(t, err)
	assert.Equal(t, "52.0%–52.8%", o.Share.String())
	o, err = f.Measure(sc, scenario.Figure{Label: "US", Proposal: "oracle-walmart-tiktok-global", Subject: "tiktok-us", Holders: us, Method: "direct",
		Terms: map[string]scenario.Value{"oracle-stake": {Number: ptr(scenario.Decimal("0.2"))}}})
	require.NoError(t, err)
	assert.Equal(t, "27.5%", o.Share.String())
	o, err = f.Measure(sc, scenario.Figure{Label: "US", Subject: "tiktok-us", Holders: us})
	require.NoError(t, err)
	assert.Equal(t, "40%–41%", o.Share.String())
	_, err = f.Measure(sc, scenario.Figure{Label: "bad", Subject: "tiktok-us", Holders: scenario.Predicate{InGroup: &scenario.InGroup{Group: "none"}}})
	assert.ErrorIs(t, err, scenario.ErrReference)
	_, err = f.Measure(sc, scenario.Figure{Label: "bad", Proposal: "nope", Subject: "tiktok-us", Holders: us})
	assert.ErrorIs(t, err, deal.ErrUnknownProposal)
}

func ptr[T any](v T) *T { return &v }

func TestFormatText(t *testing.T) {
	for _, f := range []scenario.Format{scenario.YAML, scenario.JSON} {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var g scenario.Format
		require.NoError(t, g.UnmarshalText(b))
		assert.Equal(t, f, g)
		assert.Equal(t, string(b), f.String())
	}
	var g scenario.Format
	assert.Error(t, g.UnmarshalText([]byte("toml")))
	_, err := scenario.Format(7).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Format(7)", scenario.Format(7).String())
	assert.Error(t, scenario.Save(&strings.Builder{}, &scenario.File{}, scenario.Format(7)))
	assert.Error(t, scenario.Save(&strings.Builder{}, nil, scenario.YAML))
}

func TestPresets(t *testing.T) {
	r, err := os.Open("testdata/presets.yaml")
	require.NoError(t, err)
	defer r.Close()
	f, err := scenario.Load("presets.yaml", r)
	require.NoError(t, err)
	sc, err := f.Scenario()
	require.NoError(t, err)
	var ids []string
	for _, g := range sc.Gates() {
		ids = append(ids, g.ID())
	}
	assert.Equal(t, []string{"us-cfius-notice", "cn-licence", "us-pafaca-divestiture", "uk-nsia", "eu-merger", "cn-samr-merger"}, ids)
	licence := sc.Gates()[1]
	assert.False(t, licence.Discretionary(), "discretionary: false replaces the preset's")
	assert.Equal(t, "Ministry of Commerce of the PRC (with the Ministry of Science and Technology)", licence.Regulator().Name, "the preset's regulator is kept")
	assert.Equal(t, []string{"us-cfius-notice"}, sc.Gates()[3].WaitsFor())
	assert.Equal(t, 2, len(sc.Gates()[1].Timeline().Phases))
	ts := sc.Threats()
	require.Len(t, ts, 2)
	assert.Equal(t, "eo", ts[0].Deadline.ID())
	assert.Equal(t, "2024-09-01", ts[0].Deadline.Date().Format(time.DateOnly))
	assert.Equal(t, "a made-up prohibition", ts[0].Deadline.Consequence())
	assert.True(t, ts[1].Deadline.Enjoinable(), "enjoinable: true replaces the preset's")
	assert.Equal(t, "banned", ts[1].Outcome)
	assert.Contains(t, scenario.GatePresets(), "cfius-notice")
	assert.Equal(t, []string{"ieepa-prohibition", "pafaca"}, scenario.DeadlinePresets())
}

func TestPresetErrors(t *testing.T) {
	const head = "as_of: 2024-01-01\nparties: [{id: a, jurisdiction: US}]\n"
	for _, tc := range []struct {
		name, src, want string
		is              []error
	}{
		{"unknown preset", head + "gates: [{preset: cfius}]\ndeadlines: [{id: d, outcome: o, preset: hsr}]\n",
			"t.yaml:3:18: gates[0].preset: no gate preset is named \"cfius\" (presets: australia-firb, canada-ica-national-security, cfius-declaration, cfius-notice, china-security-review, eu-fdi-screening, eumr, germany-awv, hsr, japan-fefta, new-zealand-oia, pafaca, samr-merger, tech-export-licence, uk-nsia)\n" +
				"t.yaml:4:41: deadlines[0].preset: no deadline preset is named \"hsr\" (presets: ieepa-prohibition, pafaca)",
			[]error{scenario.ErrReference}},
		{"option not taken", head + "gates: [{preset: cfius-notice, options: {licence: 1 month, thresholds: {each_in_eu: 1}}}, {preset: eumr, options: {thresholds: {each_in_china: 1}}}]\n",
			"t.yaml:3:51: gates[0].options.licence: preset \"cfius-notice\" takes no option \"licence\" (it takes filed, from_acceptance, business, foreign_persons, control)\n" +
				"t.yaml:3:72: gates[0].options.thresholds: preset \"cfius-notice\" takes no option \"thresholds\" (it takes filed, from_acceptance, business, foreign_persons, control)\n" +
				"t.yaml:3:144: gates[1].options.thresholds.each_in_china: this preset has no threshold \"each_in_china\"",
			[]error{scenario.ErrUnknownField}},
		{"preset checks", head + "gates: [{preset: cfius-notice, options: {filed: 2019-01-01}}, {preset: hsr, options: {thresholds: {each_in_eu: 1}}}, {preset: pafaca, options: {adversaries: nope}}]\n" +
			"deadlines: [{id: d, outcome: o, preset: ieepa-prohibition, options: {order: EO 1}}]\n",
			"t.yaml:3:49: gates[0].options.filed: date before the regime was in force: 2019-01-01 is before 2020-02-13\n" +
				"t.yaml:3:99: gates[1].options.thresholds: this preset's thresholds are a []regimes.HSRThresholds, which a document cannot give\n" +
				"t.yaml:3:158: gates[2].options.adversaries: group \"nope\" is not defined (none is)\n" +
				"t.yaml:4:69: deadlines[0].options.effective: invalid option: missing: the order \"EO 1\" needs an effective date",
			[]error{regimes.ErrBeforeInForce, regimes.ErrInvalidOption, scenario.ErrReference, scenario.ErrType}},
		{"no preset", head + "gates: [{id: g, options: {filed: 2024-01-01}}]\ndeadlines: [{id: d, outcome: o}]\n",
			"t.yaml:3:9: gates[0].regulator: a gate needs a regulator\n" +
				"t.yaml:3:26: gates[0].options: options are for a preset, and the gate names none\n" +
				"t.yaml:4:13: deadlines[0]: missing field \"date\"",
			[]error{scenario.ErrMissing}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := scenario.Load("t.yaml", strings.NewReader(tc.src))
			require.NoError(t, err)
			_, err = f.Scenario()
			assert.Equal(t, tc.want, messages(err))
			for _, want := range tc.is {
				assert.ErrorIs(t, err, want)
			}
		})
	}
}
