package entities

import (
	"slices"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/pipeline/entities/mention"
)

// TestHandedMentions checks that the mentions the stage hands on are the
// ones mention.WithEntities locates from the entities' spans.
func TestHandedMentions(t *testing.T) {
	ix := testIndex(t)
	g := synth.New(7)
	date := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		body := g.Story(i).BodyText
		ents, d := ix.recognize(body, date, "en", true)
		want := mention.WithEntities(mention.Analyze(body), ents)
		if !slices.Equal(d.Ms, want.Ms) || !slices.Equal(d.At, want.At) {
			t.Fatalf("story %d: handed mentions %v, located %v", i, d.Ms, want.Ms)
		}
		mention.Release(d, body)
	}
}
