package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/telemetry"
)

// app carries what every subcommand shares: the standard streams and the
// logger configuration.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    config.Log
}

// commands collects the subcommand constructors; each subcommand file adds its
// own in init, so wiring a command touches only its file.
var commands []func(*app) *cobra.Command

func register(c func(*app) *cobra.Command) { commands = append(commands, c) }

// usageError marks a bad command line: exit status 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// errReported is returned when the command already told the user what failed.
var errReported = errors.New("failure already reported")

func newRoot(a *app) *cobra.Command {
	a.log = config.DefaultLog()
	root := &cobra.Command{
		Use:   "warwire",
		Short: "warwire: a streaming pipeline for research on wire coverage of the war in Ukraine",
		Long: `warwire moves wire stories from feeds through Kafka, enriches them with
entities, places, stance and quotes, and indexes them into Elasticsearch for
search. Configuration comes from WARWIRE_* environment variables (see
'warwire config') and from flags, which win.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if err := config.FromEnv(&a.log); err != nil {
				return err
			}
			return a.log.Validate()
		},
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	for _, c := range commands {
		root.AddCommand(c(a))
	}
	return root
}

// logger builds the structured logger for a command, writing to stderr.
func (a *app) logger() (*zap.Logger, error) {
	l, err := telemetry.NewLogger(a.log, a.stderr)
	if err != nil {
		return nil, err
	}
	return l, nil
}

// exactArgs is cobra.ExactArgs returning a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &usageError{fmt.Errorf("%s takes %d argument(s), got %d", cmd.CommandPath(), n, len(args))}
		}
		return nil
	}
}

// noArgs rejects positional arguments with a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &usageError{fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])}
	}
	return nil
}
