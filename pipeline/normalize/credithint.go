package normalize

import (
	"math/bits"
	"strings"
)

// hintTail bounds how far from the end creditHint looks.
const hintTail = 64

// creditHint is a quick test that the tail of a paragraph may hold a credit:
// a '/', a closing parenthesis at the end, two capitals in a row ("REUTERS",
// "P.A."), or a word such as "Photo" or "Getty". It saves the full test on
// most paragraphs.
func creditHint(tail string) bool {
	if len(tail) > hintTail {
		tail = tail[len(tail)-hintTail:]
	}
	if strings.IndexByte(tail, '/') >= 0 || strings.HasSuffix(strings.TrimSuffix(tail, "."), ")") {
		return true
	}
	if len(tail) < 9 {
		return creditHintShort(tail)
	}
	// Eight bytes at a time, each with a byte after it; the last eight again
	// when they overlap the ones read: the test is one per byte, so reading
	// a byte twice does not change it.
	for i, last := 0, len(tail)-9; ; i = min(i+8, last) {
		x := load8(tail, i)
		for m := asciiBetween(x, 'A', 'Z'); m != 0; m &= m - 1 {
			k := i + bits.TrailingZeros64(m)>>3 // capitalHint, inlined
			if n := tail[k+1]; n-'A' < 26 || n == '.' || hintWordAt(tail[k:]) {
				return true
			}
		}
		if x&hiBits != 0 && fotoIn8(tail, i, x) {
			return true
		}
		if i == last {
			return false
		}
	}
}

// creditHintShort is the byte loop of creditHint for a tail shorter than
// nine bytes.
func creditHintShort(tail string) bool {
	for i := 0; i+1 < len(tail); i++ {
		switch b := tail[i]; {
		case b-'A' < 26:
			if capitalHint(tail, i) {
				return true
			}
		case b == 0xd0 && strings.HasPrefix(tail[i:], "Фото"):
			return true
		}
	}
	return false
}

// fotoIn8 reports whether "Фото" starts at one of the eight bytes x at s[i].
func fotoIn8(s string, i int, x uint64) bool {
	for m := bytesEqual(x, 0xd0); m != 0; m &= m - 1 {
		if strings.HasPrefix(s[i+bits.TrailingZeros64(m)>>3:], "Фото") {
			return true
		}
	}
	return false
}

// capitalHint reports whether the capital at s[k], which has a byte after
// it, is followed by a capital or '.', or starts a word that often ends
// credits.
func capitalHint(s string, k int) bool {
	if n := s[k+1]; n-'A' < 26 || n == '.' {
		return true
	}
	return hintWordAt(s[k:])
}

// hintWordAt reports whether s starts with a word that often ends credits.
func hintWordAt(s string) bool {
	var w string
	switch s[0] {
	case 'P':
		w = "Photo"
	case 'G':
		w = "Getty"
	case 'A':
		w = "Anadolu"
	case 'U':
		w = "Ukrinform"
	case 'F':
		w = "Foto"
	default:
		return false
	}
	return strings.HasPrefix(s, w)
}
