package entities

import (
	_ "embed"
	"strings"
	"unicode"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
)

//go:embed given_names.txt
var givenNamesData string

// givenNames holds the folded first words that mark a person's name.
var givenNames = func() map[string]bool {
	m := make(map[string]bool, 300)
	for _, l := range strings.Split(givenNamesData, "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			m[text.Fold(l)] = true
		}
	}
	return m
}()

// unknownPerson is a person found outside the knowledge base; later mentions
// of the surname alone link to it.
type unknownPerson struct {
	surname string // folded
	ent     *pipeline.Entity
}

// recognizeUnknown finds people and organisations the knowledge base lacks
// among the capitalised token runs that no dictionary phrase covered.
func recognizeUnknown(d *doc, b *builder) {
	if d.caps {
		return
	}
	people := d.people[:0]
	for i := 0; i < len(d.toks); {
		if !d.nameToken(i) {
			i++
			continue
		}
		j := d.nameRun(i)
		if j == i {
			i++
			continue
		}
		if e := d.classify(i, j); e != nil {
			d.absorb(b, e)
			b.add(e, e.Spans[0][0], e.Spans[0][1])
			d.cover(e.Spans[0][0], e.Spans[0][1])
			if e.Type == pipeline.EntityPerson {
				people = append(people, unknownPerson{surname: string(d.word(e.Spans[0][1] - 1)), ent: e})
			}
		}
		i = j
	}
	d.people = people
	d.linkSurnames(b, people)
}

// nameToken reports whether token k can belong to a name: capitalised, not
// an acronym, not covered by a dictionary mention.
func (d *doc) nameToken(k int) bool {
	return d.name[k] && !d.covered[k]
}

// nameRun returns the end of the run of name tokens starting at i, allowing
// lower-case connectors ("Institute for the Study of War") between them.
func (d *doc) nameRun(i int) int {
	if !d.nameToken(i) {
		return i
	}
	j := i + 1
	for j < len(d.toks) && d.sentOf[j] == d.sentOf[i] && d.joinable(j-1) && !d.toks[j-1].Has(text.Poss) {
		if d.nameToken(j) {
			j++
			continue
		}
		k := j
		for k < len(d.toks) && k-j < 2 && d.in(k, inConnectors) && d.joinable(k) {
			k++
		}
		if k == j || k >= len(d.toks) || !d.nameToken(k) {
			break
		}
		j = k + 1
	}
	return j
}

// classify turns the run [i, j) into an unknown entity, or nil. The entity's
// single span holds the token range (converted by the caller).
func (d *doc) classify(i, j int) *pipeline.Entity {
	cue := d.titleBefore(i)
	for i < j && d.skipLeading(i) {
		cue = cue || d.in(i, inTitleCues)
		i++
	}
	for j > i && (d.skipTrailing(j-1) || d.in(j-1, inConnectors)) {
		j--
	}
	if j-i < 1 || notNames[d.body[d.toks[i].Start:d.toks[j-1].End]] {
		return nil
	}
	if d.orgLike(i, j) && (orgKeywords[d.toks[j-1].Text(d.body)] || !d.placeLike(i, j)) {
		if d.stateInstitution(i, j) {
			return nil
		}
		return d.unknownEntity(i, j, pipeline.EntityOrganization)
	}
	if d.placeLike(i, j) {
		return nil
	}
	if p := d.lastTitleCue(i, j); p >= 0 {
		i, cue = p+1, true
	}
	j = d.cutConnectors(i, j)
	if j-i < 2 || j-i > 3 || !(cue || d.personCue(i, j)) {
		return nil
	}
	return d.unknownEntity(i, j, pipeline.EntityPerson)
}

// notNames look like organisations but are things.
var notNames = map[string]bool{"Air Force One": true, "Marine One": true, "Air Force Two": true}

// lastTitleCue returns the last title word inside the run [i, j) that
// leaves two or three name words after it ("Odesa Mayor Gennadiy
// Trukhanov"), or -1.
func (d *doc) lastTitleCue(i, j int) int {
	for k := j - 3; k >= i; k-- {
		if d.in(k, inTitleCues) {
			return k
		}
	}
	return -1
}

// stateInstitution reports whether the organisation run [i, j) is a state
// body named only with generic words ("Air Force", "the State Emergency
// Service"): stories name the state through it, and the state is the entity.
func (d *doc) stateInstitution(i, j int) bool {
	for k := i; k < j; k++ {
		w := d.toks[k].Text(d.body)
		if !orgKeywords[w] && !d.lowerIn(k, inTitleModifiers|inConnectors) && !stateWords[w] {
			return false
		}
	}
	return true
}

// absorb widens a new organisation over a demonym before it and an "of
// <country>" after it ("Ukrainian Community Center of Georgia"), taking
// those words back from the entities they were credited to.
func (d *doc) absorb(b *builder, e *pipeline.Entity) {
	if e.Type != pipeline.EntityOrganization {
		return
	}
	i, j := e.Spans[0][0], e.Spans[0][1]
	if i > 0 && hitKind(d.hit[i-1]) == hitDemonym && d.joinable(i-1) {
		i--
	}
	if j+1 < len(d.toks) && d.word1(j) == "of" && d.hit[j+1] >= 0 && d.joinable(j) && d.joinable(j-1) {
		k := j + 1
		for k < len(d.toks) && d.hit[k] == d.hit[j+1] && d.hitRef[k] == d.hitRef[j+1] {
			k++
		}
		j = k
	}
	if i == e.Spans[0][0] && j == e.Spans[0][1] {
		return
	}
	b.remove(i, j)
	*e = *d.unknownEntity(i, j, pipeline.EntityOrganization)
}

// word1 returns the lower-case text of token k.
func (d *doc) word1(k int) string { return d.lw(k) }

// cutConnectors ends a person-candidate run at its first connector word.
func (d *doc) cutConnectors(i, j int) int {
	for k := i; k < j; k++ {
		if !d.nameToken(k) {
			return k
		}
	}
	return j
}

func (d *doc) unknownEntity(i, j int, typ string) *pipeline.Entity {
	raw := d.body[d.toks[i].Start:d.toks[j-1].End]
	name := raw
	var aliases []string
	if d.toks[i].Has(text.Cyrillic) {
		name = text.Transliterate(raw, d.lang)
		aliases = []string{raw}
	}
	return &pipeline.Entity{ID: slug(name), Name: name, Type: typ, Aliases: aliases,
		Spans: []pipeline.Span{{i, j}}}
}

// slug builds "slug:<lowercase-hyphenated>" from a name.
func slug(name string) string {
	var id strings.Builder
	id.WriteString("slug:")
	dash := false
	for _, r := range text.Fold(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && unicode.IsLetter(r) {
			if dash && id.Len() > 5 {
				id.WriteByte('-')
			}
			id.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return id.String()
}

// linkSurnames adds later surname-only mentions of unknown people.
func (d *doc) linkSurnames(b *builder, people []unknownPerson) {
	if len(people) == 0 {
		return
	}
	for k := range d.toks {
		if d.covered[k] || !d.nameToken(k) {
			continue
		}
		w := d.word(k)
		for _, p := range people {
			if p.surname == string(w) && !d.nameToken1(k+1) && !(k > 0 && d.nameToken(k-1)) {
				b.add(p.ent, k, k+1)
				break
			}
		}
	}
}

// nameToken1 is nameToken that accepts k past the last token (false).
func (d *doc) nameToken1(k int) bool { return k < len(d.toks) && d.nameToken(k) }
