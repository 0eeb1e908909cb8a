package normalize

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/warwire/warwire/pipeline"
)

// checkInvariants asserts what every normalised story satisfies, whatever
// the input.
func checkInvariants(t testing.TB, s *pipeline.Story) {
	t.Helper()
	fields := map[string]string{"body": s.Body, "headline": s.Headline, "byline": s.Byline}
	for i, c := range s.Captions {
		fields["caption "+string(rune('0'+i%10))] = c
	}
	for name, v := range fields {
		if !utf8.ValidString(v) {
			t.Fatalf("%s is not valid UTF-8: %q", name, v)
		}
		if markupAt(v) >= 0 {
			t.Fatalf("%s keeps markup at %d: %q", name, markupAt(v), v)
		}
		if !norm.NFC.IsNormalString(v) {
			t.Fatalf("%s is not in NFC: %q", name, v)
		}
		if v != strings.TrimSpace(v) {
			t.Fatalf("%s is not trimmed: %q", name, v)
		}
	}
	if strings.Contains(s.Body, "\n\n\n") || strings.Contains(s.Body, "  ") {
		t.Fatalf("body has a run of line breaks or spaces: %q", s.Body)
	}
	if strings.ContainsAny(s.Headline, "\n\t") || strings.ContainsAny(s.Byline, "\n\t") {
		t.Fatalf("headline or byline spans lines: %q / %q", s.Headline, s.Byline)
	}
	if s.WordCount != CountWords(s.Body) {
		t.Fatalf("word count %d, body has %d", s.WordCount, CountWords(s.Body))
	}
	if s.Dateline != nil && s.Dateline.Text == "" {
		t.Fatal("empty dateline")
	}
}

// markupAt returns the offset of a '<' that starts markup, or -1.
func markupAt(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' && startsTag(s[i+1]) {
			return i
		}
	}
	return -1
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatalf("failed to read fixture: %v", err)
	}
	return string(b)
}

func TestNormalizeWireStory(t *testing.T) {
	raw := readFixture(t, "story-en.txt")
	s := &pipeline.Story{BodyText: raw, Headline: "Ukraine downs drones &amp; Odesa port hit", Byline: "  Olena\u00a0Harmash ,  Andrew Gray "}
	Normalize(s)
	checkInvariants(t, s)

	if s.Dateline == nil || s.Dateline.Text != "KYIV" {
		t.Errorf("dateline = %+v, want KYIV", s.Dateline)
	}
	if !strings.HasPrefix(s.Body, "Ukraine's air force said on Tuesday") {
		t.Errorf("body does not start with the first sentence: %.60q", s.Body)
	}
	if len(s.Captions) != 4 {
		t.Errorf("got %d captions, want 4: %q", len(s.Captions), s.Captions)
	}
	for _, c := range s.Captions {
		if !strings.Contains(c, ". REUTERS/") || !strings.Contains(raw, c) {
			t.Errorf("caption %q is not a caption paragraph of the story, unchanged", c)
		}
		if strings.Contains(s.Body, c) {
			t.Errorf("caption left in the body: %q", c)
		}
	}
	for _, keep := range []string{
		"Reuters could not independently verify",
		"told reporters after the meeting",
		"(Reporting by Olena Harmash",
	} {
		if !strings.Contains(s.Body, keep) {
			t.Errorf("body lost %q", keep)
		}
	}
	paragraphs := strings.Count(raw, "\n\n") + 1
	if got := strings.Count(s.Body, "\n\n") + 1; got != paragraphs-4 {
		t.Errorf("body has %d paragraphs, want %d (all but the captions)", got, paragraphs-4)
	}
	if s.Language != "en" {
		t.Errorf("language = %q, want en", s.Language)
	}
	if s.Headline != "Ukraine downs drones & Odesa port hit" {
		t.Errorf("headline = %q", s.Headline)
	}
	if s.Byline != "Olena Harmash , Andrew Gray" {
		t.Errorf("byline = %q", s.Byline)
	}
}

