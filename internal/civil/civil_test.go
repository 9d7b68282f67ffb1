package civil

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestDate(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	tests := []struct {
		name string
		in   time.Time
		want time.Time
	}{
		{"zero stays zero", time.Time{}, time.Time{}},
		{"midnight UTC unchanged", time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC), time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)},
		{"clock dropped", time.Date(2020, 9, 20, 23, 59, 59, 1, time.UTC), time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)},
		// 01:00 in Tokyo on 21 September is still 20 September in UTC;
		// the date is the one in the time's own location.
		{"own location's date", time.Date(2020, 9, 21, 1, 0, 0, 0, tokyo), time.Date(2020, 9, 21, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Date(tt.in)
			assert.True(t, tt.want.Equal(got), "got %v, want %v", got, tt.want)
			assert.Equal(t, tt.want.Location(), got.Location())
		})
	}
}
