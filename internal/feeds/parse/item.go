// Package parse turns feed documents (RSS 2.0, RSS 1.0, Atom 1.0, JSON Feed,
// IPTC NINJS 1.x/2.x and IPTC NewsML-G2) into Items: one story each, in the
// shape of the NINJS message warwire sends to Kafka. Parsers never panic on
// bad input; they return an *Error whose Kind says what was wrong.
package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PubStatus values (NINJS).
const (
	StatusUsable   = "usable"
	StatusWithheld = "withheld"
	StatusCanceled = "canceled"
)

// Item is one story from a feed, normalised. Text fields hold plain text.
type Item struct {
	// URI identifies the story: the source's GUID or NewsML-G2 guid, or the
	// canonical URL when the source gives neither.
	URI string
	// SourceVersion is the version the source gave (NewsML-G2 @version, NINJS
	// version); 0 when it gave none or a non-numeric one.
	SourceVersion  int64
	FirstCreated   time.Time
	VersionCreated time.Time
	// PubStatus is usable, withheld or canceled.
	PubStatus       string
	Urgency         int
	Headline        string
	BodyText        string
	Byline          string
	Language        string
	Located         string
	CopyrightHolder string
	// URL is the canonical URL of the story's web page, if any.
	URL string
}

// Killed reports whether the source withdrew the item.
func (it *Item) Killed() bool { return it.PubStatus == StatusCanceled }

// Hash returns a digest of the item's content: every field a reader sees
// and the publication status, not the version or times. Two polls of an
// unchanged item give the same hash.
func (it *Item) Hash() string {
	h := sha256.New()
	for _, f := range []string{it.URI, it.PubStatus, strconv.Itoa(it.Urgency), it.Headline,
		it.BodyText, it.Byline, it.Language, it.Located, it.CopyrightHolder, it.URL} {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Message is the NINJS document sent to Kafka (key = uri). Version is a
// string, as NINJS 1.x and 2.x define it, holding a positive integer.
type Message struct {
	URI             string `json:"uri"`
	Type            string `json:"type"`
	Version         string `json:"version"`
	FirstCreated    string `json:"firstcreated,omitempty"`
	VersionCreated  string `json:"versioncreated"`
	PubStatus       string `json:"pubstatus"`
	Urgency         int    `json:"urgency,omitempty"`
	Headline        string `json:"headline,omitempty"`
	BodyText        string `json:"body_text,omitempty"`
	Byline          string `json:"byline,omitempty"`
	Language        string `json:"language,omitempty"`
	Located         string `json:"located,omitempty"`
	CopyrightHolder string `json:"copyrightholder,omitempty"`
	URL             string `json:"url,omitempty"`
}

// Message builds the NINJS message for version of the item. A zero
// VersionCreated becomes fallback.
func (it *Item) Message(version int64, fallback time.Time) Message {
	vc := it.VersionCreated
	if vc.IsZero() {
		vc = fallback
	}
	m := Message{
		URI: it.URI, Type: "text", Version: strconv.FormatInt(version, 10),
		VersionCreated: stamp(vc), PubStatus: it.PubStatus, Urgency: it.Urgency,
		Headline: it.Headline, BodyText: it.BodyText, Byline: it.Byline,
		Language: it.Language, Located: it.Located, CopyrightHolder: it.CopyrightHolder,
		URL: it.URL,
	}
	if !it.FirstCreated.IsZero() {
		m.FirstCreated = stamp(it.FirstCreated)
	}
	if m.PubStatus == "" {
		m.PubStatus = StatusUsable
	}
	return m
}

// Encode returns the message as JSON.
func (m Message) Encode() ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("failed to encode NINJS message %s: %w", m.URI, err)
	}
	return b, nil
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Error kinds: stable metric label values.
const (
	KindNotAFeed  = "not_a_feed" // an HTML page or another document, not a feed
	KindMalformed = "malformed"  // a feed that does not parse
	KindEncoding  = "encoding"   // an unknown or undecodable character encoding
)

// Error is a document that cannot be parsed, with the kind of problem.
type Error struct {
	Kind string
	Err  error
}

// Error implements error.
func (e *Error) Error() string { return e.Kind + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

func errorf(kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Err: fmt.Errorf(format, args...)}
}

// ErrNoIdentity is the cause of an item skipped because it has neither an
// identifier nor a URL.
var ErrNoIdentity = errors.New("item has neither an identifier nor a link")

// pubStatus maps a NINJS value or a NewsML-G2 QCode/URI (stat:canceled,
// http://cv.iptc.org/newscodes/pubstatusg2/canceled) to a NINJS value.
func pubStatus(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndexAny(s, ":/"); i >= 0 {
		s = s[i+1:]
	}
	switch s {
	case "canceled", "cancelled":
		return StatusCanceled
	case "withheld":
		return StatusWithheld
	default:
		return StatusUsable
	}
}

// parseVersion reads a positive integer version; anything else is 0.
func parseVersion(s string) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// parseTime reads the date-time forms seen in feeds; zero when none fits.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05Z0700",
		"2006-01-02 15:04:05Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
