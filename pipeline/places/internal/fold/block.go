package fold

import (
	"encoding/binary"
	"math/bits"
	"slices"
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

// inRange sets the high bit of each byte of y (all below 0x80) that lies in
// [lo, hi]. The sums stay within a byte, so no carry crosses bytes.
func inRange(y uint64, lo, hi byte) uint64 {
	ge := y + (0x80-uint64(lo))*ones // high bit set iff byte >= lo
	gt := y + (0x7f-uint64(hi))*ones // high bit set iff byte > hi
	return ge &^ gt & highs
}

// gather packs the high bits of the eight bytes of m into bits 0-7 (byte k
// to bit k).
func gather(m uint64) uint64 { return ((m >> 7) * 0x0102040810204080) >> 56 }

// blockMasks classifies 64 bytes: the word bytes (ASCII letters and digits)
// before the first stop (a non-ASCII byte, an apostrophe or a backtick), and
// where that stop is (64 when none).
func blockMasks[T string | []byte](b T) (word uint64, limit int) {
	for c := 0; c < 64; c += 8 {
		x := binary.LittleEndian.Uint64([]byte(b[c : c+8]))
		high := x & highs
		y := x &^ highs
		w := (inRange(y|0x20*ones, 'a', 'z') | inRange(y, '0', '9')) &^ high
		word |= gather(w) << c
		if st := high | isByte(y, '\'') | isByte(y, '`'); st != 0 {
			limit = c + bits.TrailingZeros64(st)/8
			return word & (1<<limit - 1), limit
		}
	}
	return word, 64
}

// isByte sets the high bit of each byte of y (all below 0x80) equal to c.
func isByte(y uint64, c byte) uint64 {
	return ^((y ^ uint64(c)*ones) + 0x7f*ones) & highs
}

// asciiBlock appends the words of b (64 bytes at byte offset base of the
// text, outside a word; zeros may pad the end of the text) that end before
// its first stop byte and before its end, and, when list is set, their name
// starts to starts (see TokensStarts). It returns how far it got (the start
// of the first word it could not finish, or the stop byte, or 64) and where
// the stop byte is (64 when none). extra is the text's bytes minus code
// points before base.
func asciiBlock[T string | []byte](dst []Token, starts []int32, b T, base, extra int, list bool) ([]Token, []int32, int, int) {
	word, limit := blockMasks(b)
	first := word &^ (word << 1)
	ends := word &^ (word >> 1) // the last byte of each run
	n, nw := len(dst), bits.OnesCount64(first)
	dst = slices.Grow(dst, nw)
	out := dst[n:cap(dst)]
	m := len(starts)
	if list {
		starts = slices.Grow(starts, nw)
	}
	sout := starts[:cap(starts)]
	k := 0
	for ; first != 0; k++ {
		st := bits.TrailingZeros64(first)
		en := bits.TrailingZeros64(ends)
		if en == limit-1 {
			return dst[:n+k], starts[:m], st, limit // the word may go on past the limit
		}
		start, end := int32(base+st), int32(base+en+1)
		// Field by field: a composite literal is built on the stack and
		// copied with a wide load that stalls on the narrow stores.
		t := &out[k]
		t.Start, t.End, t.RStart, t.REnd = start, end, start-int32(extra), end-int32(extra)
		up := byteClass[b[st]] & classUpper
		t.Upper = up != 0
		if list {
			// Which words start names is as good as random: no branch on it,
			// write every index and move on only past the starts.
			the := isThe(b, st, en)
			sout[m] = int32((n+k)<<1 | the)
			m += int(up>>1) | the
		}
		first &= first - 1
		ends &= ends - 1
	}
	return dst[:n+k], starts[:m], limit, limit
}

// isThe is 1 when the word b[st:en+1] is "the" in any case, 0 otherwise
// (its bytes are letters or digits, and no digit ORed with 0x20 is a
// letter). It has no branch: which words are "the" is as good as random.
func isThe[T string | []byte](b T, st, en int) int {
	x := uint32(b[st]) | uint32(b[(st+en)/2])<<8 | uint32(b[en])<<16
	return b2i(en-st == 2) & b2i(x|0x202020 == 't'|'h'<<8|'e'<<16)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
