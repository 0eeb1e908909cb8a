package search

import (
	"encoding/json"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// Result is one page of hits.
type Result struct {
	// Total counts matching stories (every syndicated copy); TotalRelation is
	// "eq" or "gte" when Elasticsearch stopped counting.
	Total         int64  `json:"total"`
	TotalRelation string `json:"total_relation"`
	// Groups is the approximate number of distinct wire stories (syndication
	// groups) when the hits are collapsed.
	Groups    *int64 `json:"groups,omitempty"`
	Collapsed bool   `json:"collapsed"`
	Hits      []Hit  `json:"hits"`
	// NextCursor fetches the next page; empty on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
	// Notice explains something a person should know about this page.
	Notice  string `json:"notice,omitempty"`
	Partial bool   `json:"partial,omitempty"`
	TookMS  int64  `json:"took_ms"`
	// Query is the canonical query string: /?<Query> is the permalink.
	Query string `json:"query"`
}

// Hit is one story (or one syndication group) of a result page.
type Hit struct {
	ID             string     `json:"id"`
	URI            string     `json:"uri"`
	URL            string     `json:"url,omitempty"`
	Headline       string     `json:"headline"`
	HeadlineHTML   string     `json:"headline_html"`
	Snippets       []string   `json:"snippets"`
	VersionCreated *time.Time `json:"versioncreated,omitempty"`
	Source         string     `json:"source,omitempty"`
	Language       string     `json:"language,omitempty"`
	Byline         string     `json:"byline,omitempty"`
	Located        string     `json:"located,omitempty"`
	WordCount      int        `json:"word_count"`
	Withdrawn      bool       `json:"withdrawn"`
	Score          *float64   `json:"score,omitempty"`
	Entities       []Entity   `json:"entities"`
	Places         []Place    `json:"places"`
	Stances        []Stance   `json:"stances"`
	Speakers       []Ref      `json:"speakers"`
	Fingerprint    string     `json:"fingerprint,omitempty"`
	// Copies is how many stories share the fingerprint (collapsed hits only);
	// Outlets lists the distinct publishers of those copies.
	Copies  int64    `json:"copies,omitempty"`
	Outlets []Outlet `json:"outlets,omitempty"`
	// Permalink is the path of the story page in the web UI.
	Permalink string `json:"permalink"`
}

// Ref is an entity or place reference.
type Ref = pipeline.Ref

// Entity is the badge of an entity on a hit.
type Entity struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions int    `json:"mentions"`
}

// Place is the badge of a place on a hit.
type Place struct {
	ID          string             `json:"id"`
	Name        string             `json:"name"`
	CountryCode string             `json:"country_code,omitempty"`
	Admin1      string             `json:"admin1,omitempty"`
	Kind        string             `json:"kind,omitempty"`
	Location    *pipeline.GeoPoint `json:"location,omitempty"`
	Mentions    int                `json:"mentions"`
}

// Stance is the badge of a stance statement on a hit.
type Stance struct {
	Holder   Ref    `json:"holder"`
	Target   Ref    `json:"target"`
	Polarity string `json:"polarity"`
	Cue      string `json:"cue,omitempty"`
}

// Outlet is one publisher of a syndicated story.
type Outlet struct {
	ID             string     `json:"id"`
	Source         string     `json:"source"`
	URL            string     `json:"url,omitempty"`
	VersionCreated *time.Time `json:"versioncreated,omitempty"`
}

// StoryPage is a whole story for the story page: the indexed document and the
// other outlets that published the same wire story.
type StoryPage struct {
	Story   json.RawMessage `json:"story"`
	Outlets []Outlet        `json:"outlets"`
}

// esSearch is the part of an Elasticsearch search response warwire reads.
type esSearch struct {
	Took     int64  `json:"took"`
	TimedOut bool   `json:"timed_out"`
	PitID    string `json:"pit_id"`
	Hits     struct {
		Total struct {
			Value    int64  `json:"value"`
			Relation string `json:"relation"`
		} `json:"total"`
		Hits []esHit `json:"hits"`
	} `json:"hits"`
	Aggregations json.RawMessage `json:"aggregations"`
}

type esHit struct {
	ID        string              `json:"_id"`
	Score     *json.Number        `json:"_score"`
	Source    json.RawMessage     `json:"_source"`
	Highlight map[string][]string `json:"highlight"`
	Sort      []any               `json:"sort"`
	InnerHits map[string]struct {
		Hits struct {
			Total struct {
				Value int64 `json:"value"`
			} `json:"total"`
			Hits []esHit `json:"hits"`
		} `json:"hits"`
	} `json:"inner_hits"`
}

// hitSource is the _source of a hit as requested by hitSourceFilter.
type hitSource struct {
	ID             string                   `json:"id"`
	URI            string                   `json:"uri"`
	URL            string                   `json:"url"`
	Headline       string                   `json:"headline"`
	VersionCreated *time.Time               `json:"versioncreated"`
	Source         string                   `json:"copyrightholder"`
	Language       string                   `json:"language"`
	Byline         string                   `json:"byline"`
	Located        string                   `json:"located"`
	WordCount      int                      `json:"word_count"`
	Withdrawn      bool                     `json:"withdrawn"`
	Fingerprint    string                   `json:"fingerprint"`
	Entities       []Entity                 `json:"entities"`
	Places         []Place                  `json:"places"`
	Stances        []Stance                 `json:"stances"`
	Quotes         []struct{ Speaker *Ref } `json:"quotes"`
}

// hitSourceFilter keeps hits small: no body, spans, aliases or quote text.
var hitSourceFilter = m{
	"includes": []string{"id", "uri", "url", "headline", "versioncreated", "copyrightholder", "language",
		"byline", "located", "word_count", "withdrawn", "fingerprint", "entities", "places", "stances", "quotes.speaker"},
	"excludes": []string{"entities.spans", "entities.aliases", "entities.known", "entities.country_code",
		"places.spans", "places.aliases", "stances.span", "stances.evidence"},
}
