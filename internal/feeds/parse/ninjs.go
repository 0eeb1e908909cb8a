package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ninjsDoc holds the NINJS 1.x and 2.x fields warwire reads.
type ninjsDoc struct {
	URI             string          `json:"uri"`
	Type            string          `json:"type"`
	Version         json.RawMessage `json:"version"`
	FirstCreated    string          `json:"firstcreated"`
	VersionCreated  string          `json:"versioncreated"`
	PubStatus       string          `json:"pubstatus"`
	Urgency         json.RawMessage `json:"urgency"`
	Headline        string          `json:"headline"`
	Headlines       []ninjsText     `json:"headlines"`
	BodyText        string          `json:"body_text"`
	BodyHTML        string          `json:"body_html"`
	Bodies          []ninjsText     `json:"bodies"`
	DescriptionText string          `json:"description_text"`
	DescriptionHTML string          `json:"description_html"`
	Descriptions    []ninjsText     `json:"descriptions"`
	Byline          string          `json:"byline"`
	By              string          `json:"by"`
	Language        string          `json:"language"`
	Located         string          `json:"located"`
	CopyrightHolder string          `json:"copyrightholder"`
	URL             string          `json:"url"`
}

// ninjsText is a NINJS 2.x headline, body or description.
type ninjsText struct {
	Role        string `json:"role"`
	ContentType string `json:"contenttype"`
	Value       string `json:"value"`
}

// ParseNINJS parses IPTC NINJS 1.x or 2.x: a single document, an array of
// documents, or JSON Lines (one document per line; a bad line is skipped and
// reported in Result.Skipped, the others go on). Documents of a type other
// than text or composite (pictures, video) are skipped.
func ParseNINJS(data []byte) (*Result, error) {
	res := &Result{Format: FormatNINJS}
	if lines, ok := jsonLines(data); ok {
		for n, line := range lines {
			if err := decodeNINJS(line, res); err != nil {
				res.Skipped = append(res.Skipped, fmt.Errorf("line %d: %w", n+1, err))
			}
		}
		return res, nil
	}
	if err := decodeNINJS(data, res); err != nil {
		return nil, &Error{Kind: KindMalformed, Err: err}
	}
	return res, nil
}

// jsonLines splits JSON Lines: more than one non-empty line, the first of
// them a complete JSON object by itself (a pretty-printed document's first
// line is not). Line numbers are kept: empty lines stay as empty entries.
func jsonLines(data []byte) ([][]byte, bool) {
	lines := bytes.Split(data, []byte("\n"))
	nonEmpty := 0
	for i, l := range lines {
		l = bytes.TrimSpace(l)
		lines[i] = l
		if len(l) == 0 {
			continue
		}
		if nonEmpty == 0 && (l[0] != '{' || !json.Valid(l)) {
			return nil, false
		}
		nonEmpty++
	}
	return lines, nonEmpty > 1
}

// decodeNINJS reads every JSON value in data (objects or arrays of objects)
// into res. A syntax error stops it; a document with wrong field types is
// skipped.
func decodeNINJS(data []byte, res *Result) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("invalid JSON: %w", err)
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) > 0 && raw[0] == '[' {
			var docs []json.RawMessage
			if err := json.Unmarshal(raw, &docs); err != nil {
				return fmt.Errorf("invalid JSON array: %w", err)
			}
			for i, d := range docs {
				addNINJS(d, res, fmt.Sprintf("document %d of the array", i+1))
			}
			continue
		}
		addNINJS(raw, res, "document")
	}
}

func addNINJS(raw json.RawMessage, res *Result, where string) {
	var doc ninjsDoc
	if err := json.Unmarshal(raw, &doc); err != nil {
		res.Skipped = append(res.Skipped, fmt.Errorf("%s is not a NINJS object: %w", where, err))
		return
	}
	it, err := doc.item()
	if err != nil {
		res.Skipped = append(res.Skipped, fmt.Errorf("%s: %w", where, err))
		return
	}
	if it != nil {
		res.Items = append(res.Items, *it)
	}
}

