package diagram_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/dealscape/dealscape/deal/diagram"
	"github.com/dealscape/dealscape/parties"
)

// benchRegister is a tree of n parties in a few jurisdictions: party i
// holds 30% of party i/3, with ranges on every other stake.
func benchRegister(b *testing.B, n int) *parties.Register {
	b.Helper()
	jurs := []parties.Jurisdiction{us, cn, ky, parties.MustJurisdiction("GB"), {}}
	ps := make([]parties.Party, n)
	var ss []parties.Stake
	for i := range n {
		ps[i] = parties.Party{ID: parties.ID(fmt.Sprintf("p%06d", i)), Name: fmt.Sprintf("Party %d", i), Headquarters: jurs[i%len(jurs)]}
		if i > 0 {
			share := pct("30%")
			if i%2 == 0 {
				share = pct("29%..30%")
			}
			ss = append(ss, parties.Stake{Holder: ps[i].ID, Subject: ps[i/3].ID, Economic: share})
		}
	}
	reg, err := parties.New(ps, ss)
	if err != nil {
		b.Fatal(err)
	}
	return reg
}

func BenchmarkOwnership(b *testing.B) {
	const n = 5000
	reg := benchRegister(b, n)
	for _, f := range formats {
		for _, g := range []diagram.Grouping{diagram.GroupByJurisdiction, diagram.ColourByJurisdiction} {
			b.Run(f.String()+"/"+g.String(), func(b *testing.B) {
				opts := &diagram.OwnershipOptions{Format: f, Grouping: g}
				for b.Loop() {
					if err := diagram.Ownership(io.Discard, reg, opts); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "parties/s")
			})
		}
	}
}
