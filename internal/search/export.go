package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// ExportStats says what an export wrote.
type ExportStats struct {
	Total    int64 // matching stories when the export started
	Rows     int64 // rows written
	Complete bool  // every matching story was written
}

// rowWriter writes one export format: a header, one row per story and a
// trailer saying whether the export is complete.
type rowWriter interface {
	header(meta exportMeta) error
	row(src json.RawMessage) error
	trailer(st ExportStats, reason string) error
}

type exportMeta struct {
	Query      string    `json:"query"`
	ExportedAt time.Time `json:"exported_at"`
	Total      int64     `json:"total"`
	Format     string    `json:"format"`
}

// ErrExportBegun marks an export that failed after its header was written:
// the file already says it is incomplete, and no other response can be sent.
var ErrExportBegun = errors.New("export failed after it began")

// Export streams every story matching q to w in q.Format (csv or jsonl),
// walking the whole result set with a point-in-time and search_after, not one
// page. The file records the query and the export time first and, last, the
// number of rows and whether the export is complete. An error before anything
// was written leaves w untouched; after that it wraps ErrExportBegun.
func (s *Searcher) Export(ctx context.Context, q Query, w io.Writer, now time.Time) (ExportStats, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.ExportTimeout)
	defer cancel()
	pit, err := s.openPIT(ctx)
	if err != nil {
		return ExportStats{}, err
	}
	defer s.closePIT(pit)
	rw := newRowWriter(q.Format, w)
	st, err := s.exportLoop(ctx, q, pit, rw, now, w)
	if err != nil && st.Rows == 0 && !errors.Is(err, ErrExportBegun) {
		return st, err
	}
	reason := ""
	switch {
	case err != nil:
		reason = "the export stopped early because of an error; run it again"
	case !st.Complete:
		reason = fmt.Sprintf("the export stopped at the limit of %d rows", s.cfg.ExportMaxRows)
	}
	if terr := rw.trailer(st, reason); terr != nil && err == nil {
		err = terr
	}
	flush(w)
	if err != nil && !errors.Is(err, ErrExportBegun) {
		err = fmt.Errorf("%w: %w", ErrExportBegun, err)
	}
	return st, err
}

func (s *Searcher) exportLoop(ctx context.Context, q Query, pit string, rw rowWriter, now time.Time, w io.Writer) (ExportStats, error) {
	var st ExportStats
	var after []any
	for first := true; ; first = false {
		var res esSearch
		if err := s.runSearch(ctx, s.exportBody(q, pit, after, first), true, &res); err != nil {
			if !first {
				err = fmt.Errorf("%w: %w", ErrExportBegun, err)
			}
			return st, err
		}
		if res.PitID != "" {
			pit = res.PitID
		}
		if first {
			st.Total = res.Hits.Total.Value
			if err := rw.header(exportMeta{Query: q.Encode(), ExportedAt: now.UTC(), Total: st.Total, Format: q.Format}); err != nil {
				return st, fmt.Errorf("%w: %w", ErrExportBegun, err)
			}
		}
		if done, err := s.writeBatch(res.Hits.Hits, rw, &st); done || err != nil {
			return st, err
		}
		flush(w)
		after = res.Hits.Hits[len(res.Hits.Hits)-1].Sort
	}
}

// exportBody is one page of the export walk; the total is counted once.
func (s *Searcher) exportBody(q Query, pit string, after []any, first bool) m {
	body := m{
		"query": queryDSL(q), "sort": sortDSL(q.Sort), "size": s.cfg.ExportBatch,
		"pit":              m{"id": pit, "keep_alive": esDuration(s.cfg.PITKeepAlive)},
		"track_total_hits": first,
	}
	if after != nil {
		body["search_after"] = after
	}
	return body
}

// writeBatch writes one page of hits; done is true at the end of the result
// set (a short page) or at the row limit (st.Complete stays false).
func (s *Searcher) writeBatch(hits []esHit, rw rowWriter, st *ExportStats) (done bool, err error) {
	for _, h := range hits {
		if st.Rows >= int64(s.cfg.ExportMaxRows) {
			return true, nil
		}
		if err := rw.row(h.Source); err != nil {
			return true, fmt.Errorf("%w: %w", ErrExportBegun, err)
		}
		st.Rows++
	}
	if len(hits) < s.cfg.ExportBatch {
		st.Complete = true
		return true, nil
	}
	return false, nil
}

// flush pushes buffered output to the client when w can flush.
func flush(w io.Writer) {
	switch f := w.(type) {
	case interface{ Flush() error }:
		_ = f.Flush()
	case http.Flusher:
		f.Flush()
	}
}
