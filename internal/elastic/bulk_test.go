package elastic

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
)

// fakeBulk is a small HTTP fake of the _bulk endpoint: it answers each item
// with the status its script gives for that attempt of that id.
type fakeBulk struct {
	mu       sync.Mutex
	attempts map[string]int
	script   func(id string, attempt int) int
	down     atomic.Int32 // requests left to refuse with 503
}

func (f *fakeBulk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Elastic-Product", "Elasticsearch")
	if f.down.Load() > 0 {
		f.down.Add(-1)
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	sc := bufio.NewScanner(r.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var items []string
	for sc.Scan() {
		var action map[string]map[string]any
		if err := json.Unmarshal(sc.Bytes(), &action); err != nil {
			http.Error(w, "bad action", 400)
			return
		}
		id := action["index"]["_id"].(string)
		sc.Scan() // document
		f.mu.Lock()
		f.attempts[id]++
		st := f.script(id, f.attempts[id])
		f.mu.Unlock()
		item := fmt.Sprintf(`{"index":{"_id":%q,"status":%d}}`, id, st)
		if st >= 300 {
			item = fmt.Sprintf(`{"index":{"_id":%q,"status":%d,"error":{"type":"t%d","reason":"r"}}}`, id, st, st)
		}
		items = append(items, item)
	}
	fmt.Fprintf(w, `{"took":1,"errors":true,"items":[%s]}`, strings.Join(items, ","))
}

func newTestWriter(t *testing.T, f *fakeBulk) *BulkWriter {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return writerFor(t, srv.URL)
}

// writerFor returns a bulk writer to url with millisecond backoffs.
func writerFor(t *testing.T, url string) *BulkWriter {
	t.Helper()
	cfg := config.DefaultElastic()
	cfg.URLs = []string{url}
	es, err := NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	bc := DefaultBulkConfig()
	bc.RetryMin, bc.RetryMax, bc.FlushInterval = time.Millisecond, 5*time.Millisecond, 5*time.Millisecond
	w, err := NewBulkWriter(es, "idx", bc, nil, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestBulkVerdictsAndRetriesOnlyFailedItems(t *testing.T) {
	f := &fakeBulk{attempts: map[string]int{}, script: func(id string, attempt int) int {
		switch id {
		case "retry":
			if attempt < 3 {
				return 429
			}
			return 201
		case "flaky":
			if attempt == 1 {
				return 503
			}
			return 200
		case "old":
			return 409
		case "bad":
			return 400
		}
		return 201
	}}
	f.down.Store(2) // the first two requests fail as a whole
	w := newTestWriter(t, f)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	results := map[string]Result{}
	var mu sync.Mutex
	runDone := make(chan struct{})
	go func() { _ = w.Run(ctx); close(runDone) }()
	for _, id := range []string{"ok", "retry", "flaky", "old", "bad", "kill"} {
		id := id
		it := Item{ID: id, Version: 2, Body: []byte(`{}`), Withdrawn: id == "kill", Done: func(r Result) {
			mu.Lock()
			defer mu.Unlock()
			if _, dup := results[id]; dup {
				t.Errorf("Done called twice for %s", id)
			}
			results[id] = r
		}}
		if err := w.Add(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	<-runDone
	want := map[string]Verdict{"ok": Indexed, "retry": Indexed, "flaky": Indexed, "old": Stale, "bad": Poison, "kill": Withdrawn}
	for id, v := range want {
		if results[id].Verdict != v {
			t.Errorf("%s: verdict %v, want %v", id, results[id].Verdict, v)
		}
	}
	if f.attempts["ok"] != 1 {
		t.Errorf("ok sent %d times after the outage, want 1 (only failed items are resent)", f.attempts["ok"])
	}
	if f.attempts["retry"] != 3 {
		t.Errorf("retry sent %d times, want 3", f.attempts["retry"])
	}
	if !strings.Contains(results["bad"].Reason, "t400") {
		t.Errorf("poison reason %q lacks the error type", results["bad"].Reason)
	}
}

func TestBulkHealthReflectsOutage(t *testing.T) {
	f := &fakeBulk{attempts: map[string]int{}, script: func(string, int) int { return 201 }}
	f.down.Store(1000)
	w := newTestWriter(t, f)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _ = w.Run(ctx) }()
	_ = w.Add(ctx, Item{ID: "a", Version: 1, Body: []byte(`{}`), Done: func(Result) {}})
	deadline := time.Now().Add(5 * time.Second)
	for w.Healthy() == nil && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if w.Healthy() == nil {
		t.Fatal("writer reports healthy while every request fails")
	}
	f.down.Store(0)
	for w.Healthy() != nil && time.Now().Before(deadline.Add(5*time.Second)) {
		time.Sleep(5 * time.Millisecond)
	}
	if err := w.Healthy(); err != nil {
		t.Fatalf("writer still unhealthy after recovery: %v", err)
	}
	cancel()
}

func TestExternalVersionKillWins(t *testing.T) {
	if ExternalVersion(3, true) <= ExternalVersion(3, false) {
		t.Fatal("a kill must outrank the same story version")
	}
	if ExternalVersion(4, false) <= ExternalVersion(3, true) {
		t.Fatal("a newer version must outrank an older kill")
	}
}

func TestBulkBisectKeepsTheSecondHalf(t *testing.T) {
	// The whole request is refused (400) whenever it holds "bad"; the first
	// retry of the first half also meets a 503. Every item must still get a
	// verdict: the good ones indexed, "bad" poison.
	var calls atomic.Int32
	f := &fakeBulk{attempts: map[string]int{}, script: func(string, int) int { return 201 }}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
		body := new(strings.Builder)
		_, _ = io.Copy(body, r.Body)
		n := calls.Add(1)
		if strings.Contains(body.String(), `"_id":"bad"`) {
			http.Error(w, `{"error":{"type":"action_request_validation_exception"}}`, 400)
			return
		}
		if n == 2 {
			w.WriteHeader(503)
			return
		}
		r.Body = io.NopCloser(strings.NewReader(body.String()))
		f.ServeHTTP(w, r)
	}))
	defer srv.Close()
	w := writerFor(t, srv.URL)
	got := map[string]Verdict{}
	var mu sync.Mutex
	var items []Item
	for _, id := range []string{"a", "b", "bad", "c"} {
		id := id
		items = append(items, Item{ID: id, Version: 1, Body: []byte(`{}`), Done: func(r Result) {
			mu.Lock()
			defer mu.Unlock()
			got[id] = r.Verdict
		}})
	}
	w.send(context.Background(), items)
	want := map[string]Verdict{"a": Indexed, "b": Indexed, "bad": Poison, "c": Indexed}
	for id, v := range want {
		if got[id] != v {
			t.Errorf("%s: %v, want %v", id, got[id], v)
		}
	}
}

func TestBulkConfigErrorsAreRetriedNotDeadLettered(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
		if calls.Add(1) <= 3 {
			w.WriteHeader(401)
			return
		}
		fmt.Fprint(w, `{"errors":false,"items":[{"index":{"_id":"a","status":201}}]}`)
	}))
	defer srv.Close()
	w := writerFor(t, srv.URL)
	var v Verdict
	w.send(context.Background(), []Item{{ID: "a", Version: 1, Body: []byte(`{}`), Done: func(r Result) { v = r.Verdict }}})
	if v != Indexed || calls.Load() != 4 {
		t.Fatalf("verdict %v after %d calls; a 401 must be retried, not dead-lettered", v, calls.Load())
	}
}

