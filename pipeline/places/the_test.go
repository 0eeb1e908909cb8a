package places

import (
	"testing"

	"github.com/warwire/warwire/pipeline/entities/text"
)

// FuzzFoldsToThe checks foldsToThe, which tells most words without folding
// them, against folding every word (the reference).
func FuzzFoldsToThe(f *testing.F) {
	for _, s := range append(entitySeeds, "th'e th`e t'he t'h'e thé THÉ tHe the's t'h thee") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFoldsToThe(t, s)
	})
}

func checkFoldsToThe(t *testing.T, s string) {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// fold's tokens carry a hash only for name starts; the entity
	// tokenizer's (shared with the body) carry one for every plain word.
	for _, etoks := range [][]token{nil, text.Tokenize(nil, s)} {
		var sc scanner
		sc.reset(g, s, etoks, nil, false)
		for i := range sc.toks {
			if got, want := sc.foldsToThe(i), string(sc.word(i)) == "the"; got != want {
				t.Fatalf("%q (entity tokens %v): word %d (%q): foldsToThe %v, want %v", s, etoks != nil, i, sc.word(i), got, want)
			}
		}
	}
}

func TestFoldsToTheSeeds(t *testing.T) {
	for _, s := range append(entitySeeds, "th'e th`e t'he t'h'e thé THÉ tHe the's t'h thee") {
		checkFoldsToThe(t, s)
	}
}
