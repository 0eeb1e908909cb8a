// Package kafka is warwire's adapter to Kafka (segmentio/kafka-go): the dialer
// and transport built from configuration, the producer, the dead-letter
// writer, the consumer-group adapter that hands each assigned partition to a
// handler, and the admin calls used by setup and status.
package kafka

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"time"

	kgo "github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"

	"github.com/warwire/warwire/internal/config"
)

// security returns the TLS config and SASL mechanism for cfg (both may be nil).
func security(cfg config.Kafka) (*tls.Config, sasl.Mechanism, error) {
	var tlsCfg *tls.Config
	if cfg.TLS {
		tlsCfg = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: cfg.TLSSkipVerify} //nolint:gosec // opt-in for testing
		if cfg.TLSCA != "" {
			pem, err := os.ReadFile(cfg.TLSCA)
			if err != nil {
				return nil, nil, fmt.Errorf("failed to read WARWIRE_KAFKA_TLS_CA: %w", err)
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				return nil, nil, config.Errorf("WARWIRE_KAFKA_TLS_CA", "no PEM certificate found in %s", cfg.TLSCA)
			}
			tlsCfg.RootCAs = pool
		}
	}
	var mech sasl.Mechanism
	switch cfg.SASLMechanism {
	case "":
	case "PLAIN":
		mech = plain.Mechanism{Username: cfg.SASLUsername, Password: cfg.SASLPassword}
	case "SCRAM-SHA-256", "SCRAM-SHA-512":
		algo := scram.SHA256
		if cfg.SASLMechanism == "SCRAM-SHA-512" {
			algo = scram.SHA512
		}
		m, err := scram.Mechanism(algo, cfg.SASLUsername, cfg.SASLPassword)
		if err != nil {
			return nil, nil, fmt.Errorf("failed to set up SASL %s: %w", cfg.SASLMechanism, err)
		}
		mech = m
	}
	return tlsCfg, mech, nil
}

// Dialer returns a kafka-go dialer for cfg, used by readers and the group.
func Dialer(cfg config.Kafka) (*kgo.Dialer, error) {
	tlsCfg, mech, err := security(cfg)
	if err != nil {
		return nil, err
	}
	return &kgo.Dialer{
		Timeout:       cfg.DialTimeout,
		DualStack:     true,
		KeepAlive:     30 * time.Second,
		TLS:           tlsCfg,
		SASLMechanism: mech,
		ClientID:      "warwire",
	}, nil
}

// Transport returns a kafka-go transport for cfg, used by writers and clients.
func Transport(cfg config.Kafka) (*kgo.Transport, error) {
	tlsCfg, mech, err := security(cfg)
	if err != nil {
		return nil, err
	}
	return &kgo.Transport{
		Dial:        (&net.Dialer{Timeout: cfg.DialTimeout, KeepAlive: 30 * time.Second}).DialContext,
		DialTimeout: cfg.DialTimeout,
		TLS:         tlsCfg,
		SASL:        mech,
		ClientID:    "warwire",
		IdleTimeout: 60 * time.Second,
	}, nil
}
