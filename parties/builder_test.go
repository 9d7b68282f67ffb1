package parties_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantErr is one problem a build must report.
type wantErr struct {
	sentinel error
	// party names the party of a *PartyError; stake is the index of the
	// stake of a *StakeError (party is then empty).
	party parties.ID
	stake int
	// holder and subject are the stake's ends, for a *StakeError.
	holder, subject parties.ID
	// contains is text the message must contain.
	contains string
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestBuildValidation(t *testing.T) {
	abc := companies("a", "b", "c")
	tests := []struct {
		name    string
		parties []parties.Party
		stakes  []parties.Stake
		want    []wantErr
	}{
		{
			name:    "valid",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "b", "0.6"), stake("c", "b", "0.4"), stake("b", "c", "1")},
		},
		{
			name:    "unknown holder",
			parties: abc,
			stakes:  []parties.Stake{stake("ghost", "a", "0.5")},
			want:    []wantErr{{sentinel: parties.ErrUnknownParty, stake: 0, holder: "ghost", subject: "a", contains: `holder "ghost"`}},
		},
		{
			name:    "unknown subject",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "b", "0.1"), stake("a", "nowhere", "0.5")},
			want:    []wantErr{{sentinel: parties.ErrUnknownParty, stake: 1, holder: "a", subject: "nowhere", contains: `subject "nowhere"`}},
		},
		{
			name:    "unknown holder and subject",
			parties: abc,
			stakes:  []parties.Stake{stake("x", "y", "0.5")},
			want: []wantErr{
				{sentinel: parties.ErrUnknownParty, stake: 0, holder: "x", subject: "y", contains: `holder "x"`},
				{sentinel: parties.ErrUnknownParty, stake: 0, holder: "x", subject: "y", contains: `subject "y"`},
			},
		},
		{
			name:    "duplicate ID",
			parties: concat(abc, []parties.Party{{ID: "b", Name: "Second B"}}),
			want:    []wantErr{{sentinel: parties.ErrDuplicateParty, party: "b", contains: `party "b"`}},
		},
		{
			name:    "empty ID",
			parties: concat(abc, []parties.Party{{Name: "Nameless Holdings"}}),
			want:    []wantErr{{sentinel: parties.ErrEmptyID, party: "", contains: `"Nameless Holdings"`}},
		},
		{
			name:    "invalid kind",
			parties: []parties.Party{{ID: "k", Kind: parties.Kind(42)}},
			want:    []wantErr{{sentinel: parties.ErrInvalidKind, party: "k", contains: "42"}},
		},
		{
			name:    "negative share",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "b", "-0.1")},
			want:    []wantErr{{sentinel: parties.ErrShareRange, stake: 0, holder: "a", subject: "b", contains: "-0.1 is outside [0, 1]"}},
		},
		{
			name:    "share above one",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "b", "1.5")},
			want:    []wantErr{{sentinel: parties.ErrShareRange, stake: 0, holder: "a", subject: "b", contains: "economic share: share out of range: 1.5"}},
		},
		{
			name:    "voting share above one",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "b", Economic: exact("0.5"), Voting: exact("1.01")}},
			want:    []wantErr{{sentinel: parties.ErrShareRange, stake: 0, holder: "a", subject: "b", contains: "voting share"}},
		},
		{
			name:    "range reaching past one",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "b", Economic: between("0.9", "1.1")}},
			want:    []wantErr{{sentinel: parties.ErrShareRange, stake: 0, holder: "a", subject: "b", contains: "0.9..1.1"}},
		},
		{
			name:    "min above max",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "b", Economic: between("0.5", "0.4")}},
			want:    []wantErr{{sentinel: parties.ErrInvertedRange, stake: 0, holder: "a", subject: "b", contains: "minimum 0.5 is above maximum 0.4"}},
		},
		{
			name:    "no share given",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "b"}},
			want:    []wantErr{{sentinel: parties.ErrShareRange, stake: 0, holder: "a", subject: "b", contains: "no share given"}},
		},
		{
			name:    "economic over 100%",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "c", "0.6"), stake("b", "c", "0.5")},
			want:    []wantErr{{sentinel: parties.ErrOverOwned, party: "c", contains: "economic and voting shares held in it each total 110%"}},
		},
		{
			name:    "voting over 100%",
			parties: abc,
			stakes: []parties.Stake{
				{Holder: "a", Subject: "c", Economic: exact("0.3"), Voting: exact("0.625")},
				{Holder: "b", Subject: "c", Economic: exact("0.3"), Voting: exact("0.5")},
			},
			want: []wantErr{{sentinel: parties.ErrOverOwned, party: "c", contains: "voting shares held in it total 112.5%"}},
		},
		{
			name:    "voting defaults to economic in the total",
			parties: abc,
			stakes: []parties.Stake{
				{Holder: "a", Subject: "c", Economic: exact("0.7"), Voting: exact("0.1")},
				{Holder: "b", Subject: "c", Economic: exact("0.25")}, // votes 25%
			},
		},
		{
			name:    "ranges over 100% at their lower ends",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "c", Economic: between("0.6", "0.7")}, stake("b", "c", "0.45")},
			want:    []wantErr{{sentinel: parties.ErrOverOwned, party: "c", contains: "total 105%–115%"}},
		},
		{
			name:    "ranges over 100% only at their upper ends are accepted",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "c", Economic: between("0.5", "0.7")}, {Holder: "b", Subject: "c", Economic: between("0.4", "0.5")}},
		},
		{
			name:    "overlapping dated stakes over 100%",
			parties: abc,
			stakes: []parties.Stake{
				{Holder: "a", Subject: "c", Economic: exact("0.6"), Until: date("2022-01-01")},
				{Holder: "b", Subject: "c", Economic: exact("0.6"), From: date("2021-06-01")},
			},
			want: []wantErr{{sentinel: parties.ErrOverOwned, party: "c", contains: "total 120% on 2021-06-01"}},
		},
		{
			name:    "successive dated stakes are accepted",
			parties: abc,
			stakes: []parties.Stake{
				{Holder: "a", Subject: "c", Economic: exact("0.6"), Until: date("2021-06-01")},
				{Holder: "b", Subject: "c", Economic: exact("0.6"), From: date("2021-06-01")},
			},
		},
		{
			name:    "self stake",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "a", "0.1")},
			want:    []wantErr{{sentinel: parties.ErrSelfStake, stake: 0, holder: "a", subject: "a", contains: "holds a stake in itself"}},
		},
		{
			name:    "closed cycle",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "b", "1"), stake("b", "a", "1"), stake("a", "c", "0.5")},
			want:    []wantErr{{sentinel: parties.ErrClosedCycle, party: "a", contains: "a, b are held entirely by each other"}},
		},
		{
			name:    "closed cycle of three",
			parties: companies("x", "y", "z", "w"),
			stakes:  []parties.Stake{stake("x", "y", "1"), stake("y", "z", "1"), stake("z", "x", "1"), stake("x", "w", "0.5")},
			want:    []wantErr{{sentinel: parties.ErrClosedCycle, party: "x", contains: "x, y, z are held entirely by each other"}},
		},
		{
			name:    "open cycle",
			parties: abc,
			stakes:  []parties.Stake{stake("a", "b", "1"), stake("b", "a", "0.9"), stake("c", "a", "0.1")},
		},
		{
			name:    "closed cycle behind a range from outside",
			parties: abc,
			stakes: []parties.Stake{
				stake("a", "b", "1"), stake("b", "a", "1"),
				{Holder: "c", Subject: "a", Economic: between("0", "0.1")}, stake("a", "c", "0.5"),
			},
			want: []wantErr{{sentinel: parties.ErrClosedCycle, party: "a", contains: "a, b are held entirely by each other"}},
		},
		{
			name:    "closed cycle behind a zero stake from outside",
			parties: abc,
			stakes: []parties.Stake{
				stake("a", "b", "1"), stake("b", "a", "1"),
				stake("c", "a", "0"), stake("a", "c", "0.5"),
			},
			want: []wantErr{{sentinel: parties.ErrClosedCycle, party: "a", contains: "a, b are held entirely by each other"}},
		},
		{
			name:    "stake ends before it starts",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "b", Economic: exact("0.5"), From: date("2021-01-01"), Until: date("2020-01-01")}},
			want:    []wantErr{{sentinel: parties.ErrDates, stake: 0, holder: "a", subject: "b", contains: "from 2021-01-01 until 2020-01-01"}},
		},
		{
			name:    "stake ends the day it starts",
			parties: abc,
			stakes:  []parties.Stake{{Holder: "a", Subject: "b", Economic: exact("0.5"), From: date("2021-01-01"), Until: date("2021-01-01")}},
			want:    []wantErr{{sentinel: parties.ErrDates, stake: 0, holder: "a", subject: "b"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := parties.New(tt.parties, tt.stakes)
			if len(tt.want) == 0 {
				require.NoError(t, err)
				require.NotNil(t, r)
				return
			}
			require.Error(t, err)
			require.Nil(t, r)
			checkErrors(t, err, tt.want)
		})
	}
}

