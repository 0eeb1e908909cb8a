package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
)

// maxWindow is Elasticsearch's index.max_result_window: from+size of a
// collapsed (offset-paged) search may not pass it.
const maxWindow = 10000

// Searcher runs queries against one index or alias. It is safe for concurrent
// use and holds no goroutines.
type Searcher struct {
	es    *elasticsearch.Client
	index string
	cfg   config.Search
	lim   Limits
	log   *zap.Logger
}

// New returns a Searcher over index (usually config.Elastic.Alias).
func New(es *elasticsearch.Client, index string, cfg config.Search, log *zap.Logger) (*Searcher, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(index) == "" {
		return nil, errors.New("search: index name is empty")
	}
	if log == nil {
		log = zap.NewNop()
	}
	return &Searcher{es: es, index: index, cfg: cfg, lim: LimitsFrom(cfg), log: log}, nil
}

// Limits returns the limits queries for this Searcher are parsed with.
func (s *Searcher) Limits() Limits { return s.lim }

// Search runs one page of q. A bad cursor is a *ParamError; backend failures
// are *BackendError.
func (s *Searcher) Search(ctx context.Context, q Query) (*Result, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	var cur cursor
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor, q)
		if err != nil {
			return nil, err
		}
		cur = c
	}
	collapse := q.Collapse && q.Withdrawn == WithdrawnExclude
	if collapse && cur.Offset+q.Size > maxWindow {
		return nil, paramErrorf("cursor", "cannot go past the first %d collapsed groups; use collapse=off to page further", maxWindow)
	}
	body := s.searchBody(q, collapse, cur)
	if q.Cursor != "" {
		if err := s.attachPIT(ctx, body, &cur); err != nil {
			return nil, err
		}
	}
	var res esSearch
	if err := s.runSearch(ctx, body, cur.PIT != "", &res); err != nil {
		if cur.PIT != "" && errors.Is(err, ErrRejected) {
			return nil, &BackendError{Kind: ErrCursorExpired, Cause: err}
		}
		return nil, err
	}
	return s.buildResult(q, collapse, cur, &res)
}

func (s *Searcher) searchBody(q Query, collapse bool, cur cursor) m {
	body := m{
		"query":            queryDSL(q),
		"sort":             sortDSL(q.Sort),
		"size":             q.Size,
		"track_total_hits": true,
		"highlight":        highlightDSL(),
		"_source":          hitSourceFilter,
		"timeout":          esMillis(s.cfg.QueryTimeout),
	}
	if collapse {
		body["collapse"] = collapseDSL(s.cfg.CollapseOutlets)
		if cur.Offset > 0 {
			body["from"] = cur.Offset
		}
		if q.Cursor == "" {
			body["aggs"] = m{"groups": m{"cardinality": m{"field": "fingerprint"}}}
		}
	} else if len(cur.After) > 0 {
		body["search_after"] = cur.After
	}
	return body
}

// collapseDSL groups syndicated copies by fingerprint and lists the distinct
// outlets of each group (second-level collapse on the publisher).
func collapseDSL(outlets int) m {
	return m{
		"field": "fingerprint",
		"inner_hits": m{
			"name":     "copies",
			"size":     outlets,
			"_source":  []string{"id", "copyrightholder", "url", "versioncreated"},
			"sort":     []any{m{"versioncreated": m{"order": "asc", "unmapped_type": "date"}}},
			"collapse": m{"field": "copyrightholder"},
		},
	}
}

// attachPIT continues a paged search inside a point-in-time, opening one on
// the second page. With a PIT the request names no index.
func (s *Searcher) attachPIT(ctx context.Context, body m, cur *cursor) error {
	if cur.PIT == "" {
		id, err := s.openPIT(ctx)
		if err != nil {
			return err
		}
		cur.PIT = id
	}
	body["pit"] = m{"id": cur.PIT, "keep_alive": esDuration(s.cfg.PITKeepAlive)}
	return nil
}

func (s *Searcher) openPIT(ctx context.Context) (string, error) {
	var out struct {
		ID string `json:"id"`
	}
	err := call(ctx, func() (*esapi.Response, error) {
		return s.es.OpenPointInTime([]string{s.index}, esDuration(s.cfg.PITKeepAlive),
			s.es.OpenPointInTime.WithContext(ctx))
	}, &out)
	if err != nil {
		return "", fmt.Errorf("failed to open point-in-time: %w", err)
	}
	return out.ID, nil
}

func (s *Searcher) closePIT(id string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	body, _ := jsonBody(m{"id": id})
	err := call(ctx, func() (*esapi.Response, error) {
		return s.es.ClosePointInTime(s.es.ClosePointInTime.WithBody(body), s.es.ClosePointInTime.WithContext(ctx))
	}, nil)
	if err != nil {
		s.log.Warn("failed to close point-in-time", zap.Error(err))
	}
}

// runSearch sends a search body; with a PIT the index must not be named.
func (s *Searcher) runSearch(ctx context.Context, body m, withPIT bool, out *esSearch) error {
	r, err := jsonBody(body)
	if err != nil {
		return err
	}
	opts := []func(*esapi.SearchRequest){s.es.Search.WithContext(ctx), s.es.Search.WithBody(r)}
	if !withPIT {
		opts = append(opts, s.es.Search.WithIndex(s.index))
	}
	return call(ctx, func() (*esapi.Response, error) { return s.es.Search(opts...) }, out)
}

// esMillis formats d in Elasticsearch time units (milliseconds, at least 1).
func esMillis(d time.Duration) string {
	return fmt.Sprintf("%dms", max(1, d.Milliseconds()))
}

// esDuration formats d in Elasticsearch time units (whole seconds).
func esDuration(d time.Duration) string {
	return fmt.Sprintf("%ds", int64(d.Round(time.Second)/time.Second))
}