func TestNormalizeHTMLBody(t *testing.T) {
	s := &pipeline.Story{
		BodyHTML: `<p>ODESA, Ukraine &mdash; A drone hit the port on <b>Sunday</b>.</p>
<figure><img src="a.jpg"><figcaption>Smoke over the port. Photo: Jane Doe</figcaption></figure>
<script>track("x")</script>
<p>Officials said   two&nbsp;people were hurt.</p>`,
		Language: "en-US",
	}
	Normalize(s)
	checkInvariants(t, s)
	if want := "A drone hit the port on Sunday.\n\nOfficials said two people were hurt."; s.Body != want {
		t.Errorf("body = %q, want %q", s.Body, want)
	}
	if s.Dateline == nil || s.Dateline.Text != "ODESA" {
		t.Errorf("dateline = %+v, want ODESA", s.Dateline)
	}
	if len(s.Captions) != 1 || s.Captions[0] != "Smoke over the port. Photo: Jane Doe" {
		t.Errorf("captions = %q", s.Captions)
	}
	if s.WordCount != 13 {
		t.Errorf("word count = %d, want 13", s.WordCount)
	}
	if s.Language != "en" {
		t.Errorf("language = %q, want en", s.Language)
	}
}

func TestNormalizeBodyTextWins(t *testing.T) {
	s := &pipeline.Story{BodyText: "Text body.", BodyHTML: "<p>HTML body.</p>"}
	Normalize(s)
	if s.Body != "Text body." {
		t.Errorf("body = %q, want the body_text", s.Body)
	}
	s = &pipeline.Story{BodyText: " \n ", BodyHTML: "<p>HTML body.</p>"}
	Normalize(s)
	if s.Body != "HTML body." {
		t.Errorf("body = %q, want the body_html when body_text is blank", s.Body)
	}
}

func TestNormalizeBodyTextWithTags(t *testing.T) {
	s := &pipeline.Story{BodyText: "First <b>bold</b> line.\nSecond line with <a href=\"x\">link</a>.\n<script>bad()</script>Third &amp; last."}
	Normalize(s)
	checkInvariants(t, s)
	if want := "First bold line.\n\nSecond line with link.\n\nThird & last."; s.Body != want {
		t.Errorf("body = %q, want %q", s.Body, want)
	}
}

func TestNormalizeLanguage(t *testing.T) {
	uk := strings.Join(langSamples["uk"], "\n\n")
	tests := []struct {
		name, declared, body, want string
	}{
		{"declared wrong, confident detection wins", "ru", uk, "uk"},
		{"declared missing", "", strings.Join(langSamples["pl"], "\n"), "pl"},
		{"declared right", "de", strings.Join(langSamples["de"], "\n"), "de"},
		{"short text keeps declared", "en", "Kyiv", "en"},
		{"undetectable language kept", "zh", "基辅遭到无人机袭击", "zh"},
	}
	for _, tc := range tests {
		s := &pipeline.Story{BodyText: tc.body, Language: tc.declared}
		Normalize(s)
		if s.Language != tc.want {
			t.Errorf("%s: language = %q, want %q", tc.name, s.Language, tc.want)
		}
	}
}

