package places

import (
	"testing"

	"github.com/warwire/warwire/pipeline/entities/text"
)

// TestLowerHash checks lowerHash against the entity tokenizer's hash of the
// same word in lower case, and that it leaves out words not all ASCII letters.
func TestLowerHash(t *testing.T) {
	for _, w := range []string{"Kyiv", "KYIV", "kyiv", "McDonald", "The", "a", "Zaporizhzhia", "region", "REUTERS"} {
		want := text.Tokenize(nil, lowerASCII(w))[0].LowerHash
		if want == 0 {
			t.Fatalf("%q: the tokenizer computed no hash", w)
		}
		if got := lowerHash(w); got != want {
			t.Errorf("lowerHash(%q) = %#x, want %#x", w, got, want)
		}
	}
	for _, w := range []string{"", "Kyiv's", "5G", "Київ", "Zürich", "a-b", "x@", "[a]"} {
		if got := lowerHash(w); got != 0 {
			t.Errorf("lowerHash(%q) = %#x, want 0", w, got)
		}
	}
}

func lowerASCII(w string) string {
	b := []byte(w)
	for i, c := range b {
		if c-'A' < 26 {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
