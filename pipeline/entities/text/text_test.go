package text

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(s string, toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text(s)
	}
	return out
}

func TestTokenizePossessiveAndAbbreviations(t *testing.T) {
	s := "Zelenskyy's aides met U.S. envoys in Kyiv’s centre; they can't stay."
	toks := Tokenize(nil, s)
	got := texts(s, toks)
	want := []string{"Zelenskyy", "aides", "met", "U.S.", "envoys", "in", "Kyiv", "centre", "they", "can't", "stay"}
	if len(got) != len(want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("token %d = %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
	if !toks[0].Has(Poss) || !toks[6].Has(Poss) || toks[1].Has(Poss) {
		t.Errorf("possessive flags wrong: %v %v %v", toks[0].Flags, toks[6].Flags, toks[1].Flags)
	}
	if !toks[3].Has(Abbrev | AllUpper) {
		t.Errorf("U.S. flags = %b, want Abbrev|AllUpper", toks[3].Flags)
	}
}

func TestTokenOffsetsAreCodePoints(t *testing.T) {
	s := "🙂 Зеленський сказав: «Ми тримаємось» — 2024 рік"
	runes := []rune(s)
	for _, tok := range Tokenize(nil, s) {
		if got := string(runes[tok.RStart:tok.REnd]); got != tok.Text(s) {
			t.Errorf("rune span %d:%d = %q, byte span gives %q", tok.RStart, tok.REnd, got, tok.Text(s))
		}
	}
	toks := Tokenize(nil, s)
	if !toks[0].Has(Cyrillic|Upper) || toks[0].Text(s) != "Зеленський" {
		t.Errorf("first token = %q flags %b", toks[0].Text(s), toks[0].Flags)
	}
}

func TestTokenizeInvalidUTF8(t *testing.T) {
	s := "Kyiv\xff\xfe said \xc3 Moscow"
	toks := Tokenize(nil, s)
	n := 0
	for range s {
		n++
	}
	for _, tok := range toks {
		if !utf8.ValidString(tok.Text(s)) || int(tok.REnd) > n || tok.RStart >= tok.REnd {
			t.Errorf("bad token %q at %d:%d (text has %d code points)", tok.Text(s), tok.RStart, tok.REnd, n)
		}
	}
	if got := texts(s, toks); len(got) != 3 || got[2] != "Moscow" {
		t.Errorf("tokens = %q", got)
	}
	// Invalid bytes count one code point each, as range over a string does.
	want := 0
	for range s[:toks[2].Start] {
		want++
	}
	if int(toks[2].RStart) != want || want != 14 {
		t.Errorf("Moscow starts at code point %d, want %d (14)", toks[2].RStart, want)
	}
}

func TestSentences(t *testing.T) {
	s := "Gen. Syrskyi spoke to U.S. officials. “We hold,” he said! Then Mr. Kovalenko left\n\nNew paragraph"
	toks := Tokenize(nil, s)
	sents := Sentences(nil, s, toks)
	var got []string
	for _, st := range sents {
		got = append(got, s[st.Start:st.End])
	}
	want := []string{
		"Gen. Syrskyi spoke to U.S. officials.",
		"“We hold,” he said!",
		"Then Mr. Kovalenko left",
		"New paragraph",
	}
	if len(got) != len(want) {
		t.Fatalf("sentences = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
	runes := []rune(s)
	for _, st := range sents {
		if string(runes[st.RStart:st.REnd]) != s[st.Start:st.End] {
			t.Errorf("code point span of %q is off", s[st.Start:st.End])
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Sélenskyj": "selenskyj", "Łódź": "lodz", "Ёлкин": "елкин", "O’Brien": "obrien",
		"U.S.": "us", "Straße": "strasse", "Київ": "київ",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := LowerSameLength("Київ İstanbul KYIV"); len(got) != len("Київ İstanbul KYIV") || got[:8] != "київ" {
		t.Errorf("LowerSameLength changed offsets: %q", got)
	}
}

func TestTransliterate(t *testing.T) {
	for _, c := range []struct{ in, lang, want string }{
		{"Ольга Воронова", "ru", "Olga Voronova"},
		{"Олександр Прокудін", "uk", "Oleksandr Prokudin"},
		{"Юлія Свириденко", "uk", "Yuliia Svyrydenko"},
		{"Сергей Щукин", "", "Sergey Shchukin"},
		{"Kyiv", "uk", "Kyiv"},
	} {
		if got := Transliterate(c.in, c.lang); got != c.want {
			t.Errorf("Transliterate(%q, %q) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "U.S.", "Kyiv's", "a\xffb", "Зеленського’s «x»", "A.B.C", "...!?", "aʼs \"b\"\nc", "x «y» z", "Київ İstanbul KYIV Ⅻ ÀB McDonald’S Ab.C", "a  b c\td. E f\n g h\" i  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(nil, s)
		n := utf8.RuneCountInString(s)
		lower := LowerSameLength(s)
		ref, valid := tokenize(nil, s, nil, scanPlainRef)
		if !slices.Equal(ref, toks) {
			t.Fatalf("Tokenize(%q) = %v, reference %v", s, toks, ref)
		}
		if valid != utf8.ValidString(s) {
			t.Fatalf("tokenize(%q) reports valid UTF-8 %v", s, valid)
		}
		for i, tok := range toks {
			if h := tok.LowerHash; h != 0 && h != fnv(lower[tok.Start:tok.End]) {
				t.Fatalf("token %d %+v: wrong LowerHash in %q", i, tok, s)
			}
			if tok.Start >= tok.End || tok.RStart >= tok.REnd || int(tok.REnd) > n || i > 0 && toks[i-1].End > tok.Start {
				t.Fatalf("bad token %d %+v in %q", i, tok, s)
			}
			if !utf8.ValidString(tok.Text(s)) {
				t.Fatalf("token %q is not valid UTF-8", tok.Text(s))
			}
			if i+1 < len(toks) && tok.Has(MayBreak) != gapMayBreak(s[tok.End:toks[i+1].Start]) {
				t.Fatalf("token %d %+v: MayBreak wrong in %q", i, tok, s)
			}
			end := len(s)
			if i+1 < len(toks) {
				end = int(toks[i+1].Start)
			}
			if tok.Has(MarkGap) != gapMarkGap(s[tok.End:end]) {
				t.Fatalf("token %d %+v: MarkGap wrong in %q", i, tok, s)
			}
		}
		sents := Sentences(nil, s, toks)
		if want := refSentences(s, toks); !slices.Equal(sents, want) {
			t.Fatalf("Sentences(%q) = %v, want %v", s, sents, want)
		}
		checkParts(t, s, toks, sents, lower)
		for _, st := range Sentences(nil, s, toks) {
			if st.Start > st.End || st.REnd > n || st.RStart > st.REnd {
				t.Fatalf("bad sentence %+v in %q", st, s)
			}
		}
	})
}

// checkParts checks Parts.Split of s, with memory left from another text,
// against the tokens, sentences and lower-case text of s.
func checkParts(t *testing.T, s string, toks []Token, sents []Sentence, lower string) {
	p := Parts{Toks: make([]Token, 3, 5), Sents: make([]Sentence, 2), SentOf: []int32{7, 7, 7}, Uppers: []int32{9}, Lower: []byte("QQQ")}
	p.Split(s)
	var sentOf []int32
	for k, st := range sents {
		for range st.Tok1 - st.Tok0 {
			sentOf = append(sentOf, int32(k))
		}
	}
	var uppers []int32
	for i, tok := range toks {
		if tok.Has(Upper) {
			uppers = append(uppers, int32(i))
		}
	}
	if !slices.Equal(p.Toks, toks) || !slices.Equal(p.Sents, sents) || string(p.Lower) != lower || !slices.Equal(p.SentOf, sentOf) ||
		!slices.Equal(p.Uppers, uppers) || p.ValidUTF8 != utf8.ValidString(s) {
		t.Fatalf("Split(%q) = %+v, want %v %v %v %v %q", s, p, toks, sents, sentOf, uppers, lower)
	}
}

// refSentences is Sentences asking BreakAfter after every token.
func refSentences(s string, toks []Token) []Sentence {
	var out []Sentence
	start := 0
	for i := range toks {
		if BreakAfter(s, toks, i) {
			out = append(out, makeSentence(s, toks, start, i+1))
			start = i + 1
		}
	}
	return out
}

// gapMayBreak is the definition of MayBreak for a gap g between tokens.
func gapMayBreak(g string) bool {
	return strings.ContainsAny(g, "\n.!?") || strings.IndexByte(g, 0xE2) >= 0
}

// gapMarkGap is the definition of MarkGap for a gap g after a token.
func gapMarkGap(g string) bool {
	for i := 0; i < len(g); i++ {
		if c := g[i]; c == '"' || c == '\n' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// TestIsTitleAbbrev pins the abbreviations that do not end a sentence.
func TestIsTitleAbbrev(t *testing.T) {
	for _, w := range strings.Fields("Mr Mrs Ms Dr Gen Lt Col Maj Sgt Capt Adm Sen Rep Gov St Jan Feb Mar Apr Aug Sep " +
		"Sept Oct Nov Dec No Prof Rev Jr Sr Inc Co Corp Ltd vs Lt-Gen Brig Cmdr Pres approx") {
		if !isTitleAbbrev(w) {
			t.Errorf("isTitleAbbrev(%q) = false", w)
		}
	}
	for _, w := range []string{"etc", "mr", "MR", "said", "", "Jun", "US"} {
		if isTitleAbbrev(w) {
			t.Errorf("isTitleAbbrev(%q) = true", w)
		}
	}
}

// FuzzOpensQuote compares opensQuote with strings.ContainsAny, also on
// broken UTF-8.
func FuzzOpensQuote(f *testing.F) {
	for _, s := range []string{"", ". \"", ".” ", "? «", ". „", "\xe2\x80", "\xf0\xe2\x80\x9c", "\xe2\xc2\xab", "…‘", "\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, g string) {
		if got, want := opensQuote(g), strings.ContainsAny(g, "“\"«„‘"); got != want {
			t.Fatalf("opensQuote(%q) = %v, want %v", g, got, want)
		}
	})
}
