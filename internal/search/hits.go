package search

import (
	"encoding/json"
	"fmt"
	"net/url"
	"time"
)

// buildResult turns an Elasticsearch response into a page and its cursor.
func (s *Searcher) buildResult(q Query, collapse bool, cur cursor, res *esSearch) (*Result, error) {
	out := &Result{
		Total:         res.Hits.Total.Value,
		TotalRelation: res.Hits.Total.Relation,
		Collapsed:     collapse,
		Hits:          make([]Hit, 0, len(res.Hits.Hits)),
		Partial:       res.TimedOut,
		TookMS:        res.Took,
		Query:         q.Encode(),
	}
	for i := range res.Hits.Hits {
		h, err := toHit(&res.Hits.Hits[i], collapse)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, h)
	}
	if collapse && len(res.Aggregations) > 0 {
		var aggs struct {
			Groups struct {
				Value int64 `json:"value"`
			} `json:"groups"`
		}
		if err := json.Unmarshal(res.Aggregations, &aggs); err != nil {
			return nil, fmt.Errorf("failed to decode group count: %w", err)
		}
		out.Groups = &aggs.Groups.Value
	}
	s.nextCursor(q, collapse, cur, res, out)
	if res.TimedOut {
		out.Notice = "The search ran out of time; this page may miss some hits."
	}
	return out, nil
}

// nextCursor sets NextCursor when another page may exist.
func (s *Searcher) nextCursor(q Query, collapse bool, cur cursor, res *esSearch, out *Result) {
	n := len(res.Hits.Hits)
	if n < q.Size || n == 0 {
		return
	}
	next := cursor{PIT: res.PitID, Hash: queryHash(q)}
	if next.PIT == "" {
		next.PIT = cur.PIT
	}
	if collapse {
		next.Offset = cur.Offset + n
		if next.Offset+q.Size > maxWindow {
			out.Notice = fmt.Sprintf("Collapsed results stop after %d groups; turn collapsing off to page through every story.", maxWindow)
			return
		}
		if int64(next.Offset) >= out.Total {
			return
		}
	} else {
		next.Seen = cur.Seen + n
		if out.TotalRelation == "eq" && int64(next.Seen) >= out.Total {
			return
		}
		next.After = res.Hits.Hits[n-1].Sort
	}
	out.NextCursor = encodeCursor(next)
}

func toHit(eh *esHit, collapse bool) (Hit, error) {
	var src hitSource
	if err := json.Unmarshal(eh.Source, &src); err != nil {
		return Hit{}, fmt.Errorf("failed to decode hit %s: %w", eh.ID, err)
	}
	h := Hit{
		ID: firstNonEmpty(src.ID, eh.ID), URI: src.URI, URL: src.URL, Headline: src.Headline,
		VersionCreated: src.VersionCreated, Source: src.Source, Language: src.Language,
		Byline: src.Byline, Located: src.Located, WordCount: src.WordCount, Withdrawn: src.Withdrawn,
		Fingerprint: src.Fingerprint, Entities: nonNil(src.Entities), Places: nonNil(src.Places),
		Stances: nonNil(src.Stances), Speakers: speakers(src), Snippets: []string{},
	}
	h.Permalink = "/story/" + url.PathEscape(h.ID)
	h.HeadlineHTML = SafeHighlight(h.Headline)
	if hl := eh.Highlight["headline"]; len(hl) > 0 {
		h.HeadlineHTML = SafeHighlight(hl[0])
	}
	for _, f := range eh.Highlight["body"] {
		h.Snippets = append(h.Snippets, SafeHighlight(f))
	}
	if eh.Score != nil {
		if f, err := eh.Score.Float64(); err == nil {
			h.Score = &f
		}
	}
	if collapse {
		addCopies(&h, eh)
	}
	return h, nil
}

func addCopies(h *Hit, eh *esHit) {
	ih, ok := eh.InnerHits["copies"]
	if !ok {
		return
	}
	h.Copies = ih.Hits.Total.Value
	h.Outlets = make([]Outlet, 0, len(ih.Hits.Hits))
	for _, c := range ih.Hits.Hits {
		if o, err := toOutlet(c); err == nil {
			h.Outlets = append(h.Outlets, o)
		}
	}
}

// toOutlet reads an outlet from a hit whose _source has id, copyrightholder,
// url and versioncreated.
func toOutlet(eh esHit) (Outlet, error) {
	var src struct {
		ID             string     `json:"id"`
		Source         string     `json:"copyrightholder"`
		URL            string     `json:"url"`
		VersionCreated *time.Time `json:"versioncreated"`
	}
	if err := json.Unmarshal(eh.Source, &src); err != nil {
		return Outlet{}, fmt.Errorf("failed to decode outlet %s: %w", eh.ID, err)
	}
	return Outlet{ID: firstNonEmpty(src.ID, eh.ID), Source: src.Source, URL: src.URL, VersionCreated: src.VersionCreated}, nil
}

func speakers(src hitSource) []Ref {
	seen := map[string]bool{}
	out := []Ref{}
	for _, q := range src.Quotes {
		if q.Speaker == nil || seen[q.Speaker.ID] {
			continue
		}
		seen[q.Speaker.ID] = true
		out = append(out, *q.Speaker)
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
