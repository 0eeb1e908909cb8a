package places

import (
	"slices"

	"github.com/warwire/warwire/pipeline"
)

// entityMask marks the code points of a text that entity spans cover, so a
// candidate span is tested against all of them in a few bit tests.
type entityMask struct {
	bits []uint64
	odd  []pipeline.Span // empty or reversed spans: tested one by one
}

// reset marks the spans of ents; limit bounds the code points of the text
// (its length in bytes will do).
func (m *entityMask) reset(ents []pipeline.Entity, limit int) {
	n := (limit + 63) / 64
	m.bits, m.odd = slices.Grow(m.bits[:0], n)[:n], m.odd[:0]
	clear(m.bits)
	for i := range ents {
		for _, sp := range ents[i].Spans {
			m.add(sp, limit)
		}
	}
}

func (m *entityMask) add(sp pipeline.Span, limit int) {
	if sp[0] >= sp[1] {
		m.odd = append(m.odd, sp)
		return
	}
	a, b := max(sp[0], 0), min(sp[1], limit)
	if a >= b {
		return // outside the text: no span of it can overlap
	}
	// Unsigned from here on: division and remainder by 64 are shifts.
	ua, ub := uint(a), uint(b)
	if w := ua / 64; w == (ub-1)/64 { // the common span of one word's bits
		m.bits[w] |= (1<<(ub-ua) - 1) << (ua % 64)
		return
	}
	for ua < ub {
		n := min(ub-ua, 64-ua%64) // bits in this word
		m.bits[ua/64] |= (1<<n - 1) << (ua % 64)
		ua += n
	}
}

// overlaps reports whether sp (start < end) shares a code point with an
// entity span, or meets an odd one as a sorted overlap test would.
func (m *entityMask) overlaps(sp pipeline.Span) bool {
	if len(m.odd) > 0 && m.overlapsOdd(sp) {
		return true
	}
	a, end := max(sp[0], 0), min(sp[1], len(m.bits)*64)
	if a >= end {
		return false
	}
	// Unsigned from here on: division and remainder by 64 are shifts.
	ua, uend := uint(a), uint(end)
	if w := ua / 64; w == (uend-1)/64 { // the common span of one word's bits
		return m.bits[w]&((1<<(uend-ua)-1)<<(ua%64)) != 0
	}
	for ua < uend {
		off := ua % 64
		n := min(uend-ua, 64-off) // bits in this word
		if m.bits[ua/64]&((1<<n-1)<<off) != 0 {
			return true
		}
		ua += n
	}
	return false
}

// marked reports whether code point r is inside an entity span that is
// not odd: true is sure to overlap, false is no promise (see overlaps).
func (m *entityMask) marked(r int32) bool {
	w := uint(r) / 64
	return w < uint(len(m.bits)) && m.bits[w]&(1<<(uint(r)%64)) != 0
}

func (m *entityMask) overlapsOdd(sp pipeline.Span) bool {
	for _, e := range m.odd {
		if e[0] < sp[1] && e[1] > sp[0] {
			return true
		}
	}
	return false
}
