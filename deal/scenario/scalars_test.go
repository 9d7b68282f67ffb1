package scenario_test

import (
	"testing"

	"github.com/dealscape/dealscape/deal/scenario"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPeriod(t *testing.T) {
	tests := []struct {
		in   scenario.Period
		want calendar.Period
	}{
		{"", nil},
		{"45 calendar-days", calendar.Days(45)},
		{"1 calendar-day", calendar.Days(1)},
		{"25 working-days", calendar.WorkingDays(25)},
		{"1 working-day", calendar.WorkingDays(1)},
		{"2 months", calendar.Months(2)},
		{"1 month", calendar.Months(1)},
		{"0 months", calendar.Months(0)},
	}
	for _, tt := range tests {
		t.Run(string(tt.in), func(t *testing.T) {
			got, err := tt.in.Period()
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			back, err := scenario.PeriodOf(got).Period()
			require.NoError(t, err)
			if calendar.IsZero(got) {
				assert.Nil(t, back, "a zero period writes as none")
			} else {
				assert.Equal(t, got, back, "round trip through PeriodOf")
			}
		})
	}
	for _, bad := range []scenario.Period{"45 days", "45", "-3 months", "45 calendar-days ", "1.5 months", "45 Months"} {
		t.Run("bad "+string(bad), func(t *testing.T) {
			_, err := bad.Period()
			require.ErrorIs(t, err, scenario.ErrValue)
		})
	}
}
