package entities

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

// TestSortSpansMatchesSlices checks that sortSpans orders spans with equal
// starts exactly as slices.SortFunc does.
func TestSortSpansMatchesSlices(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 40 {
		for range 200 {
			g := make([]entSpan, n)
			for k := range g {
				s := r.IntN(6)
				g[k] = entSpan{t0: int32(k), sp: pipeline.Span{s, s + r.IntN(3)}}
			}
			want := slices.Clone(g)
			slices.SortFunc(want, func(x, y entSpan) int { return x.sp[0] - y.sp[0] })
			sortSpans(g)
			if !slices.Equal(g, want) {
				t.Fatalf("n=%d: sortSpans = %v, want %v", n, g, want)
			}
			want = slices.CompactFunc(want, func(x, y entSpan) bool { return x.sp == y.sp })
			if got := compactSpans(g); !slices.Equal(got, want) {
				t.Fatalf("n=%d: compactSpans = %v, want %v", n, got, want)
			}
		}
	}
}

// TestSortByFirstIsStable checks sortByFirst against slices.SortStableFunc.
func TestSortByFirstIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 5, 20, 64, 65, 130} {
		b := &builder{out: make([]pipeline.Entity, n)}
		order := make([]int32, n)
		for k := range b.out {
			s := r.IntN(n/2 + 1)
			b.out[k].Spans = []pipeline.Span{{s, s + 1}}
			order[k] = int32(k)
		}
		want := slices.Clone(order)
		slices.SortStableFunc(want, func(x, y int32) int { return b.out[x].Spans[0][0] - b.out[y].Spans[0][0] })
		if b.sortByFirst(order); !slices.Equal(order, want) {
			t.Fatalf("n=%d: sortByFirst = %v, want %v", n, order, want)
		}
	}
}
