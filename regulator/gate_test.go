package regulator_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fieldErrors returns the *FieldError values joined in err, in order.
func fieldErrors(t *testing.T, err error) []*regulator.FieldError {
	t.Helper()
	require.Error(t, err)
	var out []*regulator.FieldError
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "a joined error: %v", err)
	for _, e := range joined.Unwrap() {
		var fe *regulator.FieldError
		require.True(t, errors.As(e, &fe), "a *FieldError: %v", e)
		out = append(out, fe)
	}
	return out
}

// custodian is a trusted US data custodian, available where the deal names
// a US party as its data custodian.
var custodian = regulator.Mitigation{
	ID:        "us-data-custodian",
	Name:      "trusted US data custodian",
	Available: regulator.TermParty("data-custodian", usParties),
}

func cfiusTimeline() regulator.Timeline {
	return regulator.Timeline{Phases: []regulator.Phase{
		{Name: "review", Min: calendar.Days(45), Max: calendar.Days(45)},
		{Name: "investigation", Min: calendar.Days(45), Max: calendar.Days(45), DayOne: calendar.NextDay, Optional: true},
	}}
}

// TestNewGateReportsEverything builds a gate with six problems and checks
// that each is reported, naming the gate and the field.
func TestNewGateReportsEverything(t *testing.T) {
	_, err := regulator.NewGate(regulator.GateSpec{
		ID:        "us-cfius",
		Regulator: cfius,
		Basis:     dpa721,
		InForce:   regulator.Window{From: date(2021, 1, 1), Until: date(2020, 1, 1)},
		Trigger:   regulator.PartyIs("", usParties),
		Clearance: regulator.And(
			regulator.Const(Holds, "no other concern"),
			regulator.Not(regulator.Owned(regulator.OwnershipRule{Holders: parties.In(cn, parties.Seat), Threshold: threshold(parties.AtLeast, "1.2")})),
			regulator.Requires(regulator.Mitigation{ID: "proxy-board"}),
			regulator.Requires(custodian),
		),
		Mitigations: []regulator.Mitigation{custodian, custodian},
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "review", Min: calendar.Days(-1), Max: calendar.Days(45)},
			{Name: "investigation", Min: calendar.Days(60), Max: calendar.Days(45)},
		}},
	})
	fes := fieldErrors(t, err)
	type want struct {
		field    string
		sentinel error
		message  string
	}
	wants := []want{
		{"in_force", regulator.ErrWindow,
			`regulator: gate "us-cfius": in_force: in-force window ends before it starts: in force from 2021-01-01 until 2020-01-01`},
		{"mitigations[1].id", regulator.ErrDuplicate,
			`regulator: gate "us-cfius": mitigations[1].id: duplicate ID: mitigation "us-data-custodian"`},
		{"clearance[1].not.threshold", regulator.ErrThreshold,
			`regulator: gate "us-cfius": clearance[1].not.threshold: threshold outside [0, 1]: parties: share out of range: threshold 1.2 is outside [0, 1]`},
		{"clearance", regulator.ErrUnknownMitigation,
			`regulator: gate "us-cfius": clearance: mitigation referenced but not defined: "proxy-board"`},
		{"timeline.phases[0].min", regulator.ErrPhase,
			`regulator: gate "us-cfius": timeline.phases[0].min: invalid review phase: calendar: period "-1 calendar day": calendar: negative period length`},
		{"timeline.phases[1]", regulator.ErrPhase,
			`regulator: gate "us-cfius": timeline.phases[1]: invalid review phase: minimum 60 calendar days is above maximum 45 calendar days`},
	}
	require.Len(t, fes, len(wants), "%v", err)
	for i, w := range wants {
		fe := fes[i]
		assert.Equal(t, "gate", fe.Kind)
		assert.Equal(t, "us-cfius", fe.ID)
		assert.Equal(t, w.field, fe.Field)
		assert.ErrorIs(t, fe, w.sentinel)
		assert.ErrorIs(t, err, w.sentinel, "the joined error matches each sentinel")
		assert.Equal(t, w.message, fe.Error())
	}
	fe, ok := errors.AsType[*regulator.FieldError](err)
	require.True(t, ok)
	assert.Equal(t, "in_force", fe.Field, "the first problem")
}