// checkErrors checks that err reports exactly the problems in want, each
// matchable with errors.Is and errors.As.
func checkErrors(t *testing.T, err error, want []wantErr) {
	t.Helper()
	got := leaves(err)
	require.Len(t, got, len(want), "problems reported: %v", err)
	for _, w := range want {
		require.ErrorIs(t, err, w.sentinel)
		found := false
		for _, e := range got {
			if !errors.Is(e, w.sentinel) || !strings.Contains(e.Error(), w.contains) {
				continue
			}
			if w.holder != "" || w.subject != "" {
				var se *parties.StakeError
				if !errors.As(e, &se) {
					continue
				}
				if se.Index != w.stake || se.Holder != w.holder || se.Subject != w.subject {
					continue
				}
				assert.Contains(t, e.Error(), `("`+string(w.holder)+`" -> "`+string(w.subject)+`")`)
			} else {
				pe, ok := errors.AsType[*parties.PartyError](e)
				if !ok || pe.ID != w.party {
					continue
				}
				assert.Contains(t, e.Error(), `party "`+string(w.party)+`"`)
			}
			assert.True(t, strings.HasPrefix(e.Error(), "parties: "), "message %q", e)
			assert.Equal(t, 1, strings.Count(e.Error(), "parties: "), "message %q repeats the prefix", e)
			found = true
			break
		}
		assert.True(t, found, "no %v naming %q/#%d containing %q among:\n%v", w.sentinel, w.party, w.stake, w.contains, err)
	}
}

