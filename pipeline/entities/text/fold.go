package text

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

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

// LowerSameLength returns s in lower case, keeping every byte offset: runes
// whose lower-case form has a different UTF-8 length stay as they are.
// Token offsets into s therefore slice the result too.
func LowerSameLength(s string) string {
	if s == "" {
		return ""
	}
	b := AppendLowerSameLength(make([]byte, 0, len(s)), s)
	return unsafe.String(&b[0], len(b))
}

// AppendLowerSameLength appends LowerSameLength(s) to dst.
func AppendLowerSameLength(dst []byte, s string) []byte {
	n0 := len(dst)
	dst = append(dst, s...)
	b := dst[n0:]
	for i := 0; i < len(b); {
		i = lowerASCIIRun(b, i)
		if i >= len(b) {
			break
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); r != utf8.RuneError && l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
	return dst
}

// lowerSpan lower-cases low[i:j], a copy of s[i:j], as LowerSameLength
// does; i and j are where LowerSameLength(s) starts a rune, and low is nil
// or as long as s. With a nil low it does nothing.
func lowerSpan(low []byte, s string, i, j int) {
	if low == nil {
		return
	}
	for i < j {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				low[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if caseless(r) {
			i += n
			continue
		}
		if l := unicode.ToLower(r); r != utf8.RuneError && l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(low[i:], l)
		}
		i += n
	}
}

// caseless reports whether unicode.ToLower(r) is r for a reason cheap to
// test: r is in the General Punctuation block (dashes, curly quotation
// marks), or a lower-case basic Cyrillic letter.
func caseless(r rune) bool {
	return r >= 0x2000 && r <= 0x206F || r >= 0x430 && r <= 0x45F
}

// lowerASCIIRun lower-cases b from i on eight bytes at a time, up to the
// word holding the first non-ASCII byte, of which it lower-cases the ASCII
// bytes before that byte. It returns the position of that byte, or where
// fewer than eight bytes are left.
func lowerASCIIRun(b []byte, i int) int {
	const high = 0x8080808080808080
	for ; i+8 <= len(b); i += 8 {
		w := b[i : i+8]
		x := binary.LittleEndian.Uint64(w)
		if m := x & high; m != 0 {
			k := bits.TrailingZeros64(m) &^ 7 // bits of the ASCII prefix
			keep := uint64(1)<<k - 1
			binary.LittleEndian.PutUint64(w, lowerASCII8(x&keep)|x&^keep)
			return i + k/8
		}
		binary.LittleEndian.PutUint64(w, lowerASCII8(x))
	}
	return i
}

// lowerASCII8 lower-cases the eight ASCII bytes packed in x: each byte in
// 'A'..'Z' gets bit 0x20 set, every other byte is kept.
func lowerASCII8(x uint64) uint64 {
	const ones = 0x0101010101010101
	ge := x + (0x80-'A')*ones      // high bit set where byte >= 'A'
	gt := x + (0x80-'Z'-1)*ones    // high bit set where byte > 'Z'
	m := (ge ^ gt) & (0x80 * ones) // 'A' <= byte <= 'Z'
	return x | m>>2
}

// Valid returns s with every invalid UTF-8 byte replaced by U+FFFD, one
// replacement per byte, as converting to []rune does: code point offsets
// into s stay valid for the result.
func Valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}
