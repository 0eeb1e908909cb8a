// Package worker builds the `warwire worker` process from configuration: the
// consumer group, the enrichment chain with its decorators, the bulk writer,
// the dead-letter writer and the admin server, and runs them in the order
// that keeps every message accounted for.
package worker

import (
	"net"
	"time"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/pipeline/decode"
	"github.com/warwire/warwire/pipeline/runner"
)

// Config is the whole worker configuration, one struct per component.
type Config struct {
	Kafka    config.Kafka
	Consumer kafka.ConsumerConfig
	Producer kafka.ProducerConfig
	Elastic  config.Elastic
	Bulk     elastic.BulkConfig
	Decode   decode.Config
	Runner   runner.Config

	AdminListen     string        `env:"WARWIRE_ADMIN_LISTEN" doc:"Address of /metrics, /healthz and /readyz."`
	ShutdownTimeout time.Duration `env:"WARWIRE_SHUTDOWN_TIMEOUT" doc:"Longest a graceful shutdown may take before in-flight work is abandoned."`
	MemoryLimit     int64         `env:"WARWIRE_MEMORY_LIMIT" doc:"Soft memory limit in bytes for the Go runtime (0 leaves it to GOMEMLIMIT); the GC works harder as the heap nears it."`
	// UntilIdle, when positive, stops the worker once the group has committed
	// everything in the topic and nothing arrived for this long (demo, tests).
	UntilIdle time.Duration
}

// DefaultConfig returns the defaults of every component.
func DefaultConfig() Config {
	return Config{
		Kafka: config.DefaultKafka(), Consumer: kafka.DefaultConsumerConfig(), Producer: kafka.DefaultProducerConfig(),
		Elastic: config.DefaultElastic(), Bulk: elastic.DefaultBulkConfig(), Decode: decode.DefaultConfig(),
		Runner: runner.DefaultConfig(), AdminListen: "127.0.0.1:9464", ShutdownTimeout: 30 * time.Second,
		MemoryLimit: 256 << 20,
	}
}

// Validate checks every component and names the first bad variable.
func (c Config) Validate() error {
	for _, v := range []interface{ Validate() error }{c.Kafka, c.Consumer, c.Producer, c.Elastic, c.Bulk, c.Decode, c.Runner} {
		if err := v.Validate(); err != nil {
			return err
		}
	}
	if c.AdminListen != "" {
		if _, _, err := net.SplitHostPort(c.AdminListen); err != nil {
			return config.Errorf("WARWIRE_ADMIN_LISTEN", "%q is not host:port", c.AdminListen)
		}
	}
	if c.ShutdownTimeout < time.Second {
		return config.Errorf("WARWIRE_SHUTDOWN_TIMEOUT", "must be at least 1s")
	}
	if c.Runner.DrainTimeout >= c.Consumer.RebalanceTimeout || c.Runner.DrainTimeout >= c.ShutdownTimeout {
		return config.Errorf("WARWIRE_DRAIN_TIMEOUT", "%s must be below the rebalance timeout (%s) and the shutdown timeout (%s)",
			c.Runner.DrainTimeout, c.Consumer.RebalanceTimeout, c.ShutdownTimeout)
	}
	if c.MemoryLimit != 0 && c.MemoryLimit < 64<<20 {
		return config.Errorf("WARWIRE_MEMORY_LIMIT", "must be 0 or at least 64 MiB, got %d", c.MemoryLimit)
	}
	if c.UntilIdle < 0 {
		return config.Errorf("--until-idle", "must not be negative")
	}
	return nil
}
