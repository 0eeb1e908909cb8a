package pipeline

import (
	"context"
)

// Stage is one step of the pipeline. Process works on a batch in place: a
// problem with one story is recorded on that story (Story.Fail) and the batch
// goes on; a returned error means the whole batch cannot go on (for example
// the context ended). Process must skip stories that have already failed.
// Stages hold no per-batch state, so one Stage may process different batches
// concurrently. Close releases what the stage holds.
type Stage interface {
	Name() string
	Process(ctx context.Context, batch []*Story) error
	Close(ctx context.Context) error
}

// Chain runs stages in order over one batch. It is itself a Stage.
type Chain []Stage

var _ Stage = Chain(nil)

// Name implements Stage.
func (c Chain) Name() string { return "chain" }

// Process runs every stage in turn, stopping at the first batch-level error.
func (c Chain) Process(ctx context.Context, batch []*Story) error {
	for _, s := range c {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, batch); err != nil {
			return &StageError{Stage: s.Name(), Err: err}
		}
	}
	return nil
}

// Close closes every stage, returning the first error.
func (c Chain) Close(ctx context.Context) error {
	var first error
	for _, s := range c {
		if err := s.Close(ctx); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// StageError is a batch-level error from a named stage.
type StageError struct {
	Stage string
	Err   error
}

// Error implements error.
func (e *StageError) Error() string { return "stage " + e.Stage + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *StageError) Unwrap() error { return e.Err }

// Live returns the stories of batch that have not failed, for stages that only
// look at those. It allocates a new slice.
func Live(batch []*Story) []*Story {
	out := make([]*Story, 0, len(batch))
	for _, s := range batch {
		if !s.Failed() {
			out = append(out, s)
		}
	}
	return out
}
