package normalize

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Detection is the language DetectLanguage found: an ISO 639-1 code ("" when
// the text gives no usable evidence) and a confidence in [0, 1) that grows
// with the lead of the best language over the runner-up, so with the length
// of the text (a headline is weaker than a paragraph), and shrinks when the
// runner-up is close in relative terms.
type Detection struct {
	Lang       string
	Confidence float64
}

// leadScale is the lead (in function words) over the runner-up that gives a
// confidence of 1-1/e; longer texts build longer leads.
const leadScale = 4

// overrideConfidence is how confident the detection must be to replace a
// declared language that disagrees with it.
const overrideConfidence = 0.5

// sampleBytes bounds how much text detection reads: enough for a reliable
// answer, little enough to keep normalisation fast on long bodies.
const sampleBytes = 3000

// DetectLanguage tells the language of text: en, de, fr, es, pl, it, pt, nl
// in Latin script, uk and ru in Cyrillic. It decides the script first, then
// scores function words and distinctive letters (ß, ñ, ł, ã; і ї є ґ for
// Ukrainian against ы э ъ ё for Russian). Only the first few kilobytes are
// read. Text in another script, or without evidence, yields Lang "".
func DetectLanguage(text string) Detection {
	var sc scorer
	sc.add(text, sampleBytes)
	return sc.result()
}

// detectStory detects the language of a story from its headline and body.
func detectStory(headline, body string) Detection {
	var sc scorer
	// the space keeps the headline's last word apart from the body's first
	if sc.add(headline, sampleBytes) && sc.add(" ", 1) {
		sc.add(body, sampleBytes-len(headline))
	}
	return sc.result()
}

// scorer accumulates the evidence for each language.
type scorer struct {
	score      [numLangs]float64
	latin, cyr int // letters per script
	other      int
	ukHits     int // letters unique to Ukrainian
	word       [maxScoredWord]byte
	n          int  // bytes in word
	runes      int  // letters in word
	long       bool // word longer than the buffer
	prev       rune // previous lower-case letter
	words      int  // words scored
}

// add scores at most limit bytes of s. It stops early, returning false, once
// the evidence is decisive: more text would not change the answer.
func (sc *scorer) add(s string, limit int) bool {
	if limit <= 0 {
		return true
	}
	if len(s) > limit {
		s = s[:limit]
	}
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if lb := b | 0x20; lb >= 'a' && lb <= 'z' {
				if sc.n == 0 {
					var decided bool
					if i, decided = sc.asciiWords(s, i); decided {
						return false
					}
					if i == len(s) || !isASCIILetter(s[i]) {
						continue
					}
				}
				i = sc.asciiLetters(s, i)
			} else if i++; sc.n > 0 && sc.endWord() {
				return false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) {
			if sc.n > 0 && sc.endWord() {
				return false
			}
			sc.letterScore(r) // ¿ ¡
			continue
		}
		sc.otherLetter(r)
	}
	sc.endWord()
	return true
}

// asciiLetters appends the run of ASCII letters at s[i] in lower case to the
// current word and returns the offset after it.
func (sc *scorer) asciiLetters(s string, i int) int {
	prev, n, j := sc.prev, sc.n, i
	for ; j < len(s); j++ {
		b := s[j] | 0x20
		if b < 'a' || b > 'z' {
			break
		}
		if prev == 'i' && b == 'j' {
			sc.score[nl] += 0.5
		}
		prev = rune(b)
		if n < len(sc.word) {
			sc.word[n] = b
			n++
		} else {
			sc.long = true
		}
	}
	sc.prev, sc.n = prev, n
	sc.latin += j - i
	sc.runes += j - i
	return j
}

// otherLetter counts the script of non-ASCII letter r, scores it and appends
// it in lower case to the current word.
func (sc *scorer) otherLetter(r rune) {
	switch {
	case r < 0x250:
		sc.latin++
	case r >= 0x400 && r <= 0x4ff:
		sc.cyr++
	default:
		sc.other++
	}
	lr := unicode.ToLower(r)
	sc.letterScore(lr)
	sc.prev = lr
	sc.runes++
	if size := utf8.RuneLen(lr); sc.n+size <= len(sc.word) {
		sc.n += utf8.EncodeRune(sc.word[sc.n:], lr)
	} else {
		sc.long = true
	}
}

// decisiveLead is the lead in function words after which reading on cannot
// change the detected language.
const decisiveLead = 16

