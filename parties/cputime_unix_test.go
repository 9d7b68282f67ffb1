//go:build unix

package parties_test

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, user and
// system, or 0 where it is not known.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
