package places

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// entitySeeds have every case where the two tokenizers differ: possessives
// with each apostrophe, dotted abbreviations, words that start with a digit
// or a mark, the apostrophes only fold knows, and invalid UTF-8.
var entitySeeds = []string{
	"", "Kyiv's army, U.S. forces, Kyiv’s 5G, KYIVʼS", "U.S.A. U.N.'s U.S.É U.S.'x A. Smith U.S",
	"it's O'Brien's rock'n'roll 'quoted' a's s' 's S's",
	"1St 4Kyiv \u0301Kyiv Ёлка ёлка ǅemal Ǆ 𝐀bc",
	"\xff\xfe Kyiv \x00 Odesa \xe2\x80 the THE tHe the’s thee The9 tHE's",
	"У Києві та в Харкові лунали вибухи. «Київ» — Mar'inka ’quoted’",
	strings.Repeat("“Kyiv’s” — it's O'Brien's–Mar'inka’s ", 6) + "ab's“" + strings.Repeat("x'S ", 20),
	// fold's own tokenizer takes these
	"Kyiv's'x Kyiv’s’x Kyivʼsʼx a's's", "Ivano-Frankivsk`x", "Mar‘inka", "Kyiv´s",
}

// mustDerive is how many of entitySeeds fromEntityTokens must handle.
const mustDerive = 8

// FuzzEntityTokens checks fromEntityTokens against fold.TokensStarts: when
// it says it can tell, its tokens and starts are fold's.
func FuzzEntityTokens(f *testing.F) {
	for _, s := range entitySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEntityTokens(t, s)
	})
}

func checkEntityTokens(t *testing.T, s string) bool {
	t.Helper()
	wantToks, wantStarts := fold.TokensStarts(nil, nil, s)
	etoks := text.Tokenize(nil, s)
	before := slices.Clone(etoks)
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := scanner{g: g, text: s, own: []token{{Start: 9}}, starts: []int32{7}}
	ok := sc.fromEntityTokens(etoks)
	if !slices.Equal(etoks, before) {
		t.Fatalf("%q: the entity tokens changed", s)
	}
	if !ok {
		if !foldOnly(s) && !strings.Contains(s, "s'") && !strings.Contains(s, "s\u2019") && !strings.Contains(s, "s\u02bc") &&
			!strings.Contains(s, "S'") && !strings.Contains(s, "S\u2019") && !strings.Contains(s, "S\u02bc") {
			t.Fatalf("%q: no tokens, with no reason", s)
		}
		return false
	}
	if len(sc.toks) != len(wantToks) {
		t.Fatalf("%q: %d tokens, want %d", s, len(sc.toks), len(wantToks))
	}
	for i, w := range wantToks {
		g := sc.toks[i]
		if g.Start != w.Start || g.End != w.End || g.RStart != w.RStart || g.REnd != w.REnd || sc.upper(i) != (w.Flags != 0) {
			t.Fatalf("%q: token %d is %+v, want %+v", s, i, g, w)
		}
	}
	// The starts a word's hash rules out are dropped (mayStart), and so
	// is "the" before a word in lower case (lowerNext) unless it is
	// rewritten (a possessive).
	wantStarts = slices.DeleteFunc(wantStarts, func(st int32) bool {
		w := &wantToks[st>>1]
		h := sc.toks[st>>1].LowerHash
		if st&1 == 1 {
			k := slices.IndexFunc(etoks, func(t token) bool { return t.Start == w.Start && t.Flags&(text.Poss|text.Abbrev) == 0 })
			return k >= 0 && lowerNext(etoks, k, 1)
		}
		return h != 0 && h == lowerHash(s[w.Start:w.End]) && !g.lowerFirst.has(h)
	})
	if !slices.Equal(sc.starts, wantStarts) {
		t.Fatalf("%q: starts %v, want %v", s, sc.starts, wantStarts)
	}
	return true
}

func TestEntityTokensSeeds(t *testing.T) {
	raw, err := os.ReadFile("testdata/story.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range append(entitySeeds, string(raw)) {
		if !checkEntityTokens(t, c) && (i < mustDerive || i == len(entitySeeds)) {
			t.Errorf("%q: not derived", c)
		}
		for shift := 1; shift < 8 && shift <= len(c); shift++ {
			checkEntityTokens(t, c[shift:])
		}
	}
}

// TestWordRunesAgree checks that the two tokenizers take the same code
// points for word characters, the premise of fromEntityTokens.
func TestWordRunesAgree(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		s := "a" + string(r) + "a"
		if got, want := len(text.Tokenize(nil, s)), len(fold.Tokens(nil, s)); (got == 1) != (want == 1) &&
			r != '`' && r != '\u2018' && r != '\u00b4' {
			t.Fatalf("%U: %d entity tokens, %d fold tokens", r, got, want)
		}
	}
}

// TestTheHash checks that among the words of three ASCII letters only "the"
// (in any case) has the LowerHash of "the".
func TestTheHash(t *testing.T) {
	w := []byte("aaa")
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			for c := byte('a'); c <= 'z'; c++ {
				w[0], w[1], w[2] = a, b, c
				h := text.Tokenize(nil, string(w))[0].LowerHash
				if (h == theHash) != (string(w) == "the") || h == 0 {
					t.Fatalf("%q: hash %x, the %x", w, h, theHash)
				}
			}
		}
	}
}

func TestHasSeq(t *testing.T) {
	for _, c := range []struct {
		s, seq string
		k      int
		want   bool
	}{{"", "\u2018", 2, false}, {"a\u2019b\u2018", "\u2018", 2, true}, {"\x98\x80\x98", "\u2018", 2, false},
		{"\u2018", "\u2018", 2, true}, {"x\u2018", "\u2018", 2, true}, {"\u0418\u2018", "\u2018", 2, true},
		{"д´", "\u00b4", 0, true}, {"дд\xc2", "\u00b4", 0, false}, {"\u00b4", "\u00b4", 0, true}} {
		if got := hasSeq(c.s, c.seq, c.k); got != c.want {
			t.Errorf("hasSeq(%q, %q) = %v", c.s, c.seq, got)
		}
	}
}

func TestRuneOffset(t *testing.T) {
	for _, s := range append(entitySeeds, "", "\n\nKyiv", "Київ\n\n", "a\xffб Kyiv's\n\nx") {
		for _, sc := range []scanner{{text: s, toks: fold.Tokens(nil, s)}, {text: s, toks: text.Tokenize(nil, s)}} {
			for i := 0; i <= len(s); i++ {
				if i < len(s) && !utf8.RuneStart(s[i]) {
					continue
				}
				if got, want := sc.runeOffset(i), utf8.RuneCountInString(s[:i]); got != want {
					t.Fatalf("%q: runeOffset(%d) = %d, want %d", s, i, got, want)
				}
			}
		}
	}
}
