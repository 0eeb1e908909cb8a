package feeds

import (
	"context"
	"errors"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/feeds/parse"
)

func TestPollOnceSendsEveryStoryOnceThenNothing(t *testing.T) {
	srv := newFixtureServer(t)
	pub := &fakePublisher{}
	h := newHarness(t, testConfig(t), specsFor(srv, goodPaths()...), pub)
	results, err := h.in.PollOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := Failed(results); n != 0 {
		t.Fatalf("%d feeds failed:\n%s", n, Summary(results))
	}
	got := decodeRecords(t, pub.take())
	if want := allGoodURIs(); !slices.Equal(keysOf(got), want) {
		t.Fatalf("keys\n%q\nwant\n%q", keysOf(got), want)
	}
	for _, d := range got {
		if d.Headers[HeaderFeed] == "" || d.Headers[HeaderFormat] == "" {
			t.Errorf("%s: headers %v", d.Key, d.Headers)
		}
	}
	// Second run: every feed answers 304 to the conditional GET, nothing is sent.
	results, err = h.in.PollOnce(context.Background())
	if err != nil || Failed(results) != 0 {
		t.Fatalf("%v\n%s", err, Summary(results))
	}
	if recs := pub.take(); len(recs) != 0 {
		t.Errorf("second run sent %d messages", len(recs))
	}
	for _, p := range goodPaths() {
		if srv.conditionalCount(p) != 1 {
			t.Errorf("%s: %d conditional requests, want 1", p, srv.conditionalCount(p))
		}
	}
	if v := counterValue(t, h.m.Polls, "/rss.xml", "not_modified"); v != 1 {
		t.Errorf("not_modified polls %v", v)
	}
	if v := counterValue(t, h.m.ItemsSent, "/rss.xml"); v != 3 {
		t.Errorf("sent %v", v)
	}
	families, err := h.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range families {
		names[f.GetName()] = true
		if f.GetName() == "warwire_feed_last_success_timestamp_seconds" {
			for _, m := range f.GetMetric() {
				if age := time.Since(time.Unix(int64(m.GetGauge().GetValue()), 0)); age > time.Minute {
					t.Errorf("last success %v ago", age)
				}
			}
		}
	}
	for _, n := range []string{"warwire_feed_items_seen_total", "warwire_feed_items_new_total", "warwire_feed_items_updated_total",
		"warwire_feed_items_sent_total", "warwire_feed_polls_total", "warwire_feed_last_success_timestamp_seconds"} {
		if !names[n] {
			t.Errorf("metric %s not registered", n)
		}
	}
}

func TestVersionsAndKills(t *testing.T) {
	srv := newFixtureServer(t)
	pub := &fakePublisher{}
	h := newHarness(t, testConfig(t), specsFor(srv, "/rss.xml", "/ninjs-2.json", "/newsml-message.xml"), pub)
	if _, err := h.in.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	byKey := map[string]parse.Message{}
	for _, d := range decodeRecords(t, pub.take()) {
		byKey[d.Key] = d.Msg
	}
	checks := []struct{ uri, version, status string }{
		{"https://dniprodesk.example/news/2025/03/evacuation-pokrovsk", "1", "usable"}, // RSS: our own counter
		{"urn:newsml:eastwire.example:20250305:ew-7702", "4", "canceled"},              // NINJS kill, source version
		{"urn:newsml:steppe-news.example:20250301:sn-3120", "5", "canceled"},           // NewsML-G2 stat:canceled
		{"urn:newsml:steppe-news.example:20250309:sn-3402", "2", "usable"},
	}
	for _, c := range checks {
		m, ok := byKey[c.uri]
		if !ok || m.Version != c.version || m.PubStatus != c.status {
			t.Errorf("%s: got %+v (present %v), want version %s %s", c.uri, m, ok, c.version, c.status)
		}
	}
	if m := byKey["https://dniprodesk.example/news/2025/03/evacuation-pokrovsk"]; m.CopyrightHolder != "Dnipro Desk & Partners — Latest" {
		t.Errorf("copyrightholder from the feed title: %q", m.CopyrightHolder)
	}
}

