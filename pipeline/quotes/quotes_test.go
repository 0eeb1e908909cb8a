package quotes

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities"
	"github.com/warwire/warwire/pipeline/entities/mention"
)

var (
	once sync.Once
	ix   *entities.Index
)

func extract(t testing.TB, body, lang string) []pipeline.Quote {
	t.Helper()
	once.Do(func() {
		var err error
		if ix, err = entities.LoadIndex(""); err != nil {
			panic(err)
		}
	})
	ents := ix.Recognize(body, time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC), lang)
	qs := Extract(body, ents)
	checkQuotes(t, body, qs)
	return qs
}

// checkQuotes fails when a quote's span does not hold its text.
func checkQuotes(t testing.TB, body string, qs []pipeline.Quote) {
	t.Helper()
	runes := []rune(body)
	for _, q := range qs {
		if q.Span[0] < 0 || q.Span[1] > len(runes) || q.Span[0] >= q.Span[1] {
			t.Errorf("quote %q: bad span %v", q.Text, q.Span)
			continue
		}
		if got := string(runes[q.Span[0]:q.Span[1]]); got != q.Text || !utf8.ValidString(q.Text) {
			t.Errorf("quote text %q, span holds %q", q.Text, got)
		}
	}
}

func speakerOf(qs []pipeline.Quote, prefix string) (string, bool) {
	for _, q := range qs {
		if strings.HasPrefix(q.Text, prefix) {
			if q.Speaker == nil {
				return "", true
			}
			return q.Speaker.Name, true
		}
	}
	return "", false
}

func TestAttribution(t *testing.T) {
	for _, c := range []struct {
		name, body, lang, prefix, want string
	}{
		{"X said after", "“We will hold the line,” Zelenskyy said on Monday.", "en", "We will hold", "Volodymyr Zelenskyy"},
		{"said X", "“The talks are over,” said Kremlin spokesman Dmitry Peskov.", "en", "The talks are over", "Dmitry Peskov"},
		{"colon", "Stoltenberg told reporters: \"Allies must deliver more.\"", "en", "Allies must", "Jens Stoltenberg"},
		{"name colon", "Lavrov: «Мы не отступим».", "ru", "Мы не отступим", "Sergey Lavrov"},
		{"partial", "Mao Ning said that Beijing “values its partnership with Kyiv.”", "en", "values its", "Mao Ning"},
		{"according to", "The plant was hit, according to Rafael Grossi, who urged “maximum restraint”.", "en", "maximum restraint", "Rafael Grossi"},
		{"pronoun", "Antony Blinken arrived late. “We are not going anywhere,” he said.", "en", "We are not going", "Antony Blinken"},
		{"german so", "„Wir brauchen mehr Flugabwehr“, so Selenskyj.", "de", "Wir brauchen", "Volodymyr Zelenskyy"},
		{"russian dash", "«Санкции не работают», — сказал Песков журналистам.", "ru", "Санкции не", "Dmitry Peskov"},
		{"unattributed", "Crowds chanted “Glory to the heroes” outside.", "en", "Glory to the heroes", ""},
	} {
		qs := extract(t, c.body, c.lang)
		got, ok := speakerOf(qs, c.prefix)
		if !ok || got != c.want {
			t.Errorf("%s: speaker of %q = %q (found %v), want %q; quotes %+v", c.name, c.prefix, got, ok, c.want, qs)
		}
	}
}

func TestQuotesAcrossParagraphs(t *testing.T) {
	body := "“China is fuelling the war in Europe.\n\n“Beijing cannot have it both ways,” Stoltenberg said.\n\n“A new point,” she said."
	qs := extract(t, body, "en")
	if len(qs) != 3 {
		t.Fatalf("quotes = %+v, want 3", qs)
	}
	for _, p := range []string{"China is fuelling", "Beijing cannot"} {
		if got, _ := speakerOf(qs, p); got != "Jens Stoltenberg" {
			t.Errorf("speaker of %q = %q, want Jens Stoltenberg", p, got)
		}
	}
	if qs[0].Text != "China is fuelling the war in Europe." {
		t.Errorf("open quote text = %q", qs[0].Text)
	}
}

