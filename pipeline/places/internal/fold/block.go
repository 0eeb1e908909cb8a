package fold

import (
	"encoding/binary"
	"math/bits"
	"slices"

	"github.com/warwire/warwire/pipeline/entities/text"
)

// The block tokenizer finds the words of 64 bytes of plain ASCII at once: it
// builds a bit mask of the word bytes eight bytes at a time (SWAR) and walks
// its runs, with no branch per byte. Non-ASCII bytes and apostrophes (which
// need a look at their neighbours) stop it; the rune-at-a-time code in
// Tokens takes over there.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// inRange sets the high bit of each byte of y that lies in [lo, hi] and
// leaves garbage in the other bits (the caller masks them with highs). A
// byte of 0x80 or more gives garbage, and may carry into the bytes after
// it: such a byte is a stop, and blockMasks drops every bit from the first
// stop on.
func inRange(y uint64, lo, hi byte) uint64 {
	ge := y + (0x80-uint64(lo))*ones // high bit set iff byte >= lo
	gt := y + (0x7f-uint64(hi))*ones // high bit set iff byte > hi
	return ge &^ gt
}

// isByte sets the high bit of the first byte of x equal to c, and of no
// byte before it (a borrow leaves garbage only in the bytes after it).
func isByte(x uint64, c byte) uint64 {
	v := x ^ uint64(c)*ones
	return (v - ones) &^ v
}

// gather packs the high bits of the eight bytes of m into bits 0-7 (byte k
// to bit k).
func gather(m uint64) uint64 { return ((m >> 7) * 0x0102040810204080) >> 56 }

// masks are the bit masks of one block, a bit per byte: word bytes (ASCII
// letters and digits) before the first stop, and word bytes with bit 0x20
// clear (upper-case letters, as no digit has it clear), which hold
// garbage from the first stop on (read them only at word bytes).
type masks struct {
	word, caps uint64
}

// blockMasks classifies 64 bytes: their masks, and where the first stop (a
// non-ASCII byte, an apostrophe or a backtick) is (64 when none).
func blockMasks[T string | []byte](b T) (m masks, limit int) {
	// The masks fill from the top, eight bits at a time (shifts by a
	// constant): after the last bytes, bit k is byte k. The bits of the
	// bytes from the first stop on are garbage until they are dropped.
	_ = b[63]
	for c := 0; c <= 56; c += 8 {
		x := binary.LittleEndian.Uint64([]byte(b[c : c+8]))
		w := (inRange(x|0x20*ones, 'a', 'z') | inRange(x, '0', '9')) & highs
		m.word = m.word>>8 | gather(w)<<56
		m.caps = m.caps>>8 | gather(w&^(x<<2))<<56 // bit 0x20 moved to 0x80
		if st := (x | isByte(x, '\'') | isByte(x, '`')) & highs; st != 0 {
			m.word, m.caps = m.word>>(56-c), m.caps>>(56-c)
			limit = c + bits.TrailingZeros64(st)/8
			m.word &= 1<<limit - 1
			return m, limit
		}
	}
	return m, 64
}

// asciiBlock appends the words of b (64 bytes at byte offset base of the
// text, outside a word; zeros may pad the end of the text) that end before
// its first stop byte and before its end, and, when list is set, their name
// starts to starts (see TokensStarts). It returns how far it got (the start
// of the first word it could not finish, or the stop byte, or 64) and where
// the stop byte is (64 when none). extra is the text's bytes minus code
// points before base.
func asciiBlock[T string | []byte](dst []Token, starts []int32, b T, base, extra int, list bool) ([]Token, []int32, int, int) {
	m, limit := blockMasks(b)
	firsts := m.word &^ (m.word << 1)
	first := firsts
	ends := m.word &^ (m.word >> 1) // the last byte of each run
	n := len(dst)
	dst = slices.Grow(dst, bits.OnesCount64(first))
	out := dst[n:cap(dst)]
	got := limit // where the words appended end
	if limit > 0 && m.word>>(limit-1)&1 != 0 {
		got = 63 - bits.LeadingZeros64(first) // the last word may go on past the limit
		first &^= 1 << got
	}
	k := 0
	for ; first != 0; k++ {
		st := bits.TrailingZeros64(first)
		en := bits.TrailingZeros64(ends)
		start, end := int32(base+st), int32(base+en+1)
		// Field by field: a composite literal is built on the stack and
		// copied with a wide load that stalls on the narrow stores.
		t := &out[k]
		t.Start, t.End, t.RStart, t.REnd = start, end, start-int32(extra), end-int32(extra)
		t.LowerHash, t.Flags = 0, uint16(m.caps>>st&1)*text.Upper // the memory may hold an old token
		first &= first - 1
		ends &= ends - 1
	}
	if list {
		starts = blockStarts(starts, b, m, firsts&(1<<got-1), n)
	}
	return dst[:n+k], starts, got, limit
}

// blockStarts appends the name starts among the words that start at the
// bits of firsts (see TokensStarts); the first of them is token n.
func blockStarts[T string | []byte](starts []int32, b T, m masks, firsts uint64, n int) []int32 {
	// "the": a three-byte word (no run ends at its first two bytes), its
	// bytes checked without a branch (which is "the" is as good as random).
	the := uint64(0)
	for c := firsts & (m.word >> 1) & (m.word >> 2) &^ (m.word >> 3); c != 0; c &= c - 1 {
		st := bits.TrailingZeros64(c)
		x := uint32(b[st]) | uint32(b[st+1])<<8 | uint32(b[st+2])<<16
		the |= uint64(b2i(x|0x202020 == 't'|'h'<<8|'e'<<16)) << st
	}
	for c := firsts & (m.caps | the); c != 0; c &= c - 1 {
		st := bits.TrailingZeros64(c)
		i := n + bits.OnesCount64(firsts&(1<<st-1))
		starts = append(starts, int32(i<<1|int(the>>st&1)))
	}
	return starts
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
