package worker

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	kgo "github.com/segmentio/kafka-go"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/internal/telemetry"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/schemas"
)

// harness gives one integration test its own topics, group, index and alias
// on the real Kafka and Elasticsearch.
type harness struct {
	t   testing.TB
	cfg Config
	es  *elasticsearch.Client
	run string
}

func newHarness(t *testing.T, partitions int) *harness {
	t.Helper()
	return newHarnessTB(t, partitions, t.Name())
}

// newHarnessTB is newHarness for tests and benchmarks, named by the caller.
func newHarnessTB(t testing.TB, partitions int, name string) *harness {
	t.Helper()
	brokers := testenv.KafkaBrokers(t)
	esURL := testenv.ElasticURL(t)
	run := strings.ToLower(testenv.Unique(strings.ReplaceAll(name, "/", "-")))
	cfg := DefaultConfig()
	cfg.Kafka.Brokers = brokers
	cfg.Kafka.Topic = "wwtest." + run
	cfg.Kafka.DLQTopic = "wwtest." + run + ".dlq"
	cfg.Kafka.GroupID = "wwtest-" + run
	cfg.Kafka.Partitions = partitions
	cfg.Elastic.URLs = []string{esURL}
	cfg.Elastic.Alias = "wwtest-" + run
	cfg.Elastic.Index = "wwtest-" + run + "-v1"
	cfg.AdminListen = "127.0.0.1:0"
	cfg.ShutdownTimeout = 30 * time.Second
	h := &harness{t: t, cfg: cfg, run: run}
	var err error
	if h.es, err = elastic.NewClient(cfg.Elastic); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	adm, err := kafka.NewAdmin(cfg.Kafka)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := adm.EnsureTopics(ctx); err != nil {
		t.Fatalf("creating topics: %v", err)
	}
	if err := elastic.CreateIndexFromTemplate(ctx, h.es, schemas.IndexTemplate, cfg.Elastic.Index, cfg.Elastic.Alias); err != nil {
		t.Fatalf("creating index: %v", err)
	}
	t.Cleanup(func() {
		if !t.Failed() {
			_ = elastic.DeleteIndex(context.Background(), h.es, cfg.Elastic.Index)
		}
	})
	return h
}

// story returns a small valid NINJS story i of this run.
func (h *harness) story(i, version int, extra string) kafka.Record {
	uri := fmt.Sprintf("urn:wwtest:%s:%d", h.run, i)
	doc := map[string]any{
		"uri": uri, "version": version, "versioncreated": time.Now().UTC().Format(time.RFC3339),
		"headline": fmt.Sprintf("Story %d version %d", i, version), "language": "en",
		"body_text":       fmt.Sprintf("KYIV (Test Wire) - Story number %d, version %d. %s Ukrainian officials said on Monday that talks in Brussels would go on.\n\nThe talks continue.", i, version, extra),
		"copyrightholder": "Test Wire", "pubstatus": "usable",
	}
	b, _ := json.Marshal(doc)
	return kafka.Record{Key: []byte(uri), Value: b}
}

func (h *harness) uri(i int) string { return fmt.Sprintf("urn:wwtest:%s:%d", h.run, i) }

func (h *harness) produce(recs ...kafka.Record) {
	h.t.Helper()
	p, err := kafka.NewProducer(h.cfg.Kafka, h.cfg.Kafka.Topic, h.cfg.Producer, zap.NewNop())
	if err != nil {
		h.t.Fatal(err)
	}
	defer p.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for len(recs) > 0 {
		n := min(len(recs), 1000)
		if err := p.Publish(ctx, recs[:n]...); err != nil {
			h.t.Fatalf("producing: %v", err)
		}
		recs = recs[n:]
	}
}

// startWorker runs an in-process worker until the returned stop is called
// (graceful) and returns its Run error.
func (h *harness) startWorker(mutate func(*Config)) (*Worker, func() error) {
	h.t.Helper()
	cfg := h.cfg
	if mutate != nil {
		mutate(&cfg)
	}
	w, err := New(cfg, zaptest.NewLogger(h.t, zaptest.Level(zap.WarnLevel)), telemetry.NewRegistry())
	if err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	return w, func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(60 * time.Second):
			h.t.Fatal("worker did not stop within 60s")
			return nil
		}
	}
}

// runUntilIdle runs a worker in the foreground until it has processed the
// whole topic and seen nothing new for two seconds.
func (h *harness) runUntilIdle(mutate func(*Config)) *Worker {
	h.t.Helper()
	cfg := h.cfg
	cfg.UntilIdle = 2 * time.Second
	if mutate != nil {
		mutate(&cfg)
	}
	w, err := New(cfg, zaptest.NewLogger(h.t, zaptest.Level(zap.WarnLevel)), telemetry.NewRegistry())
	if err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	if err := w.Run(ctx); err != nil && ctx.Err() == nil {
		h.t.Fatalf("worker: %v", err)
	}
	if ctx.Err() != nil {
		h.t.Fatal("worker did not finish the topic within 4 minutes")
	}
	return w
}

