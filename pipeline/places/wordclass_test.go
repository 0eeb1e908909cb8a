package places

import "testing"

func TestWordClasses(t *testing.T) {
	lists := map[wordClass]map[string]bool{
		clsActorVerb: actorVerbs, clsPlacePreposition: placePrepositions, clsTitle: titles,
		clsQualifier: qualifiers, clsGivenName: givenNames, clsPlaceNoun: placeNouns,
		clsAuxiliary: auxiliaries, clsActorBefore: actorBefore, clsActorNoun: actorNouns,
		clsGovNoun: govNouns, clsRegionNext: regionNext, clsRegionPrev: regionPrev,
	}
	words := []string{"", "kyiv", "the", "saids", "sai", "administrations", "a-very-long-word-indeed"}
	for _, l := range lists {
		for w := range l {
			words = append(words, w)
		}
	}
	for _, w := range words {
		var want wordClass
		for c, l := range lists {
			if l[w] {
				want |= c
			}
		}
		if got := wordClasses.get([]byte(w)); got != want {
			t.Errorf("class of %q = %b, want %b", w, got, want)
		}
	}
}
