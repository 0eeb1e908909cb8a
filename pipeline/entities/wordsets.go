package entities

import "github.com/warwire/warwire/pipeline/entities/words"

// wordSet is a bit set of the lower-case word lists a token belongs to, so
// that the rules test list membership with a bit test instead of a map
// lookup. A token's set is looked up once, when a rule first asks.
type wordSet uint32

// The word lists, as bits of a wordSet.
const (
	inConnectors wordSet = 1 << iota
	inTitleCues
	inTitleModifiers
	inLeadingWords
	inTrailingWords
	inPlacePrepsNames
	inSpeechVerbs
	inActorNouns
	inFormerWords
	inPlacePreps
	inActorVerbs
	inTransitiveVerbs
	inCityNouns
	inAfterTitle
	// setsKnown marks a token's wordSet as looked up.
	setsKnown wordSet = 1 << 31
)

// wordSets maps every word of the lists to its wordSet (as an int32).
var wordSets = func() strTable {
	m := make(map[string]int32)
	for bit, set := range []map[string]bool{connectors, titleCues, titleModifiers, leadingWords,
		trailingWords, placePrepsNames, speechVerbs, actorNouns, formerWords, placePreps,
		actorVerbs, transitiveVerbs, cityNouns, afterTitle} {
		for w, ok := range set {
			if ok {
				m[w] |= 1 << bit
			}
		}
	}
	return newStrTable(m)
}()

// setsOf returns the wordSet of lower-case word w with words.FNV hash h.
func setsOf(w string, h uint32) wordSet {
	v, _ := lookupKey(&wordSets, w, h)
	return wordSet(v)
}

// in reports whether token k (-1: none) is in one of the lists of s.
func (d *doc) in(k int, s wordSet) bool {
	if k < 0 {
		return false
	}
	v := d.sets[k]
	if v == 0 {
		lw, h := d.lw(k), d.toks[k].LowerHash // h: words.FNV(lw), or 0 if not computed
		if h == 0 {
			h = words.FNV(lw)
		}
		v = setsOf(lw, h) | setsKnown
		d.sets[k] = v
	}
	return v&s != 0
}

// prevTok returns i-1 when that token is in the same sentence as token i,
// else -1 (see prevWord).
func (d *doc) prevTok(i int) int {
	if i == 0 || d.sentOf[i-1] != d.sentOf[i] {
		return -1
	}
	return i - 1
}

// nextTok returns j when token j is in the same sentence as token j-1 with
// only spaces or hyphens between them, else -1.
func (d *doc) nextTok(j int) int {
	if j >= len(d.toks) || j == 0 || d.sentOf[j] != d.sentOf[j-1] || !d.joinable(j-1) {
		return -1
	}
	return j
}
