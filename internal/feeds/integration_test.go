package feeds

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	kgo "github.com/segmentio/kafka-go"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/internal/testenv"
)

// topicReader reads a topic from where its previous read stopped to the
// current end of every partition.
type topicReader struct {
	kc   config.Kafka
	next map[int]int64
}

func (r *topicReader) readNew(t *testing.T) []kafka.Record {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	d, err := kafka.Dialer(r.kc)
	if err != nil {
		t.Fatal(err)
	}
	var out []kafka.Record
	for p := 0; p < r.kc.Partitions; p++ {
		conn, err := d.DialLeader(ctx, "tcp", r.kc.Brokers[0], r.kc.Topic, p)
		if err != nil {
			t.Fatal(err)
		}
		last, err := conn.ReadLastOffset()
		_ = conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		if last > r.next[p] {
			out = append(out, r.readPartition(ctx, t, p, last)...)
		}
		r.next[p] = last
	}
	return out
}

func (r *topicReader) readPartition(ctx context.Context, t *testing.T, p int, last int64) []kafka.Record {
	rd := kgo.NewReader(kgo.ReaderConfig{Brokers: r.kc.Brokers, Topic: r.kc.Topic, Partition: p, MinBytes: 1, MaxBytes: 10 << 20, MaxWait: 200 * time.Millisecond})
	defer rd.Close()
	if err := rd.SetOffset(r.next[p]); err != nil {
		t.Fatal(err)
	}
	var out []kafka.Record
	for off := r.next[p]; off < last; {
		m, err := rd.ReadMessage(ctx)
		if err != nil {
			t.Fatalf("partition %d offset %d: %v", p, off, err)
		}
		h := map[string]string{}
		for _, x := range m.Headers {
			h[x.Key] = string(x.Value)
		}
		out = append(out, kafka.Record{Key: m.Key, Value: m.Value, Headers: h})
		off = m.Offset + 1
	}
	return out
}

func integrationKafka(t *testing.T) (config.Kafka, *kafka.Producer) {
	t.Helper()
	kc := config.DefaultKafka()
	kc.Brokers = testenv.KafkaBrokers(t)
	kc.Topic = testenv.Unique("warwire-feeds-it")
	kc.DLQTopic = kc.Topic + ".dlq"
	kc.Partitions = 3
	admin, err := kafka.NewAdmin(kc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.EnsureTopics(ctx); err != nil {
		t.Fatal(err)
	}
	prod, err := kafka.NewProducer(kc, kc.Topic, kafka.DefaultProducerConfig(), zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = prod.Close() })
	return kc, prod
}

// TestIntegrationFeedsIntoKafka runs the feed ingester against the fixture
// server and the real Kafka: exactly the expected messages, nothing on a
// second run, an edit once with a higher version, a restart that neither
// repeats nor misses, and a push whose 202 means the story is in Kafka.
func TestIntegrationFeedsIntoKafka(t *testing.T) {
	kc, prod := integrationKafka(t)
	topic := &topicReader{kc: kc, next: map[int]int64{}}
	srv := newFixtureServer(t)
	cfg := testConfig(t)
	good := specsFor(srv, goodPaths()...)
	var badPaths []string
	for p := range badFeeds {
		badPaths = append(badPaths, p)
	}
	ctx := context.Background()

	// 1. Every good story arrives once, keyed by its uri; every bad feed fails.
	first := newHarness(t, cfg, append(specsFor(srv, badPaths...), good...), prod)
	results, err := first.in.PollOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := Failed(results); n != len(badFeeds) {
		t.Errorf("%d feeds failed, want the %d bad ones:\n%s", n, len(badFeeds), Summary(results))
	}
	got := decodeRecords(t, topic.readNew(t))
	if want := allGoodURIs(); !slices.Equal(keysOf(got), want) {
		t.Fatalf("topic holds\n%q\nwant\n%q", keysOf(got), want)
	}

	// 2. A second run sends nothing.
	h := newHarness(t, cfg, good, prod)
	if _, err := h.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if recs := topic.readNew(t); len(recs) != 0 {
		t.Fatalf("second run produced %d messages", len(recs))
	}

	// 3. An item edited at the source arrives once, with a higher version.
	srv.edit("/atom.xml", "six metro stations", "eight metro stations")
	for i := 0; i < 2; i++ {
		if _, err := h.in.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got = decodeRecords(t, topic.readNew(t))
	if len(got) != 1 || got[0].Key != "tag:kharkivbulletin.example,2025:story-5519" || got[0].Msg.Version != "2" {
		t.Fatalf("after the edit: %+v", got)
	}

	// 4. Restart: a new ingester on the same state file sends only what
	// appeared while it was down.
	srv.edit("/ninjs.jsonl", "\n", "\n"+`{"uri":"urn:newsml:eastwire.example:20250307:ew-8009","type":"text","version":"1","headline":"Filed while the ingester was down","body_text":"It must arrive exactly once."}`+"\n")
	restarted := newHarness(t, cfg, good, prod)
	if _, err := restarted.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	got = decodeRecords(t, topic.readNew(t))
	if len(got) != 1 || got[0].Key != "urn:newsml:eastwire.example:20250307:ew-8009" {
		t.Fatalf("after the restart: %q", keysOf(got))
	}

	// 5. Push: 202 means the story can be read from the topic.
	ps, err := NewPushServer(config.DefaultPush(), Deps{Publisher: prod, Store: restarted.store, Metrics: restarted.m, Log: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	push := httptest.NewServer(ps.Handler())
	defer push.Close()
	story, _ := json.Marshal(map[string]any{"uri": "urn:newsml:eastwire.example:push-1", "version": 7, "headline": "Pushed story", "body_text": "Sent by an agency."})
	resp, err := http.Post(push.URL+"/v1/stories", "application/json", bytes.NewReader(story))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("push answered %d", resp.StatusCode)
	}
	got = decodeRecords(t, topic.readNew(t))
	if len(got) != 1 || got[0].Key != "urn:newsml:eastwire.example:push-1" || got[0].Msg.Version != "7" {
		t.Fatalf("after the push: %+v", got)
	}
}
