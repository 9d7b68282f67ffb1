package diagram_test

import (
	"bytes"
	"testing"

	"github.com/dealscape/dealscape/deal/diagram"
	"github.com/dealscape/dealscape/parties"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// drawAll renders reg in every format and grouping, whole and limited to a
// subject, and returns the outputs in a fixed order.
func drawAll(t require.TestingT, reg *parties.Register, subject parties.ID) [][]byte {
	var out [][]byte
	for _, f := range formats {
		for _, g := range []diagram.Grouping{diagram.GroupByJurisdiction, diagram.ColourByJurisdiction, diagram.NoGrouping} {
			for _, s := range []parties.ID{"", subject} {
				var b bytes.Buffer
				require.NoError(t, diagram.Ownership(&b, reg, &diagram.OwnershipOptions{Format: f, Grouping: g, Subject: s}))
				out = append(out, b.Bytes())
				b.Reset()
				require.NoError(t, diagram.BeforeAfter(&b, reg, reg, &diagram.OwnershipOptions{Format: f, Grouping: g, Subject: s}))
				out = append(out, b.Bytes())
			}
		}
	}
	return out
}

// The same register gives the same bytes, call after call.
func TestDeterministic(t *testing.T) {
	reg := tiktokRegister(t)
	first := drawAll(t, reg, "tiktok-global")
	for range 5 {
		require.Equal(t, first, drawAll(t, reg, "tiktok-global"))
	}
}

// The output does not depend on the order the parties and stakes were added
// in.
func TestDeterministicOverBuilderOrder(t *testing.T) {
	want := drawAll(t, tiktokRegister(t), "tiktok-global")
	hostile := hostileRegister(t)
	var hp []parties.Party
	for p := range hostile.Parties() {
		hp = append(hp, p)
	}
	var hs []parties.Stake
	for s := range hostile.Stakes() {
		hs = append(hs, s)
	}
	wantHostile := drawAll(t, hostile, parties.ID(hostileIDs[0]))
	rapid.Check(t, func(t *rapid.T) {
		var b parties.Builder
		b.AddParty(rapid.Permutation(tiktokParties()).Draw(t, "parties")...)
		b.AddStake(rapid.Permutation(tiktokStakes()).Draw(t, "stakes")...)
		reg, err := b.Build()
		require.NoError(t, err)
		require.Equal(t, want, drawAll(t, reg, "tiktok-global"))

		var hb parties.Builder
		hb.AddParty(rapid.Permutation(hp).Draw(t, "hostile parties")...)
		hb.AddStake(rapid.Permutation(hs).Draw(t, "hostile stakes")...)
		reg, err = hb.Build()
		require.NoError(t, err)
		require.Equal(t, wantHostile, drawAll(t, reg, parties.ID(hostileIDs[0])))
	})
}
