package places

import (
	"fmt"
	"strings"
)

// sref is a string stored in Gazetteer.strs: strs[off : off+n].
type sref struct{ off, n uint32 }

// place is one gazetteer entry. It holds no pointers (strings are offsets
// into Gazetteer.strs), so the garbage collector never scans the table.
type place struct {
	lat, lon float64
	prior    float64 // log10 population plus the hand-made bonus
	war      float64 // warBonus, computed once at load
	pop      int
	id, name sref
	kind     sref
	admin1   sref   // the English name of the first-level region, or empty
	cc       uint16 // index in Gazetteer.codes
	capital  bool
	curated  bool  // from or touched by extra.tsv
	notes    int32 // 1 + index in Gazetteer.aliases and .context; 0 when none
}

// Gazetteer holds the places and the folded-name index. It is read-only after
// Load and safe for concurrent use. Its large tables hold no pointers.
type Gazetteer struct {
	places []place
	strs   string   // the places' strings back to back
	codes  []string // country codes; codes[0] is ""
	// codeIdx maps a country code to its index in codes; letterCodes
	// holds those of two capital letters ("UA") by letters (see codeIndex).
	codeIdx     map[string]uint16
	letterCodes *[26 * 26]uint16
	idx         nameIndex
	first       *firstBits
	// lowerFirst holds the first words of the names for the entity
	// tokenizer's hash (and the plurals pluralRegion folds into one).
	lowerFirst *hashBits
	// aliases and context are the hand-made lists of the few curated places
	// (indexed by place.notes-1).
	aliases [][]string
	context [][]string
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// str returns a string of g.strs.
func (g *Gazetteer) str(r sref) string { return g.strs[r.off : r.off+r.n] }

// id, name and cc return a place's fields.
func (g *Gazetteer) id(p *place) string   { return g.str(p.id) }
func (g *Gazetteer) name(p *place) string { return g.str(p.name) }
func (g *Gazetteer) cc(p *place) string   { return g.codes[p.cc] }

// admin1Name returns the English name of p's first-level region.
func (g *Gazetteer) admin1Name(p *place) string { return g.str(p.admin1) }

// aliasesOf returns p's hand-made aliases (shared: never modify).
func (g *Gazetteer) aliasesOf(p *place) []string {
	if p.notes == 0 {
		return nil
	}
	return g.aliases[p.notes-1]
}

// contextOf returns p's folded context keys.
func (g *Gazetteer) contextOf(p *place) []string {
	if p.notes == 0 {
		return nil
	}
	return g.context[p.notes-1]
}

// strTable collects strings into one.
type strTable struct {
	b strings.Builder
}

func (t *strTable) put(s string) sref {
	r := sref{off: uint32(t.b.Len()), n: uint32(len(s))}
	t.b.WriteString(s)
	return r
}

// freeze turns the builder's places and names into the pointer-free form.
func (b *builder) freeze() (*Gazetteer, error) {
	g := &Gazetteer{places: make([]place, len(b.places)), first: new(firstBits), lowerFirst: newHashBits(19)}
	var st strTable
	for i := range b.places {
		r := &b.places[i]
		p := &g.places[i]
		*p = place{lat: r.lat, lon: r.lon, prior: r.prior, war: warBonus(r.cc, r.admin1), pop: r.pop,
			id: st.put(r.id), name: st.put(r.name), kind: st.put(r.kind), cc: b.code(r.cc),
			capital: r.capital, curated: r.curated}
		if r.admin1 != "" {
			p.admin1 = st.put(b.admin1[r.cc+"."+r.admin1])
		}
		if r.aliases != nil || r.context != nil {
			g.aliases = append(g.aliases, r.aliases)
			g.context = append(g.context, r.context)
			p.notes = int32(len(g.aliases))
		}
	}
	if st.b.Len() > 1<<31 {
		return nil, fmt.Errorf("gazetteer strings too large")
	}
	g.strs = st.b.String()
	g.codes, g.codeIdx, g.letterCodes = b.codes, b.codeIdx, new([26 * 26]uint16)
	for i, cc := range g.codes {
		if k, ok := letterCode(cc); ok {
			g.letterCodes[k] = uint16(i)
		}
	}
	idx, err := buildIndex(b.ents, g.first, g.lowerFirst)
	if err != nil {
		return nil, err
	}
	g.idx = idx
	return g, nil
}

// codeIndex returns the index of the country code cc in g.codes.
func (g *Gazetteer) codeIndex(cc string) (uint16, bool) {
	if k, ok := letterCode(cc); ok {
		i := g.letterCodes[k]
		return i, i != 0 // codes[0] is ""
	}
	i, ok := g.codeIdx[cc]
	return i, ok
}

// letterCode numbers a code of two capital letters (0 to 675).
func letterCode(cc string) (int, bool) {
	if len(cc) != 2 || cc[0]-'A' >= 26 || cc[1]-'A' >= 26 {
		return 0, false
	}
	return int(cc[0]-'A')*26 + int(cc[1]-'A'), true
}
