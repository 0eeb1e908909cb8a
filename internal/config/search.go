package config

import (
	"net"
	"strings"
	"time"
)

// Search configures the query side shared by `warwire serve` and `warwire
// search`: limits on what one request may ask of Elasticsearch.
type Search struct {
	QueryTimeout    time.Duration `env:"WARWIRE_SEARCH_TIMEOUT" doc:"Longest time one search or facet request may run in Elasticsearch."`
	ExportTimeout   time.Duration `env:"WARWIRE_SEARCH_EXPORT_TIMEOUT" doc:"Longest time one export of a whole result set may run."`
	DefaultSize     int           `env:"WARWIRE_SEARCH_DEFAULT_SIZE" doc:"Hits per page when the request does not say."`
	MaxSize         int           `env:"WARWIRE_SEARCH_MAX_SIZE" doc:"Largest page size a request may ask for."`
	MaxQueryLength  int           `env:"WARWIRE_SEARCH_MAX_QUERY_LENGTH" doc:"Longest full-text query, in characters."`
	MaxFilterValues int           `env:"WARWIRE_SEARCH_MAX_FILTER_VALUES" doc:"Most values one filter parameter may carry."`
	FacetSize       int           `env:"WARWIRE_SEARCH_FACET_SIZE" doc:"Buckets per facet when the request does not say."`
	MaxFacetSize    int           `env:"WARWIRE_SEARCH_MAX_FACET_SIZE" doc:"Largest number of buckets per facet a request may ask for."`
	ExportBatch     int           `env:"WARWIRE_SEARCH_EXPORT_BATCH" doc:"Hits fetched per Elasticsearch round trip during an export."`
	ExportMaxRows   int           `env:"WARWIRE_SEARCH_EXPORT_MAX_ROWS" doc:"Most rows one export writes; the file says when it was cut."`
	PITKeepAlive    time.Duration `env:"WARWIRE_SEARCH_PIT_KEEPALIVE" doc:"How long a point-in-time behind a pagination cursor stays open between pages."`
	CollapseOutlets int           `env:"WARWIRE_SEARCH_COLLAPSE_OUTLETS" doc:"Most outlets listed per collapsed (syndicated) hit."`
}

// DefaultSearch returns limits suited to a researcher's workstation.
func DefaultSearch() Search {
	return Search{
		QueryTimeout:    10 * time.Second,
		ExportTimeout:   30 * time.Minute,
		DefaultSize:     20,
		MaxSize:         100,
		MaxQueryLength:  1000,
		MaxFilterValues: 20,
		FacetSize:       10,
		MaxFacetSize:    100,
		ExportBatch:     1000,
		ExportMaxRows:   5_000_000,
		PITKeepAlive:    5 * time.Minute,
		CollapseOutlets: 50,
	}
}

// Validate checks every field and names the variable of the first bad one.
func (c Search) Validate() error {
	switch {
	case c.QueryTimeout <= 0:
		return Errorf("WARWIRE_SEARCH_TIMEOUT", "must be positive")
	case c.ExportTimeout <= 0:
		return Errorf("WARWIRE_SEARCH_EXPORT_TIMEOUT", "must be positive")
	case c.MaxSize < 1 || c.MaxSize > 10000:
		return Errorf("WARWIRE_SEARCH_MAX_SIZE", "must be between 1 and 10000, got %d", c.MaxSize)
	case c.DefaultSize < 1 || c.DefaultSize > c.MaxSize:
		return Errorf("WARWIRE_SEARCH_DEFAULT_SIZE", "must be between 1 and WARWIRE_SEARCH_MAX_SIZE (%d), got %d", c.MaxSize, c.DefaultSize)
	case c.MaxQueryLength < 1:
		return Errorf("WARWIRE_SEARCH_MAX_QUERY_LENGTH", "must be at least 1")
	case c.MaxFilterValues < 1:
		return Errorf("WARWIRE_SEARCH_MAX_FILTER_VALUES", "must be at least 1")
	case c.MaxFacetSize < 1 || c.MaxFacetSize > 1000:
		return Errorf("WARWIRE_SEARCH_MAX_FACET_SIZE", "must be between 1 and 1000, got %d", c.MaxFacetSize)
	case c.FacetSize < 1 || c.FacetSize > c.MaxFacetSize:
		return Errorf("WARWIRE_SEARCH_FACET_SIZE", "must be between 1 and WARWIRE_SEARCH_MAX_FACET_SIZE (%d), got %d", c.MaxFacetSize, c.FacetSize)
	case c.ExportBatch < 1 || c.ExportBatch > 10000:
		return Errorf("WARWIRE_SEARCH_EXPORT_BATCH", "must be between 1 and 10000, got %d", c.ExportBatch)
	case c.ExportMaxRows < 1:
		return Errorf("WARWIRE_SEARCH_EXPORT_MAX_ROWS", "must be at least 1")
	case c.PITKeepAlive < time.Second:
		return Errorf("WARWIRE_SEARCH_PIT_KEEPALIVE", "must be at least 1s")
	case c.CollapseOutlets < 1 || c.CollapseOutlets > 100:
		return Errorf("WARWIRE_SEARCH_COLLAPSE_OUTLETS", "must be between 1 and 100, got %d", c.CollapseOutlets)
	}
	return nil
}

