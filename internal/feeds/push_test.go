package feeds

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/feeds/state"
)

type pushHarness struct {
	srv *httptest.Server
	pub *fakePublisher
	m   *Metrics
}

func newPushHarness(t *testing.T, cfg config.Push) *pushHarness {
	t.Helper()
	store, err := state.Open(t.TempDir()+"/push.json", zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	pub := &fakePublisher{}
	ps, err := NewPushServer(cfg, Deps{Publisher: pub, Store: store, Metrics: m, Log: zap.NewNop()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ps.Handler())
	t.Cleanup(srv.Close)
	return &pushHarness{srv: srv, pub: pub, m: m}
}

func (h *pushHarness) post(t *testing.T, method, contentType, token string, body []byte) (int, pushReply, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(method, h.srv.URL+"/v1/stories", bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r pushReply
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("answer is not JSON: %v: %s", err, raw)
	}
	if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, "application/json") {
		t.Errorf("content type %q", got)
	}
	return resp.StatusCode, r, resp.Header
}

func TestPushAcceptsNINJSAndNewsML(t *testing.T) {
	h := newPushHarness(t, config.DefaultPush())
	cases := []struct {
		name, contentType, file string
		sent                    int
	}{
		{"ninjs single", "application/json", "ninjs-1.json", 1},
		{"ninjs array", "application/ninjs+json; charset=utf-8", "ninjs-2.json", 2},
		{"newsml message", "application/vnd.iptc.g2.newsmessage+xml", "newsml-message.xml", 3},
		{"newsml sniffed", "", "newsml-item.xml", 1},
	}
	for _, c := range cases {
		code, r, _ := h.post(t, http.MethodPost, c.contentType, "", readFixture(t, c.file))
		if code != http.StatusAccepted || r.Sent != c.sent || r.Accepted != c.sent {
			t.Errorf("%s: %d %+v", c.name, code, r)
		}
		recs := decodeRecords(t, h.pub.take())
		if len(recs) != c.sent || recs[0].Headers[HeaderFeed] != PushFeed {
			t.Errorf("%s: published %d", c.name, len(recs))
		}
	}
	// The same story again is accepted and not sent twice.
	code, r, _ := h.post(t, http.MethodPost, "application/json", "", readFixture(t, "ninjs-1.json"))
	if code != http.StatusAccepted || r.Sent != 0 || r.Stories[0].Status != "unchanged" {
		t.Errorf("repeat: %d %+v", code, r)
	}
	if len(h.pub.take()) != 0 {
		t.Error("repeat was published")
	}
	if v := counterValue(t, h.m.PushRequests, "202"); v != 5 {
		t.Errorf("202 counter %v", v)
	}
}

func TestPushRejectsBadRequests(t *testing.T) {
	cfg := config.DefaultPush()
	cfg.MaxBytes = 4096
	h := newPushHarness(t, cfg)
	story := readFixture(t, "ninjs-1.json")
	cases := []struct {
		name, method, contentType string
		body                      []byte
		code                      int
		errorHas, detailHas       string
	}{
		{"get", http.MethodGet, "", nil, http.StatusMethodNotAllowed, "use POST", ""},
		{"plain text", http.MethodPost, "text/plain", story, http.StatusUnsupportedMediaType, "not accepted", "application/json"},
		{"broken json", http.MethodPost, "application/json", []byte(`{"uri": "a", "headline": `), http.StatusBadRequest, "not valid", "invalid JSON at line 1"},
		{"schema", http.MethodPost, "application/json", []byte(`{"uri":"urn:a","headline":"H","urgency":42,"version":"v2"}`), http.StatusBadRequest, "not valid", "document 1: /urgency"},
		{"no uri", http.MethodPost, "application/json", []byte(`{"headline":"H"}`), http.StatusBadRequest, "not valid", "/uri"},
		{"no text", http.MethodPost, "application/xml", []byte(`<newsItem guid="urn:g" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta></newsItem>`), http.StatusBadRequest, "cannot be used", "not a valid story"},
		{"html", http.MethodPost, "", readFixture(t, "error-page.html"), http.StatusBadRequest, "neither NINJS", "HTML"},
		{"bad xml", http.MethodPost, "application/xml", []byte(`<newsItem guid="g"><itemMeta>`), http.StatusBadRequest, "not well-formed", "XML"},
		{"picture only", http.MethodPost, "application/json", []byte(`{"uri":"urn:p","type":"picture","headline":"P"}`), http.StatusBadRequest, "no text story", ""},
		{"too large", http.MethodPost, "application/json", bytes.Repeat([]byte(" "), 5000), http.StatusRequestEntityTooLarge, "larger than the limit", ""},
	}
	for _, c := range cases {
		code, r, hdr := h.post(t, c.method, c.contentType, "", c.body)
		if code != c.code || !strings.Contains(r.Error, c.errorHas) || !strings.Contains(strings.Join(r.Details, "\n"), c.detailHas) {
			t.Errorf("%s: %d %+v; want %d, error with %q, details with %q", c.name, code, r, c.code, c.errorHas, c.detailHas)
		}
		if c.code == http.StatusMethodNotAllowed && hdr.Get("Allow") != http.MethodPost {
			t.Errorf("405 without Allow: %v", hdr)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/v1/stories", bytes.NewReader(gzipped(t, story)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Content-Encoding", "gzip")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("gzip body: %d", resp.StatusCode)
	}
	if n := len(h.pub.take()); n != 0 {
		t.Errorf("bad requests published %d messages", n)
	}
}

func TestPushBearerToken(t *testing.T) {
	cfg := config.DefaultPush()
	cfg.Token = "s3cret-token"
	h := newPushHarness(t, cfg)
	story := readFixture(t, "ninjs-1.json")
	for _, tok := range []string{"", "wrong"} {
		code, r, hdr := h.post(t, http.MethodPost, "application/json", tok, story)
		if code != http.StatusUnauthorized || !strings.Contains(r.Error, "bearer token") || !strings.HasPrefix(hdr.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("token %q: %d %+v", tok, code, r)
		}
	}
	if code, r, _ := h.post(t, http.MethodPost, "application/json", "s3cret-token", story); code != http.StatusAccepted {
		t.Errorf("right token: %d %+v", code, r)
	}
}

func TestPushAnswers503WhenKafkaFails(t *testing.T) {
	h := newPushHarness(t, config.DefaultPush())
	h.pub.setFail(errors.New("no leader"))
	story := readFixture(t, "ninjs-1.json")
	code, r, hdr := h.post(t, http.MethodPost, "application/json", "", story)
	if code != http.StatusServiceUnavailable || !strings.Contains(r.Error, "send them again") || hdr.Get("Retry-After") == "" {
		t.Fatalf("%d %+v", code, r)
	}
	h.pub.setFail(nil)
	code, r, _ = h.post(t, http.MethodPost, "application/json", "", story)
	if code != http.StatusAccepted || r.Sent != 1 {
		t.Errorf("after recovery: %d %+v (a failed send must not count as seen)", code, r)
	}
}

func TestPushHealthz(t *testing.T) {
	h := newPushHarness(t, config.DefaultPush())
	resp, err := http.Get(h.srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz %d", resp.StatusCode)
	}
}
