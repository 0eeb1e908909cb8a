package normalize

import (
	"math"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// maxCountedParagraphs bounds the paragraphs whose word counts a
// paragraphWords records; longer texts have their body counted again.
const maxCountedParagraphs = 128

// paragraphWords are the word counts (as CountWords counts) of clean text,
// found in the pass that checks it is clean: the total, and the words before
// each paragraph separator. Words never span a separator ("\n\n" joins
// nothing), so they add up by paragraph.
type paragraphWords struct {
	ok    bool // the counts below are known
	total int
	seps  int                         // paragraph separators seen
	ends  [maxCountedParagraphs]int32 // ends[k]: the words of paragraphs 0..k
	at    [maxCountedParagraphs]int32 // at[k]: the offset of separator k
}

// paragraphEnd returns the offset where paragraph k (0-based) of the text
// ends, as paragraphEnd(text, start) with start where it begins.
func (pw *paragraphWords) paragraphEnd(k int, text string) int {
	if k < pw.seps {
		return int(pw.at[k])
	}
	return len(text)
}

// paragraph returns the words of paragraph k (0-based) of the text.
func (pw *paragraphWords) paragraph(k int) int {
	end, start := pw.total, 0
	if k < pw.seps {
		end = int(pw.ends[k])
	}
	if k > 0 {
		start = int(pw.ends[k-1])
	}
	return end - start
}

// cleanTextWords reports whether body text s is clean already, so that it
// needs none of cleanPlainText's passes: no markup or entity reference,
// only printable ASCII and NFC-inert characters, words separated by single
// spaces and paragraphs by exactly "\n\n", nothing blank at either end (the
// reference is cleanTextAlready in clean_ref_test.go). It also counts the
// words of s when it is clean, in the same pass: it reads s eight bytes at a time through
// cleanClass, the byte classes of CountWords with control characters set
// apart, and takes the characters that need a closer look (line breaks,
// joiners, non-ASCII) one at a time. pw.ok is false when s is not clean or
// has too many paragraphs to record.
func cleanTextWords(s string, pw *paragraphWords) bool {
	pw.ok = false
	if s == "" {
		pw.ok, pw.total, pw.seps = true, 0, 0
		return true
	}
	if !cleanEdges(s) {
		return false
	}
	ws := wordScan{classes: &cleanClassAt}
	for i := 0; i < len(s); {
		at, end := ws.blocks(s, i)
		var ok bool
		if i, ok = ws.chars(s, at, end, pw); !ok {
			return false
		}
	}
	pw.ok, pw.total, pw.seps = ws.seps <= maxCountedParagraphs && len(s) <= math.MaxInt32, ws.n, ws.seps
	return true
}

// wordScan is the state of cleanTextWords: the words counted, whether the
// last character read is inside a word (in is 1), and the paragraph
// separators seen.
type wordScan struct {
	n    int
	in   uint8
	seps int
	// classes is &cleanClassAt: read through a field, the table's address
	// is loaded once, not computed again for each of the eight look-ups
	classes *[8][256]uint64
}

// blocks counts the words of the eight-byte blocks of printable ASCII
// without joiners from s[i] on, as CountWords does, and of the bytes of the
// first other block up to its first other byte. It returns the offset of
// that byte and the end of its block, or, at the last bytes, fewer than
// eight, their offset and len(s).
func (ws *wordScan) blocks(s string, i int) (at, end int) {
	n, in := ws.n, ws.in
	t := ws.classes // a base address in a register for the eight look-ups
	for ; i+8 <= len(s); i += 8 {
		// the cleanClass of the eight bytes, that of byte k in bits 8k..8k+7
		b := s[i : i+8]
		v := t[0][b[0]] | t[1][b[1]] | t[2][b[2]] | t[3][b[3]] |
			t[4][b[4]] | t[5][b[5]] | t[6][b[6]] | t[7][b[7]]
		if other := v & (uint64(classOther|classCtl) * loBits); other != 0 {
			ws.n, ws.in = n, in
			return ws.before(s, i, v, other), i + 8
		}
		v = settleBlock(s, i, v)
		n += wordStarts(v, in)
		in = uint8(v >> 56)
	}
	ws.n, ws.in = n, in
	return i, len(s)
}

// before counts the words of the bytes of the block at s[i] with classes v
// before its first byte marked in other, which needs a closer look, and
// returns that byte's offset.
func (ws *wordScan) before(s string, i int, v, other uint64) int {
	k := bits.TrailingZeros64(other) >> 3
	if k == 0 {
		return i
	}
	v &= lowBytes[k]
	v = settleBlock(s, i, v)
	ws.n += wordStarts(v, ws.in)
	ws.in = uint8(v >> (8 * (k - 1)))
	return i + k
}

// chars reads s one character at a time from s[i] until stop (or past it,
// when a character or separator spans it), checking that clean text holds
// each there and counting words. It records paragraph separators in pw. It
// returns after the first character that is not an ASCII letter, digit or
// separator (a line break, joiner or wide character) when eight bytes or
// more follow it, for blocks to read them eight at a time rather than one
// at a time up to stop. It returns the offset reached, and false when s is
// not clean.
func (ws *wordScan) chars(s string, i, stop int, pw *paragraphWords) (int, bool) {
	for i < stop {
		if c := cleanClass[s[i]]; c <= classWord {
			ws.n += int(c &^ ws.in)
			ws.in = c
			i++
			continue
		}
		if s[i] == '\n' { // a paragraph separator, "\n\n"
			// cleanCharLen's test, inlined: s neither starts nor ends with
			// white space, so s[i-1] and s[i+1] exist, and s[i+2] after '\n'
			if s[i-1] == ' ' || s[i+1] != '\n' || !visibleByte(s[i+2]) {
				return i, false
			}
			if ws.seps < maxCountedParagraphs {
				pw.ends[ws.seps], pw.at[ws.seps] = int32(ws.n), int32(i)
			}
			ws.seps++
			ws.in = 0
			i += len(paragraphSep)
		} else {
			var started uint8
			var ok bool
			if i, ws.in, started, ok = cleanWordStep(s, i, ws.in); !ok {
				return i, false
			}
			ws.n += int(started)
		}
		if i+8 <= len(s) {
			return i, true // blocks takes the rest, eight bytes at a time
		}
	}
	return i, true
}

// cleanWordStep is cleanCharLen and wordStep at once for the character at
// s[i]: a joiner, a control character other than '\n', or not ASCII. ok is
// false when clean text cannot hold the character there.
func cleanWordStep(s string, i int, in uint8) (next int, after, started uint8, ok bool) {
	b := s[i]
	r, size := rune(b), 1
	switch {
	case b == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]-0x90 < 0x18:
		// U+2010–U+2027, dashes and quotes (“ ” ’ —): plain, NFC-inert,
		// no word character, decoded without a call
		r, size = 0x2000|rune(s[i+2]&0x3f), 3
	case b >= utf8.RuneSelf:
		r, size = utf8.DecodeRuneInString(s[i:])
		if !plainRune(r) || !nfcInert(r) {
			return 0, 0, 0, false
		}
		if isWordRune(r) {
			return i + size, 1, 1 &^ in, true
		}
	case b < ' ' || b == 0x7f:
		return 0, 0, 0, false
	}
	if in == 1 && joins(r, s, i, size) {
		return i + size, 1, 0, true // stays inside the word
	}
	return i + size, 0, 0, true
}

