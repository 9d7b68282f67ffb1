package deal_test

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// syntheticSpec generates, deterministically, a scenario of the size the
// engine is meant for: 200 parties in five jurisdictions, owning each other
// through chains (some stakes known only as ranges); 30 gates testing
// post-deal ownership and terms (a few discretionary); 8 proposals, each an
// issue of new shares in its target plus the sale of a seller's stake, with
// 3 open terms of 4 values (the new stake, the markets covered, the data
// custodian) and about 20 open consents and gate decisions; 5 deadlines
// that may each be enjoined or extended.
//
// Raw paths: 1,924,289,850,368 (about 1.9 × 10^12, reported as
// "raw-paths"): per combination, every way its open consents, triggers and
// clearance tests resolve, times the 3^5 deadline states, plus the late
// closings of windows that straddle a deadline.
func syntheticSpec(tb testing.TB) deal.Spec {
	rng := rand.New(rand.NewPCG(2020, 9))
	js := []parties.Jurisdiction{jUS, jCN, parties.MustJurisdiction("GB"), parties.MustJurisdiction("DE"), parties.MustJurisdiction("JP")}
	const n = 200
	id := func(i int) parties.ID { return parties.ID(fmt.Sprintf("p%03d", i)) }
	var ps []parties.Party
	for i := range n {
		j := js[rng.IntN(len(js))]
		if i < 8 {
			j = jUS // the targets
		}
		p := parties.Party{ID: id(i), Jurisdiction: j, Headquarters: j, Kind: []parties.Kind{parties.Company, parties.Fund, parties.Person}[rng.IntN(3)]}
		if rng.IntN(10) == 0 {
			p.Tags = []string{"state-owned"}
		}
		ps = append(ps, p)
	}
	// Each party is held by up to three parties of higher index (so there
	// are no cycles), together 40% to 100% of it; a target (p000-p007) is
	// held entirely by two sellers.
	pct := func(k int) decimal.Decimal { return decimal.New(int64(k), -2) }
	var stakes []parties.Stake
	sellers := make([][]parties.ID, 8)
	for i := range n - 1 {
		holders := 1 + rng.IntN(3)
		total := 40 + rng.IntN(61)
		if i < 8 {
			holders, total = 2, 100
		}
		left := total
		used := map[int]bool{}
		for h := range holders {
			k := max(i+1, 8) + rng.IntN(n-max(i+1, 8))
			if used[k] {
				continue
			}
			used[k] = true
			share := left
			if h < holders-1 {
				share = 1 + rng.IntN(max(1, left-1))
			}
			left -= share
			econ := parties.Exact(pct(share))
			if i >= 8 && share > 3 && rng.IntN(4) == 0 {
				econ = parties.Between(pct(share-3), pct(share)) // known only as a band
			}
			stakes = append(stakes, parties.Stake{Holder: id(k), Subject: id(i), Economic: econ})
			if i < 8 {
				sellers[i] = append(sellers[i], id(k))
			}
			if left == 0 {
				break
			}
		}
	}
	reg, err := parties.New(ps, stakes)
	if err != nil {
		tb.Fatal(err)
	}

	markets := []regulator.Value{regulator.Set("US"), regulator.Set("US", "CA"), regulator.Set("US", "CA", "AU", "NZ"), regulator.Set("GB")}
	custodians := []regulator.Value{regulator.Text("p150"), regulator.Text("p151"), regulator.Text("p152"), regulator.Text("none")}
	stakeValues := []regulator.Value{regulator.Number(pct(10)), regulator.Number(pct(20)), regulator.Number(pct(35)), regulator.Number(pct(49))}
	byJ := func(k int) parties.Predicate { return parties.In(js[k%len(js)], parties.Seat) }
	threshold := func() parties.Threshold {
		return parties.Threshold{Op: parties.MoreThan, Value: pct([]int{5, 10, 25}[rng.IntN(3)])}
	}
	var gates []regulator.Gate
	for g := range 30 {
		holders := byJ(g)
		trigger := []regulator.Condition{
			regulator.Discretion(fmt.Sprintf("call-in-%d", g), "calling the deal in"),
			regulator.Owned(regulator.OwnershipRule{Holders: byJ(g + 1), Threshold: parties.Threshold{Op: parties.AtLeast, Value: pct(10)}}),
			regulator.TermContains("markets", []string{"US", "CA", "AU", "GB"}[g%4]),
			regulator.AcquirerIs(byJ(g + 2)),
		}[g%4]
		var test regulator.Condition
		switch g % 5 {
		case 0:
			test = regulator.Not(regulator.Owned(regulator.OwnershipRule{Holders: byJ(g + 1), Threshold: parties.Majority}))
		case 1:
			test = regulator.Owned(regulator.OwnershipRule{Holders: usPersons, Threshold: threshold()})
		case 2:
			test = regulator.Not(regulator.Owned(regulator.OwnershipRule{Holders: parties.Tagged("state-owned"), Threshold: parties.Majority}))
		case 3:
			test = regulator.TermIn("custodian", custodians[:1+g%3]...)
		default:
			test = regulator.Or(regulator.Owned(regulator.OwnershipRule{Holders: holders, Method: parties.Direct(), Threshold: parties.Majority}),
				regulator.Discretion(fmt.Sprintf("view-%d", g), "the authority's view"))
		}
		spec := regulator.GateSpec{ID: fmt.Sprintf("g%02d", g), Regulator: regulator.Regulator{ID: fmt.Sprintf("r%02d", g), Jurisdiction: js[g%len(js)]},
			Trigger: trigger, Clearance: test, Discretionary: g%5 == 4,
			Timeline: regulator.Timeline{Phases: []regulator.Phase{
				{Name: "review", Min: calendar.Days(1 + rng.IntN(20)), Max: calendar.Days(30 + rng.IntN(30))},
				{Name: "investigation", Max: calendar.Days(45), Optional: true}}}}
		if g%6 == 5 {
			spec.WaitsFor = []string{fmt.Sprintf("g%02d", g-1)}
		}
		gates = append(gates, regulator.MustGate(spec))
	}

	var threats []deal.Threat
	for d := range 5 {
		threats = append(threats, deal.Threat{Outcome: []string{"ban", "divestiture"}[d%2],
			Deadline: regulator.MustDeadline(regulator.DeadlineSpec{ID: fmt.Sprintf("d%d", d), Date: days(40 + 20*d), Enjoinable: true,
				Extension: regulator.Extension{Up: calendar.Days(30)}})})
	}

	var proposals []deal.Proposal
	var positions []deal.Position
	for k := range 8 {
		taken := map[parties.ID]bool{sellers[k][0]: true, sellers[k][1]: true}
		pick := func(from int) parties.ID {
			for taken[id(from)] {
				from++
			}
			taken[id(from)] = true
			return id(from)
		}
		acq1, acq2 := pick(100+k), pick(110+k)
		p := deal.Proposal{ID: fmt.Sprintf("deal-%d", k), Target: id(k), Acquirers: []parties.ID{acq1, acq2},
			Moves: []deal.Move{
				deal.Issue{Subject: id(k), To: []deal.Allocation{{Holder: acq1, Amount: deal.FromTerm("stake")}}},
				deal.Transfer{Seller: sellers[k][0], Buyer: acq2, Subject: id(k), Amount: deal.All()},
			},
			Terms: map[string]regulator.Value{"price": regulator.Number(decimal.NewFromInt(int64(1000 + k)))},
			Dimensions: []deal.Dimension{
				{Term: "stake", Values: stakeValues},
				{Term: "markets", Values: markets},
				{Term: "custodian", Values: custodians},
			},
			Consents: []parties.ID{sellers[k][0], acq1, acq2},
		}
		// Twelve more parties whose consent is needed (boards, lenders,
		// co-investors) and who have stated no position.
		for c := range 12 {
			p.Consents = append(p.Consents, pick(120+k*9+c))
		}
		proposals = append(proposals, p)
		positions = append(positions,
			deal.Position{Party: sellers[k][0], Accepts: regulator.Not(regulator.TermIs("custodian", regulator.Text("none")))},
			deal.Position{Party: acq1, Accepts: regulator.Owned(regulator.OwnershipRule{Holders: parties.IDs(acq1), Threshold: parties.Threshold{Op: parties.AtLeast, Value: pct(10)}})},
			deal.Position{Party: acq2})
	}
	return deal.Spec{Name: "synthetic", Register: reg, AsOf: date(asOf), Gates: gates, Threats: threats, Positions: positions, Proposals: proposals}
}

