package mention

import (
	"testing"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// entity builds an entity with the spans of each given phrase in body.
func entity(body, name, typ string, phrases ...string) pipeline.Entity {
	e := pipeline.Entity{ID: "slug:" + name, Name: name, Type: typ}
	runes := []rune(body)
	for _, p := range phrases {
		pr := []rune(p)
		for i := 0; i+len(pr) <= len(runes); i++ {
			if string(runes[i:i+len(pr)]) == p {
				e.Spans = append(e.Spans, pipeline.Span{i, i + len(pr)})
			}
		}
	}
	return e
}

func TestSubject(t *testing.T) {
	body := "Moldova's deputy premier, Oleg Serebrian, accused Moscow. He also thanked Romania. " +
		"Indian Prime Minister Narendra Modi, who was in Moscow, praised Putin."
	ents := []pipeline.Entity{
		entity(body, "Moldova", pipeline.EntityCountry, "Moldova"),
		entity(body, "Oleg Serebrian", pipeline.EntityPerson, "Oleg Serebrian"),
		entity(body, "Russia", pipeline.EntityCountry, "Moscow"),
		entity(body, "Romania", pipeline.EntityCountry, "Romania"),
		entity(body, "India", pipeline.EntityCountry, "Indian"),
		entity(body, "Narendra Modi", pipeline.EntityPerson, "Narendra Modi"),
		entity(body, "Vladimir Putin", pipeline.EntityPerson, "Putin"),
	}
	d := NewDoc(body, ents)
	verb := func(w string) int {
		for i := range d.Toks {
			if d.Word(i) == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	for _, c := range []struct{ verb, want string }{
		{"accused", "Oleg Serebrian"}, // apposition after a possessive
		{"thanked", "Oleg Serebrian"}, // pronoun
		{"praised", "Narendra Modi"},  // title modifier and relative clause skipped
	} {
		e := d.Subject(verb(c.verb), nil)
		if e < 0 || ents[e].Name != c.want {
			t.Errorf("subject of %q = %d, want %s", c.verb, e, c.want)
		}
	}
}

func TestForStoryReusesSharedText(t *testing.T) {
	body := "Putin spoke."
	st := &pipeline.Story{Body: body, Entities: []pipeline.Entity{entity(body, "Putin", pipeline.EntityPerson, "Putin")}}
	shared := Analyze(body)
	st.Shared = shared
	d := ForStory(st)
	if d.Text != shared || len(d.Ms) != 1 {
		t.Fatalf("ForStory did not reuse the shared text: %+v", d)
	}
	if again := ForStory(st); again != d {
		t.Error("a second call built a new Doc")
	}
	st.Body = "Changed body."
	if d2 := ForStory(st); d2.Body != st.Body || len(d2.Ms) != 0 {
		t.Errorf("a stale Shared value was used for a new body")
	}
	if got := text.Tokenize(nil, body); len(got) != len(d.Toks) {
		t.Errorf("tokens differ: %d vs %d", len(got), len(d.Toks))
	}
}
