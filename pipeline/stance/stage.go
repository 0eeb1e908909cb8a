// Package stance is the stance stage: sentence-level rules over the story's
// entity mentions and a cue lexicon find who is for or against whom, with the
// evidence sentence and the cue phrase. Precision comes first: a stance is
// emitted only when holder and target are entities of the story and the
// pattern is clear.
package stance

import (
	"context"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
)

// Name is the stage name used in logs, metrics and failure records.
const Name = "stance"

// Stage is the stance stage. It holds no state and is safe for concurrent use.
type Stage struct{}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the stance stage.
func New() *Stage { return &Stage{} }

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Version implements enrich.Versioned.
func (s *Stage) Version() string { return "1" }

// Close implements pipeline.Stage.
func (s *Stage) Close(context.Context) error { return nil }

// Process sets Stances on every live story from its Body and Entities.
func (s *Stage) Process(ctx context.Context, batch []*pipeline.Story) error {
	for _, st := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !st.Failed() {
			st.Stances = DetectDoc(mention.ForStory(st))
		}
	}
	return nil
}
