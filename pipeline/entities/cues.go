package entities

import (
	"math/bits"
	"strings"

	"github.com/warwire/warwire/pipeline/entities/words"
)

// connectors may stand between the capitalised words of an organisation's
// name: "Institute for the Study of War".
var connectors = set("of", "for", "the", "and", "on", "de", "du", "des", "la", "al", "für", "der")

// titleCues are words that introduce a person's name: "spokesman Ivan Petrenko".
var titleCues = set("president", "minister", "spokesman", "spokeswoman", "spokesperson", "general",
	"gen", "governor", "mayor", "mr", "ms", "mrs", "dr", "colonel", "col", "lieutenant", "lt",
	"commander", "ambassador", "envoy", "adviser", "advisor", "aide", "deputy", "senator", "sen",
	"rep", "analyst", "researcher", "expert", "official", "chief", "head", "secretary", "lawmaker",
	"mp", "soldier", "resident", "prosecutor", "judge", "director", "ceo", "chairman",
	"chairwoman", "leader", "patriarch", "pope", "prince", "king", "queen", "sergeant", "sgt",
	"captain", "capt", "major", "maj", "admiral", "adm", "marshal", "economist", "professor",
	"prof", "correspondent", "journalist", "activist", "volunteer", "medic", "doctor", "survivor",
	"witness", "blogger", "commissioner", "ombudsman", "negotiator", "representative", "founder",
	"chancellor", "premier", "speaker", "counsel", "attorney", "officer", "pilot", "commentator",
	"historian", "scientist", "engineer", "farmer", "teacher", "student", "priest", "bishop",
	"archbishop", "host", "editor", "writer", "author", "businessman", "businesswoman",
	"oligarch", "tycoon", "billionaire", "mother", "father", "wife", "husband", "son", "daughter",
	"brother", "sister", "widow", "sen.", "gov", "mp", "councillor", "councilor", "deputies",
	"colonel-general", "lieutenant-general", "major-general", "brigadier", "fellow", "manager",
	"pensioner", "nurse", "driver", "mechanic", "worker", "shopkeeper", "grandmother",
	"grandfather", "refugee", "evacuee", "paramedic", "firefighter", "rescuer", "lawyer",
	"chaplain", "sniper", "gunner", "commander", "resident", "owner", "coordinator", "organiser",
	"organizer", "spokesperson", "researcher", "miner", "soldier", "veteran",
	// Russian and Ukrainian
	"экономист", "эксперт", "аналитик", "министр", "губернатор", "мэр", "президент", "депутат",
	"спикер", "представитель", "глава", "директор", "командир", "генерал", "полковник",
	"журналист", "волонтер", "волонтёр", "житель", "жительница", "економіст", "експерт",
	"аналітик", "міністр", "голова", "речник", "речниця", "мер", "командувач", "полковник",
	"журналіст", "волонтер", "мешканець", "мешканка", "губернатор", "депутатка",
	// German
	"präsident", "ministerin", "sprecher", "sprecherin", "bürgermeister", "gouverneur",
	"experte", "expertin", "kommandeur", "oberst", "botschafter", "abgeordnete")

// titleModifiers may stand between a title cue and the name or lead a run:
// "Foreign Minister", "Deputy Defence Minister".
var titleModifiers = set("foreign", "defence", "defense", "deputy", "prime", "interior", "finance",
	"economy", "energy", "justice", "health", "vice", "chief", "senior", "former", "acting",
	"first", "head", "regional", "military", "presidential", "press", "top", "veteran",
	"opposition", "state", "secretary", "general", "lieutenant", "security", "culture", "digital",
	"agriculture", "education", "infrastructure", "economic", "trade", "national", "ex")

