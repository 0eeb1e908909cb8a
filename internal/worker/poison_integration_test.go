package worker

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/pipeline"
)

func TestPoisonMessagesGoToTheDLQWithReasons(t *testing.T) {
	h := newHarness(t, 1) // one partition: the DLQ order follows the input order
	huge := strings.Repeat("x", 70<<10)
	immense := "urn:wwtest:immense:" + strings.Repeat("y", 40<<10) // a keyword over Lucene's 32 KB term limit
	poison := []struct {
		value  []byte
		reason string
	}{
		{[]byte(`{"uri": "urn:broken", "headline": `), pipeline.ReasonInvalidJSON},
		{[]byte(`{"headline": "no uri here", "body_text": "text"}`), pipeline.ReasonSchema},
		{[]byte(fmt.Sprintf(`{"uri":"urn:wwtest:big","body_text":%q}`, huge)), pipeline.ReasonTooLarge},
		{[]byte("{\"uri\":\"urn:wwtest:utf8\",\"body_text\":\"bad \xff\xfe bytes\"}"), pipeline.ReasonInvalidUTF8},
		{[]byte(fmt.Sprintf(`{"uri":%q,"headline":"Immense uri","body_text":"Short body."}`, immense)), pipeline.ReasonRejected},
	}
	var recs []kafka.Record
	recs = append(recs, h.story(0, 1, ""))
	for i, p := range poison {
		recs = append(recs, kafka.Record{Key: []byte(fmt.Sprintf("poison-%d", i)), Value: p.value,
			Headers: map[string]string{"origin": "test"}})
		recs = append(recs, h.story(i+1, 1, ""))
	}
	h.produce(recs...)
	start := time.Now().Add(-time.Second)
	w := h.runUntilIdle(func(c *Config) { c.Decode.MaxBytes = 64 << 10 })

	if got, want := len(h.docs()), len(poison)+1; got != want {
		t.Fatalf("index holds %d documents, want the %d good ones", got, want)
	}
	msgs := h.dlq(len(poison))
	for i, m := range msgs {
		hd := map[string]string{}
		for _, x := range m.Headers {
			hd[x.Key] = string(x.Value)
		}
		if hd[kafka.HeaderReason] != poison[i].reason {
			t.Errorf("DLQ message %d: reason %q, want %q (error %q)", i, hd[kafka.HeaderReason], poison[i].reason, hd[kafka.HeaderError])
		}
		if string(m.Value) != string(poison[i].value) || string(m.Key) != fmt.Sprintf("poison-%d", i) {
			t.Errorf("DLQ message %d does not carry the original key and bytes", i)
		}
		wantOffset := strconv.Itoa(2*i + 1)
		if hd[kafka.HeaderTopic] != h.cfg.Kafka.Topic || hd[kafka.HeaderPartition] != "0" || hd[kafka.HeaderOffset] != wantOffset {
			t.Errorf("DLQ message %d: source %s/%s/%s, want %s/0/%s", i, hd[kafka.HeaderTopic], hd[kafka.HeaderPartition], hd[kafka.HeaderOffset], h.cfg.Kafka.Topic, wantOffset)
		}
		if hd[kafka.HeaderStage] == "" || hd[kafka.HeaderError] == "" || hd["origin"] != "test" {
			t.Errorf("DLQ message %d lacks stage, error or the original headers: %v", i, hd)
		}
		if poison[i].reason == pipeline.ReasonRejected && !strings.Contains(hd[kafka.HeaderError], "_exception") {
			t.Errorf("DLQ message %d: error %q does not carry Elasticsearch's error type", i, hd[kafka.HeaderError])
		}
		at, err := time.Parse(time.RFC3339Nano, hd[kafka.HeaderFailedAt])
		if err != nil || at.Before(start) {
			t.Errorf("DLQ message %d: failed-at %q is not a time of this run", i, hd[kafka.HeaderFailedAt])
		}
	}
	for _, p := range poison {
		if got := testutil.ToFloat64(w.metrics.DLQ.WithLabelValues(p.reason)); got != 1 {
			t.Errorf("dlq counter for %s = %v, want 1", p.reason, got)
		}
	}
	if got := h.committed(); got != int64(len(recs)) {
		t.Errorf("committed %d, want %d: the worker must commit past poison", got, len(recs))
	}
}

// TestLargeStoriesWithASmallBudget: a batch whose messages together exceed
// the bytes-in-flight budget must not wait on itself.
func TestLargeStoriesWithASmallBudget(t *testing.T) {
	h := newHarness(t, 1)
	big := strings.Repeat("Long wire copy about the front line. ", 3300) // ~120 KB
	var recs []kafka.Record
	for i := 0; i < 10; i++ {
		recs = append(recs, h.story(i, 1, big))
	}
	h.produce(recs...)
	h.runUntilIdle(func(c *Config) { c.Runner.MaxBytesInFlight = 1 << 20 })
	if got := len(h.docs()); got != 10 {
		t.Fatalf("index holds %d of 10 large stories", got)
	}
}
