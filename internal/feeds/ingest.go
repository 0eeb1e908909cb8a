package feeds

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/feeds/parse"
	"github.com/warwire/warwire/internal/feeds/state"
)

// feedAccept is the Accept header of feed requests.
const feedAccept = "application/rss+xml, application/atom+xml, application/vnd.iptc.g2.newsmessage+xml, " +
	"application/vnd.iptc.g2.newsitem+xml, application/ninjs+json, application/xml;q=0.9, text/xml;q=0.9, " +
	"application/json;q=0.8, application/x-ndjson;q=0.8, */*;q=0.5"

// Deps are what an Ingester works with.
type Deps struct {
	Publisher Publisher
	Store     *state.Store
	Metrics   *Metrics
	Log       *zap.Logger
	// Client is the HTTP client for feeds and pages; nil builds one.
	Client *http.Client
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// Ingester polls feeds and sends their new and changed items to Kafka.
type Ingester struct {
	cfg   config.Feeds
	feeds []config.FeedSpec
	fetch *Fetcher
	send  *sender
	m     *Metrics
	log   *zap.Logger
}

// New checks the configuration and builds an ingester for feeds. It starts
// nothing; call PollOnce or Run.
func New(cfg config.Feeds, feeds []config.FeedSpec, d Deps) (*Ingester, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if d.Publisher == nil || d.Store == nil || d.Metrics == nil || d.Log == nil {
		return nil, errors.New("feeds: Deps needs a Publisher, a Store, Metrics and a Log")
	}
	specs := make([]config.FeedSpec, 0, len(feeds))
	for _, f := range feeds {
		f = f.Normalized()
		if err := f.Validate(); err != nil {
			return nil, config.Errorf("--feed", "%s: %v", f.URL, err)
		}
		if f.Interval == 0 {
			f.Interval = cfg.Interval
		}
		specs = append(specs, f)
	}
	if err := config.CheckFeedNames(specs); err != nil {
		return nil, config.Errorf("--feeds", "%v", err)
	}
	now := d.Now
	if now == nil {
		now = time.Now
	}
	return &Ingester{
		cfg: cfg, feeds: specs, fetch: NewFetcher(cfg, d.Client), m: d.Metrics, log: d.Log,
		send: &sender{store: d.Store, pub: d.Publisher, m: d.Metrics, log: d.Log, now: now},
	}, nil
}

// Feeds returns the feeds the ingester polls, with defaults applied.
func (in *Ingester) Feeds() []config.FeedSpec { return in.feeds }

// PollOnce polls every feed once, cfg.Parallel at a time, and returns the
// results in the order of the feeds. A failed feed does not stop the others.
// The error is the context's, or a failure to save the state.
func (in *Ingester) PollOnce(ctx context.Context) ([]Result, error) {
	results := make([]Result, len(in.feeds))
	sem := make(chan struct{}, in.cfg.Parallel)
	var wg sync.WaitGroup
	for i, spec := range in.feeds {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return results, ctx.Err()
		}
		wg.Go(func() {
			defer func() { <-sem }()
			results[i] = in.Poll(ctx, spec)
		})
	}
	wg.Wait()
	if err := in.send.store.Save(); err != nil {
		return results, err
	}
	return results, ctx.Err()
}

// Run polls every feed on its own interval until ctx ends, then saves the
// state. A feed that keeps failing is polled less often (up to 8 times its
// interval) until it recovers. Old items are pruned from the state hourly.
func (in *Ingester) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, spec := range in.feeds {
		wg.Go(func() { in.loop(ctx, spec) })
	}
	wg.Go(func() { in.pruneLoop(ctx) })
	wg.Wait()
	if err := in.send.store.Save(); err != nil {
		return err
	}
	return nil
}

func (in *Ingester) loop(ctx context.Context, spec config.FeedSpec) {
	// Spread the first polls so that a restart does not hit every host at once.
	delay := time.Duration(rand.Int64N(int64(min(spec.Interval, 10*time.Second))))
	failures := 0
	for {
		if sleep(ctx, delay) != nil {
			return
		}
		r := in.Poll(ctx, spec)
		if ctx.Err() != nil {
			return
		}
		if r.Err != nil {
			failures++
		} else {
			failures = 0
		}
		delay = jitter(spec.Interval * time.Duration(1<<min(failures, 3)))
	}
}

// jitter returns d ± 10%.
func jitter(d time.Duration) time.Duration {
	return d - d/10 + time.Duration(rand.Int64N(int64(d)/5+1))
}

func (in *Ingester) pruneLoop(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n := in.send.store.Prune(time.Now().Add(-in.cfg.Retention)); n > 0 {
				in.log.Info("pruned feed state", zap.Int("items", n))
			}
		}
	}
}

