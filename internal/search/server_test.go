package search

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
)

// deadServer is a server whose Elasticsearch does not exist (nothing listens
// on port 1), to test what clients see when the backend is down.
func deadServer(t *testing.T, mod func(*config.Serve)) http.Handler {
	t.Helper()
	return deadServerWith(t, config.DefaultSearch(), mod)
}

func deadServerWith(t *testing.T, sc config.Search, mod func(*config.Serve)) http.Handler {
	t.Helper()
	ec := config.DefaultElastic()
	ec.URLs = []string{"http://127.0.0.1:1"}
	es, err := elastic.NewClient(ec)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(es, "warwire-none", sc, nil)
	if err != nil {
		t.Fatal(err)
	}
	vc := config.DefaultServe()
	if mod != nil {
		mod(&vc)
	}
	sv, err := NewServer(s, vc, nil, prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	return sv.Handler()
}

func get(t *testing.T, h http.Handler, path string, hdr ...string) (*http.Response, string) {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	body, _ := io.ReadAll(w.Result().Body)
	return w.Result(), string(body)
}

func apiErr(t *testing.T, body string) APIError {
	t.Helper()
	var e struct{ Error APIError }
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Status == 0 {
		t.Fatalf("not a JSON error body: %q (%v)", body, err)
	}
	return e.Error
}

func TestBackendDownIs503WithoutInternals(t *testing.T) {
	h := deadServer(t, nil)
	for _, path := range []string{"/api/v1/search?q=x", "/api/v1/facets", "/api/v1/export?format=jsonl", "/api/v1/stories/abc"} {
		res, body := get(t, h, path)
		e := apiErr(t, body)
		if res.StatusCode != 503 || e.Code != "unavailable" || e.Message != msgUnavailable {
			t.Errorf("%s: %d %+v", path, res.StatusCode, e)
		}
		for _, leak := range []string{"127.0.0.1", "connect", "refused", "elastic", "dial"} {
			if strings.Contains(strings.ToLower(body), leak) {
				t.Errorf("%s: body leaks %q: %s", path, leak, body)
			}
		}
	}
}

func TestQueryTimeoutIs504(t *testing.T) {
	sc := config.DefaultSearch()
	sc.QueryTimeout = time.Nanosecond
	h := deadServerWith(t, sc, nil)
	for _, path := range []string{"/api/v1/search?q=x", "/api/v1/facets?q=x"} {
		res, body := get(t, h, path)
		if e := apiErr(t, body); res.StatusCode != 504 || e.Code != "timeout" || e.Message != msgTimeout {
			t.Errorf("%s: %d %+v", path, res.StatusCode, e)
		}
	}
}

func TestBadParameterIs400BeforeBackend(t *testing.T) {
	h := deadServer(t, nil)
	res, body := get(t, h, "/api/v1/search?from=last+week")
	e := apiErr(t, body)
	if res.StatusCode != 400 || e.Parameter != "from" || e.Code != "bad_parameter" || !strings.Contains(e.Message, "YYYY-MM-DD") {
		t.Errorf("%d %+v", res.StatusCode, e)
	}
	res, body = get(t, h, "/api/v1/nothing")
	if e := apiErr(t, body); res.StatusCode != 404 || e.Code != "not_found" {
		t.Errorf("unknown API path: %d %+v", res.StatusCode, e)
	}
}

func TestBearerToken(t *testing.T) {
	const token = "s3cret-token-for-tests"
	h := deadServer(t, func(c *config.Serve) { c.Token = token })
	res, body := get(t, h, "/api/v1/search?size=0")
	if e := apiErr(t, body); res.StatusCode != 401 || e.Code != "unauthorized" || res.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("no token: %d %+v", res.StatusCode, e)
	}
	res, _ = get(t, h, "/api/v1/search?size=0", "Authorization", "Bearer wrong-token-value-xx")
	if res.StatusCode != 401 {
		t.Errorf("wrong token: %d", res.StatusCode)
	}
	// With the right token the request reaches parameter checking (400), not 401.
	res, body = get(t, h, "/api/v1/search?size=0", "Authorization", "Bearer "+token)
	if e := apiErr(t, body); res.StatusCode != 400 || e.Parameter != "size" {
		t.Errorf("right token: %d %+v", res.StatusCode, e)
	}
	// The page and the API description stay public.
	if res, _ := get(t, h, "/"); res.StatusCode != 200 {
		t.Errorf("/ with token required: %d", res.StatusCode)
	}
	if res, _ := get(t, h, "/api/openapi.json"); res.StatusCode != 200 {
		t.Errorf("openapi with token required: %d", res.StatusCode)
	}
}

func TestRateLimitPerClient(t *testing.T) {
	h := deadServer(t, func(c *config.Serve) { c.RateLimit = 0.001; c.RateBurst = 2 })
	codes := []int{}
	for i := 0; i < 3; i++ {
		res, _ := get(t, h, "/api/v1/search?size=0")
		codes = append(codes, res.StatusCode)
	}
	if codes[0] != 400 || codes[1] != 400 || codes[2] != 429 {
		t.Fatalf("codes %v, want [400 400 429]", codes)
	}
	res, body := get(t, h, "/api/v1/search?size=0")
	if e := apiErr(t, body); e.Code != "rate_limited" || res.Header.Get("Retry-After") == "" {
		t.Errorf("429 body %+v", e)
	}
}

func TestPageAndAssets(t *testing.T) {
	h := deadServer(t, nil)
	for _, path := range []string{"/", "/story/abc123"} {
		res, body := get(t, h, path)
		if res.StatusCode != 200 || !strings.Contains(body, `<script type="module" src="/assets/app.js">`) {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
	}
	for _, a := range []string{"/assets/app.js", "/assets/dom.js", "/assets/state.js", "/assets/viz.js", "/assets/story.js",
		"/assets/app.css", "/assets/outline.json", "/assets/favicon.svg"} {
		if res, body := get(t, h, a); res.StatusCode != 200 || len(body) < 100 {
			t.Errorf("%s: %d, %d bytes", a, res.StatusCode, len(body))
		}
	}
	if res, _ := get(t, h, "/nope"); res.StatusCode != 404 {
		t.Errorf("/nope: %d", res.StatusCode)
	}
}

// TestPageLoadsNothingFromElsewhere: no URL in the page's files points
// outside the server (no CDN, fonts or tiles).
func TestPageLoadsNothingFromElsewhere(t *testing.T) {
	h := deadServer(t, nil)
	for _, a := range []string{"/", "/assets/app.js", "/assets/dom.js", "/assets/state.js", "/assets/viz.js", "/assets/story.js", "/assets/app.css"} {
		_, body := get(t, h, a)
		// The SVG namespace and the check that a story's original URL is
		// http(s) before linking it are not loads.
		body = strings.NewReplacer(`"http://www.w3.org/2000/svg"`, "", `/^https?:\/\//i`, "").Replace(body)
		for _, bad := range []string{"http:", "https:", "//cdn", "@import", "url(", "fonts."} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q", a, bad)
			}
		}
	}
}
