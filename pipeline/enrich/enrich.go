// Package enrich assembles the enrichment chain that both `warwire worker` and
// `warwire enrich` run, so the offline output is exactly what the worker
// indexes. It is the one place that knows the order of the stages.
package enrich

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/decode"
	"github.com/warwire/warwire/pipeline/entities"
	"github.com/warwire/warwire/pipeline/normalize"
	"github.com/warwire/warwire/pipeline/places"
	"github.com/warwire/warwire/pipeline/quotes"
	"github.com/warwire/warwire/pipeline/stance"
)

// Stage constructors in chain order after decoding. Each stage package adds
// itself here; the order is the data flow:
// (decode, always first, is added by Build) ▶ normalize ▶ entities ▶ places ▶ stance ▶ quotes.
var constructors = []struct {
	name string
	make func() (pipeline.Stage, error)
}{
	{normalize.Name, func() (pipeline.Stage, error) { return normalize.New(), nil }},
	{entities.Name, func() (pipeline.Stage, error) { return entities.NewFromEnv() }},
	{places.Name, func() (pipeline.Stage, error) { return places.NewFromEnv() }},
	{stance.Name, func() (pipeline.Stage, error) { return stance.New(), nil }},
	{quotes.Name, func() (pipeline.Stage, error) { return quotes.New(), nil }},
}

// Versioned is implemented by stages whose output depends on code or data that
// can change; the chain's enrichment version is derived from theirs.
type Versioned interface {
	Version() string
}

// Chain is the assembled enrichment with the version stamped on documents.
type Chain struct {
	pipeline.Chain
	// Version changes whenever a stage's code or data version changes.
	Version string
}

// Options configure the chain as a whole.
type Options struct {
	// Decode limits what the first stage accepts.
	Decode decode.Config
	// Wrap decorates every stage (metrics, tracing); nil leaves them bare.
	Wrap func(pipeline.Stage) pipeline.Stage
}

// DefaultOptions decode with the default limits and no decorators.
func DefaultOptions() Options { return Options{Decode: decode.DefaultConfig()} }

// Build constructs every stage in order, decode first. Data files (knowledge
// base, gazetteer) are loaded here, once.
func Build(opts Options) (*Chain, error) {
	if err := opts.Decode.Validate(); err != nil {
		return nil, err
	}
	c := &Chain{}
	h := sha256.New()
	all := append([]struct {
		name string
		make func() (pipeline.Stage, error)
	}{{decode.Name, func() (pipeline.Stage, error) { return decode.New(opts.Decode), nil }}}, constructors...)
	for _, k := range all {
		st, err := k.make()
		if err != nil {
			return nil, fmt.Errorf("failed to build stage %s: %w", k.name, err)
		}
		if opts.Wrap != nil {
			st = opts.Wrap(st)
		}
		c.Chain = append(c.Chain, st)
		v := "0"
		if vs, ok := st.(Versioned); ok {
			v = vs.Version()
		}
		fmt.Fprintf(h, "%s=%s;", st.Name(), v)
	}
	c.Version = "e1-" + hex.EncodeToString(h.Sum(nil)[:6])
	return c, nil
}

// Process runs the chain and records on every story its share of the time the
// batch took, in milliseconds (Story.EnrichedMS).
func (c *Chain) Process(ctx context.Context, batch []*pipeline.Story) error {
	start := time.Now()
	err := c.Chain.Process(ctx, batch)
	if n := len(batch); n > 0 {
		per := float64(time.Since(start).Microseconds()) / 1000 / float64(n)
		for _, s := range batch {
			s.EnrichedMS = per
		}
	}
	return err
}