func TestNewGateProblems(t *testing.T) {
	good := regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: parties.Majority})
	tests := []struct {
		name     string
		spec     func(*regulator.GateSpec)
		field    string
		sentinel error
	}{
		{"missing ID", func(s *regulator.GateSpec) { s.ID = "" }, "id", regulator.ErrMissing},
		{"regulator without ID", func(s *regulator.GateSpec) { s.Regulator.ID = "" }, "regulator.id", regulator.ErrMissing},
		{"regulator without jurisdiction", func(s *regulator.GateSpec) { s.Regulator.Jurisdiction = parties.Jurisdiction{} }, "regulator.jurisdiction", regulator.ErrMissing},
		{"window of one day's hours", func(s *regulator.GateSpec) {
			s.InForce = regulator.Window{From: date(2020, 8, 28).Add(time.Hour), Until: date(2020, 8, 28).Add(20 * time.Hour)}
		}, "in_force", regulator.ErrWindow},
		{"window ending as it starts", func(s *regulator.GateSpec) {
			s.InForce = regulator.Window{From: date(2020, 8, 28), Until: date(2020, 8, 28)}
		}, "in_force", regulator.ErrWindow},
		{"threshold below zero in the trigger", func(s *regulator.GateSpec) {
			s.Trigger = regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: threshold(parties.AtLeast, "-0.1")})
		}, "trigger.threshold", regulator.ErrThreshold},
		{"control threshold above one", func(s *regulator.GateSpec) {
			s.Clearance = regulator.Or(good, regulator.Controlled("", usParties, threshold(parties.MoreThan, "1.5")))
		}, "clearance[1].threshold", regulator.ErrThreshold},
		{"invalid method", func(s *regulator.GateSpec) {
			s.Clearance = regulator.Owned(regulator.OwnershipRule{Holders: usParties, Method: parties.Rolling(threshold(parties.AtMost, "0.1"))})
		}, "clearance.method", regulator.ErrThreshold},
		{"no holders", func(s *regulator.GateSpec) {
			s.Clearance = regulator.Owned(regulator.OwnershipRule{Threshold: parties.Majority})
		}, "clearance.holders", regulator.ErrMissing},
		{"no controllers", func(s *regulator.GateSpec) {
			s.Clearance = regulator.Controlled("", parties.Predicate{}, parties.Majority)
		}, "clearance.holders", regulator.ErrMissing},
		{"at least more than there are", func(s *regulator.GateSpec) { s.Clearance = regulator.AtLeastOf(3, good, good) }, "clearance.k", regulator.ErrCount},
		{"at least a negative number", func(s *regulator.GateSpec) { s.Clearance = regulator.AtLeastOf(-1, good) }, "clearance.k", regulator.ErrCount},
		{"nil in And", func(s *regulator.GateSpec) { s.Clearance = regulator.And(good, nil) }, "clearance[1]", regulator.ErrMissing},
		{"nil in Not", func(s *regulator.GateSpec) { s.Clearance = regulator.Not(nil) }, "clearance", regulator.ErrMissing},
		{"nil in Named", func(s *regulator.GateSpec) { s.Trigger = regulator.Named("x", nil) }, "trigger", regulator.ErrMissing},
		{"no predicate", func(s *regulator.GateSpec) { s.Trigger = regulator.PartyIs("", parties.Predicate{}) }, "trigger.predicate", regulator.ErrMissing},
		{"no term name", func(s *regulator.GateSpec) { s.Trigger = regulator.TermPresent("") }, "trigger.term", regulator.ErrMissing},
		{"no values", func(s *regulator.GateSpec) { s.Trigger = regulator.TermIn("structure") }, "trigger.values", regulator.ErrMissing},
		{"the zero Value", func(s *regulator.GateSpec) { s.Trigger = regulator.TermIs("structure", regulator.Value{}) }, "trigger.values[0]", regulator.ErrMissing},
		{"no term predicate", func(s *regulator.GateSpec) { s.Trigger = regulator.TermParty("custodian", parties.Predicate{}) }, "trigger.predicate", regulator.ErrMissing},
		{"no date", func(s *regulator.GateSpec) { s.Trigger = regulator.OnOrAfter(time.Time{}) }, "trigger.date", regulator.ErrMissing},
		{"no discretion name", func(s *regulator.GateSpec) { s.Clearance = regulator.Discretion("", "a finding") }, "clearance.name", regulator.ErrMissing},
		{"no function", func(s *regulator.GateSpec) { s.Clearance = regulator.Func("rule", nil) }, "clearance", regulator.ErrMissing},
		{"no mitigation ID", func(s *regulator.GateSpec) {
			s.Mitigations = []regulator.Mitigation{{Name: "board"}}
			s.Clearance = good
		}, "mitigations[0].id", regulator.ErrMissing},
		{"Requires without an ID", func(s *regulator.GateSpec) { s.Clearance = regulator.Requires(regulator.Mitigation{}) }, "clearance.mitigation", regulator.ErrMissing},
		{"bad availability", func(s *regulator.GateSpec) {
			m := regulator.Mitigation{ID: "m", Available: regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: threshold(parties.AtLeast, "2")})}
			s.Mitigations = []regulator.Mitigation{m}
			s.Clearance = regulator.Requires(m)
		}, "mitigations[0].available.threshold", regulator.ErrThreshold},
		{"mitigation referenced with another definition", func(s *regulator.GateSpec) {
			s.Clearance = regulator.Requires(regulator.Mitigation{ID: "us-data-custodian"})
		}, "clearance", regulator.ErrUnknownMitigation},
		{"unknown mitigation in the trigger", func(s *regulator.GateSpec) {
			s.Trigger = regulator.Not(regulator.Requires(regulator.Mitigation{ID: "escrow"}))
		}, "trigger", regulator.ErrUnknownMitigation},
		{"maximum missing", func(s *regulator.GateSpec) {
			s.Timeline.Phases = []regulator.Phase{{Name: "review", Min: calendar.Days(30)}}
		}, "timeline.phases[0].max", regulator.ErrPhase},
		{"maximum of zero length", func(s *regulator.GateSpec) {
			s.Timeline.Phases = []regulator.Phase{{Name: "review", Min: calendar.WorkingDays(5), Max: calendar.WorkingDays(0)}}
		}, "timeline.phases[0].max", regulator.ErrPhase},
		{"minimum and maximum in different units", func(s *regulator.GateSpec) {
			s.Timeline.Phases = []regulator.Phase{{Name: "review", Min: calendar.Days(30), Max: calendar.WorkingDays(30)}}
		}, "timeline.phases[0]", regulator.ErrPhase},
		{"months against days", func(s *regulator.GateSpec) {
			s.Timeline.Phases = []regulator.Phase{{Name: "review", Min: calendar.Months(1), Max: calendar.Days(45)}}
		}, "timeline.phases[0]", regulator.ErrPhase},
		{"negative maximum", func(s *regulator.GateSpec) {
			s.Timeline.Phases = []regulator.Phase{{Name: "review", Max: calendar.WorkingDays(-25)}}
		}, "timeline.phases[0].max", regulator.ErrPhase},
		{"unknown day one", func(s *regulator.GateSpec) {
			s.Timeline.Phases = []regulator.Phase{{Name: "review", Max: calendar.Days(30), DayOne: 7}}
		}, "timeline.phases[0].day_one", regulator.ErrPhase},
		{"unknown roll", func(s *regulator.GateSpec) {
			s.Timeline.Phases = []regulator.Phase{{Name: "review", Max: calendar.Days(30), Roll: 7}}
		}, "timeline.phases[0].roll", regulator.ErrPhase},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := regulator.GateSpec{
				ID:          "us-cfius",
				Name:        "CFIUS review",
				Regulator:   cfius,
				Basis:       dpa721,
				Clearance:   regulator.And(good, regulator.Requires(custodian)),
				Mitigations: []regulator.Mitigation{custodian},
				Timeline:    cfiusTimeline(),
			}
			_, err := regulator.NewGate(spec)
			require.NoError(t, err, "the base spec is valid")
			tc.spec(&spec)
			_, err = regulator.NewGate(spec)
			fes := fieldErrors(t, err)
			require.Len(t, fes, 1, "%v", err)
			assert.Equal(t, tc.field, fes[0].Field, "%v", err)
			assert.Equal(t, spec.ID, fes[0].ID)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.Panics(t, func() { regulator.MustGate(spec) })
		})
	}

	_, err := regulator.NewGate(regulator.GateSpec{Name: "CFIUS review", Regulator: cfius})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `gate named "CFIUS review"`, "a gate without an ID is named by its name")
}

