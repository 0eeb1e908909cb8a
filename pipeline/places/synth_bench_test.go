package places_test

import (
	"context"
	"testing"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/enrich"
)

// BenchmarkSynth runs the stage alone over 200 synthetic stories that the
// stages before it (decode ▶ normalize ▶ entities) prepared once, so no other
// stage's work shares the measurement. Re-running the stage on a story gives
// the same result: it reads nothing it writes.
func BenchmarkSynth(b *testing.B) {
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
	total := 0
	for i := range stories {
		stories[i] = &pipeline.Story{Raw: g.AppendJSON(nil, i)}
		for _, st := range c.Chain[:k] {
			if err := st.Process(context.Background(), stories[i:i+1]); err != nil {
				b.Fatal(err)
			}
		}
		total += len(stories[i].Body)
	}
	st := c.Chain[k]
	b.SetBytes(int64(total / len(stories)))
	b.ReportAllocs()
	cpu := testenv.CPUTime()
	i := 0
	for b.Loop() {
		if err := st.Process(context.Background(), stories[i%len(stories):i%len(stories)+1]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu, total/len(stories))
}

// BenchmarkSynthCaptions runs the stage over the headlines and captions of
// the synthetic stories alone (no body, no entities): the cost of the texts
// the stage tokenizes itself.
func BenchmarkSynthCaptions(b *testing.B) {
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
		st := &pipeline.Story{Raw: g.AppendJSON(nil, i)}
		for _, s := range c.Chain[:k] {
			if err := s.Process(context.Background(), []*pipeline.Story{st}); err != nil {
				b.Fatal(err)
			}
		}
		stories[i] = &pipeline.Story{Headline: st.Headline, Captions: st.Captions, Language: st.Language}
	}
	st := c.Chain[k]
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := st.Process(context.Background(), stories[i%len(stories):i%len(stories)+1]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
