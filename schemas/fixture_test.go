package schemas

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
)

// The realistic story below is written for these tests. Its body spells the
// Ukrainian president's name with a diacritic (Zelenśkyj) so that the index
// test can check folding.
const fixtureBody = "KYIV, March 1 - President Volodymyr Zelenśkyj said on Friday that Ukraine " +
	"would not accept a ceasefire that froze the front line near Pokrovsk. " +
	"\"We will not trade land for a pause,\" Zelenśkyj told reporters in Kyiv. " +
	"The Kremlin rejected the proposal, while Poland said it backed Kyiv's position."

// spanOf returns the code-point span of the n-th (0-based) occurrence of sub in s.
func spanOf(t testing.TB, s, sub string, n int) pipeline.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			t.Fatalf("fixture: %q occurs fewer than %d times", sub, n+1)
		}
		if i == n {
			start := utf8.RuneCountInString(s[:off+j])
			return pipeline.Span{start, start + utf8.RuneCountInString(sub)}
		}
		off += j + len(sub)
	}
}

// sentence returns the sentence of the fixture body that contains sub.
func sentence(t testing.TB, sub string) (string, pipeline.Span) {
	t.Helper()
	for _, s := range strings.SplitAfter(fixtureBody, ". ") {
		s = strings.TrimSpace(s)
		if strings.Contains(s, sub) {
			return s, spanOf(t, fixtureBody, s, 0)
		}
	}
	t.Fatalf("fixture: no sentence contains %q", sub)
	return "", pipeline.Span{}
}

// realisticStory is a fully enriched story, as the stages would leave it.
func realisticStory(t testing.TB) *pipeline.Story {
	t.Helper()
	zel := pipeline.Ref{ID: "Q3881980", Name: "Volodymyr Zelenskyy"}
	ua := pipeline.Ref{ID: "Q212", Name: "Ukraine"}
	ru := pipeline.Ref{ID: "Q159", Name: "Russia"}
	pl := pipeline.Ref{ID: "Q36", Name: "Poland"}
	kyivLoc := &pipeline.GeoPoint{Lat: 50.45466, Lon: 30.5238}
	ceasefire, ceasefireSpan := sentence(t, "ceasefire")
	backed, backedSpan := sentence(t, "backed")
	quoteText := "We will not trade land for a pause,"
	return &pipeline.Story{
		URI:             "urn:newsml:example.org:20240301:kyiv-ceasefire",
		Version:         4,
		VersionCreated:  time.Date(2024, 3, 1, 9, 15, 30, 123456789, time.UTC),
		FirstCreated:    time.Date(2024, 3, 1, 8, 2, 0, 0, time.FixedZone("EET", 2*3600)),
		Headline:        "Zelenśkyj rejects ceasefire that would freeze front line",
		Body:            fixtureBody,
		Byline:          "By A. Reporter",
		Language:        "en",
		Located:         "KYIV",
		CopyrightHolder: "Example Wire",
		URL:             "https://example.org/news/kyiv-ceasefire",
		PubStatus:       pipeline.PubStatusUsable,
		Urgency:         3,
		Subjects:        []pipeline.Subject{{Code: "medtop:16000000", Name: "conflict, war and peace"}},
		Dateline:        &pipeline.Dateline{Text: "KYIV", Place: &pipeline.Ref{ID: "geonames:703448", Name: "Kyiv"}},
		Captions:        []string{"Volodymyr Zelenśkyj speaks to reporters in Kyiv."},
		WordCount:       len(strings.Fields(fixtureBody)),
		Entities: []pipeline.Entity{
			{ID: zel.ID, Name: zel.Name, Type: pipeline.EntityPerson, Known: true,
				Aliases: []string{"Zelenśkyj", "Zelensky"}, CountryCode: "UA", Mentions: 2,
				Spans: []pipeline.Span{spanOf(t, fixtureBody, "Volodymyr Zelenśkyj", 0), spanOf(t, fixtureBody, "Zelenśkyj", 1)}},
			{ID: ua.ID, Name: ua.Name, Type: pipeline.EntityCountry, Known: true, CountryCode: "UA", Mentions: 1,
				Spans: []pipeline.Span{spanOf(t, fixtureBody, "Ukraine", 0)}},
			{ID: "Q1330426", Name: "Kremlin", Type: pipeline.EntityOrganization, Known: true, CountryCode: "RU", Mentions: 1,
				Spans: []pipeline.Span{spanOf(t, fixtureBody, "Kremlin", 0)}},
			{ID: pl.ID, Name: pl.Name, Type: pipeline.EntityCountry, Known: true, CountryCode: "PL", Mentions: 1,
				Spans: []pipeline.Span{spanOf(t, fixtureBody, "Poland", 0)}},
		},
		Places: []pipeline.Place{
			{ID: "geonames:703448", Name: "Kyiv", Aliases: []string{"Kiev"}, CountryCode: "UA", Admin1: "12",
				Kind: pipeline.PlaceCity, Location: kyivLoc, Mentions: 3,
				Spans: []pipeline.Span{spanOf(t, fixtureBody, "KYIV", 0), spanOf(t, fixtureBody, "Kyiv", 0)}},
			{ID: "geonames:704147", Name: "Pokrovsk", CountryCode: "UA", Admin1: "05", Kind: pipeline.PlaceCity,
				Location: &pipeline.GeoPoint{Lat: 48.28198, Lon: 37.18207}, Mentions: 1,
				Spans: []pipeline.Span{spanOf(t, fixtureBody, "Pokrovsk", 0)}},
		},
		Focus: &pipeline.Focus{
			Country: &pipeline.FocusCountry{ID: ua.ID, Name: ua.Name, CountryCode: "UA"},
			Place:   &pipeline.FocusPlace{ID: "geonames:703448", Name: "Kyiv", Location: kyivLoc},
		},
		Stances: []pipeline.Stance{
			{Holder: zel, Target: pipeline.Ref{ID: "warwire:ceasefire-proposal", Name: "ceasefire proposal"},
				Polarity: pipeline.PolarityOppose, Evidence: ceasefire, Span: ceasefireSpan, Cue: "would not accept"},
			{Holder: pl, Target: ua, Polarity: pipeline.PolaritySupport, Evidence: backed, Span: backedSpan, Cue: "backed"},
			{Holder: ru, Target: pipeline.Ref{ID: "warwire:ceasefire-proposal", Name: "ceasefire proposal"},
				Polarity: pipeline.PolarityOppose, Evidence: backed, Span: backedSpan, Cue: "rejected"},
		},
		Quotes: []pipeline.Quote{
			{Speaker: &zel, Text: quoteText, Span: spanOf(t, fixtureBody, quoteText, 0)},
			{Speaker: nil, Text: "a pause", Span: spanOf(t, fixtureBody, "a pause", 0)},
		},
		EnrichedMS: 12.75,
	}
}

// fixtureNow is the indexing time stamped on fixture documents.
var fixtureNow = time.Date(2024, 3, 1, 9, 16, 0, 0, time.UTC)
