// Package normalize is the text normalisation stage. It turns the decoded
// NINJS body (body_text, or body_html when there is no text) into the clean
// plain text every later stage measures its spans in (Story.Body): HTML to
// text, Unicode NFC, no control or zero-width characters, paragraphs split by
// "\n\n". It moves interleaved photo captions to Story.Captions, takes the
// agency dateline off the start of the body into Story.Dateline, counts the
// words, cleans the headline and byline, and settles Story.Language from the
// declared tag and a built-in detector.
package normalize

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/warwire/warwire/pipeline"
)

// Name is the stage name used in logs, metrics and DLQ headers.
const Name = "normalize"

// version changes whenever the output for some input changes: bump it with
// any change to the rules or word lists in this package.
const version = "1"

// Normalizer is the normalisation stage. It holds no state, so one Normalizer
// is safe for concurrent use on different batches. It has no configuration on
// purpose: its output must depend only on its Version.
type Normalizer struct{}

var _ pipeline.Stage = (*Normalizer)(nil)

// New returns the normalisation stage.
func New() *Normalizer { return &Normalizer{} }

// Name implements pipeline.Stage.
func (*Normalizer) Name() string { return Name }

// Version identifies the normalisation rules; the enrichment version is
// derived from it.
func (*Normalizer) Version() string { return version }

// Close implements pipeline.Stage; the stage holds no resources.
func (*Normalizer) Close(context.Context) error { return nil }

// Process normalises every story of batch that has not failed. It stops with
// the context's error when ctx ends. A story that makes normalisation panic
// (a bug, never expected) is failed with ReasonStageError and the batch goes on.
func (n *Normalizer) Process(ctx context.Context, batch []*pipeline.Story) error {
	for _, s := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		if s == nil || s.Failed() {
			continue
		}
		normalizeSafely(s)
	}
	return nil
}

func normalizeSafely(s *pipeline.Story) {
	defer func() {
		if r := recover(); r != nil {
			s.Fail(Name, pipeline.ReasonStageError, fmt.Errorf("normalize panicked: %v", r))
		}
	}()
	Normalize(s)
}

// Normalize sets Body, Captions, Dateline (text only), WordCount and Language
// of s from its NINJS fields, and cleans Headline and Byline in place.
func Normalize(s *pipeline.Story) {
	var pw paragraphWords
	text, captions := bodyText(s, &pw)
	joined, found, captionWords := splitCaptionsWords(text, &pw)
	if len(captions) == 0 {
		captions = found // no copy: found is ours
	} else {
		captions = append(captions, found...)
	}
	captions = dedupe(captions)
	place, rest := SplitDateline(joined)

	s.Body = rest
	s.Dateline = nil
	if place != "" {
		s.Dateline = &pipeline.Dateline{Text: place}
	}
	s.Captions = captions
	s.WordCount = bodyWords(joined, rest, &pw, captionWords)
	s.Headline = plainLine(s.Headline)
	s.Byline = plainLine(s.Byline)
	s.Language = chooseLanguage(s.Language, detectStory(s.Headline, rest))
}

// bodyText returns the clean text of the story's body and the figure captions
// found in its markup. body_html is used when body_text is blank. When the
// body_text is clean already, pw gets its word counts.
func bodyText(s *pipeline.Story, pw *paragraphWords) (string, []string) {
	if strings.TrimSpace(s.BodyText) == "" && s.BodyHTML != "" {
		pw.ok = false
		return HTMLToText(s.BodyHTML)
	}
	if cleanTextWords(s.BodyText, pw) {
		return s.BodyText, nil
	}
	return cleanPlainText(s.BodyText)
}

// cleanPlainText cleans a body_text that is not clean already (see
// cleanTextWords). Text that carries HTML tags goes through the HTML
// tokenizer (keeping its line breaks); otherwise only well-formed entity
// references are decoded. Hard-wrapped text has its lines rejoined.
func cleanPlainText(src string) (string, []string) {
	var figcaps []string
	if looksLikeHTML(src) {
		src, figcaps = htmlToRaw(src, true)
	} else {
		src = decodeEntities(src)
	}
	mode := eachLine
	if looksHardWrapped(src) {
		mode = softWrap
	}
	var captions []string
	for _, c := range figcaps {
		if c = cleanLine(c); c != "" {
			captions = append(captions, c)
		}
	}
	return clean(src, mode), captions
}

// plainLine cleans a one-line field such as the headline or byline.
func plainLine(s string) string {
	if looksLikeHTML(s) {
		s, _ = htmlToRaw(s, false)
	} else {
		s = decodeEntities(s)
	}
	return cleanLine(s)
}

// splitParagraphs splits clean text at "\n\n"; the parts share text's memory.
func splitParagraphs(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(text, paragraphSep)
}

// dedupe drops repeated captions, keeping the first of each.
func dedupe(cs []string) []string {
	out := cs[:0]
	for _, c := range cs {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
