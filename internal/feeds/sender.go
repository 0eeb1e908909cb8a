package feeds

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/feeds/parse"
	"github.com/warwire/warwire/internal/feeds/state"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/schemas"
)

// publishChunk bounds the records of one Publish call.
const publishChunk = 500

// Record headers set on every message.
const (
	HeaderFeed   = "warwire-feed"
	HeaderFormat = "warwire-format"
)

// sender decides which items to send with which version, publishes them and
// records them in the state once Kafka acknowledged. It is safe for
// concurrent use on different feeds; one feed must not be sent concurrently
// with itself.
type sender struct {
	store *state.Store
	pub   Publisher
	m     *Metrics
	log   *zap.Logger
	now   func() time.Time
}

// batch is one poll's (or one push's) items of a feed.
type batch struct {
	feed, format string
	items        []parse.Item
	// enrich, when set, may change an item about to be sent (full text).
	enrich func(context.Context, *parse.Item)
	// validators, when set, are stored with the acknowledged items.
	validators *[2]string
}

// outcome counts what send did.
type outcome struct {
	Seen, New, Updated, Sent int
	// Invalid are the items left out because their message is not a valid
	// story (no headline and no body, say).
	Invalid []error
	// Messages are the messages Kafka acknowledged.
	Messages []parse.Message
}

type pending struct {
	item    *parse.Item
	hash    string
	version int64
	isNew   bool
}

// send publishes the new and changed items of b. On error nothing is
// recorded, so the next poll tries again.
func (s *sender) send(ctx context.Context, b batch) (outcome, error) {
	items := dedupe(b.items)
	out := outcome{Seen: len(items)}
	var due []pending
	present := make([]string, 0, len(items))
	for i := range items {
		it := &items[i]
		present = append(present, it.URI)
		hash := it.Hash()
		prev, known := s.store.Lookup(b.feed, it.URI)
		if known && hash == prev.Hash && it.SourceVersion <= prev.Version {
			continue
		}
		due = append(due, pending{item: it, hash: hash, version: max(it.SourceVersion, prev.Version+1), isNew: prev.Version == 0})
	}
	recs, entries, msgs := s.records(ctx, b, due, &out)
	for start := 0; start < len(recs); start += publishChunk {
		end := min(start+publishChunk, len(recs))
		if err := s.pub.Publish(ctx, recs[start:end]...); err != nil {
			out.New, out.Updated = 0, 0 // nothing counts as sent
			return out, fmt.Errorf("kafka did not acknowledge %d message(s) of %s: %w", len(recs), b.feed, err)
		}
	}
	upd := state.Update{Sent: entries, Present: present, Now: s.now()}
	if b.validators != nil {
		upd.SetValidators, upd.ETag, upd.LastModified = true, b.validators[0], b.validators[1]
	}
	s.store.Commit(b.feed, upd)
	out.Sent, out.Messages = len(recs), msgs
	return out, nil
}

// records builds the messages of due; invalid ones are left out and their
// hash remembered (with the old version) so that they are not retried until
// they change.
func (s *sender) records(ctx context.Context, b batch, due []pending, out *outcome) ([]kafka.Record, map[string]state.Entry, []parse.Message) {
	recs := make([]kafka.Record, 0, len(due))
	msgs := make([]parse.Message, 0, len(due))
	entries := make(map[string]state.Entry, len(due))
	now := s.now()
	for _, p := range due {
		if b.enrich != nil && !p.item.Killed() {
			b.enrich(ctx, p.item)
		}
		msg := p.item.Message(p.version, now)
		value, err := encodeValid(msg)
		if err != nil {
			out.Invalid = append(out.Invalid, err)
			prev, _ := s.store.Lookup(b.feed, p.item.URI)
			entries[p.item.URI] = state.Entry{Hash: p.hash, Version: prev.Version}
			continue
		}
		if p.isNew {
			out.New++
		} else {
			out.Updated++
		}
		recs = append(recs, kafka.Record{Key: []byte(msg.URI), Value: value,
			Headers: map[string]string{HeaderFeed: b.feed, HeaderFormat: b.format}})
		msgs = append(msgs, msg)
		entries[p.item.URI] = state.Entry{Hash: p.hash, Version: p.version}
	}
	return recs, entries, msgs
}

// encodeValid encodes msg and checks it against schemas/ninjs.schema.json,
// so that the worker never sees a story it would send to the DLQ.
func encodeValid(msg parse.Message) ([]byte, error) {
	value, err := msg.Encode()
	if err != nil {
		return nil, err
	}
	if err := schemas.ValidateStory(json.RawMessage(value)); err != nil {
		return nil, fmt.Errorf("item %s is not a valid story: %w", msg.URI, err)
	}
	return value, nil
}

// dedupe keeps one item per URI: the one with the highest source version,
// the first among equals (feeds list the newest first).
func dedupe(items []parse.Item) []parse.Item {
	idx := make(map[string]int, len(items))
	out := items[:0:0]
	for _, it := range items {
		if i, ok := idx[it.URI]; ok {
			if it.SourceVersion > out[i].SourceVersion {
				out[i] = it
			}
			continue
		}
		idx[it.URI] = len(out)
		out = append(out, it)
	}
	return out
}
