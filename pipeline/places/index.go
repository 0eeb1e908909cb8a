package places

import (
	"fmt"
	"math/bits"
	"strings"
)

// nameIndex maps folded word sequences to their readings. It is an
// open-addressing hash table of uint64 slots over pointer-free arrays: the
// garbage collector has nothing to scan in it.
type nameIndex struct {
	slots []uint64  // tag<<32 | (entry index + 1); 0 is empty
	mask  uint64    // len(slots) - 1
	ents  []nameEnt // one per key
	cands []cand    // the readings of all keys, back to back
	keys  string    // the keys back to back
}

// nameEnt is one key of the index: keys[off:off+n], its readings
// cands[cand:cand+ncand], and whether a longer name starts with it.
type nameEnt struct {
	off, cand uint32
	n, ncand  uint16
	longer    bool
}

// FNV-1a, 64 bits: keys are hashed a byte at a time, so the matcher can
// extend a key's hash word by word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashAdd extends the FNV-1a hash h with the bytes of s.
func hashAdd[T string | []byte](h uint64, s T) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix spreads the bits of an FNV hash for the table and the Bloom filter.
func mix(h uint64) uint64 {
	return (h ^ h>>32) * 0x9E3779B97F4A7C15
}

// keyHash returns the mixed hash of a whole key.
func keyHash[T string | []byte](key T) uint64 { return mix(hashAdd(fnvOffset, key)) }

// find returns the entry of key, whose mixed hash is m, or nil.
func (x *nameIndex) find(key []byte, m uint64) *nameEnt {
	tag := uint32(m)
	for i := (m >> 20) & x.mask; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s == 0 {
			return nil
		}
		if uint32(s>>32) != tag {
			continue
		}
		e := &x.ents[uint32(s)-1]
		if x.keys[e.off:e.off+uint32(e.n)] == string(key) {
			return e
		}
	}
}

// candsOf returns the readings of e (shared: never modify).
func (x *nameIndex) candsOf(e *nameEnt) []cand {
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
// two-thirds full) and notes their first words in first.
func buildIndex(ents []rawEntry, first *firstBits) (nameIndex, error) {
	size := 1 << bits.Len(uint(len(ents)+len(ents)/2))
	x := nameIndex{slots: make([]uint64, size), mask: uint64(size - 1), ents: make([]nameEnt, len(ents))}
	var keys strings.Builder
	nc := 0
	for i := range ents {
		nc += len(ents[i].cands)
	}
	x.cands = make([]cand, 0, nc)
	for i := range ents {
		r := &ents[i]
		if len(r.key) > 0xffff || len(r.cands) > 0xffff || keys.Len() > 1<<31 {
			return nameIndex{}, fmt.Errorf("name index: key %q too long or too many readings", r.key)
		}
		x.ents[i] = nameEnt{off: uint32(keys.Len()), n: uint16(len(r.key)), cand: uint32(len(x.cands)),
			ncand: uint16(len(r.cands)), longer: r.longer}
		keys.WriteString(r.key)
		x.cands = append(x.cands, r.cands...)
		m := keyHash(r.key)
		j := (m >> 20) & x.mask
		for x.slots[j] != 0 {
			j = (j + 1) & x.mask
		}
		x.slots[j] = uint64(uint32(m))<<32 | uint64(i+1)
		first.add(keyHash(firstWord(r.key)))
	}
	x.keys = keys.String()
	return x, nil
}

// firstWord returns the part of a key before its first space.
func firstWord(key string) string {
	w, _, _ := strings.Cut(key, " ")
	return w
}
