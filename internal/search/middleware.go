package search

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
)

// contentSecurityPolicy allows only the server's own scripts, styles and API:
// even a markup injection could neither run inline script nor load anything
// from elsewhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic into a logged 500 with the generic message.
func recoverer(log *zap.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic in handler", zap.String("path", r.URL.Path), zap.Any("panic", v), zap.Stack("stack"))
				writeAPIError(w, APIError{Status: http.StatusInternalServerError, Code: "internal", Message: msgInternal})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// auth requires the configured bearer token; without one it lets all through.
func (sv *Server) auth(next http.Handler) http.Handler {
	if sv.cfg.Token == "" {
		return next
	}
	want := sha256.Sum256([]byte(strings.TrimSpace(sv.cfg.Token)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="warwire"`)
			writeAPIError(w, APIError{Status: http.StatusUnauthorized, Code: "unauthorized",
				Message: "This server needs an access token: send it as 'Authorization: Bearer <token>'."})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// rateLimit applies the per-client token bucket.
func (sv *Server) rateLimit(next http.Handler) http.Handler {
	if sv.limiter == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := sv.limiter.allow(clientIP(r, sv.cfg.TrustProxy))
		if !ok {
			secs := int(math.Ceil(wait.Seconds()))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			writeAPIError(w, APIError{Status: http.StatusTooManyRequests, Code: "rate_limited",
				Message: fmt.Sprintf("Too many requests from your address. Wait %d second(s) and try again.", secs)})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// metrics counts requests per route and status and times them.
type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "warwire_search_http_requests_total", Help: "HTTP requests to the search server by route and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "warwire_search_http_request_duration_seconds", Help: "Time to answer an HTTP request by route.",
			Buckets: []float64{.01, .025, .05, .1, .2, .3, .5, 1, 2.5, 5, 10, 60},
		}, []string{"route"}),
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.requests, m.duration} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("failed to register search metrics: %w", err)
		}
	}
	return m, nil
}

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	code int
}

// WriteHeader records the first status code and passes it on.
func (s *statusWriter) WriteHeader(code int) {
	if s.code == 0 {
		s.code = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200 and passes the bytes on.
func (s *statusWriter) Write(p []byte) (int, error) {
	if s.code == 0 {
		s.code = http.StatusOK
	}
	return s.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the real writer (Flush, deadlines).
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (sv *Server) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		sv.metrics.requests.WithLabelValues(route, strconv.Itoa(sw.code)).Inc()
		sv.metrics.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
		sv.log.Debug("request", zap.String("route", route), zap.Int("status", sw.code),
			zap.Duration("took", time.Since(start)))
	})
}
