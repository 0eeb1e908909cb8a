package telemetry

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestAdminEndpoints(t *testing.T) {
	reg := NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "warwire_test_total", Help: "test"})
	reg.MustRegister(c)
	c.Add(3)
	a := NewAdmin("127.0.0.1:0", reg, zap.NewNop())
	var failing error
	a.AddCheck("dep", func(context.Context) error { return failing })
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	defer a.Close(context.Background())
	base := "http://" + a.Addr()
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Fatalf("/healthz = %d", code)
	}
	if code, body := get(t, base+"/metrics"); code != 200 || !strings.Contains(body, "warwire_test_total 3") || !strings.Contains(body, "go_goroutines") {
		t.Fatalf("/metrics = %d without the registered metrics:\n%.300s", code, body)
	}
	if code, _ := get(t, base+"/readyz"); code != 200 {
		t.Fatalf("/readyz = %d with every check passing", code)
	}
	failing = errors.New("elasticsearch down")
	if code, body := get(t, base+"/readyz"); code != 503 || !strings.Contains(body, "dep: elasticsearch down") {
		t.Fatalf("/readyz = %d %q with a failing check", code, body)
	}
	failing = nil
	a.SetNotReady()
	if code, _ := get(t, base+"/readyz"); code != 503 {
		t.Fatalf("/readyz = %d after SetNotReady", code)
	}
}

func TestLoggerWritesStructuredJSON(t *testing.T) {
	var buf bytes.Buffer
	log, err := NewLogger(config.Log{Level: "info", Format: "json"}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("hello", zap.String(KeyTopic, "warwire.stories"), zap.Int(KeyPartition, 2))
	log.Debug("hidden")
	_ = log.Sync()
	out := buf.String()
	for _, want := range []string{`"msg":"hello"`, `"topic":"warwire.stories"`, `"partition":2`, `"ts":"`} {
		if !strings.Contains(out, want) {
			t.Errorf("log line %q lacks %s", out, want)
		}
	}
	if strings.Contains(out, "hidden") {
		t.Error("debug line written at info level")
	}
	if _, err := NewLogger(config.Log{Level: "chatty", Format: "json"}, &buf); err == nil {
		t.Error("bad level accepted")
	}
	_ = time.Now
}
