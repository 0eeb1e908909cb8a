package decode

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// parser is the fast path's JSON reader over one message. Every method
// returns false as soon as the input is not what it expects; it never reports
// why, because the slow path then decides and words the error. Strings are
// unescaped exactly as encoding/json does (a lone surrogate becomes U+FFFD);
// the input is already known to be valid UTF-8.
type parser struct {
	b []byte
	i int
}

// maxDepth bounds nesting in skipped values; deeper messages take the slow path.
const maxDepth = 64

func (p *parser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *parser) take(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space follows.
func (p *parser) end() bool {
	p.space()
	return p.i == len(p.b)
}

// key reads an object key without escapes and the colon after it.
func (p *parser) key() ([]byte, bool) {
	start, end, esc, ok := p.scanString()
	if !ok || esc {
		return nil, false
	}
	p.space()
	if !p.take(':') {
		return nil, false
	}
	p.space()
	return p.b[start:end], true
}

// scanString moves past a string, returning where its content lies and
// whether it holds escapes. It fails on an invalid escape or a control
// character. Its start is read by shortString; in what is left the quotes
// and backslashes are found with the vectorised byte search and the content
// between them is checked eight bytes at a time.
func (p *parser) scanString() (start, end int, esc, ok bool) {
	if !p.take('"') {
		return 0, 0, false, false
	}
	start = p.i
	i, esc, done, ok := p.shortString(start)
	switch {
	case done && !ok:
		return 0, 0, false, false
	case done:
		return start, p.i - 1, esc, true
	}
	quote := -1 // the next '"' at or after i, once known
	for {
		if quote < i {
			k := bytes.IndexByte(p.b[i:], '"')
			if k < 0 {
				return 0, 0, false, false
			}
			quote = i + k
		}
		k := bytes.IndexByte(p.b[i:quote], '\\')
		if k < 0 {
			if hasControl(p.b[i:quote]) {
				return 0, 0, false, false
			}
			p.i = quote + 1
			return start, quote, esc, true
		}
		if hasControl(p.b[i : i+k]) {
			return 0, 0, false, false
		}
		n, _ := escape(p.b[i+k:])
		if n == 0 {
			return 0, 0, false, false
		}
		esc = true
		i += k + n
	}
}

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

func (p *parser) skipString() bool {
	_, _, _, ok := p.scanString()
	return ok
}

// stringSpan reads a string value, checking its escapes, and returns where
// its content lies.
func (p *parser) stringSpan() (span, bool) {
	start, end, esc, ok := p.scanString()
	return span{start: start, end: end, esc: esc}, ok
}

// unescapeInto writes the content of a JSON string with escapes, which
// scanString has checked, to sb.
func unescapeInto(sb *strings.Builder, s []byte) {
	for {
		j := bytes.IndexByte(s, '\\')
		if j < 0 {
			sb.Write(s)
			return
		}
		sb.Write(s[:j])
		n, r := escape(s[j:])
		if n == 0 {
			return // not reached: the escapes were checked
		}
		if r < utf8.RuneSelf {
			sb.WriteByte(byte(r))
		} else {
			sb.WriteRune(r)
		}
		s = s[j+n:]
	}
}

// escape decodes the escape at the start of s, returning its length (0 when
// invalid) and the rune it stands for.
func escape(s []byte) (int, rune) {
	if len(s) < 2 {
		return 0, 0
	}
	switch s[1] {
	case '"', '\\', '/':
		return 2, rune(s[1])
	case 'b':
		return 2, '\b'
	case 'f':
		return 2, '\f'
	case 'n':
		return 2, '\n'
	case 'r':
		return 2, '\r'
	case 't':
		return 2, '\t'
	case 'u':
		r := hex4(s[2:])
		if r < 0 {
			return 0, 0
		}
		if !utf16.IsSurrogate(r) {
			return 6, r
		}
		if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			if r2 := hex4(s[8:]); r2 >= 0 {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return 12, dec
				}
			}
		}
		return 6, utf8.RuneError
	}
	return 0, 0
}

func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// integer reads a non-negative integer without fraction or exponent,
// returning its text.
func (p *parser) integer() ([]byte, bool) {
	start := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	n := p.i - start
	if n == 0 || (n > 1 && p.b[start] == '0') {
		return nil, false
	}
	switch p.peek() {
	case '.', 'e', 'E':
		return nil, false
	}
	return p.b[start:p.i], true
}

// skip moves past any JSON value, checking its syntax.
func (p *parser) skip(depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch c := p.peek(); {
	case c == '"':
		return p.skipString()
	case c == '{':
		return p.skipObject(depth)
	case c == '[':
		return p.skipArray(depth)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
			p.i += len(lit)
			return true
		}
	}
	return false
}

func (p *parser) skipObject(depth int) bool {
	p.i++
	p.space()
	if p.take('}') {
		return true
	}
	for {
		if !p.skipString() {
			return false
		}
		p.space()
		if !p.take(':') {
			return false
		}
		p.space()
		if !p.skip(depth + 1) {
			return false
		}
		p.space()
		if p.take('}') {
			return true
		}
		if !p.take(',') {
			return false
		}
		p.space()
	}
}

func (p *parser) skipArray(depth int) bool {
	p.i++
	p.space()
	if p.take(']') {
		return true
	}
	for {
		if !p.skip(depth + 1) {
			return false
		}
		p.space()
		if p.take(']') {
			return true
		}
		if !p.take(',') {
			return false
		}
		p.space()
	}
}

// number moves past a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() bool {
	p.take('-')
	if p.take('0') {
		// a leading zero stands alone
	} else if p.runDigits() == 0 {
		return false
	}
	if p.take('.') && p.runDigits() == 0 {
		return false
	}
	if p.take('e') || p.take('E') {
		if !p.take('+') {
			p.take('-')
		}
		if p.runDigits() == 0 {
			return false
		}
	}
	return true
}

func (p *parser) runDigits() int {
	start := p.i
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i - start
}
