package search

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
)

// storyIDRe is what a story id may look like: pipeline.DocID gives 40 hex
// digits; other id schemes are allowed within these characters.
var storyIDRe = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,128}$`)

// ValidStoryID reports whether id can name a story.
func ValidStoryID(id string) bool { return storyIDRe.MatchString(id) }

// Story returns the whole indexed document with id and the other outlets that
// published the same wire story. ErrNotFound and ErrWithdrawn (wrapped in a
// *BackendError) report a missing or withdrawn story.
func (s *Searcher) Story(ctx context.Context, id string) (*StoryPage, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	if !ValidStoryID(id) {
		return nil, &BackendError{Kind: ErrNotFound, Cause: fmt.Errorf("malformed story id %q", id)}
	}
	var res esSearch
	body := m{"query": m{"bool": m{"should": []any{m{"ids": m{"values": []string{id}}}, m{"term": m{"id": id}}},
		"minimum_should_match": 1}}, "size": 1}
	if err := s.runSearch(ctx, body, false, &res); err != nil {
		return nil, err
	}
	if len(res.Hits.Hits) == 0 {
		return nil, &BackendError{Kind: ErrNotFound, Cause: fmt.Errorf("no story with id %q", id)}
	}
	src := res.Hits.Hits[0].Source
	var head struct {
		Withdrawn   bool   `json:"withdrawn"`
		Fingerprint string `json:"fingerprint"`
	}
	if err := json.Unmarshal(src, &head); err != nil {
		return nil, fmt.Errorf("failed to decode story %s: %w", id, err)
	}
	if head.Withdrawn {
		return nil, &BackendError{Kind: ErrWithdrawn, Cause: fmt.Errorf("story %q is withdrawn", id)}
	}
	outlets, err := s.outlets(ctx, head.Fingerprint)
	if err != nil {
		return nil, err
	}
	return &StoryPage{Story: src, Outlets: outlets}, nil
}

// outlets lists the publishers of the stories sharing fingerprint, oldest
// first, one per publisher.
func (s *Searcher) outlets(ctx context.Context, fingerprint string) ([]Outlet, error) {
	out := []Outlet{}
	if fingerprint == "" {
		return out, nil
	}
	body := m{
		"query": m{"bool": m{"filter": []any{m{"term": m{"fingerprint": fingerprint}}},
			"must_not": []any{m{"term": m{"withdrawn": true}}}}},
		"size":     s.cfg.CollapseOutlets,
		"sort":     []any{m{"versioncreated": m{"order": "asc", "unmapped_type": "date"}}, m{"id": "asc"}},
		"collapse": m{"field": "copyrightholder"},
		"_source":  []string{"id", "copyrightholder", "url", "versioncreated"},
	}
	var res esSearch
	if err := s.runSearch(ctx, body, false, &res); err != nil {
		return nil, err
	}
	for _, h := range res.Hits.Hits {
		o, err := toOutlet(h)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}
