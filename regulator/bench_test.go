package regulator_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// syntheticRegister builds a deterministic register of n parties in
// ownership trees of upstream parties each, the first rooted at the target
// "p0000": in each tree a subject has ten holders, each layer ten times the
// one below, with cross-holdings between neighbouring branches and one stake
// in eight known only as a range. Jurisdictions, kinds and tags come from a
// fixed-seed generator.
func syntheticRegister(tb testing.TB, n, upstream int) *parties.Register {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	codes := []string{"US", "US", "US", "CN", "CN", "KY", "GB", "DE", "FR", "JP", "SG", "CA"}
	kinds := []parties.Kind{parties.Company, parties.Company, parties.Fund, parties.Person, parties.State}
	ps := make([]parties.Party, n)
	for i := range ps {
		j := parties.MustJurisdiction(codes[rng.IntN(len(codes))])
		hq := j
		if rng.IntN(4) == 0 {
			hq = parties.MustJurisdiction(codes[rng.IntN(len(codes))])
		}
		p := parties.Party{ID: pid(i), Kind: kinds[rng.IntN(len(kinds))], Jurisdiction: j, Headquarters: hq}
		if p.Kind == parties.State || rng.IntN(10) == 0 {
			p.Tags = []string{"state-owned"}
		}
		ps[i] = p
	}
	var ss []parties.Stake
	for root := 0; root < n; root += upstream {
		ps[root].Kind = parties.Company
		ss = appendTree(ss, rng, root, min(root+upstream, n))
	}
	reg, err := parties.New(ps, ss)
	require.NoError(tb, err)
	require.Equal(tb, n, reg.Len())
	return reg
}

// appendTree adds the stakes of a tree over the parties root..end-1: the
// holders of each subject are the next ten parties not yet placed, so the
// holders of party k of a layer are ten consecutive parties of the next.
// Every stake goes from a higher index to a lower one: the tree is acyclic.
func appendTree(ss []parties.Stake, rng *rand.Rand, root, end int) []parties.Stake {
	next := root + 1
	for subject := root; next < end; subject++ {
		total := 0
		for h := 0; h < 10 && next < end; h++ {
			permille := 20 + rng.IntN(70) // 2.0% to 8.9%, at most 890 in all
			total += permille
			econ := parties.Exact(decimal.New(int64(permille), -3))
			if rng.IntN(8) == 0 {
				econ = parties.Between(decimal.New(int64(permille), -3), decimal.New(int64(permille+10), -3))
			}
			ss = append(ss, parties.Stake{Holder: pid(next), Subject: pid(subject), Economic: econ})
			next++
		}
		// A cross-holding of at most 8.9% from a holder of the previous
		// subject.
		if prev := next - 11 - rng.IntN(5); subject > root && prev > subject && total < 890 {
			ss = append(ss, parties.Stake{Holder: pid(prev), Subject: pid(subject), Economic: parties.Exact(decimal.New(int64(10+rng.IntN(80)), -3))})
		}
	}
	return ss
}

func pid(i int) parties.ID { return parties.ID(fmt.Sprintf("p%04d", i)) }

// benchPredicates are the groups of holders the benchmark gates test.
func benchPredicates() []parties.Predicate {
	us := parties.In(parties.MustJurisdiction("US"), parties.Seat)
	return []parties.Predicate{
		us,
		parties.In(parties.MustJurisdiction("CN"), parties.Seat),
		parties.Not(us).WithName("foreign persons"),
		parties.Tagged("state-owned"),
		parties.In(parties.MustJurisdiction("EU"), parties.Incorporation),
	}
}

// benchSubjects are the parties whose ownership the benchmark gates test:
// the target and its first holder.
var benchSubjects = []parties.ID{"", "p0001"}

// benchGates returns n gates that test look-through shares of the target
// "p0000" and of its first holder "p0001". Like a real rule set, they share
// a handful of predicates and subjects (ten look-through questions in all)
// and differ in thresholds: each gate has a trigger and a clearance test
// of three ownership conditions and a mitigation.
func benchGates(tb testing.TB, n int) []regulator.Gate {
	tb.Helper()
	preds := benchPredicates()
	thresholds := []string{"0.1", "0.2", "0.25", "0.3", "0.5"}
	ops := []parties.Comparison{parties.AtLeast, parties.MoreThan}
	proxy := regulator.Mitigation{ID: "proxy-board", Name: "proxy board", Available: regulator.TermPresent("proxy-board")}
	gs := make([]regulator.Gate, n)
	for i := range gs {
		rule := func(k int, op parties.Comparison) regulator.Condition {
			return regulator.Owned(regulator.OwnershipRule{
				Subject:   benchSubjects[(i+k)%len(benchSubjects)],
				Holders:   preds[(i+k)%len(preds)],
				Threshold: threshold(op, thresholds[(i+2*k)%len(thresholds)]),
			})
		}
		gs[i] = regulator.MustGate(regulator.GateSpec{
			ID:        fmt.Sprintf("gate-%02d", i),
			Regulator: regulator.Regulator{ID: "authority", Jurisdiction: parties.MustJurisdiction("US")},
			Basis:     regulator.LegalBasis{Instrument: "Synthetic Act", Section: fmt.Sprintf("section %d", i)},
			InForce:   regulator.Window{From: date(2020, 1, 1)},
			Trigger:   rule(0, ops[i%2]),
			Clearance: regulator.Or(
				regulator.Not(rule(1, parties.MoreThan)),
				regulator.And(rule(2, parties.AtLeast), regulator.Requires(proxy)),
			),
			Mitigations: []regulator.Mitigation{proxy},
			Timeline:    regulator.Timeline{Phases: []regulator.Phase{{Name: "review", Min: calendar.Days(30), Max: calendar.Days(45)}}},
		})
	}
	return gs
}

