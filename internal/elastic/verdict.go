package elastic

import (
	"context"
	"io"
	"net/http"
)

// Verdict is the final outcome of one document in a bulk write.
type Verdict int

// Verdicts. Indexed, Withdrawn and Stale are successes; Poison means
// Elasticsearch rejected the document for good and it belongs in the DLQ.
const (
	Indexed Verdict = iota + 1
	Withdrawn
	// Stale: a newer (or the same) version is already indexed: a success.
	Stale
	Poison
)

// String names the verdict for logs and metric labels.
func (v Verdict) String() string {
	switch v {
	case Indexed:
		return "indexed"
	case Withdrawn:
		return "withdrawn"
	case Stale:
		return "stale"
	case Poison:
		return "poison"
	}
	return "unknown"
}

// Result is the verdict for one item, with the HTTP status and, for Poison,
// Elasticsearch's error type and reason.
type Result struct {
	Verdict Verdict
	Status  int
	Reason  string
}

// Item is one document to write. Version is the external version: the writer
// indexes with version_type=external_gte, so an older version never replaces
// a newer one. Done is called exactly once with the final result, from the
// writer's goroutine: it must not block.
type Item struct {
	ID        string
	Version   int64
	Body      []byte
	Withdrawn bool
	Done      func(Result)
}

// ExternalVersion maps a story version to the Elasticsearch external version:
// version*2, plus one for a kill, so that a kill wins over a copy of the same
// story version and a redelivered kill is idempotent.
func ExternalVersion(version int64, withdrawn bool) int64 {
	v := version * 2
	if withdrawn {
		v++
	}
	return v
}

func newRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}
