package quotes

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// scanSeeds are bodies that exercise the marks inside and between tokens.
var scanSeeds = []string{
	"", "“", "\"a\" \"", "«a „b“ c»", "‘x’s’", "‘rock’n’roll’ ok", "‘abc’9 x’", "“a\n\n“b”",
	"\xff“\xfe”", "said: “", "He said \"no\".\n\n\"Yes,\" she said", "a\u00a0“b”\n\u2003“c",
	"Kyiv’s “x” ‘y’ ʼs", "x\n\n  “open\n“more”", "‹a› «b» „c”",
	"a\xffb", "Кий\xd0в “x”", "x \xe2\x80 y", "\xe2“a”", "‘ab\xc3’", "“a\xed\xa0\x80”", "é\xe2\x80\x9d\x80",
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
	got, valid := findQuotesTokens(nil, s, toks)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("findQuotesTokens(%q) = %+v, want %+v", s, got, want)
	}
	if valid != utf8.ValidString(s) {
		t.Fatalf("findQuotesTokens(%q) says valid UTF-8 %v", s, valid)
	}
	if _, valid := findQuotes(nil, s); valid != utf8.ValidString(s) {
		t.Fatalf("findQuotes(%q) says valid UTF-8 %v", s, valid)
	}
	checkQuotedTokens(t, s, toks, got)
}

// checkQuotedTokens fails t when doc.quotedTokens disagrees with the tokens
// from q.tStart on that end within the content, counted one by one.
func checkQuotedTokens(t *testing.T, s string, toks []text.Token, qs []quote) {
	t.Helper()
	d := &doc{Doc: &mention.Doc{Text: &mention.Text{Body: s, Toks: toks}}}
	for i := range qs {
		q := &qs[i]
		want := q.tStart
		for want < len(toks) && int(toks[want].End) <= q.end {
			want++
		}
		if t0, t1 := d.quotedTokens(q); t0 != q.tStart || max(t1, t0) != max(want, t0) {
			t.Fatalf("quotedTokens(%q, quote %d) = [%d, %d), want [%d, %d)", s, i, t0, t1, q.tStart, want)
		}
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

// TestSetBits checks setBits against setting the bits one by one.
func TestSetBits(t *testing.T) {
	for a := 0; a <= 200; a += 7 {
		for b := a; b <= 200; b += 5 {
			got, want := make([]uint64, 4), make([]uint64, 4)
			setBits(got, a, b)
			for i := a; i < b; i++ {
				want[i/64] |= 1 << (i % 64)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("setBits(%d, %d) = %x, want %x", a, b, got, want)
			}
		}
	}
}
