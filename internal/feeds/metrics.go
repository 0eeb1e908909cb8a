package feeds

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the feed ingester's Prometheus series, labelled by feed.
type Metrics struct {
	ItemsSeen    *prometheus.CounterVec // items parsed from a feed, per poll
	ItemsNew     *prometheus.CounterVec // items never sent before
	ItemsUpdated *prometheus.CounterVec // items sent again with a higher version
	ItemsSent    *prometheus.CounterVec // items Kafka acknowledged
	ItemsSkipped *prometheus.CounterVec // items left out (no identity, invalid story)
	PollErrors   *prometheus.CounterVec // failed polls, by kind
	Polls        *prometheus.CounterVec // polls by outcome: ok, not_modified, error
	LastSuccess  *prometheus.GaugeVec   // Unix time of the last successful poll
	PushRequests *prometheus.CounterVec // push requests by HTTP status code
}

// NewMetrics creates the series and registers them on reg. A series that is
// already registered (a second ingester in one process) is reused.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	feed := []string{"feed"}
	m := &Metrics{
		ItemsSeen:    counter("warwire_feed_items_seen_total", "Items parsed from a feed, counted at every poll.", feed),
		ItemsNew:     counter("warwire_feed_items_new_total", "Items sent for the first time.", feed),
		ItemsUpdated: counter("warwire_feed_items_updated_total", "Items sent again because their content or status changed.", feed),
		ItemsSent:    counter("warwire_feed_items_sent_total", "Items Kafka acknowledged.", feed),
		ItemsSkipped: counter("warwire_feed_items_skipped_total", "Items left out: no identity or not a valid story.", feed),
		PollErrors:   counter("warwire_feed_poll_errors_total", "Failed polls by kind of failure.", []string{"feed", "kind"}),
		Polls:        counter("warwire_feed_polls_total", "Polls by outcome (ok, not_modified, error).", []string{"feed", "outcome"}),
		LastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "warwire_feed_last_success_timestamp_seconds", Help: "Unix time of the last successful poll of a feed.",
		}, feed),
		PushRequests: counter("warwire_push_requests_total", "Requests to POST /v1/stories by HTTP status code.", []string{"code"}),
	}
	for _, c := range []**prometheus.CounterVec{&m.ItemsSeen, &m.ItemsNew, &m.ItemsUpdated, &m.ItemsSent,
		&m.ItemsSkipped, &m.PollErrors, &m.Polls, &m.PushRequests} {
		if err := register(reg, c); err != nil {
			return nil, err
		}
	}
	if err := register(reg, &m.LastSuccess); err != nil {
		return nil, err
	}
	return m, nil
}

func counter(name, help string, labels []string) *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
}

// register registers *c, or replaces it with the collector already there.
func register[T prometheus.Collector](reg prometheus.Registerer, c *T) error {
	err := reg.Register(*c)
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		existing, ok := are.ExistingCollector.(T)
		if !ok {
			return fmt.Errorf("metric registered with another type: %w", err)
		}
		*c = existing
		return nil
	}
	if err != nil {
		return fmt.Errorf("failed to register feed metrics: %w", err)
	}
	return nil
}
