package entities

import (
	"testing"
	"time"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/pipeline/entities/mention"
)

// BenchmarkRecognize measures recognition of synthetic story bodies with the
// shared text released after each story, as the full chain does.
func BenchmarkRecognize(b *testing.B) {
	ix := testIndex(b)
	g := synth.New(1)
	var bodies []string
	total := 0
	for i := range 200 {
		bodies = append(bodies, g.Story(i).BodyText)
		total += len(bodies[i])
	}
	date := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(total / len(bodies)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		body := bodies[i%len(bodies)]
		_, t := ix.recognize(body, date, "en", true)
		mention.Release(t, body)
	}
}