// Poll fetches one feed, sends its new and changed items, records them and
// saves the state. It must not run concurrently with itself for one feed
// (PollOnce and Run never do). Every failure is logged once (keys feed, url, kind,
// error), counted in warwire_feed_poll_errors_total and returned in Result.
func (in *Ingester) Poll(ctx context.Context, spec config.FeedSpec) Result {
	r := in.poll(ctx, spec)
	switch {
	case r.Err != nil && ctx.Err() != nil:
		// Shutting down: not the feed's fault.
	case r.Err != nil:
		in.m.PollErrors.WithLabelValues(spec.Name, r.Kind).Inc()
		in.m.Polls.WithLabelValues(spec.Name, "error").Inc()
		in.log.Warn("feed poll failed", zap.String(keyFeed, spec.Name), zap.String(keyURL, spec.URL),
			zap.String(keyKind, r.Kind), zap.Error(r.Err))
	default:
		outcome := "ok"
		if r.NotModified {
			outcome = "not_modified"
		}
		in.m.Polls.WithLabelValues(spec.Name, outcome).Inc()
		in.m.LastSuccess.WithLabelValues(spec.Name).SetToCurrentTime()
		in.log.Debug("feed polled", zap.String(keyFeed, spec.Name), zap.Bool("not_modified", r.NotModified),
			zap.Int("seen", r.Seen), zap.Int("new", r.New), zap.Int("updated", r.Updated), zap.Int("sent", r.Sent))
	}
	return r
}

func (in *Ingester) poll(ctx context.Context, spec config.FeedSpec) Result {
	r := Result{Feed: spec.Name}
	etag, lastMod := in.send.store.Validators(spec.Name)
	resp, err := in.fetch.Fetch(ctx, Request{URL: spec.URL, Accept: feedAccept, Headers: spec.Headers, ETag: etag, LastModified: lastMod})
	if err != nil {
		return r.fail(err)
	}
	if resp.NotModified {
		r.NotModified = true
		in.send.store.Touch(spec.Name, in.send.now())
		if err := in.send.store.Save(); err != nil {
			r.Kind, r.Err = KindState, err
		}
		return r
	}
	res, err := parse.Parse(resp.Body, parse.Options{ContentType: resp.ContentType, Format: spec.Format, Base: resp.URL})
	if err != nil {
		return r.fail(err)
	}
	items := in.prepare(spec, res)
	r.Skipped = len(res.Skipped) + (len(res.Items) - len(items))
	b := batch{feed: spec.Name, format: res.Format, items: items, validators: &[2]string{resp.ETag, resp.LastModified}}
	if spec.WantsFullText() {
		b.enrich = func(ctx context.Context, it *parse.Item) { in.fullText(ctx, spec, it) }
	}
	out, err := in.send.send(ctx, b)
	r.Seen, r.New, r.Updated, r.Sent = out.Seen, out.New, out.Updated, out.Sent
	r.Skipped += len(out.Invalid)
	in.count(spec.Name, r, append(res.Skipped, out.Invalid...))
	if err != nil {
		r.Kind, r.Err = KindPublish, err
		return r
	}
	if err := in.send.store.Save(); err != nil {
		r.Kind, r.Err = KindState, err
	}
	return r
}

// prepare fills what items lack from the feed and its spec, and caps them.
func (in *Ingester) prepare(spec config.FeedSpec, res *parse.Result) []parse.Item {
	items := res.Items
	if len(items) > in.cfg.MaxItems {
		in.log.Warn("feed has more items than the limit; the rest are dropped", zap.String(keyFeed, spec.Name),
			zap.String(keyURL, spec.URL), zap.String(keyKind, KindItem), zap.Int("items", len(items)), zap.Int("limit", in.cfg.MaxItems))
		items = items[:in.cfg.MaxItems]
	}
	holder := spec.Source
	if holder == "" {
		holder = res.Title
	}
	for i := range items {
		if items[i].CopyrightHolder == "" {
			items[i].CopyrightHolder = holder
		}
		if items[i].Language == "" {
			items[i].Language = spec.Language
		}
	}
	return items
}

func (in *Ingester) count(feed string, r Result, skipped []error) {
	in.m.ItemsSeen.WithLabelValues(feed).Add(float64(r.Seen))
	in.m.ItemsNew.WithLabelValues(feed).Add(float64(r.New))
	in.m.ItemsUpdated.WithLabelValues(feed).Add(float64(r.Updated))
	in.m.ItemsSent.WithLabelValues(feed).Add(float64(r.Sent))
	in.m.ItemsSkipped.WithLabelValues(feed).Add(float64(r.Skipped))
	if len(skipped) > 0 {
		in.log.Warn("feed items left out", zap.String(keyFeed, feed), zap.String(keyKind, KindItem),
			zap.Int("items", len(skipped)), zap.Error(skipped[0]))
	}
}
