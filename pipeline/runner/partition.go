package runner

import (
	"context"
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
	var timer *time.Timer
	var timerMu sync.Mutex
	stop := context.AfterFunc(gen, func() {
		timerMu.Lock()
		timer = time.AfterFunc(p.r.cfg.DrainTimeout, cancel)
		timerMu.Unlock()
	})
	defer func() {
		stop()
		timerMu.Lock()
		if timer != nil {
			timer.Stop()
		}
		timerMu.Unlock()
	}()

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
	// Verdicts still to come (the drain deadline passed) only give back their
	// budget: those messages are not committed and will be redelivered.
	p.box.closeWith(func(o outcome) { p.releaseBudget(o.msg) })
	p.commit()
	p.log.Info("partition stopped", zap.Int64("committed", p.t.committable()), zap.Int("abandoned_or_pending", p.t.pending()))
}

// fetchLoop reads batches until the generation ends. A message that could
// not be admitted ends the loop: it is not tracked, nothing after it is
// fetched, so the commit never passes it and it is redelivered.
func (p *partition) fetchLoop(gen context.Context) {
	var carry *kafka.Message
	for gen.Err() == nil {
		batch, next, ok := p.fetchBatch(gen, carry)
		carry = next
		if len(batch) > 0 {
			p.process(batch)
		}
		if !ok {
			return
		}
	}
}

// fetchBatch admits one message (the carried-over one, or the next fetched),
// waiting for budget if need be, then takes more for up to BatchLinger while
// budget is free. A message fetched when the budget is full is returned as
// next, to start the following batch once this one has moved on.
func (p *partition) fetchBatch(gen context.Context, carry *kafka.Message) (batch []kafka.Message, next *kafka.Message, ok bool) {
	first := carry
	if first == nil {
		m, err := p.c.Fetch(gen)
		if err != nil {
			return nil, nil, true
		}
		first = &m
	}
	if !p.admit(gen, *first, true) {
		return nil, nil, false
	}
	batch = append(batch, *first)
	if p.r.cfg.BatchLinger <= 0 {
		return batch, nil, true
	}
	lctx, cancel := context.WithTimeout(gen, p.r.cfg.BatchLinger)
	defer cancel()
	for len(batch) < p.r.cfg.BatchSize {
		m, err := p.c.Fetch(lctx)
		if err != nil {
			break
		}
		if !p.admit(gen, m, false) {
			return batch, &m, true
		}
		batch = append(batch, m)
	}
	return batch, nil, true
}

// admit reserves a message's share of the bytes-in-flight budget and starts
// tracking it. With block it waits for budget until the generation ends
// (which is how fetching pauses while Elasticsearch is down); without, it
// fails at once when the budget is full.
func (p *partition) admit(gen context.Context, m kafka.Message, block bool) bool {
	n := p.weight(m)
	if block {
		if err := p.r.inflight.Acquire(gen, n); err != nil {
			return false
		}
	} else if !p.r.inflight.TryAcquire(n) {
		return false
	}
	p.t.add(m.Offset)
	p.r.waiting.Add(1)
	p.r.m.Consumed.Inc()
	p.r.m.BytesInFlight.Add(float64(n))
	p.r.m.lag(m.Partition, m.HighWaterMark-m.Offset-1)
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
	p.releaseBudget(m)
	p.t.finish(m.Offset, ok)
	if ok {
		p.r.lastDone.Store(time.Now().UnixNano())
	}
}

// releaseBudget gives back a message's share of the runner-wide budget. It
// also runs for verdicts that arrive after the partition has stopped, so a
// drain cut short never leaks budget into the next generation.
func (p *partition) releaseBudget(m kafka.Message) {
	n := p.weight(m)
	p.r.inflight.Release(n)
	p.r.m.BytesInFlight.Sub(float64(n))
	p.r.waiting.Add(-1)
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

// docSizeHint estimates a document's encoded size so it is written into one
// allocation: about three times the text (escapes, quotes, stance evidence) plus room
// for the annotations.
func docSizeHint(s *pipeline.Story) int {
	return 3*(len(s.Body)+len(s.Headline)) + 2048
}
