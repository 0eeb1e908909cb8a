// Package words holds small fixed sets of lower-case words that the quote
// and stance rules test tokens against, with a pre-filter that turns most
// non-members away without a map lookup.
package words

// filterLog is log2 of the filter's size in bits.
const filterLog = 11

// Set is an immutable set of words. Build it with NewSet; it is safe for
// concurrent use.
type Set struct {
	filter [1 << filterLog / 64]uint64 // bit Hash(w) set for every member w
	m      map[string]bool
}

// NewSet returns the set of ws; it panics if one of them is empty.
func NewSet(ws ...string) *Set {
	s := &Set{m: make(map[string]bool, len(ws))}
	for _, w := range ws {
		if w == "" {
			panic("words: empty word in a set")
		}
		s.m[w] = true
		h := hash(w)
		s.filter[h/64] |= 1 << (h % 64)
	}
	return s
}

// Has reports whether w is in the set.
func (s *Set) Has(w string) bool {
	if w == "" {
		return false
	}
	h := hash(w)
	return s.filter[h/64]>>(h%64)&1 != 0 && s.m[w]
}

// Len returns the number of words in the set.
func (s *Set) Len() int { return len(s.m) }

// hash mixes the length and the first, middle and last bytes of a
// non-empty word into a bit index of a filter.
func hash(w string) uint32 {
	n := len(w)
	x := uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(min(n, 255))<<24
	return x * 0x9E3779B1 >> (32 - filterLog)
}
