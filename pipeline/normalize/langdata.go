package normalize

import (
	"encoding/binary"
	"strings"
)

// lang indexes the languages the detector knows.
type lang int

const (
	en lang = iota
	de
	fr
	es
	pl
	it
	pt
	nl
	uk
	ru
	numLangs
)

// langCodes are the ISO 639-1 codes, by lang.
var langCodes = [numLangs]string{"en", "de", "fr", "es", "pl", "it", "pt", "nl", "uk", "ru"}

var (
	latinLangs    = []lang{en, de, fr, es, pl, it, pt, nl}
	cyrillicLangs = []lang{uk, ru}
)

// functionWords are the most frequent short words of each language. A word
// in several lists counts for each of them.
var functionWords = [numLangs]string{
	en: `the and of to in is was that for on with as by at from it he she his her
		they have has had been were are said will would not this which who after
		but an be their its also than more over into about there could should
		we our you what when where while since before during against between
		under such other most some any only them these those then because told
		says did does can may must being out up new two three last first s t`,
	de: `der die das und ist nicht ein eine einen einem eines dem den des mit von
		zu auf für sich auch wurde wurden werden hat sind im nach bei aus dass wie
		noch oder sagte gegen über am es er sie wir ihr seine ihre vom zum zur
		durch wird kann bereits sei habe haben an war waren seit unter zwischen
		nur schon mehr sowie wenn weil aber dieser diese dieses man mich uns
		nun jetzt heute keine kein soll sollen müssen worden`,
	fr: `le la les et est des du un une dans pour que qui pas sur au aux avec ce
		cette il elle ont été son sa ses par plus selon mais ne se lors contre
		après leur leurs entre sont était aussi être fait ces nous vous ils elles
		déjà encore depuis sans sous avait avaient lui y où dont comme très
		tout tous toute deux l d qu n j`,
	es: `el la los las y que en del de un una por con para es se al lo su sus
		como más pero fue ha han este esta estos estas según tras también desde
		sobre dijo entre muy ya hay ser sin hasta durante le les porque cuando
		donde otro otros otra nos sido fueron había era está están dos`,
	pl: `i w z na się nie do to że jest jak od po przez za o dla oraz jego ich
		był była było są który która które którzy także już tym ze we czy ale
		może powiedział podczas tego przed jej nich nad pod tylko jeszcze bardzo
		gdy gdzie jako być będzie został została zostały tej tych tak też dwa`,
	it: `il lo la gli le e è di del della dello delle dei degli che non un una
		uno per con sono ha hanno si nel nella nei anche come dopo ma questo
		questa secondo alla al allo ai ed dal dalla dai tra fra sul sulla
		stato stata essere era erano più già ancora loro suo sua suoi ci perché
		quando dove tutti due l dell all nell sull un`,
	pt: `o os a as e é do da dos das em no na nos nas um uma que não com para por
		se mais foi ao aos pelo pela pelos pelas também disse seu sua seus suas
		ele ela eles elas entre já está estão ser sido foram era muito quando
		onde sem até depois porque isso este esta dois`,
	nl: `de het een en van is dat niet op te in met voor zijn er die aan door ook
		bij werd naar heeft om maar nog wordt hij zij over tegen dit deze
		was waren hebben worden kan al na uit zich ze wij haar hun dan als
		geen meer volgens tussen sinds tijdens onder twee`,
	uk: `і й та що не на у в з до від це як за про його її їх вони був була було
		також які який яка яке під після щоб або але ще вже має є буде між через
		тому сказав заявив заявила із зі році року україни україна проти
		цього цей ця ці своїх свої свою нас нам вам ними йому них коли де
		тобто лише також понад близько під час щодо навіть однак`,
	ru: `и в не на что с по это как из за от для его её ее их они был была было
		также которые который которая которое после чтобы или но ещё еще уже
		есть будет между через так сказал заявил заявила о об к у при года
		году россии против этого этот эта эти своих свои свою нас нам вам ними
		ему них когда где то есть лишь более около во время однако даже`,
}

// endings are word endings (the last three letters of words of four or more)
// typical of each language; a word ending in one counts half a function word.
var endings = [numLangs]string{
	en: `ing ted ded ned led red ous ful ght ity ive ays hat ith ong ers`,
	de: `ung ich sch cht eit igt ige tet ert hen ten gen ern`,
	fr: `ait ées aux eux ère eur que ues ité ent ons`,
	es: `ión dad ado ada ron ían ios llo lla ndo`,
	pl: `ych ach ego owa ami ści nia nie owy ski cie wie ała ało ują ków`,
	it: `ati uti iti ato ata ito ità gli tti ggi zio zia ndo one`,
	pt: `ção ões são rão ava nho nha lho ram eis ado ada`,
	nl: `ijk ijn eid aar oor ijf uit gen den`,
	uk: `ння ції ими ють ися ася ати ити ває ній ної ого ому`,
	ru: `ние ция ыми ают ает ных ный ной ься ать ить ого ому ший`,
}