// leaves returns the errors joined in err, or err itself.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// TestBuildReportsEverything checks that one build reports every problem of
// every kind at once.
func TestBuildReportsEverything(t *testing.T) {
	var b parties.Builder
	b.AddParty(companies("a", "b", "c", "d", "x", "y")...)
	b.AddParty(parties.Party{ID: "a"}, parties.Party{Name: "no ID"})
	b.AddStake(
		stake("ghost", "a", "0.1"),   // 0: unknown holder
		stake("a", "phantom", "0.1"), // 1: unknown subject
		stake("b", "b", "0.1"),       // 2: self stake
		stake("c", "b", "1.2"),       // 3: out of range
		parties.Stake{Holder: "c", Subject: "d", Economic: between("0.3", "0.2")},                                             // 4: inverted
		parties.Stake{Holder: "d", Subject: "c", Economic: exact("0.1"), From: date("2020-01-01"), Until: date("2019-01-01")}, // 5: dates
		stake("a", "d", "0.7"), stake("b", "d", "0.7"), // 6, 7: d over-owned
		stake("x", "y", "1"), stake("y", "x", "1"), // 8, 9: closed cycle
	)
	_, err := b.Build()
	checkErrors(t, err, []wantErr{
		{sentinel: parties.ErrDuplicateParty, party: "a"},
		{sentinel: parties.ErrEmptyID, party: "", contains: "no ID"},
		{sentinel: parties.ErrUnknownParty, stake: 0, holder: "ghost", subject: "a"},
		{sentinel: parties.ErrUnknownParty, stake: 1, holder: "a", subject: "phantom"},
		{sentinel: parties.ErrSelfStake, stake: 2, holder: "b", subject: "b"},
		{sentinel: parties.ErrShareRange, stake: 3, holder: "c", subject: "b"},
		{sentinel: parties.ErrInvertedRange, stake: 4, holder: "c", subject: "d"},
		{sentinel: parties.ErrDates, stake: 5, holder: "d", subject: "c"},
		{sentinel: parties.ErrOverOwned, party: "d", contains: "140%"},
		{sentinel: parties.ErrClosedCycle, party: "x", contains: "x, y"},
	})

	// The builder is unchanged and can be mended and built again.
	b.RemoveStakes(func(s parties.Stake) bool { return true })
	b2 := parties.Builder{}
	for p := range b.Parties() {
		if p.ID != "" && !(p.ID == "a" && p.Name == "") {
			b2.AddParty(p)
		}
	}
	b2.AddParty(parties.Party{ID: "a"})
	r, err := b2.Build()
	require.NoError(t, err)
	require.Equal(t, 6, r.Len())
}

