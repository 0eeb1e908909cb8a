package normalize

import (
	"encoding/binary"
	"math/bits"
)

// asciiWord scores the word of ASCII letters at s[i], as asciiLetters and
// endWord would, when the scorer holds no word yet (sc.n is 0, so sc.prev is
// 0 too) and the word is followed by an ASCII byte that is not a letter. It
// returns the offset of that byte. It returns false, having changed nothing,
// for a word that ends s (add scores it when s ends) or goes on with a
// non-ASCII byte, and for a word within eight bytes of the end of s.
func (sc *scorer) asciiWord(s string, i int) (end int, ok bool) {
	if i+8 > len(s) {
		return 0, false
	}
	x := load8(s, i)
	m := ^asciiBetween(x|0x20*loBits, 'a', 'z') & hiBits
	if m == 0 {
		return sc.asciiLongWord(s, i)
	}
	n := bits.TrailingZeros64(m) >> 3
	if x>>(8*n)&0x80 != 0 {
		return 0, false
	}
	sc.latin += n
	// the word in lower case, packed as stopWord packs its buffer
	w := (x | 0x20*loBits) & lowBytes[n]
	if js := bytesEqual(w, 'j') & bytesEqual(w<<8, 'i'); js != 0 {
		for ; js != 0; js &= js - 1 {
			sc.score[nl] += 0.5
		}
	}
	if b0 := byte(w); stopStarts[n][b0>>6]&(1<<(b0&63)) != 0 {
		if set := stopSet.find(w); set != 0 {
			sc.addSet(set, 1)
			return i + n, true
		}
	}
	if n >= 4 {
		e := w >> (8 * (n - 3))
		sc.addSet(asciiEndings[asciiEndingKey3(byte(e), byte(e>>8), byte(e>>16))], 0.5)
	}
	return i + n, true
}

// asciiLongWord is asciiWord for a word of eight letters or more.
func (sc *scorer) asciiLongWord(s string, i int) (end int, ok bool) {
	j, ok := asciiLettersEnd(s, i+8)
	if !ok {
		return 0, false
	}
	n := j - i
	sc.latin += n
	sc.ijBonus(s[i:j])
	if n > maxScoredWord {
		return j, true // too long to look up, as endWord skips it
	}
	var w [maxScoredWord]byte
	for k := range n {
		w[k] = s[i+k] | 0x20
	}
	if stopStarts[n][w[0]>>6]&(1<<(w[0]&63)) != 0 {
		var set uint16
		if n == 8 {
			set = stopSet.find(binary.LittleEndian.Uint64(w[:8]))
		} else {
			set = stopSet.long[string(w[:n])]
		}
		if set != 0 {
			sc.addSet(set, 1)
			return j, true
		}
	}
	sc.addSet(asciiEndings[asciiEndingKey3(w[n-3], w[n-2], w[n-1])], 0.5)
	return j, true
}

// asciiLettersEnd returns the end of the run of ASCII letters at s[i] and
// whether it is followed by an ASCII byte, reading eight bytes at a time; it
// returns false when fewer than eight bytes are left at some block.
func asciiLettersEnd(s string, i int) (int, bool) {
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		if m := ^asciiBetween(x|0x20*loBits, 'a', 'z') & hiBits; m != 0 {
			k := bits.TrailingZeros64(m) >> 3
			return i + k, x>>(8*k)&0x80 == 0
		}
	}
	return 0, false
}

// ijBonus adds the Dutch "ij" bonus of asciiLetters for each "ij" in w, a
// word of ASCII letters.
func (sc *scorer) ijBonus(w string) {
	for k := 1; k < len(w); k++ {
		if w[k]|0x20 == 'j' && w[k-1]|0x20 == 'i' {
			sc.score[nl] += 0.5
		}
	}
}

// asciiEndingKey3 is asciiEndingKey for three letters a-z.
func asciiEndingKey3(a, b, c byte) int {
	return (int(a-'a')*26+int(b-'a'))*26 + int(c-'a')
}
