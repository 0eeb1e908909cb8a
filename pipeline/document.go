package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Document is what warwire indexes into Elasticsearch: the NINJS names for
// what it carries over plus the enrichment. One Go type, one JSON Schema
// (schemas/document.schema.json) and one mapping (schemas/index-template.json)
// describe it; schemas' tests keep the three in agreement.
//
// A withdrawn story (a kill) is indexed as a Document with Withdrawn set and
// no text: id, uri, version, pubstatus and times only.
type Document struct {
	ID              string     `json:"id"`
	URI             string     `json:"uri"`
	Version         int64      `json:"version"`
	VersionCreated  *time.Time `json:"versioncreated,omitempty"`
	FirstCreated    *time.Time `json:"firstcreated,omitempty"`
	Headline        string     `json:"headline,omitempty"`
	Body            string     `json:"body,omitempty"`
	Byline          string     `json:"byline,omitempty"`
	Language        string     `json:"language,omitempty"`
	Located         string     `json:"located,omitempty"`
	CopyrightHolder string     `json:"copyrightholder,omitempty"`
	URL             string     `json:"url,omitempty"`
	PubStatus       string     `json:"pubstatus"`
	Urgency         int        `json:"urgency,omitempty"`
	Subjects        []Subject  `json:"subject,omitempty"`
	Withdrawn       bool       `json:"withdrawn"`

	Dateline    *Dateline   `json:"dateline,omitempty"`
	Captions    []string    `json:"captions,omitempty"`
	WordCount   int         `json:"word_count"`
	Entities    []Entity    `json:"entities,omitempty"`
	Places      []Place     `json:"places,omitempty"`
	Focus       *Focus      `json:"focus,omitempty"`
	Stances     []Stance    `json:"stances,omitempty"`
	Quotes      []Quote     `json:"quotes,omitempty"`
	Fingerprint string      `json:"fingerprint,omitempty"`
	Enrichment  *Enrichment `json:"enrichment,omitempty"`
	IndexedAt   time.Time   `json:"indexed_at"`
}

// Enrichment records which enrichment produced a document and how long it took.
type Enrichment struct {
	Version string  `json:"version"`
	TookMS  float64 `json:"took_ms"`
}

// DocID is the stable Elasticsearch _id for a story uri: the first 20 bytes of
// SHA-256(uri) in hex. The same uri always maps to the same id, so a redelivered
// or updated story overwrites its own document and never creates a second one.
func DocID(uri string) string {
	sum := sha256.Sum256([]byte(uri))
	return hex.EncodeToString(sum[:20])
}

// NewDocument builds the document for s, stamped with the enrichment version
// and the indexing time. A withdrawn story yields a record without text.
func NewDocument(s *Story, enrichmentVersion string, now time.Time) *Document {
	d := &Document{
		ID:             DocID(s.URI),
		URI:            s.URI,
		Version:        s.Version,
		VersionCreated: timePtr(s.VersionCreated),
		FirstCreated:   timePtr(s.FirstCreated),
		PubStatus:      s.PubStatus,
		IndexedAt:      now.UTC(),
	}
	if d.PubStatus == "" {
		d.PubStatus = PubStatusUsable
	}
	if s.Withdrawn() {
		d.Withdrawn = true
		return d
	}
	d.Headline = s.Headline
	d.Body = s.Body
	d.Byline = s.Byline
	d.Language = s.Language
	d.Located = s.Located
	d.CopyrightHolder = s.CopyrightHolder
	d.URL = s.URL
	d.Urgency = s.Urgency
	d.Subjects = s.Subjects
	d.Dateline = s.Dateline
	d.Captions = s.Captions
	d.WordCount = s.WordCount
	d.Entities = s.Entities
	d.Places = s.Places
	d.Focus = s.Focus
	d.Stances = s.Stances
	d.Quotes = s.Quotes
	d.Fingerprint = Fingerprint(s.Headline, s.Body)
	d.Enrichment = &Enrichment{Version: enrichmentVersion, TookMS: s.EnrichedMS}
	return d
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// fingerprintWords is how many leading words of the body the fingerprint uses:
// enough to tell stories apart, few enough that a republisher's added footer
// or trimmed ending does not change it.
const fingerprintWords = 60

// Fingerprint identifies near-identical copies of one wire story republished
// by different outlets: a hash of the lower-cased letters and digits of the
// first words of the body (or the headline when the body is empty), ignoring
// punctuation, quotes style and whitespace.
func Fingerprint(headline, body string) string {
	src := body
	if strings.TrimSpace(src) == "" {
		src = headline
	}
	var arr [1536]byte // 60 words fit, Cyrillic ones too, unless very long
	buf := arr[:0]
	words := 0
	inWord := false
	for i := 0; i < len(src); {
		c := src[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(src[i:])
		}
		i += size
		// ASCII letters and digits are told apart by a table; everything
		// else by its Unicode category (U+FFFD, for a bad byte, is neither).
		if c < utf8.RuneSelf && !asciiAlnum[c] || c >= utf8.RuneSelf && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			inWord = false
			continue
		}
		if !inWord {
			if words == fingerprintWords {
				break
			}
			words++
			if words > 1 {
				buf = append(buf, ' ')
			}
			inWord = true
		}
		if c < utf8.RuneSelf {
			if c-'A' < 26 {
				c |= 0x20
			}
			buf = append(buf, c)
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	if words == 0 {
		return ""
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:12])
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()
