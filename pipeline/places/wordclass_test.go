package places

import (
	"strings"
	"testing"

	etext "github.com/warwire/warwire/pipeline/entities/text"
)

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

// TestHashBits checks the filters that spare folding words against the
// entity tokenizer's hash: every list word and every first word of a name,
// in any case, passes them when it is a plain word.
func TestHashBits(t *testing.T) {
	var words []string
	for _, e := range wordClasses.slots {
		if w := e.word(); w != "" {
			words = append(words, w)
		}
	}
	check := func(b *hashBits, words []string) {
		t.Helper()
		for _, w := range words {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				if w[0] >= 0x80 {
					continue // not a word of ASCII letters: no hash
				}
				toks := etext.Tokenize(nil, v)
				if len(toks) == 1 && int(toks[0].End) == len(v) && toks[0].LowerHash != 0 && !b.has(toks[0].LowerHash) {
					t.Errorf("%q: not in the filter", v)
				}
			}
		}
	}
	plurals := []string{"regions", "oblasts", "provinces", "Regions", "OBLASTS"}
	for _, w := range plurals {
		if !singularRegion(string(pluralRegion([]byte(strings.ToLower(w)), 0))) {
			t.Errorf("%q: pluralRegion and singularRegion disagree", w)
		}
	}
	check(classWords, append(words, plurals...))
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var firsts []string
	for k := range g.idx.slots {
		if e := &g.idx.slots[k]; e.tag != 0 {
			fw := firstWord(g.idx.keys[e.key : e.key+e.keyLen()])
			if firsts = append(firsts, fw); singularRegion(fw) {
				firsts = append(firsts, fw+"s")
			}
		}
	}
	if len(firsts) < 10000 {
		t.Fatalf("only %d names", len(firsts))
	}
	check(g.lowerFirst, firsts)
}