// cleanEdges runs the checks of cleanTextWords that look at s as a whole:
// visible characters at both ends, no '<', no double space, no entity
// reference. s must not be empty.
func cleanEdges(s string) bool {
	return visibleByte(s[0]) && visibleByte(s[len(s)-1]) && strings.IndexByte(s, '<') < 0 &&
		!strings.Contains(s, "  ") && plainAmpersands(s)
}

// classCtl is the class in cleanClass of the ASCII control characters (line
// breaks included), which clean text holds only as paragraph separators.
const classCtl uint8 = 8

// cleanClass is byteClass with the ASCII control characters in classCtl.
var cleanClass = func() (t [256]uint8) {
	t = byteClass
	for b := range t {
		if b < ' ' || b == 0x7f {
			t[b] = classCtl
		}
	}
	return t
}()

// cleanClassAt holds cleanClass shifted into place for each byte of an
// eight-byte block, so that classifying a byte takes one look-up and an OR:
// cleanClassAt[k][b] is cleanClass[b] << 8k. At 16 KB it is a small table
// still, read only by the clean-text pass.
var cleanClassAt = func() (t [8][256]uint64) {
	for k := range t {
		for b, c := range cleanClass {
			t[k][b] = uint64(c) << (8 * k)
		}
	}
	return t
}()

// bodyWords returns CountWords(rest) for the body of a story, rest being a
// suffix of joined, the clean text of pw without the paragraphs that hold
// captionWords words. It subtracts from the counts of pw rather than count
// again, when it can: rest starts joined or follows a space or line break,
// which no word spans.
func bodyWords(joined, rest string, pw *paragraphWords, captionWords int) int {
	r := len(joined) - len(rest)
	if !pw.ok || (r > 0 && joined[r-1] != ' ' && joined[r-1] != '\n') {
		return CountWords(rest)
	}
	return pw.total - captionWords - CountWords(joined[:r])
}
