package deal_test

import (
	"errors"
	"testing"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A position's condition is checked for unknown parties and bad thresholds
// even where it also relies on a mitigation no gate defines.
func TestPositionConditionChecks(t *testing.T) {
	ghost := regulator.Owned(regulator.OwnershipRule{Subject: "ghost", Holders: parties.Tagged("x"), Threshold: parties.Majority})
	bad := regulator.Owned(regulator.OwnershipRule{Holders: parties.Tagged("x"), Threshold: parties.Threshold{Op: parties.AtLeast, Value: dec("1.5")}})
	m := regulator.Mitigation{ID: "undefined"}
	for _, tc := range []struct {
		name    string
		accepts regulator.Condition
		want    error
		text    string
	}{
		{"unknown party beside a mitigation", regulator.And(regulator.Requires(m), ghost), deal.ErrUnknownParty, `"ghost"`},
		{"threshold outside [0, 1]", bad, regulator.ErrThreshold, "1.5"},
		{"mitigation alone is fine", regulator.Requires(m), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := baseSpec(t)
			spec.Positions = append(spec.Positions, deal.Position{Party: "seller", Accepts: tc.accepts})
			_, err := deal.New(spec)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
			var se *deal.SpecError
			require.True(t, errors.As(err, &se))
			assert.Contains(t, err.Error(), tc.text)
			assert.NotContains(t, err.Error(), `gate "position"`)
		})
	}
}
