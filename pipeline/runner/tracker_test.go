package runner

import (
	"math/rand/v2"
	"testing"
)

func TestTrackerCommitsOnlyContiguousDone(t *testing.T) {
	tr := newTracker(100)
	for off := int64(100); off < 105; off++ {
		tr.add(off)
	}
	tr.finish(101, true)
	tr.finish(102, true)
	if got := tr.committable(); got != 100 {
		t.Fatalf("committable = %d with 100 pending, want 100", got)
	}
	tr.finish(100, true)
	if got := tr.committable(); got != 103 {
		t.Fatalf("committable = %d, want 103", got)
	}
	if got := tr.pending(); got != 2 {
		t.Fatalf("pending = %d, want 2", got)
	}
}

func TestTrackerAbandonedBlocksCommit(t *testing.T) {
	tr := newTracker(0)
	for off := int64(0); off < 3; off++ {
		tr.add(off)
	}
	tr.finish(0, true)
	tr.finish(1, false)
	tr.finish(2, true)
	if got := tr.committable(); got != 1 {
		t.Fatalf("committable = %d past an abandoned offset, want 1", got)
	}
	if got := tr.pending(); got != 0 {
		t.Fatalf("pending = %d, want 0 (abandoned is not pending)", got)
	}
}

func TestTrackerGapsAndRandomOrder(t *testing.T) {
	tr := newTracker(10)
	var offs []int64
	for off := int64(10); off < 5000; off += 1 + int64(off%3) { // gaps like compacted topics
		offs = append(offs, off)
		tr.add(off)
	}
	perm := rand.Perm(len(offs))
	for i, k := range perm {
		tr.finish(offs[k], true)
		if i == len(perm)/2 {
			c := tr.committable()
			for _, o := range offs {
				if o < c && !doneBefore(perm[:i+1], offs, o) {
					t.Fatalf("committable %d passes offset %d that is not done", c, o)
				}
			}
		}
	}
	if got, want := tr.committable(), offs[len(offs)-1]+1; got != want {
		t.Fatalf("committable = %d after all done, want %d", got, want)
	}
	tr.finish(offs[0], true) // a second finish is ignored
	if tr.pending() != 0 {
		t.Fatalf("pending = %d, want 0", tr.pending())
	}
}

func doneBefore(idx []int, offs []int64, o int64) bool {
	for _, k := range idx {
		if offs[k] == o {
			return true
		}
	}
	return false
}

func TestMailboxKeepsEverything(t *testing.T) {
	m := newMailbox[int]()
	for i := 0; i < 1000; i++ {
		m.post(i)
	}
	got := m.take()
	if len(got) != 1000 || got[999] != 999 {
		t.Fatalf("took %d items, want 1000 in order", len(got))
	}
	if m.take() != nil {
		t.Fatal("second take is not empty")
	}
}
