package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/warwire/warwire/internal/config"
)

// Request is one GET of a feed or an article page.
type Request struct {
	URL     string
	Accept  string
	Headers map[string]string
	// ETag and LastModified make the request conditional.
	ETag, LastModified string
}

// Response is a fetched document.
type Response struct {
	// NotModified is true for a 304 answer to a conditional request; Body is
	// then empty.
	NotModified        bool
	Body               []byte
	ContentType        string
	ETag, LastModified string
	// URL is the address the body came from, after redirects.
	URL *url.URL
}

// FetchError is a request that failed, with the kind of failure.
type FetchError struct {
	Kind   string
	URL    string
	Status int // the HTTP status for KindHTTPStatus
	Err    error
}

// Error implements error.
func (e *FetchError) Error() string { return fmt.Sprintf("%s: GET %s: %v", e.Kind, e.URL, e.Err) }

// Unwrap returns the cause.
func (e *FetchError) Unwrap() error { return e.Err }

var errTooManyRedirects = errors.New("too many redirects")

// Fetcher gets documents over HTTP with timeouts, retries with jittered
// exponential backoff, a size limit after decompression and a politeness
// limit per host. It is safe for concurrent use.
type Fetcher struct {
	cfg    config.Feeds
	client *http.Client
	polite *politeness
}

// NewFetcher builds a fetcher. client may be nil; its CheckRedirect is
// replaced to enforce cfg.MaxRedirects.
func NewFetcher(cfg config.Feeds, client *http.Client) *Fetcher {
	if client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.ResponseHeaderTimeout = cfg.Timeout
		tr.MaxIdleConnsPerHost = max(2, cfg.HostConcurrency)
		client = &http.Client{Transport: tr}
	} else {
		c := *client
		client = &c
	}
	client.CheckRedirect = func(_ *http.Request, via []*http.Request) error {
		if len(via) > cfg.MaxRedirects {
			return fmt.Errorf("%w (more than %d)", errTooManyRedirects, cfg.MaxRedirects)
		}
		return nil
	}
	return &Fetcher{cfg: cfg, client: client, polite: newPoliteness(cfg.HostConcurrency, cfg.HostInterval)}
}

// Fetch gets req.URL, retrying network errors, timeouts, 429 and 5xx up to
// cfg.Retries times. Errors are *FetchError (or the context's error).
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := f.once(ctx, req)
		if err == nil || ctx.Err() != nil || !retryable(err) || attempt >= f.cfg.Retries {
			return resp, err
		}
		if err := sleep(ctx, f.backoff(attempt, retryAfter)); err != nil {
			return nil, err
		}
	}
}

// backoff is base·2^attempt, capped, with ±50% jitter; a Retry-After the
// server sent wins when it is longer (but not past the cap).
func (f *Fetcher) backoff(attempt int, retryAfter time.Duration) time.Duration {
	d := f.cfg.BackoffBase << min(attempt, 20)
	if d > f.cfg.BackoffMax || d <= 0 {
		d = f.cfg.BackoffMax
	}
	d = d/2 + time.Duration(rand.Int64N(int64(d)/2+1))
	if retryAfter > d {
		d = min(retryAfter, f.cfg.BackoffMax)
	}
	return d
}

func retryable(err error) bool {
	var fe *FetchError
	if !errors.As(err, &fe) {
		return false
	}
	switch fe.Kind {
	case KindTimeout, KindNetwork:
		return true
	case KindHTTPStatus:
		return fe.Status == http.StatusTooManyRequests || fe.Status >= 500
	}
	return false
}

func (f *Fetcher) once(ctx context.Context, req Request) (*Response, time.Duration, error) {
	u, err := url.Parse(req.URL)
	if err != nil || u.Host == "" {
		return nil, 0, &FetchError{Kind: KindNetwork, URL: req.URL, Err: fmt.Errorf("bad URL: %v", err)}
	}
	release, err := f.polite.acquire(ctx, u.Host)
	if err != nil {
		return nil, 0, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, 0, &FetchError{Kind: KindNetwork, URL: req.URL, Err: err}
	}
	f.setHeaders(hreq, req)
	resp, err := f.client.Do(hreq)
	if err != nil {
		return nil, 0, &FetchError{Kind: classify(ctx, err), URL: req.URL, Err: err}
	}
	defer resp.Body.Close()
	return f.read(ctx, req, resp)
}

func (f *Fetcher) setHeaders(hreq *http.Request, req Request) {
	hreq.Header.Set("User-Agent", f.cfg.UserAgent)
	if req.Accept != "" {
		hreq.Header.Set("Accept", req.Accept)
	}
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	for k, v := range req.Headers {
		hreq.Header.Set(k, v)
	}
}

func (f *Fetcher) read(ctx context.Context, req Request, resp *http.Response) (*Response, time.Duration, error) {
	out := &Response{
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		URL:          resp.Request.URL,
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, 0, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, retryAfter(resp.Header.Get("Retry-After")), &FetchError{
			Kind: KindHTTPStatus, URL: req.URL, Status: resp.StatusCode, Err: fmt.Errorf("status %s", resp.Status)}
	case resp.ContentLength > f.cfg.MaxBytes:
		return nil, 0, f.tooLarge(req, resp.ContentLength)
	}
	body, err := readLimited(resp.Body, f.cfg.MaxBytes)
	if err == nil && len(body) >= 2 && body[0] == 0x1f && body[1] == 0x8b {
		body, err = gunzip(body, f.cfg.MaxBytes) // a .gz served without Content-Encoding
	}
	switch {
	case errors.Is(err, errTooLarge):
		return nil, 0, f.tooLarge(req, -1)
	case err != nil:
		return nil, 0, &FetchError{Kind: classify(ctx, err), URL: req.URL, Err: fmt.Errorf("failed to read body: %w", err)}
	}
	out.Body = body
	return out, 0, nil
}

func (f *Fetcher) tooLarge(req Request, n int64) error {
	msg := fmt.Errorf("body larger than %d bytes", f.cfg.MaxBytes)
	if n > 0 {
		msg = fmt.Errorf("body of %d bytes is larger than %d", n, f.cfg.MaxBytes)
	}
	return &FetchError{Kind: KindTooLarge, URL: req.URL, Err: msg}
}

var errTooLarge = errors.New("too large")

// readLimited reads r to the end, failing with errTooLarge past limit bytes.
// The transport has already undone Content-Encoding: gzip, so the limit is
// on decompressed bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, errTooLarge
	}
	return b, nil
}

func gunzip(b []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("bad gzip data: %w", err)
	}
	defer zr.Close()
	return readLimited(zr, limit)
}

// classify names a transport error: a timeout (ours or the network's), too
// many redirects, or another network failure.
func classify(ctx context.Context, err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, errTooManyRedirects):
		return KindRedirects
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		return KindTimeout
	case errors.As(err, &ne) && ne.Timeout():
		return KindTimeout
	}
	return KindNetwork
}

func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}
