package stance_test

import (
	"context"
	"testing"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/enrich"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/quotes"
	"github.com/warwire/warwire/pipeline/stance"
)

// benchDocs runs 200 synthetic stories through the chain up to the stance
// stage and returns their prepared Docs, as the stance stage receives them.
func benchDocs(b *testing.B) []*mention.Doc {
	b.Helper()
	c, err := enrich.Build(enrich.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(1)
	var docs []*mention.Doc
	for i := range 200 {
		st := &pipeline.Story{Raw: g.AppendJSON(nil, i)}
		for _, s := range c.Chain {
			if s.Name() == stance.Name {
				break
			}
			if err := s.Process(context.Background(), []*pipeline.Story{st}); err != nil || st.Failed() {
				b.Fatal(err, st.Failure)
			}
		}
		docs = append(docs, mention.ForStory(st))
	}
	return docs
}

// BenchmarkDetect measures the stance and quote analysis of a prepared Doc
// (the work the stance stage does in the chain, quotations included).
func BenchmarkDetect(b *testing.B) {
	benchEachDoc(b, func(md *mention.Doc) { stance.DetectDoc(md) })
}

// BenchmarkQuotes measures the quote analysis alone.
func BenchmarkQuotes(b *testing.B) {
	benchEachDoc(b, func(md *mention.Doc) { quotes.FromDoc(md) })
}

// benchEachDoc times analyse over the prepared Docs in turn, each with its
// quotations cleared first so that they are found again.
func benchEachDoc(b *testing.B, analyse func(*mention.Doc)) {
	docs := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := testenv.CPUTime()
	for i := 0; i < b.N; i++ {
		md := docs[i%len(docs)]
		md.Quotes, md.QuotesDone = nil, false
		analyse(md)
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, 0)
}
