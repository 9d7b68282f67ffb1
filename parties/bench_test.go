package parties_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// synthetic is a large register's facts, generated deterministically.
type synthetic struct {
	parties []parties.Party
	stakes  []parties.Stake
	// subject is a company with about 100 parties above it, ancestors how
	// many exactly.
	subject   parties.ID
	ancestors int
}

const (
	synthCompanies = 400_000
	synthPersons   = 100_000
	synthLayers    = 12
)

var synth = sync.OnceValue(generate)

// synthRegister is the register built from synth, once for all benchmarks
// that query it.
var synthRegister = sync.OnceValue(func() *parties.Register {
	s := synth()
	r, err := parties.New(s.parties, s.stakes)
	if err != nil {
		panic(err)
	}
	return r
})

// generate makes 500,000 parties (400,000 companies in 12 layers, 100,000
// persons) and about 1,000,000 stakes, in the manner of
// ../shared/perf/gen_bods.py: each company is held by two or three holders,
// a company of the layer above (three times in four) or a person; 3% of
// companies are also held by a sibling of their own layer (cross-holdings,
// making cycles); holders hold 60% to 100% in all, in whole percents; 5% of
// stakes are ranges of two points.
func generate() *synthetic {
	rng := rand.New(rand.NewPCG(20261127, 2))
	jur := []parties.Jurisdiction{}
	for _, c := range []string{"US", "CN", "GB", "DE", "FR", "JP", "AE", "SG", "KY", "NL"} {
		jur = append(jur, parties.MustJurisdiction(c))
	}
	pct := make([]decimal.Decimal, 101)
	for i := range pct {
		pct[i] = decimal.New(int64(i), -2)
	}
	s := &synthetic{
		parties: make([]parties.Party, 0, synthCompanies+synthPersons),
		stakes:  make([]parties.Stake, 0, 1_020_000),
	}
	layerOf := func(i int) int { return i * synthLayers / synthCompanies }
	layerStart := make([]int, synthLayers+1)
	for l := range synthLayers + 1 {
		layerStart[l] = (l*synthCompanies + synthLayers - 1) / synthLayers
	}
	company := func(i int) parties.ID { return parties.ID(fmt.Sprintf("e%d", i)) }
	person := func(i int) parties.ID { return parties.ID(fmt.Sprintf("p%d", i)) }
	for i := range synthCompanies {
		j := jur[rng.IntN(len(jur))]
		s.parties = append(s.parties, parties.Party{ID: company(i), Name: fmt.Sprintf("Company %d", i), Jurisdiction: j, Headquarters: j})
	}
	for i := range synthPersons {
		s.parties = append(s.parties, parties.Party{ID: person(i), Kind: parties.Person, Jurisdiction: jur[rng.IntN(len(jur))]})
	}
	// holders[i] lists the holders of company i, as party positions (a
	// person p is synthCompanies+p), for finding a subject.
	holders := make([][]int32, synthCompanies)
	for e := range synthCompanies {
		l := layerOf(e)
		k := 2 + rng.IntN(2)
		hs := make([]int32, 0, k+1)
		for range k {
			if l > 0 && rng.IntN(4) < 3 {
				hs = append(hs, int32(layerStart[l-1]+rng.IntN(layerStart[l]-layerStart[l-1])))
			} else {
				hs = append(hs, int32(synthCompanies+rng.IntN(synthPersons)))
			}
		}
		if rng.IntN(100) < 3 {
			if h := layerStart[l] + rng.IntN(layerStart[l+1]-layerStart[l]); h != e {
				hs = append(hs, int32(h))
			}
		}
		slices.Sort(hs)
		hs = slices.Compact(hs)
		holders[e] = hs
		total := 60 + rng.IntN(41)
		// Cut total into len(hs) positive parts.
		cuts := rng.Perm(total - 1)[:len(hs)-1]
		for i := range cuts {
			cuts[i]++
		}
		slices.Sort(cuts)
		prev := 0
		for i, h := range hs {
			next := total
			if i < len(cuts) {
				next = cuts[i]
			}
			p := next - prev
			prev = next
			st := parties.Stake{Holder: s.parties[h].ID, Subject: company(e), Economic: parties.Exact(pct[p])}
			if p > 2 && rng.IntN(100) < 5 {
				st.Economic = parties.Between(pct[p-2], pct[p])
			}
			s.stakes = append(s.stakes, st)
		}
	}
	// The subject: the first company, from layer 6 down, with 90 to 110
	// parties above it.
	seen := make(map[int32]bool)
	for e := layerStart[6]; e < synthCompanies && s.subject == ""; e++ {
		clear(seen)
		queue := []int32{int32(e)}
		for q := 0; q < len(queue) && len(seen) <= 110; q++ {
			if v := queue[q]; v < synthCompanies {
				for _, h := range holders[v] {
					if !seen[h] {
						seen[h] = true
						queue = append(queue, h)
					}
				}
			}
		}
		if n := len(seen); n >= 90 && n <= 110 {
			s.subject, s.ancestors = company(e), n
		}
	}
	if s.subject == "" {
		panic("no subject with about 100 ancestors")
	}
	return s
}

