package decode

import (
	"encoding/binary"
	"math/bits"
)

// Byte masks for reading eight bytes at a time: the low and the high bit of
// every byte.
const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// hasControl reports whether b holds a control character (below ' '), which
// JSON forbids in strings. It reads sixteen bytes at a time with the classic
// exact test for a byte below n: (x - n*loBits) &^ x & hiBits.
func hasControl(b []byte) bool {
	i := 0
	for ; i+16 <= len(b); i += 16 {
		x := binary.LittleEndian.Uint64(b[i : i+8])
		y := binary.LittleEndian.Uint64(b[i+8 : i+16])
		if ((x-' '*loBits)&^x|(y-' '*loBits)&^y)&hiBits != 0 {
			return true
		}
	}
	if i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i : i+8])
		if (x-' '*loBits)&^x&hiBits != 0 {
			return true
		}
		i += 8
	}
	for ; i < len(b); i++ {
		if b[i] < ' ' {
			return true
		}
	}
	return false
}

// shortString reads the start of the string content at p.b[start:] eight
// bytes at a time, which is faster than the byte searches on the short
// strings (keys and most values) messages are made of. It reports done when
// it reached the closing quote (moving past it) or failed, as scanString
// does; otherwise the content from i on (at most shortBytes in) is left to
// the byte searches.
func (p *parser) shortString(start int) (i int, esc, done, ok bool) {
	for i = start; i-start < shortBytes; {
		j, found := stringEvent(p.b, i, start+shortBytes)
		if !found {
			return j, esc, false, false
		}
		switch c := p.b[j]; {
		case c == '"':
			p.i = j + 1
			return j, esc, true, true
		case c < ' ':
			return j, esc, true, false
		}
		n, _ := escape(p.b[j:])
		if n == 0 {
			return j, esc, true, false
		}
		esc = true
		i = j + n
	}
	return i, esc, false, false
}

// shortBytes is how much of a string shortString reads before it leaves the
// rest to the byte searches.
const shortBytes = 32

// stringEvent returns the offset of the first byte in b[i:limit] (limit
// rounded up to eight bytes, within b) that ends a run of plain string
// content, a '"', a '\\' or a control character, and true; or an offset at
// or after limit to go on from and false. It reads eight bytes at a time
// with the classic tests for a zero byte, (x - loBits) &^ x & hiBits (after
// x ^ c*loBits to find c), and for a byte below n, (x - n*loBits) &^ x &
// hiBits: a borrow can mark bytes above a true match, never below, so the
// lowest mark is exact.
func stringEvent(b []byte, i, limit int) (int, bool) {
	for ; i < limit && i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i : i+8])
		q, bs := x^('"'*loBits), x^('\\'*loBits)
		if m := ((x-' '*loBits)&^x | (q-loBits)&^q | (bs-loBits)&^bs) & hiBits; m != 0 {
			return i + bits.TrailingZeros64(m)>>3, true
		}
	}
	for ; i < limit && i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < ' ' {
			return i, true
		}
	}
	return i, false
}
