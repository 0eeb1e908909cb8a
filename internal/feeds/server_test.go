package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/kafka"
)

// fixtureServer serves the feeds of testdata/feeds and every bad case. Its
// documents can be edited while it runs; it answers conditional GETs with
// 304 when a document is unchanged (unless noValidators).
type fixtureServer struct {
	*httptest.Server
	t testing.TB

	mu           sync.Mutex
	docs         map[string]doc
	hits         map[string]int
	conditional  map[string]int // requests that carried If-None-Match or If-Modified-Since
	starts       []time.Time
	noValidators bool
	flaky        int // /flaky.xml answers 503 this many times first
}

type doc struct {
	body        []byte
	contentType string
	modified    time.Time
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newFixtureServer(t testing.TB) *fixtureServer {
	s := &fixtureServer{t: t, docs: map[string]doc{}, hits: map[string]int{}, conditional: map[string]int{}}
	for path, f := range map[string][2]string{
		"/rss.xml":            {"rss.xml", "application/rss+xml; charset=utf-8"},
		"/atom.xml":           {"atom.xml", "application/atom+xml"},
		"/ninjs-1.json":       {"ninjs-1.json", "application/json"},
		"/ninjs-2.json":       {"ninjs-2.json", "application/json"},
		"/ninjs.jsonl":        {"ninjs.jsonl", "application/x-ndjson"},
		"/newsml-item.xml":    {"newsml-item.xml", "application/vnd.iptc.g2.newsitem+xml"},
		"/newsml-message.xml": {"newsml-message.xml", "application/vnd.iptc.g2.newsmessage+xml"},
		"/cp1251.xml":         {"rss-windows1251.xml", "application/xml"},
		"/koi8r.xml":          {"rss-koi8r.xml", "text/xml"},
		"/error-page.xml":     {"error-page.html", "application/rss+xml"},
		"/malformed.xml":      {"malformed.xml", "application/rss+xml"},
	} {
		s.docs[path] = doc{body: readFixture(t, f[0]), contentType: f[1], modified: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// set replaces (or adds) the document at path.
func (s *fixtureServer) set(path string, body []byte, contentType string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = doc{body: body, contentType: contentType, modified: time.Now().UTC().Truncate(time.Second).Add(time.Second)}
}

// edit replaces old with new in the document at path.
func (s *fixtureServer) edit(path, old, new string) {
	s.mu.Lock()
	d := s.docs[path]
	s.mu.Unlock()
	if !bytes.Contains(d.body, []byte(old)) {
		s.t.Fatalf("%s does not contain %q", path, old)
	}
	s.set(path, bytes.Replace(d.body, []byte(old), []byte(new), 1), d.contentType)
}

func (s *fixtureServer) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *fixtureServer) conditionalCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conditional[path]
}

func (s *fixtureServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.starts = append(s.starts, time.Now())
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		s.conditional[r.URL.Path]++
	}
	d, ok := s.docs[r.URL.Path]
	flaky := r.URL.Path == "/flaky.xml" && s.hits[r.URL.Path] <= s.flaky
	noValidators := s.noValidators
	s.mu.Unlock()
	switch {
	case s.special(w, r):
		return
	case flaky:
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	case !ok:
		http.NotFound(w, r)
		return
	}
	if !noValidators {
		sum := sha256.Sum256(d.body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", d.contentType)
	_, _ = w.Write(d.body)
}

// special serves the bad cases that are behaviour, not documents.
func (s *fixtureServer) special(w http.ResponseWriter, r *http.Request) bool {
	switch r.URL.Path {
	case "/loop/a":
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	case "/loop/b":
		http.Redirect(w, r, "/loop/a", http.StatusFound)
	case "/redirect-once":
		http.Redirect(w, r, "/rss.xml", http.StatusMovedPermanently)
	case "/bomb.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(gzipBomb(s.t))
	case "/gzip.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(gzipped(s.t, readFixture(s.t, "atom.xml")))
	case "/huge.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(hugeFeed(3000))
	case "/slow.xml":
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	case "/status500":
		http.Error(w, "internal error", http.StatusInternalServerError)
	default:
		return false
	}
	return true
}

var (
	bombOnce sync.Once
	bomb     []byte
)

// gzipBomb is 64 MiB of zeros in about 64 KiB of gzip: 64 gzip members
// of 1 MiB each (gzip readers, Go's among them, read concatenated members
// as one stream), so that building it costs one compression of 1 MiB.
func gzipBomb(t testing.TB) []byte {
	bombOnce.Do(func() {
		member := func(prefix []byte) []byte {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			_, _ = zw.Write(prefix)
			_, _ = zw.Write(make([]byte, 1<<20))
			_ = zw.Close()
			return buf.Bytes()
		}
		bomb = member([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
		zeros := member(nil)
		for i := 1; i < 64; i++ {
			bomb = append(bomb, zeros...)
		}
	})
	return bomb
}

func gzipped(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	_ = zw.Close()
	return buf.Bytes()
}

// hugeFeed is a valid RSS feed of n items (about 450 bytes each).
func hugeFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bulk wire</title>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<item><title>Regional update number %d from the eastern front line</title>`+
			`<link>https://bulk.example/updates/%d</link><guid>https://bulk.example/updates/%d</guid>`+
			`<pubDate>Wed, 05 Mar 2025 10:00:00 +0000</pubDate><description>Local officials reported `+
			`on shelter openings, power repairs and evacuation convoys in district %d during the day.</description></item>`, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// fakePublisher records what it is given; fail makes the next calls fail.
type fakePublisher struct {
	mu    sync.Mutex
	recs  []kafka.Record
	calls int
	fail  error
}

func (p *fakePublisher) Publish(_ context.Context, recs ...kafka.Record) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if p.fail != nil {
		return p.fail
	}
	p.recs = append(p.recs, recs...)
	return nil
}

func (p *fakePublisher) setFail(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fail = err
}

// take returns the records published since the last take.
func (p *fakePublisher) take() []kafka.Record {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.recs
	p.recs = nil
	return out
}
