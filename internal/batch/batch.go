// Package batch runs the enrichment chain offline over JSONL: stories are
// enriched in parallel in chunks and written back in input order, one
// document per line, exactly as the worker would index them.
package batch

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/enrich"
)

// chunkSize is how many lines one worker takes at a time: large enough to
// amortise the hand-off, small enough to keep every core busy.
const chunkSize = 16

// maxLine bounds one input line.
const maxLine = 8 << 20

type chunk struct {
	seq   int
	first int // line number of the first line
	lines [][]byte
	out   [][]byte
	errs  []error
}

// Enrich reads JSONL stories from r, enriches them on workers goroutines and
// writes one document per line to w in input order. Each bad line is passed
// to report with its line number and produces no output; it returns the count
// of bad lines and an error only when reading or writing fails.
func Enrich(ctx context.Context, chain *enrich.Chain, workers int, r io.Reader, w io.Writer, report func(line int, err error)) (int, error) {
	in := make(chan *chunk, workers)
	out := make(chan *chunk, workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range in {
				process(ctx, chain, c)
				out <- c
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		readErr <- read(ctx, r, in)
		close(in)
		wg.Wait()
		close(out)
	}()
	bad, werr := write(w, out, report)
	if err := <-readErr; err != nil {
		return bad, err
	}
	return bad, werr
}

func read(ctx context.Context, r io.Reader, in chan<- *chunk) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	c := &chunk{first: 1}
	line := 0
	for sc.Scan() {
		line++
		c.lines = append(c.lines, append([]byte(nil), sc.Bytes()...))
		if len(c.lines) == chunkSize {
			select {
			case in <- c:
			case <-ctx.Done():
				return ctx.Err()
			}
			c = &chunk{seq: c.seq + 1, first: line + 1}
		}
	}
	if len(c.lines) > 0 {
		in <- c
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("failed to read input after line %d: %w", line, err)
	}
	return nil
}

// process enriches the non-blank lines of a chunk as one batch.
func process(ctx context.Context, chain *enrich.Chain, c *chunk) {
	c.out = make([][]byte, len(c.lines))
	c.errs = make([]error, len(c.lines))
	stories := make([]*pipeline.Story, 0, len(c.lines))
	idx := make([]int, 0, len(c.lines))
	for i, l := range c.lines {
		if len(trimSpace(l)) == 0 {
			continue
		}
		stories = append(stories, &pipeline.Story{Raw: l})
		idx = append(idx, i)
	}
	if err := chain.Process(ctx, stories); err != nil {
		for _, i := range idx {
			c.errs[i] = err
		}
		return
	}
	now := time.Now()
	for k, s := range stories {
		i := idx[k]
		if s.Failed() {
			c.errs[i] = s.Failure
			continue
		}
		b, err := pipeline.NewDocument(s, chain.Version, now).AppendJSON(nil)
		if err != nil {
			c.errs[i] = fmt.Errorf("failed to encode the document: %w", err)
			continue
		}
		c.out[i] = b
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// write emits chunks in sequence order, buffering those that finish early.
func write(w io.Writer, out <-chan *chunk, report func(int, error)) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	pending := map[int]*chunk{}
	next, bad := 0, 0
	var werr error
	for c := range out {
		pending[c.seq] = c
		for pc, ok := pending[next]; ok; pc, ok = pending[next] {
			delete(pending, next)
			next++
			for i := range pc.lines {
				switch {
				case pc.errs[i] != nil:
					bad++
					report(pc.first+i, pc.errs[i])
				case pc.out[i] != nil && werr == nil:
					_, werr = bw.Write(append(pc.out[i], '\n'))
				}
			}
		}
	}
	if err := bw.Flush(); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		return bad, fmt.Errorf("failed to write output: %w", werr)
	}
	return bad, nil
}
