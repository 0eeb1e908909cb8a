package feeds

import (
	"context"
	"strings"
	"sync"
	"time"
)

// politeness limits the requests to each host: at most conc in flight, and
// starts at least interval apart.
type politeness struct {
	conc     int
	interval time.Duration

	mu    sync.Mutex
	hosts map[string]*hostGate
}

type hostGate struct {
	sem  chan struct{}
	mu   sync.Mutex
	next time.Time // earliest start of the next request
}

func newPoliteness(conc int, interval time.Duration) *politeness {
	if conc < 1 {
		conc = 1
	}
	return &politeness{conc: conc, interval: interval, hosts: map[string]*hostGate{}}
}

func (p *politeness) gate(host string) *hostGate {
	host = strings.ToLower(host)
	p.mu.Lock()
	defer p.mu.Unlock()
	g := p.hosts[host]
	if g == nil {
		g = &hostGate{sem: make(chan struct{}, p.conc)}
		p.hosts[host] = g
	}
	return g
}

// acquire waits for a slot for host and returns the function that frees it.
func (p *politeness) acquire(ctx context.Context, host string) (func(), error) {
	g := p.gate(host)
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := func() { <-g.sem }
	g.mu.Lock()
	now := time.Now()
	start := g.next
	if start.Before(now) {
		start = now
	}
	g.next = start.Add(p.interval)
	g.mu.Unlock()
	if err := sleep(ctx, time.Until(start)); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