// stopWords maps each function word to the set of languages (bit per lang)
// whose list holds it.
var stopWords = buildLangSets(functionWords)

// endingSets maps each ending to the set of languages it points to.
var endingSets = buildLangSets(endings)

// maxScoredWord is the longest word the scorer looks up (its buffer).
const maxScoredWord = 48

// stopStarts marks, for every length, the first bytes of the function words
// of that length: a word whose length and first byte no function word has
// needs no look-up in stopWords.
var stopStarts = func() (t [maxScoredWord + 1][4]uint64) {
	for w := range stopWords {
		if len(w) <= maxScoredWord {
			t[len(w)][w[0]>>6] |= 1 << (w[0] & 63)
		}
	}
	return t
}()

// stopSet is stopWords as a wordSet.
var stopSet = newWordSet(stopWords)

// stopWord returns the languages whose function words hold the scorer's
// current word, a lower-case word of 1 to maxScoredWord bytes, or 0.
func (sc *scorer) stopWord() uint16 {
	w := sc.word[:sc.n]
	if stopStarts[len(w)][w[0]>>6]&(1<<(w[0]&63)) == 0 {
		return 0
	}
	if len(w) <= 8 {
		// the buffer's bytes after the word are masked off
		return stopSet.find(binary.LittleEndian.Uint64(sc.word[:8]) & lowBytes[len(w)])
	}
	return stopSet.long[string(w)]
}

// asciiEndings holds the endings of endingSets written in the letters a-z,
// indexed by asciiEndingKey, so that most endings need no map look-up.
var asciiEndings = func() (t [26 * 26 * 26]uint16) {
	for e, set := range endingSets {
		if k, ok := asciiEndingKey([]byte(e)); ok {
			t[k] = set
		}
	}
	return t
}()

// asciiEndingKey numbers a three-letter ending written in a-z.
func asciiEndingKey(e []byte) (int, bool) {
	if len(e) != 3 {
		return 0, false
	}
	k := 0
	for _, c := range e {
		if c < 'a' || c > 'z' {
			return 0, false
		}
		k = k*26 + int(c-'a')
	}
	return k, true
}

// endingSet returns the languages ending e (the last three letters of a
// word) points to.
func endingSet(e []byte) uint16 {
	if k, ok := asciiEndingKey(e); ok {
		return asciiEndings[k]
	}
	return endingSets[string(e)]
}

func buildLangSets(lists [numLangs]string) map[string]uint16 {
	m := map[string]uint16{}
	for l, words := range lists {
		for _, w := range strings.Fields(words) {
			m[w] |= 1 << l
		}
	}
	return m
}

// langWeight is the evidence one letter gives for one language.
type langWeight struct {
	lang   lang
	weight float64
}

// letterWeights are the letters that point to languages, with their weight
// per occurrence. Letters shared by several languages weigh less.
var letterWeights = map[rune][]langWeight{
	'ß': {{de, 2}}, 'ä': {{de, 1}}, 'ö': {{de, 1}}, 'ü': {{de, 1}},
	'é': {{fr, 0.7}, {es, 0.1}, {pt, 0.2}, {it, 0.1}},
	'è': {{fr, 0.7}, {it, 0.5}}, 'ê': {{fr, 1}, {pt, 0.5}}, 'à': {{fr, 0.5}, {it, 0.5}, {pt, 0.3}},
	'ç': {{fr, 0.7}, {pt, 0.7}}, 'â': {{fr, 1}, {pt, 0.5}}, 'î': {{fr, 1.5}}, 'ô': {{fr, 1}, {pt, 0.5}},
	'û': {{fr, 1.5}}, 'ù': {{fr, 1}, {it, 0.5}}, 'ë': {{fr, 1}, {nl, 0.5}}, 'ï': {{fr, 1}, {nl, 0.3}},
	'œ': {{fr, 2}},
	'ñ': {{es, 2}}, '¿': {{es, 2}}, '¡': {{es, 2}}, 'á': {{es, 0.5}, {pt, 0.5}},
	'í': {{es, 0.5}, {pt, 0.3}, {it, 0.2}}, 'ó': {{es, 0.5}, {pt, 0.3}, {pl, 0.5}}, 'ú': {{es, 0.5}, {pt, 0.3}},
	'ą': {{pl, 2}}, 'ę': {{pl, 2}}, 'ł': {{pl, 2}}, 'ś': {{pl, 2}}, 'ż': {{pl, 2}},
	'ź': {{pl, 2}}, 'ć': {{pl, 2}}, 'ń': {{pl, 2}},
	'ã': {{pt, 2}}, 'õ': {{pt, 2}}, 'ì': {{it, 1.5}}, 'ò': {{it, 1.5}},
	'і': {{uk, 1}}, 'ї': {{uk, 2}}, 'є': {{uk, 1.5}}, 'ґ': {{uk, 2}},
	'ы': {{ru, 1.5}}, 'э': {{ru, 1.5}}, 'ъ': {{ru, 1.5}}, 'ё': {{ru, 1.5}},
}
