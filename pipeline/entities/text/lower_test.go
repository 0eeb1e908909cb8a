package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestAppendLowerSameLengthASCII checks the eight-byte fast path against
// strings.ToLower for every ASCII byte at every position of a word.
func TestAppendLowerSameLengthASCII(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		for pos := 0; pos < 11; pos++ {
			b := []byte("xYz AZaz@[`{")
			b[pos] = byte(c)
			s := string(b)
			if got, want := string(AppendLowerSameLength(nil, s)), strings.ToLower(s); got != want {
				t.Fatalf("lower(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestLowerHash checks that a token's LowerHash, when set, is the FNV-1a
// hash of its lower-case text.
func TestLowerHash(t *testing.T) {
	s := "Russia's Foreign Minister said: U.S. and NATO forces, ЕС и Nord Stream 2 — a b C."
	lower := LowerSameLength(s)
	set := 0
	for _, tok := range Tokenize(nil, s) {
		if tok.LowerHash == 0 {
			continue
		}
		set++
		w := lower[tok.Start:tok.End]
		if h := fnv(w); h != tok.LowerHash {
			t.Errorf("token %q: LowerHash %x, want %x", w, tok.LowerHash, h)
		}
	}
	if set < 8 {
		t.Errorf("only %d tokens hashed", set)
	}
}

// fnv is the FNV-1a hash of w, computed plainly.
func fnv(w string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * fnvPrime
	}
	return h
}

// TestAppendLowerSameLengthMixed checks the eight-byte path around
// non-ASCII runes at every position against a rune-by-rune reference.
func TestAppendLowerSameLengthMixed(t *testing.T) {
	for _, r := range []string{"É", "Ж", "ẞ", "…", "İ", "\xe2", "Ⅰ"} {
		for pos := 0; pos < 20; pos++ {
			s := "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:pos] + r + "XYZ abc DEF ghi JKL"
			if got, want := string(AppendLowerSameLength(nil, s)), lowerRef(s); got != want {
				t.Fatalf("lower(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// lowerRef is LowerSameLength one rune at a time.
func lowerRef(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && utf8.RuneLen(l) == n {
			b = utf8.AppendRune(b, l)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// TestCaseless checks the runes lowerSpan does not look up against
// unicode.ToLower.
func TestCaseless(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if caseless(r) && unicode.ToLower(r) != r {
			t.Fatalf("caseless(%U) but ToLower is %U", r, unicode.ToLower(r))
		}
	}
}
