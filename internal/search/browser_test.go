package search

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
)

const chromiumPath = "/usr/bin/chromium"

// artifacts is where the browser test keeps its screenshots (git-ignored).
const artifacts = "testdata/artifacts"

// browserEnv is a headless Chromium on a fresh profile, recording dialogs,
// page errors and requests to other hosts.
type browserEnv struct {
	ctx      context.Context
	base     string
	mu       sync.Mutex
	dialogs  []string
	errors   []string
	external []string
}

func startBrowser(t *testing.T, base string) *browserEnv {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if testenv.Required() {
			t.Fatalf("chromium is missing at %s (apt-get install chromium)", chromiumPath)
		}
		t.Skipf("chromium is missing at %s", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1360, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browserEnv{ctx: ctx, base: base}
	if err := chromedp.Listen(ctx, b.onEvent); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return b
}

// onEvent runs on chromedp's reader goroutine: it only records, and closes a
// dialog (which would block the page) from another goroutine.
func (b *browserEnv) onEvent(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *page.EventJavascriptDialogOpening:
		b.dialogs = append(b.dialogs, e.Message)
		go func() {
			_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}()
	case *network.EventRequestWillBeSent:
		if u := e.Request.URL; !strings.HasPrefix(u, b.base) && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			b.external = append(b.external, u)
		}
	case *runtime.EventExceptionThrown:
		msg := e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			msg += " " + e.ExceptionDetails.Exception.Description
		}
		b.errors = append(b.errors, msg)
	}
}

func (b *browserEnv) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.shot(t, "failed-"+strings.ReplaceAll(what, " ", "-"))
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and returns its value.
func eval[T any](t *testing.T, b *browserEnv, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (b *browserEnv) waitFor(t *testing.T, what, js string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(25*time.Second))); err != nil {
		b.shot(t, "timeout-"+strings.ReplaceAll(what, " ", "-"))
		t.Fatalf("waiting for %s (%s): %v", what, js, err)
	}
}

