package quotes

import (
	"unicode"
	"unicode/utf8"
)

// quote is a quotation found in the text: its content [start, end) in bytes
// and code points, the byte range of the marks around it, the paragraph it
// is in, and whether it continues a quote left open in the paragraph before.
type quote struct {
	start, end   int // content, bytes
	rstart, rend int // content, code points
	open, close  int // byte offset of the opening mark and just past the closing one
	para         int
	// tStart, tOpen and tClose are the first tokens starting at or after
	// start, open and close (len(Toks) when none does), set by
	// findQuotesTokens: marks and line breaks are never inside tokens but
	// for '’', so the first token after the token or gap a mark is read in
	// is also the first token after the bytes next to it that are not
	// spaces.
	tStart, tOpen, tClose int
	cont                  bool // continues the previous quote, left open at a paragraph end
	openEnded             bool // the paragraph ended before a closing mark
}

// closes reports whether r closes a quote opened by the mark open. The
// pairs are lenient: agency copy mixes styles.
func closes(open, r rune) bool {
	switch open {
	case '“':
		return r == '”' || r == '»'
	case '«':
		return r == '»'
	case '„':
		return r == '“' || r == '”'
	case '"':
		return r == '"'
	case '‘':
		return r == '’'
	case '‹':
		return r == '›'
	}
	return false
}

// markScanner reads the marks and line breaks of a body in order, with
// their byte and code point offsets, and collects the quotations they
// delimit.
type markScanner struct {
	s     string
	out   []quote
	cur   quote
	in    rune // opening mark of the quote being read, 0 outside quotes
	para  int
	paraQ bool // the paragraph so far holds only spaces (next quote may continue)
	tok   int  // the first token starting after the bytes being read
	// invalid is set when the bytes read hold one that is not part of a
	// valid UTF-8 character.
	invalid bool
}

// step handles the quotation mark r of n bytes at byte i (code point ri).
// The characters around it are decoded only for the marks whose reading
// depends on them.
func (sc *markScanner) step(r rune, i, ri, n int) {
	if sc.in == 0 {
		if sc.isOpening(r, i, n) {
			sc.begin(r, i, n, ri)
		} else {
			sc.paraQ = false // a mark is not a space
		}
		return
	}
	if closes(sc.in, r) && sc.isClosing(sc.in, r, i, n) {
		sc.finish(i, ri, i+n)
	}
}

// before returns the character before byte i, or ' ' at the start.
func (sc *markScanner) before(i int) rune {
	if i == 0 {
		return ' '
	}
	if prev := rune(sc.s[i-1]); prev < utf8.RuneSelf {
		return prev
	}
	prev, _ := utf8.DecodeLastRuneInString(sc.s[:i])
	return prev
}

// after returns the character at byte j, or ' ' at the end.
func (sc *markScanner) after(j int) rune {
	if j >= len(sc.s) {
		return ' '
	}
	next, _ := decodeAt(sc.s, j)
	return next
}

// newline handles the line break at byte i (code point ri), which starts
// a paragraph when first (it does not follow another line break).
func (sc *markScanner) newline(i, ri int, first bool) {
	if sc.in != 0 {
		sc.finish(i, ri, -1)
	}
	if first {
		sc.para++
	}
	sc.paraQ = true
}

// begin starts a quote opened by the mark r of n bytes at byte i (code
// point ri).
func (sc *markScanner) begin(r rune, i, n, ri int) {
	sc.in = r
	sc.cur = quote{start: i + n, rstart: ri + 1, open: i, para: sc.para, tOpen: sc.tok, tStart: sc.tok}
	if sc.paraQ && len(sc.out) > 0 {
		last := sc.out[len(sc.out)-1]
		sc.cur.cont = last.openEnded && last.para == sc.para-1
	}
	sc.paraQ = false
}

// finish closes the current quote with content ending at byte i (code point
// ri); closeEnd is just past the closing mark, or -1 when the paragraph or
// text ended first.
func (sc *markScanner) finish(i, ri, closeEnd int) {
	q := &sc.cur
	q.end, q.rend = i, ri
	q.close = closeEnd
	q.tClose = sc.tok
	q.openEnded = closeEnd < 0
	if closeEnd < 0 {
		q.close = i
	}
	sc.in = 0
	trimQuote(sc.s, q)
	if q.end > q.start {
		sc.out = append(sc.out, *q)
	}
}

// trimQuote drops spaces at both ends of the content. An ASCII byte at
// an end is tested without decoding.
func trimQuote(s string, q *quote) {
	for q.start < q.end {
		r, n := rune(s[q.start]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[q.start:q.end])
		}
		if !isSpace(r) {
			break
		}
		q.start += n
		q.rstart++
	}
	for q.end > q.start {
		r, n := rune(s[q.end-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s[q.start:q.end])
		}
		if !isSpace(r) {
			break
		}
		q.end -= n
		q.rend--
	}
}

// isSpace is unicode.IsSpace with the ASCII case inline.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || uint32(r-'\t') <= '\r'-'\t'
	}
	return unicode.IsSpace(r)
}

// isOpening reports whether the mark r of n bytes at byte i opens a
// quotation.
func (sc *markScanner) isOpening(r rune, i, n int) bool {
	switch r {
	case '«':
		return true
	case '“', '„', '‹':
		return !isSpace(sc.after(i + n))
	case '"':
		return startBoundary(sc.before(i)) && !isSpace(sc.after(i+n))
	case '‘':
		if !startBoundary(sc.before(i)) {
			return false
		}
		next := sc.after(i + n)
		return isLetter(next) || unicode.IsDigit(next)
	}
	return false
}

// isClosing reports whether the mark r of n bytes at byte i closes a
// quotation opened by open (closes(open, r) holds).
func (sc *markScanner) isClosing(open, r rune, i, n int) bool {
	switch r {
	case '"':
		return !isSpace(sc.before(i)) || !isLetter(sc.after(i+n))
	case '’':
		// An apostrophe inside a word ("can’t") does not close.
		return !isLetter(sc.after(i + n))
	case '“':
		// „German“ closes with “; an English “ inside a quote opens a nested one.
		return open == '„'
	}
	return true
}

// isLetter is unicode.IsLetter with the ASCII case inline.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return uint32(r|0x20)-'a' < 26
	}
	return unicode.IsLetter(r)
}

// startBoundary reports whether a quotation may open after prev.
func startBoundary(prev rune) bool {
	switch prev {
	case '(', '[', '{', '—', '–', '-', ':', '/', '“', '«', '„':
		return true
	}
	return isSpace(prev)
}
