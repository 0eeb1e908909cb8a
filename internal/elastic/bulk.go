package elastic

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
)

// BulkConfig tunes the bulk writer for freshness and throughput.
type BulkConfig struct {
	FlushBytes    int           `env:"WARWIRE_BULK_FLUSH_BYTES" doc:"Flush a bulk request once its body reaches this many bytes."`
	FlushItems    int           `env:"WARWIRE_BULK_FLUSH_ITEMS" doc:"Flush a bulk request once it holds this many documents."`
	FlushInterval time.Duration `env:"WARWIRE_BULK_FLUSH_INTERVAL" doc:"A batch is due this long after its first document (≤ 500ms) and goes out as soon as a request slot is free, filling meanwhile."`
	Workers       int           `env:"WARWIRE_BULK_WORKERS" doc:"Bulk requests in flight at once."`
	RetryMin      time.Duration `env:"WARWIRE_BULK_RETRY_MIN" doc:"First backoff after a 429/5xx or a connection failure."`
	RetryMax      time.Duration `env:"WARWIRE_BULK_RETRY_MAX" doc:"Longest backoff between retries (retries go on until success or shutdown)."`
}

// DefaultBulkConfig: 5 MB or 2,000 documents or 200 ms, two requests in flight.
func DefaultBulkConfig() BulkConfig {
	return BulkConfig{FlushBytes: 5 << 20, FlushItems: 2000, FlushInterval: 200 * time.Millisecond,
		Workers: 2, RetryMin: 100 * time.Millisecond, RetryMax: 5 * time.Second}
}

// Validate checks the settings.
func (c BulkConfig) Validate() error {
	switch {
	case c.FlushBytes < 64<<10:
		return config.Errorf("WARWIRE_BULK_FLUSH_BYTES", "must be at least 64 KiB")
	case c.FlushItems < 1:
		return config.Errorf("WARWIRE_BULK_FLUSH_ITEMS", "must be at least 1")
	case c.FlushInterval <= 0 || c.FlushInterval > 500*time.Millisecond:
		return config.Errorf("WARWIRE_BULK_FLUSH_INTERVAL", "must be in (0, 500ms], got %s", c.FlushInterval)
	case c.Workers < 1:
		return config.Errorf("WARWIRE_BULK_WORKERS", "must be at least 1")
	case c.RetryMin <= 0 || c.RetryMax < c.RetryMin:
		return config.Errorf("WARWIRE_BULK_RETRY_MAX", "need 0 < RetryMin ≤ RetryMax")
	}
	return nil
}

// Observer receives the writer's measurements (metrics live with the caller).
type Observer interface {
	BulkDone(took time.Duration, items int, err error)
	Retried(items int)
}

// BulkWriter batches items into synchronous bulk requests, at most Workers
// at once, and reports a verdict for every item. Items failing with a
// retriable status (429, 5xx, or a cluster state: 403, 404) and whole
// requests that fail (429, 5xx, 401, 403, an unreachable cluster) are
// retried with jittered exponential backoff, resending only what failed,
// until they succeed or the writer is stopped. A whole request refused for
// its content (400, 413) is split until the refused item stands alone; that
// item, and any item refused with another 4xx, is poison.
type BulkWriter struct {
	es    *elasticsearch.Client
	index string
	cfg   BulkConfig
	log   *zap.Logger
	obs   Observer

	in      chan Item
	batches chan []Item
	closing sync.Once
	failing atomic.Bool
	lastErr atomic.Value // string
}

// NewBulkWriter writes to index (usually the alias). Run starts it.
func NewBulkWriter(es *elasticsearch.Client, index string, cfg BulkConfig, obs Observer, log *zap.Logger) (*BulkWriter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &BulkWriter{es: es, index: index, cfg: cfg, log: log, obs: obs,
		in: make(chan Item, cfg.FlushItems), batches: make(chan []Item)}, nil
}

// Add queues an item, blocking while the writer is full. It returns ctx's
// error if ctx ends first; then Done is never called for it.
func (w *BulkWriter) Add(ctx context.Context, it Item) error {
	select {
	case w.in <- it:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close ends input: Run flushes what is queued, waits for every verdict and
// returns. Add must not be called after Close.
func (w *BulkWriter) Close() { w.closing.Do(func() { close(w.in) }) }

// Healthy returns nil when the last bulk request succeeded, or the reason it
// did not (for /readyz).
func (w *BulkWriter) Healthy() error {
	if w.failing.Load() {
		msg, _ := w.lastErr.Load().(string)
		return errors.New("elasticsearch bulk writes failing: " + msg)
	}
	return nil
}

// Run accumulates and sends batches until Close has been called and all is
// flushed, or until ctx ends (a hard stop: unsent items get no verdict).
func (w *BulkWriter) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for i := 0; i < w.cfg.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range w.batches {
				w.send(ctx, b)
			}
		}()
	}
	w.accumulate(ctx)
	close(w.batches)
	wg.Wait()
	return ctx.Err()
}

