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

// hashBits is a one-hash Bloom filter over the entity tokenizer's word hash
// (text.Token.LowerHash: 32-bit FNV-1a of the word in lower case), which
// tells most words of the body apart from a small set of words without
// folding them. Only words of lower-case ASCII letters are added: the hash
// is known only for words of ASCII letters, which fold to their lower case.
type hashBits struct {
	bits  []uint64
	shift uint8 // 32 minus the bits of an index
}

// newHashBits returns a filter of 1<<logBits bits (logBits >= 6).
func newHashBits(logBits uint8) *hashBits {
	return &hashBits{bits: make([]uint64, 1<<(logBits-6)), shift: 32 - logBits}
}

// addWord adds w when it is made of lower-case ASCII letters; other words
// have no hash to test.
func (b *hashBits) addWord(w string) {
	if w == "" {
		return
	}
	h := uint32(fnv32Offset)
	for i := 0; i < len(w); i++ {
		if w[i]-'a' >= 26 {
			return
		}
		h = (h ^ uint32(w[i])) * fnv32Prime
	}
	i := h * 0x9E3779B1 >> b.shift
	b.bits[i>>6] |= 1 << (i & 63)
}

// has reports whether a word with hash h may have been added; false is
// sure.
func (b *hashBits) has(h uint32) bool {
	i := h * 0x9E3779B1 >> b.shift
	return b.bits[i>>6]&(1<<(i&63)) != 0
}

// FNV-1a parameters of text.Token.LowerHash.
const (
	fnv32Offset = 2166136261
	fnv32Prime  = 16777619
)
