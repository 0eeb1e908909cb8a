package runner

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/pipeline"
)

// outcome is a message's way out: a sink verdict, or a failure for the DLQ.
// It keeps only what completion needs, not the enriched story, so memory in
// flight stays close to the raw message plus its encoded document.
type outcome struct {
	msg            kafka.Message
	uri            string
	versionCreated time.Time
	result         elastic.Result
	failure        *pipeline.Failure
}

func newOutcome(m kafka.Message, s *pipeline.Story) outcome {
	return outcome{msg: m, uri: s.URI, versionCreated: s.VersionCreated}
}

// partition is the state of one claim for one generation.
type partition struct {
	r             *Runner
	c             *kafka.Claim
	t             *tracker
	box           *mailbox[outcome]
	log           *zap.Logger
	drain         context.Context // ends DrainTimeout after the generation, or on a hard stop
	cancel        context.CancelFunc
	lastCommitted int64
}

func newPartition(r *Runner, c *kafka.Claim) *partition {
	return &partition{r: r, c: c, t: newTracker(c.Start), box: newMailbox[outcome](),
		log: r.log.With(zap.String("topic", c.Topic), zap.Int("partition", c.Partition)), lastCommitted: -1}
}

func (p *partition) run(gen context.Context) {
	var cancel context.CancelFunc
	p.drain, cancel = context.WithCancel(p.r.hard)
	defer cancel()
	stop := context.AfterFunc(gen, func() {
		time.AfterFunc(p.r.cfg.DrainTimeout, cancel)
	})
	defer stop()

	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(2)
	go func() { defer wg.Done(); p.complete(done) }()
	go func() { defer wg.Done(); p.commitLoop(done) }()
	p.log.Info("partition started", zap.Int64("offset", p.c.Start))
	p.fetchLoop(gen)
	p.waitDrained()
	close(done)
	wg.Wait()
	p.commit()
	p.log.Info("partition stopped", zap.Int64("committed", p.t.committable()), zap.Int("abandoned_or_pending", p.t.pending()))
}

// fetchLoop reads batches until the generation ends.
func (p *partition) fetchLoop(gen context.Context) {
	for gen.Err() == nil {
		batch := p.fetchBatch(gen)
		if len(batch) > 0 {
			p.process(batch)
		}
	}
}

// fetchBatch blocks for one message, then takes more for up to BatchLinger.
func (p *partition) fetchBatch(gen context.Context) []kafka.Message {
	first, err := p.c.Fetch(gen)
	if err != nil {
		return nil
	}
	var batch []kafka.Message
	if p.admit(first) {
		batch = append(batch, first)
	}
	if p.r.cfg.BatchLinger > 0 {
		lctx, cancel := context.WithTimeout(gen, p.r.cfg.BatchLinger)
		defer cancel()
		for len(batch) < p.r.cfg.BatchSize {
			m, err := p.c.Fetch(lctx)
			if err != nil {
				break
			}
			if p.admit(m) {
				batch = append(batch, m)
			}
		}
	}
	return batch
}

// admit accounts a fetched message: tracker, bytes in flight (blocking while
// over the limit, which is how fetching pauses when Elasticsearch is down).
// It returns false when the drain deadline passed first: the message is
// abandoned and will be redelivered.
func (p *partition) admit(m kafka.Message) bool {
	p.t.add(m.Offset)
	p.r.m.Consumed.Inc()
	p.r.m.lag(m.Partition, m.HighWaterMark-m.Offset-1)
	n := p.weight(m)
	if err := p.r.inflight.Acquire(p.drain, n); err != nil {
		p.t.finish(m.Offset, false)
		return false
	}
	p.r.waiting.Add(1)
	p.r.m.BytesInFlight.Add(float64(n))
	return true
}

// weight estimates the memory a message holds until its verdict: the raw
// value, the encoded document (about twice the raw text with its
// annotations) and bookkeeping.
func (p *partition) weight(m kafka.Message) int64 {
	return min(3*int64(len(m.Value))+1024, p.r.cfg.MaxBytesInFlight)
}

// release ends a message's accounting; ok=false abandons it (no commit past).
func (p *partition) release(m kafka.Message, ok bool) {
	n := p.weight(m)
	p.r.inflight.Release(n)
	p.r.m.BytesInFlight.Sub(float64(n))
	p.r.waiting.Add(-1)
	p.t.finish(m.Offset, ok)
	if ok {
		p.r.lastDone.Store(time.Now().UnixNano())
	}
}

// process enriches a batch and hands each result to the sink or the DLQ path.
func (p *partition) process(msgs []kafka.Message) {
	stories := make([]*pipeline.Story, len(msgs))
	for i, m := range msgs {
		stories[i] = &pipeline.Story{Raw: m.Value, Source: pipeline.Source{
			Topic: m.Topic, Partition: m.Partition, Offset: m.Offset, Key: m.Key, Headers: m.Headers, Timestamp: m.Time}}
	}
	if err := p.r.chain.Process(p.drain, stories); err != nil {
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

func (p *partition) submit(m kafka.Message, s *pipeline.Story, now time.Time) {
	o := newOutcome(m, s)
	if s.Failed() {
		o.failure = s.Failure
		p.box.post(o)
		return
	}
	doc := pipeline.NewDocument(s, p.r.version, now)
	body, err := json.Marshal(doc)
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

// waitDrained waits until every fetched message has an outcome or the drain
// deadline passes.
func (p *partition) waitDrained() {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for p.t.pending() > 0 {
		select {
		case <-t.C:
		case <-p.drain.Done():
			return
		}
	}
}

// commitLoop commits the frontier every CommitInterval until done closes.
func (p *partition) commitLoop(done <-chan struct{}) {
	t := time.NewTicker(p.r.cfg.CommitInterval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			p.commit()
		case <-done:
			return
		}
	}
}

func (p *partition) commit() {
	next := p.t.committable()
	if next <= p.lastCommitted || next < 0 {
		return
	}
	if err := p.c.Commit(next); err != nil {
		p.r.m.Commits.WithLabelValues("error").Inc()
		p.log.Warn("offset commit failed, will retry", zap.Int64("offset", next), zap.Error(err))
		return
	}
	p.r.m.Commits.WithLabelValues("ok").Inc()
	p.lastCommitted = next
}
