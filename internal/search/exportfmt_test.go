package search

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/pipeline"
)

func TestCSVRowDefusesFormulasAndKeepsColumns(t *testing.T) {
	var buf bytes.Buffer
	w := newRowWriter("csv", &buf)
	meta := exportMeta{Query: "q=a\nb", ExportedAt: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), Total: 1}
	if err := w.header(meta); err != nil {
		t.Fatal(err)
	}
	d := pipeline.Document{ID: "x1", Headline: "=HYPERLINK(\"http://e.test\")", Body: "line one\nline, two",
		Entities: []pipeline.Entity{{ID: "Q1", Name: "Alpha"}, {ID: "Q2", Name: "Beta"}},
		Quotes:   []pipeline.Quote{{Speaker: &pipeline.Ref{ID: "Q1", Name: "Alpha"}}, {Speaker: &pipeline.Ref{ID: "Q1", Name: "Alpha"}}}}
	src, _ := json.Marshal(d)
	if err := w.row(src); err != nil {
		t.Fatal(err)
	}
	if err := w.trailer(ExportStats{Rows: 1, Complete: true}, ""); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "# warwire export\n# query: q=a b\n# exported_at: 2024-03-01T12:00:00Z\n# total: 1\n") ||
		!strings.HasSuffix(out, "# end: rows=1 complete=true\n") {
		t.Fatalf("header/trailer wrong:\n%s", out)
	}
	r := csv.NewReader(strings.NewReader(out))
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(recs[1]) != len(CSVColumns) {
		t.Fatalf("records %v", recs)
	}
	row := map[string]string{}
	for i, c := range CSVColumns {
		row[c] = recs[1][i]
	}
	if row["headline"] != "'=HYPERLINK(\"http://e.test\")" || row["body"] != "line one\nline, two" ||
		row["entities"] != "Alpha [Q1]; Beta [Q2]" || row["speakers"] != "Alpha [Q1]" {
		t.Errorf("row %v", row)
	}
}

func TestJSONLFraming(t *testing.T) {
	var buf bytes.Buffer
	w := newRowWriter("jsonl", &buf)
	_ = w.header(exportMeta{Query: "q=x", Total: 1, Format: "jsonl"})
	_ = w.row(json.RawMessage("{\n  \"id\": \"a\"\n}"))
	_ = w.trailer(ExportStats{Rows: 1}, "stopped")
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 || lines[1] != `{"id":"a"}` || !strings.HasPrefix(lines[0], `{"export":{"query":"q=x"`) ||
		lines[2] != `{"export_end":{"complete":false,"reason":"stopped","rows":1}}` {
		t.Errorf("lines %q", lines)
	}
}
