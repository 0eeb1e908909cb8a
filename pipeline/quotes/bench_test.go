package quotes

import (
	"testing"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// benchBodies returns 200 synthetic story bodies and sets the benchmark's
// bytes per operation to their mean length.
func benchBodies(b *testing.B) []string {
	g := synth.New(1)
	bodies := make([]string, 200)
	size := 0
	for i := range bodies {
		bodies[i] = g.Story(i).BodyText
		size += len(bodies[i])
	}
	b.SetBytes(int64(size / len(bodies)))
	b.ReportAllocs()
	return bodies
}

// BenchmarkFindQuotes measures the quotation mark scanner on synthetic
// story bodies.
func BenchmarkFindQuotes(b *testing.B) {
	bodies := benchBodies(b)
	var buf []quote
	cpu0 := testenv.CPUTime()
	for i := 0; b.Loop(); i++ {
		buf, _ = findQuotes(buf[:0], bodies[i%len(bodies)])
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, 0)
}

// BenchmarkFindQuotesTokens measures the scan of the token gaps that may
// hold marks, with the tokens made beforehand.
func BenchmarkFindQuotesTokens(b *testing.B) {
	bodies := benchBodies(b)
	toks := make([][]text.Token, len(bodies))
	for i, body := range bodies {
		toks[i] = text.Tokenize(nil, body)
	}
	var buf []quote
	cpu0 := testenv.CPUTime()
	for i := 0; b.Loop(); i++ {
		buf, _ = findQuotesTokens(buf[:0], bodies[i%len(bodies)], toks[i%len(bodies)])
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, 0)
}
