package places

import "testing"

func TestWordClasses(t *testing.T) {
	lists := map[wordClass]map[string]bool{
		clsActorVerb: actorVerbs, clsPlacePreposition: placePrepositions, clsTitle: titles,
		clsQualifier: qualifiers, clsGivenName: givenNames, clsPlaceNoun: placeNouns,
		clsAuxiliary: auxiliaries, clsActorBefore: actorBefore, clsActorNoun: actorNouns,
		clsGovNoun: govNouns, clsRegionNext: regionNext, clsRegionPrev: regionPrev,
		clsRegionWord: regionWords,
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

func TestPack(t *testing.T) {
	const text = "abcdefghijklmnop"
	for n := 1; n <= 16; n++ {
		var buf [16]byte
		copy(buf[:], text[:n])
		var wantLo, wantHi uint64
		for k := 7; k >= 0; k-- {
			wantLo = wantLo<<8 | uint64(buf[k])
			wantHi = wantHi<<8 | uint64(buf[k+8])
		}
		if lo, hi := pack(text[:n]); lo != wantLo || hi != wantHi {
			t.Errorf("pack(%q) = %x %x, want %x %x", text[:n], lo, hi, wantLo, wantHi)
		}
	}
}
