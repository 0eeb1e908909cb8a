package mention

import (
	"strings"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// SubjectLike reports whether mention k can be the subject of a verb: it is
// outermost, not a possessive ("Russia's ministry"), not the object of a
// preposition ("for the European Union"), and not a modifier of a person
// named right after it ("Indian Prime Minister Narendra Modi").
func (d *Doc) SubjectLike(k int) bool {
	m := d.Ms[k]
	if m.Nested || d.Toks[m.T1-1].Has(text.Poss) {
		return false
	}
	if d.afterPreposition(m.T0) {
		return false
	}
	return d.ModifiedPerson(k) < 0
}

// afterPreposition reports whether token t is the object of a preposition,
// "according to X" excepted.
func (d *Doc) afterPreposition(t int) bool {
	j := t - 1
	if j >= 0 && d.Is(determiners, j) {
		j--
	}
	if j < 0 || d.SentOf[j] != d.SentOf[t] || !d.Is(prepositions, j) {
		return false
	}
	// Russian and Ukrainian "В МИД России заявили": "in X they said" is "X said".
	if (d.Word(j) == "в" || d.Word(j) == "у") && d.impersonalVerbAfter(t) {
		return false
	}
	return !(d.Word(j) == "to" && j > 0 && d.Word(j-1) == "according")
}

// impersonalVerbAfter reports whether the mention starting at token t is
// followed by a third-person plural verb ("заявили", "повідомили").
func (d *Doc) impersonalVerbAfter(t int) bool {
	k := t
	for k < len(d.Toks) && d.At[k] >= 0 && d.Ms[d.At[k]].T0 <= t {
		k++
	}
	if k >= len(d.Toks) {
		return false
	}
	w := d.Word(k)
	return len(w) > 4 && (strings.HasSuffix(w, "ли"))
}

// ModifiedPerson returns the index of the person mention that mention k
// modifies as part of a title ("U.S. Secretary of State Marco Rubio"), or -1.
func (d *Doc) ModifiedPerson(k int) int {
	m := d.Ms[k]
	if d.Ents[m.Ent].Type == pipeline.EntityPerson {
		return -1
	}
	for j := k + 1; j < len(d.Ms) && d.Ms[j].T0 <= m.T1+4; j++ {
		n := d.Ms[j]
		if n.Nested || n.T0 < m.T1 || d.Ents[n.Ent].Type != pipeline.EntityPerson {
			continue
		}
		if !d.Punct(m.T1-1, n.T0) && d.SentOf[n.T0] == d.SentOf[m.T0] {
			return j
		}
		return -1
	}
	return -1
}

// Punct reports whether clause punctuation separates tokens a and b.
func (d *Doc) Punct(a, b int) bool {
	for i := a; i < b && i+1 < len(d.Toks); i++ {
		if clausePunct(d.Body[d.Toks[i].End:d.Toks[i+1].Start]) {
			return true
		}
	}
	return false
}

// clausePuncts are the marks Punct looks for.
const clausePuncts = ",;:()—–\"“”«»„"

// clausePunct is strings.ContainsAny(g, clausePuncts), reading the ASCII
// bytes of g (most gaps are a space) without decoding runes.
func clausePunct(g string) bool {
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case ',', ';', ':', '(', ')', '"':
			return true
		}
		if g[i] >= utf8.RuneSelf { // g[i:] starts with a rune
			return strings.ContainsAny(g[i:], clausePuncts)
		}
	}
	return false
}

// LastPerson returns the entity of the last person mention before token t
// that skip does not exclude, or -1.
func (d *Doc) LastPerson(t int, skip func(tok int) bool) int {
	for k := d.From(t) - 1; k >= 0; k-- {
		m := d.Ms[k]
		if m.T0 >= t || m.Nested || skip != nil && skip(m.T0) {
			continue
		}
		if d.Ents[m.Ent].Type == pipeline.EntityPerson {
			return m.Ent
		}
	}
	return -1
}

// PrevSubject returns the entity of the first subject-like organisation or
// country mention of the last sentence before token t that has one: the
// referent of "it".
func (d *Doc) PrevSubject(t int) int {
	for s := int(d.SentOf[t]) - 1; s >= 0 && s >= int(d.SentOf[t])-2; s-- {
		for k := d.From(d.Sents[s].Tok0); k < len(d.Ms) && d.Ms[k].T0 < d.Sents[s].Tok1; k++ {
			m := d.Ms[k]
			if !d.SubjectLike(k) {
				continue
			}
			if d.Ents[m.Ent].Type != pipeline.EntityPerson {
				return m.Ent
			}
			return -1
		}
	}
	return -1
}