// docs returns the documents of the alias (refreshing first), by uri.
func (h *harness) docs() map[string]map[string]any {
	h.t.Helper()
	ctx := context.Background()
	r, err := h.es.Indices.Refresh(h.es.Indices.Refresh.WithIndex(h.cfg.Elastic.Alias), h.es.Indices.Refresh.WithContext(ctx))
	if err != nil {
		h.t.Fatalf("refresh: %v", err)
	}
	r.Body.Close()
	out := map[string]map[string]any{}
	body := `{"size":10000,"query":{"match_all":{}},"sort":["_doc"]}`
	resp, err := h.es.Search(h.es.Search.WithIndex(h.cfg.Elastic.Alias), h.es.Search.WithBody(strings.NewReader(body)),
		h.es.Search.WithScroll(time.Minute), h.es.Search.WithContext(ctx))
	for {
		if err != nil {
			h.t.Fatalf("search: %v", err)
		}
		var res struct {
			ScrollID string `json:"_scroll_id"`
			Hits     struct {
				Hits []struct {
					ID     string         `json:"_id"`
					Source map[string]any `json:"_source"`
				} `json:"hits"`
			} `json:"hits"`
		}
		err = json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if err != nil {
			h.t.Fatalf("decode search: %v", err)
		}
		if len(res.Hits.Hits) == 0 {
			return out
		}
		for _, hit := range res.Hits.Hits {
			uri, _ := hit.Source["uri"].(string)
			if _, dup := out[uri]; dup {
				h.t.Fatalf("uri %s indexed twice", uri)
			}
			out[uri] = hit.Source
		}
		resp, err = h.es.Scroll(h.es.Scroll.WithScrollID(res.ScrollID), h.es.Scroll.WithScroll(time.Minute), h.es.Scroll.WithContext(ctx))
	}
}

// waitCount polls until the alias holds n documents or the deadline passes.
func (h *harness) waitCount(n int, d time.Duration) int {
	h.t.Helper()
	deadline := time.Now().Add(d)
	got := -1
	for time.Now().Before(deadline) {
		if got = h.count(); got >= n {
			return got
		}
		time.Sleep(200 * time.Millisecond)
	}
	return got
}

func (h *harness) count() int {
	resp, err := h.es.Count(h.es.Count.WithIndex(h.cfg.Elastic.Alias))
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	var c struct {
		Count int `json:"count"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&c)
	return c.Count
}

// dlq reads n messages from the DLQ topic (failing after a deadline).
func (h *harness) dlq(n int) []kgo.Message {
	h.t.Helper()
	r := kgo.NewReader(kgo.ReaderConfig{Brokers: h.cfg.Kafka.Brokers, Topic: h.cfg.Kafka.DLQTopic, Partition: 0, MaxWait: 100 * time.Millisecond})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out []kgo.Message
	for len(out) < n {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			h.t.Fatalf("read DLQ after %d of %d messages: %v", len(out), n, err)
		}
		out = append(out, m)
	}
	return out
}

// committed returns the group's committed offsets summed over partitions.
func (h *harness) committed() int64 {
	adm, _ := kafka.NewAdmin(h.cfg.Kafka)
	lag, err := adm.Lag(context.Background(), h.cfg.Kafka.GroupID, h.cfg.Kafka.Topic)
	if err != nil {
		h.t.Fatalf("lag: %v", err)
	}
	var sum int64
	for _, v := range lag {
		if v[0] > 0 {
			sum += v[0]
		}
	}
	return sum
}

// repoRoot finds the module root (for the stack script and the binary).
func repoRoot(t testing.TB) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// env returns the WARWIRE_* variables that point a worker process at this
// harness's topics, group and index.
func (h *harness) env() []string {
	c := h.cfg
	return append(os.Environ(),
		"WARWIRE_KAFKA_BROKERS="+strings.Join(c.Kafka.Brokers, ","),
		"WARWIRE_KAFKA_TOPIC="+c.Kafka.Topic, "WARWIRE_KAFKA_DLQ_TOPIC="+c.Kafka.DLQTopic,
		"WARWIRE_KAFKA_GROUP="+c.Kafka.GroupID, "WARWIRE_ES_URL="+strings.Join(c.Elastic.URLs, ","),
		"WARWIRE_ES_ALIAS="+c.Elastic.Alias, "WARWIRE_ES_INDEX="+c.Elastic.Index,
		"WARWIRE_ADMIN_LISTEN=127.0.0.1:0", "WARWIRE_LOG_LEVEL=warn")
}

var _ = config.DefaultLog

// tryProduce produces stories [from, to) and returns the error instead of
// failing the test (for brokers that are still starting).
func tryProduce(h *harness, from, to int) error {
	p, err := kafka.NewProducer(h.cfg.Kafka, h.cfg.Kafka.Topic, h.cfg.Producer, zap.NewNop())
	if err != nil {
		return err
	}
	defer p.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return p.Publish(ctx, h.stories(from, to)...)
}
