package entities

import (
	"slices"
	"time"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// Recognize finds the entities of body, a normalised story text, resolving
// role titles at date. Spans are code point offsets into body. The result is
// deduplicated by id and sorted by first mention.
func (ix *Index) Recognize(body string, date time.Time) []pipeline.Entity {
	d := newDoc(body)
	defer d.release()
	d.lookupAll(ix)
	d.scan(ix)
	b := newBuilder(ix)
	var fulls []fullMention
	var later []match
	for _, m := range d.matches {
		p, ok := d.payload(ix, m)
		if !ok {
			continue
		}
		d.cover(m.t0, m.t1)
		switch p.kind {
		case hitAlias, hitSeat:
			b.addKB(p.ref, d.span(m.t0, m.t1))
			if ix.ents[p.ref].Type == pipeline.EntityPerson {
				fulls = append(fulls, fullMention{ent: p.ref, tok: m.t0})
			}
		case hitDemonym:
			if d.demonymActor(m.t0, m.t1) {
				b.addKB(p.ref, d.span(m.t0, m.t1))
			}
		case hitCapital:
			if d.capitalActor(m.t0, m.t1) {
				b.addKB(p.ref, d.span(m.t0, m.t1))
			}
		default:
			later = append(later, m)
		}
	}
	for _, m := range later {
		d.resolveLater(ix, b, m, fulls, date)
	}
	recognizeUnknown(d, b)
	return b.result()
}

type fullMention struct {
	ent int32
	tok int
}

// payload picks the payload of m by kind priority (alias, seat, surname,
// title, demonym, capital) among those whose case rules accept the text.
func (d *doc) payload(ix *Index, m match) (payload, bool) {
	var best payload
	found := false
	for _, p := range ix.nodes[m.node] {
		if p.kind != hitTitle && !d.nameCase(p, m.t0, m.t1) {
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

// resolveLater handles surnames (linked to a full mention of the same person
// anywhere in the story) and titles (resolved by date unless a name follows).
func (d *doc) resolveLater(ix *Index, b *builder, m match, fulls []fullMention, date time.Time) {
	p, _ := d.payload(ix, m)
	if p.kind == hitSurname {
		if e := nearestFull(ix, m, fulls); e >= 0 {
			b.addKB(e, d.span(m.t0, m.t1))
			return
		}
		d.uncover(m.t0, m.t1)
		return
	}
	if d.nameFollows(m.t1) || formerWords[d.prevWord(m.t0)] {
		return
	}
	if e := ix.holder(p.ref, date); e >= 0 {
		b.addKB(e, d.span(m.t0, m.t1))
	}
}

func (d *doc) uncover(i, j int) {
	for k := i; k < j; k++ {
		d.covered[k] = false
	}
}

// nearestFull returns the person among the surname payloads of m whose full
// mention is nearest before m (or, failing that, the first one after), or -1.
func nearestFull(ix *Index, m match, fulls []fullMention) int32 {
	before, beforeTok, after := int32(-1), -1, int32(-1)
	for _, p := range ix.nodes[m.node] {
		if p.kind != hitSurname {
			continue
		}
		for _, f := range fulls {
			switch {
			case f.ent != p.ref:
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

// builder collects mentions per entity id.
type builder struct {
	ix   *Index
	byID map[string]int
	out  []pipeline.Entity
}

func newBuilder(ix *Index) *builder {
	return &builder{ix: ix, byID: make(map[string]int, 16)}
}

func (b *builder) addKB(e int32, sp pipeline.Span) {
	b.add(&b.ix.ents[e].Entity, sp)
}

// add records a mention of the entity tmpl at sp.
func (b *builder) add(tmpl *pipeline.Entity, sp pipeline.Span) {
	n, ok := b.byID[tmpl.ID]
	if !ok {
		n = len(b.out)
		b.byID[tmpl.ID] = n
		e := *tmpl
		e.Spans = nil
		b.out = append(b.out, e)
	}
	b.out[n].Spans = append(b.out[n].Spans, sp)
}

// result sorts spans and entities by first mention and counts mentions.
func (b *builder) result() []pipeline.Entity {
	for i := range b.out {
		e := &b.out[i]
		slices.SortFunc(e.Spans, func(x, y pipeline.Span) int { return x[0] - y[0] })
		e.Spans = slices.CompactFunc(e.Spans, func(x, y pipeline.Span) bool { return x == y })
		e.Mentions = len(e.Spans)
	}
	slices.SortStableFunc(b.out, func(x, y pipeline.Entity) int { return x.Spans[0][0] - y.Spans[0][0] })
	return b.out
}
