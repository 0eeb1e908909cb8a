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
	n, in := 0, false
	for i := 0; i < len(s); {
		switch byteClass[s[i]] {
		case classWord:
			if !in {
				n++
				in = true
			}
			for i++; i < len(s) && byteClass[s[i]] == classWord; i++ {
			}
			continue
		case classSep:
			in = false // space or punctuation
			for i++; i < len(s) && byteClass[s[i]] == classSep; i++ {
			}
			continue
		}
		b := s[i]
		r, size := rune(b), 1
		if b >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			if !in {
				n++
				in = true
			}
		case in && joins(r, s, i, size):
			// stays inside the word
		default:
			in = false
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
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// joins reports whether r, at s[i:i+size] inside a word, joins it with the
// word character that follows.
func joins(r rune, s string, i, size int) bool {
	switch r {
	case '-', '\'', '’', 'ʼ', '\u2010', '\u2011':
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		return isWordRune(next)
	case '.', ',':
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		return isDigit(prev) && isDigit(next)
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
