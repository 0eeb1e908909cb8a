// Command warwire is the single binary of the warwire pipeline: ingest, worker,
// enrich, serve, search and the operational subcommands. main stays thin: it
// builds the root command, runs it under a signal-aware context and maps the
// outcome to an exit code (0 success, 1 runtime failure, 2 usage or config).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/warwire/warwire/internal/config"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code. The first SIGINT or
// SIGTERM cancels the context (graceful shutdown); a second one exits at once.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		cancel()
		if _, ok := <-sigs; ok {
			fmt.Fprintln(stderr, "warwire: second signal, exiting now")
			os.Exit(exitFailure)
		}
	}()

	root := newRoot(&app{stdin: stdin, stdout: stdout, stderr: stderr})
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return exitCode(err, stderr)
}

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	switch {
	case errors.As(err, &ue), config.IsConfigError(err), strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintln(stderr, "warwire:", err)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailure
	default:
		fmt.Fprintln(stderr, "warwire:", err)
		return exitFailure
	}
}
