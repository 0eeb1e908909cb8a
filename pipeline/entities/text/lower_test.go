package text

import (
	"strings"
	"testing"
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
