package places

import (
	"math"
	"slices"
	"strings"

	"github.com/warwire/warwire/pipeline"
)

// Focus weights: a mention counts 1; these add to it.
const (
	headlineWeight   = 2.0
	datelineWeight   = 3.0
	firstParaWeight  = 1.0
	datelineHintBias = 100.0 // "LUCERNE, Switzerland": the named country wins
	datelineSlack    = 2.0   // a dateline names a place: accept weaker readings
)

// resolveDateline resolves the dateline text ("KYIV", "LUCERNE, Switzerland")
// to a place index, or -1. A country after the name steers the reading and
// also counts as evidence for the body (w.ev).
func (g *Gazetteer) resolveDateline(w *work, d *pipeline.Dateline, minScore float64) int32 {
	if d == nil || strings.TrimSpace(d.Text) == "" {
		return -1
	}
	name, hint := d.Text, ""
	if i := strings.IndexAny(name, ",(/"); i >= 0 {
		name, hint = name[:i], name[i+1:]
	}
	cands, _ := g.lookupBytes(w.foldKey(name))
	if len(cands) == 0 {
		return -1
	}
	ev, dev := &w.ev, &w.dev
	dev.reset(ev.ctx, true)
	for _, c := range ev.country {
		dev.addCountry(c.cc, c.w)
	}
	hintCands, _ := g.lookupBytes(w.foldKey(strings.Trim(hint, " )")))
	for _, c := range hintCands {
		if c.country != 0 {
			dev.addCountry(g.codes[c.country], datelineHintBias)
			ev.addCountry(g.codes[c.country], datelineWeight)
		}
	}
	m := mention{cands: cands}
	p, _ := g.best(&m, dev, minScore-datelineSlack)
	return p
}

// headlinePlaces resolves the headline's mentions (for the focus only: spans
// refer to the body) into w.headIDs, and the countries it names into
// w.headCCs.
func (g *Gazetteer) headlinePlaces(w *work, minScore float64) {
	w.headIDs, w.headCCs = w.headIDs[:0], w.headCCs[:0]
	for i := range w.hms {
		m := &w.hms[i]
		for _, c := range m.cands {
			if c.country != 0 {
				w.headCCs = append(w.headCCs, g.codes[c.country])
			}
		}
		if m.vetoed {
			continue
		}
		if p, _ := g.best(m, &w.ev, minScore); p >= 0 {
			w.headIDs = append(w.headIDs, g.id(&g.places[p]))
		}
	}
}

// focusOut holds a story's focus and its parts in one allocation.
type focusOut struct {
	focus   pipeline.Focus
	country pipeline.FocusCountry
	place   pipeline.FocusPlace
}

// focus picks the main country (an entity) and the main place.
func (g *Gazetteer) focus(w *work, s *pipeline.Story, dateline int32) *pipeline.Focus {
	out := new(focusOut)
	dlCC := ""
	if dateline >= 0 {
		dlCC = g.cc(&g.places[dateline])
	}
	bestC := 0.0
	for i := range s.Entities {
		e := &s.Entities[i]
		if e.Type != pipeline.EntityCountry {
			continue
		}
		score := float64(e.Mentions)
		if slices.Contains(w.headCCs, e.CountryCode) || e.Name != "" && hasWords(&w.head, w.foldKey(e.Name)) {
			score += headlineWeight
		}
		if e.CountryCode != "" && e.CountryCode == dlCC {
			score += headlineWeight
		}
		if score > bestC {
			bestC = score
			out.country = pipeline.FocusCountry{ID: e.ID, Name: e.Name, CountryCode: e.CountryCode}
			out.focus.Country = &out.country
		}
	}
	if g.focusPlace(s, &w.body, dateline, w.headIDs, &out.place) {
		out.focus.Place = &out.place
	}
	if out.focus.Country == nil && out.focus.Place == nil {
		return nil
	}
	return &out.focus
}

// focusPlace puts the main place in best and reports whether there is one.
// body is the scanner of s.Body.
func (g *Gazetteer) focusPlace(s *pipeline.Story, body *scanner, dateline int32, headIDs []string, best *pipeline.FocusPlace) bool {
	// Spans lie inside the body, so without a paragraph break every span
	// starts in the first paragraph: no need to count the body's runes.
	paraEnd := math.MaxInt
	if i := strings.Index(s.Body, "\n\n"); i >= 0 {
		paraEnd = body.runeOffset(i)
	}
	dlID := ""
	if dateline >= 0 {
		dlID = g.id(&g.places[dateline])
	}
	found := false
	bestS := 0.0
	consider := func(id, name string, loc *pipeline.GeoPoint, score float64) {
		if slices.Contains(headIDs, id) {
			score += headlineWeight
		}
		if id == dlID {
			score += datelineWeight
		}
		if score > bestS {
			bestS, found = score, true
			*best = pipeline.FocusPlace{ID: id, Name: name, Location: loc}
		}
	}
	dlSeen := false
	for i := range s.Places {
		p := &s.Places[i]
		score := float64(len(p.Spans) + captionMentions(p, dlID))
		if len(p.Spans) > 0 && p.Spans[0][0] < paraEnd {
			score += firstParaWeight
		}
		dlSeen = dlSeen || p.ID == dlID
		consider(p.ID, p.Name, p.Location, score)
	}
	if dateline >= 0 && !dlSeen {
		p := &g.places[dateline]
		consider(g.id(p), g.name(p), &pipeline.GeoPoint{Lat: p.lat, Lon: p.lon}, 0)
	}
	return found
}

// captionMentions is the part of p.Mentions outside the body and the dateline.
func captionMentions(p *pipeline.Place, dlID string) int {
	n := p.Mentions - len(p.Spans)
	if p.ID == dlID {
		n--
	}
	return max(n, 0)
}
