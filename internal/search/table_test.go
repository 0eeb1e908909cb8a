package search

import (
	"strings"
	"testing"
	"time"

	"github.com/rivo/uniseg"
)

func TestWriteTableAlignsColumns(t *testing.T) {
	day := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	groups := int64(2)
	r := &Result{Total: 3, TotalRelation: "eq", Groups: &groups, NextCursor: "CUR", Hits: []Hit{
		{Headline: "Short\x1b[2J", Source: "Wire One", VersionCreated: &day, Copies: 3, Entities: []Entity{{Name: "Kyiv City Council"}}, Snippets: []string{"a <mark>drone</mark> &amp; more"}},
		{Headline: "Київ: 東京 wide characters in a rather long headline that needs cutting to fit the narrow terminal", Source: "Gazeta", VersionCreated: &day},
	}}
	var b strings.Builder
	if err := WriteTable(&b, r, 80); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), '\x1b') {
		t.Error("an escape sequence from a headline reached the terminal")
	}
	lines := strings.Split(b.String(), "\n")
	header, row1, row2 := lines[0], lines[1], lines[3]
	col := func(line, at string) int { i := strings.Index(line, at); return uniseg.StringWidth(line[:i]) }
	if h, a, c := col(header, "HEADLINE"), col(row1, "Short"), col(row2, "Київ"); h != a || a != c {
		t.Errorf("headline column starts at %d, %d, %d:\n%s", h, a, c, b.String())
	}
	for _, l := range lines {
		if w := uniseg.StringWidth(l); w > 80 {
			t.Errorf("line is %d cells wide (> 80): %q", w, l)
		}
	}
	if !strings.Contains(lines[2], "a drone & more") {
		t.Errorf("snippet line %q", lines[2])
	}
	if !strings.Contains(b.String(), "3 stories (about 2 distinct wire stories), 2 shown") || !strings.Contains(b.String(), "--cursor CUR") {
		t.Errorf("summary missing:\n%s", b.String())
	}
}
