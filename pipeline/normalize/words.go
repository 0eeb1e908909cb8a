package normalize

import (
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
		// Four ASCII letters, digits or separators at once: the classes
		// are 0 or 1, so a word starts at each 1 after a 0.
		for ; i+4 <= len(s); i += 4 {
			b := s[i : i+4]
			c0, c1, c2, c3 := byteClass[b[0]], byteClass[b[1]], byteClass[b[2]], byteClass[b[3]]
			if (c0|c1|c2|c3)&classOther != 0 {
				break
			}
			n += int(c0&^in) + int(c1&^c0) + int(c2&^c1) + int(c3&^c2)
			in = c3
		}
		if i == len(s) {
			break
		}
		// An ASCII letter, digit or separator is handled without a branch:
		// a word starts where a word byte follows a separator.
		if c := byteClass[s[i]]; c != classOther {
			n += int(c &^ in)
			in = c
			i++
			continue
		}
		b := s[i]
		r, size := rune(b), 1
		if b >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			n += int(1 &^ in)
			in = 1
		case in == 1 && joins(r, s, i, size):
			// stays inside the word
		default:
			in = 0
		}
		i += size
	}
	return n
}

// Byte classes of CountWords: an ASCII letter or digit, an ASCII byte that
// ends a word, or a byte that needs a closer look (non-ASCII, or one of the
// joiners - ' . ,).
const (
	classSep uint8 = iota
	classWord
	classOther
)

var byteClass = func() (t [256]uint8) {
	for b := range t {
		switch {
		case b >= utf8.RuneSelf || b == '-' || b == '\'' || b == '.' || b == ',':
			t[b] = classOther
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
