package search

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/elastic/go-elasticsearch/v8"

	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
)

// The fixture corpus: short wire stories written for these tests. Entities of
// the knowledge base use their Wikidata ids; the officials quoted are
// invented. Coordinates are the places' real ones.
var (
	entUkraine = pipeline.Entity{ID: "Q212", Name: "Ukraine", Type: pipeline.EntityCountry, Known: true, CountryCode: "UA", Aliases: []string{"Ukrainian"}}
	entRussia  = pipeline.Entity{ID: "Q159", Name: "Russia", Type: pipeline.EntityCountry, Known: true, CountryCode: "RU", Aliases: []string{"Russian"}}
	entPoland  = pipeline.Entity{ID: "Q36", Name: "Poland", Type: pipeline.EntityCountry, Known: true, CountryCode: "PL", Aliases: []string{"Polish"}}
	entNATO    = pipeline.Entity{ID: "Q7184", Name: "NATO", Type: pipeline.EntityOrganization, Known: true, Aliases: []string{"North Atlantic Treaty Organization"}}
	entEU      = pipeline.Entity{ID: "Q458", Name: "European Union", Type: pipeline.EntityOrganization, Known: true, Aliases: []string{"EU"}}
	entUN      = pipeline.Entity{ID: "Q1065", Name: "United Nations", Type: pipeline.EntityOrganization, Known: true, Aliases: []string{"UN"}}
	entOlena   = pipeline.Entity{ID: "warwire:olena-marchenko", Name: "Olena Marchenko", Type: pipeline.EntityPerson, Aliases: []string{"Marchenko"}}
	entDmitri  = pipeline.Entity{ID: "warwire:dmitri-sokolov", Name: "Dmitri Sokolov", Type: pipeline.EntityPerson, Aliases: []string{"Sokolov"}}
	entAnna    = pipeline.Entity{ID: "warwire:anna-kowalska", Name: "Anna Kowalska", Type: pipeline.EntityPerson, Aliases: []string{"Kowalska"}}

	plKyiv     = pipeline.Place{ID: "geonames:703448", Name: "Kyiv", Aliases: []string{"Kiev", "Київ"}, CountryCode: "UA", Admin1: "Kyiv City", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 50.4547, Lon: 30.5238}}
	plKharkiv  = pipeline.Place{ID: "geonames:706483", Name: "Kharkiv", CountryCode: "UA", Admin1: "Kharkiv Oblast", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 49.9935, Lon: 36.2304}}
	plOdesa    = pipeline.Place{ID: "geonames:698740", Name: "Odesa", Aliases: []string{"Odessa"}, CountryCode: "UA", Admin1: "Odesa Oblast", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 46.4775, Lon: 30.7326}}
	plLviv     = pipeline.Place{ID: "geonames:702550", Name: "Lviv", Aliases: []string{"Львів"}, CountryCode: "UA", Admin1: "Lviv Oblast", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 49.8397, Lon: 24.0297}}
	plWarsaw   = pipeline.Place{ID: "geonames:756135", Name: "Warsaw", CountryCode: "PL", Admin1: "Masovia", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 52.2298, Lon: 21.0118}}
	plMoscow   = pipeline.Place{ID: "geonames:524901", Name: "Moscow", CountryCode: "RU", Admin1: "Moscow", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 55.7522, Lon: 37.6156}}
	plBrussels = pipeline.Place{ID: "geonames:2800866", Name: "Brussels", CountryCode: "BE", Admin1: "Brussels Capital", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 50.8503, Lon: 4.3517}}
	plBlackSea = pipeline.Place{ID: "warwire:black-sea", Name: "Black Sea", Kind: pipeline.PlaceWater, Location: &pipeline.GeoPoint{Lat: 43.4, Lon: 34.0}}
)

// xssHeadline is a headline that must show as text, never run.
const xssHeadline = `<script>alert(1)</script> Sirens sound over Odesa harbour`

// story builds one fixture document; mentions are found in the body by text
// and recorded as code point spans, as the pipeline does.
type story struct{ d pipeline.Document }

func newStory(uri, source, lang string, day string, headline, body string) *story {
	t, err := time.Parse(time.RFC3339, day)
	if err != nil {
		panic(err)
	}
	d := pipeline.Document{
		ID: pipeline.DocID(uri), URI: uri, Version: 1, VersionCreated: &t, FirstCreated: &t,
		Headline: headline, Body: body, Language: lang, CopyrightHolder: source, PubStatus: pipeline.PubStatusUsable,
		URL: "https://news.example/" + strings.TrimPrefix(uri, "urn:fixture:"), WordCount: len(strings.Fields(body)),
		Fingerprint: pipeline.Fingerprint(headline, body), IndexedAt: t.Add(time.Minute),
		Enrichment: &pipeline.Enrichment{Version: "fixture"},
	}
	return &story{d: d}
}

