package fold

import (
	"unicode/utf8"
)

// Tokens appends the words of s to dst and returns it. A word is a run of
// letters, digits and combining marks; an apostrophe between two letters is
// part of the word ("Mar'inka"), except the English possessive "'s", which
// ends it ("Kyiv's" gives "Kyiv").
func Tokens(dst []Token, s string) []Token {
	in := false
	var cur Token
	rpos := 0
	for i := 0; i < len(s); {
		k := byteClass[s[i]]
		switch {
		case k&classWord != 0 && in:
			// the rest of an ASCII word: ASCII bytes are one code point each
			j := i + 1
			for j < len(s) && byteClass[s[j]]&classWord != 0 {
				j++
			}
			rpos += j - i
			i = j
			continue
		case k == 0 && !in:
			// a run of ASCII spaces and punctuation outside a word
			j := i + 1
			for j < len(s) && byteClass[s[j]] == 0 {
				j++
			}
			rpos += j - i
			i = j
			continue
		case k&classWord != 0:
			in = true
			cur = Token{Start: i, RStart: rpos, Upper: k&classUpper != 0}
			i++
			rpos++
			continue
		}
		r, n := rune(s[i]), 1
		if k == classOther {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			if !in {
				in = true
				cur = Token{Start: i, RStart: rpos, Upper: isUpper(r)}
			}
		case in && isApostrophe(r) && apostropheInWord(s, i+n):
			// keep going: the apostrophe belongs to the word
		default:
			if in {
				cur.End, cur.REnd = i, rpos
				dst = append(dst, cur)
				in = false
			}
		}
		i += n
		rpos++
	}
	if in {
		cur.End, cur.REnd = len(s), rpos
		dst = append(dst, cur)
	}
	return dst
}

// Byte classes: ASCII letters and digits are words, A-Z also upper case;
// other ASCII bytes are 0; bytes of multi-byte sequences are classOther.
const (
	classWord  = 1
	classUpper = 2
	classOther = 4
)

// byteClass classifies every byte value (see classWord).
var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = classWord
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classWord
		t[c-'a'+'A'] = classWord | classUpper
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = classOther
	}
	return t
}()

// apostropheInWord reports whether the text after an apostrophe (starting at
// byte j) continues the word: a letter follows, and it is not a lone
// possessive s.
func apostropheInWord(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[j:])
	if !isWordRune(r) {
		return false
	}
	if r == 's' || r == 'S' {
		if j+n >= len(s) {
			return false
		}
		next, _ := utf8.DecodeRuneInString(s[j+n:])
		return isWordRune(next)
	}
	return true
}

// Key folds a whole name into its lookup key: the folded words joined by
// single spaces, so "Ivano-Frankivsk", "ivano frankivsk" and "IVANO-FRANKIVSK"
// share one key.
func Key(name string) string {
	toks := Tokens(nil, name)
	var b []byte
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = AppendWord(b, t.Text(name))
	}
	return string(b)
}

// Words returns the number of words in a folded key.
func Words(key string) int {
	if key == "" {
		return 0
	}
	n := 1
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			n++
		}
	}
	return n
}
