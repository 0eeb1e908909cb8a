package elastic

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// gatedBulk is an HTTP fake of _bulk that records each request's item
// count and holds every request until its gate is opened.
type gatedBulk struct {
	mu    sync.Mutex
	sizes []int
	gate  chan struct{}
}

func (g *gatedBulk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Elastic-Product", "Elasticsearch")
	var items []string
	sc := bufio.NewScanner(r.Body)
	for sc.Scan() {
		var action struct {
			Index struct {
				ID string `json:"_id"`
			} `json:"index"`
		}
		if err := json.Unmarshal(sc.Bytes(), &action); err != nil {
			http.Error(w, "bad action", http.StatusBadRequest)
			return
		}
		items = append(items, fmt.Sprintf(`{"index":{"_id":%q,"status":201}}`, action.Index.ID))
		sc.Scan() // the document
	}
	g.mu.Lock()
	g.sizes = append(g.sizes, len(items))
	g.mu.Unlock()
	<-g.gate
	fmt.Fprintf(w, `{"took":1,"errors":false,"items":[%s]}`, strings.Join(items, ","))
}

func (g *gatedBulk) requests() []int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]int(nil), g.sizes...)
}

// TestBulkBatchGrowsWhileSendersAreBusy: items that arrive while every
// sender waits on Elasticsearch go out together as one request once a
// sender is free, not as one small request per flush interval.
func TestBulkBatchGrowsWhileSendersAreBusy(t *testing.T) {
	g := &gatedBulk{gate: make(chan struct{})}
	srv := httptest.NewServer(g)
	defer srv.Close()
	w := writerFor(t, srv.URL) // flush interval 5 ms
	w.cfg.Workers = 1
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { _ = w.Run(ctx); close(done) }()
	var verdicts sync.WaitGroup
	add := func(i int) {
		verdicts.Add(1)
		it := Item{ID: fmt.Sprint(i), Version: 1, Body: []byte(`{}`), Done: func(Result) { verdicts.Done() }}
		if err := w.Add(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	add(0)
	waitFor(t, func() bool { return len(g.requests()) == 1 }) // the only sender is now busy
	for i := 1; i <= 40; i++ {                                // 40 items over ~8 flush intervals
		add(i)
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	close(g.gate) // Elasticsearch answers from now on
	waitGroup(t, &verdicts)
	w.Close()
	<-done
	if got := g.requests(); len(got) != 2 || got[0] != 1 || got[1] != 40 {
		t.Fatalf("bulk requests held %v items; want [1 40]: the batch built while the sender was busy should go out whole", got)
	}
}

// TestBulkQuietFeedIsFlushedByInterval: a lone item goes out when its
// flush interval (5 ms here) has passed and a sender is idle, not only when
// the batch fills (which it never does here). It guards the quiet feed
// against the backlog behaviour above: a due batch waits only for a busy
// sender, never for more items.
func TestBulkQuietFeedIsFlushedByInterval(t *testing.T) {
	g := &gatedBulk{gate: make(chan struct{})}
	close(g.gate)
	srv := httptest.NewServer(g)
	defer srv.Close()
	w := writerFor(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { _ = w.Run(ctx); close(done) }()
	got := make(chan Result, 1)
	if err := w.Add(ctx, Item{ID: "a", Version: 1, Body: []byte(`{}`), Done: func(r Result) { got <- r }}); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if r.Verdict != Indexed {
			t.Errorf("verdict %v, want indexed", r.Verdict)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a lone item was not flushed within 5 s (interval 5 ms)")
	}
	w.Close()
	<-done
	if reqs := g.requests(); len(reqs) != 1 || reqs[0] != 1 {
		t.Fatalf("bulk requests held %v items; want one request of the one item", reqs)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
	}
}

// waitGroup waits for wg, failing the test after 5 s instead of hanging.
func waitGroup(t *testing.T, wg *sync.WaitGroup) {
	t.Helper()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("not every item got its verdict within 5 s")
	}
}
