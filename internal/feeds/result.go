package feeds

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/warwire/warwire/internal/feeds/parse"
)

// Result is the outcome of one poll of one feed.
type Result struct {
	Feed        string
	NotModified bool
	Seen, New   int
	Updated     int
	Sent        int
	Skipped     int
	// Kind and Err describe a failed poll; Err is nil on success.
	Kind string
	Err  error
}

func (r Result) fail(err error) Result {
	r.Err = err
	r.Kind = errorKind(err)
	return r
}

// errorKind names the kind of a poll error.
func errorKind(err error) string {
	var fe *FetchError
	var pe *parse.Error
	switch {
	case errors.As(err, &fe):
		return fe.Kind
	case errors.As(err, &pe):
		return pe.Kind
	case errors.Is(err, context.DeadlineExceeded):
		return KindTimeout
	}
	return KindNetwork
}

// Failed counts the results with an error.
func Failed(results []Result) int {
	n := 0
	for _, r := range results {
		if r.Err != nil {
			n++
		}
	}
	return n
}

// Summary renders results for a person: one line per feed.
func Summary(results []Result) string {
	var b strings.Builder
	for _, r := range results {
		switch {
		case r.Err != nil:
			fmt.Fprintf(&b, "%s: FAILED (%s): %v\n", r.Feed, r.Kind, r.Err)
		case r.NotModified:
			fmt.Fprintf(&b, "%s: not modified\n", r.Feed)
		default:
			fmt.Fprintf(&b, "%s: %d items, %d new, %d updated, %d sent, %d skipped\n", r.Feed, r.Seen, r.New, r.Updated, r.Sent, r.Skipped)
		}
	}
	return b.String()
}
