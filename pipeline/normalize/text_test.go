package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"only whitespace", " \n\t\u00a0\r\n ", ""},
		{"trim", "  text  ", "text"},
		{"collapse spaces", "a  \t b", "a b"},
		{"odd spaces", "a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"},
		{"zero-width and format dropped", "Ky\u200biv\u00ad \ufeffis\u200d\u2060 here\u200e", "Kyiv is here"},
		{"control characters dropped", "a\x00b\x07c\x1bd\x7fe\u0085f", "abcde\n\nf"},
		{"every line a paragraph", "one\ntwo", "one\n\ntwo"},
		{"blank lines collapse", "one\n\n\n\n two \n \n\nthree", "one\n\ntwo\n\nthree"},
		{"CRLF and CR", "one\r\ntwo\rthree", "one\n\ntwo\n\nthree"},
		{"unicode separators", "one\u2028two\u2029three", "one\n\ntwo\n\nthree"},
		{"curly quotes and guillemets kept", "“Yes,” he said. «Так» ‘no’ „ja“", "“Yes,” he said. «Так» ‘no’ „ja“"},
		{"NFC composes", "Kye\u0301 cafe\u0301 і\u0308", "Kyé café ї"},
		{"invalid UTF-8 replaced", "ok\xff\xfe then\xc3", "ok\ufffd then\ufffd"},
		{"stray tags removed", "a <b>bold</b> move</p>", "a bold move"},
		{"lone < before letter dropped", "x <y and", "x y and"},
		{"< before digit or space kept", "<5 km and a < b", "<5 km and a < b"},
		{"tabs are spaces", "col1\tcol2", "col1 col2"},
		{"dropped control reveals a tag start", "<\x01A0", "A0"},
		{"removed tag reveals a tag start", "<<b>a", "a"},
		{"run of < before a letter", "x <<<A", "x A"},
		{"zero-width space between < and letter", "a <\u200bb", "a b"},
		{"kelvin sign becomes K", "<\u212a", "K"},
		{"< before space kept", "a <\u00a0b", "a < b"},
		{"< at the end kept", "a <", "a <"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CleanText(tc.in)
			if got != tc.want {
				t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("output is not valid UTF-8: %q", got)
			}
		})
	}
}

func TestCleanLineJoinsLines(t *testing.T) {
	if got, want := cleanLine(" Kyiv\n\nunder  attack\r\n"), "Kyiv under attack"; got != want {
		t.Errorf("cleanLine = %q, want %q", got, want)
	}
}

func TestSoftWrapMode(t *testing.T) {
	in := "one two\nthree\n\n\nfour\nfive"
	if got, _ := cleanText(in, softWrap); got != "one two three\n\nfour five" {
		t.Errorf("softWrap = %q", got)
	}
}

func TestLooksHardWrapped(t *testing.T) {
	wrapped := strings.Join([]string{
		"Ukrainian forces repelled several attacks near the eastern town",
		"of Pokrovsk overnight, the general staff said on Wednesday, adding",
		"that Russian units had used armoured vehicles and small infantry",
		"groups to probe defensive lines to the south and south-west of",
		"the town.",
		"",
		"The regional governor said two civilians were wounded by artillery",
		"fire in a nearby village.",
	}, "\n")
	perLine := strings.Join([]string{
		"Ukrainian forces repelled several attacks near Pokrovsk overnight.",
		"The general staff said Russian units used armoured vehicles.",
		"Two civilians were wounded by artillery fire in a nearby village.",
		"The governor urged residents to leave the area as soon as possible.",
		"Evacuation buses will leave from the central square on Thursday.",
	}, "\n")
	if !looksHardWrapped(wrapped) {
		t.Error("hard-wrapped text not recognised")
	}
	if looksHardWrapped(perLine) {
		t.Error("one paragraph per line taken for hard-wrapped text")
	}
	if looksHardWrapped("short\ntext") {
		t.Error("two lines taken for hard-wrapped text")
	}
}

func TestNFCInertRanges(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if !nfcInert(r) {
			continue
		}
		s := string(r)
		if !norm.NFC.IsNormalString(s) || !norm.NFC.PropertiesString(s).BoundaryBefore() {
			t.Fatalf("U+%04X is not NFC-inert", r)
		}
		// it must not compose with any preceding starter either
		for _, base := range []string{"a", "e", "и", "і", "A"} {
			if norm.NFC.String(base+s) != base+s {
				t.Fatalf("U+%04X composes with %q", r, base)
			}
		}
	}
}

func TestCleanLineAlready(t *testing.T) {
	for in, want := range map[string]bool{
		"":                  true,
		"Kyiv under attack": true,
		"“Київ” — «так»":    true,
		" lead":             false,
		"trail ":            false,
		"two  spaces":       false,
		"tab\there":         false,
		"a <b>":             false,
		"bad \xff":          false,
		"e\u0301":           false,
		"zero\u200bwidth":   false,
		"line\nbreak":       false,
		"non\u00a0breaking": false,
	} {
		if got := cleanLineAlready(in); got != want {
			t.Errorf("cleanLineAlready(%q) = %v, want %v", in, got, want)
		}
		if want && cleanLine(in) != in {
			t.Errorf("cleanLine(%q) = %q changes a clean line", in, cleanLine(in))
		}
	}
}

func TestPlainRuneRanges(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if plainRune(r) && (unicode.Is(unicode.Zs, r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029') {
			t.Fatalf("U+%04X is a space, control or format character", r)
		}
	}
}

// FuzzCleanTextAlready checks that text the fast path (cleanTextWords,
// which Normalize uses) takes as clean comes out of the full cleaning
// unchanged.
func FuzzCleanTextAlready(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Clean text, “quoted” — with AT&T.\n\nA second paragraph: Київ.")
	f.Add("Eight by8 \n\nbytes~~~ and\x7f more\n\n\n\nlines\n\n x \n\nAT&amp;T")
	f.Fuzz(func(t *testing.T, s string) {
		for _, s := range []string{s, CleanText(s)} { // clean text passes more often
			var pw paragraphWords
			if !cleanTextWords(s, &pw) {
				continue
			}
			if text, captions := cleanPlainText(s); text != s || captions != nil {
				t.Fatalf("%q is not clean: %q %q", s, text, captions)
			}
		}
	})
}