func TestGateAccessors(t *testing.T) {
	spec := regulator.GateSpec{
		ID:            "us-cfius",
		Name:          "CFIUS review",
		Regulator:     cfius,
		Basis:         dpa721,
		InForce:       regulator.Window{From: date(2020, 2, 13)},
		Clearance:     regulator.Requires(custodian),
		Mitigations:   []regulator.Mitigation{custodian},
		Discretionary: true,
		Timeline:      cfiusTimeline(),
		WaitsFor:      []string{"cn-mofcom"},
		Source:        "https://home.treasury.gov/",
	}
	g := regulator.MustGate(spec)
	spec.Mitigations[0] = regulator.Mitigation{ID: "changed"}
	spec.Timeline.Phases[0].Name = "changed"
	spec.WaitsFor[0] = "changed"

	assert.Equal(t, "us-cfius", g.ID())
	assert.Equal(t, "CFIUS review", g.Name())
	assert.Equal(t, cfius, g.Regulator())
	assert.Equal(t, dpa721, g.Basis())
	assert.Equal(t, regulator.Window{From: date(2020, 2, 13)}, g.InForce())
	assert.True(t, g.Discretionary())
	assert.Equal(t, []string{"cn-mofcom"}, g.WaitsFor())
	assert.Equal(t, "review", g.Timeline().Phases[0].Name)
	m, ok := g.Mitigation("us-data-custodian")
	require.True(t, ok)
	assert.Equal(t, "trusted US data custodian", m.Name)
	_, ok = g.Mitigation("changed")
	assert.False(t, ok)
	assert.Equal(t, "CFIUS review (CFIUS; Defense Production Act of 1950, section 721 (50 U.S.C. 4565))", g.String())

	// Copies out: changing what the accessors return leaves the gate alone.
	g.WaitsFor()[0] = "changed"
	g.Timeline().Phases[0].Name = "changed"
	s := g.Spec()
	s.Mitigations[0].ID = "changed"
	assert.Equal(t, []string{"cn-mofcom"}, g.WaitsFor())
	assert.Equal(t, "review", g.Timeline().Phases[0].Name)
	_, ok = g.Mitigation("us-data-custodian")
	assert.True(t, ok)

	// A gate derived from the spec of another.
	s = g.Spec()
	s.ID, s.Discretionary = "us-cfius-2", false
	g2, err := regulator.NewGate(s)
	require.NoError(t, err)
	assert.Equal(t, "us-cfius-2", g2.ID())
	assert.False(t, g2.Discretionary())

	unnamed := regulator.MustGate(regulator.GateSpec{ID: "x", Regulator: cfius})
	assert.Equal(t, "x", unnamed.Name())
}

