package search

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// mapPlaces is how many places the map facet returns.
const mapPlaces = 250

// maxTimelineBuckets bounds a timeline with an explicit date range.
const maxTimelineBuckets = 5000

// Facets are the aggregations of a query, for research and for the filter
// chips, timeline and map of the web UI. Counts are stories unless a field
// says otherwise; every syndicated copy counts.
type Facets struct {
	Total       int64        `json:"total"`
	Entities    []Bucket     `json:"entities"`
	EntityTypes []Bucket     `json:"entity_types"`
	Places      []Bucket     `json:"places"`
	Countries   []Bucket     `json:"countries"`
	Sources     []Bucket     `json:"sources"`
	Languages   []Bucket     `json:"languages"`
	Map         []Bucket     `json:"map"`
	Stances     []StanceCell `json:"stances"`
	Timeline    Timeline     `json:"timeline"`
	CoMentions  *CoMentions  `json:"co_mentions,omitempty"`
	Partial     bool         `json:"partial,omitempty"`
	TookMS      int64        `json:"took_ms"`
	Query       string       `json:"query"`
}

// Bucket is one value of a facet: Key is what a filter takes (an id, code or
// name), Label what a person reads.
type Bucket struct {
	Key      string             `json:"key"`
	Label    string             `json:"label,omitempty"`
	Type     string             `json:"type,omitempty"`
	Count    int64              `json:"count"`
	Location *pipeline.GeoPoint `json:"location,omitempty"`
}

// StanceCell is one holder→target pair of the stance matrix: how many stance
// statements support and oppose, and in how many stories.
type StanceCell struct {
	Holder  Ref   `json:"holder"`
	Target  Ref   `json:"target"`
	Support int64 `json:"support"`
	Oppose  int64 `json:"oppose"`
	Stories int64 `json:"stories"`
}

// Timeline is the date histogram of the hits over versioncreated.
type Timeline struct {
	Interval string       `json:"interval"`
	Buckets  []TimeBucket `json:"buckets"`
}

// TimeBucket is one interval starting at Start (UTC).
type TimeBucket struct {
	Start time.Time `json:"start"`
	Count int64     `json:"count"`
}

// CoMentions lists the entities mentioned in the same stories as Entity.
type CoMentions struct {
	Entity   string   `json:"entity"`
	Stories  int64    `json:"stories"`
	Entities []Bucket `json:"entities"`
}

// Facets runs the aggregations of q (no hits are returned).
func (s *Searcher) Facets(ctx context.Context, q Query) (*Facets, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	if err := checkTimeline(q); err != nil {
		return nil, err
	}
	if q.Interval == "auto" {
		iv, err := s.autoInterval(ctx, q)
		if err != nil {
			return nil, err
		}
		q.Interval = iv
	}
	body := m{
		"query":            queryDSL(q),
		"size":             0,
		"track_total_hits": true,
		"aggs":             facetAggs(q),
		"timeout":          esMillis(s.cfg.QueryTimeout),
	}
	var res esSearch
	if err := s.runSearch(ctx, body, false, &res); err != nil {
		return nil, err
	}
	f, err := decodeFacets(q, res.Aggregations)
	if err != nil {
		return nil, err
	}
	f.Total, f.Partial, f.TookMS, f.Query = res.Hits.Total.Value, res.TimedOut, res.Took, q.Encode()
	return f, nil
}

// checkTimeline refuses calendar intervals that would make too many buckets.
func checkTimeline(q Query) error {
	if q.From.IsZero() || q.To.IsZero() {
		return nil
	}
	days := q.To.Sub(q.From).Hours() / 24
	n := map[string]float64{"day": days, "week": days / 7, "month": days / 30}[q.Interval]
	if n > maxTimelineBuckets {
		return paramErrorf("interval", "would give about %.0f buckets for this date range; choose a coarser interval or auto", n)
	}
	return nil
}

