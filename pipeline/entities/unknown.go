package entities

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

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
	surname string // folded; may share the story's lower-case text (see folded)
	ent     pipeline.Entity
}

// recognizeUnknown finds people and organisations the knowledge base lacks
// among the capitalised token runs that no dictionary phrase covered.
func recognizeUnknown(d *doc, b *builder) {
	if d.caps {
		return
	}
	people := d.people[:0]
	names := d.names
	for c := 0; c < len(names); {
		i := int(names[c])
		// A name token with no other one in the next three tokens is a run
		// of one (see nameRun), which classify turns down.
		if d.covered[i] || c+1 == len(names) || int(names[c+1]) > i+3 {
			c++
			continue
		}
		j := d.nameRun(i)
		if t0, t1, typ := d.classify(i, j); typ != "" {
			t0, t1 = d.absorb(b, t0, t1, typ)
			e := d.unknownEntity(t0, t1, typ)
			b.add(&e, t0, t1)
			d.cover(t0, t1)
			if typ == pipeline.EntityPerson {
				people = append(people, unknownPerson{surname: d.folded(t1 - 1), ent: e})
			}
		}
		for c < len(names) && int(names[c]) < j {
			c++
		}
	}
	d.people = people
	d.linkSurnames(b, people)
}

// folded returns the folded text of token k: for a token of ASCII letters
// its lower-case text, which the story's Text holds, else a copy.
func (d *doc) folded(k int) string {
	if d.toks[k].LowerHash != 0 {
		return d.lw(k)
	}
	return string(d.word(k))
}

// nameToken reports whether token k can belong to a name: capitalised, not
// an acronym, not covered by a dictionary mention.
func (d *doc) nameToken(k int) bool {
	return d.toks[k].Flags&nameCase == nameFlags && !d.covered[k]
}

// nameRun returns the end of the run of name tokens starting at i (a name
// token), allowing lower-case connectors ("Institute for the Study of War")
// between them.
func (d *doc) nameRun(i int) int {
	j := i + 1
	for j < len(d.toks) && d.sentOf[j] == d.sentOf[i] && d.joinable(j-1) && !d.toks[j-1].Has(text.Poss) {
		if d.nameToken(j) {
			j++
			continue
		}
		if !d.nameToken1(j+1) && !d.nameToken1(j+2) {
			break // no name after one or two connectors: don't look them up
		}
		k := j
		for k < len(d.toks) && k-j < 2 && d.connector(k) && d.joinable(k) {
			k++
		}
		if k == j || k >= len(d.toks) || !d.nameToken(k) {
			break
		}
		j = k + 1
	}
	return j
}

// connector reports whether token k is in connectors.
func (d *doc) connector(k int) bool { return d.inQuick(k, inConnectors) }

// classify decides what the run [i, j) names: it returns the token range of
// an unknown entity within it and the entity's type, or typ "" for none.
// A single word is never a name: an organisation needs a keyword and a
// distinctive word, a person two or three words.
func (d *doc) classify(i, j int) (t0, t1 int, typ string) {
	if j-i < 2 {
		return 0, 0, ""
	}
	i0, cue := i, false
	for i < j && d.skipLeading(i) {
		cue = cue || d.inQuick(i, inTitleCues)
		i++
	}
	for j > i && d.inQuick(j-1, inTrailingWords|inConnectors) {
		j--
	}
	if j-i < 2 || notNames[d.body[d.toks[i].Start:d.toks[j-1].End]] {
		return 0, 0, ""
	}
	org := d.orgLike(i, j)
	if org && d.textIn(j-1, orgKeywords, orgKeywordsFilter) {
		return d.organization(i, j)
	}
	if place := d.placeLike(i, j, org); org && !place {
		return d.organization(i, j)
	} else if place {
		return 0, 0, ""
	}
	if p := d.lastTitleCue(i, j); p >= 0 {
		i, cue = p+1, true
	}
	j = d.cutConnectors(i, j)
	if j-i < 2 || j-i > 3 || !(cue || d.titleBefore(i0) || d.personCue(i, j)) {
		return 0, 0, ""
	}
	return i, j, pipeline.EntityPerson
}

