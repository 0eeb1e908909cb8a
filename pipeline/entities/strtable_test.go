package entities

import (
	"github.com/warwire/warwire/pipeline/entities/words"
	"testing"
)

// TestFindAt checks the packed comparison of findAt against find, for keys
// and words of every length around eight bytes at every offset of a text.
func TestFindAt(t *testing.T) {
	keys := []string{"", "a", "of", "the", "kyiv", "putin", "russia", "ukraine", "minister", "ministers",
		"presidents", "the\x00", "ab\x00\x00", "a\x00"}
	m := make(map[string]int32)
	for i, k := range keys {
		m[k] = int32(i)
	}
	tab := newStrTable(m)
	text := "the kyiv ministers of ukraine a ab\x00\x00 putin russiaminister presidents the\x00 ministerX a\x00"
	for i := 0; i < len(text); i++ {
		for j := i; j <= len(text) && j-i <= 12; j++ {
			w := text[i:j]
			h := words.FNV(w)
			if got, want := tab.findAt(text, i, j, h), tab.find(w, h); got != want {
				t.Fatalf("findAt(%q) = %d, find = %d", w, got, want)
			}
		}
	}
	for _, k := range keys {
		if got := tab.findAt(k+"........", 0, len(k), words.FNV(k)); got != m[k] {
			t.Errorf("findAt(%q) = %d, want %d", k, got, m[k])
		}
	}
}
