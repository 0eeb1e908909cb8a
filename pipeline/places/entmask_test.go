package places

import (
	"math/rand/v2"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

// TestEntityMaskMatchesSpanList checks the bitmap against the plain test it
// replaces: an entity span e overlaps sp when e[0] < sp[1] && e[1] > sp[0].
func TestEntityMaskMatchesSpanList(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var m entityMask
	for round := 0; round < 2000; round++ {
		limit := 1 + r.IntN(300)
		var spans []pipeline.Span
		for k := r.IntN(6); k > 0; k-- {
			a := r.IntN(limit+40) - 20
			spans = append(spans, pipeline.Span{a, a + r.IntN(150) - 10})
		}
		m.reset([]pipeline.Entity{{Spans: spans}}, limit)
		for q := 0; q < 50; q++ {
			a := r.IntN(limit)
			sp := pipeline.Span{a, a + 1 + r.IntN(min(limit-a, 80))}
			want := false
			for _, e := range spans {
				want = want || e[0] < sp[1] && e[1] > sp[0]
			}
			if got := m.overlaps(sp); got != want {
				t.Fatalf("spans %v, limit %d: overlaps(%v) = %v, want %v", spans, limit, sp, got, want)
			}
		}
	}
}
