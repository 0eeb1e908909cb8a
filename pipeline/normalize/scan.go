package normalize

import (
	"strings"
	"unicode/utf8"
)

// cleanCharLen returns the length of the character at s[i] when clean text
// holds it there, and 0 otherwise. A line break must be the first of a
// paragraph separator, and its length is that of the separator. s must not
// start or end with white space.
func cleanCharLen(s string, i int) int {
	b := s[i]
	switch {
	case b >= ' ' && b < 0x7f:
		return 1
	case b == '\n':
		// s ends with a visible byte, so s[i+1] exists, and s[i+2] after a
		// second '\n'; it starts with one, so s[i-1] exists.
		if s[i-1] == ' ' || s[i+1] != '\n' || !visibleByte(s[i+2]) {
			return 0
		}
		return 2
	case b < utf8.RuneSelf:
		return 0 // a control character
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if !plainRune(r) || !nfcInert(r) {
		return 0
	}
	return size
}

// visibleByte reports whether b starts a character that is not white space
// in clean text.
func visibleByte(b byte) bool { return b != ' ' && b != '\n' }

// plainAmpersands reports whether no '&' in s starts an entity reference,
// so that decoding entities leaves s alone.
func plainAmpersands(s string) bool {
	for i := strings.IndexByte(s, '&'); i >= 0; {
		if entityLen(s[i:]) != 1 {
			return false
		}
		k := strings.IndexByte(s[i+1:], '&')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return true
}

// Byte masks for reading eight bytes at a time: the low and the high bit of
// every byte.
const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// load8 returns the eight bytes of s at i, byte k in bits 8k..8k+7.
func load8(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// asciiBetween marks (with the high bit) the ASCII bytes of x in lo..hi,
// hi below 0x7f. Clearing the high bits first keeps every sum below 0x100,
// so no byte carries into the next.
func asciiBetween(x uint64, lo, hi byte) uint64 {
	x7 := x &^ hiBits
	atLeast := func(n byte) uint64 { return (x7 + uint64(0x80-n)*loBits) & hiBits }
	return atLeast(lo) &^ atLeast(hi+1) &^ x
}

// bytesEqual marks (with the high bit) the bytes of x equal to c.
func bytesEqual(x uint64, c byte) uint64 {
	t := x ^ uint64(c)*loBits // zero where equal
	return ^((t&^hiBits + ^uint64(hiBits)) | t) & hiBits
}
