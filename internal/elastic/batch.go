package elastic

import (
	"context"
	"time"
)

// accumulate builds batches from the input and hands them to the senders.
// A batch is due when it is full (FlushBytes or FlushItems), then it waits
// for a free sender, or when FlushInterval has passed since its first item;
// a batch due by time goes to a sender only once one is idle, and keeps
// growing meanwhile. So a quiet feed gets its documents indexed within the
// interval, and a backlog is written in full-sized requests, which cost
// Elasticsearch less per document than many small ones.
func (w *BulkWriter) accumulate(ctx context.Context) {
	var b pending
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		var out chan []Item // nil (never ready) unless the batch is due
		if b.due {
			out = w.batches
		}
		select {
		case out <- b.items:
			b = pending{}
		case it, ok := <-w.in:
			if !ok {
				w.handOff(ctx, b.items)
				return
			}
			if len(b.items) == 0 {
				timer.Reset(w.cfg.FlushInterval)
			}
			if b.add(it, w.cfg) {
				timer.Stop()
				w.handOff(ctx, b.items)
				b = pending{}
			}
		case <-timer.C:
			b.due = true
		case <-ctx.Done():
			return
		}
	}
}

// pending is the batch being built.
type pending struct {
	items []Item
	size  int
	due   bool // FlushInterval has passed since its first item
}

// add appends it and reports whether the batch is now full.
func (p *pending) add(it Item, cfg BulkConfig) bool {
	p.items = append(p.items, it)
	p.size += len(it.Body) + len(it.ID) + 80
	return p.size >= cfg.FlushBytes || len(p.items) >= cfg.FlushItems
}

// handOff waits for a sender to take a non-empty batch (or for ctx to end).
func (w *BulkWriter) handOff(ctx context.Context, items []Item) {
	if len(items) == 0 {
		return
	}
	select {
	case w.batches <- items:
	case <-ctx.Done():
	}
}
