// Package fold turns text into the case- and diacritic-folded word keys that
// the gazetteer is indexed by. The generator and the matcher share it, so a
// name folds the same way when it is written into the data file and when it is
// met in a story: "Zaporizhzhia", "ZAPORIZHZHIA" and "Zaporižžja" meet, and so
// do "Mar'inka" and "Marinka".
package fold

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/warwire/warwire/pipeline/entities/text"
)

// Token is one word of a text: letters and digits, with apostrophes inside a
// word kept (they fold away). Start and End are byte offsets, RStart and REnd
// code-point offsets; Flags is text.Upper when the first code point is upper
// case, else 0; LowerHash is 0. It is the entity tokenizer's type, so that
// the matcher reads the words of either tokenizer alike.
type Token = text.Token

// UpperFlag returns the Flags of a token whose first code point is upper
// case when up is set.
func UpperFlag(up bool) uint16 {
	if up {
		return text.Upper
	}
	return 0
}

// tableSize bounds the precomputed rune table: Latin, Greek and Cyrillic.
const tableSize = 0x0530

var table [tableSize]string

// special lists letters that Unicode does not decompose but that readers
// treat as a base letter with a mark.
var special = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'þ': "th", 'ð': "d", 'ı': "i", 'ŀ': "l", 'ħ': "h", 'ŧ': "t",
}

func init() {
	for r := rune(0); r < tableSize; r++ {
		table[r] = foldRune(r)
	}
}

func foldRune(r rune) string {
	if isApostrophe(r) {
		return ""
	}
	l := unicode.ToLower(r)
	if s, ok := special[l]; ok {
		return s
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(string(l)) {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u02bc', '\u2018', '`', '\u00b4':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r < wordTableSize {
		return wordTable[r/64]&(1<<(r%64)) != 0
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordTableSize bounds the precomputed isWordRune bits: the European
// scripts and the general punctuation (quotes, dashes) that news text mixes in.
const wordTableSize = 0x3000

// wordTable has the bit of every rune below wordTableSize that isWordRune
// accepts.
var wordTable = func() (t [wordTableSize / 64]uint64) {
	for r := rune(0); r < wordTableSize; r++ {
		if isWordRuneSlow(r) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return t
}()

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// AppendWord appends the folded form of one word to dst.
func AppendWord(dst []byte, w string) []byte {
	// Fast path for the leading ASCII letters and digits: setting bit 5
	// lower-cases a letter and leaves a digit as it is.
	n := len(dst)
	dst = slices.Grow(dst, len(w))
	buf := dst[n : n+len(w)]
	i := 0
	for ; i < len(w) && byteClass[w[i]]&classWord != 0; i++ {
		buf[i] = w[i] | 0x20
	}
	dst = dst[:n+i]
	if i < len(w) {
		dst = appendWordSlow(dst, w[i:])
	}
	return dst
}

// appendWordSlow folds any text, a rune at a time.
func appendWordSlow(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != '\'' && c != '`' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		if r < tableSize {
			dst = append(dst, table[r]...)
			continue
		}
		if isApostrophe(r) {
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}
