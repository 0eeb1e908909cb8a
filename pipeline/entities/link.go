package entities

import (
	"time"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// Recognize finds the entities of body, a normalised story text in language
// lang (ISO 639-1, may be empty), resolving role titles at date. Spans are
// code point offsets into body. The result is deduplicated by id and sorted
// by first mention.
func (ix *Index) Recognize(body string, date time.Time, lang string) []pipeline.Entity {
	ents, _ := ix.recognize(body, date, lang, false)
	return ents
}

// recognize is Recognize; with share it also returns the tokenized body with
// the mentions of the entities, for the stages after this one.
func (ix *Index) recognize(body string, date time.Time, lang string, share bool) ([]pipeline.Entity, *mention.Doc) {
	d := newDoc(body)
	defer d.release(share)
	d.lang = lang
	d.lookupAll(ix, lang)
	d.scan(ix)
	b := &d.b
	b.reset(ix, d.toks)
	fulls, later := d.direct(ix, b, d.fulls[:0], d.later[:0])
	for _, m := range later {
		if p := m.p; p.kind == hitTitle {
			if e := d.resolveTitle(ix, b, m, p, date); e >= 0 {
				fulls = append(fulls, fullMention{ent: e, tok: m.t0})
			}
		}
	}
	for _, m := range later {
		if p := m.p; p.kind != hitTitle {
			d.resolveShort(ix, b, m, p, fulls, date)
		}
	}
	d.fulls, d.later = fulls, later
	recognizeUnknown(d, b)
	ents := b.result()
	if !share {
		return ents, nil
	}
	// The quote stage, the last to read it, releases the Doc's Text.
	return ents, d.t.WithMentions(ents, b.ms)
}

// direct adds the matches that need no other mention to be understood
// (names, seats, demonyms and capitals in actor position), appends the full
// mentions of people to fulls and the matches left for later (titles,
// surnames) to later, and returns both.
func (d *doc) direct(ix *Index, b *builder, fulls []fullMention, later []match) ([]fullMention, []match) {
	var state map[int32]bool // see usStateStory, set at the first homonym
	stateSet := false
	for _, m := range d.matches {
		p := m.p
		d.cover(m.t0, m.t1)
		d.mark(m.t0, m.t1, p)
		switch p.kind {
		case hitAlias, hitSeat:
			if ix.homonym[p.ref] && !stateSet {
				state, stateSet = d.usStateStory(ix), true
			}
			if ix.homonym[p.ref] && state[p.ref] || d.shouted(m, p) {
				continue
			}
			b.addKB(p.ref, m.t0, m.t1)
			if ix.ents[p.ref].Type == pipeline.EntityPerson {
				fulls = append(fulls, fullMention{ent: p.ref, tok: m.t0})
			}
		case hitDemonym, hitCapital:
			if p.kind == hitDemonym && d.demonymActor(m.t0, m.t1) || p.kind == hitCapital && d.capitalActor(m.t0, m.t1) {
				b.addKB(p.ref, m.t0, m.t1)
			}
		default:
			later = append(later, m)
		}
	}
	return fulls, later
}

type fullMention struct {
	ent int32
	tok int
}

// payload picks the payload of trie node over tokens [i, j) by kind
// priority (alias, seat, surname, title, demonym, capital) among those
// whose case rules accept the text: names start with a capital, acronyms
// are in capitals, titles may be in any case. It reports whether one does.
func (d *doc) payload(ix *Index, node int32, i, j int) (payload, bool) {
	var best payload
	found := false
	named := d.toks[i].Flags&(text.Upper|text.Digit) != 0 // the case a name starts with
	for _, p := range ix.payloads(node) {
		if p.kind != hitTitle && p.kind != hitGeneric && !(named && (!p.acronym || d.allCaps(i, j))) {
			continue
		}
		if !found || p.kind < best.kind {
			best, found = p, true
		}
	}
	return best, found
}

func (d *doc) cover(i, j int) {
	for k := i; k < j; k++ {
		d.covered[k] = true
	}
}

// resolveTitle credits a title's country or organisation and, unless a name
// follows or the title is qualified ("former", "-designate"), adds the person
// holding it at date, whom it returns (or -1).
func (d *doc) resolveTitle(ix *Index, b *builder, m match, p payload, date time.Time) int32 {
	d.creditOwner(ix, b, m, ix.titles[p.ref].owner)
	if d.titleQualified(m) {
		return -1
	}
	e := ix.holder(p.ref, date)
	if e >= 0 {
		b.addKB(e, m.t0, m.t1)
	}
	return e
}

func (d *doc) titleQualified(m match) bool {
	return d.nameFollows(m.t1) || d.inQuick(d.prevTok(m.t0), inFormerWords) || d.inQuick(d.nextTok(m.t1), inAfterTitle)
}

// resolveShort links a surname or a generic title ("the president") to the
// person named in full (or by a specific title) elsewhere in the story.
func (d *doc) resolveShort(ix *Index, b *builder, m match, p payload, fulls []fullMention, date time.Time) {
	e := int32(-1)
	switch {
	case p.kind == hitSurname:
		e = nearestFull(ix, m, fulls, hitSurname, nil)
	case p.kind == hitGeneric && !d.titleQualified(m):
		e = nearestFull(ix, m, fulls, hitGeneric, func(t int32) int32 { return ix.holder(t, date) })
	}
	if e < 0 {
		d.uncover(m.t0, m.t1)
		return
	}
	b.addKB(e, m.t0, m.t1)
}

// afterTitle words right after a title mean someone not yet in office:
// "chancellor-designate", "president-elect".
var afterTitle = set("designate", "elect", "nominee", "candidate", "hopeful")

// creditOwner adds a mention of the title's country or organisation: the
// part of the title that names it ("U.S." in "U.S. Secretary of State"), or
// the whole title.
func (d *doc) creditOwner(ix *Index, b *builder, m match, owner int32) {
	if owner < 0 {
		return
	}
	for i := m.t0; i < m.t1; i++ {
		node, end := int32(0), -1
		for j := i; j < m.t1 && d.id(ix, j) >= 0; j++ {
			next, ok := ix.child(node, d.ids[j])
			if !ok {
				break
			}
			node = next
			for _, p := range ix.payloads(node) {
				if p.ref == owner && p.kind != hitTitle && p.kind != hitGeneric && p.kind != hitSurname {
					end = j + 1
				}
			}
		}
		if end > 0 {
			b.addKB(owner, i, end)
			return
		}
	}
	b.addKB(owner, m.t0, m.t1)
}

// shouted reports whether a name that is not an acronym is written in
// capitals in mixed-case text: a credit line ("REUTERS"), not a mention.
func (d *doc) shouted(m match, p payload) bool {
	if p.acronym || d.caps {
		return false
	}
	for k := m.t0; k < m.t1; k++ {
		t := d.toks[k]
		if !t.Has(text.AllUpper) || t.Has(text.Digit) || t.REnd-t.RStart < 3 {
			return false
		}
	}
	return true
}

// usStateStory returns the homonym countries that the story names as U.S.
// states at least once: one sense per story, so every mention is the state.
func (d *doc) usStateStory(ix *Index) map[int32]bool {
	var out map[int32]bool
	for _, m := range d.matches {
		for _, p := range ix.payloads(m.node) {
			if p.kind == hitAlias && ix.homonym[p.ref] && d.usStateContext(m.t0) {
				if out == nil {
					out = make(map[int32]bool)
				}
				out[p.ref] = true
			}
		}
	}
	return out
}

// usStateContext reports whether the name at token i is a U.S. state:
// "Ellabell, Georgia", "Senator Raphael Warnock of Georgia".
func (d *doc) usStateContext(i int) bool {
	if i == 0 || d.sentOf[i-1] != d.sentOf[i] {
		return false
	}
	g := d.body[d.toks[i-1].End:d.toks[i].Start]
	if g == ", " && d.toks[i-1].Has(text.Upper) {
		return true
	}
	return d.prevWord(i) == "of" && i >= 2 && d.toks[i-2].Has(text.Upper)
}

func (d *doc) uncover(i, j int) {
	for k := i; k < j; k++ {
		d.covered[k] = false
	}
}

// nearestFull returns the person among m's payloads of kind k whose full
// mention is nearest before m (or, failing that, the first one after), or
// -1. For titles, holder maps the payload's title to the person holding it.
func nearestFull(ix *Index, m match, fulls []fullMention, k hitKind, holder func(int32) int32) int32 {
	before, beforeTok, after := int32(-1), -1, int32(-1)
	for _, p := range ix.payloads(m.node) {
		if p.kind != k {
			continue
		}
		e := p.ref
		if holder != nil {
			if e = holder(p.ref); e < 0 {
				continue
			}
		}
		for _, f := range fulls {
			switch {
			case f.ent != e:
			case f.tok < m.t0 && f.tok > beforeTok:
				before, beforeTok = f.ent, f.tok
			case f.tok > m.t0 && after < 0:
				after = f.ent
			}
		}
	}
	if before >= 0 {
		return before
	}
	return after
}

// nameFollows reports whether token j starts a capitalised name right after
// a title ("Foreign Minister Sergey Lavrov").
func (d *doc) nameFollows(j int) bool {
	if j >= len(d.toks) || d.sentOf[j] != d.sentOf[j-1] || !d.joinable(j-1) {
		return false
	}
	t := d.toks[j]
	return t.Has(text.Upper) && !t.Has(text.Abbrev)
}
