package pipeline

// Span is a half-open range [start, end) of Unicode code points in Story.Body.
type Span [2]int

// Ref names an entity or place by its stable id and canonical name.
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Entity types.
const (
	EntityPerson       = "person"
	EntityOrganization = "organization"
	EntityCountry      = "country"
)

// Entity is a person, organisation or country mentioned in the story. ID is
// a Wikidata QID where the knowledge base has one, otherwise a slug; Known is
// false for names the recogniser found outside the knowledge base.
type Entity struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Known       bool     `json:"known"`
	Aliases     []string `json:"aliases,omitempty"`
	CountryCode string   `json:"country_code,omitempty"`
	Mentions    int      `json:"mentions"`
	Spans       []Span   `json:"spans,omitempty"`
}

// Place kinds.
const (
	PlaceRegion = "region"
	PlaceCity   = "city"
	PlaceWater  = "water"
	PlaceSite   = "site"
	PlaceOther  = "other"
)

// GeoPoint is an Elasticsearch geo_point.
type GeoPoint struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Place is a place below country level or a body of water. ID is
// "geonames:<id>" for places from GeoNames, otherwise "warwire:<slug>".
type Place struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Aliases     []string  `json:"aliases,omitempty"`
	CountryCode string    `json:"country_code,omitempty"`
	Admin1      string    `json:"admin1,omitempty"`
	Kind        string    `json:"kind"`
	Location    *GeoPoint `json:"location,omitempty"`
	Mentions    int       `json:"mentions"`
	Spans       []Span    `json:"spans,omitempty"`
}

// Focus is the story's main country (an entity) and main place.
type Focus struct {
	Country *FocusCountry `json:"country,omitempty"`
	Place   *FocusPlace   `json:"place,omitempty"`
}

// FocusCountry is the main country: entity id, name and ISO 3166-1 code.
type FocusCountry struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	CountryCode string `json:"country_code,omitempty"`
}

// FocusPlace is the main place with its location.
type FocusPlace struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Location *GeoPoint `json:"location,omitempty"`
}

// Stance polarities.
const (
	PolaritySupport = "support"
	PolarityOppose  = "oppose"
)

// Stance is one stated position: Holder is for or against Target. Evidence is
// the sentence, Span its range in Body, Cue the phrase that triggered it.
type Stance struct {
	Holder   Ref    `json:"holder"`
	Target   Ref    `json:"target"`
	Polarity string `json:"polarity"`
	Evidence string `json:"evidence"`
	Span     Span   `json:"span"`
	Cue      string `json:"cue"`
}

// Quote is a direct quotation with its speaker (nil when unattributed).
type Quote struct {
	Speaker *Ref   `json:"speaker"`
	Text    string `json:"text"`
	Span    Span   `json:"span"`
}

// Dateline is the dateline text as written ("WASHINGTON") and, when resolved,
// the place it names.
type Dateline struct {
	Text  string `json:"text"`
	Place *Ref   `json:"place,omitempty"`
}
