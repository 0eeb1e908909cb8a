package entities

import (
	"runtime"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
)

var (
	ixOnce sync.Once
	ixTest *Index
	ixErr  error
)

// testIndex compiles the embedded knowledge base once for all tests.
func testIndex(t testing.TB) *Index {
	t.Helper()
	ixOnce.Do(func() { ixTest, ixErr = LoadIndex("") })
	if ixErr != nil {
		t.Fatal(ixErr)
	}
	return ixTest
}

func names(ents []pipeline.Entity) []string {
	out := make([]string, len(ents))
	for i, e := range ents {
		out[i] = e.Name
	}
	return out
}

func hasEntity(ents []pipeline.Entity, name string) bool {
	return findEntity(ents, name) != nil
}

func findEntity(ents []pipeline.Entity, name string) *pipeline.Entity {
	for i := range ents {
		if ents[i].Name == name {
			return &ents[i]
		}
	}
	return nil
}

// checkSpans fails when a span is out of range, empty, or unsorted, or a
// name is not valid UTF-8.
func checkSpans(t testing.TB, body string, ents []pipeline.Entity) {
	t.Helper()
	n := 0
	for range body {
		n++
	}
	for _, e := range ents {
		if !utf8.ValidString(e.Name) || !utf8.ValidString(e.ID) {
			t.Errorf("entity %q has invalid UTF-8", e.Name)
		}
		if e.Mentions != len(e.Spans) || e.Mentions == 0 {
			t.Errorf("entity %s: %d mentions, %d spans", e.Name, e.Mentions, len(e.Spans))
		}
		for i, sp := range e.Spans {
			if sp[0] < 0 || sp[1] > n || sp[0] >= sp[1] || i > 0 && e.Spans[i-1][0] > sp[0] {
				t.Errorf("entity %s: bad span %v (body has %d code points)", e.Name, sp, n)
			}
		}
	}
}

// reportHeap reports the live heap after a collection, in MB.
func reportHeap(b *testing.B) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
}