// leadingWords are capitalised words that start sentences or names without
// being part of a name.
var leadingWords = set("the", "a", "an", "in", "on", "at", "but", "and", "or", "while", "as",
	"after", "before", "since", "when", "if", "although", "though", "because", "during", "for",
	"from", "to", "with", "by", "this", "that", "these", "those", "his", "her", "its", "their",
	"our", "my", "we", "they", "he", "she", "it", "i", "you", "there", "here", "what", "who",
	"how", "why", "where", "meanwhile", "however", "yet", "still", "also", "even", "only", "some",
	"many", "most", "several", "both", "all", "each", "every", "no", "not", "now", "then",
	"earlier", "later", "last", "next", "over", "under", "about", "among", "despite", "asked",
	"speaking", "according", "separately", "instead", "once", "until", "unlike", "like", "whether",
	"so", "thus", "dear", "mr", "ms", "mrs", "dr", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "sen", "rep", "gov", "gen", "lt",
	"col", "maj", "capt", "sgt", "adm", "prof", "two", "three", "four", "five", "one", "several",
	"said", "says", "told", "added", "photo",
	"reporting", "editing", "writing", "additional", "live", "watch", "read", "breaking", "update",
	"exclusive", "analysis", "opinion", "factbox", "explainer", "timeline", "god", "thank", "yes")

// trailingWords end a run without being part of the name.
var trailingWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "said", "says", "on", "in", "i", "ii")

// orgKeywords mark a run as an organisation's name.
var orgKeywords = set("Ministry", "Council", "Agency", "Committee", "Institute", "Foundation",
	"Bank", "Group", "Corp", "Corporation", "Company", "Party", "Brigade", "Front", "Union",
	"Service", "Office", "Commission", "Court", "Battalion", "Regiment", "Division", "Corps",
	"University", "Center", "Centre", "Association", "Fund", "Organization", "Organisation",
	"Network", "Movement", "Inc", "Ltd", "LLC", "Airlines", "Bureau", "Directorate",
	"Department", "Guard", "Assembly", "Coalition", "Initiative", "Watch", "International",
	"Holdings", "Industries", "Systems", "Technologies", "Motors", "Energy", "Academy", "Church",
	"Patriarchate", "Legion", "Battalions", "Army", "Navy", "Fleet", "Forces", "Force", "Club",
	"Society", "Tribunal", "Parliament", "Cabinet", "Administration", "Authority", "Board",
	"Secretariat", "Command", "Staff", "Times", "Post", "Agency's", "Enterprises", "Group's",
	"Media", "Television", "Radio", "Press", "News", "Monitor", "Observatory", "Mission",
	"Collective", "Hub", "Cooperative", "Alliance", "Consortium", "Syndicate", "Trust",
	"Federation", "League", "Brotherhood", "Charity", "Partnership", "Platform")

// stateWords with organisation keywords make a generic state body: "State
// Emergency Service", "Air Force", "Border Guard Service".
var stateWords = set("Emergency", "Emergencies", "Border", "Air", "Police", "Prosecutor",
	"Prosecutor's", "Customs", "Tax", "Migration", "Intelligence", "Investigation",
	"Investigative", "Security", "Energy", "Armed", "Ground", "Naval", "Special", "Operations",
	"Operational", "Territorial", "Defence", "Defense", "Interior", "Justice", "Health",
	"Finance", "Economy", "Infrastructure", "Statistics", "Civil", "Protection", "Rescue",
	"Coast", "Marine", "Land", "Joint", "Strategic", "Communications", "Cyber", "Media")

// placeWords mark a run as a place, an event or a thing: not for this stage.
var placeWords = set("Street", "Square", "Oblast", "Region", "Province", "District", "River",
	"Sea", "Bridge", "Airport", "Station", "Peninsula", "Island", "Islands", "Mountains", "City",
	"Village", "Avenue", "Boulevard", "Highway", "Plant", "Summit", "Conference", "War", "Day",
	"Forum", "Cup", "Games", "Festival", "Prize", "Award", "Act", "Treaty", "Agreement",
	"Accords", "Plan", "Operation", "Olympics", "Christmas", "Easter", "Raion", "Krai", "Republic",
	"Bay", "Lake", "Gulf", "Strait", "Canal", "Dam", "Reservoir", "Port", "Harbour", "Harbor",
	"Palace", "Cathedral", "Monastery", "Lavra", "Stadium", "Park", "Hospital", "Mall", "Hotel",
	"Base", "Valley", "Hill", "Hills", "Heights", "Coast", "Ocean", "Channel", "Road",
	"Declaration", "Resolution", "Convention", "Charter", "Doctrine", "Formula", "Memorandum",
	"Week", "Year", "Era", "Revolution", "Maidan", "Embassy", "Consulate", "Wall", "Gate", "Tower",
	"Pipeline", "Stream", "Corridor", "Line", "Zone", "Crossing", "Checkpoint",
	"Oblast's", "Region's", "Peace", "Ukrainian", "Russian", "Eastern", "Western", "Northern",
	"Southern", "Central", "Old", "New", "Great", "Grand", "Lower", "Upper", "Nuclear", "Power")