func TestRegulatorAndBasis(t *testing.T) {
	assert.NoError(t, cfius.Validate())
	assert.Equal(t, "CFIUS", cfius.String())
	assert.Equal(t, "cfius", regulator.Regulator{ID: "cfius"}.String())
	err := regulator.Regulator{Name: "MOFCOM"}.Validate()
	assert.ErrorIs(t, err, regulator.ErrMissing)
	fes := fieldErrors(t, err)
	require.Len(t, fes, 2)
	assert.Equal(t, "regulator", fes[0].Kind)
	assert.Equal(t, "MOFCOM", fes[0].ID, "a regulator without an ID is named by its name")
	assert.Equal(t, "id", fes[0].Field)
	assert.Equal(t, "jurisdiction", fes[1].Field)

	assert.Equal(t, "Defense Production Act of 1950, section 721 (50 U.S.C. 4565)", dpa721.String())
	assert.Equal(t, "Executive Order 13942", regulator.LegalBasis{Instrument: "Executive Order 13942"}.String())
}

func TestWindow(t *testing.T) {
	revision := regulator.Window{From: date(2020, 8, 28)}
	assert.False(t, revision.Contains(date(2020, 8, 27)))
	assert.True(t, revision.Contains(date(2020, 8, 28)))
	assert.True(t, revision.Contains(date(2020, 8, 28).Add(23*time.Hour)))
	assert.True(t, revision.Contains(date(2030, 1, 1)))
	assert.Equal(t, "in force from 2020-08-28", revision.String())

	eo := regulator.Window{From: date(2020, 8, 6), Until: date(2021, 6, 9)}
	assert.True(t, eo.Contains(date(2021, 6, 8)))
	assert.False(t, eo.Contains(date(2021, 6, 9)), "Until is exclusive")
	assert.Equal(t, "in force from 2020-08-06 until 2021-06-09", eo.String())

	assert.True(t, regulator.Window{}.Contains(date(1900, 1, 1)))
	assert.Equal(t, "always in force", regulator.Window{}.String())
	assert.Equal(t, "in force until 2021-06-09", regulator.Window{Until: date(2021, 6, 9)}.String())
}

