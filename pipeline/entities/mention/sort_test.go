package mention

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortMentions checks sortMentions against slices.SortFunc, with and
// without mentions of equal ranges (many of them too), below and above the
// insertion sort's limit.
func TestSortMentions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		n := r.IntN(150)
		ms := make([]Mention, n)
		span := []int{400, 40, 5}[round%3] // ever more mentions of the same tokens
		for i := range ms {
			t0 := r.IntN(span)
			ms[i] = Mention{Ent: r.IntN(20), T0: t0, T1: t0 + 1 + r.IntN(4)}
		}
		want := slices.Clone(ms)
		slices.SortFunc(want, byStart)
		if got := appendSorted(nil, ms); !slices.Equal(got, want) {
			t.Fatalf("round %d (%d mentions): appendSorted got %v, want %v", round, n, got, want)
		}
		sortMentions(ms)
		if !slices.Equal(ms, want) {
			t.Fatalf("round %d (%d mentions): got %v, want %v", round, n, ms, want)
		}
	}
}
