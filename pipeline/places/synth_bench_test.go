package places_test

import (
	"context"
	"testing"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/enrich"
)

// synthPrepared returns the places stage and 200 synthetic stories that the
// stages before it (decode ▶ normalize ▶ entities) prepared once.
func synthPrepared(b *testing.B) (pipeline.Stage, []*pipeline.Story) {
	b.Helper()
	c, err := enrich.Build(enrich.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	k := 0
	for k < len(c.Chain) && c.Chain[k].Name() != "places" {
		k++
	}
	g := synth.New(1)
	stories := make([]*pipeline.Story, 200)
	for i := range stories {
		stories[i] = &pipeline.Story{Raw: g.AppendJSON(nil, i)}
		for _, st := range c.Chain[:k] {
			if err := st.Process(context.Background(), stories[i:i+1]); err != nil {
				b.Fatal(err)
			}
		}
	}
	return c.Chain[k], stories
}

// runStage runs st over the stories one at a time until the benchmark ends.
func runStage(b *testing.B, st pipeline.Stage, stories []*pipeline.Story) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := st.Process(context.Background(), stories[i%len(stories):i%len(stories)+1]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSynth runs the stage alone over the prepared synthetic stories, so
// no other stage's work shares the measurement. Re-running the stage on a
// story gives the same result: it reads nothing it writes.
func BenchmarkSynth(b *testing.B) {
	st, stories := synthPrepared(b)
	total := 0
	for _, s := range stories {
		total += len(s.Body)
	}
	b.SetBytes(int64(total / len(stories)))
	cpu := testenv.CPUTime()
	runStage(b, st, stories)
	testenv.ReportCPU(b, testenv.CPUTime()-cpu, total/len(stories))
}

// BenchmarkSynthCaptions runs the stage over the headlines and captions of
// the synthetic stories alone (no body, no entities): the cost of the texts
// the stage tokenizes itself.
func BenchmarkSynthCaptions(b *testing.B) {
	st, prepared := synthPrepared(b)
	stories := make([]*pipeline.Story, len(prepared))
	for i, s := range prepared {
		stories[i] = &pipeline.Story{Headline: s.Headline, Captions: s.Captions, Language: s.Language}
	}
	runStage(b, st, stories)
}
