package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline/entities/text"
)

// findQuotes appends the quotations of s to dst in order, reading every
// byte of s, and reports whether s is valid UTF-8.
func findQuotes(dst []quote, s string) ([]quote, bool) {
	sc := markScanner{s: s, out: dst, paraQ: true}
	ri := sc.scan(0, 0, len(s))
	if sc.in != 0 {
		sc.finish(len(s), ri, -1)
	}
	return sc.out, !sc.invalid
}

// findQuotesTokens is findQuotes for s with the tokens toks, which must be
// text.Tokenize(nil, s): it reads only the gaps between tokens that may
// hold a mark or a line break (see text.MarkGap), and takes code point
// offsets from the tokens, and the first tokens at or after the marks from
// where it reads (see quote.tOpen). A token holds no mark but '’' (inside a word,
// as in "can’t"), which only matters inside a quotation opened by '‘': then
// the tokens are read too.
//
// It also reports whether s is valid UTF-8: the bytes it does not read are
// tokens, made of whole decoded characters, and gaps of ASCII text.
func findQuotesTokens(dst []quote, s string, toks []text.Token) ([]quote, bool) {
	sc := markScanner{s: s, out: dst, paraQ: true}
	if len(toks) == 0 {
		return findQuotes(dst, s)
	}
	sc.scan(0, 0, int(toks[0].Start))
	for k := 0; k < len(toks); {
		if sc.in == '‘' {
			sc.tok = k + 1
			sc.scan(int(toks[k].Start), int(toks[k].RStart), gapEnd(s, toks, k))
			k++
			continue
		}
		if sc.in == 0 {
			sc.paraQ = false // a token holds no space
		}
		if k = nextMarkGap(toks, k); k < len(toks) {
			sc.tok = k + 1
			sc.scan(int(toks[k].End), int(toks[k].REnd), gapEnd(s, toks, k))
			k++
		}
	}
	if sc.in != 0 {
		t := toks[len(toks)-1]
		sc.tok = len(toks)
		sc.finish(len(s), int(t.REnd)+utf8.RuneCountInString(s[t.End:]), -1)
	}
	return sc.out, !sc.invalid
}

// nextMarkGap returns the index of the first token from k on whose gap
// may hold a mark or a line break (see text.MarkGap), or len(toks). Most
// gaps hold neither, so it tests four tokens at a time.
func nextMarkGap(toks []text.Token, k int) int {
	rest := toks[k:] // sliced forward, so that the loop reads at fixed offsets
	for len(rest) >= 4 && (rest[0].Flags|rest[1].Flags|rest[2].Flags|rest[3].Flags)&text.MarkGap == 0 {
		rest = rest[4:]
	}
	for len(rest) > 0 && rest[0].Flags&text.MarkGap == 0 {
		rest = rest[1:]
	}
	return len(toks) - len(rest)
}

// gapEnd returns the end of the gap after token k: the start of the next
// token, or len(s).
func gapEnd(s string, toks []text.Token, k int) int {
	if k+1 < len(toks) {
		return int(toks[k+1].Start)
	}
	return len(s)
}

// scan reads s[i:end], which starts at code point ri, and returns the code
// point offset of end. It sets sc.invalid when s[i:end] holds a byte that
// is not part of a valid UTF-8 character.
func (sc *markScanner) scan(i, ri, end int) int {
	s := sc.s
	for i < end {
		c := s[i]
		if !special[c] {
			// Skip to the next byte that may start a mark, a line break or
			// a non-ASCII space: gaps are short, a byte loop will do.
			j, high := i+1, c
			for j < end && !special[s[j]] {
				high |= s[j]
				j++
			}
			if sc.in == 0 && sc.paraQ && !onlySpaces(s[i:j]) {
				sc.paraQ = false
			}
			if high < utf8.RuneSelf {
				ri += j - i
			} else {
				// A run of bytes no mark or line break starts ends on a
				// character boundary unless s is invalid there.
				ri += utf8.RuneCountInString(s[i:j])
				sc.invalid = sc.invalid || !utf8.ValidString(s[i:j])
			}
			i = j
			continue
		}
		if c == '\n' { // sc.step for a line break, without decoding runes
			sc.newline(i, ri, i == 0 || s[i-1] != '\n')
			i++
			ri++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = decodeAt(s, i)
			sc.invalid = sc.invalid || n == 1 // not a character's first byte
		}
		if !isMark(r) {
			if sc.in == 0 && !unicode.IsSpace(r) {
				sc.paraQ = false
			}
			i += n
			ri++
			continue
		}
		sc.step(r, i, ri, n)
		i += n
		ri++
	}
	return ri
}

// decodeAt is utf8.DecodeRuneInString(s[i:]) with a fast path for
// U+2000–U+203F (E2 80 xx), where the curly quotation marks are.
func decodeAt(s string, i int) (rune, int) {
	if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2]&0xC0 == 0x80 {
		return 0x2000 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// special marks the bytes that may start a quotation mark, a line break or
// a space outside ASCII: '"', '\n', and the lead bytes of U+0080–U+00BF
// (« », no-break space), U+1680–U+16BF, U+2000–U+203F (“ ” „ ‘ ’ ‹ ›, the
// general punctuation spaces) and U+3000–U+303F. Every other byte belongs to
// a character that is neither a mark nor a space, or to an invalid sequence.
var special = func() (t [256]bool) {
	for _, c := range []byte{'"', '\n', 0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = true
	}
	return t
}()

// onlySpaces reports whether s holds only ' ', '\t' and '\r'.
func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// isMark reports whether r opens or closes quotations.
func isMark(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„', '‘', '’', '‹', '›':
		return true
	}
	return false
}
