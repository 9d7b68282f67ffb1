// Package civil handles times that stand for calendar dates.
package civil

import "time"

// Date returns the date of t in t's own location, at midnight UTC, so that
// dates compare and print alike whatever location they were given in. The
// zero time stays zero.
func Date(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
