package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dashAt returns the byte length of the dash at t[j] ("-", "--", "–", "—")
// when it is followed by a space or the end, or 0.
func dashAt(t string, j int) int {
	if j >= len(t) {
		return 0
	}
	n := 0
	switch {
	case strings.HasPrefix(t[j:], "--"):
		n = 2
	case t[j] == '-':
		n = 1
	case strings.HasPrefix(t[j:], "–"), strings.HasPrefix(t[j:], "—"):
		n = len("—")
		if j+n < len(t) && t[j+n] != ' ' {
			return n // "KYIV—Russia ..."
		}
	}
	if n == 0 || (j+n < len(t) && t[j+n] != ' ') {
		return 0
	}
	return n
}

func skipSpaces(t string, j int) int {
	for j < len(t) && t[j] == ' ' {
		j++
	}
	return j
}

// wordAt returns the word starting at p[i] (letters, digits and the inner
// characters . - / ' ’) and the offset after it.
func wordAt(p string, i int) (string, int) {
	j := i
	for j < len(p) {
		if asciiAlnum[p[j]] { // an ASCII letter or digit: no decoding
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".-/'’", r) {
			break
		}
		j += n
	}
	return p[i:j], j
}

// isCapsWord reports whether w is written in capitals: two or more letters,
// all upper case, no digits.
func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return false
		}
	}
	return letters >= 2
}

// isTitleWord reports whether w starts with a capital followed by a
// lower-case letter ("Secretary", "Kyiv", "Ukraine's").
func isTitleWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r2)
}
