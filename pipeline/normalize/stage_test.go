package normalize

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

func TestProcess(t *testing.T) {
	n := New()
	failed := &pipeline.Story{BodyText: "  untouched  "}
	failed.Fail("decode", pipeline.ReasonInvalidJSON, errors.New("bad"))
	ok := &pipeline.Story{BodyText: "WASHINGTON — The Senate voted."}
	if err := n.Process(context.Background(), []*pipeline.Story{failed, nil, ok}); err != nil {
		t.Fatalf("Process: %v", err)
	}
	if failed.Body != "" || failed.BodyText != "  untouched  " {
		t.Errorf("failed story was processed: %+v", failed)
	}
	if ok.Body != "The Senate voted." || ok.Dateline == nil || ok.Failed() {
		t.Errorf("story not normalised: body %q dateline %+v failure %v", ok.Body, ok.Dateline, ok.Failure)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	late := &pipeline.Story{BodyText: "text"}
	if err := n.Process(ctx, []*pipeline.Story{late}); !errors.Is(err, context.Canceled) {
		t.Errorf("Process with a cancelled context = %v, want context.Canceled", err)
	}
	if late.Body != "" {
		t.Error("story processed after the context ended")
	}
	if n.Name() != Name || n.Version() == "" || n.Close(context.Background()) != nil {
		t.Error("Name, Version or Close misbehave")
	}
}

func TestProcessConcurrentBatches(t *testing.T) {
	n := New()
	raw := readFixture(t, "story-en.txt")
	var wg sync.WaitGroup
	batches := make([][]*pipeline.Story, 4)
	for i := range batches {
		for range 8 {
			batches[i] = append(batches[i], &pipeline.Story{BodyText: raw})
		}
		wg.Add(1)
		go func(b []*pipeline.Story) {
			defer wg.Done()
			if err := n.Process(context.Background(), b); err != nil {
				t.Errorf("Process: %v", err)
			}
		}(batches[i])
	}
	wg.Wait()
	want := batches[0][0].Body
	for _, b := range batches {
		for _, s := range b {
			if s.Body != want || len(s.Captions) != 4 {
				t.Fatal("concurrent batches gave different results")
			}
		}
	}
}
