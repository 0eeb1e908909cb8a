// Package words holds small fixed sets of lower-case words that the mention,
// quote and stance rules test tokens against, with a pre-filter that turns most
// non-members away without a map lookup.
package words

import "math/bits"

// Set is an immutable set of non-empty words. Build it with NewSet; it is
// safe for concurrent use.
type Set struct {
	// filter is a one-hash Bloom filter of the members, with at least 32
	// bits per member: bit hash(w) >> shift is set for every member w.
	filter []uint64
	// fnv is the same kind of filter over the FNV-1a hashes of the
	// members, for HasHash.
	fnv   []uint64
	shift uint
	// slots is an open-addressing table of the members by FNV-1a hash,
	// at most half full: a lookup reuses the hash the filters need (or the
	// tokenizer computed) instead of hashing the word again for a map.
	slots []slot
	n     int
}

// slot is one entry of a Set's table; w is "" in an empty slot.
type slot struct {
	h uint32
	w string
}

// NewSet returns the set of ws; it panics if one of them is empty.
func NewSet(ws ...string) *Set {
	logBits := max(10, bits.Len(uint(len(ws)))+5)
	s := &Set{filter: make([]uint64, 1<<logBits/64), fnv: make([]uint64, 1<<logBits/64),
		shift: uint(32 - logBits), slots: make([]slot, 2<<bits.Len(uint(len(ws))))}
	for _, w := range ws {
		if w == "" {
			panic("words: empty word in a set")
		}
		f := FNV(w)
		if s.lookup(w, f) {
			continue
		}
		s.insert(w, f)
		h := hash(w) >> s.shift
		s.filter[h/64] |= 1 << (h % 64)
		h = f >> s.shift
		s.fnv[h/64] |= 1 << (h % 64)
	}
	return s
}

// insert adds w, with FNV-1a hash h, to the table; w is not in it.
func (s *Set) insert(w string, h uint32) {
	mask := uint32(len(s.slots) - 1)
	i := h & mask
	for s.slots[i].w != "" {
		i = (i + 1) & mask
	}
	s.slots[i] = slot{h: h, w: w}
	s.n++
}

// lookup reports whether w, with FNV-1a hash h, is in the table.
func (s *Set) lookup(w string, h uint32) bool {
	mask := uint32(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.w == "" {
			return false
		}
		if sl.h == h && sl.w == w {
			return true
		}
	}
}

// KeySet returns the set of the keys of m.
func KeySet[V any](m map[string]V) *Set {
	ws := make([]string, 0, len(m))
	for w := range m {
		ws = append(ws, w)
	}
	return NewSet(ws...)
}

// Has reports whether w is in the set.
func (s *Set) Has(w string) bool {
	if w == "" {
		return false
	}
	h := hash(w) >> s.shift
	return s.filter[h/64]>>(h%64)&1 != 0 && s.lookup(w, FNV(w))
}

// HasHash is Has for a word whose FNV-1a hash h (see FNV) is known, as
// the tokenizer computes it for plain words; h is 0 when it is not known.
func (s *Set) HasHash(w string, h uint32) bool {
	if h == 0 {
		h = FNV(w)
	}
	b := h >> s.shift
	return s.fnv[b/64]>>(b%64)&1 != 0 && s.lookup(w, h)
}

// MayHaveHash reports whether a word with FNV-1a hash h (not 0) may be in
// the set: false means it is not; true needs HasHash to be sure.
func (s *Set) MayHaveHash(h uint32) bool {
	h >>= s.shift
	return s.fnv[h/64]>>(h%64)&1 != 0
}

// Filter returns the set's filter of FNV-1a hashes: a small value to copy
// into a local before a loop that tests many hashes.
func (s *Set) Filter() Filter { return Filter{bits: s.fnv, shift: s.shift} }

// Filter is a copy of a Set's filter of FNV-1a hashes (see MayHaveHash).
type Filter struct {
	bits  []uint64
	shift uint
}

// MayHave is Set.MayHaveHash: false means no word with FNV-1a hash h (not
// 0) is in the set; true needs HasHash to be sure.
func (f Filter) MayHave(h uint32) bool {
	h >>= f.shift
	return f.bits[h/64]>>(h%64)&1 != 0
}

// FNV returns the 32-bit FNV-1a hash of w (a string or its bytes alike).
func FNV[S ~string | ~[]byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// Len returns the number of words in the set.
func (s *Set) Len() int { return s.n }

// hash mixes the length and the first, middle and last bytes of a
// non-empty word into 32 bits whose top bits index a filter.
func hash(w string) uint32 {
	n := len(w)
	x := uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(min(n, 255))<<24
	return x * 0x9E3779B1
}
