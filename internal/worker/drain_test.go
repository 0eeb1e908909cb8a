package worker

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
)

// workerRun is what benchWorker measures of one worker process.
type workerRun struct {
	// drain is stories per second from the worker's first consumed message
	// to Elasticsearch confirming the last one: the rate the bulk baseline
	// is compared with, which starts at its first document too.
	drain float64
	// wall is stories per second from starting the process to every story
	// being searchable: drain plus start-up (loading the knowledge base and
	// gazetteer, joining the group) and the index refresh.
	wall float64
	// startup is the time from starting the process to its first consumed
	// message.
	startup time.Duration
	cpu     time.Duration // user + system CPU of the process
	rssKB   int64         // peak resident set size
	// span is the time from starting the process to every story being
	// searchable, and stack Elasticsearch's and Kafka's CPU over it.
	span  time.Duration
	stack stackCPU
	n     int // stories drained
}

// comparison is the bulk baseline measured just before and just after one
// worker run.
type comparison struct {
	bulkBefore, bulkAfter bulkRun
	w                     workerRun
}

// compare runs the bulk baseline, the worker, and the baseline again.
func compare(b *testing.B, recs []kafka.Record, items []elastic.Item, split *cpuSplit) comparison {
	var c comparison
	c.bulkBefore = benchBulk(b, items)
	c.w = benchWorker(b, recs, split)
	c.bulkAfter = benchBulk(b, items)
	return c
}

// bulk is the baseline's rate over both runs: all documents over all the
// time (the harmonic mean of the two rates), so the slower run is not
// under-weighted.
func (c comparison) bulk() float64 {
	return 2 * c.bulkBefore.rate * c.bulkAfter.rate / (c.bulkBefore.rate + c.bulkAfter.rate)
}

func (c comparison) ratio() float64 { return c.w.drain / c.bulk() }

// report reports the comparison's metrics, their names prefixed.
func (c comparison) report(b *testing.B, prefix string) {
	b.ReportMetric(c.bulk(), prefix+"bulk_docs/s")
	b.ReportMetric(c.w.drain, prefix+"worker_docs/s")
	b.ReportMetric(c.ratio(), prefix+"ratio")
	b.ReportMetric(c.w.wall, prefix+"worker_wall_docs/s")
	b.ReportMetric(c.w.cpu.Seconds(), prefix+"worker_cpu_s")
	if c.local() {
		b.ReportMetric(c.bulkESPerDoc(), prefix+"bulk_es_cpu_ms/doc")
		b.ReportMetric(c.w.stack.es.Seconds()*1000/float64(c.w.n), prefix+"worker_es_cpu_ms/doc")
		b.ReportMetric(c.w.stack.kafka.Seconds()*1000/float64(c.w.n), prefix+"worker_kafka_cpu_ms/doc")
	}
}

// bulkESPerDoc is Elasticsearch's CPU per document over both baseline runs,
// in milliseconds.
func (c comparison) bulkESPerDoc() float64 {
	return (c.bulkBefore.stack.es + c.bulkAfter.stack.es).Seconds() * 1000 / float64(c.bulkBefore.n+c.bulkAfter.n)
}

// local reports whether every part found Elasticsearch and Kafka running
// locally, so their CPU was measured.
func (c comparison) local() bool {
	return c.w.stack.local && c.bulkBefore.stack.local && c.bulkAfter.stack.local
}

// cpuAccount says where the CPU went, when the stack is local: the
// baseline's and the worker run's CPU per document for Elasticsearch, Kafka,
// this benchmark process (the bulk client; the producer and polls) and the
// worker, and how busy the machine was in each. The worker's CPU includes
// its idle second before it exits.
func (c comparison) cpuAccount() string {
	if !c.local() {
		return ""
	}
	before, after := c.bulkBefore.stack, c.bulkAfter.stack
	busy := (before.busy(0, c.bulkBefore.took) + after.busy(0, c.bulkAfter.took)) / 2
	idle := (before.kafka + after.kafka).Seconds() / (c.bulkBefore.took + c.bulkAfter.took).Seconds()
	client := (before.bench + after.bench).Seconds() * 1000 / float64(c.bulkBefore.n+c.bulkAfter.n)
	perDoc := func(d time.Duration) float64 { return d.Seconds() * 1000 / float64(c.w.n) }
	return fmt.Sprintf("; CPU in the baseline: Elasticsearch %.2f ms/doc, bulk client %.2f ms/doc, idle Kafka %.2f cores, machine %.0f%% busy; in the worker run: Elasticsearch %.2f ms/doc, Kafka %.2f ms/doc, worker %.2f ms/doc, benchmark %.2f ms/doc, machine %.0f%% busy",
		c.bulkESPerDoc(), client, idle, 100*busy, perDoc(c.w.stack.es), perDoc(c.w.stack.kafka), perDoc(c.w.cpu), perDoc(c.w.stack.bench), 100*c.w.stack.busy(c.w.cpu, c.w.span))
}

func (c comparison) String() string {
	return fmt.Sprintf("bulk %.0f docs/s (%.0f before, %.0f after), worker %.0f docs/s draining (%.0f from process start, start-up %s), ratio %.2f, worker CPU %.1fs",
		c.bulk(), c.bulkBefore.rate, c.bulkAfter.rate, c.w.drain, c.w.wall, c.w.startup.Round(time.Millisecond), c.ratio(), c.w.cpu.Seconds()) + c.cpuAccount()
}

