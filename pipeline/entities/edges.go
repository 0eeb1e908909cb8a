package entities

// edgeTable maps the trie edges below the root, keyed node<<32 | word id,
// to their child node, by open addressing over a multiplicative hash: a
// lookup is a multiply, a shift and a probe or two in one pointer-free
// slice, where a Go map takes a call and its generic probing.
type edgeTable struct {
	slots []edgeSlot // len a power of two, at most half full
	shift uint       // 64 - log2(len(slots))
}

// edgeSlot is one edge; child 0 (the root, never a child) marks an empty
// slot.
type edgeSlot struct {
	key   uint64
	child int32
}

// edgeHash spreads a key over the 64 bits whose top ones index the table.
const edgeHash = 0x9E3779B97F4A7C15

// newEdgeTable builds the table of m, whose values are all non-zero.
func newEdgeTable(m map[uint64]int32) edgeTable {
	size, bits := 8, uint(3)
	for size < 2*len(m) {
		size, bits = size*2, bits+1
	}
	t := edgeTable{slots: make([]edgeSlot, size), shift: 64 - bits}
	mask := uint64(size - 1)
	for k, v := range m {
		i := (k * edgeHash) >> t.shift
		for t.slots[i].child != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = edgeSlot{key: k, child: v}
	}
	return t
}

// get returns the child along key, or 0 when there is none.
func (t *edgeTable) get(key uint64) int32 {
	if len(t.slots) == 0 {
		return 0
	}
	mask := uint64(len(t.slots) - 1)
	for i := (key * edgeHash) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i&mask]
		if s.child == 0 || s.key == key {
			return s.child
		}
	}
}
