// Package elastic is warwire's adapter to Elasticsearch: the client built from
// configuration, the index template and alias set-up, and the synchronous bulk
// writer that returns a verdict for every document.
package elastic

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/elastic/go-elasticsearch/v8"

	"github.com/warwire/warwire/internal/config"
)

// NewClient builds an Elasticsearch client from cfg. It does not contact the
// cluster. The client does not retry by itself: the bulk writer owns retries
// so that it can resend only the failed items.
func NewClient(cfg config.Elastic) (*elasticsearch.Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	tr, err := transport(cfg)
	if err != nil {
		return nil, err
	}
	es, err := elasticsearch.NewClient(elasticsearch.Config{
		Addresses:     cfg.URLs,
		Username:      cfg.Username,
		Password:      cfg.Password,
		APIKey:        cfg.APIKey,
		Transport:     tr,
		DisableRetry:  true,
		EnableMetrics: false,
	})
	if err != nil {
		return nil, fmt.Errorf("failed to create Elasticsearch client: %w", err)
	}
	return es, nil
}

func transport(cfg config.Elastic) (*http.Transport, error) {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConnsPerHost:   32,
		IdleConnTimeout:       90 * time.Second,
		ResponseHeaderTimeout: cfg.RequestTimeout,
		TLSHandshakeTimeout:   10 * time.Second,
	}
	if cfg.CACert != "" {
		pem, err := os.ReadFile(cfg.CACert)
		if err != nil {
			return nil, fmt.Errorf("failed to read WARWIRE_ES_CA_CERT: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, config.Errorf("WARWIRE_ES_CA_CERT", "no PEM certificate found in %s", cfg.CACert)
		}
		tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	return tr, nil
}
