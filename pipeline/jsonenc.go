package pipeline

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// This file is a small JSON writer for the Document types. It writes exactly
// the bytes encoding/json's Marshal writes for them (HTML-safe escaping,
// invalid UTF-8 as \ufffd, U+2028/U+2029 escaped, the same float and time
// formats, omitempty as declared on the struct tags), at several times the
// speed, because the worker encodes every story it indexes. The tests compare
// it with encoding/json on real and fuzzed documents.

// jsonWriter appends JSON to buf; the first error sticks and stops nothing
// (the caller checks err once at the end).
type jsonWriter struct {
	buf   []byte
	err   error
	comma bool // a value was written in the current object or array
}

// htmlSafe[b] is true for the ASCII bytes encoding/json copies unescaped.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// str appends s as a JSON string. Runs of eight plain bytes are skipped at
// once; in a block that is not plain, plain ASCII bytes and valid two-byte
// runes are skipped one at a time, and anything else goes to escapeAt.
func (w *jsonWriter) str(s string) {
	b := append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if i = plainRun(s, i); i == len(s) {
			break
		}
		for end := min(i+8, len(s)); i < end; {
			switch c := s[i]; {
			case c < utf8.RuneSelf && htmlSafe[c]:
				i++
			case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
				i += 2 // a valid two-byte rune (Cyrillic, accents): never escaped
			default:
				b, i, start = escapeAt(b, s, i, start)
			}
		}
	}
	w.buf = append(append(b, s[start:]...), '"')
}

// plainRun returns the index of the first eight-byte block of s from i on
// that is not plain, or of the last fewer than eight bytes. A block is
// plain when its bytes are all ASCII that encoding/json copies unescaped:
// no byte < 0x20, ≥ 0x80, or one of " \ < > &. The block is read with one
// load and its bytes tested at once, without a call (each test is exact
// about whether any byte matches).
func plainRun(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8]
		v := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		m := v | (v-ones*0x20)&^v // non-ASCII, or a byte below 0x20
		// < (0x3C) and > (0x3E) differ only in bit 1, " (0x22) and & (0x26)
		// only in bit 2: setting that bit makes one test find either.
		m |= hasByte(v|ones*2, '>') | hasByte(v|ones*4, '&') | hasByte(v, '\\')
		if m&highs != 0 {
			break
		}
	}
	return i
}

// escapeAt handles the byte or rune of s at i: plain text is left for a
// later copy from start; anything encoding/json escapes or replaces flushes
// s[start:i] to b, then the escape. It returns b, the next index and start.
func escapeAt(b []byte, s string, i, start int) ([]byte, int, int) {
	if c := s[i]; c < utf8.RuneSelf { // never a plain one: str skips those
		return appendEscapedByte(append(b, s[start:i]...), c), i + 1, i + 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		b = append(append(b, s[start:i]...), `\ufffd`...)
	case r == '\u2028' || r == '\u2029':
		b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
	default:
		return b, i + size, start
	}
	return b, i + size, i + size
}

// SWAR constants: one in every byte, the high bit of every byte.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// hasByte has a high bit set in some byte iff a byte of v equals c.
func hasByte(v uint64, c byte) uint64 {
	x := v ^ (ones * uint64(c))
	return (x - ones) &^ x
}

// appendEscapedByte appends the escape encoding/json uses for ASCII byte c.
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// key starts a member named name (a plain ASCII literal) in the current object.
func (w *jsonWriter) key(name string) {
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	w.comma = true
	w.buf = append(append(append(w.buf, '"'), name...), '"', ':')
}

// open starts an object or array; close ends it. A value just closed counts
// as written in the enclosing container.
func (w *jsonWriter) open(c byte)  { w.buf = append(w.buf, c); w.comma = false }
func (w *jsonWriter) close(c byte) { w.buf = append(w.buf, c); w.comma = true }

// elem separates array elements.
func (w *jsonWriter) elem() {
	if w.comma {
		w.buf = append(w.buf, ',')
	}
	w.comma = true
}

func (w *jsonWriter) strField(name, v string, omitEmpty bool) {
	if omitEmpty && v == "" {
		return
	}
	w.key(name)
	w.str(v)
}

func (w *jsonWriter) intField(name string, v int64, omitEmpty bool) {
	if omitEmpty && v == 0 {
		return
	}
	w.key(name)
	w.buf = strconv.AppendInt(w.buf, v, 10)
}

func (w *jsonWriter) boolField(name string, v bool) {
	w.key(name)
	w.buf = strconv.AppendBool(w.buf, v)
}

// float appends f as encoding/json does: shortest 'f' form, or 'e' form with
// a two-digit exponent trimmed ("1e-07") for very small or large magnitudes.
func (w *jsonWriter) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.fail(fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64)))
		w.buf = append(w.buf, '0')
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	start := len(w.buf)
	w.buf = strconv.AppendFloat(w.buf, f, format, -1, 64)
	if b := w.buf[start:]; format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			w.buf = w.buf[:len(w.buf)-1]
		}
	}
}

// timestamp appends t as time.Time's MarshalJSON does (RFC 3339 with nanoseconds).
func (w *jsonWriter) timestamp(t time.Time) {
	if t.Location() != time.UTC { // documents carry UTC; anything else the slow way
		b, err := t.MarshalJSON()
		if err != nil {
			w.fail(fmt.Errorf("json: error calling MarshalJSON for type time.Time: %w", err))
		}
		w.buf = append(w.buf, b...)
		return
	}
	if y := t.Year(); y < 0 || y >= 10000 {
		w.fail(errors.New("json: Time.MarshalJSON: year outside of range [0,9999]"))
	}
	w.buf = append(t.AppendFormat(append(w.buf, '"'), time.RFC3339Nano), '"')
}

// timeField writes an omitempty *time.Time member.
func (w *jsonWriter) timeField(name string, t *time.Time) {
	if t != nil {
		w.key(name)
		w.timestamp(*t)
	}
}

func (w *jsonWriter) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// span appends a Span as a two-element array.
func (w *jsonWriter) span(s Span) {
	w.buf = append(strconv.AppendInt(append(strconv.AppendInt(append(w.buf, '['), int64(s[0]), 10), ','), int64(s[1]), 10), ']')
	w.comma = true
}
