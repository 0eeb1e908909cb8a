package decode

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// checkRaw reports whether b is valid UTF-8 (exactly as utf8.Valid) and
// whether it holds a control character (a byte below ' '), in one pass.
// A message without one has none in its strings, so the parser need not
// look for them there (see parser.ctl). Printable ASCII, nearly all of a
// message, is skipped 32 and then 8 bytes a step; from the first byte of a
// word that is not, one character is checked at a time.
func checkRaw(b []byte) (valid, ctl bool) {
	for {
		for len(b) >= 32 && (spread(word(b))|spread(word(b[8:]))|spread(word(b[16:]))|spread(word(b[24:])))&hiBits == 0 {
			b = b[32:]
		}
		if len(b) >= 8 {
			m := unprintable(word(b))
			if m == 0 {
				b = b[8:]
				continue
			}
			b = b[bits.TrailingZeros64(m)/8:]
		} else if len(b) == 0 {
			return true, ctl
		}
		n := charLen(b)
		if n == 0 {
			return false, ctl
		}
		ctl = ctl || b[0] < ' '
		b = b[n:]
	}
}

// word reads the first eight bytes of b.
func word(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

// unprintable returns the high bit of every byte of x outside ' '..0x7F,
// and maybe of bytes after the first such byte: x | (x - ' '*loBits) sets
// the high bit of a byte at or above 0x80 and of the lowest byte below
// ' ' (which borrows), while no byte below that one borrows. So the result
// is zero exactly when all of x is printable ASCII, and its lowest bit
// marks the first byte that is not.
func unprintable(x uint64) uint64 { return spread(x) & hiBits }

// spread is unprintable before its mask: the high bits of the OR of
// several words' spreads are zero exactly when all of them are printable.
func spread(x uint64) uint64 { return x | (x - ' '*loBits) }

// charLen returns the length of the character at the start of b (not
// empty), or 0 when it is not valid UTF-8: the common two- and three-byte
// forms are checked inline, the others by utf8.DecodeRune.
func charLen(b []byte) int {
	c := b[0]
	switch {
	case c < utf8.RuneSelf:
		return 1
	case c >= 0xC2 && c <= 0xDF && len(b) >= 2 && b[1]&0xC0 == 0x80:
		return 2 // Latin, Greek, Cyrillic…
	case c >= 0xE1 && c <= 0xEC && len(b) >= 3 && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80:
		return 3 // U+1000–U+CFFF: punctuation such as “ ” …
	}
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n == 1 {
		return 0
	}
	return n
}
