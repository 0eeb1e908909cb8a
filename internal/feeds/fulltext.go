package feeds

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"go.uber.org/zap"
	"golang.org/x/net/html/charset"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/feeds/parse"
)

const pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

// fullText fetches the item's page (under the same politeness and limits as
// feeds) and replaces the body with the page's main text when that is
// longer. A failure is logged and counted; the item keeps its summary.
func (in *Ingester) fullText(ctx context.Context, spec config.FeedSpec, it *parse.Item) {
	if it.URL == "" {
		return
	}
	text, err := in.extract(ctx, spec, it.URL)
	if err != nil {
		in.m.PollErrors.WithLabelValues(spec.Name, KindFullText).Inc()
		in.log.Warn("full text not available; sending the feed's summary", zap.String(keyFeed, spec.Name),
			zap.String(keyURL, it.URL), zap.String(keyKind, KindFullText), zap.Error(err))
		return
	}
	if len(text) > len(it.BodyText) {
		it.BodyText = text
	}
}

// extract fetches pageURL and returns its main text as plain text.
func (in *Ingester) extract(ctx context.Context, spec config.FeedSpec, pageURL string) (string, error) {
	resp, err := in.fetch.Fetch(ctx, Request{URL: pageURL, Accept: pageAccept, Headers: spec.Headers})
	if err != nil {
		return "", err
	}
	return ExtractText(resp.Body, resp.ContentType, resp.URL)
}

// ExtractText finds the main text of an HTML page with readability and
// returns it as plain text (paragraphs separated by a blank line). The
// charset comes from contentType or the page's meta tags.
func ExtractText(page []byte, contentType string, pageURL *url.URL) (string, error) {
	r, err := charset.NewReader(bytes.NewReader(page), contentType)
	if err != nil {
		return "", fmt.Errorf("failed to decode page: %w", err)
	}
	art, err := readability.FromReader(r, pageURL)
	if err != nil {
		return "", fmt.Errorf("failed to extract the article: %w", err)
	}
	var b strings.Builder
	if err := art.RenderHTML(&b); err != nil {
		return "", fmt.Errorf("failed to render the article: %w", err)
	}
	text := parse.HTMLText(b.String())
	if text == "" {
		return "", fmt.Errorf("no article text found")
	}
	return text, nil
}
