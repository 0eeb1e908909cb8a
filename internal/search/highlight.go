package search

import (
	"html"
	"strings"
)

// SafeHighlight turns a highlighter fragment into HTML that is safe to insert
// into a page: every character of the text is escaped, and the only markup in
// the result is balanced <mark>…</mark> pairs made from the private-use
// markers the highlighter was told to use. A stray marker in the stored text
// cannot unbalance the tags: an opening marker inside a mark and a closing
// marker outside one are dropped, and an unclosed mark is closed at the end.
func SafeHighlight(fragment string) string {
	var b strings.Builder
	b.Grow(len(fragment) + 32)
	open := false
	for len(fragment) > 0 {
		i := strings.IndexAny(fragment, markOpen+markClose)
		if i < 0 {
			b.WriteString(html.EscapeString(fragment))
			break
		}
		b.WriteString(html.EscapeString(fragment[:i]))
		isOpen := strings.HasPrefix(fragment[i:], markOpen)
		switch {
		case isOpen && !open:
			b.WriteString("<mark>")
			open = true
		case !isOpen && open:
			b.WriteString("</mark>")
			open = false
		}
		fragment = fragment[i+len(markOpen):] // both markers are 3 bytes in UTF-8
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}

// PlainHighlight removes the markers, for terminals and CSV.
func PlainHighlight(fragment string) string {
	return strings.NewReplacer(markOpen, "", markClose, "").Replace(fragment)
}

// highlightDSL asks for the whole headline and up to three body fragments,
// falling back to the start of the body when the query has no text.
func highlightDSL() m {
	return m{
		"pre_tags":  []string{markOpen},
		"post_tags": []string{markClose},
		"fields": m{
			"headline": m{"number_of_fragments": 0},
			"body":     m{"fragment_size": 180, "number_of_fragments": 3, "no_match_size": 240},
		},
	}
}
