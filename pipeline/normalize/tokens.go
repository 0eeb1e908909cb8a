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

// trimSpace is strings.TrimSpace, quicker when the ends of s are plainly not
// white space: ASCII other than the spaces and controls, or characters that
// plainRune accepts (no space is one).
func trimSpace(s string) string {
	if s == "" || !plainEdgeAt(s[0]) && !plainEdge(utf8.DecodeRuneInString(s)) ||
		!plainEdgeAt(s[len(s)-1]) && !plainEdge(utf8.DecodeLastRuneInString(s)) {
		return strings.TrimSpace(s)
	}
	return s
}

// plainEdgeAt is plainEdge for an ASCII byte b, without decoding; it is
// false for the bytes of wider characters, which plainEdge must decode.
func plainEdgeAt(b byte) bool { return b > ' ' && b < 0x7f }

// plainEdge reports whether r (of size bytes, unused) is plainly not white
// space.
func plainEdge(r rune, _ int) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r != 0x7f
	}
	return plainRune(r)
}

// nextToken returns where the first run of letters or digits in s at or
// after i starts and ends; start == end when there is none. ASCII bytes are
// read through the tokenByte table, other characters decoded.
func nextToken(s string, i int) (start, end int) {
	for i < len(s) && tokenByte[s[i]] == tokenSep {
		i++
	}
	if i < len(s) && tokenByte[s[i]] == tokenWide {
		i = skipTokens(s, i, false)
	}
	start = i
	for i < len(s) && tokenByte[s[i]] == tokenAlnum {
		i++
	}
	if i < len(s) && tokenByte[s[i]] == tokenWide {
		i = skipTokens(s, i, true)
	}
	return start, i
}

// Classes of bytes in tokenByte: an ASCII byte that is not a letter or
// digit, one that is, and the first or later byte of a wider character.
const (
	tokenSep = iota
	tokenAlnum
	tokenWide
)

// tokenByte classifies bytes for the ASCII loops of nextToken.
var tokenByte = func() (t [256]uint8) {
	for b := range t {
		switch {
		case b >= utf8.RuneSelf:
			t[b] = tokenWide
		case asciiAlnum[b]:
			t[b] = tokenAlnum
		}
	}
	return t
}()

// skipTokens returns the offset of the first character at or after i that
// is (tok false) or is not (tok true) a letter or digit, or len(s).
func skipTokens(s string, i int, tok bool) int {
	for i < len(s) {
		if b := s[i]; b < utf8.RuneSelf {
			if asciiAlnum[b] != tok {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) != tok {
			return i
		}
		i += size
	}
	return i
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for b := range utf8.RuneSelf {
		t[b] = isAlnum(byte(b))
	}
	return t
}()

func toSet(words string) map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

func trimPunct(w string) string { return strings.TrimRight(w, ".,;:") }

func isDay(w string) bool { return len(w) >= 1 && len(w) <= 2 && allDigits(w) }

func isYear(w string) bool {
	return len(w) == 4 && allDigits(w) && (w[:2] == "19" || w[:2] == "20")
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// firstRuneUpper reports whether s starts with an upper-case letter.
func firstRuneUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// lastIndex is strings.LastIndex(s, sub) for a non-empty sub, found by
// forward searches (vectorised for short patterns), which beat
// LastIndex's rolling hash on the short texts here, where sub is rare.
func lastIndex(s, sub string) int {
	last := -1
	for i := 0; ; {
		k := strings.Index(s[i:], sub)
		if k < 0 {
			return last
		}
		last = i + k
		i = last + 1
	}
}
