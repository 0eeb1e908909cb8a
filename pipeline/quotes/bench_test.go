package quotes

import (
	"testing"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline/entities/text"
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

// BenchmarkFindQuotesTokens measures the scan of the token gaps that may
// hold marks, with the tokens made beforehand.
func BenchmarkFindQuotesTokens(b *testing.B) {
	g := synth.New(1)
	var bodies []string
	var toks [][]text.Token
	size := 0
	for i := range 200 {
		bodies = append(bodies, g.Story(i).BodyText)
		toks = append(toks, text.Tokenize(nil, bodies[i]))
		size += len(bodies[i])
	}
	b.SetBytes(int64(size / len(bodies)))
	b.ReportAllocs()
	var buf []quote
	cpu0 := testenv.CPUTime()
	for i := 0; b.Loop(); i++ {
		buf = findQuotesTokens(buf[:0], bodies[i%len(bodies)], toks[i%len(bodies)])
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, 0)
}
