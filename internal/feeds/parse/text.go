package parse

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements: their content is never text a reader sees.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Svg: true, atom.Math: true,
	atom.Head: true, atom.Title: true, atom.Select: true, atom.Button: true,
}

// skippedNames are skipped elements without an atom: NITF's body.head
// repeats the headline and byline that the metadata already carries.
var skippedNames = map[string]bool{"body.head": true}

// blocks end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true,
	atom.Nav: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Address: true, atom.Body: true,
}

// HTMLText turns an HTML fragment or document into plain text: markup is
// dropped, entities are decoded, script, style and similar elements vanish
// with their content, block elements become paragraphs separated by a blank
// line, <br> a line break, and runs of white space one space. Plain text
// passes through with its entities decoded.
func HTMLText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return collapse(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	z.AllowCDATA(true)
	var w textWriter
	depth := 0 // inside skipped elements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return w.String()
		case html.TextToken:
			if depth == 0 {
				w.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case (skipped[a] || skippedNames[string(name)]) && tt == html.StartTagToken:
				depth++
			case a == atom.Br:
				w.lineBreak()
			case blocks[a]:
				w.paragraph()
			case a == atom.Td || a == atom.Th:
				w.space()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skipped[a] || skippedNames[string(name)]:
				if depth > 0 {
					depth--
				}
			case blocks[a]:
				w.paragraph()
			case a == atom.Td || a == atom.Th:
				w.space()
			}
		}
	}
}

// textWriter collects text, collapsing white space and tracking breaks.
type textWriter struct {
	buf     bytes.Buffer
	pending string // break to write before the next text: "", " ", "\n" or "\n\n"
}

func (w *textWriter) text(b []byte) {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		if unicode.IsSpace(r) {
			w.space()
			continue
		}
		if r == utf8.RuneError && n == 1 {
			r = unicode.ReplacementChar
		}
		if w.buf.Len() > 0 && w.pending != "" {
			w.buf.WriteString(w.pending)
		}
		w.pending = ""
		w.buf.WriteRune(r)
	}
}

func (w *textWriter) space() {
	if w.pending == "" {
		w.pending = " "
	}
}

func (w *textWriter) lineBreak() {
	if w.pending != "\n\n" {
		w.pending = "\n"
	}
}

func (w *textWriter) paragraph() { w.pending = "\n\n" }

// String returns the text without leading or trailing white space.
func (w *textWriter) String() string { return w.buf.String() }

// collapse trims s and folds every run of white space into one space, keeping
// paragraph breaks (a blank line) and line breaks.
func collapse(s string) string {
	var w textWriter
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	blank := false
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			blank = true
			continue
		}
		if blank {
			w.paragraph()
		} else {
			w.lineBreak()
		}
		blank = false
		w.text([]byte(line))
	}
	return w.String()
}
