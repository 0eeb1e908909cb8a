package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/kafka"
)

func init() { register(newIngestCmd) }

// maxLine bounds one JSONL line (a story larger than this is rejected).
const maxLine = 8 << 20

func newIngestCmd(a *app) *cobra.Command {
	var conn connFlags
	var feedOpts feedOptions
	kc, pc := config.DefaultKafka(), kafka.DefaultProducerConfig()
	fc, push := config.DefaultFeeds(), config.DefaultPush()
	cmd := &cobra.Command{
		Use:   "ingest [FILE...|-] | --feeds FILE | --feed URL | --listen ADDR",
		Short: "Produce NINJS stories to the stories topic: from JSONL files, feeds or HTTP push",
		Long: `ingest produces stories to warwire.stories with their uri as the key.

From files: NINJS stories, one JSON document per line, from the files given
(or standard input for "-"). A malformed line is reported with its file and
line number and not sent; the rest go on; the exit status is 1 if any line
was bad.

From feeds: --feeds feeds.yaml (see deploy/feeds.example.yaml) or --feed URL
polls RSS 2.0, Atom 1.0, NINJS and NewsML-G2 feeds on their intervals (--once
polls each once and exits), sending new items and new versions of changed
ones; --listen ADDR accepts POST /v1/stories from agencies that push.` + envHelp(&kc, &pc, &fc, &push),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := conn.apply(&kc, nil); err != nil {
				return err
			}
			if err := config.FromEnv(&pc); err != nil {
				return err
			}
			if feedOpts.enabled() {
				if len(args) > 0 {
					return &usageError{errors.New("ingest takes either files or --feeds/--feed/--listen, not both")}
				}
				return runFeedIngest(cmd.Context(), a, kc, pc, &feedOpts)
			}
			if len(args) == 0 {
				return &usageError{errors.New("ingest needs FILE... (or - for standard input), --feeds FILE, --feed URL or --listen ADDR")}
			}
			return runIngestFiles(cmd.Context(), a, kc, pc, args)
		},
	}
	conn.add(cmd, true, false)
	addFeedFlags(cmd, &feedOpts)
	return cmd
}

// producer builds the stories-topic producer with the command's logger.
func (a *app) producer(kc config.Kafka, pc kafka.ProducerConfig) (*kafka.Producer, error) {
	log, err := a.logger()
	if err != nil {
		return nil, err
	}
	return kafka.NewProducer(kc, kc.Topic, pc, log)
}

func runFeedIngest(ctx context.Context, a *app, kc config.Kafka, pc kafka.ProducerConfig, opts *feedOptions) error {
	p, err := a.producer(kc, pc)
	if err != nil {
		return err
	}
	defer p.Close()
	return runFeeds(ctx, a, opts, p)
}

func runIngestFiles(ctx context.Context, a *app, kc config.Kafka, pc kafka.ProducerConfig, files []string) error {
	p, err := a.producer(kc, pc)
	if err != nil {
		return err
	}
	defer p.Close()
	var sent, bad int
	for _, f := range files {
		s, b, err := ingestFile(ctx, a, p, f)
		sent, bad = sent+s, bad+b
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(a.stdout, "ingest: %d stor%s sent to %s, %d bad line(s)\n", sent, plural(sent, "y", "ies"), kc.Topic, bad)
	if bad > 0 {
		return errReported
	}
	return nil
}

func ingestFile(ctx context.Context, a *app, p *kafka.Producer, name string) (sent, bad int, err error) {
	r, size, closeFn, err := openInput(a, name)
	if err != nil {
		return 0, 0, err
	}
	defer closeFn()
	bar := progress(a, size, name)
	sc := bufio.NewScanner(io.TeeReader(r, bar))
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var batch []kafka.Record
	flush := func() error {
		if err := p.Publish(ctx, batch...); err != nil {
			return err
		}
		sent += len(batch)
		batch = batch[:0]
		return nil
	}
	for line := 1; sc.Scan(); line++ {
		rec, perr := parseLine(sc.Bytes())
		switch {
		case perr == nil:
			batch = append(batch, rec)
		case !errors.Is(perr, errBlank):
			bad++
			fmt.Fprintf(a.stderr, "%s:%d: %v\n", name, line, perr)
		}
		if len(batch) >= 500 {
			if err := flush(); err != nil {
				return sent, bad, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return sent, bad, fmt.Errorf("failed to read %s: %w", name, err)
	}
	_ = bar.Finish()
	return sent, bad, flush()
}

var errBlank = errors.New("blank line")

// parseLine checks that a line is a JSON object with a non-empty string uri.
func parseLine(line []byte) (kafka.Record, error) {
	if strings.TrimSpace(string(line)) == "" {
		return kafka.Record{}, errBlank
	}
	var head struct {
		URI *string `json:"uri"`
	}
	if err := json.Unmarshal(line, &head); err != nil {
		return kafka.Record{}, fmt.Errorf("not a JSON object: %w", err)
	}
	if head.URI == nil || strings.TrimSpace(*head.URI) == "" {
		return kafka.Record{}, errors.New("missing or empty \"uri\"")
	}
	v := make([]byte, len(line))
	copy(v, line)
	return kafka.Record{Key: []byte(*head.URI), Value: v}, nil
}

func openInput(a *app, name string) (io.Reader, int64, func(), error) {
	if name == "-" {
		return a.stdin, -1, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("failed to open %s: %w", name, err)
	}
	st, _ := f.Stat()
	return f, st.Size(), func() { f.Close() }, nil
}

// progress returns a byte progress bar on a terminal, or a no-op writer.
func progress(a *app, size int64, name string) *progressbar.ProgressBar {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return progressbar.DefaultBytesSilent(size, name)
	}
	return progressbar.DefaultBytes(size, name)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
