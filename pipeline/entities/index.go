package entities

import (
	"slices"
	"strings"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// hitKind says how a dictionary phrase names its entity.
type hitKind uint8

const (
	hitAlias   hitKind = iota // the name or an alias: always a mention
	hitSeat                   // a seat of government ("the Kremlin"): always the country
	hitSurname                // a surname: a mention only after the full name
	hitTitle                  // an office ("the NATO chief"): resolved by date
	hitGeneric                // "the president": the holder, if named in full in the story
	hitDemonym                // "Russian": the country only in actor position
	hitCapital                // "Moscow": the country only in actor position
)

// payload is what a dictionary phrase stands for.
type payload struct {
	kind hitKind
	ref  int32 // entity index, or title index for hitTitle
	// acronym: the phrase was written in capitals ("US", "UN"), so the text
	// must be in capitals too.
	acronym bool
}

// kbEntity is a compiled knowledge-base entity.
type kbEntity struct {
	pipeline.Entity
	roles []kbRole
}

type kbRole struct {
	title    int32
	from, to time.Time
}

type kbTitle struct {
	name    string
	owner   int32   // the country or organisation whose office it is, or -1
	holders []int32 // entity indexes holding the title at some time
}

// Index is a compiled knowledge base: a token trie over folded phrases. It is
// read-only after construction and safe for concurrent use. Its tables hold
// few pointers, so that the garbage collector has little to scan.
type Index struct {
	ents    []kbEntity
	homonym []bool // entity is a country named like a U.S. state
	titles  []kbTitle
	byID    strTable  // entity id → entity index
	vocab   strTable  // folded word → vocabulary id
	stems   strTable  // Cyrillic stems → vocabulary id
	edges   edgeTable // node<<32 | token id → child node
	// pays[payAt[n]:payAt[n+1]] are the payloads ending at node n; 0 is
	// the root.
	pays  []payload
	payAt []int32
	// filter has the bit filterBit(words.FNV(w)) set for every vocabulary word
	// w, so most body words are rejected without a table lookup.
	filter [filterWords]uint64
	// startFilter is filter for the vocabulary words a phrase starts with (those
	// with a rootChild), so scan passes over most body words at once.
	startFilter [filterWords]uint64
	// nextFilter has the bit pairBit(n, words.FNV(w)) set for every edge
	// from a node n other than the root along a word w, so that a phrase's
	// walk stops at most words it cannot go on into without a table lookup.
	nextFilter [filterWords]uint64
	// rootChild is the child of the root node for each vocabulary id, or 0.
	rootChild []int32
	version   string
}

// filterWords is the size of Index.filter in 64-bit words.
const filterWords = 1 << 10

// filterBit reduces the words.FNV hash of a folded word to a bit index of
// Index.filter.
func filterBit(h uint32) uint32 { return (h ^ h>>16) & (filterWords*64 - 1) }

// pairBit reduces trie node n and the words.FNV hash h of a folded word to
// a bit index of Index.nextFilter.
func pairBit(n int32, h uint32) uint32 { return filterBit(h ^ uint32(n)*0x9E3779B1) }

// mayHave reports whether the word with words.FNV hash h may be a vocabulary
// word (false: surely not).
func (ix *Index) mayHave(h uint32) bool {
	b := filterBit(h)
	return ix.filter[b>>6]&(1<<(b&63)) != 0
}

// payloads returns the payloads ending at trie node n.
func (ix *Index) payloads(n int32) []payload { return ix.pays[ix.payAt[n]:ix.payAt[n+1]] }

// caseEndings are Ukrainian and Russian noun and adjective endings stripped
// from a Cyrillic word that is not in the vocabulary. They are tried
// shortest first, so the longest stem that is known wins ("Китая" is
// "Китай", not "Кит").
var caseEndings = []string{"ого", "ому", "ими", "ыми", "ові", "еві", "ією", "ою", "ею", "єю", "ої", "ой", "ий", "ій", "ый",
	"ых", "их", "ая", "ую", "юю", "ым", "им", "ом", "ем", "ей", "ів", "ов", "ев", "ам", "ям", "ах", "ях",
	"у", "ю", "а", "я", "е", "і", "ї", "и", "ы", "ь", "є"}

func init() {
	slices.SortStableFunc(caseEndings, func(a, b string) int { return len(a) - len(b) })
}

// child returns the child of node along vocabulary word id.
func (ix *Index) child(node, id int32) (int32, bool) {
	if node == 0 {
		if int(id) >= len(ix.rootChild) || ix.rootChild[id] == 0 {
			return 0, false
		}
		return ix.rootChild[id], true
	}
	next := ix.edges.get(uint64(node)<<32 | uint64(uint32(id)))
	return next, next != 0
}

// starts reports whether a phrase starts with vocabulary word id: whether
// the root node has a child along it.
func (ix *Index) starts(id int32) bool {
	return int(id) < len(ix.rootChild) && ix.rootChild[id] != 0
}

// lookup returns the vocabulary id of a folded body word w with words.FNV hash
// h, or -1.
func lookup[S string | []byte](ix *Index, w S, h uint32, cyrillic bool) int32 {
	if ix.mayHave(h) {
		if id, ok := lookupKey(&ix.vocab, w, h); ok {
			return id
		}
	}
	if !cyrillic {
		return -1
	}
	s := string(w)
	for _, suf := range caseEndings {
		if stem, ok := strings.CutSuffix(s, suf); ok && runeLen(stem) >= 3 {
			if id, ok := ix.stems.get(stem); ok {
				return id
			}
		}
	}
	return -1
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if r >= 0x400 && r <= 0x4FF {
			return true
		}
	}
	return false
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// holder returns the entity holding title t on date d, or -1 when none or
// more than one does.
func (ix *Index) holder(t int32, d time.Time) int32 {
	found := int32(-1)
	for _, e := range ix.titles[t].holders {
		for _, r := range ix.ents[e].roles {
			if r.title != t || (!r.from.IsZero() && d.Before(r.from)) || (!r.to.IsZero() && !d.Before(r.to)) {
				continue
			}
			if found >= 0 && found != e {
				return -1
			}
			found = e
		}
	}
	return found
}

// Len returns the number of entities in the index.
func (ix *Index) Len() int { return len(ix.ents) }

// Version identifies the knowledge-base data the index was built from.
func (ix *Index) Version() string { return ix.version }

// Entity returns the knowledge-base entity with id, if any.
func (ix *Index) Entity(id string) (pipeline.Entity, bool) {
	n, ok := ix.byID.get(id)
	if !ok {
		return pipeline.Entity{}, false
	}
	return ix.ents[n].Entity, true
}
