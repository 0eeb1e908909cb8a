package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/batch"
	"github.com/warwire/warwire/pipeline/enrich"
)

func init() { register(newEnrichCmd) }

func newEnrichCmd(a *app) *cobra.Command {
	var workers int
	opts := enrich.DefaultOptions()
	cmd := &cobra.Command{
		Use:   "enrich [FILE...|-]",
		Short: "Enrich NINJS stories (JSONL) offline and print the documents the worker would index",
		Long: `enrich runs the worker's stages (decode, normalise, entities, places, stance,
quotes) over NINJS stories, one JSON document per line, from the files given
or standard input, and writes one enriched JSON document per line to standard
output, in input order. Stories are processed in parallel on every core. A bad
line is reported on standard error with its file and line number and the rest
go on; the exit status is 1 if any line was bad.` + envHelp(&opts.Decode),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			if workers < 1 {
				return &usageError{fmt.Errorf("--workers must be at least 1, got %d", workers)}
			}
			return runEnrich(cmd.Context(), a, opts, workers, args)
		},
	}
	cmd.Flags().IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "stories enriched in parallel")
	return cmd
}

func runEnrich(ctx context.Context, a *app, opts enrich.Options, workers int, files []string) error {
	chain, err := enrich.Build(opts)
	if err != nil {
		return err
	}
	defer chain.Close(context.Background())
	bad := 0
	for _, name := range files {
		r, closeFn, err := openPlain(a, name)
		if err != nil {
			return err
		}
		n, err := batch.Enrich(ctx, chain, workers, r, a.stdout, func(line int, perr error) {
			fmt.Fprintf(a.stderr, "%s:%d: %v\n", name, line, perr)
		})
		closeFn()
		bad += n
		if err != nil {
			return err
		}
	}
	if bad > 0 {
		return errReported
	}
	return nil
}

func openPlain(a *app, name string) (io.Reader, func(), error) {
	if name == "-" {
		return a.stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to open %s: %w", name, err)
	}
	return f, func() { f.Close() }, nil
}
