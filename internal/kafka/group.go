package kafka

import (
	"context"
	"errors"
	"fmt"
	"time"

	kgo "github.com/segmentio/kafka-go"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
)

// ConsumerConfig tunes fetching for a live feed.
type ConsumerConfig struct {
	MinBytes         int           `env:"WARWIRE_FETCH_MIN_BYTES" doc:"Smallest fetch response the broker waits for (1 = answer as soon as anything arrives)."`
	MaxBytes         int           `env:"WARWIRE_FETCH_MAX_BYTES" doc:"Largest fetch response per partition."`
	MaxWait          time.Duration `env:"WARWIRE_FETCH_MAX_WAIT" doc:"Longest the broker holds a fetch waiting for MinBytes."`
	SessionTimeout   time.Duration `env:"WARWIRE_GROUP_SESSION_TIMEOUT" doc:"Consumer-group session timeout."`
	RebalanceTimeout time.Duration `env:"WARWIRE_GROUP_REBALANCE_TIMEOUT" doc:"Time members get to finish in-flight work and rejoin on a rebalance."`
	Heartbeat        time.Duration `env:"WARWIRE_GROUP_HEARTBEAT" doc:"Consumer-group heartbeat interval."`
}

// DefaultConsumerConfig answers fetches within 100 ms of data arriving.
func DefaultConsumerConfig() ConsumerConfig {
	return ConsumerConfig{MinBytes: 1, MaxBytes: 1 << 20, MaxWait: 100 * time.Millisecond,
		SessionTimeout: 30 * time.Second, RebalanceTimeout: 30 * time.Second, Heartbeat: 3 * time.Second}
}

// Validate checks the settings.
func (c ConsumerConfig) Validate() error {
	switch {
	case c.MinBytes < 1:
		return config.Errorf("WARWIRE_FETCH_MIN_BYTES", "must be at least 1")
	case c.MaxBytes < c.MinBytes || c.MaxBytes < 1<<20:
		return config.Errorf("WARWIRE_FETCH_MAX_BYTES", "must be at least 1 MiB and MinBytes")
	case c.MaxWait < 10*time.Millisecond:
		return config.Errorf("WARWIRE_FETCH_MAX_WAIT", "must be at least 10ms")
	case c.SessionTimeout < 6*time.Second:
		return config.Errorf("WARWIRE_GROUP_SESSION_TIMEOUT", "must be at least 6s")
	case c.RebalanceTimeout < time.Second:
		return config.Errorf("WARWIRE_GROUP_REBALANCE_TIMEOUT", "must be at least 1s")
	case c.Heartbeat <= 0 || c.Heartbeat >= c.SessionTimeout:
		return config.Errorf("WARWIRE_GROUP_HEARTBEAT", "must be positive and below the session timeout")
	}
	return nil
}

// Claim is one partition assigned to this member for one generation. Its
// handler fetches from it in order and commits the next offset to consume.
type Claim struct {
	Topic     string
	Partition int
	// Start is the first offset this claim reads (the committed offset).
	Start int64

	reader *kgo.Reader
	gen    *kgo.Generation
}

// Fetch returns the next message of the partition, blocking until one arrives
// or ctx ends.
func (c *Claim) Fetch(ctx context.Context) (Message, error) {
	m, err := c.reader.FetchMessage(ctx)
	if err != nil {
		return Message{}, err
	}
	return fromKafka(m), nil
}

// Commit records next as the offset the group resumes this partition from.
func (c *Claim) Commit(next int64) error {
	return c.gen.CommitOffsets(map[string]map[int]int64{c.Topic: {c.Partition: next}})
}

// Handler consumes one claim until ctx ends (the generation ended: a
// rebalance or shutdown). It must finish in-flight work and commit before it
// returns, within the rebalance timeout.
type Handler func(ctx context.Context, c *Claim)

// Group is a consumer-group member that hands every assigned partition of its
// topic to a handler, each in its own goroutine.
type Group struct {
	cfg    config.Kafka
	cc     ConsumerConfig
	dialer *kgo.Dialer
	log    *zap.Logger
}

