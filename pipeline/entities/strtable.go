package entities

// strTable maps strings to int32 values without holding a pointer per key:
// the keys are concatenated in one string and found by open addressing over
// their FNV-1a hash, so the garbage collector scans two pointers in all.
type strTable struct {
	keys  string    // every key, concatenated
	slots []strSlot // len a power of two, at most half full
}

// strSlot is one key: keys[off:off+n] with hash h and value val-1 (0: the
// slot is empty).
type strSlot struct {
	h      uint32
	off, n uint32
	val1   int32
}

// fnv32 is the FNV-1a hash of w.
func fnv32[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
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
		h := fnv32(k)
		i := h & uint32(size-1)
		for t.slots[i].val1 != 0 {
			i = (i + 1) & uint32(size-1)
		}
		t.slots[i] = strSlot{h: h, off: uint32(len(keys)), n: uint32(len(k)), val1: v + 1}
		keys = append(keys, k...)
	}
	t.keys = string(keys)
	return t
}

// lookupKey returns the value of key w in t, given w's fnv32 hash h.
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

// find returns the value of key w, given its fnv32 hash h, or -1: lookupKey
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
func (t *strTable) get(w string) (int32, bool) { return lookupKey(t, w, fnv32(w)) }
