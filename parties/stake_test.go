package parties_test

import (
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/stretchr/testify/assert"
)

func TestStakeActiveAt(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	from, until := day(2020, 8, 28), day(2021, 1, 1)
	tests := []struct {
		name string
		s    parties.Stake
		on   time.Time
		want bool
	}{
		{"undated", parties.Stake{}, day(1999, 1, 1), true},
		{"before from", parties.Stake{From: from}, day(2020, 8, 27), false},
		{"on from", parties.Stake{From: from}, from, true},
		{"before until", parties.Stake{Until: until}, day(2020, 12, 31), true},
		{"on until (exclusive)", parties.Stake{Until: until}, until, false},
		{"inside both", parties.Stake{From: from, Until: until}, day(2020, 10, 1), true},
		{"after both", parties.Stake{From: from, Until: until}, day(2021, 6, 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.s.ActiveAt(tt.on))
		})
	}
}
