package config

import (
	"net"
	"net/url"
	"os"
	"strings"
	"time"
)

// Kafka configures the connection to the Kafka cluster and the topics.
type Kafka struct {
	Brokers       []string      `env:"WARWIRE_KAFKA_BROKERS" doc:"Comma-separated Kafka bootstrap brokers (host:port)."`
	Topic         string        `env:"WARWIRE_KAFKA_TOPIC" doc:"Topic carrying raw NINJS stories."`
	DLQTopic      string        `env:"WARWIRE_KAFKA_DLQ_TOPIC" doc:"Dead-letter topic for messages that cannot be indexed."`
	Partitions    int           `env:"WARWIRE_KAFKA_PARTITIONS" doc:"Partitions of the stories topic created by setup."`
	Replication   int           `env:"WARWIRE_KAFKA_REPLICATION" doc:"Replication factor of the topics created by setup."`
	GroupID       string        `env:"WARWIRE_KAFKA_GROUP" doc:"Consumer group of the workers."`
	TLS           bool          `env:"WARWIRE_KAFKA_TLS" doc:"Connect to Kafka over TLS."`
	TLSCA         string        `env:"WARWIRE_KAFKA_TLS_CA" doc:"PEM file with the CA that signs the brokers' certificates (TLS)."`
	TLSSkipVerify bool          `env:"WARWIRE_KAFKA_TLS_INSECURE" doc:"Skip broker certificate verification (testing only)."`
	SASLMechanism string        `env:"WARWIRE_KAFKA_SASL_MECHANISM" doc:"SASL mechanism: empty (none), PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512."`
	SASLUsername  string        `env:"WARWIRE_KAFKA_SASL_USERNAME" doc:"SASL username."`
	SASLPassword  string        `env:"WARWIRE_KAFKA_SASL_PASSWORD" doc:"SASL password." secret:"true"`
	DialTimeout   time.Duration `env:"WARWIRE_KAFKA_DIAL_TIMEOUT" doc:"Timeout for connecting to a broker."`
}

// DefaultKafka returns the local single-node defaults.
func DefaultKafka() Kafka {
	return Kafka{
		Brokers:     []string{"127.0.0.1:9092"},
		Topic:       "warwire.stories",
		DLQTopic:    "warwire.stories.dlq",
		Partitions:  6,
		Replication: 1,
		GroupID:     "warwire-worker",
		DialTimeout: 10 * time.Second,
	}
}

// Validate checks every field and names the variable of the first bad one.
func (c Kafka) Validate() error {
	if len(c.Brokers) == 0 {
		return Errorf("WARWIRE_KAFKA_BROKERS", "at least one broker is required")
	}
	for _, b := range c.Brokers {
		if _, port, err := net.SplitHostPort(b); err != nil || port == "" {
			return Errorf("WARWIRE_KAFKA_BROKERS", "broker %q is not host:port", b)
		}
	}
	switch {
	case strings.TrimSpace(c.Topic) == "":
		return Errorf("WARWIRE_KAFKA_TOPIC", "must not be empty")
	case strings.TrimSpace(c.DLQTopic) == "" || c.DLQTopic == c.Topic:
		return Errorf("WARWIRE_KAFKA_DLQ_TOPIC", "must be set and differ from the stories topic")
	case c.Partitions < 1:
		return Errorf("WARWIRE_KAFKA_PARTITIONS", "must be at least 1, got %d", c.Partitions)
	case c.Replication < 1:
		return Errorf("WARWIRE_KAFKA_REPLICATION", "must be at least 1, got %d", c.Replication)
	case strings.TrimSpace(c.GroupID) == "":
		return Errorf("WARWIRE_KAFKA_GROUP", "must not be empty")
	case c.DialTimeout <= 0:
		return Errorf("WARWIRE_KAFKA_DIAL_TIMEOUT", "must be positive")
	}
	if c.TLSCA != "" {
		if _, err := os.Stat(c.TLSCA); err != nil {
			return Errorf("WARWIRE_KAFKA_TLS_CA", "cannot read CA file: %v", err)
		}
	}
	switch c.SASLMechanism {
	case "":
	case "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512":
		if c.SASLUsername == "" || c.SASLPassword == "" {
			return Errorf("WARWIRE_KAFKA_SASL_USERNAME", "SASL %s needs a username and WARWIRE_KAFKA_SASL_PASSWORD", c.SASLMechanism)
		}
	default:
		return Errorf("WARWIRE_KAFKA_SASL_MECHANISM", "unknown mechanism %q (want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)", c.SASLMechanism)
	}
	return nil
}

