//go:build unix

package build

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used so far, user and
// system, on every core: on a machine other work shares, a steadier
// measure of a stage's cost than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
