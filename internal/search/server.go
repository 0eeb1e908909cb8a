package search

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/search/web"
)

// maxExports is how many exports may stream at the same time.
const maxExports = 4

// Server is the HTTP API and web UI over a Searcher. Build it with NewServer;
// Run serves until its context ends.
type Server struct {
	s       *Searcher
	cfg     config.Serve
	log     *zap.Logger
	limiter *limiter
	exports chan struct{}
	metrics *metrics
	now     func() time.Time
	handler http.Handler
}

// route is one endpoint. Path is its OpenAPI path; Params the parameter groups
// it reads (a test checks that /api/openapi.json documents all of them).
type route struct {
	Method, Path string
	Params       [][]Param
	API          bool // behind authentication and the rate limit
	handle       http.HandlerFunc
}

// NewServer wires the routes. reg may be nil (no metrics).
func NewServer(s *Searcher, cfg config.Serve, log *zap.Logger, reg prometheus.Registerer) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = zap.NewNop()
	}
	sv := &Server{s: s, cfg: cfg, log: log, exports: make(chan struct{}, maxExports), now: time.Now}
	if cfg.RateLimit > 0 {
		sv.limiter = newLimiter(cfg.RateLimit, cfg.RateBurst, time.Now)
	}
	m, err := newMetrics(reg)
	if err != nil {
		return nil, err
	}
	sv.metrics = m
	sv.handler = sv.routesHandler()
	return sv, nil
}

// routes lists every endpoint of the server.
func (sv *Server) routes() []route {
	return []route{
		{"GET", "/api/v1/search", [][]Param{FilterParams, PageParams}, true, sv.handleSearch},
		{"GET", "/api/v1/facets", [][]Param{FilterParams, FacetParams}, true, sv.handleFacets},
		{"GET", "/api/v1/export", [][]Param{FilterParams, {PageParams[0]}, ExportParams}, true, sv.handleExport},
		{"GET", "/api/v1/stories/{id}", nil, true, sv.handleStory},
		{"GET", "/api/openapi.json", nil, false, sv.handleOpenAPI},
	}
}

func (sv *Server) routesHandler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range sv.routes() {
		var h http.Handler = rt.handle
		if rt.API {
			h = sv.auth(h)
			h = sv.rateLimit(h)
		}
		mux.Handle(rt.Method+" "+rt.Path, sv.instrument(rt.Path, h))
	}
	mux.Handle("GET /api/", sv.instrument("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeAPIError(w, APIError{Status: http.StatusNotFound, Code: "not_found", Message: "There is no API endpoint at this path; see /api/openapi.json."})
	})))
	ui := web.Handler()
	mux.Handle("GET /", sv.instrument("/", ui))
	return recoverer(sv.log, securityHeaders(mux))
}

// Handler returns the whole HTTP handler, for tests and embedding.
func (sv *Server) Handler() http.Handler { return sv.handler }

// Run serves on ln until ctx ends, then shuts down gracefully, waiting up to
// the configured shutdown timeout for requests in flight.
func (sv *Server) Run(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           sv.handler,
		ReadHeaderTimeout: sv.cfg.ReadHeaderTimeout,
		WriteTimeout:      sv.cfg.WriteTimeout,
		IdleTimeout:       sv.cfg.IdleTimeout,
		ErrorLog:          zap.NewStdLog(sv.log),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("search server stopped: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), sv.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("failed to shut down search server: %w", err)
	}
	return nil
}
