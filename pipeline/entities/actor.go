package entities

import "github.com/warwire/warwire/pipeline/entities/text"

// set builds a lookup set of lower-case words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// actorNouns follow a demonym used for its state: "Russian forces",
// "Chinese leaders", "U.S. officials".
var actorNouns = set("forces", "force", "troops", "army", "military", "soldiers", "officials",
	"official", "leaders", "leader", "leadership", "government", "authorities", "diplomats",
	"diplomat", "envoy", "envoys", "ambassador", "embassy", "delegation", "side", "negotiators",
	"navy", "lawmakers", "parliament", "prosecutors", "intelligence", "spokesman", "spokeswoman",
	"spokesperson", "ministry", "foreign", "defence", "defense", "president", "prime",
	"counterpart", "counterparts", "officers", "commanders", "command", "units", "strikes",
	"shelling", "missiles", "missile", "drones", "drone", "warplanes", "jets", "artillery",
	"invasion", "aggression", "occupation", "occupiers", "regime", "administration", "state",
	"sanctions", "attacks", "attack", "offensive", "counteroffensive", "bombardment",
	"airstrikes", "air", "border", "warships", "fleet", "paratroopers", "marines", "generals",
	"minister", "ministers", "security", "special", "defenders", "mercenaries", "army's")

// formerWords before a title mean a past holder, not the current one.
var formerWords = set("former", "ex", "late", "then", "previous", "past", "future", "next", "acting")

// placePreps before a capital mean the city, not the government.
var placePreps = set("in", "to", "from", "near", "at", "outside", "around", "toward", "towards",
	"into", "across", "over", "via", "through", "visit", "visited", "visiting", "visits", "arrived",
	"flew", "travelled", "traveled", "returned", "reached", "on", "of", "above", "inside", "within",
	"hit", "struck", "targeted", "shelled", "left", "between", "for", "under", "beyond", "в", "во", "из", "на", "до", "у", "з", "із", "in", "nach", "aus", "bei")

// actorVerbs after a capital mean the government acting or speaking.
var actorVerbs = set("said", "says", "say", "has", "have", "had", "is", "was", "will", "would",
	"could", "can", "may", "might", "must", "should", "rejected", "rejects", "accused", "accuses",
	"announced", "announces", "denied", "denies", "warned", "warns", "plans", "planned", "sent",
	"sends", "responded", "responds", "insists", "insisted", "claimed", "claims", "wants", "wanted",
	"demanded", "demands", "refused", "refuses", "declined", "declines", "agreed", "agrees",
	"called", "calls", "urged", "urges", "blamed", "blames", "condemned", "condemns", "criticized",
	"criticised", "criticizes", "criticises", "welcomed", "welcomes", "signed", "signs", "supports",
	"supported", "backed", "backs", "threatened", "threatens", "vowed", "vows", "promised",
	"promises", "hopes", "believes", "sees", "views", "considers", "seeks", "sought", "launched",
	"launches", "expelled", "expels", "imposed", "imposes", "retaliated", "summoned", "summons",
	"also", "repeatedly", "does", "did", "hasn't", "doesn't", "didn't", "won't", "cannot", "can't",
	"insist", "deny", "denied", "maintains", "maintained", "argues", "argued", "stressed",
	"stresses", "dismissed", "dismisses", "hit", "struck", "retaliates", "pledged", "pledges",
	"offered", "offers", "approved", "approves", "recognised", "recognized", "declared",
	"declares", "responded", "reacted", "reacts", "objected", "objects", "protested", "protests",
	"shares", "shared", "supplies", "supplied", "provided", "provides", "continues", "continued",
	"needs", "needed", "knows", "knew", "must", "tried", "tries", "hopes", "fears", "feared",
	"snubbed", "ordered", "orders", "proposed", "proposes", "remains", "remained", "intends",
	"has", "took", "takes")

// transitiveVerbs before a capital mean the government as an object:
// "backing Moscow", "accused Kyiv".
var transitiveVerbs = set("backing", "backed", "backs", "support", "supports", "supported",
	"supporting", "accused", "accuses", "accusing", "urged", "urges", "urging", "pressed",
	"pressing", "pressured", "pressuring", "warned", "warns", "warning", "criticised", "criticized",
	"criticising", "criticizing", "condemned", "condemning", "blamed", "blaming", "sanctioned",
	"sanctioning", "supplying", "supplied", "supply", "helping", "helped", "help", "arming",
	"armed", "told", "telling", "asked", "asking", "persuade", "convince", "punish", "punishing",
	"punished", "isolate", "isolating", "isolated", "join", "joined", "rebuked", "slammed", "by",
	"обвинил", "обвинила", "обвинили", "поддерживает", "поддержал", "поддержала", "критикует",
	"осудил", "осудила", "звинуватив", "звинуватила", "підтримує", "підтримав", "kritisierte",
	"beschuldigte", "warf", "unterstützt", "unterstützte")

// cityNouns after "Kyiv's" mean the city itself: "Kyiv's mayor".
var cityNouns = set("mayor", "district", "districts", "city", "streets", "street", "residents",
	"metro", "airport", "suburbs", "suburb", "centre", "center", "outskirts", "region", "oblast",
	"skyline", "air", "subway", "mayor's", "population", "buildings", "neighbourhoods",
	"neighborhoods", "citizens", "main", "historic", "old", "central", "northern", "southern",
	"eastern", "western", "power", "water", "railway", "train", "zoo")

// demonymActor reports whether the demonym at tokens [i, j) stands for its
// state: followed by an actor noun and not part of "pro-Russian".
func (d *doc) demonymActor(i, j int) bool {
	if p := d.prevWord(i); (p == "pro" || p == "anti") && d.body[d.toks[i].Start-1] == '-' {
		return false
	}
	return d.inQuick(d.nextTok(j), inActorNouns)
}

// capitalActor reports whether the capital at tokens [i, j) stands for its
// government: "Beijing said", "Moscow's war", "backing Moscow"; never after a
// preposition of place ("in Washington", "to Kyiv").
func (d *doc) capitalActor(i, j int) bool {
	prev := d.prevTok(i)
	if d.inQuick(prev, inPlacePreps) {
		return false
	}
	if d.inQuick(prev, inTransitiveVerbs) {
		return true
	}
	next := d.nextTok(j)
	if d.toks[j-1].Has(text.Poss) {
		return next >= 0 && !d.inQuick(next, inCityNouns)
	}
	return d.inQuick(next, inActorVerbs)
}