// send writes items until each has a final verdict (or ctx ends).
func (w *BulkWriter) send(ctx context.Context, items []Item) {
	for attempt := 0; len(items) > 0; attempt++ {
		if attempt > 0 {
			if w.obs != nil {
				w.obs.Retried(len(items))
			}
			if !sleep(ctx, backoff(w.cfg.RetryMin, w.cfg.RetryMax, attempt)) {
				return
			}
		}
		retry, err := w.attempt(ctx, items)
		if err != nil {
			w.failing.Store(true)
			w.lastErr.Store(err.Error())
			w.log.Warn("bulk request failed, will retry", zap.Int("items", len(items)), zap.Int("attempt", attempt+1), zap.Error(err))
			continue
		}
		w.failing.Store(false)
		items = retry
	}
}

// attempt sends one bulk request. It returns the items to retry, or an error
// when the whole request failed (then every item is retried).
func (w *BulkWriter) attempt(ctx context.Context, items []Item) ([]Item, error) {
	body := encodeBulk(items)
	start := time.Now()
	req, err := newRequest(ctx, "POST", "/"+w.index+"/_bulk?"+bulkFilter, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("failed to build bulk request: %w", err)
	}
	resp, err := w.es.Perform(req)
	if err != nil {
		w.observe(start, len(items), err)
		return nil, fmt.Errorf("failed to send bulk request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return w.refused(ctx, items, start, resp)
	}
	retry, err := w.verdicts(resp.Body, items)
	w.observe(start, len(items), err)
	return retry, err
}

// refused handles a bulk request answered as a whole with an error status:
// Elasticsearch's error type and reason go into the error or the items'
// dead-letter reason.
func (w *BulkWriter) refused(ctx context.Context, items []Item, start time.Time, resp *http.Response) ([]Item, error) {
	err := responseError("index bulk request", &esapi.Response{StatusCode: resp.StatusCode, Body: resp.Body})
	w.observe(start, len(items), err)
	if resp.StatusCode == 429 || resp.StatusCode >= 500 {
		return nil, err
	}
	if resp.StatusCode == 400 || resp.StatusCode == 413 {
		// The whole request was refused for its content (a request-level
		// validation error caused by one item, or one item too large): split
		// it to find the culprit.
		return w.bisect(ctx, items, resp.StatusCode, err.Error()), nil
	}
	// 401, 403, 404 and the like are about the cluster or the
	// configuration, not the documents: retry, never dead-letter.
	return nil, err
}

// bisect resends a refused request in halves until each refused item stands
// alone; such an item is poison. It returns the items to retry.
func (w *BulkWriter) bisect(ctx context.Context, items []Item, status int, reason string) []Item {
	if len(items) == 1 {
		items[0].Done(Result{Verdict: Poison, Status: status, Reason: reason})
		return nil
	}
	var retry []Item
	mid := len(items) / 2
	for _, half := range [][]Item{items[:mid], items[mid:]} {
		r, err := w.attempt(ctx, half)
		if err != nil {
			retry = append(retry, half...)
			continue
		}
		retry = append(retry, r...)
	}
	return retry
}

func (w *BulkWriter) observe(start time.Time, n int, err error) {
	if w.obs != nil {
		w.obs.BulkDone(time.Since(start), n, err)
	}
}

func encodeBulk(items []Item) []byte {
	n := 0
	for _, it := range items {
		n += len(it.Body) + len(it.ID) + 96
	}
	buf := make([]byte, 0, n)
	for _, it := range items {
		buf = append(buf, `{"index":{"_id":"`...)
		buf = append(buf, it.ID...)
		buf = append(buf, `","version":`...)
		buf = strconv.AppendInt(buf, it.Version, 10)
		buf = append(buf, `,"version_type":"external_gte"}}`+"\n"...)
		buf = append(buf, it.Body...)
		buf = append(buf, '\n')
	}
	return buf
}

func backoff(lo, hi time.Duration, attempt int) time.Duration {
	d := lo << min(attempt-1, 20)
	if d > hi || d <= 0 {
		d = hi
	}
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
