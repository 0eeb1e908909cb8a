package normalize

import (
	"testing"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
)

// synthStories returns the decoded fields of n synthetic stories, the
// workload of the enrich benchmarks.
func synthStories(n int) []pipeline.Story {
	g := synth.New(1)
	out := make([]pipeline.Story, n)
	for i := range out {
		st := g.Story(i)
		out[i] = pipeline.Story{BodyText: st.BodyText, Headline: st.Headline, Byline: st.Byline, Language: st.Language}
	}
	return out
}

// BenchmarkSynthParts measures the parts of Normalize on the synthetic
// stories the enrich benchmarks use, one story per operation.
func BenchmarkSynthParts(b *testing.B) {
	stories := synthStories(200)
	texts := make([]string, len(stories))
	bodies := make([]string, len(stories))
	paras := make([][]string, len(stories))
	for i, s := range stories {
		texts[i], _ = plainText(s.BodyText)
		paras[i] = splitParagraphs(texts[i])
		n := s
		Normalize(&n)
		bodies[i] = n.Body
	}
	parts := []struct {
		name string
		fn   func(i int)
	}{
		{"baseline-byte-loop", func(i int) {
			for j := 0; j < len(bodies[i]); j++ {
				if bodies[i][j] == 'x' {
					benchSink++
				}
			}
		}},
		{"all", func(i int) { s := stories[i]; Normalize(&s) }},
		{"plaintext", func(i int) { t, _ := plainText(stories[i].BodyText); benchSink += len(t) }},
		{"captions", func(i int) { _, c := SplitCaptions(paras[i]); benchSink += len(c) }},
		{"dateline", func(i int) { p, _ := SplitDateline(texts[i]); benchSink += len(p) }},
		{"language", func(i int) { benchSink += len(detectStory(stories[i].Headline, bodies[i]).Lang) }},
		{"words", func(i int) { benchSink += CountWords(bodies[i]) }},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			i, cpu0 := 0, testenv.CPUTime()
			for b.Loop() {
				p.fn(i % len(stories))
				i++
			}
			testenv.ReportCPU(b, testenv.CPUTime()-cpu0, 0)
		})
	}
}
