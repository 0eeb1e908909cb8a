package stance

import (
	"strings"

	"github.com/warwire/warwire/pipeline"
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
var verbMarkers = map[string]bool{"i": true, "we": true, "they": true, "you": true, "to": true,
	"will": true, "would": true, "shall": true, "must": true, "should": true, "can": true,
	"could": true, "may": true, "might": true, "continue": true, "firmly": true, "fully": true,
	"strongly": true, "also": true}

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

// cues maps a cue's first word to the cues starting with it, longest first.
var cues = buildCues()

// cueBits is the size in bits of cueFilter.
const (
	cueLog  = 13
	cueBits = 1 << cueLog
)

// cueFilter is a one-hash Bloom filter of the cues' first words: bit
// cueHash(w) is set for every first word w. With a few hundred first words
// in 8192 bits, most words of a text fail it without a map lookup.
var cueFilter = func() (f [cueBits / 64]uint64) {
	for w := range cues {
		h := cueHash(w)
		f[h/64] |= 1 << (h % 64)
	}
	return f
}()

// cueHash mixes the length and the first, middle and last bytes of a
// non-empty word into a bit index of cueFilter.
func cueHash(w string) uint32 {
	n := len(w)
	x := uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(min(n, 255))<<24
	return x * 0x9E3779B1 >> (32 - cueLog)
}

// maybeCue reports whether w may be the first word of a cue (no false
// negatives).
func maybeCue(w string) bool {
	if w == "" {
		return false
	}
	h := cueHash(w)
	return cueFilter[h/64]&(1<<(h%64)) != 0
}

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
var negations = map[string]bool{"not": true, "never": true, "t": true, "nicht": true, "nie": true,
	"не": true, "ні": true, "ne": true, "no": true, "kein": true, "keine": true, "без": true,
	"refused": true, "declined": true, "failed": true, "stopped": true, "neither": true, "nor": true}

// firstPerson subjects inside a quotation stand for its speaker.
var firstPerson = map[string]bool{"we": true, "i": true, "wir": true, "ich": true, "мы": true,
	"я": true, "ми": true, "nous": true, "je": true, "nosotros": true, "my": true}

// passiveAux before a cue and "by" after it mark the passive voice.
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "is": true, "are": true,
	"being": true, "be": true, "got": true, "wurde": true, "wurden": true}

// agentWords introduce the agent of a passive: "was criticized by X".
var agentWords = map[string]bool{"by": true, "von": true, "par": true, "por": true, "przez": true}

// targetPreps may stand right before a "+" cue's target.
var targetPreps = map[string]bool{"to": true, "for": true, "with": true}
