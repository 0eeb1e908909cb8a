package runner

import (
	"context"
	"strings"
	"testing"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/pipeline"
)

// panicky panics on any batch holding a story whose raw value contains "boom".
type panicky struct{}

func (panicky) Name() string { return "panicky" }
func (panicky) Process(_ context.Context, b []*pipeline.Story) error {
	for _, s := range b {
		if strings.Contains(string(s.Raw), "boom") {
			panic("index out of range")
		}
		s.Headline = "enriched " + string(s.Raw)
	}
	return nil
}
func (panicky) Close(context.Context) error { return nil }

func TestPanicFailsOnlyTheCulprit(t *testing.T) {
	r := &Runner{chain: panicky{}, log: zap.NewNop()}
	p := &partition{r: r, log: zap.NewNop(), drain: context.Background()}
	msgs := []kafka.Message{{Offset: 1, Value: []byte("a")}, {Offset: 2, Value: []byte("boom")}, {Offset: 3, Value: []byte("c")}}
	stories := newStories(msgs)
	if err := p.runChain(stories); err != nil {
		t.Fatal(err)
	}
	if stories[0].Headline != "enriched a" || stories[2].Headline != "enriched c" {
		t.Fatalf("healthy stories not enriched: %q %q", stories[0].Headline, stories[2].Headline)
	}
	if !stories[1].Failed() || stories[1].Failure.Reason != pipeline.ReasonPanic || stories[1].Source.Offset != 2 {
		t.Fatalf("culprit: %+v", stories[1].Failure)
	}
	if !strings.Contains(stories[1].Failure.Error(), "index out of range") {
		t.Fatalf("failure does not carry the panic: %v", stories[1].Failure)
	}
}

func TestMailboxAfterCloseGoesToTheFallback(t *testing.T) {
	m := newMailbox[int]()
	m.post(1)
	var got []int
	m.closeWith(func(v int) { got = append(got, v) })
	m.post(2)
	if len(got) != 2 || got[0] != 1 || got[1] != 2 || m.take() != nil {
		t.Fatalf("fallback got %v", got)
	}
}