func (b *browserEnv) shot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(artifacts, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// TestBrowserSearchFlow drives the web UI in headless Chromium against the
// fixture index: search, facet filter, story page, export, and the <script>
// headline shown as text.
func TestBrowserSearchFlow(t *testing.T) {
	f := loadFixture(t)
	base := startUIServer(t, f)
	b := startBrowser(t, base)

	b.do(t, "open the page", chromedp.Navigate(base+"/"))
	b.waitFor(t, "the first results", `document.querySelectorAll('#results li').length > 0`)
	b.shot(t, "01-start")

	// The timeline is one tab stop; the arrow keys move between its bars.
	if n := eval[int](t, b, `document.querySelectorAll('#timeline .bar[tabindex="0"]').length`); n != 1 {
		t.Errorf("%d timeline bars are tab stops, want 1", n)
	}
	b.do(t, "focus the timeline", chromedp.Focus(chromedp.CSS(`#timeline .bar[tabindex="0"]`)), chromedp.KeyEvent(kb.ArrowRight))
	if i := eval[int](t, b, `Array.from(document.querySelectorAll('#timeline .bar')).indexOf(document.activeElement)`); i != 1 {
		t.Errorf("ArrowRight moved focus to bar %d, want 1", i)
	}

	// Run a query by typing it.
	b.do(t, "type a query", chromedp.SendKeys(chromedp.CSS("#q"), "Odesa"), chromedp.Click(chromedp.CSS("#go")))
	b.waitFor(t, "the query in the URL", `location.search.includes('q=Odesa')`)
	b.waitFor(t, "the Odesa results", `document.querySelector('#status').textContent.includes('2 stories')`)
	b.shot(t, "02-query")

	// The <script> headline is text: visible, never run.
	headlines := eval[[]string](t, b, `Array.from(document.querySelectorAll('#results h3')).map(h => h.textContent)`)
	found := false
	for _, h := range headlines {
		found = found || h == xssHeadline
	}
	if !found {
		t.Errorf("the <script> headline is not shown as text; headlines: %q", headlines)
	}
	if n := eval[int](t, b, `document.querySelectorAll('#results script, #results img').length`); n != 0 {
		t.Errorf("%d script/img elements inside the results", n)
	}
	if marks := eval[int](t, b, `document.querySelectorAll('#results mark').length`); marks == 0 {
		t.Error("no highlighted matches in the results")
	}

	// Apply a facet filter: the source with one of the two stories.
	b.do(t, "click a source facet", chromedp.Click(chromedp.CSS(`#facet-groups button[aria-label^="Filter by Black Sea News"]`)))
	b.waitFor(t, "the source filter in the URL", `new URLSearchParams(location.search).get('source') === 'Black Sea News'`)
	b.waitFor(t, "the filtered results", `document.querySelector('#status').textContent.startsWith('1 story')`)
	if chips := eval[string](t, b, `document.querySelector('#active-filters').textContent`); !strings.Contains(chips, "Source: Black Sea News") {
		t.Errorf("filter chip missing: %q", chips)
	}
	b.shot(t, "03-facet-filter")

	// Keyboard: "/" brings focus back to the query box.
	b.do(t, "focus the results", chromedp.Focus(chromedp.CSS("#results h3 a")))
	b.do(t, "press slash", chromedp.KeyEvent("/"))
	if id := eval[string](t, b, `document.activeElement.id`); id != "q" {
		t.Errorf("'/' focused %q, want the query box", id)
	}

	// Export the filtered result set through the button.
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	b.do(t, "click export CSV", chromedp.Click(chromedp.CSS("#export-csv")))
	csvText := waitForDownload(t, dir, ".csv")
	if !strings.Contains(csvText, "# query: format=csv&q=Odesa&source=Black+Sea+News") || !strings.Contains(csvText, "# end: rows=1 complete=true") ||
		!strings.Contains(csvText, "Sirens sound over Odesa harbour") {
		t.Errorf("exported CSV:\n%s", csvText)
	}

	// Open the story and check the highlighted spans.
	b.do(t, "open the story", chromedp.Click(chromedp.CSS("#results h3 a")))
	b.waitFor(t, "the story page", `location.pathname.startsWith('/story/') && document.querySelector('#story-body').textContent.length > 50`)
	if h := eval[string](t, b, `document.querySelector('#story-headline').textContent`); h != xssHeadline {
		t.Errorf("story headline %q", h)
	}
	b.shot(t, "04-story")

	// A story whose body starts with emoji (astral code points): spans are
	// code points, so each highlighted place and entity must cover its name.
	kyiv := pipeline.DocID("urn:fixture:kyiv")
	b.do(t, "open the emoji story", chromedp.Navigate(base+"/story/"+kyiv))
	b.waitFor(t, "the annotated body", `document.querySelectorAll('#story-body .ann').length >= 3`)
	anns := eval[[]string](t, b, `Array.from(document.querySelectorAll('#story-body .ann')).map(e => e.textContent)`)
	if strings.Join(anns, "|") != "Kyiv|Ukraine|European Union" {
		t.Errorf("highlighted spans %q, want Kyiv|Ukraine|European Union", anns)
	}
	b.shot(t, "05-story-emoji")

	// Quotes are highlighted over exactly their text.
	b.do(t, "open a story with a quote", chromedp.Navigate(base+"/story/"+pipeline.DocID("urn:fixture:warsaw")))
	b.waitFor(t, "the quote", `document.querySelectorAll('#story-body .ann-quote').length > 0`)
	quote := eval[string](t, b, `Array.from(document.querySelectorAll('#story-body .ann-quote')).map(e => e.textContent).join('')`)
	if want := "Our trucks will not stop while hospitals need fuel and medicine,"; quote != want {
		t.Errorf("quote highlight covers %q, want %q", quote, want)
	}
	b.shot(t, "05b-story-quote")

	b.do(t, "entity search with stances", chromedp.Navigate(base+"/?entity=Q7184&collapse=off"))
	b.waitFor(t, "the entity results", `document.querySelectorAll('#results li').length > 0 && document.querySelector('#stance-matrix table') !== null`)
	b.waitFor(t, "the map dots", `document.querySelectorAll('#map circle.dot').length > 0`)
	b.shot(t, "06-entity-stances-map")

	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.dialogs) > 0 {
		t.Errorf("a script ran and opened dialogs: %q", b.dialogs)
	}
	if len(b.errors) > 0 {
		t.Errorf("script errors on the page: %q", b.errors)
	}
	if len(b.external) > 0 {
		t.Errorf("the page requested other hosts: %q", b.external)
	}
}

// startUIServer runs the server on 127.0.0.1:0 over the fixture index.
func startUIServer(t *testing.T, f *fixture) string {
	t.Helper()
	s, err := New(f.es, f.index, config.DefaultSearch(), nil)
	if err != nil {
		t.Fatal(err)
	}
	vc := config.DefaultServe()
	vc.Listen, vc.RateLimit = "127.0.0.1:0", 0
	sv, err := NewServer(s, vc, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sv.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// waitForDownload waits for a finished file with the extension in dir.
func waitForDownload(t *testing.T, dir, ext string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ext) {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err == nil && strings.Contains(string(b), "# end:") {
					return string(b)
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no %s download in %s (%v)", ext, dir, entries)
	return ""
}