// Elastic configures the Elasticsearch client and the index names.
type Elastic struct {
	URLs           []string      `env:"WARWIRE_ES_URL" doc:"Comma-separated Elasticsearch URLs."`
	Username       string        `env:"WARWIRE_ES_USERNAME" doc:"Basic-auth username."`
	Password       string        `env:"WARWIRE_ES_PASSWORD" doc:"Basic-auth password." secret:"true"`
	APIKey         string        `env:"WARWIRE_ES_API_KEY" doc:"API key (base64 id:key), instead of username/password." secret:"true"`
	CACert         string        `env:"WARWIRE_ES_CA_CERT" doc:"PEM file with the CA that signs the cluster's certificate."`
	Alias          string        `env:"WARWIRE_ES_ALIAS" doc:"Alias that reads and writes go through."`
	Index          string        `env:"WARWIRE_ES_INDEX" doc:"Versioned index created by setup behind the alias."`
	Shards         int           `env:"WARWIRE_ES_SHARDS" doc:"Primary shards of the index created by setup."`
	Replicas       int           `env:"WARWIRE_ES_REPLICAS" doc:"Replicas of the index created by setup (0 on one node)."`
	RequestTimeout time.Duration `env:"WARWIRE_ES_TIMEOUT" doc:"Timeout for one Elasticsearch request."`
}

// DefaultElastic returns the local single-node defaults.
func DefaultElastic() Elastic {
	return Elastic{
		URLs:           []string{"http://127.0.0.1:9200"},
		Alias:          "warwire-stories",
		Index:          "warwire-stories-v1",
		Shards:         1,
		Replicas:       0,
		RequestTimeout: 30 * time.Second,
	}
}

// Validate checks every field and names the variable of the first bad one.
func (c Elastic) Validate() error {
	if len(c.URLs) == 0 {
		return Errorf("WARWIRE_ES_URL", "at least one URL is required")
	}
	for _, raw := range c.URLs {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Errorf("WARWIRE_ES_URL", "%q is not an http(s) URL", raw)
		}
	}
	switch {
	case c.APIKey != "" && c.Username != "":
		return Errorf("WARWIRE_ES_API_KEY", "set either an API key or a username/password, not both")
	case c.Username != "" && c.Password == "":
		return Errorf("WARWIRE_ES_PASSWORD", "required with WARWIRE_ES_USERNAME")
	case strings.TrimSpace(c.Alias) == "":
		return Errorf("WARWIRE_ES_ALIAS", "must not be empty")
	case strings.TrimSpace(c.Index) == "" || c.Index == c.Alias:
		return Errorf("WARWIRE_ES_INDEX", "must be set and differ from the alias")
	case c.Shards < 1:
		return Errorf("WARWIRE_ES_SHARDS", "must be at least 1")
	case c.Replicas < 0:
		return Errorf("WARWIRE_ES_REPLICAS", "must not be negative")
	case c.RequestTimeout <= 0:
		return Errorf("WARWIRE_ES_TIMEOUT", "must be positive")
	}
	if c.CACert != "" {
		if _, err := os.Stat(c.CACert); err != nil {
			return Errorf("WARWIRE_ES_CA_CERT", "cannot read CA file: %v", err)
		}
	}
	return nil
}

// Log configures logging.
type Log struct {
	Level  string `env:"WARWIRE_LOG_LEVEL" doc:"Log level: debug, info, warn or error."`
	Format string `env:"WARWIRE_LOG_FORMAT" doc:"Log format: json or console."`
}

// DefaultLog returns JSON logs at info level.
func DefaultLog() Log { return Log{Level: "info", Format: "json"} }

// Validate checks the level and format.
func (c Log) Validate() error {
	switch c.Level {
	case "debug", "info", "warn", "error":
	default:
		return Errorf("WARWIRE_LOG_LEVEL", "unknown level %q (want debug, info, warn or error)", c.Level)
	}
	if c.Format != "json" && c.Format != "console" {
		return Errorf("WARWIRE_LOG_FORMAT", "unknown format %q (want json or console)", c.Format)
	}
	return nil
}
