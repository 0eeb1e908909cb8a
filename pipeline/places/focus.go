package places

import (
	"math"
	"strings"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
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
// also counts as evidence for the body.
func (g *Gazetteer) resolveDateline(d *pipeline.Dateline, ev *evidence, minScore float64) int32 {
	if d == nil || strings.TrimSpace(d.Text) == "" {
		return -1
	}
	name, hint := d.Text, ""
	if i := strings.IndexAny(name, ",(/"); i >= 0 {
		name, hint = name[:i], name[i+1:]
	}
	cands, _ := g.lookup(fold.Key(name))
	if len(cands) == 0 {
		return -1
	}
	dev := &evidence{country: make([]ccWeight, 0, len(ev.country)+1), hasCtx: ev.hasCtx, english: true}
	for _, c := range ev.country {
		dev.addCountry(c.cc, c.w)
	}
	hintCands, _ := g.lookup(fold.Key(strings.Trim(hint, " )")))
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
// refer to the body) and returns the places and the countries it names.
func (g *Gazetteer) headlinePlaces(ms []mention, ev *evidence, minScore float64) (map[string]bool, map[string]bool) {
	ids, countries := map[string]bool{}, map[string]bool{}
	for i := range ms {
		for _, c := range ms[i].cands {
			if c.country != 0 {
				countries[g.codes[c.country]] = true
			}
		}
		if ms[i].vetoed {
			continue
		}
		if p, _ := g.best(&ms[i], ev, minScore); p >= 0 {
			ids[g.id(&g.places[p])] = true
		}
	}
	return ids, countries
}

// focus picks the main country (an entity) and the main place.
func (g *Gazetteer) focus(s *pipeline.Story, dateline int32, headIDs, headCountries map[string]bool, head *scanner) *pipeline.Focus {
	var f pipeline.Focus
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
		if headCountries[e.CountryCode] || e.Name != "" && head.hasWords(fold.Key(e.Name)) {
			score += headlineWeight
		}
		if e.CountryCode != "" && e.CountryCode == dlCC {
			score += headlineWeight
		}
		if score > bestC {
			bestC = score
			f.Country = &pipeline.FocusCountry{ID: e.ID, Name: e.Name, CountryCode: e.CountryCode}
		}
	}
	f.Place = g.focusPlace(s, dateline, headIDs)
	if f.Country == nil && f.Place == nil {
		return nil
	}
	return &f
}

func (g *Gazetteer) focusPlace(s *pipeline.Story, dateline int32, headIDs map[string]bool) *pipeline.FocusPlace {
	// Spans lie inside the body, so without a paragraph break every span
	// starts in the first paragraph: no need to count the body's runes.
	paraEnd := math.MaxInt
	if i := strings.Index(s.Body, "\n\n"); i >= 0 {
		paraEnd = runeLen(s.Body[:i])
	}
	dlID := ""
	if dateline >= 0 {
		dlID = g.id(&g.places[dateline])
	}
	var best *pipeline.FocusPlace
	bestS := 0.0
	consider := func(id, name string, loc *pipeline.GeoPoint, score float64) {
		if headIDs[id] {
			score += headlineWeight
		}
		if id == dlID {
			score += datelineWeight
		}
		if score > bestS {
			bestS = score
			best = &pipeline.FocusPlace{ID: id, Name: name, Location: loc}
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
	return best
}

// captionMentions is the part of p.Mentions outside the body and the dateline.
func captionMentions(p *pipeline.Place, dlID string) int {
	n := p.Mentions - len(p.Spans)
	if p.ID == dlID {
		n--
	}
	return max(n, 0)
}