// TestAssess walks a CFIUS-style gate through each way it can end.
func TestAssess(t *testing.T) {
	usMajority := regulator.Named("majority US ownership",
		regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: parties.Majority}))
	cnTarget := regulator.PartyIs("", parties.In(cn, parties.Seat))
	foreign := regulator.Owned(regulator.OwnershipRule{
		Holders:   parties.Not(usParties).WithName("foreign persons"),
		Threshold: threshold(parties.AtLeast, "0.25"),
	})
	gate := func(mod func(*regulator.GateSpec)) regulator.Gate {
		spec := regulator.GateSpec{
			ID:          "us-cfius",
			Name:        "CFIUS review",
			Regulator:   cfius,
			Basis:       dpa721,
			InForce:     regulator.Window{From: date(2020, 2, 13)},
			Trigger:     foreign,
			Clearance:   usMajority,
			Mitigations: []regulator.Mitigation{custodian},
		}
		mod(&spec)
		return regulator.MustGate(spec)
	}
	withOracle := tiktokWorld(t, map[string]regulator.Value{"data-custodian": regulator.Text("oracle")})
	const head = "CFIUS review (CFIUS; Defense Production Act of 1950, section 721 (50 U.S.C. 4565))"
	const trig = "foreign persons hold 80% of TikTok Global looking through; the rule needs at least 25%: holds"
	const major = "majority US ownership: US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs more than 50%: holds"
	const cust = `mitigation "us-data-custodian" (trusted US data custodian): data-custodian is Oracle; the rule needs one of US parties (seat): holds`
	tests := []struct {
		name        string
		gate        regulator.Gate
		w           *regulator.World
		inForce     bool
		applies     regulator.Truth
		decisions   []regulator.Decision
		mitigations []string
		text        string
	}{
		{
			name:    "not yet in force",
			gate:    gate(func(s *regulator.GateSpec) { s.InForce = regulator.Window{From: date(2020, 9, 21)} }),
			w:       withOracle,
			applies: Fails,
			text:    head + " does not apply: not in force on 2020-09-20 (in force from 2020-09-21)",
		},
		{
			name: "repealed",
			gate: gate(func(s *regulator.GateSpec) {
				s.InForce = regulator.Window{From: date(2018, 8, 13), Until: date(2020, 9, 20)}
			}),
			w:       withOracle,
			applies: Fails,
			text:    head + " does not apply: not in force on 2020-09-20 (in force from 2018-08-13 until 2020-09-20)",
		},
		{
			name:    "not triggered",
			gate:    gate(func(s *regulator.GateSpec) { s.Trigger = cnTarget }),
			w:       withOracle,
			inForce: true,
			applies: Fails,
			text:    head + " is not triggered: TikTok Global is among CN parties (seat): fails",
		},
		{
			name:      "clears",
			gate:      gate(func(*regulator.GateSpec) {}),
			w:         withOracle,
			inForce:   true,
			applies:   Holds,
			decisions: []regulator.Decision{regulator.Clear},
			text:      head + " applies (" + trig + "); clearance test: " + major,
		},
		{
			name:        "clears with a mitigation",
			gate:        gate(func(s *regulator.GateSpec) { s.Clearance = regulator.And(usMajority, regulator.Requires(custodian)) }),
			w:           withOracle,
			inForce:     true,
			applies:     Holds,
			decisions:   []regulator.Decision{regulator.ClearWithMitigations},
			mitigations: []string{"us-data-custodian"},
			text:        head + " applies (" + trig + "); clearance test: (" + major + "; and " + cust + "): holds",
		},
		{
			name:      "blocks",
			gate:      gate(func(s *regulator.GateSpec) { s.Clearance = regulator.And(usMajority, regulator.Requires(custodian)) }),
			w:         tiktokWorld(t, nil),
			inForce:   true,
			applies:   Holds,
			decisions: []regulator.Decision{regulator.Block},
			text: head + " applies (" + trig + `); clearance test: mitigation "us-data-custodian" (trusted US data custodian): ` +
				"the deal does not give data-custodian; the rule needs one of US parties (seat): fails",
		},
		{
			name: "open and discretionary",
			gate: gate(func(s *regulator.GateSpec) {
				s.Clearance = regulator.Discretion("cfius-finding", "a finding of no unresolved national-security concern")
				s.Discretionary = true
			}),
			w:         withOracle,
			inForce:   true,
			applies:   Holds,
			decisions: []regulator.Decision{regulator.Clear, regulator.Block},
			text: head + " applies (" + trig + "); clearance test: a finding of no unresolved national-security concern " +
				"is at the authority's discretion: open; the decision is discretionary",
		},
		{
			name: "open on a range, with a mitigation",
			gate: gate(func(s *regulator.GateSpec) {
				s.Clearance = regulator.And(
					regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: threshold(parties.AtLeast, "0.525")}),
					regulator.Requires(custodian))
			}),
			w:           withOracle,
			inForce:     true,
			applies:     Holds,
			decisions:   []regulator.Decision{regulator.ClearWithMitigations, regulator.Block},
			mitigations: []string{"us-data-custodian"},
			text: head + " applies (" + trig + "); clearance test: (US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; " +
				"the rule needs at least 52.5%: open; and " + cust + "): open",
		},
		{
			name: "may apply",
			gate: gate(func(s *regulator.GateSpec) {
				s.Trigger = regulator.Owned(regulator.OwnershipRule{Holders: usParties, Threshold: threshold(parties.AtMost, "0.525")})
			}),
			w:         withOracle,
			inForce:   true,
			applies:   Open,
			decisions: []regulator.Decision{regulator.Clear},
			text: head + " may apply (US parties (seat) hold 52.0%–52.8% of TikTok Global looking through; the rule needs at most 52.5%: open); " +
				"clearance test: " + major,
		},
		{
			// A failing test needs no mitigation, even where a part of it
			// would have relied on one.
			name: "blocks despite an available mitigation",
			gate: gate(func(s *regulator.GateSpec) {
				s.Trigger = nil
				s.Clearance = regulator.AtLeastOf(2, regulator.Requires(custodian), cnTarget, regulator.Const(Fails, "the President approves"))
			}),
			w:         withOracle,
			inForce:   true,
			applies:   Holds,
			decisions: []regulator.Decision{regulator.Block},
			text: head + " applies; clearance test: 1 of 3 hold and 0 are open, the rule needs at least 2 (" + cust +
				"; TikTok Global is among CN parties (seat): fails; the President approves: fails): fails",
		},
		{
			name:      "no trigger, no test",
			gate:      gate(func(s *regulator.GateSpec) { s.Trigger, s.Clearance = nil, nil }),
			w:         withOracle,
			inForce:   true,
			applies:   Holds,
			decisions: []regulator.Decision{regulator.Clear},
			text:      head + " applies; clearance test: no clearance test: holds",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.gate.Assess(tc.w)
			assert.Equal(t, "us-cfius", a.Gate)
			assert.Equal(t, tc.inForce, a.InForce)
			assert.Equal(t, tc.applies, a.Applies)
			assert.Equal(t, tc.decisions, a.Decisions)
			assert.Equal(t, tc.mitigations, a.Mitigations)
			assert.Equal(t, tc.text, a.Text)
			assert.Contains(t, a.Text, "CFIUS review", "names the gate")
			assert.Contains(t, a.Text, "section 721", "names the legal basis")
		})
	}
}

