package runner

import (
	"fmt"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/pipeline"
)

// process enriches a batch and hands each result to the sink or the DLQ path.
func (p *partition) process(msgs []kafka.Message) {
	stories := newStories(msgs)
	if err := p.runChain(stories); err != nil {
		p.log.Warn("batch cut short, will be redelivered", zap.Int64("offset", msgs[0].Offset), zap.Error(err))
		for _, m := range msgs {
			p.release(m, false)
		}
		return
	}
	now := p.r.now()
	for i, s := range stories {
		p.submit(msgs[i], s, now)
	}
}

func newStories(msgs []kafka.Message) []*pipeline.Story {
	stories := make([]*pipeline.Story, len(msgs))
	for i, m := range msgs {
		stories[i] = &pipeline.Story{Raw: m.Value, Source: pipeline.Source{
			Topic: m.Topic, Partition: m.Partition, Offset: m.Offset, Key: m.Key, Headers: m.Headers, Timestamp: m.Time}}
	}
	return stories
}

// runChain runs the stages over the batch. A panic in a stage does not take
// the worker down: the batch is run again one story at a time, and the story
// that panics fails with ReasonPanic (and goes to the DLQ) while the others
// are enriched normally.
func (p *partition) runChain(stories []*pipeline.Story) error {
	panicked, err := p.protected(stories)
	if !panicked {
		return err
	}
	for i, s := range stories {
		fresh := newStories([]kafka.Message{{Topic: s.Source.Topic, Partition: s.Source.Partition, Offset: s.Source.Offset,
			Key: s.Source.Key, Value: s.Raw, Headers: s.Source.Headers, Time: s.Source.Timestamp}})
		panicked, err := p.protected(fresh)
		switch {
		case panicked:
			fresh[0] = &pipeline.Story{Raw: s.Raw, Source: s.Source}
			fresh[0].Fail("enrich", pipeline.ReasonPanic, err)
		case err != nil:
			return err
		}
		stories[i] = fresh[0]
	}
	return nil
}

// protected runs the chain, turning a panic into an error.
func (p *partition) protected(stories []*pipeline.Story) (panicked bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			panicked, err = true, fmt.Errorf("stage panicked: %v", r)
			p.log.Error("stage panicked", zap.Any("panic", r), zap.Int64("offset", stories[0].Source.Offset))
		}
	}()
	return false, p.r.chain.Process(p.drain, stories)
}

func (p *partition) submit(m kafka.Message, s *pipeline.Story, now time.Time) {
	o := newOutcome(m, s)
	if s.Failed() {
		o.failure = s.Failure
		p.box.post(o)
		return
	}
	doc := pipeline.NewDocument(s, p.r.version, now)
	body, err := doc.AppendJSON(make([]byte, 0, docSizeHint(s)))
	if err != nil {
		o.failure = &pipeline.Failure{Stage: "document", Reason: pipeline.ReasonDocumentInvalid, Err: err}
		p.box.post(o)
		return
	}
	it := elastic.Item{ID: doc.ID, Version: elastic.ExternalVersion(s.Version, doc.Withdrawn), Body: body, Withdrawn: doc.Withdrawn,
		Done: func(res elastic.Result) { o.result = res; p.box.post(o) }}
	if err := p.r.sink.Add(p.drain, it); err != nil {
		p.release(m, false)
	}
}
