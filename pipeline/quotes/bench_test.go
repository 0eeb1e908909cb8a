package quotes

import (
	"syscall"
	"testing"

	"github.com/warwire/warwire/internal/synth"
)

// BenchmarkFindQuotes measures the quotation mark scanner on synthetic
// story bodies.
func BenchmarkFindQuotes(b *testing.B) {
	g := synth.New(1)
	var bodies []string
	size := 0
	for i := range 200 {
		bodies = append(bodies, g.Story(i).BodyText)
		size += len(bodies[i])
	}
	b.SetBytes(int64(size / len(bodies)))
	b.ReportAllocs()
	var buf []quote
	cpu0 := cpuNanos()
	for i := 0; b.Loop(); i++ {
		buf = findQuotes(buf[:0], bodies[i%len(bodies)])
	}
	b.ReportMetric(float64(cpuNanos()-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuNanos returns the CPU time the process has used, in nanoseconds: on a
// shared machine it is steadier than the wall clock.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
