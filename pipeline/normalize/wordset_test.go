package normalize

import (
	"strings"
	"testing"
)

// TestWordSetsMatchMaps checks the word tables against the maps they are
// built from, for the words they hold and for near misses.
func TestWordSetsMatchMaps(t *testing.T) {
	check := func(name string, set *wordSet, m map[string]uint16) {
		for w, v := range m {
			if got := set.get(w); got != v {
				t.Errorf("%s: get(%q) = %d, want %d", name, w, got, v)
			}
			for _, miss := range []string{w + "x", w[:len(w)-1], "x" + w} {
				if got := set.get(miss); got != m[miss] {
					t.Errorf("%s: get(%q) = %d, want %d", name, miss, got, m[miss])
				}
			}
		}
	}
	check("stop", stopSet, stopWords)
	captions := map[string]uint16{}
	for w, k := range captionWords {
		captions[w] = uint16(k)
	}
	check("caption", captionSet, captions)
}

// FuzzWordSet checks wordSet look-ups against the map for any word.
func FuzzWordSet(f *testing.F) {
	for _, s := range []string{"the", "said", "powiedział", "że", "über", "attends", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if w == "" || strings.IndexByte(w, 0) >= 0 {
			return // words hold no NUL byte
		}
		if got, want := stopSet.get(w), stopWords[w]; got != want {
			t.Errorf("stopSet.get(%q) = %d, want %d", w, got, want)
		}
		if len(w) > maxCaptionWord {
			return
		}
		if got, want := captionWord(w, 0, len(w)), captionWords[w]; got != want {
			t.Errorf("captionWord(%q) = %d, want %d", w, got, want)
		}
	})
}
