package normalize

import "testing"

// nextTokenPrev is nextToken as it was before its ASCII loops, kept to check
// the new one against.
func nextTokenPrev(s string, i int) (start, end int) {
	start = skipTokens(s, i, false)
	return start, skipTokens(s, start, true)
}

// FuzzNextToken checks nextToken against the previous version at every
// offset.
func FuzzNextToken(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Smoke rises—over Київ, 14 June 2024, ¿qué? e\u0301te\u0301 x\xffy")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			gs, ge := nextToken(s, i)
			ws, we := nextTokenPrev(s, i)
			if gs != ws || ge != we {
				t.Fatalf("nextToken(%q, %d) = %d, %d; previous version %d, %d", s, i, gs, ge, ws, we)
			}
		}
	})
}