func facetAggs(q Query) m {
	n := q.FacetSize
	aggs := m{
		"entities": nested1("entities", m{"top": terms("entities.id", n, m{
			"name": terms("entities.name", 1, nil), "type": terms("entities.type", 1, nil), "stories": reverseNested(),
		})}),
		"entity_types": nested1("entities", m{"top": terms("entities.type", 5, m{"stories": reverseNested()})}),
		"places": nested1("places", m{"top": terms("places.id", n, m{
			"name": terms("places.name", 1, nil), "stories": reverseNested(),
		})}),
		"countries": nested1("places", m{"top": terms("places.country_code", n, m{"stories": reverseNested()})}),
		"map": nested1("places", m{"top": terms("places.id", mapPlaces, m{
			"name": terms("places.name", 1, nil), "loc": m{"geo_centroid": m{"field": "places.location"}}, "stories": reverseNested(),
		})}),
		"sources":   terms("copyrightholder", n, nil),
		"languages": terms("language", n, nil),
		"stances":   stanceAggs(n),
		"timeline":  timelineAgg(q),
	}
	if q.WithEntity != "" {
		aggs["co"] = coMentionAgg(q.WithEntity, n)
	}
	return aggs
}

func stanceAggs(n int) m {
	return nested1("stances", m{"holders": terms("stances.holder.id", n, m{
		"name": terms("stances.holder.name", 1, nil),
		"targets": terms("stances.target.id", n, m{
			"name":     terms("stances.target.name", 1, nil),
			"polarity": terms("stances.polarity", 2, nil),
			"stories":  reverseNested(),
		}),
	})})
}

// autoInterval picks day, week or month so that the timeline has at most
// about 120 bars: from the requested range, or else from the first and last
// publication times of the hits (one small extra request).
func (s *Searcher) autoInterval(ctx context.Context, q Query) (string, error) {
	from, to := q.From, q.To
	if from.IsZero() || to.IsZero() {
		body := m{"query": queryDSL(q), "size": 0, "track_total_hits": false, "aggs": m{
			"first": m{"min": m{"field": "versioncreated"}}, "last": m{"max": m{"field": "versioncreated"}}}}
		var res esSearch
		if err := s.runSearch(ctx, body, false, &res); err != nil {
			return "", err
		}
		var aggs map[string]struct {
			Value *float64 `json:"value"`
		}
		if err := json.Unmarshal(res.Aggregations, &aggs); err != nil {
			return "", fmt.Errorf("failed to decode date range: %w", err)
		}
		first, last := aggs["first"].Value, aggs["last"].Value
		if first == nil || last == nil {
			return "day", nil
		}
		if from.IsZero() {
			from = time.UnixMilli(int64(*first))
		}
		if to.IsZero() {
			to = time.UnixMilli(int64(*last))
		}
	}
	return intervalFor(to.Sub(from)), nil
}

// intervalFor keeps a timeline over span to about 120 bars or fewer.
func intervalFor(span time.Duration) string {
	days := span.Hours() / 24
	switch {
	case days <= 120:
		return "day"
	case days <= 7*120:
		return "week"
	default:
		return "month"
	}
}

func timelineAgg(q Query) m {
	h := m{"field": "versioncreated", "calendar_interval": calendarIntervals[q.Interval], "min_doc_count": 0}
	if !q.From.IsZero() && !q.To.IsZero() {
		h["extended_bounds"] = m{"min": q.From.UnixMilli(), "max": q.To.UnixMilli() - 1}
	}
	return m{"date_histogram": h}
}

// coMentionAgg counts, among the stories mentioning entity, the other
// entities they mention.
func coMentionAgg(entity string, n int) m {
	return m{
		"filter": nested("entities", entityMatch(entity)),
		"aggs": m{"ents": nested1("entities", m{"others": m{
			"filter": m{"bool": m{"must_not": []any{entityMatch(entity)}}},
			"aggs": m{"top": terms("entities.id", n, m{
				"name": terms("entities.name", 1, nil), "type": terms("entities.type", 1, nil), "stories": reverseNested(),
			})},
		}})},
	}
}

func nested1(path string, aggs m) m {
	return m{"nested": m{"path": path}, "aggs": aggs}
}

func terms(field string, size int, sub m) m {
	t := m{"terms": m{"field": field, "size": size}}
	if sub != nil {
		t["aggs"] = sub
	}
	return t
}

func reverseNested() m { return m{"reverse_nested": m{}} }
