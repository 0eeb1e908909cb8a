package kafka

import (
	"context"
	"fmt"
	"time"

	kgo "github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/compress"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
)

// Record is one message to produce.
type Record struct {
	Key     []byte
	Value   []byte
	Headers map[string]string
}

// ProducerConfig tunes the producer.
type ProducerConfig struct {
	BatchTimeout time.Duration `env:"WARWIRE_PRODUCER_BATCH_TIMEOUT" doc:"Longest a produced message waits for its batch to fill (keep ≤ 20ms for freshness)."`
	BatchBytes   int64         `env:"WARWIRE_PRODUCER_BATCH_BYTES" doc:"Largest produce request in bytes."`
	BatchSize    int           `env:"WARWIRE_PRODUCER_BATCH_SIZE" doc:"Most messages in one produce batch."`
	Compression  string        `env:"WARWIRE_PRODUCER_COMPRESSION" doc:"Compression codec: none, gzip, snappy, lz4 or zstd."`
	WriteTimeout time.Duration `env:"WARWIRE_PRODUCER_WRITE_TIMEOUT" doc:"Timeout for one produce request."`
}

// DefaultProducerConfig favours freshness: 10 ms batches, lz4 (cheap to
// decompress for the workers, unlike zstd's large windows), acks=all.
func DefaultProducerConfig() ProducerConfig {
	return ProducerConfig{BatchTimeout: 10 * time.Millisecond, BatchBytes: 8 << 20, BatchSize: 1000, Compression: "lz4", WriteTimeout: 30 * time.Second}
}

// Validate checks the producer settings.
func (c ProducerConfig) Validate() error {
	if c.BatchTimeout <= 0 || c.BatchTimeout > 20*time.Millisecond {
		return config.Errorf("WARWIRE_PRODUCER_BATCH_TIMEOUT", "must be in (0, 20ms], got %s", c.BatchTimeout)
	}
	if c.BatchBytes < 1<<20 {
		return config.Errorf("WARWIRE_PRODUCER_BATCH_BYTES", "must be at least 1 MiB")
	}
	if c.BatchSize < 1 {
		return config.Errorf("WARWIRE_PRODUCER_BATCH_SIZE", "must be at least 1")
	}
	if c.WriteTimeout <= 0 {
		return config.Errorf("WARWIRE_PRODUCER_WRITE_TIMEOUT", "must be positive")
	}
	if _, err := codec(c.Compression); err != nil {
		return err
	}
	return nil
}

func codec(name string) (kgo.Compression, error) {
	switch name {
	case "none", "":
		return 0, nil
	case "gzip":
		return kgo.Compression(compress.Gzip), nil
	case "snappy":
		return kgo.Compression(compress.Snappy), nil
	case "lz4":
		return kgo.Compression(compress.Lz4), nil
	case "zstd":
		return kgo.Compression(compress.Zstd), nil
	}
	return 0, config.Errorf("WARWIRE_PRODUCER_COMPRESSION", "unknown codec %q (want none, gzip, snappy, lz4 or zstd)", name)
}

// Producer writes records to one topic with acks from all in-sync replicas.
// It is safe for concurrent use.
type Producer struct {
	w     *kgo.Writer
	topic string
}

// NewProducer builds a producer for topic. It does not connect until the
// first Publish.
func NewProducer(cfg config.Kafka, topic string, pc ProducerConfig, log *zap.Logger) (*Producer, error) {
	if err := pc.Validate(); err != nil {
		return nil, err
	}
	tr, err := Transport(cfg)
	if err != nil {
		return nil, err
	}
	comp, _ := codec(pc.Compression)
	w := &kgo.Writer{
		Addr:         kgo.TCP(cfg.Brokers...),
		Topic:        topic,
		Balancer:     &kgo.Hash{},
		RequiredAcks: kgo.RequireAll,
		BatchTimeout: pc.BatchTimeout,
		BatchBytes:   pc.BatchBytes,
		BatchSize:    pc.BatchSize,
		Compression:  comp,
		WriteTimeout: pc.WriteTimeout,
		MaxAttempts:  5,
		Transport:    tr,
		ErrorLogger:  kgo.LoggerFunc(func(msg string, args ...any) { log.Sugar().Warnf(msg, args...) }),
	}
	return &Producer{w: w, topic: topic}, nil
}

// Topic is the topic the producer writes to.
func (p *Producer) Topic() string { return p.topic }

// Publish writes recs and returns once Kafka acknowledged all of them. On
// error, treat every record as not acknowledged (resending is safe: the
// worker indexes by uri and version).
func (p *Producer) Publish(ctx context.Context, recs ...Record) error {
	if len(recs) == 0 {
		return nil
	}
	msgs := make([]kgo.Message, len(recs))
	for i, r := range recs {
		msgs[i] = kgo.Message{Key: r.Key, Value: r.Value, Headers: headers(r.Headers)}
	}
	if err := p.w.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("failed to produce %d message(s) to %s: %w", len(recs), p.topic, err)
	}
	return nil
}

// Close flushes pending writes and closes connections.
func (p *Producer) Close() error { return p.w.Close() }

func headers(h map[string]string) []kgo.Header {
	if len(h) == 0 {
		return nil
	}
	out := make([]kgo.Header, 0, len(h))
	for k, v := range h {
		out = append(out, kgo.Header{Key: k, Value: []byte(v)})
	}
	return out
}
