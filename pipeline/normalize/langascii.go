package normalize

import (
	"math/bits"
	"unicode/utf8"
)

// asciiWords scores the words of ASCII letters from s[i] on, as add would,
// while the scorer holds no word (sc.n is 0): it takes each word by
// asciiWord and passes over the ASCII bytes between words, which end no word
// when none is open. It returns the offset where add must go on (a
// non-ASCII byte, a letter asciiWord leaves to asciiLetters, or len(s)) and
// whether the evidence became decisive, when add stops at once.
func (sc *scorer) asciiWords(s string, i int) (next int, decided bool) {
	for i < len(s) {
		b := s[i]
		if b >= utf8.RuneSelf {
			return i, false
		}
		if !isASCIILetter(b) {
			i++
			continue
		}
		j, ok := sc.asciiWord(s, i)
		if !ok {
			return i, false
		}
		if sc.countWord() {
			return j, true
		}
		i = j + 1 // past the non-letter after the word
	}
	return i, false
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

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
	if js := bytesEqual(w, 'j'); js != 0 { // few words hold a 'j': no test for 'i' before it
		for js &= bytesEqual(w<<8, 'i'); js != 0; js &= js - 1 {
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

// asciiLongWord is asciiWord for a word of eight letters or more. It
// lower-cases the word only to look it up among the long function words.
func (sc *scorer) asciiLongWord(s string, i int) (end int, ok bool) {
	j, hasJ, ok := asciiLettersEnd(s, i)
	if !ok {
		return 0, false
	}
	n := j - i
	sc.latin += n
	if hasJ {
		sc.ijBonus(s[i:j])
	}
	if n > maxScoredWord {
		return j, true // too long to look up, as endWord skips it
	}
	if c := s[i] | 0x20; stopStarts[n][c>>6]&(1<<(c&63)) != 0 {
		if set := longStopWord(s[i:j]); set != 0 {
			sc.addSet(set, 1)
			return j, true
		}
	}
	sc.addSet(asciiEndings[asciiEndingKey3(s[j-3]|0x20, s[j-2]|0x20, s[j-1]|0x20)], 0.5)
	return j, true
}

// longStopWord is stopWord for w, a word of 8 to maxScoredWord ASCII
// letters.
func longStopWord(w string) uint16 {
	if len(w) == 8 {
		return stopSet.find(load8(w, 0) | 0x20*loBits)
	}
	var b [maxScoredWord]byte
	for k := range len(w) {
		b[k] = w[k] | 0x20
	}
	return stopSet.long[string(b[:len(w)])]
}

// asciiLettersEnd returns the end of the run of ASCII letters at s[i],
// whether the run holds a 'j' or 'J' (so maybe a Dutch "ij"), and whether
// it is followed by an ASCII byte, reading eight bytes at a time; it returns
// false when fewer than eight bytes are left at some block.
func asciiLettersEnd(s string, i int) (end int, hasJ, ok bool) {
	var js uint64
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i) | 0x20*loBits // letters in lower case; bit 7 kept
		if m := ^asciiBetween(x, 'a', 'z') & hiBits; m != 0 {
			k := bits.TrailingZeros64(m) >> 3
			js |= bytesEqual(x, 'j') & lowBytes[k] // not a 'j' past the run
			return i + k, js != 0, x>>(8*k)&0x80 == 0
		}
		js |= bytesEqual(x, 'j')
	}
	return 0, false, false
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
