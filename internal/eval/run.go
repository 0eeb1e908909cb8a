package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/enrich"
	"github.com/warwire/warwire/pipeline/normalize"
)

// Score counts matches for one field.
type Score struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *Score) add(o Score) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Accuracy counts correct answers over gold items.
type Accuracy struct {
	Correct, Matched, Total int
}

// Value is Correct/Total, 1 when there is nothing to get right.
func (a Accuracy) Value() float64 { return ratio(a.Correct, a.Total) }

// Report is the evaluation of one split.
type Report struct {
	Stories       int
	Entities      Score
	Places        Score
	Stances       Score
	QuoteSpeakers Accuracy
	// Errors lists, per story, what was missed or wrongly found.
	Errors []string
}

// Run enriches every item's story with chain and scores the result.
func Run(ctx context.Context, chain *enrich.Chain, items []Item) (*Report, error) {
	r := &Report{Stories: len(items)}
	for _, it := range items {
		st := &pipeline.Story{Raw: it.Story}
		if err := process(ctx, chain, st); err != nil {
			return nil, err
		}
		if st.Failed() {
			return nil, fmt.Errorf("gold story failed: %w", st.Failure)
		}
		r.score(st, it.Gold)
	}
	return r, nil
}

// process runs the chain stage by stage. While the normalisation stage is
// not registered in the chain, it is applied right after decoding, so the
// later stages see the body they will see in production.
func process(ctx context.Context, chain *enrich.Chain, st *pipeline.Story) error {
	hasNormalize := false
	for _, s := range chain.Chain {
		hasNormalize = hasNormalize || s.Name() == "normalize"
	}
	batch := []*pipeline.Story{st}
	for _, s := range chain.Chain {
		if err := s.Process(ctx, batch); err != nil {
			return fmt.Errorf("stage %s: %w", s.Name(), err)
		}
		if s.Name() == "decode" && !hasNormalize && !st.Failed() {
			normalize.Normalize(st)
		}
	}
	return nil
}

// Registered reports whether chain has a stage named name.
func Registered(chain *enrich.Chain, name string) bool {
	for _, s := range chain.Chain {
		if s.Name() == name {
			return true
		}
	}
	return false
}

// Table renders the report as an aligned text table.
func (r *Report) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "stories: %d\n", r.Stories)
	fmt.Fprintf(&b, "%-15s %9s %9s %9s %6s %6s %6s\n", "field", "precision", "recall", "F1", "tp", "fp", "fn")
	for _, f := range []struct {
		name string
		s    Score
	}{{"entities", r.Entities}, {"places", r.Places}, {"stances", r.Stances}} {
		fmt.Fprintf(&b, "%-15s %9.3f %9.3f %9.3f %6d %6d %6d\n", f.name, f.s.Precision(), f.s.Recall(), f.s.F1(), f.s.TP, f.s.FP, f.s.FN)
	}
	q := r.QuoteSpeakers
	fmt.Fprintf(&b, "%-15s accuracy %.3f (%d correct of %d gold quotes, %d found)\n", "quote speakers", q.Value(), q.Correct, q.Total, q.Matched)
	return b.String()
}
