package places

// firstBits is a one-hash Bloom filter over the first words of all names: a
// capitalised word that starts no name ("President", "Monday") is rejected
// with one hash and one bit test, without touching the large maps.
// (wordHash >> 12 leaves 20 bits: 2^14 words of 64 bits.)
type firstBits [1 << 14]uint64 // 1 Mbit, 128 KiB: about 6% false positives

func wordHash(w []byte) uint32 {
	h := uint32(2166136261) // FNV-1a
	for _, c := range w {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

func (b *firstBits) add(w []byte) {
	h := wordHash(w) >> 12 // 20 bits
	b[h>>6] |= 1 << (h & 63)
}

func (b *firstBits) has(w []byte) bool {
	h := wordHash(w) >> 12
	return b[h>>6]&(1<<(h&63)) != 0
}
