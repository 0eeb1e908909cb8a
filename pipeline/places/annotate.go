package places

import (
	"sort"
	"strings"
	"sync"

	"github.com/warwire/warwire/pipeline"
)

// work is the reusable memory of one annotation.
type work struct {
	body, head, cap scanner
	ms, hms, cms    []mention
	ents            entityMask
	winners         []int32
	ev              evidence
}

var workPool = sync.Pool{New: func() any { return new(work) }}

// found is one resolved place of a story while it is being collected.
type found struct {
	place   int32
	first   int // first body span start; -1 for the dateline, a large number for captions
	spans   []pipeline.Span
	extra   int // mentions outside the body: dateline and captions
	surface []string
}

// collector merges resolved mentions by place (a story names few places: a
// linear search beats a map).
type collector struct {
	fs []found
}

func (c *collector) add(p int32, first int) *found {
	for k := range c.fs {
		if c.fs[k].place == p {
			return &c.fs[k]
		}
	}
	c.fs = append(c.fs, found{place: p, first: first})
	return &c.fs[len(c.fs)-1]
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
	w.body.reset(g, s.Body, &w.ents, english)
	w.ms = w.body.scan(w.ms[:0])
	w.head.reset(g, s.Headline, nil, false)
	w.hms = w.head.scan(w.hms[:0])

	ev := &w.ev
	ev.reset(w.body.hasWords, english)
	for _, e := range s.Entities {
		if e.Type == pipeline.EntityCountry {
			ev.addCountry(e.CountryCode, float64(max(e.Mentions, 1)))
		}
	}
	dateline := g.resolveDateline(s.Dateline, ev, minScore)
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

	var c collector
	if dateline >= 0 {
		c.add(dateline, -1).extra++
	}
	for i, p := range w.winners {
		if p >= 0 {
			f := c.add(p, w.ms[i].span[0])
			f.spans = append(f.spans, w.ms[i].span)
			f.surface = append(f.surface, w.ms[i].text)
		}
	}
	g.captionPlaces(w, &c, s.Captions, ev, minScore, english)
	s.Places = g.output(c.fs)
	if dateline >= 0 {
		p := &g.places[dateline]
		s.Dateline.Place = &pipeline.Ref{ID: g.id(p), Name: g.name(p)}
	}
	headIDs, headCountries := g.headlinePlaces(w.hms, ev, minScore)
	s.Focus = g.focus(s, dateline, headIDs, headCountries, &w.head)
}

// captionPlaces adds the places of the photo captions.
func (g *Gazetteer) captionPlaces(w *work, c *collector, captions []string, ev *evidence, minScore float64, english bool) {
	for _, text := range captions {
		w.cap.reset(g, text, nil, english)
		w.cms = w.cap.scan(w.cms[:0])
		for i := range w.cms {
			m := &w.cms[i]
			if m.vetoed || g.metonym(m) || g.governmentUse(m) {
				continue
			}
			if p, _ := g.best(m, ev, minScore); p >= 0 {
				f := c.add(p, afterBody)
				f.extra++
				f.surface = append(f.surface, m.text)
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
func (g *Gazetteer) output(fs []found) []pipeline.Place {
	if len(fs) == 0 {
		return nil
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].first < fs[j].first })
	out := make([]pipeline.Place, len(fs))
	for i := range fs {
		f := &fs[i]
		p := &g.places[f.place]
		out[i] = pipeline.Place{
			ID: g.id(p), Name: g.name(p), Aliases: aliases(g.name(p), g.aliasesOf(p), f.surface), CountryCode: g.cc(p),
			Admin1: g.admin1Name(p), Kind: g.str(p.kind), Location: &pipeline.GeoPoint{Lat: p.lat, Lon: p.lon},
			Mentions: len(f.spans) + f.extra, Spans: f.spans,
		}
	}
	return out
}

// aliases lists the forms the story used that differ from the name and from
// the hand-made aliases, then the hand-made aliases. When the story used only
// known forms it returns the shared, capacity-capped hand-made list.
func aliases(name string, known, surface []string) []string {
	var extra []string
	for _, s := range surface {
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
