package normalize

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// CountWords counts the words of s: runs of letters and digits (with their
// combining marks). A hyphen or apostrophe between two word characters joins
// them ("Kyiv-based", "don't", "м’ясо" count once), as do '.' and ','
// between digits ("1,000", "3.5").
func CountWords(s string) int {
	n, in := 0, uint8(0) // in is 1 inside a word
	for i := 0; i < len(s); {
		// Eight ASCII bytes at once: once their '.' and ',' are settled
		// their classes are 0 or 1, so a word starts at each 1 after a 0.
		stop := len(s)
		if i+8 <= len(s) {
			v := classes8(s, i)
			if v&(uint64(classOther)*loBits) == 0 {
				v = settleBlock(s, i, v)
				n += wordStarts(v, in)
				in = uint8(v >> 56)
				i += 8
				continue
			}
			stop = i + 8 // these eight go one character at a time
		}
		for i < stop {
			// An ASCII letter, digit or separator is handled without a
			// branch: a word starts where a word byte follows a separator.
			if c := byteClass[s[i]]; c <= classWord {
				n += int(c &^ in)
				in = c
				i++
				continue
			}
			var started uint8
			i, in, started = wordStep(s, i, in)
			n += int(started)
		}
	}
	return n
}

// classes8 returns the byteClass of the eight bytes at s[i], that of byte k
// in bits 8k..8k+7.
func classes8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(byteClass[b[0]]) | uint64(byteClass[b[1]])<<8 |
		uint64(byteClass[b[2]])<<16 | uint64(byteClass[b[3]])<<24 |
		uint64(byteClass[b[4]])<<32 | uint64(byteClass[b[5]])<<40 |
		uint64(byteClass[b[6]])<<48 | uint64(byteClass[b[7]])<<56
}

// dotsMayJoin reports whether some '.' or ',' of the eight bytes with
// classes v, marked in dots, has a letter or digit on both sides, or a
// neighbour outside the block (which settleDots reads). When none does, as
// in "end. Next" or "one, two", each settles to classSep without
// settleDots' call.
func dotsMayJoin(v, dots uint64) bool {
	w := v & loBits // the class-word bit of each byte
	// bit 1 of byte k: bytes k-1 and k+1 are in words, or outside the block
	return dots&((w<<9|2)&(w>>7|2<<56)) != 0
}

// settleBlock returns v, the classes8 of s[i:i+8] (or a prefix of it),
// with its '.' and ',' settled (see settleMarked). Small enough to inline:
// most blocks have neither.
func settleBlock(s string, i int, v uint64) uint64 {
	if dots := v & (uint64(classDot) * loBits); dots != 0 {
		return settleMarked(s, i, v, dots)
	}
	return v
}

// settleMarked settles the '.' and ',' of v marked in dots: by settleDots
// when one may join two digits, otherwise all to classSep at once.
func settleMarked(s string, i int, v, dots uint64) uint64 {
	if dotsMayJoin(v, dots) {
		return settleDots(s, i, v, dots)
	}
	return v &^ dots
}

// settleDots returns v, the classes8 of s[i:i+8], with each '.' and ','
// (marked in dots) settled to classWord when it joins two digits and to
// classSep otherwise. Being inside a word is implied: the digit before is.
func settleDots(s string, i int, v, dots uint64) uint64 {
	v &^= dots
	for m := dots; m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m) >> 3
		if j := i + k; j > 0 && j+1 < len(s) && isDigit(rune(s[j-1])) && isDigit(rune(s[j+1])) {
			v |= uint64(classWord) << (8 * k)
		}
	}
	return v
}

// wordStep is CountWords for the character at s[i], a joiner or not ASCII,
// given in, the state before it: it returns the offset after the character,
// the state after it, and 1 when a word starts there.
func wordStep(s string, i int, in uint8) (next int, after, started uint8) {
	b := s[i]
	r, size := rune(b), 1
	if b >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(s[i:])
	}
	switch {
	case isWordRune(r):
		return i + size, 1, 1 &^ in
	case in == 1 && joins(r, s, i, size):
		return i + size, 1, 0 // stays inside the word
	}
	return i + size, 0, 0
}

// Byte classes of CountWords: an ASCII byte that ends a word, an ASCII
// letter or digit, a '.' or ',' (which joins digits), or a byte that needs a
// closer look (non-ASCII, or one of the joiners - ').
const (
	classSep   uint8 = 0
	classWord  uint8 = 1
	classDot   uint8 = 2
	classOther uint8 = 4
)

var byteClass = func() (t [256]uint8) {
	for b := range t {
		switch {
		case b >= utf8.RuneSelf || b == '-' || b == '\'':
			t[b] = classOther
		case b == '.' || b == ',':
			t[b] = classDot
		case isWordRune(rune(b)):
			t[b] = classWord
		}
	}
	return t
}()

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20 >= 'a' && r|0x20 <= 'z') || (r >= '0' && r <= '9')
	}
	if r < wordRuneTableSize {
		return wordRunes[r>>6]&(1<<(r&63)) != 0
	}
	return unicodeWordRune(r)
}

func unicodeWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordRuneTableSize bounds the code points wordRunes covers: Latin, Greek,
// Cyrillic, general punctuation and the scripts between them.
const wordRuneTableSize = 0x3000

// wordRunes is a bitset of the code points below wordRuneTableSize that
// isWordRune accepts, saving the Unicode table searches on common text.
var wordRunes = func() (t [wordRuneTableSize / 64]uint64) {
	for r := rune(0); r < wordRuneTableSize; r++ {
		if unicodeWordRune(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

// joins reports whether r, at s[i:i+size] inside a word, joins it with the
// word character that follows.
func joins(r rune, s string, i, size int) bool {
	switch r {
	case '-', '\'', '’', 'ʼ', '\u2010', '\u2011':
		j := i + size
		if j < len(s) && s[j] < utf8.RuneSelf {
			return asciiAlnum[s[j]]
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		return isWordRune(next)
	case '.', ',':
		// a digit is one byte, and no byte of a longer character is one
		return i > 0 && isDigit(rune(s[i-1])) && i+size < len(s) && isDigit(rune(s[i+size]))
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// wordStarts counts the words that start in the eight bytes whose classes,
// 0 or 1 each (dots settled), are v, the byte before them having class in: a
// word starts at each 1 after a 0. The starts are 0 or 1 a byte, so their
// sum, at most 8, is the top byte of their product with loBits (no carry
// crosses a byte): cheaper than a population count, which amd64 v1 code
// guards with a CPU feature test.
func wordStarts(v uint64, in uint8) int {
	return int((v &^ (v<<8 | uint64(in))) * loBits >> 56)
}