// item converts the document; nil (no error) for non-text types.
func (d *ninjsDoc) item() (*Item, error) {
	switch strings.ToLower(d.Type) {
	case "", "text", "composite":
	default:
		return nil, nil
	}
	it := &Item{
		URI:             strings.TrimSpace(d.URI),
		SourceVersion:   jsonVersion(d.Version),
		FirstCreated:    parseTime(d.FirstCreated),
		VersionCreated:  parseTime(d.VersionCreated),
		PubStatus:       pubStatus(d.PubStatus),
		Headline:        d.headline(),
		BodyText:        d.body(),
		Byline:          collapse(firstNonEmpty(d.Byline, d.By)),
		Language:        strings.TrimSpace(d.Language),
		Located:         collapse(d.Located),
		CopyrightHolder: collapse(d.CopyrightHolder),
		URL:             CanonicalURL(d.URL),
	}
	if n := jsonVersion(d.Urgency); n <= 9 {
		it.Urgency = int(n)
	}
	if it.URI == "" {
		it.URI = it.URL
	}
	if it.URI == "" {
		return nil, ErrNoIdentity
	}
	return it, nil
}

func (d *ninjsDoc) headline() string {
	if d.Headline != "" {
		return collapse(d.Headline)
	}
	if t, ok := pickText(d.Headlines); ok {
		return textOf(t)
	}
	return ""
}

func (d *ninjsDoc) body() string {
	switch {
	case strings.TrimSpace(d.BodyText) != "":
		return collapse(d.BodyText)
	case strings.TrimSpace(d.BodyHTML) != "":
		return HTMLText(d.BodyHTML)
	}
	if t, ok := pickText(d.Bodies); ok {
		return textOf(t)
	}
	switch {
	case strings.TrimSpace(d.DescriptionText) != "":
		return collapse(d.DescriptionText)
	case strings.TrimSpace(d.DescriptionHTML) != "":
		return HTMLText(d.DescriptionHTML)
	}
	if t, ok := pickText(d.Descriptions); ok {
		return textOf(t)
	}
	return ""
}

// pickText prefers the main role, then plain text, then the first value.
func pickText(ts []ninjsText) (ninjsText, bool) {
	var best ninjsText
	score := -1
	for _, t := range ts {
		if strings.TrimSpace(t.Value) == "" {
			continue
		}
		s := 0
		if t.Role == "" || strings.HasSuffix(strings.ToLower(t.Role), "main") {
			s += 2
		}
		if !strings.Contains(strings.ToLower(t.ContentType), "html") {
			s++
		}
		if s > score {
			best, score = t, s
		}
	}
	return best, score >= 0
}

func textOf(t ninjsText) string {
	if strings.Contains(strings.ToLower(t.ContentType), "html") {
		return HTMLText(t.Value)
	}
	return collapse(t.Value)
}

// jsonVersion reads a NINJS version given as a string ("3") or a number (3).
func jsonVersion(raw json.RawMessage) int64 {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return parseVersion(s)
	}
	return parseVersion(string(raw))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// SplitNINJS returns the documents of a NINJS body (a document, an array of
// documents, or JSON Lines) as raw JSON, in order, for callers that check
// each one (the push endpoint validates them against the schema). A syntax
// error names the line it is on.
func SplitNINJS(data []byte) ([]json.RawMessage, error) {
	if lines, ok := jsonLines(data); ok {
		var out []json.RawMessage
		for n, line := range lines {
			if len(line) == 0 {
				continue
			}
			if !json.Valid(line) {
				return nil, fmt.Errorf("line %d is not valid JSON", n+1)
			}
			out = append(out, json.RawMessage(line))
		}
		return out, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []json.RawMessage
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("invalid JSON at line %d: %w", lineAt(data, dec.InputOffset()), err)
		}
		if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '[' {
			var docs []json.RawMessage
			if err := json.Unmarshal(t, &docs); err != nil {
				return nil, fmt.Errorf("invalid JSON array: %w", err)
			}
			out = append(out, docs...)
			continue
		}
		out = append(out, raw)
	}
}

func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}
