// Package decode is the first stage: it turns the raw Kafka message value into
// the NINJS fields of a pipeline.Story, rejecting what cannot be a story
// (too large, invalid UTF-8, invalid JSON, schema violations) with a reason
// the runner sends to the dead-letter topic.
package decode

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/schemas"
)

// Name is the stage name used in logs, metrics and DLQ headers.
const Name = "decode"

// Config limits what the decoder accepts.
type Config struct {
	MaxBytes int `env:"WARWIRE_MAX_MESSAGE_BYTES" doc:"Largest message value accepted; larger ones go to the DLQ (too_large)."`
}

// DefaultConfig accepts messages up to 2 MB.
func DefaultConfig() Config { return Config{MaxBytes: 2 << 20} }

// Validate checks the limits.
func (c Config) Validate() error {
	if c.MaxBytes < 1024 {
		return config.Errorf("WARWIRE_MAX_MESSAGE_BYTES", "must be at least 1024, got %d", c.MaxBytes)
	}
	return nil
}

// Decoder is the decode stage. It is stateless and safe for concurrent use.
type Decoder struct {
	cfg Config
}

var _ pipeline.Stage = (*Decoder)(nil)

// New returns a decoder with cfg.
func New(cfg Config) *Decoder { return &Decoder{cfg: cfg} }

// Name implements pipeline.Stage.
func (d *Decoder) Name() string { return Name }

// Version implements enrich.Versioned.
func (d *Decoder) Version() string { return "1" }

// Close implements pipeline.Stage.
func (d *Decoder) Close(context.Context) error { return nil }

// Process decodes every story's Raw value into its NINJS fields.
func (d *Decoder) Process(ctx context.Context, batch []*pipeline.Story) error {
	for _, s := range batch {
		if s.Failed() {
			continue
		}
		if reason, err := d.decode(s); err != nil {
			s.Fail(Name, reason, err)
		}
	}
	return ctx.Err()
}

func (d *Decoder) decode(s *pipeline.Story) (string, error) {
	if len(s.Raw) > d.cfg.MaxBytes {
		return pipeline.ReasonTooLarge, fmt.Errorf("message is %d bytes, the limit is %d", len(s.Raw), d.cfg.MaxBytes)
	}
	valid, ctl := checkRaw(s.Raw)
	if !valid {
		return pipeline.ReasonInvalidUTF8, errors.New("message is not valid UTF-8")
	}
	if ok, err := fastDecode(s, ctl); ok {
		if err != nil {
			return pipeline.ReasonSchema, err
		}
		return "", nil
	}
	return slowDecode(s)
}

// fastDecode decodes s by the fast path (parseMessage and fillMessage),
// reporting false when the slow path must decide.
func fastDecode(s *pipeline.Story, ctl bool) (bool, error) {
	buf := valsPool.Get().(*[]byte)
	m := message{vals: *buf}
	var err error
	ok := parseMessage(s.Raw, ctl, &m)
	if ok {
		err = fillMessage(s, &m) // copies what it keeps out of m.vals
	}
	if cap(m.vals) <= maxPooled {
		*buf = m.vals[:0]
		valsPool.Put(buf)
	}
	return ok, err
}

// valsPool holds the buffers the fast path unescapes values into
// (message.vals) between messages.
var valsPool = sync.Pool{New: func() any { return new([]byte) }}

// maxPooled is the largest buffer kept in valsPool: the rare huge message
// does not pin its buffer.
const maxPooled = 64 << 10

// slowDecode decodes with encoding/json and checks the message against the
// full JSON Schema: the path for every message the fast path does not accept,
// which words each problem with the field it concerns.
func slowDecode(s *pipeline.Story) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(s.Raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return pipeline.ReasonInvalidJSON, fmt.Errorf("message is not valid JSON: %w", err)
	}
	if dec.More() {
		return pipeline.ReasonInvalidJSON, errors.New("message has data after the JSON document")
	}
	if err := schemas.ValidateStory(v); err != nil {
		return pipeline.ReasonSchema, err
	}
	obj, _ := v.(map[string]any)
	if err := fill(s, obj); err != nil {
		return pipeline.ReasonSchema, err
	}
	return "", nil
}