func TestBuildEmpty(t *testing.T) {
	var b parties.Builder
	r, err := b.Build()
	require.NoError(t, err)
	require.Equal(t, 0, r.Len())
	_, err = r.LookThrough("anything", parties.Proportional())
	require.ErrorIs(t, err, parties.ErrUnknownParty)
	pe, ok := errors.AsType[*parties.PartyError](err)
	require.True(t, ok)
	require.Equal(t, parties.ID("anything"), pe.ID)
}

func TestBuildCopiesInput(t *testing.T) {
	tags := []string{"state-owned"}
	ps := []parties.Party{{ID: "a", Tags: tags}, {ID: "b"}}
	r := mustBuild(t, ps, stake("a", "b", "0.5"))
	tags[0] = "changed"
	ps[0].ID = "z"
	p, ok := r.Party("a")
	require.True(t, ok)
	require.Equal(t, []string{"state-owned"}, p.Tags)
	p.Tags[0] = "mutated"
	p2, _ := r.Party("a")
	require.Equal(t, []string{"state-owned"}, p2.Tags, "Party returns a copy")
}

func TestQueriesRejectBadArguments(t *testing.T) {
	r := tiktokGlobal(t)
	bad := parties.Threshold{Op: parties.AtLeast, Value: d("1.5")}
	_, err := r.LookThrough("tiktok-global", parties.Attribution(bad))
	require.ErrorIs(t, err, parties.ErrShareRange)
	_, err = r.LookThrough("tiktok-global", parties.Rolling(parties.Threshold{Op: parties.AtMost, Value: d("0.5")}))
	require.ErrorIs(t, err, parties.ErrShareRange)
	_, err = r.Controllers("tiktok-global", bad)
	require.ErrorIs(t, err, parties.ErrShareRange)
	_, err = r.Controllers("tiktok-global", parties.Threshold{Op: parties.LessThan, Value: d("0.5")})
	require.ErrorIs(t, err, parties.ErrShareRange, "control needs a lower bound")
	_, err = r.UltimateOwners("tiktok-global", &parties.OwnerOptions{Threshold: bad})
	require.ErrorIs(t, err, parties.ErrShareRange)
	for _, q := range []func() error{
		func() error { _, err := r.LookThrough("nobody", parties.Proportional()); return err },
		func() error { _, err := r.OwnedBy("nobody", parties.Tagged("x"), parties.Proportional()); return err },
		func() error { _, err := r.Controllers("nobody", parties.Majority); return err },
		func() error { _, err := r.UltimateOwners("nobody", nil); return err },
		func() error { _, err := r.Explain("nobody", "oracle", parties.Proportional()); return err },
		func() error { _, err := r.Explain("tiktok-global", "nobody", parties.Proportional()); return err },
		func() error {
			_, err := r.ExplainOwnedBy("nobody", parties.Tagged("x"), parties.Proportional())
			return err
		},
	} {
		err := q()
		require.ErrorIs(t, err, parties.ErrUnknownParty)
		pe, ok := errors.AsType[*parties.PartyError](err)
		require.True(t, ok)
		require.Equal(t, parties.ID("nobody"), pe.ID)
	}
}

