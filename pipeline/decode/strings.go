package decode

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
)

// scan moves past a string, and appends its content, unescaped, to p.out
// when keep is set: one pass finds, checks and decodes the escapes. It
// fails on an invalid escape or a control character. The quotes and
// backslashes are found with the vectorised byte search; the content between
// them is checked eight bytes at a time, when the message holds a control
// character at all.
func (p *parser) scan(keep bool) bool {
	if !p.take('"') {
		return false
	}
	quote := -1 // the next '"' at or after i, once known
	for i := p.i; ; {
		if quote < i {
			k := bytes.IndexByte(p.b[i:], '"')
			if k < 0 {
				return false
			}
			quote = i + k
		}
		k := 0 // an escape often follows another (a paragraph break): no search
		if p.b[i] != '\\' {
			k = bytes.IndexByte(p.b[i:quote], '\\')
		}
		if k < 0 {
			if p.ctl && hasControl(p.b[i:quote]) {
				return false
			}
			if keep {
				p.out = append(p.out, p.b[i:quote]...)
			}
			p.i = quote + 1
			return true
		}
		if p.ctl && hasControl(p.b[i:i+k]) {
			return false
		}
		if c := simpleEscape[p.b[i+k+1]]; c != 0 { // i+k < quote: in range
			// a paragraph break, "\n\n", is taken whole: the second escape
			// is before the quote, so its 'n' is in range
			j := i + k + 2
			pair := c == '\n' && j < quote && p.b[j] == '\\' && p.b[j+1] == 'n'
			if keep {
				if k > 0 {
					p.out = append(p.out, p.b[i:i+k]...)
				}
				if pair {
					p.out = append(p.out, '\n', '\n')
				} else {
					p.out = append(p.out, c)
				}
			}
			i = j
			if pair {
				i += 2
			}
			continue
		}
		n, r := escape(p.b[i+k:])
		if n == 0 {
			return false
		}
		if keep {
			if k > 0 {
				p.out = append(p.out, p.b[i:i+k]...)
			}
			p.out = utf8.AppendRune(p.out, r)
		}
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
// JSON forbids in strings. It reads eight bytes at a time with the classic
// exact test for a byte below n: (x - n*loBits) &^ x & hiBits.
func hasControl(b []byte) bool {
	for ; len(b) >= 8; b = b[8:] {
		x := binary.LittleEndian.Uint64(b)
		if (x-' '*loBits)&^x&hiBits != 0 {
			return true
		}
	}
	for _, c := range b {
		if c < ' ' {
			return true
		}
	}
	return false
}

func (p *parser) skipString() bool {
	return p.scan(false)
}

// stringSpan reads a string value, checking its escapes, appends its
// content to p.out and returns where it lies there.
func (p *parser) stringSpan() (span, bool) {
	start := len(p.out)
	ok := p.scan(true)
	return span{start: start, end: len(p.out)}, ok
}

// simpleEscape maps the letter of a two-byte escape to the byte it stands
// for, and every other byte to 0: scan decodes these, nearly all of a
// message's escapes ("\n" above all), without a call.
var simpleEscape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

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
