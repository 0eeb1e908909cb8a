package normalize

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText turns an HTML fragment (a NINJS body_html) into clean plain text
// and the text of its <figcaption> elements. Block elements (p, div, br, li,
// h1-h6, blockquote, figure, tr, ...) become paragraph breaks; the contents of
// script, style, noscript, template, iframe, object (and a few other
// non-content elements) are dropped; entities are decoded; no markup survives.
// The text is cleaned as by CleanText. Malformed HTML never fails: the
// tokenizer recovers the way browsers do.
func HTMLToText(src string) (text string, captions []string) {
	raw, figcaps := htmlToRaw(src, false)
	text = clean(raw, eachLine)
	for _, c := range figcaps {
		if c = cleanLine(c); c != "" {
			captions = append(captions, c)
		}
	}
	return text, captions
}

// htmlWalker holds the state of one htmlToRaw run.
type htmlWalker struct {
	body, capt   strings.Builder
	captions     []string
	keepNewlines bool      // text newlines are line breaks (body_text with stray tags)
	skip         int       // depth inside a dropped element
	skipAtom     atom.Atom // the dropped element being skipped
	inCaption    int       // depth inside <figcaption>
}

// htmlToRaw extracts the text of src without cleaning it: blocks end with
// "\n\n", figcaption texts are returned apart. With keepNewlines the newlines
// of text nodes are kept (they separate paragraphs of a body_text that merely
// contains some tags); otherwise they are spaces, as HTML renders them.
func htmlToRaw(src string, keepNewlines bool) (string, []string) {
	w := &htmlWalker{keepNewlines: keepNewlines}
	w.body.Grow(len(src))
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF or a tokenizer error: the text so far is all there is
			w.endCaption()
			return w.body.String(), w.captions
		case html.TextToken:
			if w.skip == 0 {
				w.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			w.start(tagAtom(z.Raw()))
		case html.EndTagToken:
			w.end(tagAtom(z.Raw()))
		}
	}
}

// tagAtom returns the element of the raw tag "<name ...>" or "</name>"
// without the allocation of Tokenizer.TagName; 0 for unknown elements.
func tagAtom(raw []byte) atom.Atom {
	var name [16]byte
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	n := 0
	for ; i < len(raw) && isAlnum(raw[i]); i++ {
		if n == len(name) {
			return 0
		}
		name[n] = raw[i] | 0x20
		if raw[i] >= '0' && raw[i] <= '9' {
			name[n] = raw[i]
		}
		n++
	}
	return atom.Lookup(name[:n])
}

// out is where text goes: the caption being read or the body.
func (w *htmlWalker) out() *strings.Builder {
	if w.inCaption > 0 {
		return &w.capt
	}
	return &w.body
}

// text writes the text of a text node; its newlines are spaces unless
// keepNewlines.
func (w *htmlWalker) text(t []byte) {
	o := w.out()
	for !w.keepNewlines {
		k := bytes.IndexByte(t, '\n')
		if k < 0 {
			break
		}
		o.Write(t[:k])
		o.WriteByte(' ')
		t = t[k+1:]
	}
	o.Write(t)
}

func (w *htmlWalker) start(a atom.Atom) {
	if w.skip > 0 {
		if a == w.skipAtom {
			w.skip++
		}
		return
	}
	switch {
	case dropped(a):
		w.skip, w.skipAtom = 1, a
	case a == atom.Figcaption:
		w.inCaption++
	default:
		w.breakFor(a)
	}
}

func (w *htmlWalker) end(a atom.Atom) {
	if w.skip > 0 {
		if a == w.skipAtom {
			w.skip--
		}
		return
	}
	if a == atom.Figcaption && w.inCaption > 0 {
		w.inCaption--
		if w.inCaption == 0 {
			w.endCaption()
		}
		return
	}
	w.breakFor(a)
}

// endCaption files the caption being read, if any.
func (w *htmlWalker) endCaption() {
	if w.capt.Len() > 0 {
		w.captions = append(w.captions, w.capt.String())
		w.capt.Reset()
	}
	w.inCaption = 0
}

