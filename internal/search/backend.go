package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// Failure kinds of the backend. The HTTP layer maps them to status codes and
// generic messages; the wrapped cause (with Elasticsearch's own text) goes to
// the log only.
var (
	// ErrUnavailable: Elasticsearch cannot be reached or answered 5xx/429.
	ErrUnavailable = errors.New("search backend unavailable")
	// ErrTimeout: the query ran out of time.
	ErrTimeout = errors.New("search timed out")
	// ErrCursorExpired: the point-in-time behind a cursor is gone.
	ErrCursorExpired = errors.New("cursor expired")
	// ErrRejected: Elasticsearch refused the request as malformed.
	ErrRejected = errors.New("search rejected by backend")
	// ErrNotFound: no such story.
	ErrNotFound = errors.New("story not found")
	// ErrWithdrawn: the story exists but was withdrawn by its publisher.
	ErrWithdrawn = errors.New("story withdrawn")
)

// BackendError is a failed Elasticsearch call: Kind is one of the Err values
// above, Status the HTTP status Elasticsearch answered (0 when none), Cause
// the details for the log.
type BackendError struct {
	Kind   error
	Status int
	Cause  error
}

// Error implements error.
func (e *BackendError) Error() string {
	return fmt.Sprintf("%v (status %d): %v", e.Kind, e.Status, e.Cause)
}

// Unwrap lets errors.Is match the kind and the cause.
func (e *BackendError) Unwrap() []error { return []error{e.Kind, e.Cause} }

// call runs one Elasticsearch request and decodes a 2xx JSON answer into out.
func call(ctx context.Context, do func() (*esapi.Response, error), out any) error {
	res, err := do()
	if err != nil {
		return transportError(ctx, err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return statusError(res)
	}
	if out == nil {
		_, _ = io.Copy(io.Discard, res.Body)
		return nil
	}
	dec := json.NewDecoder(res.Body)
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		return &BackendError{Kind: ErrUnavailable, Status: res.StatusCode, Cause: fmt.Errorf("failed to decode Elasticsearch response: %w", err)}
	}
	return nil
}

func transportError(ctx context.Context, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &BackendError{Kind: ErrTimeout, Cause: err}
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return &BackendError{Kind: ErrUnavailable, Cause: fmt.Errorf("failed to reach Elasticsearch: %w", err)}
}

func statusError(res *esapi.Response) error {
	body, _ := io.ReadAll(io.LimitReader(res.Body, 8<<10))
	cause := fmt.Errorf("elasticsearch answered %d: %s", res.StatusCode, bytes.TrimSpace(body))
	text := string(body)
	switch {
	case strings.Contains(text, "search_context_missing_exception") ||
		(strings.Contains(text, "point in time") && res.StatusCode == http.StatusNotFound):
		return &BackendError{Kind: ErrCursorExpired, Status: res.StatusCode, Cause: cause}
	case res.StatusCode == http.StatusNotFound && strings.Contains(text, "index_not_found_exception"):
		return &BackendError{Kind: ErrUnavailable, Status: res.StatusCode, Cause: cause}
	case res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500:
		if strings.Contains(text, "timeout") || strings.Contains(text, "timed_out") {
			return &BackendError{Kind: ErrTimeout, Status: res.StatusCode, Cause: cause}
		}
		return &BackendError{Kind: ErrUnavailable, Status: res.StatusCode, Cause: cause}
	default:
		return &BackendError{Kind: ErrRejected, Status: res.StatusCode, Cause: cause}
	}
}

// jsonBody encodes a DSL body for a request.
func jsonBody(v any) (io.Reader, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("failed to encode search request: %w", err)
	}
	return &buf, nil
}