// spans finds mentions in body in order of appearance (each one after the
// previous) and returns their code point spans.
func spans(body string, mentions ...string) []pipeline.Span {
	var out []pipeline.Span
	off := 0
	for _, m := range mentions {
		j := strings.Index(body[off:], m)
		if j < 0 {
			panic("fixture: " + m + " not in body after byte " + fmt.Sprint(off))
		}
		start := utf8.RuneCountInString(body[:off+j])
		out = append(out, pipeline.Span{start, start + utf8.RuneCountInString(m)})
		off += j + len(m)
	}
	return out
}

func spanOf(body, s string) pipeline.Span { return spans(body, s)[0] }

func (s *story) ent(e pipeline.Entity, mentions ...string) *story {
	e.Spans, e.Mentions = spans(s.d.Body, mentions...), len(mentions)
	s.d.Entities = append(s.d.Entities, e)
	return s
}

func (s *story) place(p pipeline.Place, mentions ...string) *story {
	p.Spans, p.Mentions = spans(s.d.Body, mentions...), len(mentions)
	s.d.Places = append(s.d.Places, p)
	return s
}

func (s *story) stance(h, t pipeline.Entity, pol, evidence, cue string) *story {
	s.d.Stances = append(s.d.Stances, pipeline.Stance{Holder: pipeline.Ref{ID: h.ID, Name: h.Name},
		Target: pipeline.Ref{ID: t.ID, Name: t.Name}, Polarity: pol, Evidence: evidence, Span: spanOf(s.d.Body, evidence), Cue: cue})
	return s
}

func (s *story) quote(speaker *pipeline.Entity, text string) *story {
	q := pipeline.Quote{Text: text, Span: spanOf(s.d.Body, text)}
	if speaker != nil {
		q.Speaker = &pipeline.Ref{ID: speaker.ID, Name: speaker.Name}
	}
	s.d.Quotes = append(s.d.Quotes, q)
	return s
}

func (s *story) focus(c pipeline.Entity) *story {
	s.d.Focus = &pipeline.Focus{Country: &pipeline.FocusCountry{ID: c.ID, Name: c.Name, CountryCode: c.CountryCode}}
	return s
}

// withdrawn builds the record a kill leaves in the index: no text.
func withdrawnDoc(uri, day string) pipeline.Document {
	t, _ := time.Parse(time.RFC3339, day)
	return pipeline.Document{ID: pipeline.DocID(uri), URI: uri, Version: 2, VersionCreated: &t,
		PubStatus: pipeline.PubStatusCanceled, Withdrawn: true, IndexedAt: t}
}

const (
	kharkivBody = `KHARKIV, Ukraine — A drone strike damaged a power station on the eastern edge of Kharkiv overnight, leaving several districts without heating as temperatures fell below freezing, regional officials said on Monday. Repair crews worked through the night. Ukraine accused Russia of targeting civilian energy sites. "Every strike on a power plant is a strike on families trying to stay warm," Foreign Minister Olena Marchenko told reporters. Engineers expected partial supply to return within two days.`
	grainBody   = `ISTANBUL — Negotiators met again on Saturday to discuss reopening the grain corridor through the Black Sea, with the United Nations pressing both Ukraine and Russia to guarantee safe passage for cargo ships leaving Odesa. The United Nations backs a renewed agreement, a spokesperson said, describing food prices in importing countries as a humanitarian concern. No date was set for the next round.`
	lvivBody    = "ЛЬВІВ — Місто Львів прийняло ще дві тисячі переселенців зі сходу України за минулий тиждень, повідомила міська рада. Волонтери відкрили новий пункт обігріву біля вокзалу. 🚨 Україна просить партнерів про генератори."
	warsawBody  = `WARSAW — Poland will keep its border crossings with Ukraine open for humanitarian convoys through the winter, Deputy Minister Anna Kowalska said in Warsaw on Thursday. Poland supports Ukraine in its request for more air defence systems, she added. "Our trucks will not stop while hospitals need fuel and medicine," Kowalska said.`
	natoBody    = `BRUSSELS — NATO defence ministers agreed in Brussels to speed up deliveries of artillery ammunition, and NATO reaffirmed its support for Ukraine. Moscow rejected the decision. Russia condemned NATO for what it called an escalation, and spokesman Dmitri Sokolov said: "This alliance is pouring fuel on the fire." The European Union said it would coordinate its own purchases.`
	moscowBody  = `MOSCOW — Russia criticised new European Union sanctions on its metals exports, calling them unlawful, spokesman Dmitri Sokolov said at a briefing in Moscow on Tuesday. "These measures will hurt European consumers first," Sokolov said. Analysts expected limited effect on prices.`
	kyivBody    = "🚨🚨 KYIV — Air defence units shot down most of the missiles aimed at Kyiv before dawn, the city administration said, but falling debris damaged two apartment blocks. Ukraine asked the European Union for faster deliveries of interceptors. 🛡️ Residents spent four hours in shelters."
	odesaBody   = `ODESA — Air raid sirens sounded across Odesa for two hours on Friday. A post shared online claimed <img src=x onerror=alert(2)> showed damage, but port officials said the harbour was untouched. The United Nations said shipping in the Black Sea continued.`
	evacBody    = `KHARKIV — Authorities in Kharkiv Oblast ordered the evacuation of families with children from eleven frontline villages, citing daily shelling. Buses will run to Kharkiv and then on to Lviv. Ukraine and Poland agreed to expand rail capacity for evacuees.`
	euBody      = `BRUSSELS — The European Union approved a new aid package for Ukraine worth several billion euros, after weeks of talks in Brussels. The European Union supports Ukraine's reconstruction, the Commission said, while Russia opposes the package, according to a statement from Moscow read by Dmitri Sokolov.`
)

