package normalize

import (
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

// BenchmarkNormalize normalises a realistic ~4 KB wire story given as
// body_text (dateline, interleaved captions, quotes).
func BenchmarkNormalize(b *testing.B) {
	raw := readFixture(b, "story-en.txt")
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		s := pipeline.Story{BodyText: raw, Headline: "Ukraine downs drones as Odesa port is hit", Language: "en"}
		Normalize(&s)
	}
}

// BenchmarkNormalizeHTML normalises the same story given as body_html.
func BenchmarkNormalizeHTML(b *testing.B) {
	raw := readFixture(b, "story-en.txt")
	var h strings.Builder
	for _, p := range strings.Split(strings.TrimSpace(raw), "\n\n") {
		h.WriteString("<p class=\"text\">" + strings.ReplaceAll(p, "&", "&amp;") + "</p>\n")
	}
	h.WriteString(`<figure><img src="x.jpg" alt=""><figcaption>A caption. Photo: Name</figcaption></figure><script>var x = 1;</script>`)
	src := h.String()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		s := pipeline.Story{BodyHTML: src, Headline: "Ukraine downs drones as Odesa port is hit"}
		Normalize(&s)
	}
}

var benchSink int

// BenchmarkParts measures the parts of Normalize on the same story, with a
// plain loop over its runes as a baseline: on a shared machine the ratio to
// the baseline is steadier than the absolute numbers.
func BenchmarkParts(b *testing.B) {
	raw := readFixture(b, "story-en.txt")
	text := CleanText(raw)
	paras := splitParagraphs(text)
	parts := []struct {
		name string
		fn   func()
	}{
		{"baseline-rune-loop", func() {
			for _, r := range text {
				if r == 'x' {
					benchSink++
				}
			}
		}},
		{"clean", func() { benchSink += len(CleanText(raw)) }},
		{"captions", func() { _, c := SplitCaptions(paras); benchSink += len(c) }},
		{"dateline", func() { p, _ := SplitDateline(text); benchSink += len(p) }},
		{"language", func() { benchSink += len(detectStory("", text).Lang) }},
		{"words", func() { benchSink += CountWords(text) }},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				p.fn()
			}
		})
	}
}
