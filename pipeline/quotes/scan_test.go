package quotes

import (
	"reflect"
	"testing"
	"unicode"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// scanSeeds are bodies that exercise the marks inside and between tokens.
var scanSeeds = []string{
	"", "“", "\"a\" \"", "«a „b“ c»", "‘x’s’", "‘rock’n’roll’ ok", "‘abc’9 x’", "“a\n\n“b”",
	"\xff“\xfe”", "said: “", "He said \"no\".\n\n\"Yes,\" she said", "a\u00a0“b”\n\u2003“c",
	"Kyiv’s “x” ‘y’ ʼs", "x\n\n  “open\n“more”", "‹a› «b» „c”",
}

// checkSameQuotes fails t when findQuotesTokens and refFindQuotes (the scanner of every byte as it was) disagree on s.
func checkSameQuotes(t *testing.T, s string) {
	t.Helper()
	toks := text.Tokenize(nil, s)
	want := refFindQuotes(nil, s)
	for i := range want {
		q := &want[i]
		q.tOpen, q.tStart, q.tClose = firstToken(toks, q.open), firstToken(toks, q.start), firstToken(toks, q.close)
	}
	got := findQuotesTokens(nil, s, toks)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findQuotesTokens(%q) = %+v, want %+v", s, got, want)
	}
}

func TestFindQuotesTokens(t *testing.T) {
	for _, s := range scanSeeds {
		checkSameQuotes(t, s)
	}
	g := synth.New(7)
	for i := range 2000 {
		checkSameQuotes(t, g.Story(i).BodyText)
	}
}

// FuzzFindQuotesTokens checks the scan of the token gaps against the scan
// of every byte.
func FuzzFindQuotesTokens(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSameQuotes(t, s)
	})
}

// firstToken returns the index of the first token starting at or after
// byte off, or len(toks).
func firstToken(toks []text.Token, off int) int {
	for t, tok := range toks {
		if int(tok.Start) >= off {
			return t
		}
	}
	return len(toks)
}

// TestIsSpace checks isSpace against unicode.IsSpace.
func TestIsSpace(t *testing.T) {
	for r := rune(-1); r <= 0x3100; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}
