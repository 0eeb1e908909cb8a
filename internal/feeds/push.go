package feeds

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
)

// PushFeed is the state and metric name of pushed stories.
const PushFeed = config.ReservedFeedName

// PushServer accepts stories pushed to POST /v1/stories as NINJS JSON
// (a document, an array, or JSON Lines) or NewsML-G2 XML. It answers 202
// only after Kafka acknowledged every story of the request; a request with
// any bad story is rejected whole (400) and nothing of it is sent.
type PushServer struct {
	cfg  config.Push
	send *sender
	m    *Metrics
	log  *zap.Logger
	// mu serialises sends so that two requests for one uri cannot both
	// take the same next version.
	mu sync.Mutex
}

// NewPushServer builds the push endpoint. It starts nothing; use Handler or
// Run.
func NewPushServer(cfg config.Push, d Deps) (*PushServer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if d.Publisher == nil || d.Store == nil || d.Metrics == nil || d.Log == nil {
		return nil, errors.New("feeds: Deps needs a Publisher, a Store, Metrics and a Log")
	}
	now := d.Now
	if now == nil {
		now = time.Now
	}
	return &PushServer{cfg: cfg, m: d.Metrics, log: d.Log,
		send: &sender{store: d.Store, pub: d.Publisher, m: d.Metrics, log: d.Log, now: now}}, nil
}

// Handler serves POST /v1/stories and GET /healthz.
func (p *PushServer) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/stories", p.stories)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("ok\n"))
	})
	return mux
}

// Run listens on cfg.Listen and serves until ctx ends, then shuts down
// gracefully (in-flight requests finish, up to 10 s).
func (p *PushServer) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", p.cfg.Listen)
	if err != nil {
		return fmt.Errorf("failed to listen on %s: %w", p.cfg.Listen, err)
	}
	return p.Serve(ctx, ln)
}

// Serve serves on ln until ctx ends.
func (p *PushServer) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: p.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	p.log.Info("push endpoint listening", zap.String("addr", ln.Addr().String()))
	select {
	case err := <-done:
		return fmt.Errorf("push endpoint stopped: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(sctx)
	<-done
	if saveErr := p.send.store.Save(); saveErr != nil && err == nil {
		err = saveErr
	}
	return err
}

// pushReply is the JSON body of every answer.
type pushReply struct {
	Error    string        `json:"error,omitempty"`
	Details  []string      `json:"details,omitempty"`
	Accepted int           `json:"accepted,omitempty"`
	Sent     int           `json:"sent,omitempty"`
	Stories  []pushedStory `json:"stories,omitempty"`
}

type pushedStory struct {
	URI     string `json:"uri"`
	Version string `json:"version,omitempty"`
	Status  string `json:"status"` // sent or unchanged
}

func (p *PushServer) reply(w http.ResponseWriter, code int, body pushReply) {
	p.m.PushRequests.WithLabelValues(strconv.Itoa(code)).Inc()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}

func (p *PushServer) fail(w http.ResponseWriter, code int, msg string, details ...string) {
	if code >= 500 {
		p.log.Error("push request failed", zap.Int("status", code), zap.String("reason", msg), zap.Strings("details", details))
	} else {
		p.log.Info("push request rejected", zap.Int("status", code), zap.String("reason", msg), zap.Strings("details", details))
	}
	p.reply(w, code, pushReply{Error: msg, Details: details})
}

func (p *PushServer) stories(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		p.fail(w, http.StatusMethodNotAllowed, "use POST to send stories to /v1/stories")
		return
	}
	if !p.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="warwire"`)
		p.fail(w, http.StatusUnauthorized, "missing or wrong bearer token: send the header 'Authorization: Bearer <token>'")
		return
	}
	if ce := r.Header.Get("Content-Encoding"); ce != "" && !strings.EqualFold(ce, "identity") {
		p.fail(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Encoding %q is not supported; send the body uncompressed", ce))
		return
	}
	format, ok := pushFormat(r.Header.Get("Content-Type"))
	if !ok {
		p.fail(w, http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q is not accepted", r.Header.Get("Content-Type")),
			"send NINJS as application/json (a document, an array, or JSON Lines as application/x-ndjson)",
			"send NewsML-G2 as application/xml or application/vnd.iptc.g2.newsitem+xml")
		return
	}
	body, err := readLimited(http.MaxBytesReader(w, r.Body, p.cfg.MaxBytes), p.cfg.MaxBytes)
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe), errors.Is(err, errTooLarge):
		p.fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than the limit of %d bytes; send fewer stories per request", p.cfg.MaxBytes))
		return
	case err != nil:
		p.fail(w, http.StatusBadRequest, "could not read the request body", err.Error())
		return
	}
	p.accept(r.Context(), w, body, format, r.Header.Get("Content-Type"))
}

func (p *PushServer) authorized(r *http.Request) bool {
	if p.cfg.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(p.cfg.Token)) == 1
}

// pushFormat maps a Content-Type to the parse format; "" sniffs.
func pushFormat(contentType string) (string, bool) {
	if strings.TrimSpace(contentType) == "" {
		return "", true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", false
	}
	switch {
	case mt == "application/octet-stream":
		return "", true
	case mt == "application/json" || mt == "text/json" || mt == "application/x-ndjson" ||
		mt == "application/jsonl" || mt == "application/json-lines" || strings.HasSuffix(mt, "+json"):
		return config.FormatNINJS, true
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return config.FormatNewsML, true
	}
	return "", false
}
