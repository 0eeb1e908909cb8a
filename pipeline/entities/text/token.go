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
// lower case (see LowerSameLength), which the tokenizer computes only for
// plain words: ASCII letters, all lower case but perhaps the first ("Kyiv",
// "kyiv"; not "KYIV", "McDonald", "U.S.", "5G" or "don't"); 0 means it was
// not computed.
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
// (see lowerFirst). It also reports whether s is valid UTF-8: every
// non-ASCII byte outside a token passes the rune decoding below, so an
// invalid byte is seen there.
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
