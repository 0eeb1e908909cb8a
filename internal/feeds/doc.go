// Package feeds is the continuous ingester of `warwire ingest --feeds`,
// `--feed` and `--listen`: it polls RSS, Atom, NINJS and NewsML-G2 feeds
// (conditional GET, timeouts, retries with jittered backoff, a politeness
// limit per host, size and redirect limits), normalises every item to one
// NINJS message (package parse), sends new and changed items to Kafka with
// key = uri and a version that rises with every change, remembers what was
// sent in an atomically written state file (package state), and accepts
// stories pushed to POST /v1/stories.
//
// An item counts as seen only after Kafka acknowledged it: the state is
// updated after Publish returns nil, so a failed publish is retried at the
// next poll and a restart neither loses nor repeats items. A bad feed
// (malformed, an HTML page, a redirect loop, a gzip bomb, a slow server)
// gives one log line and a metric and never stops the others.
package feeds

import (
	"context"

	"github.com/warwire/warwire/internal/kafka"
)

// Publisher sends records to Kafka. Publish returns only after Kafka
// acknowledged every record; on error none counts as sent.
// *kafka.Producer implements it.
type Publisher interface {
	Publish(ctx context.Context, recs ...kafka.Record) error
}

var _ Publisher = (*kafka.Producer)(nil)

// Log keys of this package, besides the house keys (error, ...).
const (
	keyFeed = "feed"
	keyURL  = "url"
	keyKind = "kind"
)

// Error kinds: the `kind` of a log line and the label of
// warwire_feed_poll_errors_total. Parse problems use the parse.Kind* values
// (not_a_feed, malformed, encoding).
const (
	KindTimeout    = "timeout"     // no answer, or not all of it, in time
	KindNetwork    = "network"     // connection refused, reset, DNS
	KindHTTPStatus = "http_status" // a status other than 2xx and 304
	KindRedirects  = "redirects"   // too many redirects (a loop)
	KindTooLarge   = "too_large"   // body over the limit, after decompression
	KindPublish    = "publish"     // Kafka did not acknowledge
	KindState      = "state"       // the state file could not be written
	KindFullText   = "fulltext"    // the article page could not be fetched or read
	KindItem       = "item"        // items left out (no identity, not a valid story)
)
