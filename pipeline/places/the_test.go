package places

import "testing"

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
	var sc scanner
	sc.reset(g, s, nil, nil, false)
	for i := range sc.toks {
		if got, want := sc.foldsToThe(i), string(sc.word(i)) == "the"; got != want {
			t.Fatalf("%q: word %d (%q): foldsToThe %v, want %v", s, i, sc.word(i), got, want)
		}
	}
}

func TestFoldsToTheSeeds(t *testing.T) {
	for _, s := range append(entitySeeds, "th'e th`e t'he t'h'e thé THÉ tHe the's t'h thee") {
		checkFoldsToThe(t, s)
	}
}