// drainClock watches a worker's Prometheus endpoint while it drains a
// topic of n stories.
type drainClock struct {
	url          string
	n            int
	start        time.Time
	first, last  time.Time // first consumed; last confirmed (zero: not yet)
	scrapeErrors int
}

// poll scrapes the worker's counters once and reports whether every story
// has been confirmed.
func (c *drainClock) poll() bool {
	consumed, done, err := scrapeCounts(c.url)
	now := time.Now()
	if err != nil {
		c.scrapeErrors++ // not listening yet, or already gone
		return false
	}
	if c.first.IsZero() && consumed > 0 {
		c.first = now
	}
	if c.last.IsZero() && done >= float64(c.n) {
		c.last = now
	}
	return !c.last.IsZero()
}

// rate is the drain rate, or 0 before the drain is over.
func (c *drainClock) rate() float64 {
	if c.first.IsZero() || c.last.IsZero() || !c.last.After(c.first) {
		return 0
	}
	return float64(c.n) / c.last.Sub(c.first).Seconds()
}

// scrapeClient gives up on a stalled /metrics, so the wait loop goes on.
var scrapeClient = &http.Client{Timeout: 2 * time.Second}

// scrapeCounts reads the consumed and done counts (see parseCounts) from a
// worker's /metrics.
func scrapeCounts(url string) (consumed, done float64, err error) {
	resp, err := scrapeClient.Get(url)
	if err != nil {
		return 0, 0, fmt.Errorf("failed to scrape %s: %w", url, err)
	}
	defer resp.Body.Close()
	return parseCounts(resp.Body)
}

// parseCounts picks out of a Prometheus text exposition the messages
// consumed and the stories done (with a final verdict: indexed, withdrawn or
// stale).
func parseCounts(r io.Reader) (consumed, done float64, err error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		isDone := strings.HasPrefix(name, "warwire_worker_stories_total{")
		if name != "warwire_worker_consumed_total" && !isDone {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("failed to parse %s: %w", name, err)
		}
		if isDone {
			done += v
		} else {
			consumed = v
		}
	}
	return consumed, done, sc.Err()
}

// freeAddr returns a loopback address with a port that was free just now.
func freeAddr(tb testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// awaitIdleExit waits for the worker to exit by itself (--until-idle; exited
// gets cmd.Wait's result), reading
// its peak RSS until then: VmHWM is the process's own high-water mark.
// (rusage's Maxrss is not used: on Linux a child inherits the parent's RSS
// high-water mark at fork, and this benchmark holds every pre-built document
// in memory.)
func awaitIdleExit(b *testing.B, cmd *exec.Cmd, exited <-chan error, rssKB *int64, logs *strings.Builder) {
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case <-deadline:
			_ = cmd.Process.Kill()
			b.Fatalf("worker did not stop within 2 minutes of finishing; logs:\n%s", logs.String())
		case err := <-exited:
			if err != nil {
				b.Fatalf("worker: %v\n%s", err, logs.String())
			}
			return
		case <-time.After(50 * time.Millisecond):
			*rssKB = max(*rssKB, vmHWM(cmd.Process.Pid))
		}
	}
}

// vmHWM reads a process's peak resident set size in kB from /proc.
func vmHWM(pid int) int64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				v, _ := strconv.ParseInt(f[1], 10, 64)
				return v
			}
		}
	}
	return 0
}

func TestParseCounts(t *testing.T) {
	in := `# HELP warwire_worker_consumed_total Messages consumed from Kafka.
# TYPE warwire_worker_consumed_total counter
warwire_worker_consumed_total 1234
warwire_worker_stories_total{verdict="indexed"} 1200
warwire_worker_stories_total{verdict="withdrawn"} 7
warwire_worker_consumed_totals 99
`
	consumed, done, err := parseCounts(strings.NewReader(in))
	if err != nil || consumed != 1234 || done != 1207 {
		t.Fatalf("parseCounts = %v, %v, %v; want 1234, 1207, nil", consumed, done, err)
	}
	if _, _, err := parseCounts(strings.NewReader("warwire_worker_consumed_total x\n")); err == nil {
		t.Fatal("parseCounts accepted a value that is not a number")
	}
}

func TestDrainClockRate(t *testing.T) {
	t0 := time.Now()
	c := drainClock{n: 100}
	if c.rate() != 0 {
		t.Fatal("rate before the drain started should be 0")
	}
	c.first, c.last = t0, t0.Add(2*time.Second)
	if got := c.rate(); got != 50 {
		t.Fatalf("rate = %v, want 50", got)
	}
}

func TestComparisonBulkIsRateOverBothRuns(t *testing.T) {
	c := comparison{bulkBefore: bulkRun{rate: 500}, bulkAfter: bulkRun{rate: 1000}, w: workerRun{drain: 600}}
	// n docs at 500/s take n/500 s, at 1000/s n/1000 s: 2n docs in 3n/1000 s.
	if got, want := c.bulk(), 2000.0/3; math.Abs(got-want) > 1e-9 {
		t.Fatalf("bulk() = %v, want %v", got, want)
	}
	if got := c.ratio(); math.Abs(got-0.9) > 1e-9 {
		t.Fatalf("ratio() = %v, want 0.9", got)
	}
}
