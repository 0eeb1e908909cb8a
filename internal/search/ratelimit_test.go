package search

import (
	"net/http/httptest"
	"testing"
	"time"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestLimiterBurstThenRate(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	l := newLimiter(2, 3, clk.now) // 2 per second, burst 3
	for i := 0; i < 3; i++ {
		if ok, _ := l.allow("a"); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	ok, wait := l.allow("a")
	if ok || wait <= 0 || wait > 500*time.Millisecond {
		t.Fatalf("4th request: ok=%v wait=%v, want refused with a wait up to 500ms", ok, wait)
	}
	if ok, _ := l.allow("b"); !ok {
		t.Fatal("another client is limited by the first one's bucket")
	}
	clk.t = clk.t.Add(500 * time.Millisecond)
	if ok, _ := l.allow("a"); !ok {
		t.Fatal("refill after 500ms did not give a token")
	}
	if ok, _ := l.allow("a"); ok {
		t.Fatal("a second token appeared from 500ms at 2/s")
	}
}

func TestLimiterSweepsIdleClients(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	l := newLimiter(1, 2, clk.now)
	for _, k := range []string{"a", "b", "c"} {
		l.allow(k)
	}
	clk.t = clk.t.Add(2 * time.Minute)
	l.allow("d")
	if n := l.size(); n != 1 {
		t.Errorf("%d buckets after sweep, want 1", n)
	}
}

func TestClientIP(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "192.0.2.7:5555"
	r.Header.Set("X-Forwarded-For", "198.51.100.1, 203.0.113.9")
	if got := clientIP(r, false); got != "192.0.2.7" {
		t.Errorf("untrusted: %s", got)
	}
	if got := clientIP(r, true); got != "203.0.113.9" {
		t.Errorf("trusted proxy: %s", got)
	}
}