// breakFor writes the separator element a implies: a paragraph break for a
// block, a space for a table cell, nothing for inline elements.
func (w *htmlWalker) breakFor(a atom.Atom) {
	switch {
	case block(a):
		w.out().WriteString("\n\n")
	case a == atom.Td || a == atom.Th:
		w.out().WriteByte(' ')
	}
}

// dropped reports whether the contents of element a are not text to keep.
func dropped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
		atom.Object, atom.Head, atom.Title, atom.Textarea, atom.Svg, atom.Math,
		atom.Noembed, atom.Noframes, atom.Xmp, atom.Plaintext, atom.Select,
		atom.Button, atom.Canvas, atom.Audio, atom.Video:
		return true
	}
	return false
}

// block reports whether element a starts or ends a paragraph.
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Blockquote, atom.Figure, atom.Tr, atom.Hr,
		atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Caption,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside,
		atom.Nav, atom.Main, atom.Pre, atom.Address, atom.Details,
		atom.Summary, atom.Body, atom.Html, atom.Center:
		return true
	}
	return false
}

// looksLikeHTML reports whether plain text s carries HTML markup: a comment or
// a start or end tag of a known element ("<p>", "</a>", "<br/>", "<img src=").
// Angle brackets in prose ("<5 km", "a < b") do not count.
func looksLikeHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; {
		rest := s[i+1:]
		if strings.HasPrefix(rest, "!--") || knownTagAt(rest) {
			return true
		}
		k := strings.IndexByte(rest, '<')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// knownTagAt reports whether s (just after '<') starts with an optional '/',
// a known element name and a tag delimiter.
func knownTagAt(s string) bool {
	s = strings.TrimPrefix(s, "/")
	n := 0
	for n < len(s) && n < 12 && isAlnum(s[n]) {
		n++
	}
	if n == 0 || n == len(s) {
		return false
	}
	switch s[n] {
	case '>', ' ', '/', '\t', '\n', '\r':
	default:
		return false
	}
	a := atom.Lookup([]byte(strings.ToLower(s[:n])))
	return dropped(a) || block(a) || inline(a)
}

// inline reports whether a is a common inline or void element.
func inline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.I, atom.U, atom.Em, atom.Strong, atom.Span,
		atom.Img, atom.Sup, atom.Sub, atom.Small, atom.Cite, atom.Q,
		atom.Font, atom.Abbr, atom.Mark, atom.Del, atom.Ins, atom.S,
		atom.Strike, atom.Code, atom.Time, atom.Figcaption, atom.Picture,
		atom.Source, atom.Embed, atom.Meta, atom.Link, atom.Td, atom.Th,
		atom.Tbody, atom.Thead, atom.Tfoot, atom.Wbr:
		return true
	}
	return false
}

func isAlnum(b byte) bool {
	return (b|0x20 >= 'a' && b|0x20 <= 'z') || (b >= '0' && b <= '9')
}

// maxEntityLen bounds the length of an entity reference "&...;".
const maxEntityLen = 32

// decodeEntities decodes the well-formed character references in plain text
// s ("&amp;", "&#8217;", "&#x2014;"), each ending with ';'. Anything else with
// '&' ("AT&T", "R&D", "&c") is left alone.
func decodeEntities(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		n := entityLen(s)
		if dec := html.UnescapeString(s[:n]); n > 1 && dec != s[:n] {
			b.WriteString(dec)
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// entityLen returns the length of the reference "&name;" or "&#digits;" at the
// start of s, or 1 when s does not start with one.
func entityLen(s string) int {
	for j := 1; j < len(s) && j <= maxEntityLen; j++ {
		switch c := s[j]; {
		case c == ';':
			if j > 1 {
				return j + 1
			}
			return 1
		case isAlnum(c) || (c == '#' && j == 1):
		default:
			return 1
		}
	}
	return 1
}
