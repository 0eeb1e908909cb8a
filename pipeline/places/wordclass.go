package places

// wordClass is a set of the veto word lists a folded word belongs to (see
// veto.go), so the matcher looks a word up once, not once per list.
type wordClass uint16

const (
	clsActorVerb wordClass = 1 << iota
	clsPlacePreposition
	clsTitle
	clsQualifier
	clsGivenName
	clsPlaceNoun
	clsAuxiliary
	clsActorBefore
	clsActorNoun
	clsGovNoun
	// clsKnown marks a token whose class has been computed.
	clsKnown wordClass = 1 << 15
)

// wordClasses maps every word of the veto lists to its classes. It is built
// once from the lists and never modified afterwards.
var wordClasses = buildWordClasses()

func buildWordClasses() map[string]wordClass {
	lists := []struct {
		words map[string]bool
		cls   wordClass
	}{
		{actorVerbs, clsActorVerb}, {placePrepositions, clsPlacePreposition},
		{titles, clsTitle}, {qualifiers, clsQualifier}, {givenNames, clsGivenName},
		{placeNouns, clsPlaceNoun}, {auxiliaries, clsAuxiliary},
		{actorBefore, clsActorBefore}, {actorNouns, clsActorNoun}, {govNouns, clsGovNoun},
	}
	m := make(map[string]wordClass)
	for _, l := range lists {
		for w, ok := range l.words {
			if ok {
				m[w] |= l.cls
			}
		}
	}
	return m
}

// is reports whether token i (folded) is in one of the lists of c; false
// outside the text. The token's classes are looked up once per text.
func (s *scanner) is(i int, c wordClass) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	k := s.cls[i]
	if k == 0 {
		k = wordClasses[string(s.word(i))] | clsKnown
		s.cls[i] = k
	}
	return k&c != 0
}
