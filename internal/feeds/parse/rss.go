package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// ParseRSS parses RSS (0.9x, 1.0, 2.0), Atom 1.0 or JSON Feed with gofeed.
// An item's URI is its GUID (Atom id), canonicalised when it is an http(s)
// URL, else the canonical link; the body is content:encoded (Atom content)
// or else the description (summary), as plain text. base, when not nil,
// resolves relative links.
//
// XML feeds must be well-formed (HTML named entities such as &nbsp; are
// accepted): gofeed would otherwise make up items from the debris of a
// broken document.
func ParseRSS(data []byte, base *url.URL) (*Result, error) {
	if err := wellFormed(data); err != nil {
		return nil, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, errorf(KindNotAFeed, "not an RSS, Atom or JSON feed")
		}
		return nil, &Error{Kind: KindMalformed, Err: err}
	}
	res := &Result{
		Format:   feedFormat(feed.FeedType),
		Title:    HTMLText(feed.Title),
		Language: strings.TrimSpace(feed.Language),
	}
	for _, fi := range feed.Items {
		if fi == nil {
			continue
		}
		it, err := rssItem(fi, base)
		if err != nil {
			res.Skipped = append(res.Skipped, err)
			continue
		}
		if it.Language == "" {
			it.Language = res.Language
		}
		res.Items = append(res.Items, it)
	}
	return res, nil
}

func feedFormat(t string) string {
	switch t {
	case "atom":
		return FormatAtom
	case "json":
		return FormatJSONFeed
	}
	return FormatRSS
}

func rssItem(fi *gofeed.Item, base *url.URL) (Item, error) {
	it := Item{
		Headline:  HTMLText(fi.Title),
		Byline:    byline(fi),
		PubStatus: StatusUsable,
		URL:       resolve(fi.Link, base),
	}
	if it.URL == "" && len(fi.Links) > 0 {
		it.URL = resolve(fi.Links[0], base)
	}
	it.URI = identity(fi.GUID, it.URL, base)
	if it.URI == "" {
		return it, fmt.Errorf("item %q skipped: %w", it.Headline, ErrNoIdentity)
	}
	body := fi.Content
	if strings.TrimSpace(body) == "" {
		body = fi.Description
	}
	it.BodyText = HTMLText(body)
	if fi.DublinCoreExt != nil && len(fi.DublinCoreExt.Language) > 0 {
		it.Language = strings.TrimSpace(fi.DublinCoreExt.Language[0])
	}
	it.FirstCreated = timeOf(fi.PublishedParsed)
	it.VersionCreated = timeOf(fi.UpdatedParsed)
	if it.VersionCreated.IsZero() {
		it.VersionCreated = it.FirstCreated
	}
	return it, nil
}

func byline(fi *gofeed.Item) string {
	var names []string
	for _, p := range fi.Authors {
		if p == nil {
			continue
		}
		if n := strings.TrimSpace(p.Name); n != "" {
			names = append(names, n)
		} else if e := strings.TrimSpace(p.Email); e != "" {
			names = append(names, e)
		}
	}
	return HTMLText(strings.Join(names, ", "))
}

// identity picks the URI: the GUID (canonicalised when it is an http(s)
// URL), else the canonical link. A GUID that is not a URI (no scheme, such
// as "48213") is qualified with the feed's host so that two feeds' plain
// numbers do not collide: urn:guid:HOST:GUID.
func identity(guid, link string, base *url.URL) string {
	guid = strings.TrimSpace(guid)
	switch {
	case guid != "" && hasScheme(guid):
		return CanonicalURL(guid)
	case guid != "" && base != nil && base.Host != "":
		return "urn:guid:" + canonicalHost(base.Hostname(), "", "https") + ":" + guid
	case guid != "":
		return "urn:guid:" + guid
	case link != "":
		return CanonicalURL(link)
	}
	return ""
}

// hasScheme reports whether s starts with a URI scheme ("https:", "urn:",
// "tag:").
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 {
		return false
	}
	for j, r := range s[:i] {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// resolve makes link absolute against base and canonical; "" stays "".
func resolve(link string, base *url.URL) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	if base != nil {
		if ref, err := url.Parse(link); err == nil {
			link = base.ResolveReference(ref).String()
		}
	}
	return CanonicalURL(link)
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// wellFormed checks that an XML document parses to its end; JSON passes.
func wellFormed(data []byte) error {
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '<' {
		return nil
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &Error{Kind: KindMalformed, Err: fmt.Errorf("XML is not well-formed: %w", err)}
		}
	}
}
