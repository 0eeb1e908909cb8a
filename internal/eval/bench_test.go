package eval

import (
	"context"
	"testing"

	"github.com/warwire/warwire/internal/testenv"
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
	cpu0 := testenv.CPUTime()
	for i := 0; i < b.N; i++ {
		s := *stories[i%len(stories)]
		batch := []*pipeline.Story{&s}
		for _, stage := range []pipeline.Stage{ent, st, qs} {
			if err := stage.Process(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, total/len(stories))
}
