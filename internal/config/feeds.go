package config

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Feeds configures the feed poller of `warwire ingest --feeds/--feed`: HTTP
// behaviour, politeness and the state file. Per-feed settings live in the
// feeds file (see FeedSpec).
type Feeds struct {
	StateFile       string        `env:"WARWIRE_FEEDS_STATE" doc:"State file of the feed poller (items seen, their hash and version; ETags)."`
	Interval        time.Duration `env:"WARWIRE_FEEDS_INTERVAL" doc:"Default poll interval of a feed (a feed's interval in the feeds file wins)."`
	Timeout         time.Duration `env:"WARWIRE_FEEDS_TIMEOUT" doc:"Timeout of one HTTP request, body included."`
	Retries         int           `env:"WARWIRE_FEEDS_RETRIES" doc:"Retries of a failed request (network error, timeout, 429, 5xx) within one poll."`
	BackoffBase     time.Duration `env:"WARWIRE_FEEDS_BACKOFF" doc:"First retry delay; doubled per retry, with jitter."`
	BackoffMax      time.Duration `env:"WARWIRE_FEEDS_BACKOFF_MAX" doc:"Longest retry delay."`
	HostConcurrency int           `env:"WARWIRE_FEEDS_HOST_CONCURRENCY" doc:"Requests in flight at once to one host (politeness)."`
	HostInterval    time.Duration `env:"WARWIRE_FEEDS_HOST_INTERVAL" doc:"Least time between two requests to one host (politeness)."`
	MaxBytes        int64         `env:"WARWIRE_FEEDS_MAX_BYTES" doc:"Largest response accepted, after decompression (guards against gzip bombs)."`
	MaxRedirects    int           `env:"WARWIRE_FEEDS_MAX_REDIRECTS" doc:"Redirects followed before a request fails (redirect loops)."`
	MaxItems        int           `env:"WARWIRE_FEEDS_MAX_ITEMS" doc:"Items taken from one poll of one feed; the rest are dropped with a warning."`
	Parallel        int           `env:"WARWIRE_FEEDS_PARALLEL" doc:"Feeds polled at once by --once."`
	Retention       time.Duration `env:"WARWIRE_FEEDS_RETENTION" doc:"How long the state remembers an item no longer in its feed."`
	UserAgent       string        `env:"WARWIRE_FEEDS_USER_AGENT" doc:"User-Agent of feed and article requests."`
	AdminListen     string        `env:"WARWIRE_INGEST_ADMIN_LISTEN" doc:"Address of /metrics and /healthz of a continuous ingest (empty disables)."`
}

// DefaultFeeds returns polite defaults for polling public feeds.
func DefaultFeeds() Feeds {
	return Feeds{
		StateFile:       "warwire-feeds.state.json",
		Interval:        60 * time.Second,
		Timeout:         30 * time.Second,
		Retries:         3,
		BackoffBase:     time.Second,
		BackoffMax:      30 * time.Second,
		HostConcurrency: 1,
		HostInterval:    time.Second,
		MaxBytes:        20 << 20,
		MaxRedirects:    5,
		MaxItems:        5000,
		Parallel:        8,
		Retention:       30 * 24 * time.Hour,
		UserAgent:       "warwire-ingest/1 (+research feed reader)",
		AdminListen:     "127.0.0.1:9465",
	}
}

// Validate checks every field and names the variable of the first bad one.
func (c Feeds) Validate() error {
	switch {
	case strings.TrimSpace(c.StateFile) == "":
		return Errorf("WARWIRE_FEEDS_STATE", "must not be empty")
	case c.Interval < time.Second:
		return Errorf("WARWIRE_FEEDS_INTERVAL", "must be at least 1s, got %s", c.Interval)
	case c.Timeout <= 0:
		return Errorf("WARWIRE_FEEDS_TIMEOUT", "must be positive")
	case c.Retries < 0:
		return Errorf("WARWIRE_FEEDS_RETRIES", "must not be negative")
	case c.BackoffBase < 0:
		return Errorf("WARWIRE_FEEDS_BACKOFF", "must not be negative")
	case c.BackoffMax < c.BackoffBase:
		return Errorf("WARWIRE_FEEDS_BACKOFF_MAX", "must be at least WARWIRE_FEEDS_BACKOFF")
	case c.HostConcurrency < 1:
		return Errorf("WARWIRE_FEEDS_HOST_CONCURRENCY", "must be at least 1")
	case c.HostInterval < 0:
		return Errorf("WARWIRE_FEEDS_HOST_INTERVAL", "must not be negative")
	case c.MaxBytes < 1024:
		return Errorf("WARWIRE_FEEDS_MAX_BYTES", "must be at least 1024, got %d", c.MaxBytes)
	case c.MaxRedirects < 0:
		return Errorf("WARWIRE_FEEDS_MAX_REDIRECTS", "must not be negative")
	case c.MaxItems < 1:
		return Errorf("WARWIRE_FEEDS_MAX_ITEMS", "must be at least 1")
	case c.Parallel < 1:
		return Errorf("WARWIRE_FEEDS_PARALLEL", "must be at least 1")
	case c.Retention < time.Hour:
		return Errorf("WARWIRE_FEEDS_RETENTION", "must be at least 1h")
	case strings.TrimSpace(c.UserAgent) == "":
		return Errorf("WARWIRE_FEEDS_USER_AGENT", "must not be empty")
	}
	return nil
}

// Push configures the push endpoint of `warwire ingest --listen`.
type Push struct {
	Listen   string `env:"WARWIRE_PUSH_LISTEN" doc:"Address of the push endpoint POST /v1/stories (empty: off)."`
	Token    string `env:"WARWIRE_PUSH_TOKEN" doc:"Bearer token the push endpoint requires (empty: no auth)." secret:"true"`
	MaxBytes int64  `env:"WARWIRE_PUSH_MAX_BYTES" doc:"Largest request body the push endpoint accepts (413 above)."`
}