// Pronoun resolves the pronoun at token t (he, she, it and their equivalents)
// to an entity, or returns -1.
func (d *Doc) Pronoun(t int, skip func(tok int) bool) int {
	switch {
	case d.Is(personPronouns, t):
		return d.LastPerson(t, skip)
	case d.Is(thingPronouns, t):
		return d.PrevSubject(t)
	}
	return -1
}

// IsPronoun reports whether token t is a pronoun Pronoun resolves.
func (d *Doc) IsPronoun(t int) bool {
	return d.Is(pronouns, t)
}

// Subject returns the entity that is the subject of the verb at token v in
// its sentence, or -1: a pronoun right before it; the nearest subject-like
// mention with at most four words and no punctuation in between ("Peskov
// told", "Moscow has repeatedly accused"); a person closing an apposition
// ("…, Oleg Serebrian, accused"); or the sentence's first subject-like
// mention when an apposition or nothing else stands between it and the verb.
// skip excludes tokens (those inside quotations).
func (d *Doc) Subject(v int, skip func(tok int) bool) int {
	s := d.Sents[d.SentOf[v]]
	if e, ok := d.Relative(v, s.Tok0, skip); ok {
		return e
	}
	for j := v - 1; j >= s.Tok0 && j >= v-3; j-- {
		if d.At[j] >= 0 || d.Punct(j, v) {
			break
		}
		if d.IsPronoun(j) && (skip == nil || !skip(j)) {
			return d.Pronoun(j, skip)
		}
	}
	var cands []int
	for k := d.From(s.Tok0); k < len(d.Ms) && d.Ms[k].T0 < v; k++ {
		if m := d.Ms[k]; m.T1 <= v && (skip == nil || !skip(m.T0)) && d.SubjectLike(k) {
			cands = append(cands, k)
		}
	}
	if len(cands) == 0 {
		return -1
	}
	near := d.Ms[cands[len(cands)-1]]
	if v-near.T1 <= 4 && !d.Punct(near.T1-1, v) {
		return near.Ent
	}
	if d.Ents[near.Ent].Type == pipeline.EntityPerson && v-near.T1 <= 2 && d.gapHas(near.T1-1, ",") {
		return near.Ent
	}
	first := d.Ms[cands[0]]
	if first.T0-s.Tok0 > 6 || v-first.T1 > 25 {
		return -1
	}
	if len(cands) == 1 || d.appositive(first.T1-1, v) {
		return first.Ent
	}
	return -1
}

// Relative resolves a verb in a relative clause ("Rafael Grossi, ..., who
// urged"; "facilities that supported"): the subject is the mention right
// before the relative word (a person for "who"), or nobody. ok is false when
// no relative word stands before v.
func (d *Doc) Relative(v, s0 int, skip func(int) bool) (int, bool) {
	r := v - 1
	if r > s0 && d.Is(auxiliaries, r) {
		r--
	}
	if r <= s0 || !d.Is(relativeWords, r) {
		return -1, false
	}
	if d.Word(r) == "who" || d.Word(r) == "который" || d.Word(r) == "який" {
		for k := d.From(r) - 1; k >= 0 && d.Ms[k].T0 >= s0; k-- {
			m := d.Ms[k]
			if m.T1 <= r && m.T0 >= s0 && !m.Nested && d.Ents[m.Ent].Type == pipeline.EntityPerson && (skip == nil || !skip(m.T0)) {
				return m.Ent, true
			}
		}
		return -1, true
	}
	if m := d.At[r-1]; m >= 0 && d.Ms[m].T1 == r && !d.Punct(r-1, r) || m >= 0 && d.Body[d.Toks[r-1].End:d.Toks[r].Start] == ", " {
		return d.Ms[m].Ent, true
	}
	return -1, true
}

// Definite reports whether token j is an institution noun after "the",
// and returns the organisation or country it refers back to.
func (d *Doc) Definite(j int) (int, bool) {
	if j == 0 || d.Word(j-1) != "the" || !d.Is(institutionNouns, j) {
		return -1, false
	}
	return d.PrevSubject(j), true
}

func (d *Doc) gapHas(i int, chars string) bool {
	return i+1 < len(d.Toks) && strings.ContainsAny(d.Body[d.Toks[i].End:d.Toks[i+1].Start], chars)
}

// appositive reports whether the text between tokens a and b holds a closed
// pair of commas and nothing else that ends a clause.
func (d *Doc) appositive(a, b int) bool {
	commas := 0
	for i := a; i < b; i++ {
		g := d.Body[d.Toks[i].End:d.Toks[i+1].Start]
		if strings.ContainsAny(g, ";:()\"“”«»„") {
			return false
		}
		commas += strings.Count(g, ",")
	}
	return commas >= 2 && commas%2 == 0
}
