package runner

import (
	"sort"
	"sync"
)

// entry states in a tracker.
const (
	pending uint8 = iota
	done
	abandoned
)

// tracker follows the offsets of one partition from fetch to final verdict.
// Offsets are added in fetch order (increasing); the committable offset is the
// first one not done, so a commit never passes a message that has not reached
// Elasticsearch or the DLQ. An abandoned offset (its batch was cut short by
// shutdown) is never done: it and everything after it are redelivered.
type tracker struct {
	mu      sync.Mutex
	offsets []int64
	state   []uint8
	head    int
	next    int64 // committable offset when the queue is empty
	open    int   // pending entries
}

func newTracker(start int64) *tracker { return &tracker{next: start} }

// add registers a fetched offset as pending.
func (t *tracker) add(off int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.offsets = append(t.offsets, off)
	t.state = append(t.state, pending)
	t.open++
}

// finish marks off done (or abandoned) and advances the frontier.
func (t *tracker) finish(off int64, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	i := t.find(off)
	if i < 0 || t.state[i] != pending {
		return
	}
	t.open--
	if !ok {
		t.state[i] = abandoned
		return
	}
	t.state[i] = done
	for t.head < len(t.offsets) && t.state[t.head] == done {
		t.next = t.offsets[t.head] + 1
		t.head++
	}
	if t.head > 1024 && t.head*2 > len(t.offsets) {
		t.offsets = append(t.offsets[:0], t.offsets[t.head:]...)
		t.state = append(t.state[:0], t.state[t.head:]...)
		t.head = 0
	}
}

func (t *tracker) find(off int64) int {
	live := t.offsets[t.head:]
	i := sort.Search(len(live), func(i int) bool { return live[i] >= off })
	if i < len(live) && live[i] == off {
		return t.head + i
	}
	return -1
}

// committable returns the offset the group may resume from: every offset
// below it is done.
func (t *tracker) committable() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.next
}

// pending returns how many offsets still wait for a verdict.
func (t *tracker) pending() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.open
}
