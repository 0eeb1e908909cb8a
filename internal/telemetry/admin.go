package telemetry

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"
)

// NewRegistry returns a Prometheus registry with the Go and process collectors.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// Check reports whether a dependency is ready; nil means ready.
type Check func(ctx context.Context) error

// Admin serves /metrics, /healthz (alive), /readyz (every check passes) and
// the Go profiler under /debug/pprof/ (keep the admin address private).
type Admin struct {
	addr string
	reg  *prometheus.Registry
	log  *zap.Logger

	mu       sync.Mutex
	checks   map[string]Check
	ln       net.Listener
	srv      *http.Server
	done     chan struct{}
	notReady bool
}

// NewAdmin prepares the admin server on addr; Start listens.
func NewAdmin(addr string, reg *prometheus.Registry, log *zap.Logger) *Admin {
	return &Admin{addr: addr, reg: reg, log: log, checks: map[string]Check{}}
}

// AddCheck registers a readiness check under name.
func (a *Admin) AddCheck(name string, c Check) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.checks[name] = c
}

// SetNotReady makes /readyz fail from now on (first step of shutdown).
func (a *Admin) SetNotReady() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.notReady = true
}

// Handler returns the admin routes, for tests and embedding.
func (a *Admin) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(a.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("/readyz", a.readyz)
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

func (a *Admin) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	a.mu.Lock()
	notReady := a.notReady
	checks := make(map[string]Check, len(a.checks))
	for k, v := range a.checks {
		checks[k] = v
	}
	a.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain")
	if notReady {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("shutting down\n"))
		return
	}
	var failed []string
	for name, c := range checks {
		if err := c(ctx); err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", name, err))
		}
	}
	if len(failed) > 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
		for _, f := range failed {
			_, _ = w.Write([]byte(f + "\n"))
		}
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// Start listens on the address and serves in a goroutine that Close stops.
func (a *Admin) Start() error {
	ln, err := net.Listen("tcp", a.addr)
	if err != nil {
		return fmt.Errorf("failed to listen on admin address %s: %w", a.addr, err)
	}
	a.ln = ln
	a.srv = &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 5 * time.Second}
	a.done = make(chan struct{})
	go func() {
		defer close(a.done)
		if err := a.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("admin server stopped", zap.Error(err))
		}
	}()
	return nil
}

// Addr returns the address the server listens on (after Start).
func (a *Admin) Addr() string {
	if a.ln == nil {
		return a.addr
	}
	return a.ln.Addr().String()
}

// Close shuts the server down and waits for its goroutine.
func (a *Admin) Close(ctx context.Context) error {
	if a.srv == nil {
		return nil
	}
	err := a.srv.Shutdown(ctx)
	<-a.done
	return err
}