func TestEditedItemIsSentOnceWithHigherVersion(t *testing.T) {
	srv := newFixtureServer(t)
	pub := &fakePublisher{}
	h := newHarness(t, testConfig(t), specsFor(srv, "/rss.xml", "/newsml-item.xml"), pub)
	ctx := context.Background()
	if _, err := h.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	pub.take()
	srv.edit("/rss.xml", "about 60 people", "about 75 people")
	srv.edit("/newsml-item.xml", "came under fire", "came under heavy fire")
	if _, err := h.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	got := decodeRecords(t, pub.take())
	if len(got) != 2 {
		t.Fatalf("sent %d messages, want 2: %v", len(got), keysOf(got))
	}
	for _, d := range got {
		switch d.Key {
		case "https://dniprodesk.example/news/2025/03/evacuation-pokrovsk":
			if d.Msg.Version != "2" || !strings.Contains(d.Msg.BodyText, "about 75 people") {
				t.Errorf("rss edit: %+v", d.Msg)
			}
		case "urn:newsml:steppe-news.example:20250308:sn-3304":
			// The source still says version 3: warwire bumps past it.
			if d.Msg.Version != "4" || !strings.Contains(d.Msg.BodyText, "heavy fire") {
				t.Errorf("newsml edit: %+v", d.Msg)
			}
		default:
			t.Errorf("unexpected message %s", d.Key)
		}
	}
	if v := counterValue(t, h.m.ItemsUpdated, "/rss.xml"); v != 1 {
		t.Errorf("updated counter %v", v)
	}
	// And once only.
	if _, err := h.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if recs := pub.take(); len(recs) != 0 {
		t.Errorf("edit sent again: %d", len(recs))
	}
}

