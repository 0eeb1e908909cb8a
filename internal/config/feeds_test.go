package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExampleFeedsFileLoads(t *testing.T) {
	specs, err := LoadFeedsFile(filepath.Join("..", "..", "deploy", "feeds.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(specs) != 4 {
		t.Fatalf("%d enabled feeds, want 4 (one is disabled)", len(specs))
	}
	byName := map[string]FeedSpec{}
	for _, s := range specs {
		byName[s.Name] = s
	}
	if s := byName["kyiv-wire-en"]; s.Interval != 2*time.Minute || s.Format != FormatAuto || s.Source != "Kyiv Example Wire" {
		t.Errorf("defaults not applied: %+v", s)
	}
	if s := byName["kharkiv-bulletin"]; s.Interval != 5*time.Minute || !s.WantsFullText() {
		t.Errorf("overrides lost: %+v", s)
	}
	if s := byName["east-wire-ninjs"]; s.Format != FormatNINJS || !strings.HasPrefix(s.Headers["Authorization"], "Bearer ") {
		t.Errorf("%+v", s)
	}
}

func TestFeedsFileErrorsNameTheProblem(t *testing.T) {
	cases := map[string]string{
		"feeds:\n  - url: https://a.example/f\n    intervall: 5m\n":                                      "field intervall not found",
		"feeds:\n  - url: ftp://a.example/f\n":                                                           "not an http(s) URL",
		"feeds:\n  - url: https://a.example/f\n    format: csv\n":                                        "unknown format",
		"feeds:\n  - url: https://a.example/f\n    interval: 10ms\n":                                     "at least 1s",
		"feeds:\n  - url: https://a.example/f\n  - url: https://a.example/f/\n":                          "used twice",
		"feeds:\n  - {name: x, url: 'https://a.example/1'}\n  - {name: x, url: 'https://b.example/2'}\n": "used twice",
	}
	for body, want := range cases {
		path := filepath.Join(t.TempDir(), "feeds.yaml")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadFeedsFile(path)
		if !IsConfigError(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want a config error containing %q", body, err, want)
		}
	}
}

func TestFeedNameDefaultsToHostAndPath(t *testing.T) {
	s := FeedSpec{URL: "https://WWW.Example.org/news/rss/"}.Normalized()
	if s.Name != "www.example.org/news/rss" || s.Format != FormatAuto {
		t.Errorf("%+v", s)
	}
}

func TestFeedsConfigValidate(t *testing.T) {
	if err := DefaultFeeds().Validate(); err != nil {
		t.Fatal(err)
	}
	c := DefaultFeeds()
	c.MaxBytes = 10
	if err := c.Validate(); !IsConfigError(err) || !strings.Contains(err.Error(), "WARWIRE_FEEDS_MAX_BYTES") {
		t.Errorf("%v", err)
	}
	if err := Apply(&c, func(k string) (string, bool) { return "90s", k == "WARWIRE_FEEDS_INTERVAL" }); err != nil || c.Interval != 90*time.Second {
		t.Errorf("env override: %v %v", err, c.Interval)
	}
	p := DefaultPush()
	p.MaxBytes = 0
	if err := p.Validate(); !IsConfigError(err) {
		t.Errorf("%v", err)
	}
}
