// Package quotes is the quote stage: it finds direct quotations (“ ”, " ",
// « », „ “, ‘ ’, including quotes left open across paragraphs) and
// attributes them to a speaker among the story's entities.
package quotes

import (
	"context"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
)

// Name is the stage name used in logs, metrics and failure records.
const Name = "quotes"

// Stage is the quote stage. It holds no state and is safe for concurrent use.
type Stage struct{}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the quote stage.
func New() *Stage { return &Stage{} }

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Version implements enrich.Versioned.
func (s *Stage) Version() string { return "1" }

// Close implements pipeline.Stage.
func (s *Stage) Close(context.Context) error { return nil }

// Process sets Quotes on every live story from its Body and Entities.
func (s *Stage) Process(ctx context.Context, batch []*pipeline.Story) error {
	for _, st := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !st.Failed() {
			st.Quotes = quotesOf(st)
			// The last stage that reads it: its memory goes back to the pool.
			mention.Release(st.Shared, st.Body)
			st.Shared = nil
		}
	}
	return nil
}

// quotesOf returns the quotations of st: those found already when the
// story's shared analysis (st.Shared, see mention.ForStory) holds them, as
// it does once the stance stage has looked at a story with two entities or
// more; else none when the body has no quotation mark, without preparing
// the analysis.
func quotesOf(st *pipeline.Story) []pipeline.Quote {
	if md, ok := st.Shared.(*mention.Doc); ok && md.QuotesDone && mention.ForStory(st) == md {
		return md.Quotes
	}
	if !hasQuoteMark(st.Body) {
		return nil
	}
	return FromDoc(mention.ForStory(st))
}
