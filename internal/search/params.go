package search

// Param describes one URL parameter (and CLI flag) of the query model. The
// parser reads only parameters listed here, the OpenAPI description must
// document every one of them for the routes that use it (a test checks), and
// the CLI builds its flags from the same list.
type Param struct {
	Name     string
	Repeated bool
	Doc      string
}

// FilterParams are understood by every endpoint that runs a query: search,
// facets and export.
var FilterParams = []Param{
	{"q", false, `Full text over headline (boosted) and body. Syntax: words are ANDed; "a phrase"; a | b for OR; -word to exclude; prefix*; "a b"~5 for words within 5 positions; (grouping).`},
	{"entity", true, "Entity id (e.g. a Wikidata QID) or name; repeat for several."},
	{"entity_mode", false, "How several entity values combine: all (default) or any."},
	{"entity_type", true, "Only stories mentioning an entity of this type: person, organization or country."},
	{"place", true, "Place id or name; several values match any of them."},
	{"country", true, "ISO 3166-1 alpha-2 country code: stories mentioning the country or a place in it."},
	{"admin1", true, "First-level administrative region (code or name) of a mentioned place."},
	{"bbox", false, "Geographic bounding box west,south,east,north in degrees: a mentioned place lies inside."},
	{"near", false, "A point lat,lon in degrees: a mentioned place lies within distance of it (needs distance)."},
	{"distance", false, "Radius for near, e.g. 50km or 10mi."},
	{"stance", true, "holder:target:polarity (ids or names; polarity support or oppose); leave a part empty or * for any. Several values must all hold."},
	{"speaker", true, "Id or name of a quoted speaker; several values match any of them."},
	{"source", true, "Publisher (copyrightholder); several values match any of them."},
	{"lang", true, "Language code such as en or uk; several values match any of them."},
	{"from", false, "Published on or after this date (YYYY-MM-DD) or time (RFC 3339)."},
	{"to", false, "Published on or before this date (whole day included) or before this time (RFC 3339)."},
	{"withdrawn", false, "Withdrawn stories: exclude (default), include or only."},
}

// PageParams are understood by search (and, except cursor and size, by export).
var PageParams = []Param{
	{"sort", false, "relevance (default) or date (newest first)."},
	{"size", false, "Hits per page."},
	{"cursor", false, "Opaque cursor from next_cursor of the previous page."},
	{"collapse", false, "on (default) groups syndicated copies of one wire story into one hit; off lists every copy."},
}

// FacetParams are understood by the facets endpoint.
var FacetParams = []Param{
	{"interval", false, "Timeline buckets: auto (default), day, week or month."},
	{"with_entity", false, "Entity id: also count which entities are mentioned in the same stories (co-mentions)."},
	{"facet_size", false, "Buckets per facet."},
}

// ExportParams are understood by the export endpoint (with sort).
var ExportParams = []Param{
	{"format", false, "csv (default) or jsonl."},
}

// knownParam reports whether name is a parameter of any endpoint.
func knownParam(name string) bool {
	for _, list := range [][]Param{FilterParams, PageParams, FacetParams, ExportParams} {
		for _, p := range list {
			if p.Name == name {
				return true
			}
		}
	}
	return false
}

// paramRepeated reports whether name may appear more than once.
func paramRepeated(name string) bool {
	for _, list := range [][]Param{FilterParams, PageParams, FacetParams, ExportParams} {
		for _, p := range list {
			if p.Name == name {
				return p.Repeated
			}
		}
	}
	return false
}
