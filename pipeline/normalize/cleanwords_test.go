package normalize

import (
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

// FuzzCleanTextWords checks the one-pass clean check and word count against
// cleanTextAlready and CountWords, paragraph by paragraph, and the word count
// of Normalize, which subtracts from it, against CountWords of the body.
func FuzzCleanTextWords(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Clean text, “quoted” — with AT&T.\n\nA second paragraph: Київ.")
	f.Add("KYIV, June 12 (Reuters) - 1,000 troops.\n\nSmoke rises over Kyiv, Ukraine, June 12, 2024. REUTERS/Name\n\nKyiv-based don't 3.5 km")
	f.Add("WASHINGTON NATO-led x-\n\n-y 1.\n\n.2 a’b")
	f.Add("a‐b a‑b don’t ’x “q” x… ‧ x—y x‐\n\nz‧  ")
	f.Fuzz(func(t *testing.T, s string) {
		for _, s := range []string{s, CleanText(s)} { // clean text passes more often
			var pw paragraphWords
			clean := cleanTextWords(s, &pw)
			if want := cleanTextAlready(s); clean != want {
				t.Fatalf("cleanTextWords(%q) = %v, cleanTextAlready %v", s, clean, want)
			}
			if clean && pw.ok {
				if pw.total != CountWords(s) {
					t.Fatalf("cleanTextWords(%q) counts %d words, CountWords %d", s, pw.total, CountWords(s))
				}
				start := 0
				for k, p := range splitParagraphs(s) {
					if got, want := pw.paragraph(k), CountWords(p); got != want {
						t.Fatalf("paragraph %d of %q: %d words, CountWords %d", k, s, got, want)
					}
					end := paragraphEnd(s, start)
					if got := pw.paragraphEnd(k, s); got != end {
						t.Fatalf("paragraph %d of %q ends at %d, paragraphEnd %d", k, s, got, end)
					}
					start = end + len(paragraphSep)
				}
			}
			st := &pipeline.Story{BodyText: s, Headline: "x"}
			Normalize(st)
			if st.WordCount != CountWords(st.Body) {
				t.Fatalf("word count of %q: %d, body has %d", s, st.WordCount, CountWords(st.Body))
			}
		}
	})
}

// TestCleanTextWordsManyParagraphs checks the count when there are more
// paragraphs than paragraphWords records.
func TestCleanTextWordsManyParagraphs(t *testing.T) {
	s := strings.Repeat("One two three.\n\n", 2*maxCountedParagraphs) + "Smoke rises. REUTERS/Name"
	var pw paragraphWords
	if !cleanTextWords(s, &pw) || pw.ok {
		t.Fatalf("cleanTextWords: ok %v, want the counts not kept", pw.ok)
	}
	st := &pipeline.Story{BodyText: "KYIV, June 12 (Reuters) - " + s}
	Normalize(st)
	if st.WordCount != CountWords(st.Body) || len(st.Captions) != 1 {
		t.Fatalf("word count %d, body has %d; captions %q", st.WordCount, CountWords(st.Body), st.Captions)
	}
}
