package entities

import "github.com/warwire/warwire/pipeline/entities/words"

// strTable maps strings to int32 values without holding a pointer per key:
// the keys are concatenated in one string and found by open addressing over
// their FNV-1a hash, so the garbage collector scans two pointers in all.
type strTable struct {
	keys  string    // every key, concatenated
	slots []strSlot // len a power of two, at most half full
}

// strSlot is one key: keys[off:off+n] with hash h and value val-1 (0: the
// slot is empty). A key of at most eight bytes is also packed in pack (see
// pack8), so that findAt compares it without a call.
type strSlot struct {
	h      uint32
	off, n uint32
	val1   int32
	pack   uint64
}

// pack8 returns the first n bytes of s from byte i on, n from one to eight, as
// a little-endian integer; s has eight bytes from i on.
func pack8(s string, i, n int) uint64 {
	b := s[i : i+8]
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56 // one load
	return x & (^uint64(0) >> ((64 - 8*uint(n)) & 63)) // n is 1 to 8
}

// newStrTable builds the table of m.
func newStrTable(m map[string]int32) strTable {
	size := 8
	for size < 2*len(m) {
		size *= 2
	}
	n := 0
	for k := range m {
		n += len(k)
	}
	keys := make([]byte, 0, n)
	t := strTable{slots: make([]strSlot, size)}
	for k, v := range m {
		h := words.FNV(k)
		i := h & uint32(size-1)
		for t.slots[i].val1 != 0 {
			i = (i + 1) & uint32(size-1)
		}
		t.slots[i] = strSlot{h: h, off: uint32(len(keys)), n: uint32(len(k)), val1: v + 1}
		if n := len(k); n > 0 && n <= 8 {
			t.slots[i].pack = pack8(k+"\x00\x00\x00\x00\x00\x00\x00", 0, n)
		}
		keys = append(keys, k...)
	}
	t.keys = string(keys)
	return t
}

// lookupKey returns the value of key w in t, given w's words.FNV hash h.
func lookupKey[S string | []byte](t *strTable, w S, h uint32) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.val1 == 0 {
			return 0, false
		}
		if s.h == h && int(s.n) == len(w) && t.keys[s.off:s.off+s.n] == string(w) {
			return s.val1 - 1, true
		}
	}
}

// findAt returns the value of key s[i:j], given its words.FNV hash h, or -1:
// lookupKey for a string key, without generic code. A key of one to eight
// bytes with eight bytes of s from i on is compared packed (see pack8).
func (t *strTable) findAt(s string, i, j int, h uint32) int32 {
	n := j - i
	if n < 1 || n > 8 || i+8 > len(s) {
		return t.find(s[i:j], h)
	}
	return t.findPacked(pack8(s, i, n), n, h)
}

// findPacked returns the value of the key of n bytes, one to eight, packed
// in x (see pack8), given its words.FNV hash h, or -1. A slot whose packed key
// and length are x and n holds that very key, so its hash is not compared.
// It is small enough to be inlined.
func (t *strTable) findPacked(x uint64, n int, h uint32) int32 {
	mask := uint32(len(t.slots) - 1)
	for k := h & mask; len(t.slots) > 0; k = (k + 1) & mask {
		sl := &t.slots[k]
		if sl.pack == x && int(sl.n) == n {
			return sl.val1 - 1
		}
		if sl.val1 == 0 {
			break
		}
	}
	return -1
}

// find returns the value of key w, given its words.FNV hash h, or -1: lookupKey
// for a string key, without generic code.
func (t *strTable) find(w string, h uint32) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.val1 == 0 {
			return -1
		}
		if s.h == h && int(s.n) == len(w) && t.keys[s.off:s.off+s.n] == w {
			return s.val1 - 1
		}
	}
}

// get returns the value of key w.
func (t *strTable) get(w string) (int32, bool) { return lookupKey(t, w, words.FNV(w)) }
