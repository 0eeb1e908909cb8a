package places

import (
	"math"
	"slices"
)

// Scoring weights. A reading's score is its prior (log10 population plus the
// hand-made bonus) plus the evidence below; the best reading of a mention is
// taken when it reaches minScore.
const (
	preferredBonus  = 1.5 // display name or hand-made alias, not an alternate
	countryBonus    = 3.0 // for the story's main country, less for the others
	contextBonus    = 4.0 // a hand-made context word occurs in the story
	nearBonus       = 1.5 // within nearKM of another place of the story
	nearKM          = 150.0
	frontLineBonus  = 0.5
	countryCueScore = 8.0 // a country name or demonym: an entity, not a place
	// foreignMinPop: in a story not in English, a place outside Ukraine and
	// Russia needs this population (or to be a capital or hand-made), since
	// capitalised nouns abound (German "Lage", "Leiden").
	foreignMinPop = 200000
)

// warPrior favours the countries of the war in an ambiguous mention.
var warPrior = map[string]float64{"UA": 1.5, "RU": 1.0}

// frontLine lists the admin1 regions of the fighting and the border.
var frontLine = map[string]bool{
	"UA.05": true, "UA.14": true, "UA.26": true, "UA.08": true, "UA.07": true,
	"UA.21": true, "UA.11": true, "RU.41": true, "RU.09": true, "RU.10": true,
}

// warBonus is the war prior of a place in country cc and admin1 region
// admin1: its country's, plus the front-line bonus.
func warBonus(cc, admin1 string) float64 {
	w := warPrior[cc]
	if frontLine[cc+"."+admin1] {
		w += frontLineBonus
	}
	return w
}

// evidence is what the story says about where it is.
type evidence struct {
	country []ccWeight // a story names few countries: a slice beats a map
	max     float64
	near    []nearPoint // first-pass readings of the mentions
	ctx     *scanner    // the body: context words are looked up there
	english bool
	// byCode is the weight of each country of the gazetteer (by index in
	// Gazetteer.codes), as in country: a reading's country is found at once.
	byCode []float64
}

// ccWeight is the weight of one country code in the evidence.
type ccWeight struct {
	key  uint32 // ccKey(cc)
	code int32  // index in Gazetteer.codes, or -1
	cc   string
	w    float64
}

// longCC is the ccKey of every code longer than two bytes.
const longCC = 1<<32 - 1

// ccKey packs a country code of up to two bytes (all real ones) into a
// number that identifies it, for a quick comparison.
func ccKey(cc string) uint32 {
	switch len(cc) {
	case 0:
		return 0
	case 1:
		return 1<<16 | uint32(cc[0])
	case 2:
		return 2<<16 | uint32(cc[0])<<8 | uint32(cc[1])
	}
	return longCC
}

// find returns the index of cc in e.country, or -1.
func (e *evidence) find(cc string) int {
	k := ccKey(cc)
	for i := range e.country {
		if c := &e.country[i]; c.key == k && (k != longCC || c.cc == cc) {
			return i
		}
	}
	return -1
}

// reset empties e for a new story, keeping its memory.
func (e *evidence) reset(ctx *scanner, english bool) {
	for _, c := range e.country {
		if c.code >= 0 {
			e.byCode[c.code] = 0
		}
	}
	n := len(ctx.g.codes)
	byCode := slices.Grow(e.byCode[:0], n)[:n] // all zeros: cleared above, or new
	*e = evidence{country: e.country[:0], near: e.near[:0], ctx: ctx, english: english, byCode: byCode}
}

func (e *evidence) addCountry(cc string, w float64) {
	if cc == "" || w <= 0 {
		return
	}
	k := e.find(cc)
	if k < 0 {
		k = len(e.country)
		code := int32(-1)
		if i, ok := e.ctx.g.codeIndex(cc); ok {
			code = int32(i)
		}
		e.country = append(e.country, ccWeight{key: ccKey(cc), code: code, cc: cc})
	}
	c := &e.country[k]
	c.w += w
	if c.code >= 0 {
		e.byCode[c.code] = c.w
	}
	if c.w > e.max {
		e.max = c.w
	}
}

// countryScore is the country bonus of the country at index code of
// Gazetteer.codes: in proportion to its weight, 0 when the story does not
// name it.
func (e *evidence) countryScore(code uint16) float64 {
	if e.max == 0 {
		return 0
	}
	if w := e.byCode[code]; w != 0 {
		return countryBonus * w / e.max
	}
	return 0
}

// best returns the best reading of m: a place index, or -1 when the best is a
// country (or nothing scores well enough), and its score.
func (g *Gazetteer) best(m *mention, ev *evidence, minScore float64) (int32, float64) {
	bestI, bestS := int32(-1), math.Inf(-1)
	for _, c := range m.cands {
		s, ok := g.score(c, m, ev, bestS)
		if ok && s > bestS {
			bestI, bestS = c.place, s
		}
	}
	if bestI < 0 || bestS < minScore {
		return -1, bestS
	}
	return bestI, bestS
}

// score returns the score of reading c of m, or false when c is not a
// possible reading. It may also report false for a reading that cannot score
// above beat: the costlier context and nearness tests are skipped then (the
// bonuses only add, and rounding is monotonic, so no winner changes).
func (g *Gazetteer) score(c cand, m *mention, ev *evidence, beat float64) (float64, bool) {
	if c.country != 0 {
		return countryCueScore + ev.countryScore(c.country), true
	}
	if c.needsThe && !m.afterThe {
		return 0, false
	}
	p := &g.places[c.place]
	if !ev.english && !p.curated && !p.capital && p.pop < foreignMinPop && p.war == 0 {
		return 0, false // in German text "Lage" is a noun, not the town
	}
	s := p.prior + ev.countryScore(p.cc) + p.war
	if c.preferred {
		s += preferredBonus
	}
	if p.notes != 0 && len(g.contextOf(p)) > 0 {
		if s+contextBonus+nearBonus <= beat || !g.contextFound(p, ev) {
			return 0, false
		}
		s += contextBonus
	}
	if s+nearBonus <= beat {
		return 0, false
	}
	if ev.isNear(g, p) {
		s += nearBonus
	}
	return s, true
}

// nearPoint is another place of the story, ready for a quick distance test.
type nearPoint struct {
	p        *place
	lat, lon float64
	cosLat   float64
}

// addNear records a first-pass reading, once per place.
func (e *evidence) addNear(p *place) {
	for _, q := range e.near {
		if q.p == p {
			return
		}
	}
	e.near = append(e.near, nearPoint{p: p, lat: p.lat, lon: p.lon, cosLat: math.Cos(p.lat * math.Pi / 180)})
}

// isNear reports another place of the story (not p, nor a namesake) within
// nearKM, by the equirectangular approximation (good to a few per cent at
// these distances).
func (e *evidence) isNear(g *Gazetteer, p *place) bool {
	const degKM = 111.2
	for i := range e.near {
		q := &e.near[i]
		dy := (p.lat - q.lat) * degKM
		if dy > nearKM || dy < -nearKM {
			continue
		}
		dx := (p.lon - q.lon) * degKM * q.cosLat
		if dx*dx+dy*dy < nearKM*nearKM && q.p != p && g.name(q.p) != g.name(p) {
			return true
		}
	}
	return false
}

func (g *Gazetteer) contextFound(p *place, ev *evidence) bool {
	for _, k := range g.contextOf(p) {
		if ev.ctx.hasWords(k) {
			return true
		}
	}
	return false
}

// km is the great-circle distance in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
