package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// synthetic stories for the export and benchmark indices: small, varied and
// made from our own sentence templates; one in ten is a syndicated copy of
// the story before it (same body, another outlet).
var (
	synthEntities = []pipeline.Entity{entUkraine, entRussia, entPoland, entNATO, entEU, entUN, entOlena, entDmitri, entAnna,
		{ID: "Q183", Name: "Germany", Type: pipeline.EntityCountry, Known: true, CountryCode: "DE"},
		{ID: "Q30", Name: "United States", Type: pipeline.EntityCountry, Known: true, CountryCode: "US"},
		{ID: "Q43", Name: "Turkey", Type: pipeline.EntityCountry, Known: true, CountryCode: "TR"},
		{ID: "Q7809", Name: "UNESCO", Type: pipeline.EntityOrganization, Known: true},
		{ID: "Q3002", Name: "IAEA", Type: pipeline.EntityOrganization, Known: true, Aliases: []string{"International Atomic Energy Agency"}},
		{ID: "warwire:ivan-petrenko", Name: "Ivan Petrenko", Type: pipeline.EntityPerson},
		{ID: "warwire:maria-novak", Name: "Maria Novak", Type: pipeline.EntityPerson},
	}
	synthPlaces = []pipeline.Place{plKyiv, plKharkiv, plOdesa, plLviv, plWarsaw, plMoscow, plBrussels, plBlackSea,
		{ID: "geonames:709930", Name: "Dnipro", CountryCode: "UA", Admin1: "Dnipropetrovsk Oblast", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 48.4666, Lon: 35.0407}},
		{ID: "geonames:687700", Name: "Zaporizhzhia", CountryCode: "UA", Admin1: "Zaporizhzhia Oblast", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 47.8229, Lon: 35.1903}},
		{ID: "geonames:700569", Name: "Mykolaiv", CountryCode: "UA", Admin1: "Mykolaiv Oblast", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 46.9659, Lon: 31.9974}},
		{ID: "geonames:706448", Name: "Kherson", CountryCode: "UA", Admin1: "Kherson Oblast", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 46.6354, Lon: 32.6169}},
		{ID: "geonames:2950159", Name: "Berlin", CountryCode: "DE", Admin1: "Berlin", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 52.5244, Lon: 13.4105}},
		{ID: "geonames:745044", Name: "Istanbul", CountryCode: "TR", Admin1: "Istanbul", Kind: pipeline.PlaceCity, Location: &pipeline.GeoPoint{Lat: 41.0138, Lon: 28.9497}},
	}
	synthSources = []string{"Wire One", "Daily Courier", "Evening Post", "Kyiv Wire", "Baltic Press", "Northern Agency",
		"Black Sea News", "Danube Herald", "Capital Times", "Frontline Report"}
	synthLangs  = []string{"en", "en", "en", "en", "uk", "pl", "de"}
	synthEvents = []string{"shelling", "drone attack", "missile strike", "power outage", "evacuation", "prisoner exchange",
		"grain shipment", "aid delivery", "sanctions package", "ceasefire proposal", "air raid alert", "counteroffensive"}
	synthVerbs = []string{"reported", "confirmed", "denied", "described", "condemned", "welcomed"}
	synthTails = []string{"Officials gave no casualty figures.", "Rescue teams were at the scene by morning.",
		"The claims could not be independently verified.", "Talks are expected to continue next week.",
		"Residents were urged to stay near shelters.", "Prices on regional markets rose sharply."}
)

// synthDocs makes n documents starting at base, deterministic for seed.
func synthDocs(n int, seed uint64, base time.Time) []pipeline.Document {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	docs := make([]pipeline.Document, 0, n)
	var prev *pipeline.Document
	for i := 0; i < n; i++ {
		if prev != nil && r.IntN(10) == 0 {
			docs = append(docs, syndicate(*prev, i, r))
			continue
		}
		d := synthDoc(i, r, base)
		docs = append(docs, d)
		prev = &docs[len(docs)-1]
	}
	return docs
}

func syndicate(d pipeline.Document, i int, r *rand.Rand) pipeline.Document {
	uri := fmt.Sprintf("urn:synth:%d", i)
	d.ID, d.URI = pipeline.DocID(uri), uri
	d.CopyrightHolder = synthSources[r.IntN(len(synthSources))]
	t := d.VersionCreated.Add(time.Duration(1+r.IntN(180)) * time.Minute)
	d.VersionCreated = &t
	return d
}

func synthDoc(i int, r *rand.Rand, base time.Time) pipeline.Document {
	e1, e2 := synthEntities[r.IntN(len(synthEntities))], synthEntities[r.IntN(len(synthEntities))]
	p := synthPlaces[r.IntN(len(synthPlaces))]
	ev := synthEvents[r.IntN(len(synthEvents))]
	verb := synthVerbs[r.IntN(len(synthVerbs))]
	headline := fmt.Sprintf("%s %s %s near %s", e1.Name, verb, ev, p.Name)
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s %s a %s near %s on day %d of the month, according to local officials. ", strings.ToUpper(p.Name), e1.Name, verb, ev, p.Name, 1+r.IntN(28))
	fmt.Fprintf(&b, "%s said the situation around %s remained tense after the %s. ", e2.Name, p.Name, synthEvents[r.IntN(len(synthEvents))])
	b.WriteString(synthTails[r.IntN(len(synthTails))] + " " + synthTails[r.IntN(len(synthTails))])
	fmt.Fprintf(&b, " Story number %d.", i)
	body := b.String()
	uri := fmt.Sprintf("urn:synth:%d", i)
	t := base.Add(time.Duration(r.IntN(730*24)) * time.Hour).Add(time.Duration(r.IntN(3600)) * time.Second)
	e1.Spans, e1.Mentions = spans(body, e1.Name), 1
	p.Spans, p.Mentions = nil, 2
	d := pipeline.Document{
		ID: pipeline.DocID(uri), URI: uri, Version: 1, VersionCreated: &t, Headline: headline, Body: body,
		Language: synthLangs[r.IntN(len(synthLangs))], CopyrightHolder: synthSources[r.IntN(len(synthSources))],
		PubStatus: pipeline.PubStatusUsable, WordCount: len(strings.Fields(body)), Fingerprint: pipeline.Fingerprint(headline, body),
		Entities: []pipeline.Entity{e1}, Places: []pipeline.Place{p}, IndexedAt: t,
	}
	if e2.ID != e1.ID {
		e2.Mentions = 1
		d.Entities = append(d.Entities, e2)
	}
	if r.IntN(3) == 0 && e2.ID != e1.ID {
		pol := []string{pipeline.PolaritySupport, pipeline.PolarityOppose}[r.IntN(2)]
		d.Stances = []pipeline.Stance{{Holder: pipeline.Ref{ID: e2.ID, Name: e2.Name}, Target: pipeline.Ref{ID: e1.ID, Name: e1.Name},
			Polarity: pol, Evidence: headline, Cue: verb}}
	}
	if r.IntN(4) == 0 {
		d.Quotes = []pipeline.Quote{{Speaker: &pipeline.Ref{ID: e2.ID, Name: e2.Name}, Text: "The situation remains tense."}}
	}
	return d
}
