package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// addRef is scorer.add without the whole-word fast path (asciiWord): the
// reference it is checked against.
func (sc *scorer) addRef(s string, limit int) bool {
	if limit <= 0 {
		return true
	}
	if len(s) > limit {
		s = s[:limit]
	}
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if lb := b | 0x20; lb >= 'a' && lb <= 'z' {
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
			sc.letterScore(r)
			continue
		}
		sc.otherLetter(r)
	}
	sc.endWord()
	return true
}

// checkScorerRef runs detectStory's steps with add and with addRef and
// fails unless the scorers end in the same state.
func checkScorerRef(t *testing.T, headline, body string) {
	t.Helper()
	var a, b scorer
	if a.add(headline, sampleBytes) && a.add(" ", 1) {
		a.add(body, sampleBytes-len(headline))
	}
	if b.addRef(headline, sampleBytes) && b.addRef(" ", 1) {
		b.addRef(body, sampleBytes-len(headline))
	}
	// the buffer past the current word is scratch (n is 0 here): only the
	// rest of the state must agree
	a.word, b.word = [maxScoredWord]byte{}, [maxScoredWord]byte{}
	if a != b {
		t.Fatalf("scorer state differs for %q / %q:\n got %+v\nwant %+v", headline, body, a, b)
	}
	if a.result() != b.result() {
		t.Fatalf("result differs for %q / %q", headline, body)
	}
}

func TestAsciiWordMatchesRef(t *testing.T) {
	long := strings.Repeat("Bijna", 12)
	cases := []string{
		"", "a", "the cat", "Rijksmuseum bij IJmuiden. Zijn vrijheid, rijk!", long + " x " + long + ".",
		"über café naïve déjà-vu résumé", "Ijaaaaaa jaaaaaaaa xIjaaaaaaaa Jaaaaaa ijbbbbbbbbbbbbbbbbbbb-jc", "Zwischen den Häusern, zwischen bereits verletzten; tijdens, volgens, ZWISCHEN.", "the and of " + long, "Київ, 12 червня — the",
		strings.Repeat("the war in the east goes on, said the officials. ", 40),
	}
	for _, l := range langSamples {
		cases = append(cases, l...)
	}
	for _, h := range cases {
		for _, b := range cases {
			checkScorerRef(t, h, b)
		}
	}
}

func FuzzScorerRef(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, s)
	}
	f.Add("Bijna IJsselmeer", "rijk bij zijn vrijheid 's nachts")
	f.Fuzz(func(t *testing.T, headline, body string) {
		checkScorerRef(t, headline, body)
	})
}