func TestParseJurisdiction(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for an error
	}{
		{"US", "US"}, {"us", "US"}, {" cn ", "CN"}, {"EU", "EU"}, {"KY", "KY"},
		{"", ""}, {"USA", ""}, {"U", ""}, {"XX", ""}, {"UK", ""}, {"ZZ", ""}, {"12", ""},
		{"U S", ""}, {"é", ""}, {"E\x00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			j, err := parties.ParseJurisdiction(tt.in)
			if tt.want == "" {
				require.ErrorIs(t, err, parties.ErrJurisdiction)
				require.Contains(t, err.Error(), fmt.Sprintf("%q", tt.in))
				require.True(t, j.IsZero())
				require.Panics(t, func() { parties.MustJurisdiction(tt.in) })
				var u parties.Jurisdiction
				if tt.in != "" {
					require.ErrorIs(t, u.UnmarshalText([]byte(tt.in)), parties.ErrJurisdiction)
				}
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, j.Code())
			text, err := j.MarshalText()
			require.NoError(t, err)
			var back parties.Jurisdiction
			require.NoError(t, back.UnmarshalText(text))
			require.Equal(t, j, back)
		})
	}
}

func TestJurisdictionGroups(t *testing.T) {
	eu, de, us, cn := parties.MustJurisdiction("EU"), parties.MustJurisdiction("DE"), parties.MustJurisdiction("US"), parties.MustJurisdiction("CN")
	require.True(t, eu.IsBloc())
	require.False(t, de.IsBloc())
	require.True(t, de.Within(eu))
	require.False(t, eu.Within(de))
	require.False(t, us.Within(eu))
	require.False(t, parties.Jurisdiction{}.Within(parties.Jurisdiction{}), "an unknown jurisdiction is within nothing")
	n := 0
	for range eu.Members() {
		n++
	}
	require.Equal(t, 27, n)

	adversaries := parties.NewGroup("foreign adversaries", cn, parties.MustJurisdiction("RU"), parties.MustJurisdiction("IR"), parties.MustJurisdiction("KP"), cn, parties.Jurisdiction{})
	require.Equal(t, "foreign adversaries (CN, IR, KP, RU)", adversaries.String())
	require.True(t, adversaries.Contains(cn))
	require.False(t, adversaries.Contains(us))
	europe := parties.NewGroup("Europe", eu, parties.MustJurisdiction("GB"))
	require.True(t, europe.Contains(de), "a member of a listed bloc belongs to the group")
	require.False(t, europe.Contains(us))
	var zero parties.Group
	require.False(t, zero.Contains(us))
}

// TestStakeOrderIsCanonical checks that stakes between the same two parties
// come out in one order whatever order they were added in.
func TestStakeOrderIsCanonical(t *testing.T) {
	ss := []parties.Stake{
		stake("a", "b", "0.3"),
		{Holder: "a", Subject: "b", Economic: exact("0.1"), Source: parties.Source{URL: "https://example.com/2"}},
		{Holder: "a", Subject: "b", Economic: exact("0.1"), Source: parties.Source{URL: "https://example.com/1"}},
		{Holder: "a", Subject: "b", Economic: exact("0.2"), Class: "B"},
	}
	order := func(ss []parties.Stake) []string {
		r := mustBuild(t, companies("a", "b"), ss...)
		var out []string
		for s := range r.Holders("b") {
			out = append(out, s.String()+" "+s.Source.URL)
		}
		return out
	}
	want := []string{
		"a holds 10% of b https://example.com/1",
		"a holds 10% of b https://example.com/2",
		"a holds 30% of b ",
		"a holds 20% of b [class B] ",
	}
	require.Equal(t, want, order(ss))
	slices.Reverse(ss)
	require.Equal(t, want, order(ss))
}

