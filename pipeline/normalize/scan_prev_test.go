package normalize

import (
	"strings"
	"testing"
)

// cleanTextAlreadyPrev is cleanTextAlready as it was before it skipped to
// the first unprintable byte of an eight-byte block, kept to check the new
// one against.
func cleanTextAlreadyPrev(s string) bool {
	if s == "" {
		return true
	}
	if !visibleByte(s[0]) || !visibleByte(s[len(s)-1]) ||
		strings.IndexByte(s, '<') >= 0 || strings.Contains(s, "  ") || !plainAmpersands(s) {
		return false
	}
	for i := 0; i < len(s); {
		for i+8 <= len(s) && unprintable8(load8(s, i)) == 0 {
			i += 8
		}
		if i == len(s) {
			break
		}
		n := cleanCharLen(s, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// FuzzCleanTextAlreadyPrev checks cleanTextAlready against the previous
// version.
func FuzzCleanTextAlreadyPrev(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Clean text, “quoted” — with AT&T.\n\nA second paragraph: Київ.")
	f.Add("Eight by8 \n\nbytes~~~ and\x7f more\n\n\n\nlines\n\n x \n\nAT&amp;T")
	f.Fuzz(func(t *testing.T, s string) {
		for _, s := range []string{s, CleanText(s)} { // clean text passes more often
			if got, want := cleanTextAlready(s), cleanTextAlreadyPrev(s); got != want {
				t.Fatalf("cleanTextAlready(%q) = %v, previous version %v", s, got, want)
			}
		}
	})
}
