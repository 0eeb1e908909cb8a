package mention

import (
	"strings"
	"testing"
)

// TestWordLists checks list membership by the lower-case word, for tokens
// of ASCII letters (tested by their hash) and others alike.
func TestWordLists(t *testing.T) {
	d := NewDoc("He, ОН, It, оно, Él, hen, 1he, für The ministry", nil)
	want := []bool{true, true, true, true, true, false, false, false, false, false}
	for i, w := range want {
		if got := d.IsPronoun(i); got != w {
			t.Errorf("IsPronoun(%q) = %v, want %v", d.Word(i), got, w)
		}
	}
	if !d.Is(prepositions, 7) || !d.Is(determiners, 8) || !d.Is(institutionNouns, 9) {
		t.Error("für, the, ministry not found in their lists")
	}
}

// TestClausePunct checks clausePunct against strings.ContainsAny.
func TestClausePunct(t *testing.T) {
	for _, g := range []string{"", " ", "  ", ", ", " (", ") ", " — ", " – ", " “", "” ", " «", "» ",
		" „", " - ", "\n\n", " ‘", " … ", "\xff", " \xe2\x80", "é ", " ;", ":", "\"", "'s "} {
		if got, want := clausePunct(g), strings.ContainsAny(g, clausePuncts); got != want {
			t.Errorf("clausePunct(%q) = %v, want %v", g, got, want)
		}
	}
}