func benchFacts(tb testing.TB, upstream int) regulator.Facts {
	return regulator.Facts{
		Register:  syntheticRegister(tb, 1000, upstream),
		Target:    "p0000",
		Acquirers: []parties.ID{"p0001"},
		Terms:     regulator.NewTerms(map[string]regulator.Value{"proxy-board": regulator.Bool(true)}),
		AsOf:      date(2021, 6, 1),
	}
}

// upstreams are the sizes of the ownership tree above the target in the
// 1,000-party register: every party, or a tenth of them (the rest own other
// targets).
var upstreams = []int{1000, 100}

// BenchmarkAssessGates assesses 50 gates against one post-deal world of a
// 1,000-party register, with a fresh World per set: look-through results
// are shared between the gates' conditions within a set, not across sets.
func BenchmarkAssessGates(b *testing.B) {
	for _, up := range upstreams {
		b.Run(fmt.Sprintf("upstream=%d", up), func(b *testing.B) {
			facts := benchFacts(b, up)
			gates := benchGates(b, 50)
			decisions := 0
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				w := regulator.NewWorld(facts)
				for _, g := range gates {
					decisions += len(g.Assess(w).Decisions)
				}
				times = append(times, time.Since(start))
			}
			if decisions == 0 {
				b.Fatal("no decisions")
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Nanoseconds())/1e3, "µs-median/gate-set")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/gate-set")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(gates)), "ns/gate")
		})
	}
}

// BenchmarkAssessGatesWarm assesses the same 50 gates against a world whose
// look-through results are already computed: the cost of the conditions and
// their explanations alone.
func BenchmarkAssessGatesWarm(b *testing.B) {
	facts := benchFacts(b, 1000)
	gates := benchGates(b, 50)
	w := regulator.NewWorld(facts)
	for _, g := range gates {
		g.Assess(w)
	}
	for b.Loop() {
		for _, g := range gates {
			g.Assess(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/gate-set")
}

// BenchmarkOwnedByDistinct asks package parties, directly, the ten distinct
// look-through questions of the 50 gates: the floor under
// BenchmarkAssessGates that sharing results in package regulator cannot
// lower.
func BenchmarkOwnedByDistinct(b *testing.B) {
	benchDistinct(b, func(reg *parties.Register, s parties.ID) func(parties.Predicate) error {
		return func(p parties.Predicate) error {
			_, err := reg.OwnedBy(s, p, parties.Proportional())
			return err
		}
	})
}

// BenchmarkOwnedShareDistinct asks package parties, directly, for the totals
// of the ten distinct look-through questions of the 50 gates, without the
// per-holder breakdown that conditions do not need.
func BenchmarkOwnedShareDistinct(b *testing.B) {
	benchDistinct(b, func(reg *parties.Register, s parties.ID) func(parties.Predicate) error {
		return func(p parties.Predicate) error {
			_, err := reg.OwnedShare(s, p, parties.Proportional())
			return err
		}
	})
}

// BenchmarkAboveDistinct is BenchmarkOwnedShareDistinct asked as a World
// asks: through the part of the register above each subject, collected once
// per subject (the part of BenchmarkAssessGates spent looking through).
func BenchmarkAboveDistinct(b *testing.B) {
	benchDistinct(b, func(reg *parties.Register, s parties.ID) func(parties.Predicate) error {
		a, err := reg.Above(s)
		return func(p parties.Predicate) error {
			if err != nil {
				return err
			}
			_, err := a.OwnedShare(p, parties.Proportional())
			return err
		}
	})
}

// benchDistinct asks the ten distinct look-through questions of the 50
// gates: for each subject, ask returns the function that answers for one
// predicate.
func benchDistinct(b *testing.B, ask func(reg *parties.Register, s parties.ID) func(parties.Predicate) error) {
	for _, up := range upstreams {
		b.Run(fmt.Sprintf("upstream=%d", up), func(b *testing.B) {
			reg := benchFacts(b, up).Register
			subjects := []parties.ID{"p0000", "p0001"}
			preds := benchPredicates()
			for b.Loop() {
				for _, s := range subjects {
					answer := ask(reg, s)
					for _, p := range preds {
						if err := answer(p); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
			b.ReportMetric(float64(len(subjects)*len(preds)), "questions/op")
		})
	}
}

// BenchmarkTimelineWorkingDays computes a 200-working-day phase on the US
// calendar.
func BenchmarkTimelineWorkingDays(b *testing.B) {
	tl := regulator.Timeline{Phases: []regulator.Phase{{
		Name: "review", Min: calendar.WorkingDays(200), Max: calendar.WorkingDays(200),
		Calendar: calendar.US(), DayOne: calendar.NextDay,
	}}}
	filed := time.Date(2020, 11, 20, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, _, err := tl.Window(filed); err != nil {
			b.Fatal(err)
		}
	}
}