// DefaultPush returns the push endpoint switched off, 5 MB bodies, no auth.
func DefaultPush() Push { return Push{MaxBytes: 5 << 20} }

// Validate checks the limit.
func (c Push) Validate() error {
	if c.MaxBytes < 1024 {
		return Errorf("WARWIRE_PUSH_MAX_BYTES", "must be at least 1024, got %d", c.MaxBytes)
	}
	return nil
}

// Feed formats a FeedSpec may name; FormatAuto sniffs the response.
const (
	FormatAuto   = "auto"
	FormatRSS    = "rss" // RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed
	FormatNINJS  = "ninjs"
	FormatNewsML = "newsml"
)

// FeedSpec is one feed of the feeds file. Zero fields take the file's
// defaults, then the Feeds configuration.
type FeedSpec struct {
	// Name identifies the feed in state, logs and metrics; unique. Defaults
	// to the URL's host and path.
	Name string `yaml:"name"`
	// URL is the http(s) address polled.
	URL string `yaml:"url"`
	// Interval between polls; 0 means the default.
	Interval time.Duration `yaml:"interval"`
	// Format is auto, rss, ninjs or newsml.
	Format string `yaml:"format"`
	// Source names the publisher: the copyrightholder of items that carry none.
	Source string `yaml:"source"`
	// Language (BCP 47) of items that declare none.
	Language string `yaml:"language"`
	// FullText fetches each new or changed item's page and extracts its
	// main text when the feed carries only a summary.
	FullText *bool `yaml:"fulltext"`
	// Headers are sent with every request of this feed (e.g. an API key).
	Headers map[string]string `yaml:"headers"`
	// Disabled feeds are skipped.
	Disabled bool `yaml:"disabled"`
}

// FeedsFile is the feeds.yaml document: defaults and the list of feeds.
type FeedsFile struct {
	Defaults FeedSpec   `yaml:"defaults"`
	Feeds    []FeedSpec `yaml:"feeds"`
}

// LoadFeedsFile reads and checks a feeds.yaml file and returns its enabled
// feeds with the file's defaults applied. A problem is an *Error naming the
// file (and the feed).
func LoadFeedsFile(path string) ([]FeedSpec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Errorf("--feeds", "cannot read feeds file: %v", err)
	}
	var f FeedsFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, Errorf("--feeds", "%s: %v", path, err)
	}
	var out []FeedSpec
	for i, s := range f.Feeds {
		if s.Disabled {
			continue
		}
		s = s.withDefaults(f.Defaults)
		if err := s.Validate(); err != nil {
			return nil, Errorf("--feeds", "%s: feed %d (%s): %v", path, i+1, s.Name, err)
		}
		out = append(out, s)
	}
	if err := CheckFeedNames(out); err != nil {
		return nil, Errorf("--feeds", "%s: %v", path, err)
	}
	return out, nil
}

func (s FeedSpec) withDefaults(d FeedSpec) FeedSpec {
	if s.Interval == 0 {
		s.Interval = d.Interval
	}
	if s.Format == "" {
		s.Format = d.Format
	}
	if s.Source == "" {
		s.Source = d.Source
	}
	if s.Language == "" {
		s.Language = d.Language
	}
	if s.FullText == nil {
		s.FullText = d.FullText
	}
	if len(d.Headers) > 0 {
		h := make(map[string]string, len(d.Headers)+len(s.Headers))
		for k, v := range d.Headers {
			h[k] = v
		}
		for k, v := range s.Headers {
			h[k] = v
		}
		s.Headers = h
	}
	return s.Normalized()
}

// Normalized fills the name and format when they are empty.
func (s FeedSpec) Normalized() FeedSpec {
	s.URL = strings.TrimSpace(s.URL)
	if s.Format == "" {
		s.Format = FormatAuto
	}
	if s.Name == "" {
		if u, err := url.Parse(s.URL); err == nil {
			s.Name = strings.Trim(strings.ToLower(u.Host)+strings.TrimRight(u.Path, "/"), "/")
		}
	}
	return s
}

// WantsFullText reports whether the feed asked for full-text extraction.
func (s FeedSpec) WantsFullText() bool { return s.FullText != nil && *s.FullText }

// Validate checks one feed.
func (s FeedSpec) Validate() error {
	u, err := url.Parse(s.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("url %q is not an http(s) URL", s.URL)
	}
	if strings.TrimSpace(s.Name) == "" {
		return fmt.Errorf("name must not be empty")
	}
	if s.Interval != 0 && s.Interval < time.Second {
		return fmt.Errorf("interval must be at least 1s, got %s", s.Interval)
	}
	switch s.Format {
	case FormatAuto, FormatRSS, FormatNINJS, FormatNewsML:
	default:
		return fmt.Errorf("unknown format %q (want auto, rss, ninjs or newsml)", s.Format)
	}
	return nil
}

// ReservedFeedName is the state and metric name of pushed stories; no feed
// may take it.
const ReservedFeedName = "push"

// CheckFeedNames rejects two feeds with the same name (names key the state)
// and the reserved name.
func CheckFeedNames(specs []FeedSpec) error {
	seen := make(map[string]string, len(specs))
	for _, s := range specs {
		if s.Name == ReservedFeedName {
			return fmt.Errorf("feed name %q is reserved for pushed stories (%s)", s.Name, s.URL)
		}
		if prev, ok := seen[s.Name]; ok {
			return fmt.Errorf("feed name %q is used twice (%s and %s); give one a distinct name", s.Name, prev, s.URL)
		}
		seen[s.Name] = s.URL
	}
	return nil
}
