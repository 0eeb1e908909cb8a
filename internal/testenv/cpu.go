package testenv

import (
	"syscall"
	"testing"
	"time"
)

// CPUTime returns the user plus system CPU time the process has used so
// far (0 if the system cannot say). Benchmarks report it beside the wall
// clock: on a shared machine the wall-clock ns/op includes time spent
// waiting for a core, CPU time does not.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportCPU adds cpu-ns/op for cpu spent over b.N operations and, when
// bytesPerOp > 0, cpu-MB/s: the throughput of one core, whatever else runs on
// the machine. It reports nothing when cpu or b.N is zero.
func ReportCPU(b *testing.B, cpu time.Duration, bytesPerOp int) {
	if cpu <= 0 || b.N == 0 {
		return
	}
	perOp := float64(cpu.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	if bytesPerOp > 0 {
		b.ReportMetric(float64(bytesPerOp)/perOp*1e3, "cpu-MB/s")
	}
}
