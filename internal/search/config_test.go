package search

import (
	"testing"
	"time"

	"github.com/warwire/warwire/internal/config"
)

func TestSearchAndServeConfig(t *testing.T) {
	if err := config.DefaultSearch().Validate(); err != nil {
		t.Fatalf("default search config: %v", err)
	}
	if err := config.DefaultServe().Validate(); err != nil {
		t.Fatalf("default serve config: %v", err)
	}
	env := map[string]string{"WARWIRE_SEARCH_MAX_SIZE": "50", "WARWIRE_SEARCH_TIMEOUT": "3s", "WARWIRE_SERVE_TOKEN": "a-token-of-twenty-chars", "WARWIRE_SERVE_RATE_LIMIT": "2.5"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	sc, vc := config.DefaultSearch(), config.DefaultServe()
	if err := config.Apply(&sc, lookup); err != nil {
		t.Fatal(err)
	}
	if err := config.Apply(&vc, lookup); err != nil {
		t.Fatal(err)
	}
	if sc.MaxSize != 50 || sc.QueryTimeout != 3*time.Second || vc.Token != "a-token-of-twenty-chars" || vc.RateLimit != 2.5 {
		t.Errorf("env not applied: %+v %+v", sc, vc)
	}
	bad := []struct {
		name string
		err  error
	}{
		{"WARWIRE_SEARCH_DEFAULT_SIZE", func() error { c := config.DefaultSearch(); c.DefaultSize = 500; return c.Validate() }()},
		{"WARWIRE_SEARCH_PIT_KEEPALIVE", func() error { c := config.DefaultSearch(); c.PITKeepAlive = 0; return c.Validate() }()},
		{"WARWIRE_SERVE_LISTEN", func() error { c := config.DefaultServe(); c.Listen = "8080"; return c.Validate() }()},
		{"WARWIRE_SERVE_TOKEN", func() error { c := config.DefaultServe(); c.Token = "short"; return c.Validate() }()},
		{"WARWIRE_SERVE_RATE_BURST", func() error { c := config.DefaultServe(); c.RateBurst = 0; return c.Validate() }()},
	}
	for _, b := range bad {
		ce, ok := b.err.(*config.Error)
		if !ok || ce.Var != b.name {
			t.Errorf("want an error naming %s, got %v", b.name, b.err)
		}
	}
	// A value that does not parse is an error naming the variable.
	err := config.Apply(&vc, func(k string) (string, bool) {
		if k == "WARWIRE_SERVE_RATE_LIMIT" {
			return "lots", true
		}
		return "", false
	})
	if err == nil {
		t.Error("bad rate limit accepted")
	}
}
