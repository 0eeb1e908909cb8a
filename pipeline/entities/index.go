package entities

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
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
	byID    strTable         // entity id → entity index
	vocab   strTable         // folded word → vocabulary id
	stems   strTable         // Cyrillic stems → vocabulary id
	edges   map[uint64]int32 // node<<32 | token id → child node
	// pays[payAt[n]:payAt[n+1]] are the payloads ending at node n; 0 is
	// the root.
	pays  []payload
	payAt []int32
	// filter has the bit filterBit(fnv32(w)) set for every vocabulary word
	// w, so most body words are rejected without a table lookup.
	filter [filterWords]uint64
	// rootChild is the child of the root node for each vocabulary id, or 0.
	rootChild []int32
	version   string
}

// compiler holds the maps an Index is built from.
type compiler struct {
	*Index
	byID  map[string]int32
	vocab map[string]int32
	stems map[string]int32 // Cyrillic stems → vocabulary id
	exact map[string]bool  // Cyrillic stems that are whole vocabulary words
	nodes [][]payload      // payloads ending at each node; 0 is the root
}

// filterWords is the size of Index.filter in 64-bit words.
const filterWords = 1 << 10

// filterBit reduces the fnv32 hash of a folded word to a bit index of
// Index.filter.
func filterBit(h uint32) uint32 { return (h ^ h>>16) & (filterWords*64 - 1) }

// mayHave reports whether the word with fnv32 hash h may be a vocabulary
// word (false: surely not).
func (ix *Index) mayHave(h uint32) bool {
	b := filterBit(h)
	return ix.filter[b>>6]&(1<<(b&63)) != 0
}

// Compile builds the matching index of a validated knowledge base. data is
// the source the version is derived from.
func Compile(f *KBFile, data []byte) *Index {
	sum := sha256.Sum256(data)
	ix := &compiler{
		Index: &Index{
			edges:   make(map[uint64]int32, 8*len(f.Entities)),
			version: hex.EncodeToString(sum[:6]),
		},
		byID:  make(map[string]int32, len(f.Entities)),
		vocab: make(map[string]int32, 4*len(f.Entities)),
		stems: make(map[string]int32),
		exact: make(map[string]bool),
		nodes: [][]payload{nil},
	}
	titleIx := make(map[string]int32, len(f.Titles))
	for i, t := range f.Titles {
		titleIx[t.Title] = int32(i)
		ix.titles = append(ix.titles, kbTitle{name: t.Title, owner: -1})
		for _, a := range append([]string{t.Title}, t.Aliases...) {
			ix.add(a, payload{kind: hitTitle, ref: int32(i)})
		}
		for _, a := range t.Generic {
			ix.add(a, payload{kind: hitGeneric, ref: int32(i)})
		}
	}
	byCode := make(map[string]int32)
	for i := range f.Entities {
		e := &f.Entities[i]
		ix.addEntity(e, int32(i), titleIx)
		ix.homonym = append(ix.homonym, e.USStateHomonym)
		if e.Type == pipeline.EntityCountry {
			byCode[e.CountryCode] = int32(i)
		}
	}
	for i, t := range f.Titles {
		if o, ok := ix.byID[t.Org]; ok {
			ix.titles[i].owner = o
		} else if c, ok := byCode[t.Country]; ok {
			ix.titles[i].owner = c
		}
	}
	return ix.finish()
}

// finish moves the maps into the Index's pointer-light tables.
func (c *compiler) finish() *Index {
	ix := c.Index
	ix.byID, ix.vocab, ix.stems = newStrTable(c.byID), newStrTable(c.vocab), newStrTable(c.stems)
	ix.payAt = make([]int32, 0, len(c.nodes)+1)
	for _, ps := range c.nodes {
		ix.payAt = append(ix.payAt, int32(len(ix.pays)))
		ix.pays = append(ix.pays, ps...)
	}
	ix.payAt = append(ix.payAt, int32(len(ix.pays)))
	ix.pays = slices.Clip(ix.pays)
	return ix
}

// payloads returns the payloads ending at trie node n.
func (ix *Index) payloads(n int32) []payload { return ix.pays[ix.payAt[n]:ix.payAt[n+1]] }

