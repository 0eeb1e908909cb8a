package runner

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/warwire/warwire/pipeline"
)

// Metrics are the worker's Prometheus instruments. The counters satisfy:
// consumed = indexed + withdrawn + stale + dlq (+ in flight).
type Metrics struct {
	Consumed      prometheus.Counter
	Verdicts      *prometheus.CounterVec // verdict: indexed, withdrawn, stale
	DLQ           *prometheus.CounterVec // reason
	Retries       prometheus.Counter
	BulkLatency   prometheus.Histogram
	BulkErrors    prometheus.Counter
	EndToEnd      *prometheus.HistogramVec // from: versioncreated, kafka
	Lag           *prometheus.GaugeVec     // partition
	BytesInFlight prometheus.Gauge
	Commits       *prometheus.CounterVec // result: ok, error
	StageLatency  *prometheus.HistogramVec
	StageFailures *prometheus.CounterVec // stage, reason
}

// NewMetrics registers the worker metrics on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	m := &Metrics{
		Consumed:      prometheus.NewCounter(prometheus.CounterOpts{Name: "warwire_worker_consumed_total", Help: "Messages consumed from Kafka."}),
		Verdicts:      prometheus.NewCounterVec(prometheus.CounterOpts{Name: "warwire_worker_stories_total", Help: "Stories with a final Elasticsearch verdict, by verdict (indexed, withdrawn, stale)."}, []string{"verdict"}),
		DLQ:           prometheus.NewCounterVec(prometheus.CounterOpts{Name: "warwire_worker_dlq_total", Help: "Messages written to the dead-letter topic, by reason."}, []string{"reason"}),
		Retries:       prometheus.NewCounter(prometheus.CounterOpts{Name: "warwire_worker_bulk_retries_total", Help: "Documents resent after a 429/5xx or a failed bulk request."}),
		BulkLatency:   prometheus.NewHistogram(prometheus.HistogramOpts{Name: "warwire_worker_bulk_seconds", Help: "Latency of bulk requests.", Buckets: prometheus.ExponentialBuckets(0.005, 2, 12)}),
		BulkErrors:    prometheus.NewCounter(prometheus.CounterOpts{Name: "warwire_worker_bulk_errors_total", Help: "Bulk requests that failed as a whole."}),
		EndToEnd:      prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "warwire_worker_end_to_end_seconds", Help: "Time from the story's versioncreated or the Kafka timestamp to indexed.", Buckets: prometheus.ExponentialBuckets(0.05, 2, 16)}, []string{"from"}),
		Lag:           prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "warwire_worker_partition_lag", Help: "Messages behind the partition's high-water mark at the last fetch."}, []string{"partition"}),
		BytesInFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "warwire_worker_bytes_in_flight", Help: "Bytes of messages fetched and not yet done."}),
		Commits:       prometheus.NewCounterVec(prometheus.CounterOpts{Name: "warwire_worker_commits_total", Help: "Offset commits, by result."}, []string{"result"}),
		StageLatency:  prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "warwire_stage_seconds", Help: "Time a stage takes for one batch.", Buckets: prometheus.ExponentialBuckets(0.0001, 3, 12)}, []string{"stage"}),
		StageFailures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "warwire_stage_failures_total", Help: "Stories a stage rejected, by stage and reason."}, []string{"stage", "reason"}),
	}
	for _, c := range []prometheus.Collector{m.Consumed, m.Verdicts, m.DLQ, m.Retries, m.BulkLatency, m.BulkErrors,
		m.EndToEnd, m.Lag, m.BytesInFlight, m.Commits, m.StageLatency, m.StageFailures} {
		f(c)
	}
	return m
}

// BulkDone implements elastic.Observer.
func (m *Metrics) BulkDone(took time.Duration, _ int, err error) {
	m.BulkLatency.Observe(took.Seconds())
	if err != nil {
		m.BulkErrors.Inc()
	}
}

// Retried implements elastic.Observer.
func (m *Metrics) Retried(items int) { m.Retries.Add(float64(items)) }

func (m *Metrics) lag(partition int, lag int64) {
	m.Lag.WithLabelValues(strconv.Itoa(partition)).Set(float64(lag))
}

// Instrument decorates a stage with latency and failure metrics.
func Instrument(s pipeline.Stage, m *Metrics) pipeline.Stage {
	return &instrumented{Stage: s, m: m, lat: m.StageLatency.WithLabelValues(s.Name())}
}

type instrumented struct {
	pipeline.Stage
	m   *Metrics
	lat prometheus.Observer
}

var _ pipeline.Stage = (*instrumented)(nil)

// Version forwards the wrapped stage's version, if it has one.
func (i *instrumented) Version() string {
	if v, ok := i.Stage.(interface{ Version() string }); ok {
		return v.Version()
	}
	return "0"
}

// Process times the wrapped stage and counts the stories it rejected.
func (i *instrumented) Process(ctx context.Context, batch []*pipeline.Story) error {
	before := make([]bool, len(batch))
	for k, s := range batch {
		before[k] = s.Failed()
	}
	start := time.Now()
	err := i.Stage.Process(ctx, batch)
	i.lat.Observe(time.Since(start).Seconds())
	for k, s := range batch {
		if !before[k] && s.Failed() {
			i.m.StageFailures.WithLabelValues(i.Name(), s.Failure.Reason).Inc()
		}
	}
	return err
}

// Totals are the worker's counters at one moment, for the closing log line.
type Totals struct {
	Consumed, Indexed, Withdrawn, Stale, DLQ float64
}

// Totals reads the counters.
func (m *Metrics) Totals() Totals {
	return Totals{
		Consumed:  value(m.Consumed),
		Indexed:   value(m.Verdicts.WithLabelValues("indexed")),
		Withdrawn: value(m.Verdicts.WithLabelValues("withdrawn")),
		Stale:     value(m.Verdicts.WithLabelValues("stale")),
		DLQ:       sumVec(m.DLQ),
	}
}

func value(c prometheus.Counter) float64 {
	var d dto.Metric
	if err := c.Write(&d); err != nil || d.Counter == nil {
		return 0
	}
	return d.Counter.GetValue()
}

func sumVec(v *prometheus.CounterVec) float64 {
	ch := make(chan prometheus.Metric, 64)
	go func() { v.Collect(ch); close(ch) }()
	total := 0.0
	for m := range ch {
		var d dto.Metric
		if m.Write(&d) == nil && d.Counter != nil {
			total += d.Counter.GetValue()
		}
	}
	return total
}