func TestAssessTriggerAndTest(t *testing.T) {
	w := tiktokWorld(t, nil)
	g := regulator.MustGate(regulator.GateSpec{ID: "g", Regulator: cfius})
	a := g.Assess(w)
	assert.Equal(t, Holds, a.Trigger.Truth, "no trigger holds")
	assert.Equal(t, Holds, a.Test.Truth, "no test holds")

	g = regulator.MustGate(regulator.GateSpec{ID: "g", Regulator: cfius, InForce: regulator.Window{Until: date(2020, 1, 1)}})
	a = g.Assess(w)
	assert.False(t, a.InForce)
	assert.Equal(t, regulator.Evaluation{}, a.Trigger, "not evaluated")
	assert.Equal(t, regulator.Evaluation{}, a.Test, "not evaluated")
	assert.Empty(t, a.Decisions)

	var zero regulator.Gate
	a = zero.Assess(w)
	assert.Equal(t, Holds, a.Applies)
	assert.Equal(t, []regulator.Decision{regulator.Clear}, a.Decisions)
}

func TestGateValidate(t *testing.T) {
	reg := tiktokGlobal(t)
	g := regulator.MustGate(regulator.GateSpec{
		ID:        "us-cfius",
		Regulator: cfius,
		Trigger:   regulator.And(regulator.PartyIs("acme", usParties), regulator.PartyIs("", usParties), regulator.AcquirerIs(usParties)),
		Clearance: regulator.Or(
			regulator.Owned(regulator.OwnershipRule{Subject: "bytedance", Holders: usParties}),
			regulator.Controlled("ghost", usParties, parties.Threshold{}),
			regulator.Requires(regulator.Mitigation{ID: "m", Available: regulator.PartyIs("phantom", usParties)}),
		),
		Mitigations: []regulator.Mitigation{{ID: "m", Available: regulator.PartyIs("phantom", usParties)}},
	})
	assert.Equal(t, []parties.ID{"acme", "bytedance", "ghost", "phantom"}, g.Parties())
	err := g.Validate(reg)
	fes := fieldErrors(t, err)
	require.Len(t, fes, 3)
	assert.ErrorIs(t, err, regulator.ErrUnknownParty)
	var named []string
	for _, fe := range fes {
		assert.Equal(t, "us-cfius", fe.ID)
		assert.Equal(t, "conditions", fe.Field)
		named = append(named, fe.Err.Error())
	}
	assert.Equal(t, []string{
		`regulator: unknown party: "acme"`,
		`regulator: unknown party: "ghost"`,
		`regulator: unknown party: "phantom"`,
	}, named)

	ok := regulator.MustGate(regulator.GateSpec{ID: "ok", Regulator: cfius, Trigger: regulator.PartyIs("oracle", usParties)})
	assert.NoError(t, ok.Validate(reg))
	err = ok.Validate(nil)
	assert.ErrorIs(t, err, regulator.ErrMissing)
	fe, isField := errors.AsType[*regulator.FieldError](err)
	require.True(t, isField)
	assert.Equal(t, "register", fe.Field)
	assert.True(t, slices.Equal([]parties.ID{"oracle"}, ok.Parties()))
}
