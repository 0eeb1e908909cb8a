package worker

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/kafka"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds cmd/warwire once per test run.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "warwire-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "warwire")
		out, err := exec.Command("go", "build", "-o", binPath, filepath.Join(repoRoot(t), "cmd", "warwire")).CombinedOutput()
		if err != nil {
			buildErr = &buildError{out: string(out), err: err}
		}
	})
	if buildErr != nil {
		t.Fatalf("building warwire: %v", buildErr)
	}
	return binPath
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + ": " + e.out }

// startProcess runs `warwire worker` with the harness's environment.
func (h *harness) startProcess(args ...string) (*exec.Cmd, *bytes.Buffer) {
	h.t.Helper()
	cmd := exec.Command(binary(h.t), append([]string{"worker"}, args...)...)
	cmd.Env = h.env()
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })
	return cmd, &logs
}

func (h *harness) stories(from, to int) []kafka.Record {
	recs := make([]kafka.Record, 0, to-from)
	for i := from; i < to; i++ {
		recs = append(recs, h.story(i, 1, "Filler text to give the story some weight on the wire."))
	}
	return recs
}

func TestKill9MidStreamLosesNothing(t *testing.T) {
	h := newHarness(t, 6)
	const n = 4000
	h.produce(h.stories(0, n)...)
	cmd, logs := h.startProcess()
	if got := h.waitCount(400, 2*time.Minute); got < 400 {
		t.Fatalf("only %d documents after 2 minutes; logs:\n%s", got, logs.String())
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_, _ = cmd.Process.Wait()
	mid := h.count()
	t.Logf("killed with %d of %d indexed", mid, n)
	again, logs := h.startProcess("--until-idle", "3s")
	if err := waitExit(again, 4*time.Minute); err != nil {
		t.Fatalf("restarted worker: %v; logs:\n%s", err, logs.String())
	}
	docs := h.docs()
	if len(docs) != n {
		t.Fatalf("index holds %d documents after kill -9 and restart, want exactly %d", len(docs), n)
	}
	for i := 0; i < n; i++ {
		if _, ok := docs[h.uri(i)]; !ok {
			t.Fatalf("story %d is missing", i)
		}
	}
}

func TestGracefulShutdownDrainsAndCommits(t *testing.T) {
	h := newHarness(t, 6)
	const n = 4000
	h.produce(h.stories(0, n)...)
	cmd, logs := h.startProcess()
	if got := h.waitCount(300, 2*time.Minute); got < 300 {
		t.Fatalf("only %d documents after 2 minutes; logs:\n%s", got, logs.String())
	}
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := waitExit(cmd, 30*time.Second); err != nil {
		t.Fatalf("worker did not exit 0 within 30s of SIGTERM: %v; logs:\n%s", err, logs.String())
	}
	t.Logf("graceful stop took %s", time.Since(start).Round(time.Millisecond))
	committed := h.committed()
	indexed := int64(len(h.docs()))
	if committed == 0 || committed > indexed {
		t.Fatalf("committed %d offsets but %d documents indexed: a commit must follow the write", committed, indexed)
	}
	again, logs := h.startProcess("--until-idle", "3s")
	if err := waitExit(again, 4*time.Minute); err != nil {
		t.Fatalf("restarted worker: %v; logs:\n%s", err, logs.String())
	}
	if got := len(h.docs()); got != n {
		t.Fatalf("index holds %d documents, want %d", got, n)
	}
}

func TestSecondWorkerJoiningMidStream(t *testing.T) {
	h := newHarness(t, 6)
	const n = 6000
	h.produce(h.stories(0, n/3)...)
	first, stopFirst := h.startWorker(nil)
	if got := h.waitCount(300, 2*time.Minute); got < 300 {
		t.Fatalf("only %d documents after 2 minutes", got)
	}
	second, stopSecond := h.startWorker(func(c *Config) { c.AdminListen = "" })
	done := make(chan struct{})
	go func() { // stories keep arriving while the group rebalances
		defer close(done)
		for from := n / 3; from < n; from += 200 {
			h.produce(h.stories(from, min(from+200, n))...)
			time.Sleep(50 * time.Millisecond)
		}
	}()
	deadline := time.Now().Add(90 * time.Second)
	for second.Partitions() == 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if second.Partitions() == 0 {
		t.Fatal("the second worker was given no partition within 90s")
	}
	t.Logf("after the rebalance: first has %d partitions, second %d", first.Partitions(), second.Partitions())
	<-done
	if got := h.waitCount(n, 4*time.Minute); got != n {
		t.Fatalf("index holds %d documents, want %d", got, n)
	}
	if consumedOf(second) == 0 || consumedOf(first) == 0 {
		t.Errorf("consumed: first %v, second %v; both must have worked", consumedOf(first), consumedOf(second))
	}
	if err := stopSecond(); err != nil {
		t.Fatal(err)
	}
	if err := stopFirst(); err != nil {
		t.Fatal(err)
	}
	if got := len(h.docs()); got != n {
		t.Fatalf("index holds %d documents after both stopped, want %d (no duplicates, nothing lost)", got, n)
	}
}

func waitExit(cmd *exec.Cmd, d time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		return os.ErrDeadlineExceeded
	}
}
