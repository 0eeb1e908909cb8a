package places

import "encoding/binary"

// wordClass is a set of the veto word lists a folded word belongs to (see
// veto.go), so the matcher looks a word up once, not once per list.
type wordClass uint16

const (
	clsActorVerb wordClass = 1 << iota
	clsPlacePreposition
	clsTitle
	clsQualifier
	clsGivenName
	clsPlaceNoun
	clsAuxiliary
	clsActorBefore
	clsActorNoun
	clsGovNoun
	clsRegionNext // "Donetsk Governor", "Kherson regional"
	clsRegionPrev // German "Region Kursk", "Gebiet Kursk"
	clsRegionWord // "region", "oblast", "province"
	// clsKnown marks a token whose class has been computed.
	clsKnown wordClass = 1 << 15
)

// wordClasses holds every word of the veto lists with its classes. It is
// built once from the lists and never modified afterwards.
var wordClasses = buildWordClasses()

func buildWordClasses() *classTable {
	lists := []struct {
		words map[string]bool
		cls   wordClass
	}{
		{actorVerbs, clsActorVerb}, {placePrepositions, clsPlacePreposition},
		{titles, clsTitle}, {qualifiers, clsQualifier}, {givenNames, clsGivenName},
		{placeNouns, clsPlaceNoun}, {auxiliaries, clsAuxiliary},
		{actorBefore, clsActorBefore}, {actorNouns, clsActorNoun}, {govNouns, clsGovNoun},
		{regionNext, clsRegionNext}, {regionPrev, clsRegionPrev}, {regionWords, clsRegionWord},
	}
	t := new(classTable)
	for _, l := range lists {
		for w, ok := range l.words {
			if ok {
				t.add(w, l.cls)
			}
		}
	}
	return t
}

// classTable is a small open-addressing table from words of at most 16
// bytes to their classes; the words are stored as two zero-padded 64-bit
// halves, so a lookup hashes and compares two integers.
type classTable struct {
	slots [1 << classBits]classSlot
}

const classBits = 10 // 1,024 slots for a few hundred words

type classSlot struct {
	lo, hi uint64
	n      uint8 // word length; 0 in an empty slot
	cls    wordClass
}

// pack splits w (1 to 16 bytes) into two zero-padded little-endian halves,
// with overlapping loads instead of a copy.
func pack[T string | []byte](w T) (lo, hi uint64) {
	n := len(w)
	switch {
	case n >= 8:
		lo = binary.LittleEndian.Uint64([]byte(w[:8]))
		hi = binary.LittleEndian.Uint64([]byte(w[n-8:])) >> (8 * (16 - n)) // bytes 8..n-1
	case n >= 4:
		tail := binary.LittleEndian.Uint32([]byte(w[n-4:])) >> (8 * (8 - n)) // bytes 4..n-1
		lo = uint64(binary.LittleEndian.Uint32([]byte(w[:4]))) | uint64(tail)<<32
	default:
		lo = uint64(w[0]) | uint64(w[n/2])<<(8*(n/2)) | uint64(w[n-1])<<(8*(n-1))
	}
	return lo, hi
}

func classHash(lo, hi uint64, n int) uint64 {
	return ((lo*0x9E3779B97F4A7C15 ^ hi*0xC2B2AE3D27D4EB4F) + uint64(n)) * 0x165667B19E3779F9 >> (64 - classBits)
}

// add adds the classes c to word w (1 to 16 bytes).
func (t *classTable) add(w string, c wordClass) {
	if len(w) == 0 || len(w) > 16 {
		panic("places: veto word of 1 to 16 bytes expected: " + w)
	}
	lo, hi := pack(w)
	for i := classHash(lo, hi, len(w)); ; i = (i + 1) & (1<<classBits - 1) {
		e := &t.slots[i]
		if e.n == 0 {
			*e = classSlot{lo: lo, hi: hi, n: uint8(len(w))}
		}
		if e.lo == lo && e.hi == hi && int(e.n) == len(w) {
			e.cls |= c
			return
		}
	}
}

// get returns the classes of w: 0 when it is in no list.
func (t *classTable) get(w []byte) wordClass {
	if len(w) == 0 || len(w) > 16 {
		return 0
	}
	lo, hi := pack(w)
	for i := classHash(lo, hi, len(w)); ; i = (i + 1) & (1<<classBits - 1) {
		e := &t.slots[i]
		if e.lo == lo && e.hi == hi && int(e.n) == len(w) {
			return e.cls
		}
		if e.n == 0 {
			return 0
		}
	}
}

// is reports whether token i (folded) is in one of the lists of c; false
// outside the text. The token's classes are looked up once per text.
func (s *scanner) is(i int, c wordClass) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	k := s.cls[i]
	if k == 0 {
		if h := s.hash(i); h != 0 && !classWords.has(h) {
			k = clsKnown // a word of ASCII letters that folds to no list word
		} else {
			k = wordClasses.get(s.word(i)) | clsKnown
		}
		s.cls[i] = k
	}
	return k&c != 0
}

// classWords holds the words of wordClasses for the entity tokenizer's
// hash, and the plurals pluralRegion folds into one of them. It is built
// once and never modified afterwards.
var classWords = func() *hashBits {
	b := newHashBits(12)
	for _, e := range wordClasses.slots {
		if w := e.word(); w != "" {
			b.addWord(w)
			if singularRegion(w) {
				b.addWord(w + "s")
			}
		}
	}
	return b
}()

// word returns the word in slot e ("" for an empty slot).
func (e *classSlot) word() string {
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], e.lo)
	binary.LittleEndian.PutUint64(b[8:], e.hi)
	return string(b[:e.n])
}