func BenchmarkBuild1M(b *testing.B) {
	s := synth()
	var bld parties.Builder
	bld.AddParty(s.parties...).AddStake(s.stakes...)
	b.ReportAllocs()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := sampleHeap()
	cpu := cpuTime()
	var r *parties.Register
	for b.Loop() {
		var err error
		if r, err = bld.Build(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	cpu = cpuTime() - cpu
	top := peak()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/op")
	// Processor time, all threads and the collector included: less
	// affected than s/op by other processes on a busy machine.
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "MiB-alloc/op")
	// The peak heap in use while building, facts and builder included, and
	// above what they take.
	b.ReportMetric(float64(top)/(1<<20), "MiB-heap")
	b.ReportMetric(float64(top-min(top, before.HeapInuse))/(1<<20), "MiB-heap-build")
	// What the register keeps alive beyond the builder's facts, which it
	// shares.
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc))/(1<<20), "MiB-register")
	b.ReportMetric(float64(len(s.stakes)), "stakes")
	b.ReportMetric(float64(len(s.parties)), "parties")
	runtime.KeepAlive(r)
	runtime.KeepAlive(&bld)
}

// sampleHeap samples the heap in use every few milliseconds until the
// returned function is called, which returns the highest figure seen.
func sampleHeap() (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var ms runtime.MemStats
		var top uint64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			top = max(top, ms.HeapInuse)
			select {
			case <-done:
				result <- top
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-result
	}
}

// benchQuery times one query per iteration on the synthetic register and
// reports the median in microseconds.
func benchQuery(b *testing.B, query func(r *parties.Register, subject parties.ID) error) {
	s := synth()
	r := synthRegister()
	if err := query(r, s.subject); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := query(r, s.subject); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds())/1e3, "µs-median")
	b.ReportMetric(float64(s.ancestors), "ancestors")
}

func BenchmarkLookThrough(b *testing.B) {
	benchQuery(b, func(r *parties.Register, subject parties.ID) error {
		_, err := r.LookThrough(subject, parties.Proportional())
		return err
	})
}

func BenchmarkOwnedBy(b *testing.B) {
	us := parties.In(parties.MustJurisdiction("US"), parties.Seat)
	benchQuery(b, func(r *parties.Register, subject parties.ID) error {
		_, err := r.OwnedBy(subject, us, parties.Proportional())
		return err
	})
}

func BenchmarkUltimateOwners(b *testing.B) {
	opts := &parties.OwnerOptions{Threshold: parties.Threshold{Op: parties.AtLeast, Value: decimal.New(1, -2)}}
	benchQuery(b, func(r *parties.Register, subject parties.ID) error {
		_, err := r.UltimateOwners(subject, opts)
		return err
	})
}

func BenchmarkControllers(b *testing.B) {
	t := parties.Threshold{Op: parties.AtLeast, Value: decimal.New(25, -2)}
	benchQuery(b, func(r *parties.Register, subject parties.ID) error {
		_, err := r.Controllers(subject, t)
		return err
	})
}

// ancestorTree builds a register of n parties all above "a0000": each
// subject has ten holders (2.0% to 8.9% each), a layer ten times the one
// below, with a cross-holding from a holder of the neighbouring subject now
// and then (the graph stays acyclic) and one stake in eight known only as a
// range; jurisdictions and kinds come from a fixed-seed generator.
func ancestorTree(tb testing.TB, n int) *parties.Register {
	tb.Helper()
	rng := rand.New(rand.NewPCG(3, 4))
	codes := []string{"US", "US", "US", "CN", "CN", "KY", "GB", "DE", "FR", "JP", "SG", "CA"}
	kinds := []parties.Kind{parties.Company, parties.Company, parties.Fund, parties.Person, parties.State}
	id := func(i int) parties.ID { return parties.ID(fmt.Sprintf("a%04d", i)) }
	ps := make([]parties.Party, n)
	for i := range ps {
		j := parties.MustJurisdiction(codes[rng.IntN(len(codes))])
		ps[i] = parties.Party{ID: id(i), Kind: kinds[rng.IntN(len(kinds))], Jurisdiction: j, Headquarters: j}
	}
	var ss []parties.Stake
	next := 1
	for subject := 0; next < n; subject++ {
		for h := 0; h < 10 && next < n; h++ {
			permille := int64(20 + rng.IntN(70))
			econ := parties.Exact(decimal.New(permille, -3))
			if rng.IntN(8) == 0 {
				econ = parties.Between(decimal.New(permille, -3), decimal.New(permille+10, -3))
			}
			ss = append(ss, parties.Stake{Holder: id(next), Subject: id(subject), Economic: econ})
			next++
		}
		if prev := next - 11 - rng.IntN(5); subject > 0 && prev > subject && rng.IntN(2) == 0 {
			ss = append(ss, parties.Stake{Holder: id(prev), Subject: id(subject), Economic: parties.Exact(decimal.New(int64(1+rng.IntN(9)), -3))})
		}
	}
	r, err := parties.New(ps, ss)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// BenchmarkOwnedBy1000 asks who holds "a0000", of 1,000 parties all above
// it, under a few predicates: the cost of one look-through question on a
// graph the size of a large corporate group.
func BenchmarkOwnedBy1000(b *testing.B) {
	r := ancestorTree(b, 1000)
	preds := []parties.Predicate{
		parties.In(parties.MustJurisdiction("US"), parties.Seat),
		parties.In(parties.MustJurisdiction("EU"), parties.Incorporation),
		parties.OfKind(parties.Person, parties.State),
	}
	for _, p := range preds {
		b.Run(p.Name(), func(b *testing.B) {
			o, err := r.OwnedBy("a0000", p, parties.Proportional())
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.OwnedBy("a0000", p, parties.Proportional()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(o.Holders)), "holders")
		})
	}
}

// BenchmarkLookThrough1000 computes the interest of every one of 1,000
// parties above "a0000".
func BenchmarkLookThrough1000(b *testing.B) {
	r := ancestorTree(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.LookThrough("a0000", parties.Proportional()); err != nil {
			b.Fatal(err)
		}
	}
}
