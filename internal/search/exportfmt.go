package search

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// CSVColumns are the columns of a CSV export, in order.
var CSVColumns = []string{"id", "uri", "url", "versioncreated", "source", "language", "headline", "byline",
	"located", "word_count", "fingerprint", "withdrawn", "entities", "places", "stances", "speakers", "body"}

func newRowWriter(format string, w io.Writer) rowWriter {
	if format == "jsonl" {
		return &jsonlWriter{w: w}
	}
	return &csvWriter{w: w, c: csv.NewWriter(w)}
}

// csvWriter writes RFC 4180 CSV preceded by "# key: value" comment lines (read
// them with e.g. pandas' comment="#") and followed by a "# end:" line.
type csvWriter struct {
	w io.Writer
	c *csv.Writer
}

func (c *csvWriter) header(meta exportMeta) error {
	_, err := fmt.Fprintf(c.w, "# warwire export\n# query: %s\n# exported_at: %s\n# total: %d\n",
		oneLine(meta.Query), meta.ExportedAt.Format(time.RFC3339), meta.Total)
	if err != nil {
		return err
	}
	return c.c.Write(CSVColumns)
}

func (c *csvWriter) row(src json.RawMessage) error {
	var d pipeline.Document
	if err := json.Unmarshal(src, &d); err != nil {
		return fmt.Errorf("failed to decode exported story: %w", err)
	}
	vc := ""
	if d.VersionCreated != nil {
		vc = d.VersionCreated.UTC().Format(time.RFC3339)
	}
	return c.c.Write([]string{d.ID, d.URI, cell(d.URL), vc, cell(d.CopyrightHolder), d.Language, cell(d.Headline),
		cell(d.Byline), cell(d.Located), strconv.Itoa(d.WordCount), d.Fingerprint, strconv.FormatBool(d.Withdrawn),
		cell(entityCell(d.Entities)), cell(placeCell(d.Places)), cell(stanceCell(d.Stances)), cell(speakerCell(d.Quotes)),
		cell(d.Body)})
}

func (c *csvWriter) trailer(st ExportStats, reason string) error {
	c.c.Flush()
	if err := c.c.Error(); err != nil {
		return err
	}
	line := fmt.Sprintf("# end: rows=%d complete=%t", st.Rows, st.Complete)
	if reason != "" {
		line += " (" + reason + ")"
	}
	_, err := fmt.Fprintln(c.w, line)
	return err
}

// cell defuses spreadsheet formulas: a text cell starting with = + - @ or a
// control character gets a leading apostrophe (OWASP CSV injection advice).
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ").Replace(s) }

func entityCell(es []pipeline.Entity) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s [%s]", e.Name, e.ID)
	}
	return strings.Join(parts, "; ")
}

func placeCell(ps []pipeline.Place) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s [%s]", p.Name, p.ID)
	}
	return strings.Join(parts, "; ")
}

func stanceCell(ss []pipeline.Stance) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = fmt.Sprintf("%s [%s] > %s [%s]: %s", s.Holder.Name, s.Holder.ID, s.Target.Name, s.Target.ID, s.Polarity)
	}
	return strings.Join(parts, "; ")
}

func speakerCell(qs []pipeline.Quote) string {
	seen := map[string]bool{}
	var parts []string
	for _, q := range qs {
		if q.Speaker != nil && !seen[q.Speaker.ID] {
			seen[q.Speaker.ID] = true
			parts = append(parts, fmt.Sprintf("%s [%s]", q.Speaker.Name, q.Speaker.ID))
		}
	}
	return strings.Join(parts, "; ")
}

// jsonlWriter writes one JSON object per line: first {"export": {...}}, then
// every document as indexed, last {"export_end": {...}}.
type jsonlWriter struct {
	w   io.Writer
	buf bytes.Buffer
}

func (j *jsonlWriter) header(meta exportMeta) error {
	return j.line(map[string]any{"export": meta})
}

func (j *jsonlWriter) row(src json.RawMessage) error {
	j.buf.Reset()
	if err := json.Compact(&j.buf, src); err != nil {
		return fmt.Errorf("failed to compact exported story: %w", err)
	}
	j.buf.WriteByte('\n')
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

func (j *jsonlWriter) trailer(st ExportStats, reason string) error {
	end := map[string]any{"rows": st.Rows, "complete": st.Complete}
	if reason != "" {
		end["reason"] = reason
	}
	return j.line(map[string]any{"export_end": end})
}

func (j *jsonlWriter) line(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = j.w.Write(append(b, '\n'))
	return err
}
