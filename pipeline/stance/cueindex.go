package stance

import (
	"math/bits"

	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// cueIndex finds the cues starting with a word by the word's FNV-1a hash
// (words.FNV), which the tokenizer computed already for most tokens
// (text.Token.LowerHash): one filter test turns most words away, and a
// word that passes is looked up in a small open-addressing table, with no
// map lookup and no second hash of its text. It is immutable once built.
type cueIndex struct {
	// filter is a two-bit Bloom filter of the first words' hashes: bits
	// h >> (32-cueFilterLog) and h & (1<<cueFilterLog - 1) are set for
	// every first word with hash h.
	filter [1 << cueFilterLog / 64]uint64
	// top is the filter's bit h >> (32-cueFilterLog) as a byte per bit:
	// next tests it on every token with one load.
	top   [1 << cueFilterLog]bool
	slots []cueSlot // len a power of two, at most half full
}

// cueFilterLog is log2 of the number of bits of a cueIndex's filter: with
// about 200 first words, about one word in 400 passes it by chance.
const cueFilterLog = 13

// cueSlot holds the cues starting with word w (hash h); cs is nil in an
// empty slot.
type cueSlot struct {
	h  uint32
	w  string
	cs []cue
}

// newCueIndex returns the index of m, which maps a first word to its cues.
func newCueIndex(m map[string][]cue) *cueIndex {
	x := &cueIndex{slots: make([]cueSlot, 2<<bits.Len(uint(len(m))))}
	mask := uint32(len(x.slots) - 1)
	for w, cs := range m {
		h := words.FNV(w)
		i := h & mask
		for x.slots[i].cs != nil {
			i = (i + 1) & mask
		}
		x.slots[i] = cueSlot{h: h, w: w, cs: cs}
		for _, b := range [2]uint32{h >> (32 - cueFilterLog), h & (1<<cueFilterLog - 1)} {
			x.filter[b/64] |= 1 << (b % 64)
		}
	}
	x.filter[0] |= 1 // see next
	for b := range x.top {
		x.top[b] = x.filter[b/64]>>(b%64)&1 != 0
	}
	return x
}

// mayHave reports whether a word with hash h may start a cue: false means
// it does not.
func (x *cueIndex) mayHave(h uint32) bool {
	b1, b2 := h>>(32-cueFilterLog), h&(1<<cueFilterLog-1)
	return x.filter[b1/64]>>(b1%64)&1 != 0 && x.filter[b2/64]>>(b2%64)&1 != 0
}

// lookup returns the cues starting with word w of hash h, or nil.
func (x *cueIndex) lookup(w string, h uint32) []cue {
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.cs == nil || s.h == h && s.w == w {
			return s.cs
		}
	}
}

// next returns the index of the first token from k on that may start a
// cue, or len(toks): a token of ASCII letters whose hash fails the filter
// does not, nor does a token with a digit (no cue word has one). The loop
// tests one filter bit per token (one byte of top), calls nothing and reads
// no token text; a token with no hash (0) passes that test, as bit 0 is
// always set.
func (x *cueIndex) next(toks []text.Token, k int) int {
	top, rest := &x.top, toks[k:]
	for i := range rest {
		h := rest[i].LowerHash
		if !top[h>>(32-cueFilterLog)] {
			continue
		}
		if h != 0 && x.mayHave(h) || h == 0 && rest[i].Flags&text.Digit == 0 {
			return k + i
		}
	}
	return len(toks)
}

// at returns the cues starting at token k of d, or nil.
func (x *cueIndex) at(d *doc, k int) []cue {
	w, h := d.Word(k), d.Toks[k].LowerHash
	if h == 0 {
		h = words.FNV(w)
		if !x.mayHave(h) {
			return nil
		}
	}
	return x.lookup(w, h)
}
