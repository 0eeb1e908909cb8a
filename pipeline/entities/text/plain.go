package text

import "unicode/utf8"

// plainWord scans the most common token at s[i]: an ASCII letter, then
// lower-case ASCII letters, then the end of s or an ASCII byte that is
// neither a word byte nor an apostrophe. It returns the token's end and
// flags, or i when the token needs the full scanner.
func plainWord(s string, i int) (int, uint16) {
	f := Letter
	switch c := s[i]; {
	case c-'a' < 26:
	case c-'A' < 26:
		if i+1 < len(s) && s[i+1] == '.' {
			return i, 0 // an initial or an abbreviation such as "U.S."
		}
		f |= Upper
	default:
		return i, 0
	}
	j := lowerRun(s, i+1)
	if j < len(s) {
		if c := s[j]; c >= utf8.RuneSelf || asciiWord[c] || c == '\'' {
			return i, 0
		}
	}
	if f&Upper != 0 && j == i+1 {
		f |= AllUpper // a single capital letter
	}
	return j, f
}

// lowerRun returns the end of the run of ASCII lower-case letters at s[i:].
func lowerRun(s string, i int) int {
	for i < len(s) && s[i]-'a' < 26 {
		i++
	}
	return i
}
