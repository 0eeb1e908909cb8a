package entities

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// compiler holds the maps an Index is built from.
type compiler struct {
	*Index
	byID  map[string]int32
	vocab map[string]int32
	stems map[string]int32 // Cyrillic stems → vocabulary id
	exact map[string]bool  // Cyrillic stems that are whole vocabulary words
	nodes [][]payload      // payloads ending at each node; 0 is the root
	edges map[uint64]int32 // node<<32 | word id → child node
}

// Compile builds the matching index of a validated knowledge base. data is
// the source the version is derived from.
func Compile(f *KBFile, data []byte) *Index {
	sum := sha256.Sum256(data)
	ix := &compiler{
		Index: &Index{version: hex.EncodeToString(sum[:6])},
		edges: make(map[uint64]int32, 8*len(f.Entities)),
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
	ix.edges = newEdgeTable(c.edges)
	ix.payAt = make([]int32, 0, len(c.nodes)+1)
	for _, ps := range c.nodes {
		ix.payAt = append(ix.payAt, int32(len(ix.pays)))
		ix.pays = append(ix.pays, ps...)
	}
	ix.payAt = append(ix.payAt, int32(len(ix.pays)))
	ix.pays = slices.Clip(ix.pays)
	return ix
}

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
	ws := text.FoldPhrase(phrase)
	if len(ws) == 0 {
		return
	}
	node := int32(0)
	for _, w := range ws {
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
				b := filterBit(words.FNV(w))
				ix.startFilter[b>>6] |= 1 << (b & 63)
			} else {
				b := pairBit(node, words.FNV(w))
				ix.nextFilter[b>>6] |= 1 << (b & 63)
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
	b := filterBit(words.FNV(w))
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
