package search

import (
	"fmt"
	"html"
	"io"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// WriteTable prints a result page for a terminal of the given width: one line
// per hit with aligned columns (date, source, copies, headline, entities), a
// snippet line under each, and a summary with the cursor of the next page.
func WriteTable(w io.Writer, r *Result, width int) error {
	if width < 60 {
		width = 60
	}
	rows := tableRows(r)
	widths := columnWidths(rows, width)
	var b strings.Builder
	for i, row := range rows {
		for c, cellText := range row {
			if c > 0 {
				b.WriteString("  ")
			}
			b.WriteString(pad(fit(cellText, widths[c]), widths[c], c == len(row)-1))
		}
		b.WriteString("\n")
		if i > 0 && len(r.Hits[i-1].Snippets) > 0 {
			snip := termSafe(plainSnippet(r.Hits[i-1].Snippets[0]))
			b.WriteString("    " + fit(snip, width-4) + "\n")
		}
	}
	b.WriteString(summaryLine(r))
	_, err := io.WriteString(w, b.String())
	return err
}

// tableRows is the header and one row per hit, made safe for a terminal.
func tableRows(r *Result) [][]string {
	rows := [][]string{{"DATE", "SOURCE", "COPIES", "HEADLINE", "ENTITIES"}}
	for _, h := range r.Hits {
		date := ""
		if h.VersionCreated != nil {
			date = h.VersionCreated.UTC().Format("2006-01-02")
		}
		copies := ""
		if h.Copies > 1 {
			copies = fmt.Sprint(h.Copies)
		}
		names := make([]string, 0, 3)
		for i, e := range h.Entities {
			if i == 3 {
				break
			}
			names = append(names, e.Name)
		}
		rows = append(rows, []string{date, termSafe(h.Source), copies, termSafe(h.Headline), termSafe(strings.Join(names, ", "))})
	}
	return rows
}

func summaryLine(r *Result) string {
	s := fmt.Sprintf("%d stories", r.Total)
	if r.TotalRelation == "gte" {
		s = fmt.Sprintf("%d+ stories", r.Total)
	}
	if r.Groups != nil {
		s += fmt.Sprintf(" (about %d distinct wire stories)", *r.Groups)
	}
	s += fmt.Sprintf(", %d shown\n", len(r.Hits))
	if r.Notice != "" {
		s += r.Notice + "\n"
	}
	if r.NextCursor != "" {
		s += "next page: --cursor " + r.NextCursor + "\n"
	}
	return s
}

// termSafe makes text from the index safe for a terminal: control characters
// (line breaks, tabs, escape sequences) become spaces.
func termSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// plainSnippet turns snippet HTML back into text.
func plainSnippet(s string) string {
	return html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s))
}

// columnWidths fits the columns to the terminal: fixed columns keep their
// widest cell (capped), the headline gets what is left.
func columnWidths(rows [][]string, width int) []int {
	caps := []int{10, 18, 6, 0, 30}
	w := make([]int, len(caps))
	for _, row := range rows {
		for c, s := range row {
			w[c] = max(w[c], uniseg.StringWidth(s))
		}
	}
	used := 0
	for c := range w {
		if caps[c] > 0 {
			w[c] = min(w[c], caps[c])
			used += w[c] + 2
		}
	}
	w[3] = max(20, min(w[3], width-used))
	return w
}

// fit cuts s to at most n display cells, ending with … when cut.
func fit(s string, n int) string {
	if uniseg.StringWidth(s) <= n {
		return s
	}
	var b strings.Builder
	used := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if used+cw > n-1 {
			break
		}
		b.WriteString(g.Str())
		used += cw
	}
	return b.String() + "…"
}

func pad(s string, n int, last bool) string {
	if last {
		return s
	}
	if gap := n - uniseg.StringWidth(s); gap > 0 {
		return s + strings.Repeat(" ", gap)
	}
	return s
}