func TestUnchangedItemsWithoutValidatorsSendNothing(t *testing.T) {
	srv := newFixtureServer(t)
	srv.noValidators = true
	pub := &fakePublisher{}
	h := newHarness(t, testConfig(t), specsFor(srv, "/rss.xml", "/ninjs.jsonl"), pub)
	for i := 0; i < 2; i++ {
		if _, err := h.in.PollOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(pub.take()); n != 6 {
		t.Errorf("sent %d over two polls, want 6 (3 + 3, then nothing)", n)
	}
	if srv.conditionalCount("/rss.xml") != 0 {
		t.Error("sent validators the server never gave")
	}
}

func TestDroppedItemIsNotAKill(t *testing.T) {
	srv := newFixtureServer(t)
	pub := &fakePublisher{}
	h := newHarness(t, testConfig(t), specsFor(srv, "/ninjs.jsonl"), pub)
	ctx := context.Background()
	if _, err := h.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	pub.take()
	full := readFixture(t, "ninjs.jsonl")
	lines := strings.Split(strings.TrimSpace(string(full)), "\n")
	srv.set("/ninjs.jsonl", []byte(strings.Join(lines[1:], "\n")), "application/x-ndjson")
	if _, err := h.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if recs := pub.take(); len(recs) != 0 {
		t.Errorf("dropping an item sent %d messages", len(recs))
	}
	srv.set("/ninjs.jsonl", full, "application/x-ndjson")
	if _, err := h.in.PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if recs := pub.take(); len(recs) != 0 {
		t.Errorf("an unchanged item coming back sent %d messages", len(recs))
	}
}

func TestBadFeedsAreReportedAndGoodOnesFlow(t *testing.T) {
	srv := newFixtureServer(t)
	pub := &fakePublisher{}
	var paths []string
	for p := range badFeeds {
		paths = append(paths, p)
	}
	paths = append(paths, goodPaths()...)
	// A server that is not there at all: connection refused.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gone := "http://" + ln.Addr().String() + "/rss.xml"
	_ = ln.Close()
	specs := append(specsFor(srv, paths...), config.FeedSpec{Name: "gone", URL: gone})
	h := newHarness(t, testConfig(t), specs, pub)
	results, err := h.in.PollOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r := results[len(results)-1]; r.Kind != KindNetwork {
		t.Errorf("connection refused: kind %q err %v", r.Kind, r.Err)
	}
	results = results[:len(results)-1]
	if want := allGoodURIs(); !slices.Equal(keysOf(decodeRecords(t, pub.take())), want) {
		t.Errorf("good feeds did not all flow")
	}
	for _, r := range results {
		kind, bad := badFeeds[r.Feed]
		switch {
		case bad && (r.Err == nil || r.Kind != kind):
			t.Errorf("%s: kind %q err %v, want kind %s", r.Feed, r.Kind, r.Err, kind)
		case !bad && r.Err != nil:
			t.Errorf("%s failed: %v", r.Feed, r.Err)
		}
	}
	warns := h.logs.FilterMessage("feed poll failed").All()
	if len(warns) != len(badFeeds)+1 {
		t.Errorf("%d failure log lines, want one per bad feed (%d)", len(warns), len(badFeeds))
	}
	for _, e := range warns {
		f := e.ContextMap()
		feed, _ := f["feed"].(string)
		if feed == "gone" {
			continue
		}
		if e.Level != zapcore.WarnLevel || f["kind"] != badFeeds[feed] || f["url"] != srv.URL+feed || f["error"] == nil {
			t.Errorf("log line %v", f)
		}
		if v := counterValue(t, h.m.PollErrors, feed, badFeeds[feed]); v != 1 {
			t.Errorf("%s: poll_errors_total{kind=%s} = %v", feed, badFeeds[feed], v)
		}
	}
	// One attempt (a loop is not retried): the request and five redirects.
	if n := srv.hitCount("/loop/a") + srv.hitCount("/loop/b"); n != config.DefaultFeeds().MaxRedirects+1 {
		t.Errorf("redirect loop requested %d times, want %d", n, config.DefaultFeeds().MaxRedirects+1)
	}
}

func TestRedirectIsFollowedAndGzipDecoded(t *testing.T) {
	srv := newFixtureServer(t)
	pub := &fakePublisher{}
	h := newHarness(t, testConfig(t), specsFor(srv, "/redirect-once", "/gzip.xml"), pub)
	results, err := h.in.PollOnce(context.Background())
	if err != nil || Failed(results) != 0 {
		t.Fatalf("%v\n%s", err, Summary(results))
	}
	if n := len(pub.take()); n != 5 {
		t.Errorf("sent %d, want 3 (rss) + 2 (atom)", n)
	}
}

func TestRetriesTransientErrors(t *testing.T) {
	srv := newFixtureServer(t)
	srv.flaky = 2
	srv.set("/flaky.xml", readFixture(t, "rss.xml"), "application/rss+xml")
	cfg := testConfig(t)
	cfg.Retries = 2
	pub := &fakePublisher{}
	h := newHarness(t, cfg, specsFor(srv, "/flaky.xml"), pub)
	results, _ := h.in.PollOnce(context.Background())
	if results[0].Err != nil || results[0].Sent != 3 {
		t.Fatalf("%+v", results[0])
	}
	if n := srv.hitCount("/flaky.xml"); n != 3 {
		t.Errorf("%d requests, want 3 (two 503s, then success)", n)
	}
}

func TestPublishFailureIsRetriedAtNextPoll(t *testing.T) {
	srv := newFixtureServer(t)
	pub := &fakePublisher{}
	pub.setFail(errors.New("broker down"))
	h := newHarness(t, testConfig(t), specsFor(srv, "/atom.xml"), pub)
	results, _ := h.in.PollOnce(context.Background())
	if results[0].Kind != KindPublish {
		t.Fatalf("kind %q", results[0].Kind)
	}
	if v := counterValue(t, h.m.ItemsNew, "/atom.xml"); v != 0 {
		t.Errorf("unacknowledged items counted as new: %v", v)
	}
	pub.setFail(nil)
	results, _ = h.in.PollOnce(context.Background())
	if results[0].Err != nil || results[0].Sent != 2 || results[0].New != 2 {
		t.Fatalf("%+v", results[0])
	}
	if srv.conditionalCount("/atom.xml") != 0 {
		t.Error("the ETag of an unacknowledged poll was kept")
	}
}

func TestRestartKeepsState(t *testing.T) {
	srv := newFixtureServer(t)
	srv.noValidators = true // make the restarted ingester parse and compare every item
	cfg := testConfig(t)
	specs := specsFor(srv, goodPaths()...)
	pub := &fakePublisher{}
	first := newHarness(t, cfg, specs, pub)
	if _, err := first.in.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	sent := len(pub.take())
	srv.edit("/ninjs-1.json", `"version": "2"`, `"version": "3"`)
	srv.set("/extra.jsonl", []byte(`{"uri":"urn:x:new-1","headline":"Late item","body_text":"Arrived after the restart."}`+"\n"+
		`{"uri":"urn:x:new-2","headline":"Another late item","body_text":"Also new."}`), "application/x-ndjson")
	second := newHarness(t, cfg, append(specs, specsFor(srv, "/extra.jsonl")...), pub)
	if _, err := second.in.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := decodeRecords(t, pub.take())
	want := []string{"urn:newsml:eastwire.example:20250306:ew-7781", "urn:x:new-1", "urn:x:new-2"}
	if sent != len(allGoodURIs()) || !slices.Equal(keysOf(got), want) {
		t.Errorf("first run %d, after restart %q, want %q", sent, keysOf(got), want)
	}
}

func TestMaxItemsCapsAFeed(t *testing.T) {
	srv := newFixtureServer(t)
	cfg := testConfig(t)
	cfg.MaxBytes = 4 << 20
	cfg.MaxItems = 100
	pub := &fakePublisher{}
	h := newHarness(t, cfg, specsFor(srv, "/huge.xml"), pub)
	results, _ := h.in.PollOnce(context.Background())
	if results[0].Err != nil || results[0].Sent != 100 || results[0].Skipped != 2900 {
		t.Fatalf("%+v", results[0])
	}
}

func TestPolitenessSpacesRequestsToAHost(t *testing.T) {
	srv := newFixtureServer(t)
	cfg := testConfig(t)
	cfg.HostConcurrency = 1
	cfg.HostInterval = 150 * time.Millisecond
	h := newHarness(t, cfg, specsFor(srv, "/rss.xml", "/atom.xml", "/ninjs-1.json"), &fakePublisher{})
	if _, err := h.in.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv.mu.Lock()
	starts := slices.Clone(srv.starts)
	srv.mu.Unlock()
	if len(starts) != 3 {
		t.Fatalf("%d requests", len(starts))
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 140*time.Millisecond {
			t.Errorf("requests %d and %d to one host %v apart, want ≥ 150ms", i-1, i, gap)
		}
	}
}

func TestRunPollsRepeatedlyUntilCanceled(t *testing.T) {
	srv := newFixtureServer(t)
	cfg := testConfig(t)
	cfg.Interval = time.Second
	pub := &fakePublisher{}
	h := newHarness(t, cfg, specsFor(srv, "/rss.xml"), pub)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := h.in.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if n := srv.hitCount("/rss.xml"); n < 2 {
		t.Errorf("%d polls in 3 s at a 1 s interval", n)
	}
	if n := len(pub.take()); n != 3 {
		t.Errorf("sent %d, want 3", n)
	}
}

func TestNewRejectsBadFeeds(t *testing.T) {
	cfg := testConfig(t)
	ok := newHarness(t, cfg, nil, &fakePublisher{})
	deps := Deps{Publisher: &fakePublisher{}, Store: ok.store, Metrics: ok.m, Log: zap.NewNop()}
	if _, err := New(cfg, []config.FeedSpec{{URL: "https://a.example/f"}}, deps); err != nil {
		t.Fatalf("a good feed rejected: %v", err)
	}
	for _, specs := range [][]config.FeedSpec{
		{{URL: "ftp://x.example/feed"}},
		{{URL: "https://a.example/f", Format: "csv"}},
		{{Name: "same", URL: "https://a.example/1"}, {Name: "same", URL: "https://a.example/2"}},
		{{Name: "push", URL: "https://a.example/1"}},
	} {
		h, err := New(cfg, specs, deps)
		if !config.IsConfigError(err) {
			t.Errorf("%+v accepted: %v", specs, h)
		}
	}
}
