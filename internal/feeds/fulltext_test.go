package feeds

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/warwire/warwire/internal/config"
)

func summaryFeed(base string) []byte {
	return []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dnipro Desk</title>
<item><title>Night trains keep running to the east</title><link>%[1]s/article.html?utm_source=rss</link>
<description>The overnight train from Lviv pulled into Dnipro forty minutes late.</description></item>
<item><title>A page that is gone</title><link>%[1]s/gone.html</link>
<description>Only this summary is left.</description></item>
</channel></rss>`, base))
}

func TestFullTextReplacesSummary(t *testing.T) {
	srv := newFixtureServer(t)
	srv.set("/summary.xml", summaryFeed(srv.URL), "application/rss+xml")
	srv.set("/article.html", readFixture(t, "article.html"), "text/html; charset=utf-8")
	on := true
	spec := config.FeedSpec{Name: "summary", URL: srv.URL + "/summary.xml", FullText: &on}
	pub := &fakePublisher{}
	h := newHarness(t, testConfig(t), []config.FeedSpec{spec}, pub)
	results, err := h.in.PollOnce(context.Background())
	if err != nil || results[0].Err != nil || results[0].Sent != 2 {
		t.Fatalf("%v %+v", err, results[0])
	}
	bodies := map[string]string{}
	for _, d := range decodeRecords(t, pub.take()) {
		bodies[d.Key] = d.Msg.BodyText
	}
	article := bodies[srv.URL+"/article.html"]
	for _, want := range []string{"DNIPRO, March 11 — The overnight train", "\n\nRailway staff have kept", "improved since the autumn"} {
		if !strings.Contains(article, want) {
			t.Errorf("full text lacks %q:\n%s", want, article)
		}
	}
	for _, junk := range []string{"Subscribe", "analytics", "Most read", "All rights reserved"} {
		if strings.Contains(article, junk) {
			t.Errorf("full text contains page clutter %q", junk)
		}
	}
	if got := bodies[srv.URL+"/gone.html"]; got != "Only this summary is left." {
		t.Errorf("failed full text should keep the summary, got %q", got)
	}
	if v := counterValue(t, h.m.PollErrors, "summary", KindFullText); v != 1 {
		t.Errorf("fulltext errors %v", v)
	}
	// Pages are fetched for new and changed items only.
	if _, err := h.in.PollOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := srv.hitCount("/article.html"); n != 1 {
		t.Errorf("article fetched %d times", n)
	}
}
