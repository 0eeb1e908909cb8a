package places

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// work is the reusable memory of one annotation.
type work struct {
	body, head, cap   scanner
	ms, hms, cms      []mention
	ents              entityMask
	winners           []int32
	ev, dev           evidence
	c                 collector
	key               []byte       // a folded key being looked up
	keyToks           []fold.Token // scratch for fold.AppendKey
	surf              []string     // the surface forms of one place
	rank, next        []int32      // output: places' sorted positions, hit lists
	firstHit, lastHit []int32      // output: each place's first and last hit
	headIDs           []string     // the places the headline names
	headCCs           []string     // the countries the headline names
}

var workPool = sync.Pool{New: func() any { return new(work) }}

// foldKey returns fold.Key(name) in w's scratch memory (valid until the next
// call).
func (w *work) foldKey(name string) []byte {
	w.key, w.keyToks = fold.AppendKey(w.key[:0], w.keyToks, name)
	return w.key
}

// found is one resolved place of a story while it is being collected.
type found struct {
	place int32
	id    int32 // index in collector.fs before sorting
	first int   // first body span start; -1 for the dateline, a large number for captions
	spans int   // body mentions
	extra int   // mentions outside the body: dateline and captions
}

// hit is one mention of a resolved place, in the order met: the body's, then
// the captions'.
type hit struct {
	found int32         // the place's found.id
	span  pipeline.Span // body mentions only
	text  string
	body  bool
}

// collector merges resolved mentions by place (a story names few places: a
// linear search beats a map).
type collector struct {
	fs   []found
	hits []hit
}

func (c *collector) reset() { c.fs, c.hits = c.fs[:0], c.hits[:0] }

func (c *collector) add(p int32, first int) *found {
	for k := range c.fs {
		if c.fs[k].place == p {
			return &c.fs[k]
		}
	}
	c.fs = append(c.fs, found{place: p, id: int32(len(c.fs)), first: first})
	return &c.fs[len(c.fs)-1]
}

// bodyHit records a body mention of place p.
func (c *collector) bodyHit(p int32, m *mention) {
	f := c.add(p, m.span[0])
	f.spans++
	c.hits = append(c.hits, hit{found: f.id, span: m.span, text: m.text, body: true})
}

// captionHit records a caption mention of place p.
func (c *collector) captionHit(p int32, text string) {
	f := c.add(p, afterBody)
	f.extra++
	c.hits = append(c.hits, hit{found: f.id, text: text})
}

// afterBody orders places found only in captions after those of the body.
const afterBody = 1 << 40

// annotate fills s.Places, s.Dateline.Place and s.Focus. Places come from
// the body (with spans), the captions and the dateline (counted in Mentions,
// without spans: spans refer to the body).
func (g *Gazetteer) annotate(s *pipeline.Story, minScore float64) {
	w := workPool.Get().(*work)
	defer workPool.Put(w)
	english := s.Language == "" || strings.HasPrefix(s.Language, "en")
	w.ents.reset(s.Entities, len(s.Body))
	w.body.reset(g, s.Body, sharedTokens(s), &w.ents, english)
	w.ms = w.body.scan(w.ms[:0])
	w.head.reset(g, s.Headline, nil, nil, false)
	w.hms = w.head.scan(w.hms[:0])

	ev := &w.ev
	ev.reset(&w.body, english)
	for _, e := range s.Entities {
		if e.Type == pipeline.EntityCountry {
			ev.addCountry(e.CountryCode, float64(max(e.Mentions, 1)))
		}
	}
	dateline := g.resolveDateline(w, s.Dateline, minScore)
	if dateline >= 0 {
		ev.addCountry(g.cc(&g.places[dateline]), 2)
	}
	g.addCues(ev, w.ms)
	g.addCues(ev, w.hms)

	w.winners = g.resolveAll(w.winners[:0], w.ms, ev, minScore)
	for _, p := range w.winners {
		if p >= 0 {
			ev.addNear(&g.places[p])
			ev.addCountry(g.cc(&g.places[p]), 0.5)
		}
	}
	g.reresolve(w.winners, w.ms, ev, minScore)
	g.collect(w, s, dateline, minScore, english)
	s.Places = g.output(w)
	if dateline >= 0 {
		p := &g.places[dateline]
		s.Dateline.Place = &pipeline.Ref{ID: g.id(p), Name: g.name(p)}
	}
	g.headlinePlaces(w, minScore)
	s.Focus = g.focus(w, s, dateline)
}

// collect gathers the resolved places of the dateline, the body and the
// captions in w.c.
func (g *Gazetteer) collect(w *work, s *pipeline.Story, dateline int32, minScore float64, english bool) {
	w.c.reset()
	if dateline >= 0 {
		w.c.add(dateline, -1).extra++
	}
	for i, p := range w.winners {
		if p >= 0 {
			w.c.bodyHit(p, &w.ms[i])
		}
	}
	g.captionPlaces(w, s.Captions, &w.ev, minScore, english)
}

