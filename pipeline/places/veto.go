package places

import (
	"strings"

	etext "github.com/warwire/warwire/pipeline/entities/text"
)

// actorVerbs follow a name used as an actor: "Washington said" is a
// government, "Shevchenko told reporters" a person; neither is a place.
var actorVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true,
	"warned": true, "warns": true, "announced": true, "announces": true,
	"accused": true, "accuses": true, "insisted": true, "insists": true,
	"denied": true, "denies": true, "claimed": true, "claims": true,
	"stated": true, "wants": true, "demanded": true, "demands": true,
	"responded": true, "replied": true, "urged": true, "urges": true,
	"added": true, "believes": true, "signalled": true, "signaled": true,
	"condemned": true, "rejected": true, "welcomed": true, "agreed": true,
}

// placePrepositions before a name make it a place even before an actor verb:
// "officials in Kyiv said".
var placePrepositions = map[string]bool{
	"in": true, "at": true, "from": true, "near": true, "to": true, "of": true,
	"outside": true, "around": true, "into": true, "across": true, "over": true,
	"towards": true, "toward": true, "via": true, "inside": true,
}

// titles before a name make it a person: "President Washington".
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true,
	"gen": true, "general": true, "col": true, "colonel": true, "lt": true,
	"sgt": true, "minister": true, "senator": true, "sen": true, "rep": true,
	"gov": true, "judge": true, "sir": true, "lord": true, "lady": true,
	"pope": true, "king": true, "queen": true, "prince": true, "commander": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "envoy": true,
	"ambassador": true, "chancellor": true, "premier": true, "adm": true, "admiral": true,
}

// qualifiers may stand capitalised before a place: "Eastern Kharkiv", "Lake
// Lucerne", "In Kyiv".
var qualifiers = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true,
	"greater": true, "upper": true, "lower": true, "occupied": true, "in": true,
	"near": true, "from": true, "outside": true, "at": true, "to": true, "of": true,
	"lake": true, "mount": true, "port": true, "fort": true, "cape": true, "gulf": true,
	"bay": true, "river": true, "saint": true, "st": true, "san": true, "santa": true,
	"new": true, "old": true, "little": true, "great": true, "east-central": true,
}

// vetoed reports whether the words around tokens [i, j) show a person or an
// actor rather than a place, and whether it is a person.
func (s *scanner) vetoed(i, j int) (veto, person bool) {
	if s.is(j, clsActorVerb) && !s.is(i-1, clsPlacePreposition) &&
		s.text[s.toks[j-1].End:s.toks[j].Start] == " " {
		return true, false
	}
	if s.personName(i, j) {
		return true, true
	}
	if s.names && j == i+1 && s.capitalAfter(j) && !s.is(j, clsPlaceNoun) {
		if _, known := s.g.lookupBytes(s.word(j)); !known {
			return true, false // "Taras Hnatiuk", "Washington Post"
		}
	}
	return false, false
}

// personName reports a given name before a capitalised word ("Vladimir
// Putin"), a name after a given name or a title ("Lloyd Austin", "President
// Washington") and, in English body text, a name preceded by an unknown
// capitalised word ("Jens Stoltenberg").
func (s *scanner) personName(i, j int) bool {
	if j == i+1 && s.is(i, clsGivenName) && s.capitalAfter(j) {
		return true
	}
	if i > 0 && (s.is(i-1, clsGivenName) && s.capitalAfter(i) || s.is(i-1, clsTitle)) {
		return true
	}
	return s.names && i > 0 && s.afterGivenName(i)
}

// capitalAfter reports a capitalised word right after token j-1, joined by a
// single space.
func (s *scanner) capitalAfter(j int) bool {
	return j < len(s.toks) && s.upper(j) && s.text[s.toks[j-1].End:s.toks[j].Start] == " "
}

// givenNames are given names that are also places ("Vladimir", a Russian
// city; "Mariia", a Ukrainian village): before a capitalised word they are a
// person's, in any language.
var givenNames = map[string]bool{
	"vladimir": true, "volodymyr": true, "wolodymyr": true, "taras": true,
	"mariia": true, "maria": true, "olena": true, "olga": true, "vera": true,
	"victoria": true, "viktor": true, "sofia": true, "nadia": true, "anna": true,
	"oleksandr": true, "aleksandr": true, "alexander": true, "mykola": true,
	"nikolai": true, "andriy": true, "andrii": true, "yulia": true, "iryna": true,
	"lloyd": true, "florence": true, "charlotte": true, "austin": true, "jordan": true,
	"lincoln": true, "eugene": true, "marion": true, "troy": true, "paris": true,
}

// placeNouns may follow a place name with a capital: "Donetsk Governor",
// "Kyiv Mayor", "Black Sea Fleet".
var placeNouns = map[string]bool{
	"governor": true, "mayor": true, "oblast": true, "region": true, "province": true,
	"city": true, "council": true, "regional": true, "military": true,
	"administration": true, "airport": true, "station": true, "street": true,
	"avenue": true, "square": true, "district": true, "krai": true, "raion": true,
	"bay": true, "port": true, "river": true, "sea": true, "bridge": true,
	"nuclear": true, "plant": true, "fleet": true, "front": true, "direction": true,
	"oblast's": true, "reservoir": true, "canal": true, "highway": true, "metro": true,
	"state": true, "police": true, "prosecutor": true, "court": true, "university": true,
	"hospital": true, "cathedral": true, "palace": true, "zoo": true, "summit": true,
	"format": true, "group": true, "talks": true, "agreement": true, "accords": true,
	"process": true, "declaration": true, "conference": true, "airbase": true,
	"base": true, "spit": true, "island": true, "peninsula": true, "mountains": true,
}

