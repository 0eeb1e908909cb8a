package text

import "unicode/utf8"

// plainEnd marks the bytes that may follow a plain word (see Tokenize):
// ASCII bytes that are neither word bytes nor an apostrophe.
var plainEnd = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !asciiWord[c] && c != '\''
	}
	return t
}()

// Classes of ASCII bytes in byteClass.
const (
	gapByte   = iota // outside tokens
	wordByte         // a letter or digit (see asciiWord)
	breakByte        // outside tokens, and may end a sentence (see MayBreak)
)

// byteClass is the class of each ASCII byte for Tokenize; bytes from
// utf8.RuneSelf up are not looked up.
var byteClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		if asciiWord[c] {
			t[c] = wordByte
		}
	}
	t['\n'], t['.'], t['!'], t['?'] = breakByte, breakByte, breakByte, breakByte
	return t
}()

// plainFlags returns the flags of a plain word of n bytes starting with
// the ASCII letter c: Letter, and Upper for a capital, AllUpper too when
// it is a single capital letter.
func plainFlags(c byte, n int) uint16 {
	if c >= 'a' {
		return Letter
	}
	if n == 1 {
		return Letter | Upper | AllUpper
	}
	return Letter | Upper
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
