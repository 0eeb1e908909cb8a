package feeds

import (
	"context"
	"testing"
)

// BenchmarkPollUnchangedHugeFeed measures a re-poll of a 3000-item feed
// served without validators: fetch, parse, hash and compare every item,
// send nothing.
func BenchmarkPollUnchangedHugeFeed(b *testing.B) {
	srv := newFixtureServer(b)
	srv.noValidators = true
	srv.set("/big.xml", hugeFeed(3000), "application/rss+xml")
	cfg := testConfig(b)
	cfg.MaxBytes = 4 << 20
	pub := &fakePublisher{}
	h := newHarness(b, cfg, specsFor(srv, "/big.xml"), pub)
	if r, _ := h.in.PollOnce(context.Background()); r[0].Sent != 3000 {
		b.Fatalf("%+v", r[0])
	}
	b.ReportAllocs()
	for b.Loop() {
		r, _ := h.in.PollOnce(context.Background())
		if r[0].Err != nil || r[0].Sent != 0 {
			b.Fatalf("%+v", r[0])
		}
	}
}

// BenchmarkFirstPollHugeFeed measures the first poll of a 3000-item feed:
// every item is encoded, validated against the NINJS schema and published.
func BenchmarkFirstPollHugeFeed(b *testing.B) {
	srv := newFixtureServer(b)
	srv.set("/big.xml", hugeFeed(3000), "application/rss+xml")
	b.ReportAllocs()
	for b.Loop() {
		cfg := testConfig(b)
		cfg.MaxBytes = 4 << 20
		h := newHarness(b, cfg, specsFor(srv, "/big.xml"), &fakePublisher{})
		if r, _ := h.in.PollOnce(context.Background()); r[0].Sent != 3000 {
			b.Fatalf("%+v", r[0])
		}
	}
}