// peakHeap samples the heap in use until stopped and returns the most seen.
func peakHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(100 * time.Microsecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				read()
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		read()
		return peak.Load()
	}
}

func benchAnalyze(b *testing.B, sc *deal.Scenario) {
	ctx := context.Background()
	r, err := sc.Analyze(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := new(big.Float).SetInt(r.PathCount()).Float64()
	combos := r.Combinations
	runtime.GC()
	stop := peakHeap()
	for b.Loop() {
		if _, err := sc.Analyze(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
	peak := stop()
	b.ReportMetric(float64(combos)*float64(b.N)/b.Elapsed().Seconds(), "combos/s")
	b.ReportMetric(paths, "raw-paths")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

func BenchmarkAnalyzeSynthetic(b *testing.B) {
	sc, err := deal.New(syntheticSpec(b))
	if err != nil {
		b.Fatal(err)
	}
	benchAnalyze(b, sc)
}

// BenchmarkNewSynthetic measures building the synthetic scenario: checking
// it and deriving the 512 post-deal registers.
func BenchmarkNewSynthetic(b *testing.B) {
	spec := syntheticSpec(b)
	for b.Loop() {
		if _, err := deal.New(spec); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnalyzeMiniTikTok(b *testing.B) {
	benchAnalyze(b, miniTikTok(b, "2020-09-14"))
}
