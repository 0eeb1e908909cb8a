package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
)

// fuzzSeeds are inputs that exercise every part of the stage.
var fuzzSeeds = []string{
	"",
	"KYIV, June 12 (Reuters) - Russia launched drones.\n\nSmoke rises over Kyiv, Ukraine, June 12, 2024. REUTERS/Name\n\nMore text.",
	"WASHINGTON NATO chief spoke.",
	"<p>a</p><script>alert(1)</script><figure><figcaption>cap</figcaption></figure>",
	"<scr<script>ipt>x</script>",
	"&lt;script&gt;alert(1)&lt;/script&gt;",
	"<plaintext><script>",
	"<object><template><script>",
	"a\xffb\xc3\n\n\n\nc\u200b\u00a0d",
	"КИЇВ, 12 червня — Сили ППО збили ракети.",
	"« Les forces » a dit l’armée. ¿Qué? łódź",
	"(AP Photo/Name)",
	"FILE PHOTO: A view shows a site. REUTERS/Name/File Photo",
	"<<<>>>&&&;;;\r\r\n\t",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, text, htmlBody, headline string) {
		s := &pipeline.Story{BodyText: text, BodyHTML: htmlBody, Headline: headline, Byline: headline}
		Normalize(s)
		checkInvariants(t, s)
		if strings.Contains(strings.ToLower(s.Body), "<script") {
			t.Fatalf("body keeps a script tag: %q", s.Body)
		}
		if s.Language != "" && len(s.Language) != 2 {
			t.Fatalf("language %q is not ISO 639-1", s.Language)
		}
	})
}

func FuzzHTMLToText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		text, captions := HTMLToText(src)
		for _, out := range append([]string{text}, captions...) {
			if !utf8.ValidString(out) {
				t.Fatalf("output is not valid UTF-8: %q", out)
			}
			if strings.Contains(strings.ToLower(out), "<script") || markupAt(out) >= 0 {
				t.Fatalf("markup survives: %q", out)
			}
			if strings.Contains(out, "\n\n\n") || out != strings.TrimSpace(out) {
				t.Fatalf("bad whitespace: %q", out)
			}
		}
		// The content of a script element never reaches the text.
		marked, _ := HTMLToText("<script>SECRETMARKER</script>" + src)
		if strings.Contains(marked, "SECRETMARKER") && !strings.Contains(src, "SECRETMARKER") {
			t.Fatalf("script content survives after %q: %q", src, marked)
		}
	})
}

// FuzzCleanParagraphsTrimmed checks what splitCaptionsWords relies on when
// it calls isCaption: every paragraph of text that cleanTextWords accepts
// (pw.ok) has no white space at its ends, so IsCaption and isCaption agree.
func FuzzCleanParagraphsTrimmed(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("a\n\n b")
	f.Add("a\u00a0\n\nb\u2003")
	f.Fuzz(func(t *testing.T, text string) {
		var pw paragraphWords
		if !cleanTextWords(text, &pw) || !pw.ok {
			return
		}
		for _, p := range splitParagraphs(text) {
			if p != strings.TrimSpace(p) {
				t.Fatalf("clean text %q has paragraph %q with white space at an end", text, p)
			}
			if IsCaption(p) != isCaption(p) {
				t.Fatalf("IsCaption and isCaption differ on %q", p)
			}
		}
	})
}
