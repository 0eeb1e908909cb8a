package normalize

// wordSet maps words to small values, like a map[string]uint16, but finds a
// word of up to eight bytes without hashing a string: the word's bytes,
// packed into a uint64, are the key of a pointer-free open-addressing table.
// Longer words go to an ordinary map. It is read-only once built, so safe
// for concurrent use.
type wordSet struct {
	slots []wordSlot // a power of two in size, at most a quarter full
	shift uint       // 64 - log2(len(slots))
	long  map[string]uint16
}

// wordSlot is one entry of a wordSet's table; key 0 marks an empty slot (no
// word packs to 0: a word is not empty and holds no NUL byte).
type wordSlot struct {
	key uint64
	val uint16
}

// newWordSet returns a wordSet holding the words of m with their values.
// Words must not be empty or hold a NUL byte, and values must not be 0.
func newWordSet(m map[string]uint16) *wordSet {
	size, shift := 16, uint(64-4)
	for size < 4*len(m) {
		size, shift = size*2, shift-1
	}
	t := &wordSet{slots: make([]wordSlot, size), shift: shift, long: map[string]uint16{}}
	for w, v := range m {
		if len(w) > 8 {
			t.long[w] = v
			continue
		}
		i := t.home(packWord(w))
		for t.slots[i].key != 0 {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = wordSlot{packWord(w), v}
	}
	return t
}

// home returns the first slot to probe for key.
func (t *wordSet) home(key uint64) int {
	return int((key * 0x9e3779b97f4a7c15) >> t.shift)
}

// find returns the value of the word of at most eight bytes packed in key
// (by packWord), or 0 when the set does not hold it.
func (t *wordSet) find(key uint64) uint16 {
	for i := t.home(key); ; i = (i + 1) & (len(t.slots) - 1) {
		switch t.slots[i].key {
		case key:
			return t.slots[i].val
		case 0:
			return 0
		}
	}
}

// get returns the value of w, a word without NUL bytes, or 0 when the set
// does not hold it.
func (t *wordSet) get(w string) uint16 {
	if len(w) > 8 {
		return t.long[w]
	}
	return t.find(packWord(w))
}

// packWord packs a word of at most eight bytes into a uint64, byte k in bits
// 8k..8k+7 and zeros above the word, as load8 reads eight bytes.
func packWord(w string) uint64 {
	var k uint64
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// lowBytes masks the low n bytes of a uint64, for n from 0 to 8.
var lowBytes = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff,
	0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff}
