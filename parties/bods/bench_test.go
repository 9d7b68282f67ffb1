package bods_test

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties/bods"
)

// benchEntities is the default number of companies in the generated file for
// BenchmarkImport: small enough for CI's -benchtime=1x. FullEntities gives
// about 1,000,000 statements; choose it with -bods.n or DEALSCAPE_BODS_N.
const (
	benchEntities = 20000
	FullEntities  = 330000
)

var bodsN = flag.Int("bods.n", 0, "number of companies in the BODS file generated for BenchmarkImport (330000 gives about 1,000,000 statements)")

func benchSize(b *testing.B) int {
	if *bodsN > 0 {
		return *bodsN
	}
	if s := os.Getenv("DEALSCAPE_BODS_N"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("DEALSCAPE_BODS_N=%q is not a positive number", s)
		}
		return n
	}
	return benchEntities
}

// generate writes a synthetic BODS 0.4 file in the manner of
// shared/perf/gen_bods.py: n companies in 12 layers, n/4 persons, one to
// three holders per company (a company one layer up three times in four,
// else a person), a holding between siblings for 3% of companies (which
// makes cycles) and ranges for 5% of holdings. It is deterministic. It
// returns the number of statements written.
func generate(w io.Writer, n int) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	rng := rand.New(rand.NewPCG(20261127, 1))
	const layers = 12
	layer := func(i int) int { return min(layers-1, i*layers/n) }
	byLayer := make([][]int, layers)
	for i := range n {
		byLayer[layer(i)] = append(byLayer[layer(i)], i)
	}
	persons := max(1, n/4)
	ccs := []string{"US", "CN", "GB", "DE", "FR", "JP", "AE", "SG", "KY", "NL"}
	stmts := 0
	write := func(rid, rtype, details string) {
		if stmts > 0 {
			bw.WriteString(",\n")
		}
		stmts++
		fmt.Fprintf(bw, `{"statementId":"s%012d-synthetic-bods-statement","statementDate":"2024-01-01",`+
			`"publicationDetails":{"publicationDate":"2024-01-01","bodsVersion":"0.4","publisher":{"name":"synthetic"}},`+
			`"recordId":"%s","recordType":"%s","recordStatus":"new","recordDetails":%s}`, stmts, rid, rtype, details)
	}
	bw.WriteString("[\n")
	for i := range n {
		write("e"+strconv.Itoa(i), "entity", fmt.Sprintf(`{"isComponent":false,"entityType":{"type":"registeredEntity"},"name":"Company e%d","jurisdiction":{"name":"x","code":"%s"}}`,
			i, ccs[rng.IntN(len(ccs))]))
	}
	for i := range persons {
		write("p"+strconv.Itoa(i), "person", fmt.Sprintf(`{"isComponent":false,"personType":"knownPerson","names":[{"type":"legal","fullName":"Person p%d"}],"nationalities":[{"code":"%s"}]}`,
			i, ccs[rng.IntN(len(ccs))]))
	}
	rel := 0
	for e := range n {
		l := layer(e)
		k := []int{1, 2, 2, 3}[rng.IntN(4)]
		var holders []string
		for range k {
			if l > 0 && rng.Float64() < 0.75 {
				up := byLayer[l-1]
				holders = append(holders, "e"+strconv.Itoa(up[rng.IntN(len(up))]))
			} else {
				holders = append(holders, "p"+strconv.Itoa(rng.IntN(persons)))
			}
		}
		if rng.Float64() < 0.03 && len(byLayer[l]) > 1 {
			sib := byLayer[l][rng.IntN(len(byLayer[l]))]
			if sib != e {
				holders = append(holders, "e"+strconv.Itoa(sib))
			}
		}
		holders = dedupe(holders)
		total := 60 + rng.IntN(41)
		cuts := sample(rng, total-1, len(holders)-1)
		prev := 0
		for j, h := range holders {
			end := total
			if j < len(cuts) {
				end = cuts[j]
			}
			pct := end - prev
			prev = end
			if pct <= 0 {
				continue
			}
			rel++
			share := fmt.Sprintf(`{"exact":%d}`, pct)
			if rng.Float64() < 0.05 && pct > 2 {
				share = fmt.Sprintf(`{"minimum":%d,"maximum":%d}`, pct-2, pct)
			}
			write("r"+strconv.Itoa(rel), "relationship", fmt.Sprintf(`{"isComponent":false,"subject":"e%d","interestedParty":"%s",`+
				`"interests":[{"type":"shareholding","directOrIndirect":"direct","beneficialOwnershipOrControl":false,"share":%s}]}`, e, h, share))
		}
	}
	bw.WriteString("\n]\n")
	return stmts, bw.Flush()
}

func dedupe(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// sample returns k distinct numbers from 1..m, sorted.
func sample(rng *rand.Rand, m, k int) []int {
	if k <= 0 || m <= 0 {
		return nil
	}
	k = min(k, m)
	seen := make(map[int]bool, k)
	out := make([]int, 0, k)
	for len(out) < k {
		v := 1 + rng.IntN(m)
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// benchFile generates the benchmark's file once per size.
var benchFiles sync.Map // n -> [2]any{path, statements}

func benchFile(b *testing.B, n int) (string, int) {
	if v, ok := benchFiles.Load(n); ok {
		p := v.([2]any)
		return p[0].(string), p[1].(int)
	}
	dir, err := os.MkdirTemp("", "dealscape-bods-bench")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("bods-%d.json", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	stmts, err := generate(f, n)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	benchFiles.Store(n, [2]any{path, stmts})
	return path, stmts
}

// peakHeap samples the bytes of live and unswept heap objects until stop is
// closed and returns the largest figure seen.
func peakHeap(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

// BenchmarkImport imports a generated BODS 0.4 file (see generate) and
// reports statements per second and the peak heap in MiB. The file is
// generated once, before timing; its size is benchEntities companies unless
// -bods.n or DEALSCAPE_BODS_N says otherwise.
func BenchmarkImport(b *testing.B) {
	n := benchSize(b)
	path, stmts := benchFile(b, n)
	b.Logf("%d companies, %d statements, file %s", n, stmts, path)
	var peak uint64
	cpu := []metrics.Sample{{Name: "/cpu/classes/user:cpu-seconds"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}}
	cpuNow := func() float64 {
		metrics.Read(cpu)
		return cpu[0].Value.Float64() + cpu[1].Value.Float64()
	}
	var cpuSecs float64
	for b.Loop() {
		runtime.GC()
		c0 := cpuNow()
		stop := make(chan struct{})
		p := peakHeap(stop)
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		res, err := bods.Import(bufio.NewReaderSize(f, 1<<20), nil)
		f.Close()
		cpuSecs += cpuNow() - c0
		close(stop)
		peak = max(peak, <-p)
		if err != nil {
			b.Fatal(strings.SplitN(err.Error(), "\n", 5))
		}
		if res.Statements != stmts {
			b.Fatalf("read %d statements, want %d", res.Statements, stmts)
		}
	}
	b.ReportMetric(float64(stmts)*float64(b.N)/b.Elapsed().Seconds(), "statements/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	// The CPU time used, which the load of other processes does not inflate.
	b.ReportMetric(cpuSecs/float64(b.N), "cpu-s/op")
}
