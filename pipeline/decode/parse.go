package decode

import (
	"encoding/binary"
	"math/bits"
)

// parser is the fast path's JSON reader over one message. Every method
// returns false as soon as the input is not what it expects; it never reports
// why, because the slow path then decides and words the error. Strings are
// unescaped exactly as encoding/json does (a lone surrogate becomes U+FFFD);
// the input is already known to be valid UTF-8.
type parser struct {
	b   []byte
	i   int
	ctl bool   // b may hold control characters (see checkRaw)
	out []byte // the content of the string values kept (see stringSpan)
}

// maxDepth bounds nesting in skipped values; deeper messages take the slow path.
const maxDepth = 64

// space moves past JSON white space; a byte above ' ', the usual next one
// in compact JSON, is told by one comparison.
func (p *parser) space() {
	for p.i < len(p.b) && p.b[p.i] <= ' ' {
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

// key reads an object key without escapes and the colon after it. Keys
// are short: a byte loop finds the closing quote sooner than the byte
// searches of scan.
func (p *parser) key() ([]byte, bool) {
	if !p.take('"') {
		return nil, false
	}
	start, end := p.i, keyEnd(p.b, p.i)
	if end < 0 {
		return nil, false
	}
	p.i = end + 1
	p.space()
	if !p.take(':') {
		return nil, false
	}
	p.space()
	return p.b[start:end], true
}

// keyEnd returns the offset of the quote that closes the key starting at
// b[i], or -1 when an escape (the slow path's) or a control character comes
// first, or nothing does. It reads eight bytes at a time: the lowest byte
// each mask marks is exact (a false mark can only follow a true one), so the
// lowest of their union is the first byte of interest.
func keyEnd(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := zeroBytes(x^'"'*loBits) | zeroBytes(x^'\\'*loBits) | (x-' '*loBits)&^x&hiBits; m != 0 {
			if k := i + bits.TrailingZeros64(m)>>3; b[k] == '"' {
				return k
			}
			return -1
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' {
			return i
		} else if c == '\\' || c < ' ' {
			return -1
		}
	}
	return -1
}

// zeroBytes marks the zero bytes of x with their high bit; a byte after a
// zero byte may be marked falsely, never one before.
func zeroBytes(x uint64) uint64 { return (x - loBits) &^ x & hiBits }

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