// afterGivenName reports a capitalised word right before token i, in the same
// sentence, that is not a direction: "Jens Stoltenberg", "Lloyd Austin".
func (s *scanner) afterGivenName(i int) bool {
	p := s.toks[i-1]
	if p.Flags&etext.Upper == 0 || s.isThe(i-1) || s.text[p.End:s.toks[i].Start] != " " || s.is(i-1, clsQualifier) {
		return false
	}
	if _, known := s.g.lookupBytes(s.word(i - 1)); known {
		return false // "Donetsk Luhansk" lists, "Swiss Lucerne"
	}
	return !s.sentenceStart(i - 1)
}

// sentenceStart reports whether token i opens a sentence, a line or a quote.
func (s *scanner) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	sep := s.text[s.toks[i-1].End:s.toks[i].Start]
	return strings.ContainsAny(sep, ".!?\n:;\"“”«»()[]") || strings.Contains(sep, "—")
}

// auxiliaries after a capital make it its government: "Moscow has", "Kyiv will".
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "was": true, "will": true,
	"would": true, "could": true, "should": true, "must": true, "can": true,
	"cannot": true, "does": true, "did": true, "hopes": true, "sees": true,
	"insists": true, "seeks": true, "needs": true, "expects": true,
}

// metonym reports a national capital used for its government: followed by an
// auxiliary or a past-tense verb ("Moscow pressed its offensive"), and not
// after a preposition of place ("talks in Moscow ended").
func (g *Gazetteer) metonym(m *mention) bool {
	s := m.scanner
	if s == nil || m.tok1 >= len(s.toks) || !g.anyCapital(m.cands) {
		return false
	}
	if s.text[s.toks[m.tok1-1].End:s.toks[m.tok1].Start] != " " {
		return false
	}
	if s.is(m.tok0-1, clsPlacePreposition) {
		return false
	}
	if s.is(m.tok1, clsAuxiliary) {
		return true
	}
	next := s.word(m.tok1)
	return len(next) > 4 && string(next[len(next)-2:]) == "ed"
}

// governmentUse reports a national capital standing for its government:
// "Moscow's goals", "accused Kyiv of", "controlled by Kyiv".
func (g *Gazetteer) governmentUse(m *mention) bool {
	s := m.scanner
	if s == nil || !g.anyCapital(m.cands) {
		return false
	}
	if s.is(m.tok0-1, clsActorBefore) {
		return true
	}
	if m.tok0 > 1 && string(s.word(m.tok0-1)) == "to" && string(s.word(m.tok0-2)) == "according" {
		return true // "according to Kyiv"
	}
	if m.tok1 < len(s.toks) && s.is(m.tok1, clsGovNoun) && s.text[s.toks[m.tok1-1].End:s.toks[m.tok1].Start] == " " {
		return true // "the Kyiv regime"
	}
	end := s.toks[m.tok1-1].End
	rest := s.text[end:]
	if !strings.HasPrefix(rest, "'s ") && !strings.HasPrefix(rest, "’s ") {
		return false
	}
	for k := m.tok1; k < m.tok1+2 && k < len(s.toks); k++ {
		if s.is(k, clsActorNoun) {
			return true
		}
	}
	return false
}

// actorBefore precede a capital used for its government.
var actorBefore = map[string]bool{
	"accused": true, "accuses": true, "accusing": true, "by": true, "angered": true, "urged": true,
	"urging": true, "pressed": true, "pressing": true, "blamed": true, "criticised": true,
	"criticized": true, "warned": true, "told": true, "asked": true, "backed": true,
}

// actorNouns after a capital's possessive make it the government: "Moscow's
// goals", "Washington's aid".
var actorNouns = map[string]bool{
	"troops": true, "forces": true, "army": true, "military": true, "offensive": true,
	"invasion": true, "war": true, "goals": true, "aims": true, "demands": true,
	"position": true, "stance": true, "policy": true, "aid": true, "support": true,
	"allies": true, "hesitation": true, "refusal": true, "decision": true,
	"government": true, "leadership": true, "diplomats": true, "negotiators": true,
	"proposal": true, "plan": true, "claims": true, "annexation": true, "biggest": true,
	"largest": true, "latest": true, "response": true, "envoy": true, "officials": true,
	"approach": true, "insistence": true, "commitment": true, "side": true, "backing": true, "weapons": true, "strategy": true,
}

func (g *Gazetteer) anyCapital(cands []cand) bool {
	for _, c := range cands {
		if c.country == 0 && g.places[c.place].capital {
			return true
		}
	}
	return false
}

// govNouns after a capital make it its government: "the Kyiv regime".
var govNouns = map[string]bool{
	"regime": true, "government": true, "authorities": true, "leadership": true,
}
