package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/synth"
)

func init() { register(newGenCmd) }

func newGenCmd(a *app) *cobra.Command {
	var seed int64
	var count int
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Write synthetic wire stories (NINJS JSONL) for tests and benchmarks",
		Long: `gen writes COUNT realistic synthetic stories (3–6 KB each) to standard
output, one NINJS document per line. The same seed always gives the same bytes.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if count < 0 {
				return &usageError{fmt.Errorf("--count must not be negative, got %d", count)}
			}
			w := bufio.NewWriterSize(a.stdout, 1<<20)
			if err := synth.New(seed).JSONL(w, count); err != nil {
				return fmt.Errorf("failed to write stories: %w", err)
			}
			return w.Flush()
		},
	}
	cmd.Flags().Int64Var(&seed, "seed", 1, "generator seed")
	cmd.Flags().IntVar(&count, "count", 1000, "number of stories")
	return cmd
}
