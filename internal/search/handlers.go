package search

import (
	"bufio"
	"errors"
	"net/http"
	"time"

	"go.uber.org/zap"
)

func (sv *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q, err := Parse(r.URL.Query(), sv.s.Limits())
	if err != nil {
		sv.writeError(w, r, err)
		return
	}
	res, err := sv.s.Search(r.Context(), q)
	if err != nil {
		sv.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (sv *Server) handleFacets(w http.ResponseWriter, r *http.Request) {
	q, err := Parse(r.URL.Query(), sv.s.Limits())
	if err != nil {
		sv.writeError(w, r, err)
		return
	}
	res, err := sv.s.Facets(r.Context(), q)
	if err != nil {
		sv.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (sv *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	page, err := sv.s.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		sv.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (sv *Server) handleOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(OpenAPI)
}

// handleExport streams the whole result set. Headers are sent with the first
// byte, so a failure before anything was written is still a JSON error.
func (sv *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	q, err := Parse(r.URL.Query(), sv.s.Limits())
	if err != nil {
		sv.writeError(w, r, err)
		return
	}
	select {
	case sv.exports <- struct{}{}:
		defer func() { <-sv.exports }()
	default:
		w.Header().Set("Retry-After", "30")
		writeAPIError(w, APIError{Status: http.StatusTooManyRequests, Code: "too_many_exports",
			Message: "Too many exports are running right now. Try again in a minute."})
		return
	}
	now := sv.now().UTC()
	_ = http.NewResponseController(w).SetWriteDeadline(now.Add(sv.s.cfg.ExportTimeout + time.Minute))
	lw := &lazyWriter{w: w, start: func(h http.Header) {
		ext, ctype := ".csv", "text/csv; charset=utf-8"
		if q.Format == "jsonl" {
			ext, ctype = ".jsonl", "application/x-ndjson; charset=utf-8"
		}
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Disposition", `attachment; filename="warwire-export-`+now.Format("20060102T150405Z")+ext+`"`)
	}}
	bw := &flushWriter{bw: bufio.NewWriterSize(lw, 64<<10), w: w}
	st, err := sv.s.Export(r.Context(), q, bw, now)
	switch {
	case err == nil:
		sv.log.Info("export done", zap.Int64("rows", st.Rows), zap.Bool("complete", st.Complete))
	case errors.Is(err, ErrExportBegun) || lw.started:
		sv.log.Error("export stopped early", zap.Int64("rows", st.Rows), zap.Error(err))
	default:
		sv.writeError(w, r, err)
	}
}

// lazyWriter sets the response headers on the first write.
type lazyWriter struct {
	w       http.ResponseWriter
	start   func(http.Header)
	started bool
}

// Write sends the headers and status 200 before the first bytes.
func (l *lazyWriter) Write(p []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start(l.w.Header())
		l.w.WriteHeader(http.StatusOK)
	}
	return l.w.Write(p)
}

// flushWriter buffers writes and, on Flush, pushes them to the client.
type flushWriter struct {
	bw *bufio.Writer
	w  http.ResponseWriter
}

// Write buffers p.
func (f *flushWriter) Write(p []byte) (int, error) { return f.bw.Write(p) }

// Flush writes the buffer out and flushes the HTTP response.
func (f *flushWriter) Flush() error {
	if f.bw.Buffered() == 0 {
		return nil
	}
	if err := f.bw.Flush(); err != nil {
		return err
	}
	return http.NewResponseController(f.w).Flush()
}
