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
		r, n := rune(s[i]), 1
		if r < utf8.RuneSelf {
			// ASCII fast path: one table lookup per byte.
			switch k := asciiClass[r]; {
			case k != 0 && in:
				i++
				rpos++
				continue
			case k == 0 && !in && r != '\'' && r != '`':
				i++
				rpos++
				continue
			}
		} else {
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

// asciiClass is 1 for ASCII letters and digits, 2 for upper-case letters.
var asciiClass = func() (t [128]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 2
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
