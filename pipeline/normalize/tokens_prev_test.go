package normalize

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

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
		if got, want := tokensByNext(s), tokensRef(s); !slices.Equal(got, want) {
			t.Fatalf("tokens of %q by nextToken = %q, by the original eachToken %q", s, got, want)
		}
	})
}

// tokensByNext lists the tokens of s as the caption code walks them.
func tokensByNext(s string) []string {
	var out []string
	for i := 0; ; {
		start, end := nextToken(s, i)
		if start >= end {
			return out
		}
		out = append(out, s[start:end])
		i = end
	}
}

// tokensRef lists the tokens of s by the caption tokenizer as first written
// (eachToken, before skipTokens and the ASCII loops): an independent
// reference for the non-ASCII paths.
func tokensRef(s string) []string {
	var out []string
	start := -1
	for i := 0; i < len(s); {
		tok, size := asciiAlnum[s[i]], 1
		if s[i] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			tok = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case tok && start < 0:
			start = i
		case !tok && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
