package search

import (
	"testing"
	"unicode/utf8"
)

// TestFixtureSpansPointAtTheirText checks the corpus itself: every span
// covers the text it names (code points, not bytes or UTF-16 units), and the
// syndicated copies share a fingerprint that no other story has.
func TestFixtureSpansPointAtTheirText(t *testing.T) {
	docs := fixtureDocs()
	fp := map[string]int{}
	for _, d := range docs {
		runes := []rune(d.Body)
		for _, q := range d.Quotes {
			if got := string(runes[q.Span[0]:q.Span[1]]); got != q.Text {
				t.Errorf("%s: quote span covers %q", d.URI, got)
			}
		}
		for _, e := range d.Entities {
			for _, sp := range e.Spans {
				if sp[1] > len(runes) || sp[0] >= sp[1] {
					t.Errorf("%s: bad span %v", d.URI, sp)
				}
			}
		}
		if !d.Withdrawn && !utf8.ValidString(d.Body) {
			t.Errorf("%s: invalid UTF-8", d.URI)
		}
		if d.Fingerprint != "" {
			fp[d.Fingerprint]++
		}
	}
	copies := 0
	for _, n := range fp {
		if n > 1 {
			copies = n
		}
	}
	if copies != 3 {
		t.Errorf("want one fingerprint shared by 3 syndicated copies, got %v", fp)
	}
}
