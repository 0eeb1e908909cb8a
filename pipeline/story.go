// Package pipeline defines what flows through warwire: the Story decoded from
// a NINJS message, the Document indexed into Elasticsearch, and the Stage
// contract every enrichment step implements.
package pipeline

import (
	"time"
)

// Source locates the Kafka message a Story was decoded from. It is zero for
// stories that did not come from Kafka (for example `warwire enrich`).
type Source struct {
	Topic     string
	Partition int
	Offset    int64
	Key       []byte
	Headers   map[string]string
	// Timestamp is the Kafka message timestamp (producer or broker time).
	Timestamp time.Time
}

// Subject is a NINJS subject: a code from a controlled vocabulary and its name.
type Subject struct {
	Code string `json:"code,omitempty"`
	Name string `json:"name,omitempty"`
}

// Story is one wire story on its way through the pipeline. The decode stage
// fills the NINJS fields from Raw; later stages add the enrichment fields. A
// stage that cannot handle a story records a Failure with Fail and leaves the
// rest of the batch alone; stages skip stories that have already failed.
type Story struct {
	Source Source
	// Raw is the message value exactly as it was consumed.
	Raw []byte

	// NINJS fields, 1.x and 2.x forms folded into one shape by the decoder.
	URI             string
	Version         int64
	VersionCreated  time.Time
	FirstCreated    time.Time
	Headline        string
	BodyText        string
	BodyHTML        string
	Byline          string
	Language        string
	Located         string
	CopyrightHolder string
	URL             string
	PubStatus       string
	Urgency         int
	Subjects        []Subject

	// Enrichment, filled by the stages.
	Body       string // normalised plain text; offsets in spans refer to it
	Dateline   *Dateline
	Captions   []string
	WordCount  int
	Entities   []Entity
	Places     []Place
	Focus      *Focus
	Stances    []Stance
	Quotes     []Quote
	EnrichedMS float64

	// Shared carries work derived from Body (tokens, sentences, mention
	// positions) from one enrichment stage to the next so that it is done
	// once. nil is always valid; a consumer checks that the value still
	// matches Body. It is never indexed; a stage that changes Body sets it
	// to nil.
	Shared any

	// Failure is set when a stage rejected the story; nil otherwise.
	Failure *Failure
}

// PubStatus values defined by NINJS.
const (
	PubStatusUsable   = "usable"
	PubStatusWithheld = "withheld"
	PubStatusCanceled = "canceled"
)

// Withdrawn reports whether the story is a kill: its text must leave the index.
func (s *Story) Withdrawn() bool {
	return s.PubStatus == PubStatusCanceled || s.PubStatus == PubStatusWithheld
}

// Fail records why stage could not process the story. The first failure wins:
// a story that already failed keeps its original reason.
func (s *Story) Fail(stage, reason string, err error) {
	if s.Failure != nil {
		return
	}
	s.Failure = &Failure{Stage: stage, Reason: reason, Err: err}
}

// Failed reports whether a stage has rejected the story.
func (s *Story) Failed() bool { return s.Failure != nil }

// Failure says which stage rejected a story and why. Reason is a short stable
// code (see the Reason constants) used in DLQ headers and metric labels.
type Failure struct {
	Stage  string
	Reason string
	Err    error
}

// Error implements error.
func (f *Failure) Error() string {
	if f.Err == nil {
		return f.Stage + ": " + f.Reason
	}
	return f.Stage + ": " + f.Reason + ": " + f.Err.Error()
}

// Unwrap returns the underlying cause.
func (f *Failure) Unwrap() error { return f.Err }

// Reasons a story is sent to the dead-letter topic. They are metric label
// values and DLQ header values: keep them stable.
const (
	ReasonInvalidJSON     = "invalid_json"
	ReasonInvalidUTF8     = "invalid_utf8"
	ReasonTooLarge        = "too_large"
	ReasonSchema          = "schema_violation"
	ReasonRejected        = "es_rejected"
	ReasonStageError      = "stage_error"
	ReasonDocumentInvalid = "document_invalid"
	ReasonPanic           = "stage_panic"
)
