//go:build disruptive

// These tests stop and restart the shared local Elasticsearch and Kafka, so
// they run on their own, after the other packages' tests:
//
//	go test -tags disruptive -run TestDisruptive ./internal/worker
//
// (make test and .ci/run do this.)
package worker

import (
	"context"
	"net/http"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func stack(t *testing.T, sub string) {
	t.Helper()
	out, err := exec.Command("bash", filepath.Join(repoRoot(t), "deploy", "local", "stack.sh"), sub).CombinedOutput()
	if err != nil {
		t.Fatalf("stack.sh %s: %v\n%s", sub, err, out)
	}
}

func readyz(w *Worker) int {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get("http://" + w.AdminAddr() + "/readyz")
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitStatus polls /readyz until it answers want.
func waitStatus(t *testing.T, w *Worker, want int, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if readyz(w) == want {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("/readyz did not answer %d within %s (last %d)", want, d, readyz(w))
}

func TestDisruptiveElasticsearchOutage(t *testing.T) {
	h := newHarness(t, 6)
	const n = 3000
	h.produce(h.stories(0, n/2)...)
	w, stop := h.startWorker(nil)
	defer func() { stack(t, "es-start") }() // never leave the stack without ES
	if got := h.waitCount(200, 2*time.Minute); got < 200 {
		t.Fatalf("only %d documents before the outage", got)
	}
	waitStatus(t, w, http.StatusOK, 30*time.Second)
	stack(t, "es-stop")
	outage := time.Now()
	h.produce(h.stories(n/2, n)...) // stories keep arriving while ES is down
	waitStatus(t, w, http.StatusServiceUnavailable, 30*time.Second)
	time.Sleep(time.Until(outage.Add(20 * time.Second)))
	stack(t, "es-start")
	if got := h.waitCount(n, 3*time.Minute); got != n {
		t.Fatalf("index holds %d documents after Elasticsearch came back, want %d", got, n)
	}
	waitStatus(t, w, http.StatusOK, time.Minute)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := len(h.docs()); got != n {
		t.Fatalf("index holds %d documents, want exactly %d", got, n)
	}
	if retries := w.metrics.Retries; retries == nil {
		t.Fatal("no retry metric")
	}
}

func TestDisruptiveKafkaBrokerRestart(t *testing.T) {
	h := newHarness(t, 6)
	const n = 3000
	h.produce(h.stories(0, n/2)...)
	_, stop := h.startWorker(nil)
	defer func() { stack(t, "kafka-start") }()
	if got := h.waitCount(200, 2*time.Minute); got < 200 {
		t.Fatalf("only %d documents before the restart", got)
	}
	stack(t, "kafka-restart")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for ctx.Err() == nil { // the broker needs a moment before it takes writes
		if err := tryProduce(h, n/2, n); err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	if got := h.waitCount(n, 4*time.Minute); got != n {
		t.Fatalf("index holds %d documents after the broker restart, want %d", got, n)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := len(h.docs()); got != n {
		t.Fatalf("index holds %d documents, want exactly %d", got, n)
	}
}
