// Package entities is the entity stage: it finds the people, organisations
// and countries of a story with a knowledge base (kb.yaml) matched over the
// normalised body, links variants, surnames, titles, capitals and demonyms to
// their entity, and adds the names the knowledge base lacks with slug ids.
package entities

//go:generate sh kbsrc/gen.sh

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
)

// Name is the stage name used in logs, metrics and failure records.
const Name = "entities"

// codeVersion changes when the recogniser's code changes its output.
const codeVersion = "1"

// Config says which knowledge base to load.
type Config struct {
	KBFile string `env:"WARWIRE_KB_FILE" doc:"Knowledge base file (kb.yaml format) to load instead of the embedded one."`
}

// DefaultConfig uses the embedded knowledge base.
func DefaultConfig() Config { return Config{} }

// Validate checks that a configured knowledge-base file exists.
func (c Config) Validate() error {
	if c.KBFile == "" {
		return nil
	}
	if _, err := os.Stat(c.KBFile); err != nil {
		return config.Errorf("WARWIRE_KB_FILE", "cannot read knowledge base: %v", err)
	}
	return nil
}

// Stage is the entity stage. It is read-only after construction and safe for
// concurrent use.
type Stage struct {
	ix  *Index
	now func() time.Time
}

var _ pipeline.Stage = (*Stage)(nil)

// New loads the knowledge base cfg names (or the embedded one) and returns
// the stage.
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ix, err := LoadIndex(cfg.KBFile)
	if err != nil {
		return nil, err
	}
	return &Stage{ix: ix, now: time.Now}, nil
}

// NewFromEnv builds the stage from DefaultConfig with WARWIRE_* overrides.
func NewFromEnv() (*Stage, error) {
	cfg := DefaultConfig()
	if err := config.FromEnv(&cfg); err != nil {
		return nil, err
	}
	return New(cfg)
}

// LoadIndex parses and compiles the knowledge base at path, or the embedded
// one when path is empty.
func LoadIndex(path string) (*Index, error) {
	data := embeddedKB
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("failed to read knowledge base: %w", err)
		}
	}
	f, err := ParseKB(data)
	if err != nil {
		return nil, err
	}
	return Compile(f, data), nil
}

// Index returns the compiled knowledge base.
func (s *Stage) Index() *Index { return s.ix }

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Version implements enrich.Versioned: the code and knowledge-base versions.
func (s *Stage) Version() string { return codeVersion + "-" + s.ix.Version() }

// Close implements pipeline.Stage.
func (s *Stage) Close(context.Context) error { return nil }

// Process sets Entities on every live story from its Body, and leaves the
// tokenized body with the entity mentions in Shared for the stages after it.
func (s *Stage) Process(ctx context.Context, batch []*pipeline.Story) error {
	for _, st := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		if st.Failed() {
			continue
		}
		var shared *mention.Doc
		st.Entities, shared = s.ix.recognize(st.Body, StoryDate(st, s.now), st.Language, true)
		st.Shared = shared
	}
	return nil
}

// StoryDate is the date roles are resolved at: the version time, else the
// first-created time, else now.
func StoryDate(st *pipeline.Story, now func() time.Time) time.Time {
	switch {
	case !st.VersionCreated.IsZero():
		return st.VersionCreated
	case !st.FirstCreated.IsZero():
		return st.FirstCreated
	}
	return now()
}
