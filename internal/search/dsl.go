package search

import (
	"time"
)

// m is a JSON object of Elasticsearch DSL.
type m = map[string]any

// Highlight markers: private-use code points that the highlighter wraps around
// matches. Snippet HTML is built by escaping everything and only then turning
// these markers into <mark> tags (see SafeHighlight).
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// simpleQueryFlags enables the documented user syntax and nothing else (no
// fuzzy operator, which is costly and surprising).
const simpleQueryFlags = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|NEAR|SLOP|WHITESPACE|ESCAPE"

// queryDSL is the query clause of q: full text (scored) plus filters (not
// scored). Users never supply DSL: the text goes only into simple_query_string.
func queryDSL(q Query) m {
	b := m{"filter": filters(q)}
	if q.Text != "" {
		b["must"] = []any{m{"simple_query_string": m{
			"query":            q.Text,
			"fields":           []string{"headline^3", "body"},
			"default_operator": "and",
			"flags":            simpleQueryFlags,
			"lenient":          true,
		}}}
	}
	if not := mustNot(q); len(not) > 0 {
		b["must_not"] = not
	}
	return m{"bool": b}
}

func mustNot(q Query) []any {
	if q.Withdrawn == WithdrawnExclude {
		return []any{m{"term": m{"withdrawn": true}}}
	}
	return nil
}

// filters lists every non-scoring clause of q.
func filters(q Query) []any {
	out := []any{}
	if q.Withdrawn == WithdrawnOnly {
		out = append(out, m{"term": m{"withdrawn": true}})
	}
	out = append(out, entityFilters(q)...)
	out = append(out, placeFilters(q)...)
	for _, s := range q.Stances {
		out = append(out, stanceClause(s))
	}
	if len(q.Speakers) > 0 {
		out = append(out, nested("quotes", anyOf(q.Speakers, func(v string) any {
			return refMatch("quotes.speaker", v)
		})))
	}
	if len(q.Sources) > 0 {
		out = append(out, anyOf(q.Sources, func(v string) any { return ciTerm("copyrightholder", v) }))
	}
	if len(q.Languages) > 0 {
		out = append(out, m{"terms": m{"language": q.Languages}})
	}
	if r := dateRange(q.From, q.To); r != nil {
		out = append(out, m{"range": m{"versioncreated": r}})
	}
	return out
}

func dateRange(from, to time.Time) m {
	r := m{}
	if !from.IsZero() {
		r["gte"] = from.UTC().Format(time.RFC3339Nano)
	}
	if !to.IsZero() {
		r["lt"] = to.UTC().Format(time.RFC3339Nano)
	}
	if len(r) == 0 {
		return nil
	}
	return r
}

func entityFilters(q Query) []any {
	var out []any
	if len(q.Entities) > 0 {
		if q.EntityAny {
			out = append(out, nested("entities", anyOf(q.Entities, entityMatch)))
		} else {
			for _, e := range q.Entities {
				out = append(out, nested("entities", entityMatch(e)))
			}
		}
	}
	if len(q.EntityTypes) > 0 {
		out = append(out, nested("entities", m{"terms": m{"entities.type": q.EntityTypes}}))
	}
	return out
}

// entityMatch matches an entity by id, canonical name, alias (both without
// regard to case) or a phrase of its name ("Zelensky" finds "Volodymyr
// Zelensky").
func entityMatch(v string) any {
	return m{"bool": m{"minimum_should_match": 1, "should": []any{
		m{"term": m{"entities.id": v}},
		ciTerm("entities.name", v),
		ciTerm("entities.aliases", v),
		m{"match_phrase": m{"entities.name.text": v}},
	}}}
}

func placeMatch(v string) any {
	return m{"bool": m{"minimum_should_match": 1, "should": []any{
		m{"term": m{"places.id": v}},
		ciTerm("places.name", v),
		ciTerm("places.aliases", v),
		m{"match_phrase": m{"places.name.text": v}},
	}}}
}

func placeFilters(q Query) []any {
	var out []any
	if len(q.Places) > 0 {
		out = append(out, nested("places", anyOf(q.Places, placeMatch)))
	}
	if len(q.Countries) > 0 {
		out = append(out, countryClause(q.Countries))
	}
	if len(q.Admin1) > 0 {
		out = append(out, nested("places", anyOf(q.Admin1, func(v string) any { return ciTerm("places.admin1", v) })))
	}
	if b := q.BBox; b != nil {
		out = append(out, nested("places", m{"geo_bounding_box": m{"places.location": m{
			"top_left":     m{"lat": b.North, "lon": b.West},
			"bottom_right": m{"lat": b.South, "lon": b.East},
		}}}))
	}
	if n := q.Near; n != nil {
		out = append(out, nested("places", m{"geo_distance": m{
			"distance":        n.Distance,
			"places.location": m{"lat": n.Lat, "lon": n.Lon},
		}}))
	}
	return out
}

// countryClause matches stories that mention a place in one of the countries,
// mention the country itself as an entity, or have it as their focus.
func countryClause(codes []string) any {
	return m{"bool": m{"minimum_should_match": 1, "should": []any{
		nested("places", m{"terms": m{"places.country_code": codes}}),
		nested("entities", m{"bool": m{"filter": []any{
			m{"term": m{"entities.type": "country"}},
			m{"terms": m{"entities.country_code": codes}},
		}}}),
		m{"terms": m{"focus.country.country_code": codes}},
	}}}
}

// stanceClause requires one stance statement matching every given part.
func stanceClause(s StanceFilter) any {
	var must []any
	if s.Holder != "" {
		must = append(must, refMatch("stances.holder", s.Holder))
	}
	if s.Target != "" {
		must = append(must, refMatch("stances.target", s.Target))
	}
	if s.Polarity != "" {
		must = append(must, m{"term": m{"stances.polarity": s.Polarity}})
	}
	return nested("stances", m{"bool": m{"filter": must}})
}

// refMatch matches a pipeline.Ref under prefix by id or by name (any case).
func refMatch(prefix, v string) any {
	return m{"bool": m{"minimum_should_match": 1, "should": []any{
		m{"term": m{prefix + ".id": v}},
		ciTerm(prefix+".name", v),
	}}}
}

func ciTerm(field, v string) any {
	return m{"term": m{field: m{"value": v, "case_insensitive": true}}}
}

func nested(path string, q any) any {
	return m{"nested": m{"path": path, "query": q, "score_mode": "none"}}
}

func anyOf(vals []string, one func(string) any) any {
	if len(vals) == 1 {
		return one(vals[0])
	}
	should := make([]any, len(vals))
	for i, v := range vals {
		should[i] = one(v)
	}
	return m{"bool": m{"should": should, "minimum_should_match": 1}}
}

// sortDSL orders hits; id breaks ties so that search_after is stable.
func sortDSL(order string) []any {
	date := m{"versioncreated": m{"order": "desc", "missing": "_last", "unmapped_type": "date"}}
	id := m{"id": m{"order": "asc"}}
	if order == SortDate {
		return []any{date, id}
	}
	return []any{m{"_score": m{"order": "desc"}}, date, id}
}
