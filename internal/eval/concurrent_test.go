package eval

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/enrich"
)

// TestConcurrentBatches runs the chain on several batches at once (as the
// worker does) and expects exactly the sequential results.
func TestConcurrentBatches(t *testing.T) {
	items, err := Load(goldPath, SplitDev)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := enrich.Build(enrich.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	run := func(it Item) string {
		st := &pipeline.Story{Raw: it.Story}
		if err := process(context.Background(), chain, st); err != nil {
			t.Error(err)
		}
		b, _ := json.Marshal([]any{st.Entities, st.Stances, st.Quotes})
		return string(b)
	}
	want := make([]string, len(items))
	for i, it := range items {
		want[i] = run(it)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, it := range items {
				if got := run(it); got != want[i] {
					t.Errorf("story %d differs when run concurrently", i)
				}
			}
		}()
	}
	wg.Wait()
}
