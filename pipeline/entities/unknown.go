package entities

import (
	_ "embed"
	"strings"

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
	if d.mostlyCapitals() {
		return
	}
	var people []unknownPerson
	for i := 0; i < len(d.toks); {
		j := d.nameRun(i)
		if j == i {
			i++
			continue
		}
		if e := d.classify(i, j); e != nil {
			b.add(e, d.span(e.Spans[0][0], e.Spans[0][1]))
			d.cover(e.Spans[0][0], e.Spans[0][1])
			if e.Type == pipeline.EntityPerson {
				people = append(people, unknownPerson{surname: string(d.word(e.Spans[0][1] - 1)), ent: e})
			}
		}
		i = j
	}
	d.linkSurnames(b, people)
}

// mostlyCapitals reports whether most words are in capitals (a shouted
// headline or a feed that upper-cases everything): no casing cues then.
func (d *doc) mostlyCapitals() bool {
	letters, caps := 0, 0
	for _, t := range d.toks {
		if t.Has(text.Letter) && t.REnd-t.RStart > 1 {
			letters++
			if t.Has(text.AllUpper) {
				caps++
			}
		}
	}
	return letters > 0 && caps*2 > letters
}

// nameToken reports whether token k can belong to a name: capitalised, not
// an acronym, not covered by a dictionary mention.
func (d *doc) nameToken(k int) bool {
	t := d.toks[k]
	return !d.covered[k] && t.Has(text.Upper|text.Letter) && !t.Has(text.AllUpper) && !t.Has(text.Digit)
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
		for k < len(d.toks) && k-j < 2 && connectors[lowerWord(d.toks[k].Text(d.body))] && d.joinable(k) {
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
		cue = cue || titleCues[lowerWord(d.toks[i].Text(d.body))]
		i++
	}
	for j > i && (d.skipTrailing(j-1) || connectors[lowerWord(d.toks[j-1].Text(d.body))]) {
		j--
	}
	if j-i < 1 || d.placeLike(i, j) {
		return nil
	}
	if d.orgLike(i, j) {
		return d.unknownEntity(i, j, pipeline.EntityOrganization)
	}
	j = d.cutConnectors(i, j)
	if j-i < 2 || j-i > 3 || !(cue || d.personCue(i, j)) {
		return nil
	}
	return d.unknownEntity(i, j, pipeline.EntityPerson)
}

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
	var id strings.Builder
	id.WriteString("slug:")
	for k := i; k < j; k++ {
		w := d.word(k)
		if k > i {
			id.WriteByte('-')
		}
		for _, r := range string(w) {
			if r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= 0x80 {
				id.WriteRune(r)
			}
		}
	}
	return &pipeline.Entity{ID: id.String(), Name: d.body[d.toks[i].Start:d.toks[j-1].End], Type: typ,
		Spans: []pipeline.Span{{i, j}}}
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
		w := string(d.word(k))
		for _, p := range people {
			if p.surname == w && !d.nameToken1(k+1) && !(k > 0 && d.nameToken(k-1)) {
				b.add(p.ent, d.span(k, k+1))
				break
			}
		}
	}
}

func (d *doc) nameToken1(k int) bool { return k < len(d.toks) && d.nameToken(k) }
