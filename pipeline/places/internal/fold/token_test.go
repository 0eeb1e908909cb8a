package fold

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline/entities/text"
)

func TestTokens(t *testing.T) {
	s := "Kyiv's mayor met «Mar'inka» officials in Ivano-Frankivsk, 2024; Київ."
	var got []string
	var runes [][2]int
	for _, tk := range Tokens(nil, s) {
		got = append(got, tk.Text(s))
		runes = append(runes, [2]int{int(tk.RStart), int(tk.REnd)})
	}
	want := []string{"Kyiv", "s", "mayor", "met", "Mar'inka", "officials", "in", "Ivano", "Frankivsk", "2024", "Київ"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: got %q, want %q", i, got[i], want[i])
		}
	}
	r := []rune(s)
	last := runes[len(runes)-1]
	if string(r[last[0]:last[1]]) != "Київ" {
		t.Errorf("rune span %v is %q", last, string(r[last[0]:last[1]]))
	}
}

func TestKeyFoldsCaseDiacriticsAndPunctuation(t *testing.T) {
	pairs := [][2]string{
		{"Zaporizhzhia", "ZAPORIZHZHIA"},
		{"Bürgenstock", "Burgenstock"},
		{"Mar'inka", "Marinka"},
		{"Ivano-Frankivsk", "ivano frankivsk"},
		{"Łódź", "Lodz"},
		{"Київ", "КИЇВ"},
		{"Ryl’sk", "Rylsk"},
	}
	for _, p := range pairs {
		if a, b := Key(p[0]), Key(p[1]); a != b || a == "" {
			t.Errorf("Key(%q)=%q, Key(%q)=%q: want equal", p[0], a, p[1], b)
		}
	}
	if Key("Kyiv") == Key("Kiev") {
		t.Error("different spellings must not fold together: aliases handle them")
	}
	if Words("sea of azov") != 3 || Words("") != 0 {
		t.Error("Words miscounts")
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "Kyiv's", "«Київ»", "a'", "'s", "\xff\xfe", "Ivano-Frankivsk"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(nil, s)
		n := len([]rune(s))
		prev := 0
		for _, tk := range toks {
			if tk.Start < 0 || int(tk.End) > len(s) || tk.Start >= tk.End || int(tk.RStart) < prev || int(tk.REnd) > n || tk.RStart >= tk.REnd {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
			prev = int(tk.REnd)
			_ = Key(tk.Text(s))
		}
	})
}

// FuzzTokensMatchesReference checks the fast tokenizer against the plain one.
func FuzzTokensMatchesReference(f *testing.F) {
	for _, s := range []string{"", "Kyiv's mayor", "«Київ» — Mar'inka", "a'", "'s", "\xff\xfeAb", "Ivano-Frankivsk`x", "it's O'Brien's", "Zaporižžja, ŁÓDŹ 2024"} {
		f.Add(s)
	}
	for _, s := range blockSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := Tokens(nil, s), tokensRef(nil, s)
		checkStarts(t, s, want)
		if len(got) != len(want) {
			t.Fatalf("%q: got %d tokens, want %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: token %d is %+v, want %+v", s, i, got[i], want[i])
			}
		}
	})
}

// blockSeeds are longer than a block of the ASCII fast path, with words,
// apostrophes and non-ASCII text across block borders.
var blockSeeds = []string{
	strings.Repeat("Kyiv and the Donetsk region, 2024. ", 8),
	strings.Repeat("x", 63) + "’s " + strings.Repeat("Ab1 ", 20) + "Mar'inka Київ " + strings.Repeat("q", 70),
	strings.Repeat("Київ Харків ", 12) + strings.Repeat("O'Brien's Kyiv`s ", 6),
	strings.Repeat("THE tHe thee tho the’s The9 the Ünd t2e ", 5) + "Thé the",
	strings.Repeat("ab", 40) + "é" + strings.Repeat(" Z", 40) + "\xff" + strings.Repeat("9", 64),
	strings.Repeat("“Kyiv’s” — it's O'Brien's–Mar'inka‘s ", 6) + "ab's“" + strings.Repeat("x'S'", 20) + "a\xe2\x80",
	strings.Repeat("Kherson's mayor said “the Dnipro” – rock'n'roll, 'quoted' a'é a's", 4) + "\xe2\x80\x9c\xe2\x80",
}

func TestTokensMatchReferenceOnBlocks(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/story.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases := append([]string{string(raw)}, blockSeeds...)
	for shift := 0; shift < 70; shift++ {
		for _, c := range cases {
			s := c[min(shift, len(c)):]
			got, want := Tokens(nil, s), tokensRef(nil, s)
			if !slices.Equal(got, want) {
				t.Fatalf("shift %d of %.40q: tokens differ from the reference", shift, s)
			}
			checkStarts(t, s, want)
		}
	}
}

// FuzzAppendWordFastPath checks the ASCII fast path of AppendWord against
// the rune-at-a-time fold.
func FuzzAppendWordFastPath(f *testing.F) {
	for _, s := range append([]string{"Kyiv", "ZAPORIZHZHIA2024", "Mar'inka", "Київ", "Ab`c", "x\xff"}, blockSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendWord([]byte("k "), s), appendWordSlow([]byte("k "), s); string(got) != string(want) {
			t.Fatalf("AppendWord(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzAppendKeyPlain checks the plain-ASCII path of AppendKey against the
// tokenizing one.
func FuzzAppendKeyPlain(f *testing.F) {
	for _, s := range []string{"KYIV", "United States", "New  York", " Kyiv", "Kyiv ", "Ab`c", "St. Petersburg", "a", "", "Київ", "x\xff", "[a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := appendPlainKey([]byte("k "), s)
		if !ok {
			if string(got) != "k " {
				t.Fatalf("appendPlainKey(%q) changed dst to %q", s, got)
			}
			return
		}
		want := []byte("k ")
		for i, tk := range Tokens(nil, s) {
			if i > 0 {
				want = append(want, ' ')
			}
			want = AppendWord(want, tk.Text(s))
		}
		if string(got) != string(want) {
			t.Fatalf("appendPlainKey(%q) = %q, want %q", s, got, want)
		}
	})
}

// checkStarts checks the tokens and name starts of TokensStarts against the
// reference tokens want of s.
func checkStarts(t *testing.T, s string, want []Token) {
	toks, starts := TokensStarts(nil, nil, s)
	if !slices.Equal(toks, want) {
		t.Fatalf("%q: TokensStarts tokens differ from the reference", s)
	}
	var ref []int32
	for i, tk := range want {
		w := strings.ToLower(tk.Text(s))
		the := 0
		if len(tk.Text(s)) == 3 && w == "the" {
			the = 1
		}
		if tk.Flags&text.Upper != 0 || the == 1 {
			ref = append(ref, int32(i<<1|the))
		}
	}
	if !slices.Equal(starts, ref) {
		t.Fatalf("%q: starts %v, want %v", s, starts, ref)
	}
}