// endWord scores the finished word against the function-word and ending
// lists. Every 16 words it reports whether the evidence is decisive.
func (sc *scorer) endWord() (decided bool) {
	if sc.n > 0 && !sc.long {
		w := sc.word[:sc.n]
		if set := sc.stopWord(); set != 0 {
			sc.addSet(set, 1)
		} else if sc.runes >= 4 {
			sc.addSet(endingSet(w[lastRunes(w, 3):]), 0.5)
		}
	}
	sc.n, sc.runes, sc.long, sc.prev = 0, 0, false, 0
	return sc.countWord()
}

// countWord counts a word scored and, every 16 words, reports whether the
// evidence is decisive.
func (sc *scorer) countWord() (decided bool) {
	if sc.words++; sc.words%16 != 0 {
		return false
	}
	first, second := 0.0, 0.0
	for _, v := range sc.score {
		if v > first {
			first, second = v, first
		} else if v > second {
			second = v
		}
	}
	return first-second >= decisiveLead
}

// addSet adds weight to every language in set.
func (sc *scorer) addSet(set uint16, weight float64) {
	for ; set != 0; set &= set - 1 {
		sc.score[bits.TrailingZeros16(set)] += weight
	}
}

// lastRunes returns the offset in w where its last n runes start.
func lastRunes(w []byte, n int) int {
	i := len(w)
	if n == 3 && i >= 3 && (w[i-1]|w[i-2]|w[i-3]) < utf8.RuneSelf {
		return i - 3 // three ASCII bytes: three runes
	}
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRune(w[:i])
		i -= size
	}
	return i
}

// letterScore adds the weight of a distinctive letter.
func (sc *scorer) letterScore(r rune) {
	for _, w := range letterWeights[r] {
		sc.score[w.lang] += w.weight
	}
	switch r {
	case 'і', 'ї', 'є', 'ґ':
		sc.ukHits++
	}
}

// result picks the best language of the dominant script.
func (sc *scorer) result() Detection {
	var cands []lang
	switch {
	case sc.other > sc.latin+sc.cyr:
		return Detection{}
	case sc.cyr > sc.latin:
		cands = cyrillicLangs
		// Ukrainian text is full of і: a long Cyrillic text without any is Russian.
		if sc.cyr >= 20 && sc.ukHits == 0 {
			sc.score[ru] += float64(sc.cyr) / 20
		}
	case sc.latin > 0:
		cands = latinLangs
	default:
		return Detection{}
	}
	best, second := cands[0], lang(-1)
	for _, l := range cands[1:] {
		if sc.score[l] > sc.score[best] {
			best, second = l, best
		} else if second < 0 || sc.score[l] > sc.score[second] {
			second = l
		}
	}
	s1, s2 := sc.score[best], sc.score[second]
	if s1 < 1 || s1 == s2 {
		return Detection{}
	}
	lead := s1 - s2
	return Detection{Lang: langCodes[best], Confidence: (1 - math.Exp(-lead/leadScale)) * min(1, 2*lead/s1)}
}

// chooseLanguage decides Story.Language from the declared tag and the
// detection: the declared language wins unless it is missing, or it is one
// the detector knows and a confident detection disagrees.
func chooseLanguage(declared string, d Detection) string {
	decl := normalizeTag(declared)
	switch {
	case decl == "":
		return d.Lang
	case d.Lang != "" && d.Lang != decl && d.Confidence >= overrideConfidence && detectable(decl):
		return d.Lang
	}
	return decl
}

// tagAliases map ISO 639-2 codes and common mistakes to ISO 639-1.
var tagAliases = map[string]string{
	"eng": "en", "ukr": "uk", "ua": "uk", "rus": "ru", "ger": "de", "deu": "de",
	"fre": "fr", "fra": "fr", "spa": "es", "pol": "pl", "ita": "it", "por": "pt",
	"dut": "nl", "nld": "nl",
}

// normalizeTag reduces a declared language tag ("en-GB", "EN", "ukr") to its
// lower-case primary subtag in ISO 639-1 where known; junk becomes "".
func normalizeTag(tag string) string {
	tag = strings.TrimSpace(tag)
	for k := 0; k < len(tag); k++ { // strings.IndexAny(tag, "-_") builds a set per call
		if tag[k] == '-' || tag[k] == '_' {
			tag = tag[:k]
			break
		}
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		if tag[i]|0x20 < 'a' || tag[i]|0x20 > 'z' {
			return ""
		}
	}
	tag = strings.ToLower(tag)
	if a, ok := tagAliases[tag]; ok {
		return a
	}
	return tag
}

// detectable reports whether DetectLanguage can recognise language code.
func detectable(code string) bool {
	return slices.Contains(langCodes[:], code)
}
