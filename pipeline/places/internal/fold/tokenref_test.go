package fold

import "unicode/utf8"

// tokensRef is the straightforward tokenizer that Tokens must agree with
// (the differential fuzz test compares them).
func tokensRef(dst []Token, s string) []Token {
	in := false
	var cur Token
	rpos := 0
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r < utf8.RuneSelf {
			// ASCII fast path: one table lookup per byte.
			switch k := asciiClassRef[r]; {
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
				cur = Token{Start: int32(i), RStart: int32(rpos), Flags: UpperFlag(isUpper(r))}
			}
		case in && isApostrophe(r) && apostropheInWord(s, i+n):
			// keep going: the apostrophe belongs to the word
		default:
			if in {
				cur.End, cur.REnd = int32(i), int32(rpos)
				dst = append(dst, cur)
				in = false
			}
		}
		i += n
		rpos++
	}
	if in {
		cur.End, cur.REnd = int32(len(s)), int32(rpos)
		dst = append(dst, cur)
	}
	return dst
}

var asciiClassRef = func() (t [128]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 2
	}
	return t
}()
