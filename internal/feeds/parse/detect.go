package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Formats a document can have; Parse reports which one it found.
const (
	FormatRSS      = "rss"  // RSS 2.0, 0.9x or 1.0 (RDF)
	FormatAtom     = "atom" // Atom 1.0
	FormatJSONFeed = "jsonfeed"
	FormatNINJS    = "ninjs"
	FormatNewsML   = "newsml"
)

// Options tell Parse what the caller knows about a document.
type Options struct {
	// ContentType is the HTTP Content-Type, used for the charset and sniffing.
	ContentType string
	// Format restricts parsing: "", "auto", "rss" (RSS, Atom, JSON Feed),
	// "ninjs" or "newsml".
	Format string
	// Base resolves relative links; nil leaves them as they are.
	Base *url.URL
}

// Result is a parsed document.
type Result struct {
	Format string
	// Title and Language of the feed, when it has them.
	Title    string
	Language string
	Items    []Item
	// Skipped holds one error per item left out (no identity, bad JSON line).
	Skipped []error
}

// Parse decodes a feed document of any supported format. It never panics: a
// parser panic is turned into an *Error of kind KindMalformed.
func Parse(data []byte, opt Options) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, errorf(KindMalformed, "parser failed on this document: %v", r)
		}
	}()
	data, err = ToUTF8(data, opt.ContentType)
	if err != nil {
		return nil, err
	}
	format, err := Detect(data)
	if err != nil {
		return nil, err
	}
	if !allowed(opt.Format, format) {
		return nil, errorf(KindNotAFeed, "expected a %s feed, got a %s document", opt.Format, format)
	}
	switch format {
	case FormatNINJS:
		return ParseNINJS(data)
	case FormatNewsML:
		return ParseNewsML(data)
	default:
		return ParseRSS(data, opt.Base)
	}
}

func allowed(want, got string) bool {
	switch want {
	case "", "auto":
		return true
	case "rss":
		return got == FormatRSS || got == FormatAtom || got == FormatJSONFeed
	default:
		return want == got
	}
}

// Detect tells the format of a UTF-8 document from its first bytes: the root
// element of XML, the shape of JSON. An HTML page (such as an error page
// served with status 200) is an *Error of kind KindNotAFeed.
func Detect(data []byte) (string, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return "", errorf(KindNotAFeed, "empty document")
	}
	switch trimmed[0] {
	case '{', '[':
		if isJSONFeed(trimmed) {
			return FormatJSONFeed, nil
		}
		return FormatNINJS, nil
	case '<':
		return detectXML(trimmed)
	}
	return "", errorf(KindNotAFeed, "document starts with %q, neither XML nor JSON", excerpt(trimmed))
}

func isJSONFeed(data []byte) bool {
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	return bytes.Contains(head, []byte("jsonfeed.org/version"))
}

func detectXML(data []byte) (string, error) {
	if isHTML(data) {
		return "", errorf(KindNotAFeed, "got an HTML page, not a feed: %q", excerpt(data))
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return "", errorf(KindMalformed, "XML document has no root element")
		}
		if err != nil {
			return "", &Error{Kind: KindMalformed, Err: fmt.Errorf("bad XML before the root element: %w", err)}
		}
		if se, ok := tok.(xml.StartElement); ok {
			return rootFormat(se.Name.Local)
		}
	}
}

func rootFormat(local string) (string, error) {
	switch strings.ToLower(local) {
	case "rss", "rdf":
		return FormatRSS, nil
	case "feed":
		return FormatAtom, nil
	case "newsitem", "packageitem", "newsmessage":
		return FormatNewsML, nil
	case "html", "body", "head":
		return "", errorf(KindNotAFeed, "got an HTML page, not a feed")
	}
	return "", errorf(KindNotAFeed, "unknown XML document with root element <%s>", local)
}

func isHTML(data []byte) bool {
	head := data
	if len(head) > 256 {
		head = head[:256]
	}
	l := bytes.ToLower(head)
	return bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html"))
}

func excerpt(b []byte) string {
	if len(b) > 60 {
		b = b[:60]
	}
	return string(b)
}
