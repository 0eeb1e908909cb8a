package worker

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/internal/telemetry"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/enrich"
	"github.com/warwire/warwire/pipeline/runner"
)

// Worker is one member of the worker consumer group.
type Worker struct {
	cfg     Config
	log     *zap.Logger
	es      *elasticsearch.Client
	admin   *kafka.Admin
	group   *kafka.Group
	dlqProd *Producer
	bulk    *elastic.BulkWriter
	chain   *enrich.Chain
	metrics *runner.Metrics
	server  *telemetry.Admin
	runner  atomic.Pointer[runner.Runner]
}

// Producer is the DLQ producer's lifecycle, as the worker sees it.
type Producer = kafka.Producer

// New wires a worker. It connects to nothing and starts no goroutine.
func New(cfg Config, log *zap.Logger, reg *prometheus.Registry) (*Worker, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	w := &Worker{cfg: cfg, log: log, metrics: runner.NewMetrics(reg)}
	var err error
	if w.es, err = elastic.NewClient(cfg.Elastic); err != nil {
		return nil, err
	}
	if w.admin, err = kafka.NewAdmin(cfg.Kafka); err != nil {
		return nil, err
	}
	if w.group, err = kafka.NewGroup(cfg.Kafka, cfg.Consumer, log); err != nil {
		return nil, err
	}
	if w.dlqProd, err = kafka.NewProducer(cfg.Kafka, cfg.Kafka.DLQTopic, cfg.Producer, log); err != nil {
		return nil, err
	}
	if w.bulk, err = elastic.NewBulkWriter(w.es, cfg.Elastic.Alias, cfg.Bulk, w.metrics, log); err != nil {
		return nil, err
	}
	wrap := func(s pipeline.Stage) pipeline.Stage { return runner.Instrument(s, w.metrics) }
	if w.chain, err = enrich.Build(enrich.Options{Decode: cfg.Decode, Wrap: wrap}); err != nil {
		return nil, fmt.Errorf("failed to build the enrichment chain: %w", err)
	}
	if cfg.AdminListen != "" {
		w.server = telemetry.NewAdmin(cfg.AdminListen, reg, log)
	}
	return w, nil
}

// AdminAddr is the admin server's address once Run has started it.
func (w *Worker) AdminAddr() string {
	if w.server == nil {
		return ""
	}
	return w.server.Addr()
}

// Partitions returns how many partitions this worker is processing now.
func (w *Worker) Partitions() int {
	if r := w.runner.Load(); r != nil {
		return r.Partitions()
	}
	return 0
}

// Run consumes until ctx ends (or the topic is idle, with UntilIdle), then
// shuts down in order: not ready, stop fetching, drain the stages, flush the
// sink, commit, leave the group, close. It returns when all is stopped.
func (w *Worker) Run(ctx context.Context) error {
	if w.cfg.MemoryLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(w.cfg.MemoryLimit)
	}
	hard, cancelHard := context.WithCancel(context.Background())
	defer cancelHard()
	stopHard := context.AfterFunc(ctx, func() { time.AfterFunc(w.cfg.ShutdownTimeout, cancelHard) })
	defer stopHard()

	r, err := runner.New(hard, w.cfg.Runner, w.chain, w.chain.Version, w.bulk, kafka.NewDeadLetters(w.dlqProd), w.metrics, w.log)
	if err != nil {
		return err
	}
	w.runner.Store(r)
	if err := w.startAdmin(r); err != nil {
		return err
	}
	soft, cancelSoft := context.WithCancel(ctx)
	defer cancelSoft()
	if w.server != nil { // first step of shutdown: not ready
		stopReady := context.AfterFunc(soft, w.server.SetNotReady)
		defer stopReady()
	}
	var bg sync.WaitGroup
	bg.Add(1)
	go func() { defer bg.Done(); _ = w.bulk.Run(hard) }()
	if w.cfg.UntilIdle > 0 {
		bg.Add(1)
		go func() { defer bg.Done(); w.stopWhenIdle(soft, cancelSoft, r) }()
	}
	w.log.Info("worker started", zap.String("topic", w.cfg.Kafka.Topic), zap.String("group", w.cfg.Kafka.GroupID),
		zap.String("enrichment", w.chain.Version), zap.String("admin", w.AdminAddr()))
	err = w.group.Run(soft, r.Handle)
	w.shutdown(hard)
	cancelSoft()
	bg.Wait()
	return err
}

func (w *Worker) startAdmin(r *runner.Runner) error {
	if w.server == nil {
		return nil
	}
	w.server.AddCheck("kafka", func(ctx context.Context) error {
		_, err := w.admin.Partitions(ctx, w.cfg.Kafka.Topic)
		return err
	})
	w.server.AddCheck("elasticsearch", func(ctx context.Context) error {
		if err := w.bulk.Healthy(); err != nil {
			return err
		}
		return elastic.Ping(ctx, w.es)
	})
	w.server.AddCheck("progress", func(context.Context) error { return r.Stalled() })
	return w.server.Start()
}

// shutdown runs after the group has left: handlers drained and committed.
func (w *Worker) shutdown(hard context.Context) {
	w.bulk.Close()
	if err := w.dlqProd.Close(); err != nil {
		w.log.Warn("closing the DLQ producer failed", zap.Error(err))
	}
	if w.server != nil {
		ctx, cancel := context.WithTimeout(hard, 5*time.Second)
		defer cancel()
		_ = w.server.Close(ctx)
	}
	_ = w.chain.Close(context.Background())
	t := w.metrics.Totals()
	w.log.Info("worker stopped", zap.Float64("consumed", t.Consumed), zap.Float64("indexed", t.Indexed),
		zap.Float64("withdrawn", t.Withdrawn), zap.Float64("stale", t.Stale), zap.Float64("dlq", t.DLQ))
}