func TestBulkMisalignedResponseIsRetriedWhole(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
		if calls.Add(1) == 1 {
			fmt.Fprint(w, `{"errors":false,"items":[{"index":{"_id":"a","status":201}},{"index":{"_id":"zzz","status":201}}]}`)
			return
		}
		fmt.Fprint(w, `{"errors":false,"items":[{"index":{"_id":"a","status":201}},{"index":{"_id":"b","status":201}}]}`)
	}))
	defer srv.Close()
	w := writerFor(t, srv.URL)
	dones := map[string]int{}
	var items []Item
	for _, id := range []string{"a", "b"} {
		id := id
		items = append(items, Item{ID: id, Version: 1, Body: []byte(`{}`), Done: func(Result) { dones[id]++ }})
	}
	w.send(context.Background(), items)
	if dones["a"] != 1 || dones["b"] != 1 {
		t.Fatalf("Done calls %v, want exactly one each", dones)
	}
}

// TestBulkRequestErrorsNameTheCause: a whole request refused by
// Elasticsearch reports its error type and reason (to the retry log and
// health, or as the dead-letter reason); a body without them is quoted.
func TestBulkRequestErrorsNameTheCause(t *testing.T) {
	answers := []struct {
		status int
		body   string
	}{
		{429, `{"error":{"type":"es_rejected_execution_exception","reason":"queue full"},"status":429}`},
		{400, `{"error":{"type":"action_request_validation_exception","reason":"id is too long"},"status":400}`},
		{413, `<html>too large</html>`},
	}
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
		a := answers[calls.Add(1)-1]
		w.WriteHeader(a.status)
		fmt.Fprint(w, a.body)
	}))
	defer srv.Close()
	w := writerFor(t, srv.URL)
	var res Result
	item := Item{ID: "a", Version: 1, Body: []byte(`{}`), Done: func(r Result) { res = r }}

	_, err := w.attempt(context.Background(), []Item{item})
	if err == nil || !strings.Contains(err.Error(), "es_rejected_execution_exception: queue full") {
		t.Errorf("429: error %v does not name the cause", err)
	}
	for _, want := range []string{"action_request_validation_exception: id is too long", `HTTP 413: "<html>too large</html>"`} {
		res = Result{}
		if retry, err := w.attempt(context.Background(), []Item{item}); err != nil || len(retry) != 0 {
			t.Fatalf("a refused item must be dead-lettered, got retry %d, error %v", len(retry), err)
		}
		if res.Verdict != Poison || !strings.Contains(res.Reason, want) {
			t.Errorf("verdict %v, reason %q; want poison naming %q", res.Verdict, res.Reason, want)
		}
	}
}
