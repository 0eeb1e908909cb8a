package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps Latin letters with diacritics (U+00C0–U+024F) to their
// lower-case base letters: é→e, ł→l, ß→ss.
var foldTable = buildFoldTable()

const foldLo, foldHi = 0xC0, 0x250

func buildFoldTable() []string {
	t := make([]string, foldHi-foldLo)
	manual := map[rune]string{'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d",
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'þ': "th", 'ð': "d"}
	for r := rune(foldLo); r < foldHi; r++ {
		if m, ok := manual[r]; ok {
			t[r-foldLo] = m
			continue
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(unicode.ToLower(d))
			}
		}
		t[r-foldLo] = b.String()
	}
	return t
}

// AppendFold appends the folded form of s to dst: lower case, Latin
// diacritics removed (Selenskyj's "é" matches "e"), Cyrillic ё as е, and
// apostrophes, dots and combining marks dropped. Matching compares folded forms.
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c == '\'' || c == '.':
			default:
				dst = append(dst, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		dst = appendFoldRune(dst, r)
	}
	return dst
}

func appendFoldRune(dst []byte, r rune) []byte {
	switch {
	case r == utf8.RuneError, IsApostrophe(r), unicode.Is(unicode.Mn, r):
		return dst
	case r >= foldLo && r < foldHi:
		return append(dst, foldTable[r-foldLo]...)
	case r == 'ё' || r == 'Ё':
		return utf8.AppendRune(dst, 'е')
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// Fold returns the folded form of s (see AppendFold).
func Fold(s string) string { return string(AppendFold(nil, s)) }

// FoldPhrase tokenizes s and returns the folded form of every token.
func FoldPhrase(s string) []string {
	toks := Tokenize(nil, s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = Fold(t.Text(s))
	}
	return out
}