func TestNormalizeBadInput(t *testing.T) {
	big := strings.Repeat("Russian forces shelled the town again on Monday, officials said. ", 1<<20/66)
	tests := []struct {
		name  string
		story pipeline.Story
		check func(*testing.T, *pipeline.Story)
	}{
		{"empty body", pipeline.Story{}, func(t *testing.T, s *pipeline.Story) {
			if s.Body != "" || s.WordCount != 0 || s.Captions != nil || s.Dateline != nil || s.Language != "" {
				t.Errorf("empty story normalised to %+v", s)
			}
		}},
		{"1 MB body", pipeline.Story{BodyText: big}, func(t *testing.T, s *pipeline.Story) {
			if s.WordCount != 10*(1<<20/66) || s.Language != "en" {
				t.Errorf("word count %d, language %q", s.WordCount, s.Language)
			}
		}},
		{"no punctuation", pipeline.Story{BodyText: "drones hit the city overnight and power was cut in three districts"}, func(t *testing.T, s *pipeline.Story) {
			if s.WordCount != 12 || s.Dateline != nil {
				t.Errorf("word count %d, dateline %+v", s.WordCount, s.Dateline)
			}
		}},
		{"all capitals", pipeline.Story{BodyText: "RUSSIAN FORCES SHELLED KHARKIV ON MONDAY. REUTERS REPORTED THE STRIKE."}, func(t *testing.T, s *pipeline.Story) {
			if s.Dateline != nil || s.Body == "" || len(s.Captions) != 0 {
				t.Errorf("all-capitals body: dateline %+v, captions %q, body %q", s.Dateline, s.Captions, s.Body)
			}
		}},
		{"HTML only in body_html", pipeline.Story{BodyHTML: "<div><p>Only <i>HTML</i> here.</p></div>"}, func(t *testing.T, s *pipeline.Story) {
			if s.Body != "Only HTML here." {
				t.Errorf("body = %q", s.Body)
			}
		}},
		{"mixed scripts", pipeline.Story{BodyText: "Київ Kyiv Киев 基辅 كييف and the city said"}, func(t *testing.T, s *pipeline.Story) {
			if s.WordCount != 9 {
				t.Errorf("word count = %d, want 9", s.WordCount)
			}
		}},
		{"invalid UTF-8", pipeline.Story{BodyText: "Kyiv\xff\xfe said\xc3 \xe2\x80 ok", Headline: "bad \xff headline"}, func(t *testing.T, s *pipeline.Story) {
			if s.Body != "Kyiv\ufffd said\ufffd \ufffd ok" || s.Headline != "bad \ufffd headline" {
				t.Errorf("body %q, headline %q", s.Body, s.Headline)
			}
		}},
		{"only markup", pipeline.Story{BodyHTML: "<script>x()</script><style>p{}</style>"}, func(t *testing.T, s *pipeline.Story) {
			if s.Body != "" || s.WordCount != 0 {
				t.Errorf("body = %q", s.Body)
			}
		}},
		{"dateline only", pipeline.Story{BodyText: "KYIV, June 12 (Reuters) -"}, func(t *testing.T, s *pipeline.Story) {
			if s.Body != "" || s.Dateline == nil || s.Dateline.Text != "KYIV" {
				t.Errorf("body %q, dateline %+v", s.Body, s.Dateline)
			}
		}},
		{"only control characters", pipeline.Story{BodyText: "\x00\x01\u200b\ufeff\r\n"}, func(t *testing.T, s *pipeline.Story) {
			if s.Body != "" {
				t.Errorf("body = %q", s.Body)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.story
			Normalize(&s)
			checkInvariants(t, &s)
			tc.check(t, &s)
		})
	}
}

func TestNormalizeUkrainianStory(t *testing.T) {
	raw := readFixture(t, "story-uk.txt")
	s := &pipeline.Story{BodyText: raw, Headline: "Сили ППО збили 41 дрон", Language: "ru"}
	Normalize(s)
	checkInvariants(t, s)
	if s.Dateline == nil || s.Dateline.Text != "КИЇВ" {
		t.Errorf("dateline = %+v, want КИЇВ", s.Dateline)
	}
	if !strings.HasPrefix(s.Body, "Сили протиповітряної оборони") {
		t.Errorf("body starts %.40q", s.Body)
	}
	if len(s.Captions) != 1 || !strings.HasSuffix(s.Captions[0], "Фото: ДСНС") {
		t.Errorf("captions = %q", s.Captions)
	}
	if !strings.Contains(s.Body, "«Кожна система") {
		t.Error("guillemets lost from the body")
	}
	if s.Language != "uk" {
		t.Errorf("language = %q, want uk (declared ru is wrong)", s.Language)
	}
}