// placePrepsNames before a run mean a place name: "in Pokrovsk", "near Bakhmut".
var placePrepsNames = set("in", "near", "from", "to", "at", "outside", "around", "toward",
	"towards", "into", "across", "via", "through", "visited", "visiting", "reached", "captured",
	"liberated", "seized", "shelled", "struck", "hit", "of", "between", "over", "took",
	"retook", "defend", "defending", "encircle", "encircled", "surrounded")

// speechVerbs after a name mark it as a speaker.
var speechVerbs = set("said", "says", "told", "added", "wrote", "stated", "explained", "noted",
	"argued", "warned", "insisted", "claimed", "announced", "tweeted", "posted", "recalled",
	"confirmed", "denied", "stressed", "replied", "asked", "urged", "acknowledged", "admitted",
	"commented", "declared", "emphasised", "emphasized", "observed", "remarked", "reported",
	"suggested", "thinks", "believes", "who", "whose")

// wordFilter is a one-hash Bloom filter of 1024 bits over the words.FNV hashes
// of lower-case words. A token whose Token.LowerHash (the hash of its
// lower-case text, set for ASCII letters only) misses the filter is none of
// its words, in any case.
type wordFilter [16]uint64

// newWordFilter returns the filter of the words of sets.
func newWordFilter(sets ...map[string]bool) *wordFilter {
	f := new(wordFilter)
	for _, set := range sets {
		for w := range set {
			h := words.FNV(strings.ToLower(w))
			f[h>>28] |= 1 << (h >> 22 & 63)
		}
	}
	return f
}

// mayHave reports whether a word with words.FNV hash h may be in f (always,
// when f is nil).
func (f *wordFilter) mayHave(h uint32) bool { return f == nil || f[h>>28]&(1<<(h>>22&63)) != 0 }

// listFilters holds the filter of each word list of a wordSet, by bit; nil
// for a bit with no filter.
var listFilters = func() (fs [32]*wordFilter) {
	for s, words := range map[wordSet]map[string]bool{inConnectors: connectors,
		inTitleCues: titleCues, inTitleModifiers: titleModifiers, inLeadingWords: leadingWords,
		inTrailingWords: trailingWords, inPlacePrepsNames: placePrepsNames,
		inSpeechVerbs: speechVerbs, inActorNouns: actorNouns, inFormerWords: formerWords,
		inPlacePreps: placePreps, inActorVerbs: actorVerbs, inTransitiveVerbs: transitiveVerbs,
		inCityNouns: cityNouns, inAfterTitle: afterTitle} {
		fs[bits.TrailingZeros32(uint32(s))] = newWordFilter(words)
	}
	return fs
}()

// inQuick is in, rejecting an ASCII token by the filters of the lists of s
// before looking it up.
func (d *doc) inQuick(k int, s wordSet) bool {
	if k < 0 {
		return false
	}
	if h := d.toks[k].LowerHash; h != 0 && d.sets[k] == 0 {
		miss := true
		for b := s; b != 0 && miss; b &= b - 1 {
			miss = !listFilters[bits.TrailingZeros32(uint32(b))].mayHave(h)
		}
		if miss {
			return false
		}
	}
	return d.in(k, s)
}

// Filters of the case-sensitive word lists.
var (
	orgKeywordsFilter = newWordFilter(orgKeywords)
	stateWordsFilter  = newWordFilter(stateWords)
	placeWordsFilter  = newWordFilter(placeWords)
)

// textIn reports whether the text of token k as written is in set, whose
// filter is f.
func (d *doc) textIn(k int, set map[string]bool, f *wordFilter) bool {
	t := &d.toks[k]
	if t.LowerHash != 0 && !f.mayHave(t.LowerHash) {
		return false
	}
	return set[t.Text(d.body)]
}

// lowerInQuick is lowerIn, with the filters of inQuick for ASCII tokens
// (whose lower-case text lowerIn looks up as in does).
func (d *doc) lowerInQuick(k int, s wordSet) bool {
	if d.toks[k].LowerHash != 0 {
		return d.inQuick(k, s)
	}
	return d.lowerIn(k, s)
}