// captionPlaces adds the places of the photo captions.
func (g *Gazetteer) captionPlaces(w *work, captions []string, ev *evidence, minScore float64, english bool) {
	for _, text := range captions {
		w.cap.reset(g, text, nil, nil, english)
		w.cms = w.cap.scan(w.cms[:0])
		for i := range w.cms {
			m := &w.cms[i]
			if m.vetoed || g.metonym(m) || g.governmentUse(m) {
				continue
			}
			if p, _ := g.best(m, ev, minScore); p >= 0 {
				w.c.captionHit(p, m.text)
			}
		}
	}
}

// addCues counts the country names and demonyms among the mentions.
func (g *Gazetteer) addCues(ev *evidence, ms []mention) {
	for i := range ms {
		for _, c := range ms[i].cands {
			if c.country != 0 {
				ev.addCountry(g.codes[c.country], 1)
			}
		}
	}
}

// resolveAll picks the best reading of every mention (-1: not a place).
func (g *Gazetteer) resolveAll(dst []int32, ms []mention, ev *evidence, minScore float64) []int32 {
	for i := range ms {
		p := int32(-1)
		if !ms[i].vetoed && !g.metonym(&ms[i]) && !g.governmentUse(&ms[i]) {
			p, _ = g.best(&ms[i], ev, minScore)
		}
		dst = append(dst, p)
	}
	return dst
}

// reresolve runs the second pass, with the first pass's places as evidence,
// over the mentions it can change: those with several readings, and those
// that missed minScore (the evidence only adds to scores, so a lone reading
// that passed still passes).
func (g *Gazetteer) reresolve(winners []int32, ms []mention, ev *evidence, minScore float64) {
	for i := range ms {
		m := &ms[i]
		if m.vetoed || winners[i] >= 0 && len(m.cands) == 1 {
			continue
		}
		if !g.metonym(m) && !g.governmentUse(m) {
			winners[i], _ = g.best(m, ev, minScore)
		}
	}
}

// output turns the collected places into the story's list, ordered by first
// mention (the dateline first, places seen only in captions last).
func (g *Gazetteer) output(w *work) []pipeline.Place {
	fs := w.c.fs
	if len(fs) == 0 {
		return nil
	}
	slices.SortStableFunc(fs, func(a, b found) int { return cmp.Compare(a.first, b.first) })
	w.linkHits()
	nspans := 0
	for i := range fs {
		nspans += fs[i].spans
	}
	spans := make([]pipeline.Span, 0, nspans) // one array for all the places' spans
	geo := make([]pipeline.GeoPoint, len(fs))
	out := make([]pipeline.Place, len(fs))
	for i := range fs {
		f := &fs[i]
		p := &g.places[f.place]
		start := len(spans)
		w.surf = w.surf[:0]
		for k := w.firstHit[i]; k >= 0; k = w.next[k] {
			h := &w.c.hits[k]
			w.surf = append(w.surf, h.text)
			if h.body {
				spans = append(spans, h.span)
			}
		}
		var ps []pipeline.Span
		if len(spans) > start {
			ps = spans[start:len(spans):len(spans)]
		}
		geo[i] = pipeline.GeoPoint{Lat: p.lat, Lon: p.lon}
		out[i] = pipeline.Place{
			ID: g.id(p), Name: g.name(p), Aliases: aliases(g.name(p), g.aliasesOf(p), w.surf), CountryCode: g.cc(p),
			Admin1: g.admin1Name(p), Kind: g.str(p.kind), Location: &geo[i],
			Mentions: f.spans + f.extra, Spans: ps,
		}
	}
	return out
}

// linkHits chains the hits of each sorted place in the order met: the hits
// of w.c.fs[i] are w.firstHit[i], then w.next of it, until -1.
func (w *work) linkHits() {
	n := len(w.c.fs)
	w.rank = slices.Grow(w.rank[:0], n)[:n]
	w.firstHit = slices.Grow(w.firstHit[:0], n)[:n]
	w.lastHit = slices.Grow(w.lastHit[:0], n)[:n]
	for i := range w.c.fs {
		w.rank[w.c.fs[i].id] = int32(i)
		w.firstHit[i], w.lastHit[i] = -1, -1
	}
	w.next = slices.Grow(w.next[:0], len(w.c.hits))[:len(w.c.hits)]
	for k := range w.c.hits {
		r := w.rank[w.c.hits[k].found]
		w.next[k] = -1
		if w.lastHit[r] < 0 {
			w.firstHit[r] = int32(k)
		} else {
			w.next[w.lastHit[r]] = int32(k)
		}
		w.lastHit[r] = int32(k)
	}
}

// aliases lists the forms the story used that differ from the name and from
// the hand-made aliases, then the hand-made aliases. When the story used only
// known forms it returns the shared, capacity-capped hand-made list.
func aliases(name string, known, surface []string) []string {
	var extra []string
	for k, s := range surface {
		if k > 0 && s == surface[k-1] {
			continue // met just before, with the same outcome
		}
		if !strings.EqualFold(s, name) && !containsFold(known, s) && !containsFold(extra, s) {
			extra = append(extra, s)
		}
	}
	if len(extra) == 0 {
		return known[:len(known):len(known)]
	}
	return append(extra, known...)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
