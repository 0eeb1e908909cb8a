package worker

import (
	"errors"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/config"
)

func TestDefaultConfigIsValid(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestBadWorkerSettingsNameTheirVariable(t *testing.T) {
	cases := map[string]func(*Config){
		"WARWIRE_PRODUCER_BATCH_TIMEOUT": func(c *Config) { c.Producer.BatchTimeout = time.Second },
		"WARWIRE_PRODUCER_COMPRESSION":   func(c *Config) { c.Producer.Compression = "brotli" },
		"WARWIRE_FETCH_MAX_WAIT":         func(c *Config) { c.Consumer.MaxWait = time.Millisecond },
		"WARWIRE_GROUP_HEARTBEAT":        func(c *Config) { c.Consumer.Heartbeat = time.Minute },
		"WARWIRE_BULK_FLUSH_INTERVAL":    func(c *Config) { c.Bulk.FlushInterval = 30 * time.Second },
		"WARWIRE_BULK_FLUSH_BYTES":       func(c *Config) { c.Bulk.FlushBytes = 10 },
		"WARWIRE_BULK_WORKERS":           func(c *Config) { c.Bulk.Workers = 0 },
		"WARWIRE_MAX_MESSAGE_BYTES":      func(c *Config) { c.Decode.MaxBytes = 10 },
		"WARWIRE_BATCH_SIZE":             func(c *Config) { c.Runner.BatchSize = 0 },
		"WARWIRE_MAX_BYTES_IN_FLIGHT":    func(c *Config) { c.Runner.MaxBytesInFlight = 10 },
		"WARWIRE_COMMIT_INTERVAL":        func(c *Config) { c.Runner.CommitInterval = 0 },
		"WARWIRE_ADMIN_LISTEN":           func(c *Config) { c.AdminListen = "nowhere" },
		"WARWIRE_SHUTDOWN_TIMEOUT":       func(c *Config) { c.ShutdownTimeout = 0 },
		"WARWIRE_MEMORY_LIMIT":           func(c *Config) { c.MemoryLimit = 1 },
		"WARWIRE_DRAIN_TIMEOUT":          func(c *Config) { c.Runner.DrainTimeout = time.Minute },
	}
	for v, mutate := range cases {
		c := DefaultConfig()
		mutate(&c)
		var ce *config.Error
		if err := c.Validate(); !errors.As(err, &ce) || ce.Var != v {
			t.Errorf("%s: got %v", v, err)
		}
	}
}

func TestEnvReachesNestedComponents(t *testing.T) {
	c := DefaultConfig()
	err := config.Apply(&c, func(k string) (string, bool) {
		v, ok := map[string]string{"WARWIRE_BULK_FLUSH_INTERVAL": "100ms", "WARWIRE_BATCH_SIZE": "50", "WARWIRE_KAFKA_GROUP": "g2"}[k]
		return v, ok
	})
	if err != nil || c.Bulk.FlushInterval != 100*time.Millisecond || c.Runner.BatchSize != 50 || c.Kafka.GroupID != "g2" {
		t.Fatalf("env not applied to nested configs: %v %+v", err, c)
	}
}
