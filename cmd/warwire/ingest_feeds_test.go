package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/kafka"
)

type recordingPublisher struct {
	mu   sync.Mutex
	keys []string
}

func (p *recordingPublisher) Publish(_ context.Context, recs ...kafka.Record) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range recs {
		p.keys = append(p.keys, string(r.Key))
	}
	return nil
}

// runFeedCmd runs a command carrying the feed flags, as ingest does.
func runFeedCmd(t *testing.T, pub *recordingPublisher, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &app{stdout: &out, stderr: &errOut, log: config.Log{Level: "error", Format: "json"}}
	var opts feedOptions
	cmd := &cobra.Command{
		Use: "ingest", SilenceUsage: true, SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !opts.enabled() {
				return errors.New("feed flags not seen")
			}
			return runFeeds(cmd.Context(), a, &opts, pub)
		},
	}
	addFeedFlags(cmd, &opts)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

func TestIngestFeedsOnce(t *testing.T) {
	rss, err := os.ReadFile(filepath.Join("..", "..", "testdata", "feeds", "rss.xml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write(rss)
			return
		}
		_, _ = w.Write([]byte("<html><body>Maintenance</body></html>"))
	}))
	defer srv.Close()
	dir := t.TempDir()
	feedsFile := filepath.Join(dir, "feeds.yaml")
	yaml := "feeds:\n  - name: desk\n    url: " + srv.URL + "/rss.xml\n  - name: broken\n    url: " + srv.URL + "/down\n"
	if err := os.WriteFile(feedsFile, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("WARWIRE_FEEDS_HOST_INTERVAL", "0s")
	state := filepath.Join(dir, "state.json")
	pub := &recordingPublisher{}
	out, errOut, err := runFeedCmd(t, pub, "--feeds", feedsFile, "--once", "--state", state)
	if !errors.Is(err, errReported) {
		t.Fatalf("a failed feed must fail --once: %v", err)
	}
	if !strings.Contains(out, "desk: 3 items, 3 new, 0 updated, 3 sent") || !strings.Contains(out, "broken: FAILED (not_a_feed)") {
		t.Errorf("summary:\n%s", out)
	}
	if !strings.Contains(errOut, "1 of 2 feeds failed") || len(pub.keys) != 3 {
		t.Errorf("stderr %q, %d sent", errOut, len(pub.keys))
	}
	if _, err := os.Stat(state); err != nil {
		t.Errorf("state not written: %v", err)
	}
	// A second run sends nothing new.
	out, _, err = runFeedCmd(t, pub, "--feeds", feedsFile, "--once", "--state", state)
	if !errors.Is(err, errReported) || len(pub.keys) != 3 || !strings.Contains(out, "desk: 3 items, 0 new, 0 updated, 0 sent") {
		t.Errorf("second run: %v, %d sent in all:\n%s", err, len(pub.keys), out)
	}
}

func TestIngestFeedsUsageErrors(t *testing.T) {
	cases := map[string][]string{
		"once with listen": {"--feed", "https://a.example/rss", "--once", "--listen", "127.0.0.1:0"},
		"bad url":          {"--feed", "gopher://a.example/rss", "--once"},
		"missing file":     {"--feeds", "/nonexistent/feeds.yaml", "--once"},
	}
	for name, args := range cases {
		_, _, err := runFeedCmd(t, &recordingPublisher{}, args...)
		var ue *usageError
		if !errors.As(err, &ue) && !config.IsConfigError(err) {
			t.Errorf("%s: %v, want a usage or config error (exit 2)", name, err)
		}
	}
}
