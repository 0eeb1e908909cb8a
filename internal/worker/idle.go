package worker

import (
	"context"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/pipeline/runner"
)

// stopWhenIdle cancels the worker once the group's committed offsets have
// reached the end of every partition and stayed there for UntilIdle.
func (w *Worker) stopWhenIdle(ctx context.Context, stop context.CancelFunc, r *runner.Runner) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	var idleSince time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !w.caughtUp(ctx) {
			idleSince = time.Time{}
			continue
		}
		if idleSince.IsZero() {
			idleSince = time.Now()
		}
		if time.Since(idleSince) >= w.cfg.UntilIdle {
			w.log.Info("topic fully processed, stopping", zap.Duration("idle", w.cfg.UntilIdle))
			stop()
			return
		}
	}
}

// caughtUp reports whether every partition's committed offset is its end.
func (w *Worker) caughtUp(ctx context.Context) bool {
	lag, err := w.admin.Lag(ctx, w.cfg.Kafka.GroupID, w.cfg.Kafka.Topic)
	if err != nil || len(lag) == 0 {
		return false
	}
	for _, v := range lag {
		committed, end := v[0], v[1]
		if end > 0 && committed < end {
			return false
		}
	}
	return true
}