// Serve configures the HTTP server of `warwire serve`: the API and web UI.
type Serve struct {
	Listen            string        `env:"WARWIRE_SERVE_LISTEN" doc:"Address the API and web UI listen on (host:port)."`
	AdminListen       string        `env:"WARWIRE_SERVE_ADMIN_LISTEN" doc:"Address of /metrics, /healthz and /readyz (host:port); empty turns it off."`
	Token             string        `env:"WARWIRE_SERVE_TOKEN" doc:"Bearer token required on /api/v1/*; empty means no authentication." secret:"true"`
	RateLimit         float64       `env:"WARWIRE_SERVE_RATE_LIMIT" doc:"API requests per second allowed per client IP (token bucket); 0 turns the limit off."`
	RateBurst         int           `env:"WARWIRE_SERVE_RATE_BURST" doc:"Requests a client may make at once before the rate limit applies."`
	TrustProxy        bool          `env:"WARWIRE_SERVE_TRUST_PROXY" doc:"Take the client IP from X-Forwarded-For (only behind a trusted reverse proxy)."`
	ReadHeaderTimeout time.Duration `env:"WARWIRE_SERVE_READ_HEADER_TIMEOUT" doc:"Longest time to read a request's headers."`
	WriteTimeout      time.Duration `env:"WARWIRE_SERVE_WRITE_TIMEOUT" doc:"Longest time to write a response other than an export."`
	IdleTimeout       time.Duration `env:"WARWIRE_SERVE_IDLE_TIMEOUT" doc:"How long an idle keep-alive connection stays open."`
	ShutdownTimeout   time.Duration `env:"WARWIRE_SERVE_SHUTDOWN_TIMEOUT" doc:"How long shutdown waits for requests in flight."`
}

// DefaultServe listens on the loopback interface with no authentication and a
// generous per-client rate limit.
func DefaultServe() Serve {
	return Serve{
		Listen:            "127.0.0.1:8080",
		AdminListen:       "127.0.0.1:9466",
		RateLimit:         20,
		RateBurst:         40,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ShutdownTimeout:   15 * time.Second,
	}
}

// Validate checks every field and names the variable of the first bad one.
func (c Serve) Validate() error {
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		return Errorf("WARWIRE_SERVE_LISTEN", "%q is not host:port", c.Listen)
	}
	if c.AdminListen != "" {
		if _, _, err := net.SplitHostPort(c.AdminListen); err != nil {
			return Errorf("WARWIRE_SERVE_ADMIN_LISTEN", "%q is not host:port", c.AdminListen)
		}
	}
	switch {
	case c.Token != "" && len(strings.TrimSpace(c.Token)) < 16:
		return Errorf("WARWIRE_SERVE_TOKEN", "must be at least 16 characters when set")
	case c.RateLimit < 0:
		return Errorf("WARWIRE_SERVE_RATE_LIMIT", "must not be negative")
	case c.RateLimit > 0 && c.RateBurst < 1:
		return Errorf("WARWIRE_SERVE_RATE_BURST", "must be at least 1 when a rate limit is set")
	case c.ReadHeaderTimeout <= 0:
		return Errorf("WARWIRE_SERVE_READ_HEADER_TIMEOUT", "must be positive")
	case c.WriteTimeout <= 0:
		return Errorf("WARWIRE_SERVE_WRITE_TIMEOUT", "must be positive")
	case c.IdleTimeout <= 0:
		return Errorf("WARWIRE_SERVE_IDLE_TIMEOUT", "must be positive")
	case c.ShutdownTimeout <= 0:
		return Errorf("WARWIRE_SERVE_SHUTDOWN_TIMEOUT", "must be positive")
	}
	return nil
}