// organization returns the organisation run [i, j) as classify does, unless
// it is a state institution.
func (d *doc) organization(i, j int) (t0, t1 int, typ string) {
	if d.stateInstitution(i, j) {
		return 0, 0, ""
	}
	return i, j, pipeline.EntityOrganization
}

// notNames look like organisations but are things.
var notNames = map[string]bool{"Air Force One": true, "Marine One": true, "Air Force Two": true}

// lastTitleCue returns the last title word inside the run [i, j) that
// leaves two or three name words after it ("Odesa Mayor Gennadiy
// Trukhanov"), or -1.
func (d *doc) lastTitleCue(i, j int) int {
	for k := j - 3; k >= i; k-- {
		if d.inQuick(k, inTitleCues) {
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
		if !d.textIn(k, orgKeywords, orgKeywordsFilter) && !d.lowerInQuick(k, inTitleModifiers|inConnectors) &&
			!d.textIn(k, stateWords, stateWordsFilter) {
			return false
		}
	}
	return true
}

// absorb widens a new organisation at tokens [i, j) over a demonym before
// it and an "of <country>" after it ("Ukrainian Community Center of
// Georgia"), taking those words back from the entities they were credited
// to, and returns its token range.
func (d *doc) absorb(b *builder, i, j int, typ string) (int, int) {
	if typ != pipeline.EntityOrganization {
		return i, j
	}
	i0, j0 := i, j
	if i > 0 && d.hit[i-1] == int8(hitDemonym)+1 && d.joinable(i-1) {
		i--
	}
	if j+1 < len(d.toks) && d.word1(j) == "of" && d.hit[j+1] != 0 && d.joinable(j) && d.joinable(j-1) {
		k := j + 1
		for k < len(d.toks) && d.hit[k] == d.hit[j+1] && d.hitRef[k] == d.hitRef[j+1] {
			k++
		}
		j = k
	}
	if i != i0 || j != j0 {
		b.remove(i, j)
	}
	return i, j
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

// unknownEntity returns the entity named by tokens [i, j), of type typ.
func (d *doc) unknownEntity(i, j int, typ string) pipeline.Entity {
	raw := d.body[d.toks[i].Start:d.toks[j-1].End]
	name := raw
	var aliases []string
	if d.toks[i].Has(text.Cyrillic) {
		name = text.Transliterate(raw, d.lang)
		aliases = []string{raw}
	}
	return pipeline.Entity{ID: slug(name), Name: name, Type: typ, Aliases: aliases}
}

// slug builds "slug:<lowercase-hyphenated>" from a name.
func slug(name string) string {
	var buf [64]byte
	f := text.AppendFold(buf[:0], name)
	id := make([]byte, 0, len("slug:")+len(f)) // a dash always stands for a dropped rune
	id = append(id, "slug:"...)
	dash := false
	for i, n := 0, 0; i < len(f); i += n {
		r := rune(f[i])
		n = 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(f[i:])
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && unicode.IsLetter(r) {
			if dash && len(id) > len("slug:") {
				id = append(id, '-')
			}
			id = append(id, f[i:i+n]...) // r as UTF-8: RuneError is no letter
			dash = false
			continue
		}
		dash = true
	}
	// id is never written again: the string may share its memory.
	return unsafe.String(unsafe.SliceData(id), len(id))
}

// linkSurnames adds the later mentions of unknown people by surname alone:
// a name token with no name token on either side.
func (d *doc) linkSurnames(b *builder, people []unknownPerson) {
	if len(people) == 0 {
		return
	}
	for _, k32 := range d.names {
		k := int(k32)
		if d.covered[k] || d.nameToken1(k+1) || k > 0 && d.nameToken(k-1) {
			continue
		}
		p := -1
		if d.toks[k].LowerHash != 0 { // ASCII letters: the folded text is lw
			p = findPerson(people, d.lw(k))
		} else {
			p = findPerson(people, d.word(k))
		}
		if p >= 0 {
			b.add(&people[p].ent, k, k+1)
		}
	}
}

// findPerson returns the index of the first person with folded surname w,
// or -1.
func findPerson[S string | []byte](people []unknownPerson, w S) int {
	for i := range people {
		if people[i].surname == string(w) {
			return i
		}
	}
	return -1
}

// nameToken1 is nameToken that accepts k past the last token (false).
func (d *doc) nameToken1(k int) bool { return k < len(d.toks) && d.nameToken(k) }
