package worker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/pipeline"
)

func TestIndexesEveryStoryOnceWithUpdatesAndKills(t *testing.T) {
	h := newHarness(t, 6)
	const n = 600
	var recs []kafka.Record
	for i := 0; i < n; i++ {
		recs = append(recs, h.story(i, 1, ""))
	}
	// Story 1: an update, then a late copy of the older version.
	recs = append(recs, h.story(1, 2, "UPDATED."), h.story(1, 1, "LATE OLD COPY."))
	// Story 2: a kill, then a late copy of the original.
	kill := h.story(2, 2, "")
	kill.Value = []byte(fmt.Sprintf(`{"uri":%q,"version":2,"pubstatus":"canceled","headline":"KILL"}`, h.uri(2)))
	recs = append(recs, kill, h.story(2, 1, "LATE COPY AFTER KILL."))
	// A redelivered duplicate of story 3 (same version).
	recs = append(recs, h.story(3, 1, ""))
	h.produce(recs...)

	w := h.runUntilIdle(nil)

	docs := h.docs()
	if len(docs) != n {
		t.Fatalf("index holds %d documents, want %d", len(docs), n)
	}
	if d := docs[h.uri(1)]; d["version"].(float64) != 2 || !strings.Contains(d["body"].(string), "UPDATED") {
		t.Errorf("story 1 = version %v body %q, want version 2 with the update", d["version"], d["body"])
	}
	d := docs[h.uri(2)]
	if d["withdrawn"] != true || d["pubstatus"] != pipeline.PubStatusCanceled {
		t.Errorf("story 2 = %v, want a withdrawn record", d)
	}
	for _, field := range []string{"body", "headline", "entities"} {
		if _, ok := d[field]; ok {
			t.Errorf("withdrawn story 2 still carries %s", field)
		}
	}
	m := w.metrics
	consumed := testutil.ToFloat64(m.Consumed)
	indexed := testutil.ToFloat64(m.Verdicts.WithLabelValues("indexed"))
	withdrawn := testutil.ToFloat64(m.Verdicts.WithLabelValues("withdrawn"))
	stale := testutil.ToFloat64(m.Verdicts.WithLabelValues("stale"))
	if int(consumed) != len(recs) || int(indexed+withdrawn+stale) != len(recs) {
		t.Errorf("consumed %v, indexed %v + withdrawn %v + stale %v; want all %d accounted for", consumed, indexed, withdrawn, stale, len(recs))
	}
	if tot := m.Totals(); tot.Consumed != consumed || tot.Indexed != indexed || tot.Withdrawn != withdrawn || tot.Stale != stale || tot.DLQ != 0 {
		t.Errorf("Totals %+v disagree with the counters", tot)
	}
	if withdrawn != 1 || stale < 2 {
		t.Errorf("withdrawn %v (want 1), stale %v (want ≥ 2: the late copies)", withdrawn, stale)
	}
	if got := h.committed(); got != int64(len(recs)) {
		t.Errorf("committed offsets sum to %d, want %d", got, len(recs))
	}
}

func consumedOf(w *Worker) float64 { return testutil.ToFloat64(w.metrics.Consumed) }
