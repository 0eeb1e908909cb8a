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

// wordByte is the byteClass of letters and digits (see asciiWord); it is
// no token flag.
const wordByte uint16 = 1 << 15

// byteClass is, for each ASCII byte outside words, the flags it gives the
// token before it when it is in the gap after that token (MayBreak for
// '\n', '.', '!' and '?'; MarkGap for '"' and '\n'); wordByte for the word
// bytes. Bytes from utf8.RuneSelf up are not looked up.
var byteClass = func() (t [256]uint16) {
	for c := range utf8.RuneSelf {
		if asciiWord[c] {
			t[c] = wordByte
		}
	}
	t['.'], t['!'], t['?'] = MayBreak, MayBreak, MayBreak
	t['\n'], t['"'] = MayBreak|MarkGap, MarkGap
	return t
}()

// nonASCIIGap returns the flags a character with the non-ASCII first byte
// c gives the token before it when it is in the gap after that token:
// MarkGap, and MayBreak for 0xE2, the first byte of '…' and of the curly
// quotation marks.
func nonASCIIGap(c byte) uint16 {
	if c == 0xE2 {
		return MarkGap | MayBreak
	}
	return MarkGap
}

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

// scanPlain appends the tokens of s from byte i (code point r) on to dst
// while they are plain words with ASCII gaps, and dst has room for them
// without growing. A plain word is an ASCII letter (a capital not followed
// by '.', which may start an initial or "U.S."), then lower-case ASCII
// letters, then the end of s or a byte in plainEnd; see Token.LowerHash for
// its hash. It returns dst, and the byte and code point position where it
// stopped: the end of s, a full dst, or a byte it does not handle. It
// calls nothing, so that its loop keeps its values in registers.
func scanPlain(dst []Token, s string, i, r int) ([]Token, int, int) {
	for i < len(s) && len(dst) < cap(dst) {
		c := s[i]
		if c-'a' >= 26 { // not the common lower-case start of a word
			if c >= utf8.RuneSelf {
				break
			}
			if cls := byteClass[c]; cls != wordByte {
				if cls != 0 && len(dst) > 0 {
					dst[len(dst)-1].Flags |= cls
				}
				i++
				r++
				continue
			}
			if c-'A' >= 26 || i+1 < len(s) && s[i+1] == '.' {
				break
			}
		}
		h := (fnvOffset ^ uint32(c|0x20)) * fnvPrime
		j := i + 1
		for j < len(s) && s[j]-'a' < 26 {
			h = (h ^ uint32(s[j])) * fnvPrime
			j++
		}
		k := j // where the scan goes on: past a single space, the common gap, which sets no flag
		if j < len(s) {
			if e := s[j]; e == ' ' {
				k++
			} else if !plainEnd[e] {
				break
			}
		}
		dst = dst[:len(dst)+1]
		t := &dst[len(dst)-1]
		t.Start, t.End, t.RStart, t.REnd = int32(i), int32(j), int32(r), int32(r+j-i)
		t.LowerHash, t.Flags = h, plainFlags(c, j-i)
		r += k - i
		i = k
	}
	return dst, i, r
}