func TestCarryOverFromPreviousParagraph(t *testing.T) {
	body := "Andrii Sybiha said allies had to move faster.\n\n“Every week of delay costs lives.”"
	qs := extract(t, body, "en")
	if got, _ := speakerOf(qs, "Every week"); got != "Andrii Sybiha" {
		t.Errorf("carried-over speaker = %q, want Andrii Sybiha", got)
	}
}

func TestApostrophesAreNotQuotes(t *testing.T) {
	body := "The allies’ plan can’t wait, said Rutte, calling it ‘the only way’ forward."
	qs := extract(t, body, "en")
	if len(qs) != 1 || qs[0].Text != "the only way" {
		t.Errorf("quotes = %+v, want only ‘the only way’", qs)
	}
}

func TestStageSkipsFailed(t *testing.T) {
	s := &pipeline.Story{Body: "“Yes,” he said."}
	s.Fail("decode", pipeline.ReasonInvalidJSON, nil)
	live := &pipeline.Story{Body: "“Yes,” he said."}
	if err := New().Process(context.Background(), []*pipeline.Story{s, live}); err != nil {
		t.Fatal(err)
	}
	if s.Quotes != nil || len(live.Quotes) != 1 || live.Quotes[0].Speaker != nil {
		t.Errorf("failed story quotes %v, live story quotes %+v", s.Quotes, live.Quotes)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "“", "\"a\" \"", "«a „b“ c»", "‘x’s’", "“a\n\n“b”", "\xff“\xfe”", "said: “"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if hasQuoteMark(body) != strings.ContainsAny(body, "\"“«„‘‹") {
			t.Errorf("hasQuoteMark(%q) wrong", body)
		}
		checkQuotes(t, body, extract(t, body, ""))
	})
}

func TestHasQuoteMark(t *testing.T) {
	for _, s := range []string{"", "plain text", "it’s — fine", "\xe2\x80", "\xc2", "»", "”", "’", "›", "x\xe2\x80\x9c", "a\"b",
		"«", "„x", "‘x", "‹x", "\xf0\xe2\x80\x9c", "\xe2\xe2\x80\x98", "\xc2\xc2\xab", "Привет мир"} {
		if got, want := hasQuoteMark(s), strings.ContainsAny(s, "\"“«„‘‹"); got != want {
			t.Errorf("hasQuoteMark(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestConcurrentExtract runs Extract from several goroutines: the pooled
// analysis buffers must not leak between stories.
func TestConcurrentExtract(t *testing.T) {
	bodies := []string{
		"“We will hold the line,” Zelenskyy said on Monday.",
		"Stoltenberg told reporters: \"Allies must deliver more.\"",
		"“China is fuelling the war in Europe.\n\n“Beijing cannot have it both ways,” Stoltenberg said.",
		"No quotation here at all.",
	}
	want := make([]string, len(bodies))
	for i, b := range bodies {
		want[i] = render(extract(t, b, "en"))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				k := (g + i) % len(bodies)
				if got := render(extract(t, bodies[k], "en")); got != want[k] {
					t.Errorf("body %d: got %s, want %s", k, got, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// render returns the quotes as JSON.
func render(qs []pipeline.Quote) string {
	b, err := json.Marshal(qs)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestStageReusesQuotes checks that the stage takes the quotations an
// earlier stage found on the shared analysis, and finds them itself when
// they are not there.
func TestStageReusesQuotes(t *testing.T) {
	body := "“Yes,” he said. Then: \"no\"."
	want := Extract(body, nil)
	done := &pipeline.Story{Body: body}
	found := FromDoc(mention.ForStory(done))
	fresh := &pipeline.Story{Body: body}
	plain := &pipeline.Story{Body: "No quotation here."}
	mention.ForStory(plain)
	if err := New().Process(context.Background(), []*pipeline.Story{done, fresh, plain}); err != nil {
		t.Fatal(err)
	}
	if len(want) != 2 || !reflect.DeepEqual(done.Quotes, want) || &done.Quotes[0] != &found[0] {
		t.Errorf("shared quotes %+v, want %+v (the same slice)", done.Quotes, want)
	}
	if !reflect.DeepEqual(fresh.Quotes, want) || plain.Quotes != nil {
		t.Errorf("fresh quotes %+v, plain quotes %+v", fresh.Quotes, plain.Quotes)
	}
}
