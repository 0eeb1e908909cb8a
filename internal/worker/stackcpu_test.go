package worker

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// stackCPU is CPU time (user + system) used by the local stack's
// Elasticsearch and Kafka processes, so the benchmark can say where the
// machine's CPU went during each part: on shared cores the worker's CPU is
// taken from Elasticsearch, and these figures show how much.
type stackCPU struct {
	es, kafka time.Duration
	bench     time.Duration // this process: the bulk client, producer and polls
	local     bool          // both services were found as local processes
}

// sampleStackCPU reads the CPU used so far by the local Elasticsearch and
// Kafka processes and by this one; local is false when either service is not
// a local process.
func sampleStackCPU() stackCPU {
	es, kafka := pidsWithArg("-Des.path.home="), pidsWithArg("kafka.Kafka")
	return stackCPU{es: procCPU(es), kafka: procCPU(kafka), bench: procCPU([]int{os.Getpid()}),
		local: len(es) > 0 && len(kafka) > 0}
}

// since is the CPU used between an earlier sample and s.
func (s stackCPU) since(earlier stackCPU) stackCPU {
	return stackCPU{es: s.es - earlier.es, kafka: s.kafka - earlier.kafka, bench: s.bench - earlier.bench,
		local: s.local && earlier.local}
}

// clockTicks is Linux's USER_HZ, the unit of /proc/PID/stat's CPU times
// (100 on every architecture Go supports on Linux).
const clockTicks = 100

// procCPU sums user and system CPU time of the given processes from
// /proc/PID/stat (fields 14 and 15); a process that is gone counts 0.
func procCPU(pids []int) time.Duration {
	var ticks int64
	for _, pid := range pids {
		raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		s := string(raw)
		// The command name (field 2) is in parentheses and may hold spaces;
		// fields from 3 on follow the last ')'.
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		k, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + k
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

// busy is the share of the machine's CPU capacity over span that
// Elasticsearch, Kafka, this process and the worker (worker CPU given) used
// together.
func (s stackCPU) busy(worker, span time.Duration) float64 {
	if span <= 0 {
		return 0
	}
	return (s.es + s.kafka + s.bench + worker).Seconds() / (span.Seconds() * float64(runtime.NumCPU()))
}

// TestProcCPUReadsThisProcess checks the /proc parsing against getrusage
// for this process, after burning some CPU.
func TestProcCPUReadsThisProcess(t *testing.T) {
	// Burn 150 ms of CPU by getrusage's count (however busy the machine).
	x, until := uint64(1), selfCPU(t)+150*time.Millisecond
	for start := time.Now(); selfCPU(t) < until && time.Since(start) < time.Minute; {
		for range 100000 {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	got := procCPU([]int{os.Getpid()})
	want := selfCPU(t)
	// /proc counts in 10 ms ticks, sampled a little apart from getrusage.
	if got < 100*time.Millisecond || got > want+50*time.Millisecond || got < want-100*time.Millisecond {
		t.Fatalf("procCPU = %v, getrusage says %v (x=%d)", got, want, x)
	}
	if procCPU([]int{1 << 30}) != 0 {
		t.Fatal("a missing process should count 0")
	}
}

// selfCPU is this process's user + system CPU time by getrusage.
func selfCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestStackCPUBusyShare(t *testing.T) {
	s := stackCPU{es: 3 * time.Second, kafka: time.Second, bench: time.Second, local: true}
	// 5 s of stack and benchmark CPU plus 2 s of worker CPU over 3 s on n CPUs.
	want := 7.0 / (3 * float64(runtime.NumCPU()))
	if got := s.busy(2*time.Second, 3*time.Second); got != want {
		t.Fatalf("busy = %v, want %v", got, want)
	}
	if d := (stackCPU{es: 5, kafka: 7, bench: 9, local: true}).since(stackCPU{es: 2, kafka: 3, bench: 4}); d.es != 3 || d.kafka != 4 || d.bench != 5 || d.local {
		t.Fatalf("since = %+v", d)
	}
}
