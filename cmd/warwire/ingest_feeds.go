package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/feeds"
	"github.com/warwire/warwire/internal/feeds/state"
	"github.com/warwire/warwire/internal/telemetry"
)

// feedOptions are the flags of `warwire ingest` for feeds and push.
type feedOptions struct {
	cmd         *cobra.Command
	feedsFile   string
	feedURLs    []string
	fullText    bool
	once        bool
	listen      string
	stateFile   string
	interval    time.Duration
	adminListen string
}

// addFeedFlags adds --feeds, --feed, --fulltext, --once, --listen, --state,
// --interval and --admin-listen to the ingest command.
func addFeedFlags(cmd *cobra.Command, opts *feedOptions) {
	opts.cmd = cmd
	fc := config.DefaultFeeds()
	f := cmd.Flags()
	f.StringVar(&opts.feedsFile, "feeds", "", "poll the feeds listed in this YAML file (see deploy/feeds.example.yaml)")
	f.StringArrayVar(&opts.feedURLs, "feed", nil, "poll this feed URL (RSS, Atom, NINJS or NewsML-G2); repeatable")
	f.BoolVar(&opts.fullText, "fulltext", false, "fetch each --feed item's page and extract its main text")
	f.BoolVar(&opts.once, "once", false, "poll every feed once and exit (for cron jobs and backfills)")
	f.StringVar(&opts.listen, "listen", "", "serve POST /v1/stories for pushed NINJS or NewsML-G2 on this address (env WARWIRE_PUSH_LISTEN)")
	f.StringVar(&opts.stateFile, "state", "", "feed state file (env WARWIRE_FEEDS_STATE, default "+fc.StateFile+")")
	f.DurationVar(&opts.interval, "interval", 0, "default poll interval (env WARWIRE_FEEDS_INTERVAL, default "+fc.Interval.String()+")")
	f.StringVar(&opts.adminListen, "admin-listen", "", "address of /metrics and /healthz; empty disables (env WARWIRE_INGEST_ADMIN_LISTEN, default "+fc.AdminListen+")")
}

// enabled reports whether the command line asks for feeds or push.
func (o *feedOptions) enabled() bool {
	return o.feedsFile != "" || len(o.feedURLs) > 0 || o.listen != ""
}

func (o *feedOptions) changed(name string) bool {
	return o.cmd != nil && o.cmd.Flags().Changed(name)
}

// config loads the feed and push configuration: defaults, WARWIRE_*, flags.
func (o *feedOptions) config() (config.Feeds, config.Push, []config.FeedSpec, error) {
	fc, pc := config.DefaultFeeds(), config.DefaultPush()
	if err := config.FromEnv(&fc); err != nil {
		return fc, pc, nil, err
	}
	if err := config.FromEnv(&pc); err != nil {
		return fc, pc, nil, err
	}
	if o.stateFile != "" {
		fc.StateFile = o.stateFile
	}
	if o.interval != 0 {
		fc.Interval = o.interval
	}
	if o.changed("admin-listen") {
		fc.AdminListen = o.adminListen
	}
	if o.listen != "" {
		pc.Listen = o.listen
	}
	if err := fc.Validate(); err != nil {
		return fc, pc, nil, err
	}
	if err := pc.Validate(); err != nil {
		return fc, pc, nil, err
	}
	specs, err := o.specs()
	return fc, pc, specs, err
}

func (o *feedOptions) specs() ([]config.FeedSpec, error) {
	var specs []config.FeedSpec
	if o.feedsFile != "" {
		s, err := config.LoadFeedsFile(o.feedsFile)
		if err != nil {
			return nil, err
		}
		specs = s
	}
	for _, u := range o.feedURLs {
		s := config.FeedSpec{URL: u, FullText: &o.fullText}.Normalized()
		if err := s.Validate(); err != nil {
			return nil, config.Errorf("--feed", "%v", err)
		}
		specs = append(specs, s)
	}
	if err := config.CheckFeedNames(specs); err != nil {
		return nil, config.Errorf("--feed", "%v", err)
	}
	return specs, nil
}

// runFeeds polls the feeds (once with --once, else until ctx ends) and
// serves the push endpoint with --listen, sending stories through producer.
// With --once it prints one line per feed and fails (exit 1) if any feed
// failed; the others are sent all the same.
func runFeeds(ctx context.Context, a *app, opts *feedOptions, producer feeds.Publisher) error {
	fc, pc, specs, err := opts.config()
	if err != nil {
		return err
	}
	switch {
	case opts.once && pc.Listen != "":
		return &usageError{errors.New("--once polls the feeds and exits; it cannot be combined with --listen")}
	case len(specs) == 0 && pc.Listen == "":
		return &usageError{errors.New("ingest needs --feeds FILE, --feed URL or --listen ADDR (the feeds file lists no enabled feed)")}
	}
	log, err := a.logger()
	if err != nil {
		return err
	}
	defer func() { _ = log.Sync() }()
	store, err := state.Open(fc.StateFile, log)
	if err != nil {
		return err
	}
	reg := telemetry.NewRegistry()
	m, err := feeds.NewMetrics(reg)
	if err != nil {
		return err
	}
	deps := feeds.Deps{Publisher: producer, Store: store, Metrics: m, Log: log}
	if opts.once {
		return pollOnce(ctx, a, fc, specs, deps)
	}
	if fc.AdminListen != "" {
		admin := telemetry.NewAdmin(fc.AdminListen, reg, log)
		if err := admin.Start(); err != nil {
			return err
		}
		defer func() { _ = admin.Close(context.Background()) }()
	}
	return serveFeeds(ctx, fc, pc, specs, deps)
}

func pollOnce(ctx context.Context, a *app, fc config.Feeds, specs []config.FeedSpec, deps feeds.Deps) error {
	in, err := feeds.New(fc, specs, deps)
	if err != nil {
		return err
	}
	results, err := in.PollOnce(ctx)
	fmt.Fprint(a.stdout, feeds.Summary(results))
	if err != nil {
		return fmt.Errorf("feed poll interrupted: %w", err)
	}
	if n := feeds.Failed(results); n > 0 {
		fmt.Fprintf(a.stderr, "warwire: %d of %d feeds failed (the others were sent)\n", n, len(results))
		return errReported
	}
	return nil
}

func serveFeeds(ctx context.Context, fc config.Feeds, pc config.Push, specs []config.FeedSpec, deps feeds.Deps) error {
	g, gctx := errgroup.WithContext(ctx)
	if len(specs) > 0 {
		in, err := feeds.New(fc, specs, deps)
		if err != nil {
			return err
		}
		deps.Log.Info("polling feeds", zap.Int("feeds", len(specs)), zap.String("state", fc.StateFile))
		g.Go(func() error { return in.Run(gctx) })
	}
	if pc.Listen != "" {
		ps, err := feeds.NewPushServer(pc, deps)
		if err != nil {
			return err
		}
		g.Go(func() error { return ps.Run(gctx) })
	}
	return g.Wait()
}
