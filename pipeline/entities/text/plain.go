package text

import "unicode/utf8"

// plainWord scans the most common token at s[i]: an ASCII letter, then
// lower-case ASCII letters, then the end of s or an ASCII byte that is
// neither a word byte nor an apostrophe. It returns the token's end and
// flags and the FNV-1a hash of its lower-case text (see Token.LowerHash),
// or i when the token needs the full scanner.
func plainWord(s string, i int) (int, uint16, uint32) {
	f := Letter
	switch c := s[i]; {
	case c-'a' < 26:
	case c-'A' < 26:
		if i+1 < len(s) && s[i+1] == '.' {
			return i, 0, 0 // an initial or an abbreviation such as "U.S."
		}
		f |= Upper
	default:
		return i, 0, 0
	}
	h := (fnvOffset ^ uint32(s[i]|0x20)) * fnvPrime
	j := i + 1
	for j < len(s) && s[j]-'a' < 26 {
		h = (h ^ uint32(s[j])) * fnvPrime
		j++
	}
	if j < len(s) {
		if c := s[j]; c >= utf8.RuneSelf || asciiWord[c] || c == '\'' {
			return i, 0, 0
		}
	}
	if f&Upper != 0 && j == i+1 {
		f |= AllUpper // a single capital letter
	}
	return j, f, h
}

// FNV-1a parameters of Token.LowerHash.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// lowerRun returns the end of the run of ASCII lower-case letters at s[i:].
func lowerRun(s string, i int) int {
	for i < len(s) && s[i]-'a' < 26 {
		i++
	}
	return i
}
