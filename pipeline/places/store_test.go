package places

import "testing"

// TestCodeIndex checks codeIndex against the map of every country code,
// and that it finds no code the gazetteer lacks.
func TestCodeIndex(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for cc, want := range g.codeIdx {
		if got, ok := g.codeIndex(cc); !ok || got != want {
			t.Errorf("codeIndex(%q) = %d, %v; want %d", cc, got, ok, want)
		}
	}
	for _, cc := range []string{"ZZ", "Ua", "U", "UAA", "@A", "A["} {
		if _, in := g.codeIdx[cc]; in {
			continue
		}
		if got, ok := g.codeIndex(cc); ok {
			t.Errorf("codeIndex(%q) = %d, true; want none", cc, got)
		}
	}
}
