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
