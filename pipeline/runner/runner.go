// Package runner drives the worker: for every partition a consumer-group
// member owns it fetches in order, runs the enrichment chain on small batches,
// hands documents to the Elasticsearch sink, routes failures to the
// dead-letter topic, and commits only the highest contiguous offset whose
// message has a final verdict. Partitions run concurrently; the bulk writer
// is shared, so no partition waits on another's enrichment.
package runner

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"
	"golang.org/x/sync/semaphore"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/pipeline"
)

// Config tunes batching, memory and commits.
type Config struct {
	BatchSize        int           `env:"WARWIRE_BATCH_SIZE" doc:"Most messages enriched together in one partition batch."`
	BatchLinger      time.Duration `env:"WARWIRE_BATCH_LINGER" doc:"Longest a partition waits to fill a batch once it has one message."`
	MaxBytesInFlight int64         `env:"WARWIRE_MAX_BYTES_IN_FLIGHT" doc:"Memory budget for messages fetched and not yet done (each counts 3× its size: raw plus document), across partitions; fetching pauses above it."`
	CommitInterval   time.Duration `env:"WARWIRE_COMMIT_INTERVAL" doc:"How often done offsets are committed."`
	DrainTimeout     time.Duration `env:"WARWIRE_DRAIN_TIMEOUT" doc:"Longest a partition waits for in-flight messages on rebalance or shutdown."`
	StallAfter       time.Duration `env:"WARWIRE_STALL_AFTER" doc:"Report not ready when messages wait this long without any verdict."`
}

// DefaultConfig favours freshness with bounded memory.
func DefaultConfig() Config {
	return Config{BatchSize: 200, BatchLinger: 20 * time.Millisecond, MaxBytesInFlight: 32 << 20,
		CommitInterval: time.Second, DrainTimeout: 20 * time.Second, StallAfter: 60 * time.Second}
}

// Validate checks the settings.
func (c Config) Validate() error {
	switch {
	case c.BatchSize < 1:
		return config.Errorf("WARWIRE_BATCH_SIZE", "must be at least 1")
	case c.BatchLinger < 0 || c.BatchLinger > time.Second:
		return config.Errorf("WARWIRE_BATCH_LINGER", "must be in [0, 1s]")
	case c.MaxBytesInFlight < 1<<20:
		return config.Errorf("WARWIRE_MAX_BYTES_IN_FLIGHT", "must be at least 1 MiB")
	case c.CommitInterval < 10*time.Millisecond:
		return config.Errorf("WARWIRE_COMMIT_INTERVAL", "must be at least 10ms")
	case c.DrainTimeout < time.Second:
		return config.Errorf("WARWIRE_DRAIN_TIMEOUT", "must be at least 1s")
	case c.StallAfter < time.Second:
		return config.Errorf("WARWIRE_STALL_AFTER", "must be at least 1s")
	}
	return nil
}

// Sink accepts documents and later reports a verdict for each through Done.
type Sink interface {
	Add(ctx context.Context, it elastic.Item) error
}

// DeadLetters stores a message that cannot be indexed, with its reason.
type DeadLetters interface {
	Send(ctx context.Context, m kafka.Message, stage, reason, errText string) error
}

var (
	_ Sink        = (*elastic.BulkWriter)(nil)
	_ DeadLetters = (*kafka.DeadLetters)(nil)
)

// Runner handles partitions for a consumer group (it is a kafka.Handler).
type Runner struct {
	cfg      Config
	chain    pipeline.Stage
	version  string
	sink     Sink
	dlq      DeadLetters
	log      *zap.Logger
	m        *Metrics
	inflight *semaphore.Weighted
	now      func() time.Time

	hard     context.Context // ends only on a hard stop
	lastDone atomic.Int64    // unix nanos of the last verdict
	waiting  atomic.Int64    // messages awaiting a verdict
	partsMu  sync.Mutex
	active   map[int]struct{}
}

// New builds a runner. hard is the context whose end abandons in-flight work
// at once (a second signal); partition handlers drain within DrainTimeout.
func New(hard context.Context, cfg Config, chain pipeline.Stage, version string, sink Sink, dlq DeadLetters, m *Metrics, log *zap.Logger) (*Runner, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	r := &Runner{cfg: cfg, chain: chain, version: version, sink: sink, dlq: dlq, log: log, m: m,
		inflight: semaphore.NewWeighted(cfg.MaxBytesInFlight), now: time.Now, hard: hard, active: map[int]struct{}{}}
	r.lastDone.Store(time.Now().UnixNano())
	return r, nil
}

// Stalled returns an error when messages have waited StallAfter without any
// verdict (Elasticsearch or the DLQ is not taking writes).
func (r *Runner) Stalled() error {
	if r.waiting.Load() == 0 {
		return nil
	}
	idle := time.Since(time.Unix(0, r.lastDone.Load()))
	if idle > r.cfg.StallAfter {
		return errors.New("no message has completed for " + idle.Round(time.Second).String())
	}
	return nil
}

// Partitions returns how many partitions this runner is handling now.
func (r *Runner) Partitions() int {
	r.partsMu.Lock()
	defer r.partsMu.Unlock()
	return len(r.active)
}

// Handle consumes one claim until its generation ends, then drains: it waits
// for the verdicts of what it fetched (up to DrainTimeout), commits, returns.
func (r *Runner) Handle(gen context.Context, c *kafka.Claim) {
	r.partsMu.Lock()
	r.active[c.Partition] = struct{}{}
	r.partsMu.Unlock()
	defer func() {
		r.partsMu.Lock()
		delete(r.active, c.Partition)
		r.partsMu.Unlock()
		r.m.Lag.DeleteLabelValues(strconv.Itoa(c.Partition)) // revoked: no stale gauge
	}()
	p := newPartition(r, c)
	p.run(gen)
}
