package runner

import (
	"math/rand/v2"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/pipeline"
)

// complete turns outcomes into done offsets: successes are counted, failures
// are written to the DLQ first. It runs until done closes and the mailbox is
// empty.
func (p *partition) complete(done <-chan struct{}) {
	for {
		for _, o := range p.box.take() {
			p.finish(o)
		}
		select {
		case <-p.box.wake:
		case <-done:
			for _, o := range p.box.take() {
				p.finish(o)
			}
			return
		}
	}
}

func (p *partition) finish(o outcome) {
	switch {
	case o.failure != nil:
		p.deadLetter(o, o.failure.Stage, o.failure.Reason, o.failure.Error())
	case o.result.Verdict == elastic.Poison:
		p.deadLetter(o, "index", pipeline.ReasonRejected, o.result.Reason)
	default:
		p.r.m.Verdicts.WithLabelValues(o.result.Verdict.String()).Inc()
		if o.result.Verdict == elastic.Indexed {
			p.observeLatency(o)
		}
		p.release(o.msg, true)
	}
}

func (p *partition) observeLatency(o outcome) {
	now := time.Now()
	if !o.msg.Time.IsZero() {
		p.r.m.EndToEnd.WithLabelValues("kafka").Observe(now.Sub(o.msg.Time).Seconds())
	}
	if vc := o.versionCreated; !vc.IsZero() && now.Sub(vc) < 7*24*time.Hour {
		p.r.m.EndToEnd.WithLabelValues("versioncreated").Observe(now.Sub(vc).Seconds())
	}
}

// deadLetter writes the message to the DLQ, retrying with jittered backoff
// until Kafka acknowledges it or the drain deadline passes (then the message
// is abandoned and redelivered later).
func (p *partition) deadLetter(o outcome, stage, reason, errText string) {
	log := p.log.With(zap.Int64("offset", o.msg.Offset), zap.String("stage", stage), zap.String("reason", reason))
	if o.uri != "" {
		log = log.With(zap.String("story_id", o.uri))
	}
	delay := 100 * time.Millisecond
	for {
		err := p.r.dlq.Send(p.drain, o.msg, stage, reason, errText)
		if err == nil {
			log.Warn("message sent to the dead-letter topic", zap.String("error", errText))
			p.r.m.DLQ.WithLabelValues(reason).Inc()
			p.release(o.msg, true)
			return
		}
		log.Warn("dead-letter write failed, will retry", zap.Error(err))
		select {
		case <-time.After(delay/2 + rand.N(delay/2+1)):
		case <-p.drain.Done():
			p.release(o.msg, false)
			return
		}
		delay = min(delay*2, 5*time.Second)
	}
}
