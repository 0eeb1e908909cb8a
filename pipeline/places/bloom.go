package places

// firstBits is a one-hash Bloom filter over the first words of all names: a
// capitalised word that starts no name ("President", "Monday") is rejected
// with one bit test, without touching the large index. It is indexed by 20
// bits of the word's mixed hash (see mix): 2^14 words of 64 bits.
type firstBits [1 << 14]uint64 // 1 Mbit, 128 KiB: about 6% false positives

func (b *firstBits) add(m uint64) {
	h := m >> 44 // 20 bits
	b[h>>6] |= 1 << (h & 63)
}

func (b *firstBits) has(m uint64) bool {
	h := m >> 44
	return b[h>>6]&(1<<(h&63)) != 0
}
