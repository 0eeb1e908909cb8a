// Package search is the query side of warwire: a query model parsed from URL
// parameters or CLI flags, its translation to Elasticsearch DSL, the Searcher
// that runs searches, facets, story look-ups and streamed exports against the
// stories alias, and the HTTP server with its JSON API and embedded web UI.
package search

import (
	"fmt"
	"net/url"
	"time"

	"github.com/warwire/warwire/internal/config"
)

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDate      = "date"
)

// Withdrawn modes.
const (
	WithdrawnExclude = "exclude"
	WithdrawnInclude = "include"
	WithdrawnOnly    = "only"
)

// Query is one researcher's question, the same whether it came from the API,
// the web UI's URL or the CLI's flags. Parse builds it and validates it; the
// zero value of an optional field means "no filter".
type Query struct {
	Text        string
	Entities    []string
	EntityAny   bool // true: any of Entities; false: all of them
	EntityTypes []string
	Places      []string
	Countries   []string
	Admin1      []string
	BBox        *BBox
	Near        *Near
	Stances     []StanceFilter
	Speakers    []string
	Sources     []string
	Languages   []string
	From        time.Time // inclusive; zero: open
	To          time.Time // exclusive; zero: open
	Withdrawn   string

	Sort     string
	Size     int
	Cursor   string
	Collapse bool

	Interval   string
	WithEntity string
	FacetSize  int

	Format string

	// raw keeps the canonical parameters for permalinks and export headers.
	raw url.Values
}

// BBox is a geographic box in degrees.
type BBox struct {
	West, South, East, North float64
}

// Near is a circle: a point and a radius in Elasticsearch distance units.
type Near struct {
	Lat, Lon float64
	Distance string
}

// StanceFilter matches one stance statement; an empty part matches anything.
type StanceFilter struct {
	Holder, Target, Polarity string
}

// Limits bound what one query may ask for.
type Limits struct {
	DefaultSize, MaxSize    int
	MaxQueryLength          int
	MaxFilterValues         int
	FacetSize, MaxFacetSize int
}

// LimitsFrom takes the limits from the search configuration.
func LimitsFrom(c config.Search) Limits {
	return Limits{
		DefaultSize: c.DefaultSize, MaxSize: c.MaxSize,
		MaxQueryLength: c.MaxQueryLength, MaxFilterValues: c.MaxFilterValues,
		FacetSize: c.FacetSize, MaxFacetSize: c.MaxFacetSize,
	}
}

// ParamError is a bad request parameter: Param names it and Msg says, for a
// person, what is wrong and what would be accepted.
type ParamError struct {
	Param string
	Msg   string
}

// Error implements error: a sentence that starts with the parameter's name,
// e.g. `from is "yesterday"; use a date YYYY-MM-DD or an RFC 3339 time`.
func (e *ParamError) Error() string { return e.Param + " " + e.Msg }

func paramErrorf(param, format string, args ...any) *ParamError {
	return &ParamError{Param: param, Msg: fmt.Sprintf(format, args...)}
}

// Values returns the canonical parameters of the query (without cursor),
// suitable for a permalink or for recording in an export.
func (q Query) Values() url.Values {
	out := url.Values{}
	for k, v := range q.raw {
		if k != "cursor" {
			out[k] = append([]string(nil), v...)
		}
	}
	return out
}

// Encode returns Values as a query string with sorted keys.
func (q Query) Encode() string { return q.Values().Encode() }

// fingerprint identifies the question a cursor belongs to: every parameter
// that changes which hits come back, in a stable order.
func (q Query) fingerprint() string {
	v := q.Values()
	for _, k := range []string{"size", "format", "interval", "with_entity", "facet_size"} {
		v.Del(k)
	}
	return v.Encode() // sorted by key

}
