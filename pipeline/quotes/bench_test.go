package quotes

import (
	"testing"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
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
	cpu0 := testenv.CPUTime()
	for i := 0; b.Loop(); i++ {
		buf = findQuotes(buf[:0], bodies[i%len(bodies)])
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, 0)
}
