package eval

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/decode"
	"github.com/warwire/warwire/pipeline/entities"
	"github.com/warwire/warwire/pipeline/normalize"
	"github.com/warwire/warwire/pipeline/quotes"
	"github.com/warwire/warwire/pipeline/stance"
)

// benchStories returns the gold stories decoded and normalised, ready for
// the entity, stance and quote stages.
func benchStories(b *testing.B) []*pipeline.Story {
	b.Helper()
	items, err := Load(goldPath, SplitAll)
	if err != nil {
		b.Fatal(err)
	}
	dec := decode.New(decode.DefaultConfig())
	var out []*pipeline.Story
	for _, it := range items {
		st := &pipeline.Story{Raw: it.Story}
		if err := dec.Process(context.Background(), []*pipeline.Story{st}); err != nil || st.Failed() {
			b.Fatalf("decode: %v %v", err, st.Failure)
		}
		normalize.Normalize(st)
		out = append(out, st)
	}
	return out
}

// BenchmarkEnrich measures the entity, stance and quote stages together on
// the gold stories (about 4 KB each): MB/s is body text per second on one
// core, allocs/op are per story.
func BenchmarkEnrich(b *testing.B) {
	stories := benchStories(b)
	ent, err := entities.New(entities.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	st, qs := stance.New(), quotes.New()
	total := 0
	for _, s := range stories {
		total += len(s.Body)
	}
	b.SetBytes(int64(total / len(stories)))
	b.ReportAllocs()
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		s := *stories[i%len(stories)]
		batch := []*pipeline.Story{&s}
		for _, stage := range []pipeline.Stage{ent, st, qs} {
			if err := stage.Process(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpuTime()-cpu0, total/len(stories))
}

// cpuTime returns the CPU time the process has used. On a shared machine the
// wall-clock ns/op includes time spent waiting for a core; CPU time does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds CPU-time metrics: nanoseconds per operation and MB of text
// per CPU-second (throughput per core, whatever else runs on the machine).
func reportCPU(b *testing.B, cpu time.Duration, bytesPerOp int) {
	if cpu <= 0 || b.N == 0 {
		return
	}
	perOp := float64(cpu.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	b.ReportMetric(float64(bytesPerOp)/perOp*1e3, "cpu-MB/s")
}