// NewGroup prepares a member of cfg.GroupID for cfg.Topic. It connects in Run.
func NewGroup(cfg config.Kafka, cc ConsumerConfig, log *zap.Logger) (*Group, error) {
	if err := cc.Validate(); err != nil {
		return nil, err
	}
	d, err := Dialer(cfg)
	if err != nil {
		return nil, err
	}
	return &Group{cfg: cfg, cc: cc, dialer: d, log: log}, nil
}

// Run joins the group and runs h for each assigned partition of each
// generation until ctx ends; then it waits for the handlers, leaves the group
// and returns. Join errors are logged and retried.
func (g *Group) Run(ctx context.Context, h Handler) error {
	cg, err := kgo.NewConsumerGroup(kgo.ConsumerGroupConfig{
		ID: g.cfg.GroupID, Brokers: g.cfg.Brokers, Dialer: g.dialer, Topics: []string{g.cfg.Topic},
		SessionTimeout: g.cc.SessionTimeout, RebalanceTimeout: g.cc.RebalanceTimeout,
		HeartbeatInterval: g.cc.Heartbeat, JoinGroupBackoff: 2 * time.Second,
		WatchPartitionChanges: true, StartOffset: kgo.FirstOffset, Timeout: 10 * time.Second,
	})
	if err != nil {
		return fmt.Errorf("failed to create consumer group: %w", err)
	}
	stop := context.AfterFunc(ctx, func() { _ = cg.Close() })
	defer stop()
	defer cg.Close()
	failures := 0
	for {
		gen, err := cg.Next(ctx)
		switch {
		case errors.Is(err, kgo.ErrGroupClosed) || ctx.Err() != nil:
			return nil
		case err != nil:
			// A fresh broker answers "coordinator not available" for a moment:
			// only repeated failures are worth a warning.
			failures++
			level := zap.InfoLevel
			if failures > 3 {
				level = zap.WarnLevel
			}
			g.log.Log(level, "consumer group join failed, retrying", zap.String("topic", g.cfg.Topic),
				zap.Int("attempt", failures), zap.Error(err))
			continue
		}
		failures = 0
		g.startGeneration(gen, h)
	}
}

func (g *Group) startGeneration(gen *kgo.Generation, h Handler) {
	assigned := gen.Assignments[g.cfg.Topic]
	g.log.Info("partitions assigned", zap.String("topic", g.cfg.Topic),
		zap.Int32("generation", gen.ID), zap.Int("count", len(assigned)))
	for _, pa := range assigned {
		gen.Start(func(ctx context.Context) { g.runClaim(ctx, gen, pa, h) })
	}
}

func (g *Group) runClaim(ctx context.Context, gen *kgo.Generation, pa kgo.PartitionAssignment, h Handler) {
	r := kgo.NewReader(kgo.ReaderConfig{
		Brokers: g.cfg.Brokers, Dialer: g.dialer, Topic: g.cfg.Topic, Partition: pa.ID,
		MinBytes: g.cc.MinBytes, MaxBytes: g.cc.MaxBytes, MaxWait: g.cc.MaxWait, QueueCapacity: 64,
		ReadBackoffMin: 100 * time.Millisecond, ReadBackoffMax: 2 * time.Second,
		ErrorLogger: kgo.LoggerFunc(func(msg string, args ...any) { g.log.Sugar().Debugf(msg, args...) }),
	})
	defer r.Close()
	if err := r.SetOffset(pa.Offset); err != nil {
		// Returning would end the generation for every partition; wait for
		// it to end instead (the next one retries this partition).
		g.log.Error("failed to set partition offset", zap.String("topic", g.cfg.Topic),
			zap.Int("partition", pa.ID), zap.Int64("offset", pa.Offset), zap.Error(err))
		<-ctx.Done()
		return
	}
	h(ctx, &Claim{Topic: g.cfg.Topic, Partition: pa.ID, Start: pa.Offset, reader: r, gen: gen})
}
