package places

import (
	"slices"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// mention is one name found in the text with its readings.
type mention struct {
	tok0, tok1 int // token range [tok0, tok1)
	span       pipeline.Span
	text       string // the surface form (the name, without a leading "the")
	cands      []cand // shared with the index: never modify
	afterThe   bool   // the word before is "the"
	vetoed     bool   // the words around make it a person or an actor
	person     bool   // vetoed as part of a person's name
	scanner    *scanner
}

// scanner holds the per-text working memory of the matcher.
type scanner struct {
	g      *Gazetteer
	text   string
	toks   []token     // the words: the entity stage's (read only) or own
	own    []token     // memory for words the scanner makes itself
	folded []byte      // folded words, back to back, in the order they were needed
	fspan  [][2]int32  // folded[fspan[i][0]:fspan[i][1]-1] is token i; zeros until folded
	cls    []wordClass // the veto lists token i is in; 0 until looked up
	starts []int32     // the tokens a name may start at (capitalised, or "the"; see mayStart), as i<<1 | 1 if "the"
	key    []byte
	found  [maxNameWords]*nameSlot // the keys longest met, shortest first
	ents   *entityMask             // nil: no entities
	// names turns on the English person-name vetoes ("Jens Stoltenberg",
	// "Vladimir Putin"); off for headlines (title case) and other languages.
	names bool
}

// reset prepares s for text, reusing its buffers. etoks, when not nil, are
// the entity stage's tokens of text, which spare tokenizing it again (see
// fromEntityTokens). Words are folded lazily: most are never looked at.
func (s *scanner) reset(g *Gazetteer, text string, etoks []token, ents *entityMask, names bool) {
	s.g, s.text, s.ents, s.names = g, text, ents, names
	if etoks == nil || !s.fromEntityTokens(etoks) {
		s.own, s.starts = fold.TokensStarts(s.own[:0], s.starts[:0], text)
		s.toks = s.own
		s.hashStarts()
	}
	s.folded = s.folded[:0]
	if cap(s.folded) < len(text) {
		s.folded = make([]byte, 0, len(text)+len(text)/4)
	}
	s.fspan = slices.Grow(s.fspan[:0], len(s.toks))[:len(s.toks)]
	clear(s.fspan)
	s.cls = slices.Grow(s.cls[:0], len(s.toks))[:len(s.toks)]
	clear(s.cls)
}

// scan finds the longest known name at each position, left to right.
func (s *scanner) scan(out []mention) []mention {
	var m, m2 mention
	next := 0 // the first token not yet inside a name
	for _, start := range s.starts {
		i := int(start >> 1)
		if i < next || !s.longestAt(i, start&1 == 1, &m) {
			continue // inside the last name, or no name starts here
		}
		// "the Dnipro region": a longer name right after "the" wins.
		if m.afterThe && s.longest(i+1, &m2) && m2.tok1 > m.tok1 {
			m = m2
		}
		out = append(out, m)
		next = m.tok1
	}
	return s.samePerson(s.regionReadings(s.coordinate(out)))
}

// samePerson vetoes a bare name that the story already used as a person's
// surname: after "Lloyd Austin", a later "Austin" is him too.
func (s *scanner) samePerson(ms []mention) []mention {
	for k := range ms {
		if !ms[k].person {
			continue
		}
		for l := k + 1; l < len(ms); l++ {
			if ms[l].text == ms[k].text {
				ms[l].vetoed, ms[l].person = true, true
			}
		}
	}
	return ms
}

// longest finds the longest name starting at token i that is capitalised
// (or starts with "the") and does not overlap an entity, puts it in m and
// reports whether there is one. It extends the name a word at a time while
// the index says a longer name starts with it.
func (s *scanner) longest(i int, m *mention) bool {
	return i < len(s.toks) && s.longestAt(i, s.isThe(i), m)
}

// longestAt is longest for a token i of the text, isThe when it is "the".
func (s *scanner) longestAt(i int, isThe bool, m *mention) bool {
	// A word that begins in an entity is mostly left out of the starts as
	// they are listed (inEntityWord); mention rejects the rest, so only
	// "the" needs the shortcut here.
	if !s.upper(i) && !isThe || isThe && (!s.capitalNext(i) || s.inEntity(i+1)) || s.startsNone(i) {
		return false
	}
	first := s.word(i)
	h := s.firstHash(i, first)
	hm := mix(h)
	if !s.g.first.has(hm) {
		if cands, ok := s.g.inflected(first); ok && !isThe {
			return s.mention(i, i+1, cands, false, m) // "Брюсселе"
		}
		return false
	}
	key, n := first, 0 // key is copied to s.key only to grow
	for {
		e := s.g.idx.find(key, hm)
		if e == nil {
			break
		}
		s.found[n] = e
		n++
		if !e.longer() || n == maxNameWords || i+n >= len(s.toks) || !s.joined(i+n) {
			break
		}
		w := s.word(i + n)
		if n == 1 {
			s.key = append(s.key[:0], first...)
		}
		s.key = append(append(s.key, ' '), w...)
		key = s.key
		h = hashAdd(hashAdd(h, " "), w)
		hm = mix(h)
	}
	for k := n; k > 0; k-- {
		if e := s.found[k-1]; e.ncand > 0 && s.mention(i, i+k, s.g.idx.candsOf(e), isThe, m) {
			return true
		}
	}
	if n == 0 && !isThe {
		if cands, ok := s.g.inflected(first); ok {
			return s.mention(i, i+1, cands, false, m)
		}
	}
	return false
}

// firstHash returns wordHash(first), first being token i folded: the
// token's LowerHash when it has one and first is its lower case (not a
// plural pluralRegion folded).
func (s *scanner) firstHash(i int, first []byte) uint64 {
	if t := &s.toks[i]; t.LowerHash != 0 && len(first) == int(t.End-t.Start) {
		return uint64(t.LowerHash)
	}
	return wordHash(first)
}

// startsNone reports whether token i, a word of ASCII letters with a known
// hash (the entity tokenizer's, or hashStarts'), is sure to start no name.
// A false report is no promise: the word is looked up then.
func (s *scanner) startsNone(i int) bool {
	h := s.toks[i].LowerHash
	return h != 0 && !s.g.lowerFirst.has(h)
}

// capitalNext reports whether a capitalised token follows token i: every
// name that starts with "the" needs one (see mention).
func (s *scanner) capitalNext(i int) bool {
	return i+1 < len(s.toks) && s.upper(i+1)
}

// inEntity reports whether token i, the first word of every name longest
// could build after "the", is inside an entity span: every mention would
// overlap it (see mention).
func (s *scanner) inEntity(i int) bool {
	if s.ents == nil || i >= len(s.toks) {
		return false
	}
	return s.overlapsEntity(pipeline.Span{int(s.toks[i].RStart), int(s.toks[i].REnd)})
}

// maxNameWords bounds the words of a name the matcher tries.
const maxNameWords = 8

// joined reports whether token k is joined to the token before it only by a
// space, a hyphen or an abbreviation's dot, so a name never spans a sentence
// or a line break.
func (s *scanner) joined(k int) bool {
	prev, next := s.toks[k-1], s.toks[k]
	return joins(s.text[prev.End:next.Start], int(prev.REnd-prev.RStart))
}

func joins(sep string, prevLen int) bool {
	switch sep {
	case " ", "-", "\u2013", "'", "\u2019":
		return true
	case ".", ". ":
		return prevLen <= 3 // "St. Petersburg", "U.S."
	}
	return false
}

// mention puts the mention for tokens [i, j) in m, or reports false when it
// overlaps an entity or needs "the" it lacks.
func (s *scanner) mention(i, j int, cands []cand, isThe bool, m *mention) bool {
	start := i
	if isThe {
		start = i + 1
		if start >= j || !s.upper(start) {
			return false
		}
	}
	span := pipeline.Span{int(s.toks[start].RStart), int(s.toks[j-1].REnd)}
	if s.overlapsEntity(span) {
		return false
	}
	if isThe && !anyNeedsThe(cands) && !s.upper(i) {
		return false
	}
	*m = mention{tok0: start, tok1: j, span: span, cands: cands, afterThe: isThe,
		text: s.text[s.toks[start].Start:s.toks[j-1].End], scanner: s}
	if !isThe && start > 0 && s.foldsToThe(start-1) {
		m.afterThe = true
	}
	m.vetoed, m.person = s.vetoed(start, j)
	return true
}

func anyNeedsThe(cands []cand) bool {
	for _, c := range cands {
		if c.needsThe {
			return true
		}
	}
	return false
}

func (s *scanner) overlapsEntity(sp pipeline.Span) bool {
	return s.ents != nil && s.ents.overlaps(sp)
}

// coordinate turns "Kursk and Belgorod regions" into two regions: a bare name
// joined by "and" or a comma to a "... region" name takes the region reading.
func (s *scanner) coordinate(ms []mention) []mention {
	for k := len(ms) - 2; k >= 0; k-- {
		a, b := &ms[k], ms[k+1]
		if b.tok1-b.tok0 < 2 || a.tok1-a.tok0 != 1 || !s.is(b.tok1-1, clsRegionWord) {
			continue
		}
		suffix := regionWord(s.word(b.tok1 - 1))
		between := s.text[s.toks[a.tok1-1].End:s.toks[b.tok0].Start]
		if between != " and " && between != ", " && between != " or " {
			continue
		}
		s.key = append(append(append(s.key[:0], s.word(a.tok0)...), ' '), suffix...)
		if cands, ok := s.g.lookupBytes(s.key); ok {
			a.cands = cands
		}
	}
	return ms
}

// regionReadings gives a bare name the region reading where the words around
// say so: "Donetsk Governor ...", "Kherson regional governor", German
// "Region Kursk".
func (s *scanner) regionReadings(ms []mention) []mention {
	for k := range ms {
		m := &ms[k]
		if m.tok1-m.tok0 != 1 {
			continue
		}
		if !s.is(m.tok1, clsRegionNext) && !s.is(m.tok0-1, clsRegionPrev) {
			continue
		}
		s.key = append(append(s.key[:0], s.word(m.tok0)...), " region"...)
		if cands, ok := s.g.lookupBytes(s.key); ok {
			m.cands = cands
		}
	}
	return ms
}

// regionNext after a bare name and regionPrev before it give it the region
// reading (see regionReadings); regionWords end a region's name (see
// regionWord).
var (
	regionNext  = map[string]bool{"governor": true, "regional": true}
	regionPrev  = map[string]bool{"region": true, "gebiet": true, "oblast": true}
	regionWords = map[string]bool{"region": true, "oblast": true, "province": true}
)

func regionWord(w []byte) string {
	switch string(w) {
	case "region":
		return "region"
	case "oblast":
		return "oblast"
	case "province":
		return "province"
	}
	return ""
}
