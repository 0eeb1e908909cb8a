package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordAtPrev is wordAt as it was before ASCII letters and digits skipped the
// rune decoding, kept to check the new one against.
func wordAtPrev(p string, i int) (string, int) {
	j := i
	for j < len(p) {
		r, n := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".-/'’", r) {
			break
		}
		j += n
	}
	return p[i:j], j
}

// FuzzWordAt checks wordAt against the previous version at every offset.
func FuzzWordAt(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("KYIV/WARSAW, June 12 (Reuters) - U.S.-led Kyiv’s x\xffy")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			gw, gj := wordAt(s, i)
			ww, wj := wordAtPrev(s, i)
			if gw != ww || gj != wj {
				t.Fatalf("wordAt(%q, %d) = %q, %d; previous version %q, %d", s, i, gw, gj, ww, wj)
			}
		}
	})
}
