// Package text holds the tokenizer, sentence splitter and case/diacritic
// folding that the entity, stance and quote stages share. Every position is
// kept twice: as a byte offset into the string (for slicing) and as a Unicode
// code point offset (for the spans stored on documents).
package text

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Token flags.
const (
	// Upper: the first letter is upper case.
	Upper uint16 = 1 << iota
	// AllUpper: every letter is upper case (acronyms, all-caps text).
	AllUpper
	// Poss: the token was followed by a possessive 's (or ’s), which the
	// tokenizer consumed.
	Poss
	// Abbrev: a dotted abbreviation such as "U.S."; the dots are not part of
	// the folded form.
	Abbrev
	// Digit: the token contains a digit.
	Digit
	// Letter: the token contains a letter.
	Letter
	// Cyrillic: the token contains a Cyrillic letter.
	Cyrillic
	// MayBreak: the text between the token and the next one (or the end
	// of the string) holds a newline, '.', '!', '?' or a byte 0xE2 (the
	// first byte of '…' and of the curly quotation marks), so a sentence
	// may end after the token (see Sentences).
	MayBreak
	// MarkGap: the text between the token and the next one (or the end of
	// the string) holds a '"', a newline or a non-ASCII character. When it
	// is not set, that text is ASCII without '"' or newlines, so it holds no
	// quotation mark and no line break.
	MarkGap
)

// Token is a run of letters, digits and word-internal apostrophes. Start and
// End are byte offsets, RStart and REnd code point offsets; both half-open.
// When Poss is set, End/REnd exclude the possessive ending. Offsets are
// int32 to keep tokens small: texts are far shorter than 2 GiB.
//
// LowerHash, when not 0, is the 32-bit FNV-1a hash of the token's text in
// lower case (see LowerSameLength), which the tokenizer computes for
// tokens of ASCII letters only; 0 means it was not computed.
type Token struct {
	Start, End   int32
	RStart, REnd int32
	LowerHash    uint32
	Flags        uint16
}

// Has reports whether all of flags are set on t.
func (t Token) Has(flags uint16) bool { return t.Flags&flags == flags }

// Text returns the token's text in s.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// isWordRune reports whether r belongs inside a token. The Cyrillic and
// Latin-1 letters and the general punctuation block take a fast path.
func isWordRune(r rune) bool {
	switch {
	case r >= 0x400 && r <= 0x45F:
		return true
	case r >= 0x2000 && r <= 0x206F:
		return false
	case r < 0x100:
		return r >= 0xC0 && r != 0xD7 && r != 0xF7 || r == 0xAA || r == 0xB5 || r == 0xBA
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsApostrophe reports whether r is an apostrophe-like mark used inside words.
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Tokenize appends the tokens of s to dst and returns it. Invalid UTF-8 bytes
// count as one code point each, like range over a string, and never belong to
// a token.
func Tokenize(dst []Token, s string) []Token {
	dst, _ = tokenize(dst, s, nil, scanPlain)
	return dst
}

// lowerFirst lower-cases low[i] when it is an ASCII capital: the capital
// that starts a word, which tokenize leaves to its caller (see
// LowerSameLength).
func lowerFirst(low []byte, i int32) {
	if c := low[i]; c-'A' < 26 {
		low[i] = c | 0x20
	}
}

// plainScanner is the signature of scanPlain, which tests replace with a
// reference.
type plainScanner func(dst []Token, s string, i, r int) ([]Token, int, int)

// tokenize is Tokenize with plain words scanned by plain; when low is not
// nil it holds a copy of s, which it turns into LowerSameLength(s) but for
// the capital starting each plain word (see scanPlain), left to the caller
// (see lowerFirst). It also reports whether s is valid UTF-8: every byte
// that is not part of a token passes the rune decoding below, so an invalid
// byte is seen there.
func tokenize(dst []Token, s string, low []byte, plain plainScanner) ([]Token, bool) {
	var sc scanner
	sc.s = s
	n0 := len(dst)
	toks := dst[n0:] // the new tokens, which MayBreak may change
	i, r := 0, 0
	valid := true
	for i < len(s) {
		if len(toks) == cap(toks) {
			dst = slices.Grow(dst[:n0+len(toks)], (len(s)-i)/6+8)
			toks = dst[n0 : n0+len(toks)]
		}
		toks, i, r = plain(toks, s, i, r)
		if i >= len(s) || len(toks) == cap(toks) {
			continue
		}
		// A non-ASCII rune, or a word that is not plain.
		from := i
		if c := s[i]; c >= utf8.RuneSelf {
			if rr, n := utf8.DecodeRuneInString(s[i:]); !isWordRune(rr) {
				if rr == utf8.RuneError && n == 1 {
					valid = false
				}
				if len(toks) > 0 {
					toks[len(toks)-1].Flags |= nonASCIIGap(c)
				}
				i += n
				r++
				lowerSpan(low, s, from, i)
				continue
			}
		}
		sc.i, sc.r = i, r
		toks = toks[:len(toks)+1]
		toks[len(toks)-1] = Token{}
		sc.token(&toks[len(toks)-1]) // in place: returning the struct stalls on the copy
		i, r = sc.i, sc.r
		lowerSpan(low, s, from, i)
	}
	return dst[:n0+len(toks)], valid
}

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
