package worker

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
)

// benchSplit repeats the bulk baseline and the worker run with Elasticsearch
// on its own CPUs, when the machine allows it.
func benchSplit(b *testing.B, records []kafka.Record, items []elastic.Item) {
	split, why := newCPUSplit()
	if split == nil {
		b.Logf("split-CPU run skipped: %s", why)
		return
	}
	split.apply(b)
	defer split.restore(b)
	c := compare(b, records, items, split)
	c.report(b, "split_")
	b.Logf("split CPUs (Elasticsearch on %s, the rest on %s): %s", split.es, split.rest, c)
}

// cpuSplit is the benchmark's second configuration: Elasticsearch on its own
// CPUs, and the worker, Kafka and the benchmark process on the others, so
// the ratio measures whether the worker keeps up with Elasticsearch rather
// than how much CPU it takes from it on shared cores. Production runs
// Elasticsearch on its own nodes; this is the closest a single machine gets.
type cpuSplit struct {
	es, rest string // taskset CPU lists
	all      string // the list to restore
	esPIDs   []int
	restPIDs []int // Kafka and this process
}

// newCPUSplit finds the local stack's Elasticsearch and Kafka processes and
// halves the CPUs between them. It returns a reason instead when the split is
// not possible here (fewer than 2 CPUs, no taskset, services not local).
func newCPUSplit() (*cpuSplit, string) {
	n := runtime.NumCPU()
	if n < 2 {
		return nil, "fewer than 2 CPUs"
	}
	if _, err := exec.LookPath("taskset"); err != nil {
		return nil, "taskset not installed"
	}
	es := pidsWithArg("-Des.path.home=")
	kafka := pidsWithArg("kafka.Kafka")
	if len(es) == 0 || len(kafka) == 0 {
		return nil, "Elasticsearch or Kafka is not a local process"
	}
	half := n / 2
	return &cpuSplit{
		es:       cpuRange(0, half),
		rest:     cpuRange(half, n),
		all:      cpuRange(0, n),
		esPIDs:   es,
		restPIDs: append(kafka, os.Getpid()),
	}, ""
}

// apply pins every thread of each process to its side of the split.
func (s *cpuSplit) apply(tb testing.TB) {
	tb.Helper()
	pinAll(tb, s.esPIDs, s.es)
	pinAll(tb, s.restPIDs, s.rest)
}

// restore lets every process run on every CPU again.
func (s *cpuSplit) restore(tb testing.TB) {
	tb.Helper()
	pinAll(tb, s.esPIDs, s.all)
	pinAll(tb, s.restPIDs, s.all)
}

// command wraps a command line so that it starts on the worker's CPUs.
func (s *cpuSplit) command(name string, args ...string) *exec.Cmd {
	return exec.Command("taskset", append([]string{"-c", s.rest, name}, args...)...)
}

// pinAll sets the CPU affinity of all threads of the given processes.
func pinAll(tb testing.TB, pids []int, cpus string) {
	tb.Helper()
	for _, pid := range pids {
		out, err := exec.Command("taskset", "-a", "-p", "-c", cpus, strconv.Itoa(pid)).CombinedOutput()
		if err != nil {
			tb.Fatalf("taskset %s on pid %d: %v: %s", cpus, pid, err, out)
		}
	}
}

// pidsWithArg lists the processes one of whose arguments contains arg.
func pidsWithArg(arg string) []int {
	paths, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var pids []int
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(raw), arg) {
			continue
		}
		if pid, err := strconv.Atoi(filepath.Base(filepath.Dir(p))); err == nil && pid != os.Getpid() {
			pids = append(pids, pid)
		}
	}
	return pids
}

// cpuRange formats the CPUs [from, to) as a taskset list.
func cpuRange(from, to int) string {
	if to-from == 1 {
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d-%d", from, to-1)
}

func TestCPURange(t *testing.T) {
	for _, c := range []struct {
		from, to int
		want     string
	}{{0, 1, "0"}, {1, 2, "1"}, {0, 2, "0-1"}, {4, 8, "4-7"}} {
		if got := cpuRange(c.from, c.to); got != c.want {
			t.Errorf("cpuRange(%d, %d) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
