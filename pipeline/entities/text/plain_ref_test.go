package text

import "unicode/utf8"

// scanPlainRef is scanPlain as it was before it skipped single spaces
// inline, the reference FuzzTokenize holds it to. It appends the tokens of
// s from byte i (code point r) on to dst
// while they are plain words with ASCII gaps, and dst has room for them
// without growing. A plain word is an ASCII letter (a capital not followed
// by '.', which may start an initial or "U.S."), then lower-case ASCII
// letters, then the end of s or a byte in plainEnd; see Token.LowerHash for
// its hash. It returns dst, and the byte and code point position where it
// stopped: the end of s, a full dst, or a byte it does not handle. It
// calls nothing, so that its loop keeps its values in registers.
func scanPlainRef(dst []Token, s string, i, r int) ([]Token, int, int) {
	for i < len(s) && len(dst) < cap(dst) {
		c := s[i]
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
		lc := c | 0x20
		if lc-'a' >= 26 || c < 'a' && i+1 < len(s) && s[i+1] == '.' {
			break
		}
		h := (fnvOffset ^ uint32(lc)) * fnvPrime
		j := i + 1
		for j < len(s) && s[j]-'a' < 26 {
			h = (h ^ uint32(s[j])) * fnvPrime
			j++
		}
		if j < len(s) && !plainEnd[s[j]] {
			break
		}
		dst = dst[:len(dst)+1]
		t := &dst[len(dst)-1]
		t.Start, t.End, t.RStart, t.REnd = int32(i), int32(j), int32(r), int32(r+j-i)
		t.LowerHash, t.Flags = h, plainFlags(c, j-i)
		r += j - i
		i = j
	}
	return dst, i, r
}
