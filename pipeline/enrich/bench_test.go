package enrich

import (
	"context"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
)

// benchCount is how many distinct synthetic stories the benchmarks cycle
// through: enough variety that no one story dominates.
const benchCount = 200

// benchInput returns benchCount synthetic NINJS messages (3–6 KB each) and
// the average length of their body_text in bytes.
func benchInput(b *testing.B) (raws [][]byte, avgBody int) {
	b.Helper()
	g := synth.New(1)
	total := 0
	for i := range benchCount {
		raws = append(raws, g.AppendJSON(nil, i))
		total += len(g.Story(i).BodyText)
	}
	return raws, total / benchCount
}

func buildChain(b *testing.B) *Chain {
	b.Helper()
	c, err := Build(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkChain measures the whole enrichment chain (decode ▶ normalize ▶
// entities ▶ places ▶ stance ▶ quotes) on realistic synthetic stories, one
// story per operation: MB/s and cpu-MB/s are body text per second (wall clock
// and per core of CPU time), allocs/op are allocations per story.
func BenchmarkChain(b *testing.B) {
	raws, avg := benchInput(b)
	c := buildChain(b)
	ctx := context.Background()
	b.SetBytes(int64(avg))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := testenv.CPUTime()
	for i := 0; i < b.N; i++ {
		s := &pipeline.Story{Raw: raws[i%len(raws)]}
		if err := c.Process(ctx, []*pipeline.Story{s}); err != nil || s.Failed() {
			b.Fatalf("story %d: %v %v", i%len(raws), err, s.Failure)
		}
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, avg)
}

// BenchmarkStage measures each stage alone. Every iteration runs the stages
// before it on a fresh story with the timer stopped, then times the stage,
// so each stage sees exactly what it sees in the chain (including the shared
// tokens the entity stage hands on and the quote stage releases) and the
// per-stage figures add up to about the chain's. cpu-ns/op is the process
// CPU time spent inside the stage's Process call (GC work included).
func BenchmarkStage(b *testing.B) {
	raws, avg := benchInput(b)
	c := buildChain(b)
	ctx := context.Background()
	for k, st := range c.Chain {
		b.Run(st.Name(), func(b *testing.B) {
			b.SetBytes(int64(avg))
			b.ReportAllocs()
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				batch := []*pipeline.Story{{Raw: raws[i%len(raws)]}}
				for _, prev := range c.Chain[:k] {
					if err := prev.Process(ctx, batch); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				cpu0 := testenv.CPUTime()
				if err := st.Process(ctx, batch); err != nil || batch[0].Failed() {
					b.Fatalf("%v %v", err, batch[0].Failure)
				}
				cpu += testenv.CPUTime() - cpu0
			}
			testenv.ReportCPU(b, cpu, avg)
		})
	}
}
