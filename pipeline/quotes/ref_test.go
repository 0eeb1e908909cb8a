package quotes

// The quote scanner as it was before it read the token gaps only (commit
// 33e2a9b): the reference FuzzFindQuotesTokens checks the scanner against.

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// refClosers lists the marks that close a quote opened by each opening mark.
// They are lenient: agency copy mixes styles.
var refClosers = map[rune]string{
	'“': "”»",
	'«': "»",
	'„': "“”",
	'"': "\"",
	'‘': "’",
	'‹': "›",
}

// scanner walks the body rune by rune, tracking byte and code point offsets.
type refScanner struct {
	s     string
	out   []quote
	cur   quote
	in    rune // opening mark of the quote being read, 0 outside quotes
	para  int
	paraQ bool // the paragraph so far holds only spaces (next quote may continue)
}

func (sc *refScanner) step(r, prev, next rune, i, ri, n int) {
	if r == '\n' {
		if sc.in != 0 {
			sc.finish(i, ri, -1)
		}
		if prev != '\n' {
			sc.para++
		}
		sc.paraQ = true
		return
	}
	if sc.in == 0 {
		if refIsOpening(r, prev, next) {
			sc.begin(i+n, ri)
		} else if !unicode.IsSpace(r) {
			sc.paraQ = false
		}
		return
	}
	if refIsClosing(sc.in, r, prev, next) {
		sc.finish(i, ri, i+n)
	}
}

// begin starts a quote whose content starts at byte start (code point ri+1).
func (sc *refScanner) begin(start, ri int) {
	r, n := utf8.DecodeLastRuneInString(sc.s[:start])
	sc.in = r
	sc.cur = quote{start: start, rstart: ri + 1, open: start - n, para: sc.para}
	if sc.paraQ && len(sc.out) > 0 {
		last := sc.out[len(sc.out)-1]
		sc.cur.cont = last.openEnded && last.para == sc.para-1
	}
	sc.paraQ = false
}

// finish closes the current quote with content ending at byte i (code point
// ri); closeEnd is just past the closing mark, or -1 when the paragraph or
// text ended first.
func (sc *refScanner) finish(i, ri, closeEnd int) {
	q := sc.cur
	q.end, q.rend = i, ri
	q.close = closeEnd
	q.openEnded = closeEnd < 0
	if closeEnd < 0 {
		q.close = i
	}
	sc.in = 0
	refTrimQuote(sc.s, &q)
	if q.end > q.start {
		sc.out = append(sc.out, q)
	}
}

// refTrimQuote drops spaces at both ends of the content.
func refTrimQuote(s string, q *quote) {
	for q.start < q.end {
		r, n := utf8.DecodeRuneInString(s[q.start:q.end])
		if !unicode.IsSpace(r) {
			break
		}
		q.start += n
		q.rstart++
	}
	for q.end > q.start {
		r, n := utf8.DecodeLastRuneInString(s[q.start:q.end])
		if !unicode.IsSpace(r) {
			break
		}
		q.end -= n
		q.rend--
	}
}

// refIsOpening reports whether r opens a quotation here.
func refIsOpening(r, prev, next rune) bool {
	switch r {
	case '“', '«', '„', '‹':
		return !unicode.IsSpace(next) || r == '«'
	case '"':
		return refStartBoundary(prev) && !unicode.IsSpace(next)
	case '‘':
		return refStartBoundary(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next))
	}
	return false
}

// refIsClosing reports whether r closes a quotation opened by open.
func refIsClosing(open, r, prev, next rune) bool {
	if !strings.ContainsRune(refClosers[open], r) {
		return false
	}
	switch r {
	case '"':
		return !unicode.IsSpace(prev) || !unicode.IsLetter(next)
	case '’':
		// An apostrophe inside a word ("can’t") does not close.
		return !unicode.IsLetter(next)
	case '“':
		// „German“ closes with “; an English “ inside a quote opens a nested one.
		return open == '„'
	}
	return true
}

func refStartBoundary(prev rune) bool {
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:/“«„", prev)
}

// refFindQuotes appends the quotations of s to dst in order.
func refFindQuotes(dst []quote, s string) []quote {
	sc := refScanner{s: s, out: dst, paraQ: true}
	ri := 0
	for i := 0; i < len(s); ri++ {
		c := s[i]
		if !refSpecial[c] {
			// Skip to the next byte that may start a mark, a line break or
			// a non-ASCII space.
			j, ascii := refSkipPlain(s, i+1)
			if sc.in == 0 && sc.paraQ && !refOnlySpaces(s[i:j]) {
				sc.paraQ = false
			}
			if ascii && c < utf8.RuneSelf {
				ri += j - i - 1
			} else {
				ri += utf8.RuneCountInString(s[i:j]) - 1
			}
			i = j
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r != '\n' && !refIsMark(r) {
			if sc.in == 0 && !unicode.IsSpace(r) {
				sc.paraQ = false
			}
			i += n
			continue
		}
		prev, next := ' ', ' '
		if i > 0 {
			if prev = rune(s[i-1]); prev >= utf8.RuneSelf {
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
			}
		}
		if i+n < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+n:])
		}
		sc.step(r, prev, next, i, ri, n)
		i += n
	}
	if sc.in != 0 {
		sc.finish(len(s), ri, -1)
	}
	return sc.out
}

// refSpecial marks the bytes that may start a quotation mark, a line break or
// a space outside ASCII: '"', '\n', and the lead bytes of U+0080–U+00BF
// (« », no-break space), U+1680–U+16BF, U+2000–U+203F (“ ” „ ‘ ’ ‹ ›, the
// general punctuation spaces) and U+3000–U+303F. Every other byte belongs to
// a character that is neither a mark nor a space, or to an invalid sequence.
var refSpecial = func() (t [256]bool) {
	for _, c := range []byte{'"', '\n', 0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = true
	}
	return t
}()

// refSkipPlain returns the index of the first refSpecial byte at or after j (or
// len(s)), and whether all the bytes skipped were ASCII. Eight ASCII bytes
// without '"' or '\n' are skipped at a time.
func refSkipPlain(s string, j int) (int, bool) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	var high byte
	for j < len(s) {
		if j+8 <= len(s) {
			w := s[j : j+8]
			x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
				uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			// (v - ones) &^ v sets the high bit of v's first zero byte, and
			// of no byte below it.
			q, nl := x^('"'*ones), x^('\n'*ones)
			m := (x | (q-ones)&^q | (nl-ones)&^nl) & highs
			if m == 0 {
				j += 8
				continue
			}
			// Skip to the first byte that is '"', '\n' or not ASCII.
			j += bits.TrailingZeros64(m) / 8
		}
		c := s[j]
		if refSpecial[c] {
			break
		}
		high |= c
		j++
	}
	return j, high < utf8.RuneSelf
}

// refOnlySpaces reports whether s holds only ' ', '\t' and '\r'.
func refOnlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// refIsMark reports whether r opens or closes quotations.
func refIsMark(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„', '‘', '’', '‹', '›':
		return true
	}
	return false
}
