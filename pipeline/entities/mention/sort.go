package mention

import (
	"cmp"
	"slices"
	"sync"
)

// Bit widths of a packed sort key: first token, then the complement of the
// length, then the mention's index.
const (
	keyBits  = 21
	keyMask  = 1<<keyBits - 1
	maxToken = 1 << (64 - 2*keyBits)
)

// sortScratch is the memory sortMentions borrows.
type sortScratch struct {
	keys []uint64
	ms   []Mention
}

var sortPool = sync.Pool{New: func() any { return new(sortScratch) }}

// sortMentions sorts ms by first token, longer mentions first, exactly as
// slices.SortFunc with byStart does. It sorts packed integer keys, which
// needs no comparison calls; when two mentions cover the same tokens (the
// one case where the order of an unstable sort shows) it sorts the keys as
// slices.SortFunc sorts the mentions (see tiedKeys), and when the numbers
// do not fit the keys, it sorts with slices.SortFunc itself.
func sortMentions(ms []Mention) {
	if len(ms) < 2 {
		return
	}
	sc := sortPool.Get().(*sortScratch)
	defer sortPool.Put(sc)
	keys, ok := sortedKeys(sc.keys[:0], ms)
	sc.keys = keys
	if !ok {
		slices.SortFunc(ms, byStart)
		return
	}
	sc.ms = append(sc.ms[:0], ms...)
	for k, key := range keys {
		ms[k] = sc.ms[key&keyMask]
	}
}

// appendSorted appends ms to dst, which must not overlap it, in the order
// sortMentions gives them, without sorting them in place first.
func appendSorted(dst, ms []Mention) []Mention {
	n := len(dst)
	if len(ms) < 2 {
		return append(dst, ms...)
	}
	sc := sortPool.Get().(*sortScratch)
	defer sortPool.Put(sc)
	keys, ok := sortedKeys(sc.keys[:0], ms)
	sc.keys = keys
	if !ok {
		dst = append(dst, ms...)
		slices.SortFunc(dst[n:], byStart)
		return dst
	}
	dst = slices.Grow(dst, len(ms))
	for _, key := range keys {
		dst = append(dst, ms[key&keyMask])
	}
	return dst
}

// sortedKeys appends the packed sort keys of ms (first token, complement of
// the length, index) to keys and sorts them. It reports false when a
// number does not fit the keys: then ms must be sorted with
// slices.SortFunc. When two mentions cover the same tokens, the keys are
// left in the order that sort gives the mentions (see tiedKeys).
func sortedKeys(keys []uint64, ms []Mention) ([]uint64, bool) {
	if len(ms) > keyMask {
		return keys, false
	}
	for i, m := range ms {
		n := m.T1 - m.T0
		if m.T0 < 0 || m.T0 >= maxToken || n < 0 || n > keyMask {
			return keys, false
		}
		keys = append(keys, packKey(m, i))
	}
	if len(keys) <= 64 {
		insertionSort(keys)
	} else {
		slices.Sort(keys)
	}
	for k := 1; k < len(keys); k++ {
		if keys[k]>>keyBits == keys[k-1]>>keyBits {
			return tiedKeys(keys[:0], ms), true
		}
	}
	return keys, true
}

// tiedKeys appends the keys of ms, two of which cover the same tokens, to
// keys in the order slices.SortFunc(ms, byStart) leaves ms. That sort is
// unstable, but its algorithm is the same for every element type and looks
// only at the signs of the comparisons: sorting the keys in their first
// order by the same comparison (the keys without their index) moves them
// as it would move the mentions.
func tiedKeys(keys []uint64, ms []Mention) []uint64 {
	for i, m := range ms {
		keys = append(keys, packKey(m, i))
	}
	slices.SortFunc(keys, func(a, b uint64) int { return cmp.Compare(a>>keyBits, b>>keyBits) })
	return keys
}

// packKey packs mention m, at index i, into a sort key: first token,
// complement of the length, index. The caller has checked that the numbers
// fit (see sortedKeys).
func packKey(m Mention, i int) uint64 {
	return uint64(m.T0)<<(2*keyBits) | uint64(keyMask-(m.T1-m.T0))<<keyBits | uint64(i)
}

// byStart orders mentions by first token, longer ones first.
func byStart(a, b Mention) int {
	if a.T0 != b.T0 {
		return a.T0 - b.T0
	}
	return (b.T1 - b.T0) - (a.T1 - a.T0)
}

// insertionSort sorts a few keys, which arrive close to sorted (each
// entity's mentions are in text order), faster than slices.Sort does.
func insertionSort(keys []uint64) {
	for i := 1; i < len(keys); i++ {
		k, j := keys[i], i
		for ; j > 0 && keys[j-1] > k; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
}
