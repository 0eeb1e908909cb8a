package entities

// titleBefore reports whether a title cue (possibly with modifiers, such as
// "deputy defence minister") stands right before token i.
func (d *doc) titleBefore(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 3 && d.sentOf[k] == d.sentOf[i] && d.joinable(k); k-- {
		if d.inQuick(k, inTitleCues) {
			return true
		}
		if !d.inQuick(k, inTitleModifiers) && !d.covered[k] {
			return false
		}
	}
	return false
}

// skipLeading reports whether token i of a run is a function word, title or
// date rather than part of the name.
func (d *doc) skipLeading(i int) bool {
	return d.inQuick(i, inLeadingWords|inTitleCues|inTitleModifiers)
}

// placeLike reports whether the run [i, j) names a place, event or document;
// org is orgLike(i, j).
func (d *doc) placeLike(i, j int, org bool) bool {
	for k := i; k < j; k++ {
		if d.textIn(k, placeWords, placeWordsFilter) {
			return true
		}
	}
	if !org && d.inQuick(d.prevTok(i), inPlacePrepsNames) {
		return true
	}
	return false
}

// orgLike reports whether the run [i, j) has an organisation keyword and at
// least one distinctive word besides keywords and modifiers.
func (d *doc) orgLike(i, j int) bool {
	key, distinct := false, false
	for k := i; k < j; k++ {
		switch {
		case d.textIn(k, orgKeywords, orgKeywordsFilter):
			key = true
		case d.lowerInQuick(k, inConnectors|inTitleModifiers|inLeadingWords):
		default:
			distinct = true
		}
	}
	return key && distinct
}

// personCue reports whether the run [i, j) looks like a person's name: a
// known given name first, a speech verb after it, or "said"/"according to"
// before it.
func (d *doc) personCue(i, j int) bool {
	if givenNames[string(d.word(i))] {
		return true
	}
	next := d.nextTok(j)
	if next < 0 && j < len(d.toks) && d.sentOf[j] == d.sentOf[i] && d.body[d.toks[j-1].End:d.toks[j].Start] == ", " {
		next = j // "Ivan Petrenko, who ..."
	}
	if d.inQuick(next, inSpeechVerbs) {
		return true
	}
	p := d.prevWord(i)
	if p == "said" || p == "says" || p == "to" && d.prevWord(i-1) == "according" {
		return true
	}
	return d.apposition(j)
}

// apposition reports whether ", a/an/the <title>" follows token j-1: "Renat
// Karchaa, an adviser to ...".
func (d *doc) apposition(j int) bool {
	if j+1 >= len(d.toks) || d.body[d.toks[j-1].End:d.toks[j].Start] != ", " {
		return false
	}
	k := j
	if w := d.word1(k); w == "a" || w == "an" || w == "the" || w == "his" || w == "her" {
		k++
	}
	for n := 0; n < 4 && k < len(d.toks); n, k = n+1, k+1 {
		if d.inQuick(k, inTitleCues) {
			return true
		}
		if !d.inQuick(k, inTitleModifiers) && !ageWords(d.lw(k)) {
			return false
		}
	}
	return false
}

// ageWords are the "38-year-old" in "a 38-year-old teacher".
func ageWords(w string) bool {
	return w == "year" || w == "old" || w == "retired" || w == "local" || w == "young" ||
		w != "" && w[0] >= '0' && w[0] <= '9'
}