// fixtureDocs returns the corpus; the three syndicated copies share a
// fingerprint because their bodies share the first 60 words.
func fixtureDocs() []pipeline.Document {
	kharkiv := func(uri, source, day, footer string) *story {
		return newStory(uri, source, "en", day, "Drone strike damages Kharkiv power station", kharkivBody+footer).
			ent(entUkraine, "Ukraine", "Ukraine").ent(entRussia, "Russia").ent(entOlena, "Olena Marchenko").
			place(plKharkiv, "Kharkiv").focus(entUkraine).
			stance(entUkraine, entRussia, pipeline.PolarityOppose, "Ukraine accused Russia of targeting civilian energy sites.", "accused").
			quote(&entOlena, "Every strike on a power plant is a strike on families trying to stay warm,")
	}
	stories := []*story{
		kharkiv("urn:fixture:kharkiv-1", "Wire One", "2024-01-15T06:00:00Z", ""),
		kharkiv("urn:fixture:kharkiv-2", "Daily Courier", "2024-01-15T08:30:00Z", " (Reporting by the Daily Courier desk.)"),
		kharkiv("urn:fixture:kharkiv-3", "Evening Post", "2024-01-15T12:10:00Z", " Additional reporting by Evening Post staff."),
		newStory("urn:fixture:grain", "Wire One", "en", "2024-02-10T10:00:00Z", "Grain corridor talks resume in Istanbul", grainBody).
			ent(entUN, "United Nations", "United Nations").ent(entUkraine, "Ukraine").ent(entRussia, "Russia").
			place(plBlackSea, "Black Sea").place(plOdesa, "Odesa").
			stance(entUN, entUkraine, pipeline.PolaritySupport, "The United Nations backs a renewed agreement,", "backs"),
		newStory("urn:fixture:lviv", "Kyiv Wire", "uk", "2024-02-12T09:00:00Z", "Львів прийняв ще дві тисячі переселенців", lvivBody).
			ent(entUkraine, "України", "Україна").place(plLviv, "Львів").focus(entUkraine),
		newStory("urn:fixture:warsaw", "Baltic Press", "en", "2024-02-22T14:00:00Z", "Poland keeps border open for convoys", warsawBody).
			ent(entPoland, "Poland", "Poland").ent(entUkraine, "Ukraine", "Ukraine").ent(entAnna, "Anna Kowalska", "Kowalska").
			place(plWarsaw, "Warsaw").focus(entPoland).
			stance(entPoland, entUkraine, pipeline.PolaritySupport, "Poland supports Ukraine in its request for more air defence systems,", "supports").
			quote(&entAnna, "Our trucks will not stop while hospitals need fuel and medicine,"),
		newStory("urn:fixture:nato", "Wire One", "en", "2024-03-05T16:00:00Z", "NATO ministers agree to speed up ammunition deliveries", natoBody).
			ent(entNATO, "NATO", "NATO", "NATO").ent(entUkraine, "Ukraine").ent(entRussia, "Russia").ent(entDmitri, "Dmitri Sokolov").ent(entEU, "European Union").
			place(plBrussels, "Brussels").place(plMoscow, "Moscow").
			stance(entNATO, entUkraine, pipeline.PolaritySupport, "NATO reaffirmed its support for Ukraine.", "support").
			stance(entRussia, entNATO, pipeline.PolarityOppose, "Russia condemned NATO for what it called an escalation,", "condemned").
			quote(&entDmitri, "This alliance is pouring fuel on the fire."),
		newStory("urn:fixture:moscow", "Northern Agency", "en", "2024-03-12T11:00:00Z", "Moscow calls new metals sanctions unlawful", moscowBody).
			ent(entRussia, "Russia").ent(entEU, "European Union").ent(entDmitri, "Dmitri Sokolov", "Sokolov").
			place(plMoscow, "Moscow").focus(entRussia).
			stance(entRussia, entEU, pipeline.PolarityOppose, "Russia criticised new European Union sanctions on its metals exports,", "criticised").
			quote(&entDmitri, "These measures will hurt European consumers first,"),
		newStory("urn:fixture:kyiv", "Kyiv Wire", "en", "2024-03-20T05:00:00Z", "Air defence downs most missiles over Kyiv", kyivBody).
			ent(entUkraine, "Ukraine").ent(entEU, "European Union").place(plKyiv, "Kyiv").focus(entUkraine),
		newStory("urn:fixture:odesa-sirens", "Black Sea News", "en", "2024-03-22T19:00:00Z", xssHeadline, odesaBody).
			ent(entUN, "United Nations").place(plOdesa, "Odesa").place(plBlackSea, "Black Sea"),
		newStory("urn:fixture:evacuation", "Daily Courier", "en", "2024-04-02T07:00:00Z", "Kharkiv region orders evacuation of frontline villages", evacBody).
			ent(entUkraine, "Ukraine").ent(entPoland, "Poland").place(plKharkiv, "Kharkiv").place(plLviv, "Lviv").
			stance(entUkraine, entPoland, pipeline.PolaritySupport, "Ukraine and Poland agreed to expand rail capacity for evacuees.", "agreed"),
		newStory("urn:fixture:eu-aid", "Wire One", "en", "2024-04-18T13:00:00Z", "EU approves new aid package for Ukraine", euBody).
			ent(entEU, "European Union", "European Union").ent(entUkraine, "Ukraine", "Ukraine").ent(entRussia, "Russia").ent(entDmitri, "Dmitri Sokolov").
			place(plBrussels, "Brussels").place(plMoscow, "Moscow").
			stance(entEU, entUkraine, pipeline.PolaritySupport, "The European Union supports Ukraine's reconstruction,", "supports").
			stance(entRussia, entEU, pipeline.PolarityOppose, "Russia opposes the package,", "opposes"),
	}
	docs := make([]pipeline.Document, 0, len(stories)+2)
	for _, s := range stories {
		docs = append(docs, s.d)
	}
	docs = append(docs, withdrawnDoc("urn:fixture:killed-1", "2024-02-01T00:00:00Z"), withdrawnDoc("urn:fixture:killed-2", "2024-03-01T00:00:00Z"))
	return docs
}