// TestBuilderReuse checks that changing a builder after a build leaves the
// register alone, though they share their facts.
func TestBuilderReuse(t *testing.T) {
	var b parties.Builder
	b.AddParty(companies("a", "b", "c")...)
	b.AddStake(stake("a", "c", "0.5"), stake("b", "c", "0.25"))
	r, err := b.Build()
	require.NoError(t, err)
	b.RemoveStakes(func(s parties.Stake) bool { return s.Holder == "a" })
	b.AddStake(stake("a", "b", "1"), stake("c", "a", "0.5"))
	b.AddParty(parties.Party{ID: "d"})
	r2, err := b.Build()
	require.NoError(t, err)

	in := lookThrough(t, r, "c", parties.Proportional())
	requireInterests(t, in, map[parties.ID]string{"a": "0.5", "b": "0.25"})
	require.Equal(t, 3, r.Len())
	var got []string
	for s := range r.Stakes() {
		got = append(got, s.String())
	}
	require.Equal(t, []string{"a holds 50% of c", "b holds 25% of c"}, got)

	in = lookThrough(t, r2, "c", parties.Proportional())
	requireInterests(t, in, map[parties.ID]string{"a": "0.25", "b": "0.25"})
	require.Equal(t, 4, r2.Len())
}

// TestBuildLarge builds a register large enough to be checked in parallel
// chunks, with problems spread across the chunks.
func TestBuildLarge(t *testing.T) {
	const n = 70_000
	ps := make([]parties.Party, n+1)
	ss := make([]parties.Stake, n)
	for i := range ps {
		ps[i] = parties.Party{ID: parties.ID(fmt.Sprintf("c%d", i))}
	}
	// A binary tree: c(i) holds 50% of c((i-1)/2), added from the leaves up.
	for k := range ss {
		i := n - k
		ss[k] = stake(ps[i].ID, ps[(i-1)/2].ID, "0.5")
	}
	r := mustBuild(t, ps, ss...)
	in := lookThrough(t, r, "c1", parties.Proportional())
	requireShare(t, exact("0.25"), in.Of("c7"))
	requireShare(t, exact("0.5"), in.Of("c4"))
	requireShare(t, exact("0"), in.Of("c2"))

	bad := slices.Clone(ss)
	bad[5].Holder = "ghost"
	bad[40_000].Economic = exact("2")
	bad[n-1] = stake("c9", "c9", "0.1")
	_, err := parties.New(ps, bad)
	errs := leaves(err)
	require.Len(t, errs, 3)
	for k, want := range []int{5, 40_000, n - 1} {
		se, ok := errors.AsType[*parties.StakeError](errs[k])
		require.True(t, ok)
		require.Equal(t, want, se.Index, "problems come in the order the stakes were added")
	}
	require.ErrorIs(t, errs[0], parties.ErrUnknownParty)
	require.ErrorIs(t, errs[1], parties.ErrShareRange)
	require.ErrorIs(t, errs[2], parties.ErrSelfStake)
}

func TestPercentRejectsNaNAndInfinity(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    float64
	}{{"NaN", math.NaN()}, {"+Inf", math.Inf(1)}, {"-Inf", math.Inf(-1)}} {
		t.Run(tc.name, func(t *testing.T) {
			s := parties.Percent(tc.p)
			require.True(t, s.IsZero())
			_, err := parties.New([]parties.Party{{ID: "a"}, {ID: "b"}}, []parties.Stake{{Holder: "a", Subject: "b", Economic: s}})
			require.ErrorIs(t, err, parties.ErrShareRange)
		})
	}
	require.True(t, parties.Percent(12.5).Equal(parties.MustParseShare("0.125")))
}