func (ix *compiler) addEntity(e *EntryDef, n int32, titleIx map[string]int32) {
	ke := kbEntity{Entity: pipeline.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Known: true,
		CountryCode: e.CountryCode}}
	for _, a := range e.Aliases {
		if a != e.Name && !slices.Contains(ke.Aliases, a) {
			ke.Aliases = append(ke.Aliases, a)
		}
	}
	for _, r := range e.Roles {
		from, to, _ := r.dates() // validated before
		t := titleIx[r.Title]
		ke.roles = append(ke.roles, kbRole{title: t, from: from, to: to})
		ix.titles[t].holders = append(ix.titles[t].holders, n)
	}
	ix.ents = append(ix.ents, ke)
	ix.byID[e.ID] = n
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		ix.add(a, payload{kind: hitAlias, ref: n, acronym: isAcronym(a)})
	}
	for _, a := range e.Demonyms {
		ix.add(a, payload{kind: hitDemonym, ref: n})
	}
	for _, a := range e.Capitals {
		ix.add(a, payload{kind: hitCapital, ref: n})
	}
	for _, a := range e.Seats {
		ix.add(a, payload{kind: hitSeat, ref: n})
	}
	if e.Type == pipeline.EntityPerson {
		for _, s := range surnames(e) {
			ix.add(s, payload{kind: hitSurname, ref: n})
		}
	}
}

// surnames returns the short names a person is called by after a first full
// mention: the explicit list, or else the last word of every multi-word name.
func surnames(e *EntryDef) []string {
	if len(e.Surnames) > 0 {
		return e.Surnames
	}
	var out []string
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		toks := text.Tokenize(nil, a)
		if len(toks) < 2 {
			continue
		}
		if s := toks[len(toks)-1].Text(a); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func isAcronym(a string) bool {
	letters := 0
	for _, r := range a {
		switch {
		case r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я':
			letters++
		case r == '.' || r == ' ' || r == '-' || r == '+' || r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// add inserts a phrase with its payload into the trie.
func (ix *compiler) add(phrase string, p payload) {
	words := text.FoldPhrase(phrase)
	if len(words) == 0 {
		return
	}
	node := int32(0)
	for _, w := range words {
		id := ix.word(w)
		key := uint64(node)<<32 | uint64(uint32(id))
		next, ok := ix.edges[key]
		if !ok {
			next = int32(len(ix.nodes))
			ix.nodes = append(ix.nodes, nil)
			ix.edges[key] = next
			if node == 0 {
				for int(id) >= len(ix.rootChild) {
					ix.rootChild = append(ix.rootChild, 0)
				}
				ix.rootChild[id] = next
			}
		}
		node = next
	}
	if !slices.Contains(ix.nodes[node], p) {
		ix.nodes[node] = append(ix.nodes[node], p)
	}
}

// word returns the vocabulary id of a folded word, adding it (and its
// Cyrillic stems) when new.
func (ix *compiler) word(w string) int32 {
	if id, ok := ix.vocab[w]; ok {
		return id
	}
	id := int32(len(ix.vocab))
	ix.vocab[w] = id
	b := filterBit(fnv32(w))
	ix.filter[b>>6] |= 1 << (b & 63)
	if isCyrillicWord(w) {
		ix.stems[w] = id
		ix.exact[w] = true
		for _, suf := range nominativeEndings {
			if stem, ok := strings.CutSuffix(w, suf); ok && runeLen(stem) >= 3 && !ix.exact[stem] {
				if _, taken := ix.stems[stem]; !taken {
					ix.stems[stem] = id // the first entry in the file keeps a shared stem
				}
			}
		}
	}
	return id
}

// nominativeEndings are stripped from Cyrillic knowledge-base words to get
// the stems that inflected forms in the text are compared with.
var nominativeEndings = []string{"ий", "ій", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "і", "а", "я", "ы", "и", "ь", "е", "й"}

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
	next, ok := ix.edges[uint64(node)<<32|uint64(uint32(id))]
	return next, ok
}

// lookup returns the vocabulary id of a folded body word w with fnv32 hash
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
