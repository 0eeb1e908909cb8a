package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\n ", 0},
		{"one", 1},
		{"one two  three", 3},
		{"Kyiv-based analysts", 2},
		{"don't and Ukraine’s", 3},
		{"м’ясо та прем'єр", 3},
		{"1,000 troops and 3.5 km", 5},
		{"end. Start, again!", 3},
		{"a - b -- c", 3},
		{"trailing-", 1},
		{"-leading", 1},
		{"“Quoted,” he said.", 3},
		{"Київ, 12 червня", 3},
		{"café naïve", 2},
		{"e\u0301te\u0301", 1},
		{"2024-06-14", 1},
		{"!!! ??? ...", 0},
		{"emoji 🚀 here", 2},
	}
	for _, tc := range tests {
		if got := CountWords(tc.in); got != tc.want {
			t.Errorf("CountWords(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// countWordsRef is CountWords as first written, one rune class at a time:
// the reference the faster CountWords must agree with.
func countWordsRef(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicodeWordRune(r) && (r >= utf8.RuneSelf || isWordRune(r)):
			if !in {
				n++
				in = true
			}
		case in && joins(r, s, i, size):
		default:
			in = false
		}
		i += size
	}
	return n
}

func FuzzCountWords(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("1,000 troops and 3.5 km, Kyiv-based м’ясо e\u0301te\u0301 ʼx ‐y ‑z")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CountWords(s), countWordsRef(s); got != want {
			t.Fatalf("CountWords(%q) = %d, reference %d", s, got, want)
		}
	})
}

// TestCountWordsMixes checks CountWords against the reference on random
// mixes of the bytes its eight-byte path treats specially, at every offset.
func TestCountWordsMixes(t *testing.T) {
	alphabet := []string{"a", "Z", "1", "9", "-", "'", ".", ",", " ", "é", "’", "\u0301", "—"}
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 40000 {
		letters := alphabet
		if k%2 == 0 {
			letters = alphabet[:9] // ASCII only
		}
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(letters[rng.IntN(len(letters))])
		}
		s := b.String()
		if got, want := CountWords(s), countWordsRef(s); got != want {
			t.Fatalf("CountWords(%q) = %d, reference %d", s, got, want)
		}
	}
}
