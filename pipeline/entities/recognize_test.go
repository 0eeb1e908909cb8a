package entities

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/pipeline"
)

var june2024 = time.Date(2024, 6, 18, 9, 0, 0, 0, time.UTC)

func TestVariantsLinkToOneEntity(t *testing.T) {
	ix := testIndex(t)
	body := "Zelensky met aides. Selenskyj sprach. Зеленський заявив. Слова Зеленского. President Zelenskiy's plan."
	ents := ix.Recognize(body, june2024, "")
	checkSpans(t, body, ents)
	z := findEntity(ents, "Volodymyr Zelenskyy")
	if z == nil || z.ID != "Q3874799" || z.Mentions != 5 || !z.Known {
		t.Fatalf("Zelenskyy = %+v, want 5 mentions of Q3874799", z)
	}
	if len(ents) != 1 {
		t.Errorf("entities = %v, want only Zelenskyy", names(ents))
	}
	runes := []rune(body)
	if got := string(runes[z.Spans[4][0]:z.Spans[4][1]]); got != "Zelenskiy" {
		t.Errorf("possessive mention span covers %q, want Zelenskiy", got)
	}
}

func TestSurnamesAndTitlesAfterFullMention(t *testing.T) {
	ix := testIndex(t)
	body := "Andriy Kovalenko, who heads a disinformation unit, spoke first. Kovalenko said the claims were false. " +
		"Later the Kremlin spokesman answered. Dmitry Peskov was brief; the spokesman left."
	ents := ix.Recognize(body, june2024, "en")
	checkSpans(t, body, ents)
	if k := findEntity(ents, "Andriy Kovalenko"); k == nil || k.Mentions != 2 {
		t.Errorf("Kovalenko = %+v, want 2 mentions", k)
	}
	if p := findEntity(ents, "Dmitry Peskov"); p == nil || p.Mentions != 3 {
		t.Errorf("Peskov = %+v, want 3 mentions (title, name, generic title)", p)
	}
	alone := ix.Recognize("Kovalenko said the claims were false.", june2024, "en")
	if hasEntity(alone, "Andriy Kovalenko") {
		t.Errorf("a surname alone linked to the knowledge base: %v", names(alone))
	}
}

func TestCapitalsCountOnlyAsActors(t *testing.T) {
	ix := testIndex(t)
	for _, c := range []struct {
		text string
		want string // "" for no country
	}{
		{"Beijing said it would respond.", "China"},
		{"Beijing's support for Moscow has grown.", "China"},
		{"The talks in Beijing ended.", ""},
		{"She flew to Kyiv on Tuesday.", ""},
		{"Kyiv's streets were quiet.", ""},
		{"Officials in Washington were cautious.", ""},
		{"The Kremlin denied the report.", "Russia"},
		{"Washington has warned of consequences.", "United States"},
		{"Western governments accused Moscow of lying.", "Russia"},
	} {
		ents := ix.Recognize(c.text, june2024, "en")
		if c.want == "" && len(ents) > 0 || c.want != "" && !hasEntity(ents, c.want) {
			t.Errorf("%q: entities %v, want %q", c.text, names(ents), c.want)
		}
	}
}

func TestDemonymsCountOnlyAsActors(t *testing.T) {
	ix := testIndex(t)
	if ents := ix.Recognize("Russian forces pushed west as Chinese leaders watched.", june2024, "en"); !hasEntity(ents, "Russia") || !hasEntity(ents, "China") {
		t.Errorf("actor demonyms: %v", names(ents))
	}
	if ents := ix.Recognize("She studied Russian literature and pro-Russian songs.", june2024, "en"); len(ents) != 0 {
		t.Errorf("non-actor demonyms became entities: %v", names(ents))
	}
}

func TestTitlesCreditTheirCountry(t *testing.T) {
	ix := testIndex(t)
	ents := ix.Recognize("U.S. Secretary of State Antony Blinken met NATO Secretary General Jens Stoltenberg.", june2024, "en")
	for _, want := range []string{"United States", "Antony Blinken", "NATO", "Jens Stoltenberg"} {
		if !hasEntity(ents, want) {
			t.Errorf("missing %s in %v", want, names(ents))
		}
	}
	if len(ents) != 4 {
		t.Errorf("entities = %v, want 4", names(ents))
	}
}

func TestUnknownNames(t *testing.T) {
	ix := testIndex(t)
	body := "Spokesman Ivan Petrenko said the Kharkiv Volunteer Collective had moved. " +
		"Petrenko added that residents in Pokrovsk and Myrnohrad were leaving. On Monday, Independence Square was quiet."
	ents := ix.Recognize(body, june2024, "en")
	checkSpans(t, body, ents)
	p := findEntity(ents, "Ivan Petrenko")
	if p == nil || p.Known || p.Type != pipeline.EntityPerson || p.ID != "slug:ivan-petrenko" || p.Mentions != 2 {
		t.Errorf("Ivan Petrenko = %+v", p)
	}
	o := findEntity(ents, "Kharkiv Volunteer Collective")
	if o == nil || o.Type != pipeline.EntityOrganization || o.Known {
		t.Errorf("Kharkiv Volunteer Collective = %+v", o)
	}
	if len(ents) != 2 {
		t.Errorf("entities = %v, want only the person and the organisation", names(ents))
	}
	ru := ix.Recognize("Экономист Ольга Воронова считает, что запрет не сработает.", june2024, "ru")
	if v := findEntity(ru, "Olga Voronova"); v == nil || len(v.Aliases) != 1 || v.Aliases[0] != "Ольга Воронова" {
		t.Errorf("Cyrillic unknown name = %+v", v)
	}
}

func TestGeorgiaAsUSState(t *testing.T) {
	ix := testIndex(t)
	if ents := ix.Recognize("He works near Savannah, Georgia, and likes Georgia.", june2024, "en"); hasEntity(ents, "Georgia") {
		t.Errorf("the U.S. state became the country: %v", names(ents))
	}
	if ents := ix.Recognize("Georgia applied to join the European Union.", june2024, "en"); !hasEntity(ents, "Georgia") {
		t.Errorf("the country was missed: %v", names(ents))
	}
}

func TestStageProcess(t *testing.T) {
	st, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ok := &pipeline.Story{Body: "Putin spoke.", VersionCreated: june2024}
	failed := &pipeline.Story{Body: "Putin spoke."}
	failed.Fail("decode", pipeline.ReasonInvalidJSON, nil)
	if err := st.Process(context.Background(), []*pipeline.Story{ok, failed}); err != nil {
		t.Fatal(err)
	}
	if !hasEntity(ok.Entities, "Vladimir Putin") || failed.Entities != nil {
		t.Errorf("live story %v, failed story %v", names(ok.Entities), names(failed.Entities))
	}
	if v := st.Version(); !strings.HasPrefix(v, codeVersion+"-") || len(v) < 8 {
		t.Errorf("version %q", v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Process(ctx, []*pipeline.Story{ok}); err == nil {
		t.Error("Process ignored a cancelled context")
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{"", "Beijing said.", "U.S. President Joe Biden's aide", "Зеленського \xff «",
		strings.Repeat("NATO ", 50), "Mr. A B C D said", "KYIV (REUTERS) - ALL CAPS"} {
		f.Add(s)
	}
	ix := testIndex(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkSpans(t, body, ix.Recognize(body, june2024, "en"))
	})
}
