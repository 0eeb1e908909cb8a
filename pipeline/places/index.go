package places

import (
	"fmt"
	"math/bits"
	"strings"
)

// nameIndex maps folded word sequences to their readings. It is an
// open-addressing hash table whose slots hold everything a lookup needs (a
// hash tag, where the key and its readings are), over pointer-free arrays:
// the garbage collector has nothing to scan in it, and a lookup touches one
// slot and, when the tag matches, the key's bytes.
type nameIndex struct {
	slots []nameSlot
	mask  uint64 // len(slots) - 1
	cands []cand // the readings of all keys, back to back
	keys  string // the keys back to back
}

// nameSlot is one key of the index: keys[key:key+keyLen()], its readings
// cands[cand:cand+ncand], and whether a longer name starts with it. tag is 0
// in an empty slot.
type nameSlot struct {
	tag, key, cand uint32
	n              uint16 // key length, and longerBit
	ncand          uint16
}

// longerBit in nameSlot.n marks a key that starts a longer name.
const longerBit = 1 << 15

func (e *nameSlot) keyLen() uint32 { return uint32(e.n &^ longerBit) }

// longer reports whether a longer name starts with e's key.
func (e *nameSlot) longer() bool { return e.n&longerBit != 0 }

// A key's hash is the 32-bit FNV-1a hash of its first word (wordHash: the
// entity tokenizer's text.Token.LowerHash of a word of ASCII letters, which
// the matcher then need not hash again), extended by 64-bit FNV-1a a byte
// at a time with the rest of the key from its first space on, so the
// matcher can extend a key's hash word by word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHash is the hash a key whose first word is w starts with: 32-bit
// FNV-1a (as text.Token.LowerHash when w is a folded word of ASCII letters).
func wordHash[T string | []byte](w T) uint64 {
	h := uint32(fnv32Offset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * fnv32Prime
	}
	return uint64(h)
}

// hashAdd extends the FNV-1a hash h with the bytes of s.
func hashAdd[T string | []byte](h uint64, s T) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix spreads the bits of a key's hash for the table and the Bloom filter.
func mix(h uint64) uint64 {
	return (h ^ h>>32) * 0x9E3779B97F4A7C15
}

// keyHash returns the mixed hash of a whole key: wordHash of its first word
// extended with the rest.
func keyHash[T string | []byte](key T) uint64 {
	for j := 0; j < len(key); j++ {
		if key[j] == ' ' {
			return mix(hashAdd(wordHash(key[:j]), key[j:]))
		}
	}
	return mix(wordHash(key))
}

// slotTag is the tag of a key whose mixed hash is m: never 0.
func slotTag(m uint64) uint32 { return uint32(m) | 1 }

// find returns the slot of key, whose mixed hash is m, or nil.
func (x *nameIndex) find(key []byte, m uint64) *nameSlot {
	tag := slotTag(m)
	for i := (m >> 20) & x.mask; ; i = (i + 1) & x.mask {
		e := &x.slots[i]
		if e.tag == tag && x.keys[e.key:e.key+e.keyLen()] == string(key) {
			return e
		}
		if e.tag == 0 {
			return nil
		}
	}
}

// candsOf returns the readings of e (shared: never modify).
func (x *nameIndex) candsOf(e *nameSlot) []cand {
	end := e.cand + uint32(e.ncand)
	return x.cands[e.cand:end:end]
}

// lookupBytes returns the readings of a folded name.
func (g *Gazetteer) lookupBytes(key []byte) ([]cand, bool) {
	e := g.idx.find(key, keyHash(key))
	if e == nil {
		return nil, false
	}
	return g.idx.candsOf(e), e.ncand > 0
}

// lookup returns the readings of a folded name.
func (g *Gazetteer) lookup(key string) ([]cand, bool) {
	return g.lookupBytes([]byte(key))
}

// buildIndex packs the builder's entries into a nameIndex (slots at most
// two-thirds full) and notes their first words in first and lowerFirst.
func buildIndex(ents []rawEntry, first *firstBits, lowerFirst *hashBits) (nameIndex, error) {
	size := 1 << bits.Len(uint(len(ents)+len(ents)/2))
	x := nameIndex{slots: make([]nameSlot, size), mask: uint64(size - 1)}
	var keys strings.Builder
	nc := 0
	for i := range ents {
		nc += len(ents[i].cands)
	}
	x.cands = make([]cand, 0, nc)
	for i := range ents {
		r := &ents[i]
		if len(r.key) >= longerBit || len(r.cands) > 0xffff || keys.Len() > 1<<31 {
			return nameIndex{}, fmt.Errorf("name index: key %q too long or too many readings", r.key)
		}
		m := keyHash(r.key)
		e := nameSlot{tag: slotTag(m), key: uint32(keys.Len()), n: uint16(len(r.key)),
			cand: uint32(len(x.cands)), ncand: uint16(len(r.cands))}
		if r.longer {
			e.n |= longerBit
		}
		keys.WriteString(r.key)
		x.cands = append(x.cands, r.cands...)
		j := (m >> 20) & x.mask
		for x.slots[j].tag != 0 {
			j = (j + 1) & x.mask
		}
		x.slots[j] = e
		fw := firstWord(r.key)
		first.add(keyHash(fw))
		lowerFirst.addWord(fw)
		if singularRegion(fw) {
			lowerFirst.addWord(fw + "s") // "regions" folds to "region"
		}
	}
	x.keys = keys.String()
	return x, nil
}

// firstWord returns the part of a key before its first space.
func firstWord(key string) string {
	w, _, _ := strings.Cut(key, " ")
	return w
}
