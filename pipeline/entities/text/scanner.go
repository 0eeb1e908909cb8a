package text

import (
	"unicode"
	"unicode/utf8"
)

// asciiWord marks the ASCII letters and digits, which belong inside a token.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return t
}()

// scanner reads, rune by rune, the tokens scanPlain leaves: words with
// capitals, digits, apostrophes or non-ASCII letters, and dotted
// abbreviations.
type scanner struct {
	s    string
	i, r int // byte and rune position
}

func (sc *scanner) peek(off int) (rune, int) {
	if sc.i+off >= len(sc.s) {
		return -1, 0
	}
	c := sc.s[sc.i+off]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(sc.s[sc.i+off:])
}

func (sc *scanner) advance(n int) {
	sc.i += n
	sc.r++
}

// token scans one token starting at a word rune into t, which is zero.
func (sc *scanner) token(t *Token) {
	t.Start, t.RStart = int32(sc.i), int32(sc.r)
	if sc.i+1 < len(sc.s) && sc.s[sc.i+1] == '.' && sc.abbrev(t) {
		return
	}
	letters, uppers := 0, 0
	var flags uint16
	s := sc.s
	i, r := sc.i, sc.r // kept in registers; sc is synced around apostrophe
	for i < len(s) {
		if j := lowerRun(s, i); j > i { // the common case: lower-case letters
			flags |= Letter
			letters += j - i
			r += j - i
			i = j
			if i >= len(s) {
				break
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				flags |= Letter
				letters++
			case c >= 'A' && c <= 'Z':
				if letters == 0 {
					flags |= Upper
				}
				flags |= Letter
				letters++
				uppers++
			case c >= '0' && c <= '9':
				flags |= Digit
			case c == '\'':
				sc.i, sc.r = i, r
				goOn := sc.apostrophe(t, 1)
				i, r = sc.i, sc.r
				if goOn {
					continue
				}
				goto done
			default:
				goto done
			}
			i++
			r++
			continue
		}
		rr, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(rr) {
			f, letter, upper := classify(rr, letters)
			flags |= f
			if letter {
				letters++
			}
			if upper {
				uppers++
			}
			i += n
			r++
			continue
		}
		if IsApostrophe(rr) {
			sc.i, sc.r = i, r
			goOn := sc.apostrophe(t, n)
			i, r = sc.i, sc.r
			if goOn {
				continue
			}
		}
		break
	}
done:
	sc.i, sc.r = i, r
	t.Flags |= flags
	if t.REnd == 0 {
		t.End, t.REnd = int32(sc.i), int32(sc.r)
	}
	if letters > 0 && letters == uppers {
		t.Flags |= AllUpper
	}
}

func isWordRuneFast(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRune(r)
}

// classify returns the flags r contributes to a token with letters letters
// so far, and whether r is a letter and an upper-case one.
func classify(r rune, letters int) (f uint16, letter, upper bool) {
	switch {
	case r >= '0' && r <= '9':
		return Digit, false, false
	case r < utf8.RuneSelf:
		f = Letter
		upper = r >= 'A' && r <= 'Z'
	case r >= 0x400 && r <= 0x45F:
		f = Letter | Cyrillic
		upper = r < 0x430
	case unicode.IsLetter(r):
		f = Letter
		if unicode.Is(unicode.Cyrillic, r) {
			f |= Cyrillic
		}
		upper = unicode.IsUpper(r) || unicode.IsTitle(r)
	case unicode.IsDigit(r):
		return Digit, false, false
	default:
		return 0, false, false
	}
	if upper && letters == 0 {
		f |= Upper
	}
	return f, true, upper
}

// apostrophe handles an apostrophe inside a token: a possessive 's ends the
// token (setting Poss), an apostrophe followed by a letter stays inside it.
// It reports whether the scan goes on.
func (sc *scanner) apostrophe(t *Token, n int) bool {
	next, m := sc.peek(n)
	if next == 's' || next == 'S' {
		after, _ := sc.peek(n + m)
		if after < 0 || !isWordRuneFast(after) {
			t.End, t.REnd = int32(sc.i), int32(sc.r)
			t.Flags |= Poss
			if c := sc.s[sc.i]; c >= utf8.RuneSelf { // ’s, ʼs: the gap holds c
				t.Flags |= nonASCIIGap(c)
			}
			sc.advance(n)
			sc.advance(m)
			return false
		}
	}
	if next >= 0 && isWordRuneFast(next) {
		sc.advance(n)
		return true
	}
	return false
}

// abbrev scans a dotted abbreviation of single letters ("U.S.", "U.N.")
// starting at the current position. It reports whether it found one.
func (sc *scanner) abbrev(t *Token) bool {
	i, pairs := sc.i, 0
	for i+1 < len(sc.s) {
		c, d := sc.s[i], sc.s[i+1]
		if !(c >= 'A' && c <= 'Z') || d != '.' {
			break
		}
		pairs++
		i += 2
	}
	if pairs < 2 || i < len(sc.s) && asciiWord[sc.s[i]&0x7f] && sc.s[i] < utf8.RuneSelf {
		return false
	}
	sc.r += i - sc.i
	sc.i = i
	t.End, t.REnd = int32(i), int32(sc.r)
	t.Flags = Upper | AllUpper | Letter | Abbrev
	return true
}
