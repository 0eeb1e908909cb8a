// Package places is the places stage: it finds the places below country level
// and the bodies of water a story mentions, resolves each to one gazetteer
// entry (GeoNames plus a hand-made list of regions, waters, sites and
// front-line villages), resolves the dateline, and picks the story's focus
// country and place.
//
// Matching is a longest-match lookup of case- and diacritic-folded word
// sequences that start with a capital (Kyiv, Kiev, Київ and Киев meet), never
// inside an entity span (a capital used for its government, "Beijing said",
// is the entities stage's). Each mention is then resolved by a score: the
// place's population, the story's countries (entities, country words, the
// dateline), a prior for Ukraine, Russia and the front line, hand-made context
// words, and nearness to the story's other places.
package places

import (
	"context"
	"fmt"
	"math"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/pipeline"
)

// Name is the stage name used in logs, metrics and failure records.
const Name = "places"

// codeVersion changes when the code changes the output; the data's own
// version is the hash of the embedded files (see dataVersion).
const codeVersion = "1"

// Config tunes the stage.
type Config struct {
	MinScore float64 `env:"WARWIRE_PLACES_MIN_SCORE" doc:"Lowest disambiguation score a place reading needs to be reported (higher: fewer, surer places)."`
}

// DefaultConfig returns the tuned defaults.
func DefaultConfig() Config { return Config{MinScore: 5.0} }

// Validate checks the score is a finite number.
func (c Config) Validate() error {
	if math.IsNaN(c.MinScore) || math.IsInf(c.MinScore, 0) {
		return config.Errorf("WARWIRE_PLACES_MIN_SCORE", "want a finite number, got %v", c.MinScore)
	}
	return nil
}

// Stage is the places stage. It is read-only after construction and safe for
// concurrent use on different batches.
type Stage struct {
	g   *Gazetteer
	cfg Config
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the stage over the shared embedded gazetteer (loaded once per
// process).
func New(cfg Config) (*Stage, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	g, err := Default()
	if err != nil {
		return nil, err
	}
	return &Stage{g: g, cfg: cfg}, nil
}

// NewFromEnv builds the stage from DefaultConfig with WARWIRE_* overrides.
func NewFromEnv() (*Stage, error) {
	cfg := DefaultConfig()
	if err := config.FromEnv(&cfg); err != nil {
		return nil, err
	}
	return New(cfg)
}

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Version changes whenever the code or the embedded data change the output.
func (s *Stage) Version() string {
	return fmt.Sprintf("%s-%s-%g", codeVersion, dataVersion(), s.cfg.MinScore)
}

// Close implements pipeline.Stage; the stage holds nothing to release.
func (s *Stage) Close(context.Context) error { return nil }

// Process fills Places, Dateline.Place and Focus of every live story. It
// fails only when ctx ends; a story whose annotation panics is failed alone.
func (s *Stage) Process(ctx context.Context, batch []*pipeline.Story) error {
	for _, st := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		if st == nil || st.Failed() || st.Withdrawn() {
			continue
		}
		s.one(st)
	}
	return nil
}

func (s *Stage) one(st *pipeline.Story) {
	defer func() {
		if r := recover(); r != nil {
			st.Fail(Name, pipeline.ReasonStageError, fmt.Errorf("places panicked: %v", r))
		}
	}()
	s.g.annotate(st, s.cfg.MinScore)
}

// Annotate runs the stage on one story outside a pipeline (tests, tools).
func (s *Stage) Annotate(st *pipeline.Story) { s.one(st) }
