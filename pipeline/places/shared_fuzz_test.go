package places_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
)

// FuzzSharedTokens checks that the stage gives the same result whether it
// tokenizes the body itself or takes the entity stage's tokens from
// Story.Shared.
func FuzzSharedTokens(f *testing.F) {
	for _, s := range []string{
		"Shelling hit Kharkiv and the Kursk and Belgorod regions overnight, the Kyiv regime said.",
		"Kyiv's mayor met U.S. envoys in St. Petersburg; Moscow's goals, 5G, 1St Odesa. Lloyd Austin visited Austin.",
		"Moscow's own goals and Kyiv’s own troops, Washington's new aid.",
		"У Києві та в Харкові лунали вибухи. В Москве заявили. «Київ» — Mar'inka’s Zaporizhzhia Oblast’s",
		"The Dnipro, the dnipro, THE DNIPRO REGION, Donetsk Governor, Region Kursk, Kherson regional governor",
		"Kyiv's'x Mar‘inka Kyiv`s Kyiv´s Odesa regions oblasts Provinces",
		strings.Repeat("Officials in Kyiv said Kharkiv Oblast and the Sea of Azov ", 5),
	} {
		f.Add(s, 0, 4)
	}
	st := newStage(f)
	f.Fuzz(func(t *testing.T, body string, es, ee int) {
		var ents []pipeline.Entity
		if n := utf8.RuneCountInString(body); es >= 0 && ee > es && ee <= n {
			ents = []pipeline.Entity{{ID: "x", Type: pipeline.EntityCountry, CountryCode: "UA", Mentions: 1, Spans: []pipeline.Span{{es, ee}}}}
		}
		alone := &pipeline.Story{Body: body, Headline: "Kyiv", Entities: ents}
		shared := &pipeline.Story{Body: body, Headline: "Kyiv", Entities: ents, Shared: mention.NewDoc(body, ents)}
		if err := st.Process(context.Background(), []*pipeline.Story{alone, shared}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(alone.Places, shared.Places) || !reflect.DeepEqual(alone.Focus, shared.Focus) || alone.Failed() || shared.Failed() {
			t.Fatalf("%q: alone %+v %+v, shared %+v %+v", body, alone.Places, alone.Focus, shared.Places, shared.Focus)
		}
	})
}