// fixture is the indexed corpus shared by the API tests of one run.
type fixture struct {
	es    *elasticsearch.Client
	index string
	docs  []pipeline.Document
}

var (
	fixtureOnce sync.Once
	fixtureVal  *fixture
	fixtureErr  string
)

// loadFixture indexes the corpus into a fresh index once per run.
func loadFixture(t *testing.T) *fixture {
	t.Helper()
	es := esClient(t)
	fixtureOnce.Do(func() {
		f := &fixture{es: es, index: testenv.Unique("warwire-search-test"), docs: fixtureDocs()}
		ok := t.Run("index-fixture", func(t *testing.T) {
			createIndex(t, es, f.index, false)
			bulkIndex(t, es, f.index, f.docs)
		})
		if !ok {
			fixtureErr = "indexing the fixture failed"
			return
		}
		fixtureVal = f
	})
	if fixtureVal == nil {
		t.Fatal(fixtureErr)
	}
	return fixtureVal
}

// ids returns the ids of the docs matching keep (withdrawn ones excluded
// unless withdrawn is set).
func (f *fixture) ids(withdrawn bool, keep func(pipeline.Document) bool) map[string]bool {
	out := map[string]bool{}
	for _, d := range f.docs {
		if d.Withdrawn && !withdrawn {
			continue
		}
		if keep(d) {
			out[d.ID] = true
		}
	}
	return out
}

func hasEntity(d pipeline.Document, id string) bool {
	for _, e := range d.Entities {
		if e.ID == id {
			return true
		}
	}
	return false
}

func hasPlace(d pipeline.Document, pred func(pipeline.Place) bool) bool {
	for _, p := range d.Places {
		if pred(p) {
			return true
		}
	}
	return false
}
