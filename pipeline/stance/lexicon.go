package stance

import (
	"strings"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// cue is a phrase that states a position of its subject towards its object.
type cue struct {
	words    []string // lower-case tokens
	polarity string
	// reach is how many tokens may stand between the cue and the target.
	reach int
	// needPrep: the target must follow "to"/"for"/"with" ("pledged $1bn in aid to Ukraine").
	needPrep bool
	// verbOnly: a base form ("support") that is a verb only after a subject
	// pronoun or a modal ("we support", "will support"), not as a noun.
	verbOnly bool
}

// verbMarkers before a base-form cue make it a verb.
var verbMarkers = words.NewSet("i", "we", "they", "you", "to",
	"will", "would", "shall", "must", "should", "can",
	"could", "may", "might", "continue", "firmly", "fully",
	"strongly", "also")

// oppose and support list cue phrases by language; the tokens are matched
// in lower case. A phrase ending in "+" reaches further for its target and
// needs a preposition before it; one ending in "!" is a base form that counts
// only as a verb (after "we", "will", "to"...).
var oppose = []string{
	// English
	"criticized", "criticised", "criticizes", "criticises", "criticizing", "criticising",
	"accused", "accuses", "accusing", "condemned", "condemns", "condemning", "denounced",
	"denounces", "denouncing", "blamed", "blames", "blaming", "sanctioned", "sanctioning",
	"imposed sanctions on", "imposes sanctions on", "imposed new sanctions on", "slapped sanctions on",
	"threatened", "threatens", "rejected", "rejects", "snubbed", "snubs", "refused to attend",
	"expelled", "expels", "slammed", "slams", "rebuked", "rebukes", "lambasted", "castigated",
	"decried", "decries", "hit out at", "lashed out at", "took aim at", "mocked", "ridiculed",
	"derided", "invaded", "attacked", "chided", "scolded", "reproached", "vilified", "assailed",
	"warned", "warns", "censured", "berated", "condemn!", "criticize!", "criticise!", "accuse!",
	"denounce!", "reject!",
	// German
	"kritisierte", "kritisiert", "verurteilte", "verurteilt", "warf", "wirft", "beschuldigte",
	"beschuldigt", "sanktionierte", "drohte", "droht",
	// Russian
	"обвинил", "обвинила", "обвинили", "обвиняет", "осудил", "осудила", "осудили", "осуждает",
	"раскритиковал", "раскритиковала", "раскритиковали", "критикует", "пригрозил", "пригрозила",
	// Ukrainian
	"звинуватив", "звинуватила", "звинуватили", "звинувачує", "засудив", "засудила", "засудили",
	"розкритикував", "розкритикувала", "критикує", "пригрозив",
	// French, Spanish, Polish
	"critiqué", "accusé", "condamné", "dénoncé", "criticó", "acusó", "condenó", "denunció",
	"skrytykował", "skrytykowała", "oskarżył", "oskarżyła", "potępił", "potępiła",
}

var support = []string{
	// English
	"backed", "backs", "backing", "supports", "supported", "supporting", "pledged aid to",
	"pledged support for", "pledged support to", "pledged+", "pledges+", "praised", "praises",
	"welcomed", "welcomes", "thanked", "thanks", "sent weapons to", "sent arms to",
	"signed a security agreement with", "signed a security pact with", "recognised",
	"recognized", "endorsed", "endorses", "defended", "stood by", "stands with",
	"expressed solidarity with", "voiced support for", "reaffirmed support for",
	"congratulated", "hailed", "promised+", "vowed to support", "lauded", "applauded",
	"sided with", "stand with", "support!", "back!", "thank!", "welcome!", "praise!",
	// German
	"lobte", "lobt", "dankte", "dankt", "unterstützt", "unterstützte", "begrüßte", "begrüßt",
	"verteidigte",
	// Russian
	"поддержал", "поддержала", "поддержали", "поддерживает", "поддерживать", "поблагодарил",
	"поблагодарила", "приветствовал", "приветствовала", "похвалил", "похвалила",
	// Ukrainian
	"підтримав", "підтримала", "підтримали", "підтримує", "підтримувати", "подякував",
	"подякувала", "привітав", "привітала", "похвалив",
	// French, Spanish, Polish
	"soutient", "salué", "remercié", "apoya", "respaldó", "agradeció", "elogió", "poparł",
	"poparła", "popiera", "podziękował", "podziękowała",
}

// cueIdx finds the cues starting with a word, longest first.
var cueIdx = newCueIndex(buildCues())

func buildCues() map[string][]cue {
	m := make(map[string][]cue)
	add := func(list []string, pol string) {
		for _, p := range list {
			c := cue{polarity: pol, reach: 4}
			if strings.HasSuffix(p, "+") {
				p, c.reach, c.needPrep = strings.TrimSuffix(p, "+"), 9, true
			}
			if strings.HasSuffix(p, "!") {
				p, c.verbOnly = strings.TrimSuffix(p, "!"), true
			}
			c.words = strings.Fields(p)
			m[c.words[0]] = append(m[c.words[0]], c)
		}
	}
	add(oppose, pipeline.PolarityOppose)
	add(support, pipeline.PolaritySupport)
	for k, cs := range m {
		for i := 1; i < len(cs); i++ {
			for j := i; j > 0 && len(cs[j].words) > len(cs[j-1].words); j-- {
				cs[j], cs[j-1] = cs[j-1], cs[j]
			}
		}
		m[k] = cs
	}
	return m
}

// negations before a cue cancel it: "did not condemn".
var negations = words.NewSet("not", "never", "t", "nicht", "nie",
	"не", "ні", "ne", "no", "kein", "keine", "без",
	"refused", "declined", "failed", "stopped", "neither", "nor")

// firstPerson subjects inside a quotation stand for its speaker.
var firstPerson = words.NewSet("we", "i", "wir", "ich", "мы",
	"я", "ми", "nous", "je", "nosotros", "my")

// passiveAux before a cue and "by" after it mark the passive voice.
var passiveAux = words.NewSet("was", "were", "been", "is", "are",
	"being", "be", "got", "wurde", "wurden")

// agentWords introduce the agent of a passive: "was criticized by X".
var agentWords = words.NewSet("by", "von", "par", "por", "przez")

// targetPreps may stand right before a "+" cue's target.
var targetPreps = words.NewSet("to", "for", "with")
