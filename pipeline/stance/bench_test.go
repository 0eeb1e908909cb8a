package stance_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/synth"
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
	docs := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		md := docs[i%len(docs)]
		md.Quotes, md.QuotesDone = nil, false
		stance.DetectDoc(md)
	}
	reportCPU(b, cpuTime()-cpu0)
}

// BenchmarkQuotes measures the quote analysis alone.
func BenchmarkQuotes(b *testing.B) {
	docs := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		md := docs[i%len(docs)]
		md.Quotes, md.QuotesDone = nil, false
		quotes.FromDoc(md)
	}
	reportCPU(b, cpuTime()-cpu0)
}

// cpuTime returns the CPU time the process has used: on a shared machine
// it is steadier than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU nanoseconds per operation.
func reportCPU(b *testing.B, cpu time.Duration) {
	if cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
