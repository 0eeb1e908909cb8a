package quotes

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// findQuotes appends the quotations of s to dst in order.
func findQuotes(dst []quote, s string) []quote {
	sc := markScanner{s: s, out: dst, paraQ: true}
	ri := 0
	for i := 0; i < len(s); ri++ {
		c := s[i]
		if !special[c] {
			// Skip to the next byte that may start a mark, a line break or
			// a non-ASCII space.
			j, ascii := skipPlain(s, i+1)
			if sc.in == 0 && sc.paraQ && !onlySpaces(s[i:j]) {
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
		if r != '\n' && !isMark(r) {
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

// skipPlain returns the index of the first special byte at or after j (or
// len(s)), and whether all the bytes skipped were ASCII. Eight ASCII bytes
// without '"' or '\n' are skipped at a time.
func skipPlain(s string, j int) (int, bool) {
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
		if special[c] {
			break
		}
		high |= c
		j++
	}
	return j, high < utf8.RuneSelf
}

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
