package deal_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/require"
)

// manyCombos has 1 + 8 combinations: buy, and an issue of one of eight
// stakes.
func manyCombos(t testing.TB, gates ...regulator.Gate) *deal.Scenario {
	spec := baseSpec(t)
	var stakes []regulator.Value
	for _, s := range []string{"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8"} {
		stakes = append(stakes, regulator.Number(dec(s)))
	}
	spec.Proposals = append(spec.Proposals, deal.Proposal{ID: "issue", Target: "target", Acquirers: []parties.ID{"buyer"},
		Moves:      []deal.Move{deal.Issue{Subject: "target", To: []deal.Allocation{{Holder: "buyer", Amount: deal.FromTerm("stake")}}}},
		Dimensions: []deal.Dimension{{Term: "stake", Values: stakes}}})
	spec.Gates = gates
	return mustNew(t, spec)
}

func TestAnalyzeBudget(t *testing.T) {
	sc := manyCombos(t)
	r, err := sc.Analyze(context.Background(), &deal.Options{Budget: 3, Workers: 2})
	require.ErrorIs(t, err, deal.ErrBudget)
	require.ErrorContains(t, err, "evaluated 3 of 9 combinations")
	require.NotNil(t, r)
	require.True(t, r.Partial)
	require.Equal(t, 3, r.Combinations)
	// The combinations evaluated come first: buy, then the issue's first two.
	require.True(t, outcome(t, r, "buy").Possible)
	require.True(t, outcome(t, r, "issue").Possible)
	n := 0
	for p := range r.Paths() {
		n++
		require.True(t, outcome(t, r, p.Outcome).Possible)
	}
	require.Equal(t, int64(n), r.PathCount().Int64())

	// A budget as large as the work is no limit.
	r, err = sc.Analyze(context.Background(), &deal.Options{Budget: 9})
	require.NoError(t, err)
	require.False(t, r.Partial)
	require.Equal(t, 9, r.Combinations)
}

func TestAnalyzeCancelled(t *testing.T) {
	t.Run("before it starts", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		r, err := manyCombos(t).Analyze(ctx, nil)
		require.ErrorIs(t, err, context.Canceled)
		require.NotNil(t, r)
		require.True(t, r.Partial)
		require.Zero(t, r.Combinations)
		for _, o := range r.Outcomes {
			require.False(t, o.Possible, o.ID)
		}
	})
	t.Run("while it runs", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var calls atomic.Int64
		// A gate whose test cancels the analysis the third time it is
		// evaluated.
		g := gate("g", gateOpts{test: regulator.Func("cancels", func(*regulator.World) (parties.Truth, string) {
			if calls.Add(1) == 3 {
				cancel()
			}
			return parties.Holds, "fine"
		}), min: 1, max: 1})
		r, err := manyCombos(t, g).Analyze(ctx, &deal.Options{Workers: 1})
		require.True(t, errors.Is(err, context.Canceled), "%v", err)
		require.True(t, r.Partial)
		require.Equal(t, 3, r.Combinations)
		require.True(t, outcome(t, r, "buy").Possible)
	})
	t.Run("deadline exceeded", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 0)
		defer cancel()
		<-ctx.Done()
		r, err := manyCombos(t).Analyze(ctx, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.True(t, r.Partial)
	})
}
