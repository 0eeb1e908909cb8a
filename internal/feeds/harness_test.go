package feeds

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/feeds/parse"
	"github.com/warwire/warwire/internal/feeds/state"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/schemas"
)

// goodFeeds maps each good fixture path to the URIs of its text stories.
var goodFeeds = map[string][]string{
	"/rss.xml": {
		"https://dniprodesk.example/news/2025/03/power-restored-zaporizhzhia",
		"urn:guid:127.0.0.1:dd-2025-03-04-0112",
		"https://dniprodesk.example/news/2025/03/evacuation-pokrovsk",
	},
	"/atom.xml": {
		"tag:kharkivbulletin.example,2025:story-5521",
		"tag:kharkivbulletin.example,2025:story-5519",
	},
	"/ninjs-1.json": {"urn:newsml:eastwire.example:20250306:ew-7781"},
	"/ninjs-2.json": {
		"urn:newsml:eastwire.example:20250306:ew-7790",
		"urn:newsml:eastwire.example:20250305:ew-7702",
	},
	"/ninjs.jsonl": {
		"urn:newsml:eastwire.example:20250307:ew-8001",
		"urn:newsml:eastwire.example:20250307:ew-8002",
		"urn:newsml:eastwire.example:20250307:ew-8004",
	},
	"/newsml-item.xml": {"urn:newsml:steppe-news.example:20250308:sn-3304"},
	"/newsml-message.xml": {
		"urn:newsml:steppe-news.example:20250309:sn-3401",
		"urn:newsml:steppe-news.example:20250309:sn-3402",
		"urn:newsml:steppe-news.example:20250301:sn-3120",
	},
	"/cp1251.xml": {
		"https://poltava-visnyk.example/news/pereselentsi-sumshchyna",
		"https://poltava-visnyk.example/news/kremenchuk-voda",
	},
	"/koi8r.xml": {"urn:guid:127.0.0.1:obz-20250310-17"},
}

// badFeeds maps each bad fixture path to the kind of error it must give.
var badFeeds = map[string]string{
	"/error-page.xml": parse.KindNotAFeed,
	"/malformed.xml":  parse.KindMalformed,
	"/loop/a":         KindRedirects,
	"/bomb.xml":       KindTooLarge,
	"/huge.xml":       KindTooLarge,
	"/slow.xml":       KindTimeout,
	"/status500":      KindHTTPStatus,
	"/missing.xml":    KindHTTPStatus,
}

func allGoodURIs() []string {
	var out []string
	for _, uris := range goodFeeds {
		out = append(out, uris...)
	}
	sort.Strings(out)
	return out
}

func testConfig(t testing.TB) config.Feeds {
	cfg := config.DefaultFeeds()
	cfg.StateFile = filepath.Join(t.TempDir(), "state.json")
	cfg.Timeout = 3 * time.Second
	cfg.Retries = 1
	cfg.BackoffBase = 10 * time.Millisecond
	cfg.BackoffMax = 50 * time.Millisecond
	cfg.HostInterval = 0
	cfg.HostConcurrency = 8
	cfg.MaxBytes = 1 << 20
	return cfg
}

func specsFor(srv *fixtureServer, paths ...string) []config.FeedSpec {
	out := make([]config.FeedSpec, len(paths))
	for i, p := range paths {
		out[i] = config.FeedSpec{Name: p, URL: srv.URL + p}
	}
	return out
}

func goodPaths() []string {
	var out []string
	for p := range goodFeeds {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

type harness struct {
	in    *Ingester
	pub   Publisher
	store *state.Store
	m     *Metrics
	reg   *prometheus.Registry
	logs  *observer.ObservedLogs
}

func newHarness(t testing.TB, cfg config.Feeds, specs []config.FeedSpec, pub Publisher) *harness {
	t.Helper()
	core, logs := observer.New(zapcore.DebugLevel)
	log := zap.New(core)
	store, err := state.Open(cfg.StateFile, log)
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	in, err := New(cfg, specs, Deps{Publisher: pub, Store: store, Metrics: m, Log: log})
	if err != nil {
		t.Fatal(err)
	}
	return &harness{in: in, pub: pub, store: store, m: m, reg: reg, logs: logs}
}

// decoded is a published record, decoded and checked against the schema.
type decoded struct {
	Key     string
	Msg     parse.Message
	Headers map[string]string
}

func decodeRecords(t testing.TB, recs []kafka.Record) []decoded {
	t.Helper()
	out := make([]decoded, 0, len(recs))
	for _, r := range recs {
		var m parse.Message
		if err := json.Unmarshal(r.Value, &m); err != nil {
			t.Fatalf("record %s: %v", r.Key, err)
		}
		if err := schemas.ValidateStory(json.RawMessage(r.Value)); err != nil {
			t.Fatalf("record %s is not a valid story: %v", r.Key, err)
		}
		if string(r.Key) != m.URI {
			t.Fatalf("key %q differs from uri %q", r.Key, m.URI)
		}
		out = append(out, decoded{Key: string(r.Key), Msg: m, Headers: r.Headers})
	}
	return out
}

func keysOf(ds []decoded) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Key
	}
	sort.Strings(out)
	return out
}

func counterValue(t testing.TB, c *prometheus.CounterVec, labels ...string) float64 {
	t.Helper()
	return testutil.ToFloat64(c.WithLabelValues(labels...))
}
