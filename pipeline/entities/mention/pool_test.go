package mention

import (
	"slices"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

func TestBorrowMatchesAnalyze(t *testing.T) {
	bodies := []string{"", "Putin spoke.", "KYIV — Ukraine's President Zelensky said: “We will hold.”\n\nМосква ответила.",
		"Putin spoke. Biden answered in Washington.", "Kyiv\xff said \xc3 Moscow"}
	for round := 0; round < 3; round++ { // later rounds reuse pooled memory
		for _, body := range bodies {
			want, got := Analyze(body), Borrow(body)
			if got.Body != body || !slices.Equal(got.Toks, want.Toks) || !slices.Equal(got.Sents, want.Sents) ||
				got.Lower() != want.Lower() || !slices.Equal(got.SentOf, want.SentOf) {
				t.Fatalf("round %d: Borrow(%q) differs from Analyze", round, body)
			}
			Release(got, body)
		}
	}
}

func TestReleaseOnce(t *testing.T) {
	body := "Putin spoke."
	st := &pipeline.Story{Body: body, Entities: []pipeline.Entity{entity(body, "Putin", pipeline.EntityPerson, "Putin")}}
	st.Shared = Borrow(body)
	d := ForStory(st)
	if len(d.Ms) != 1 || d.At[0] != 0 {
		t.Fatalf("mentions on a borrowed text: %+v %v", d.Ms, d.At)
	}
	tx := d.Text
	copied := *st // a copy shares Shared
	Release(st.Shared, st.Body)
	if tx.Body != "" {
		t.Fatal("released text still holds its body")
	}
	Release(copied.Shared, copied.Body) // already released: ignored
	a, b := Borrow("Biden spoke."), Borrow("Macron spoke.")
	if a == b {
		t.Fatal("a text released twice was handed out twice")
	}
	if ForStory(&copied).Body != body {
		t.Error("a stale shared text was used after release")
	}
}
