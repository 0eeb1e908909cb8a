package search

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/testenv"
)

// exportLines downloads an export and returns its body.
func download(t *testing.T, rawURL string) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Get(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// TestExportPastTenThousand indexes 10,500 stories and checks that the
// exports (JSONL and CSV) and the cursor pagination reach every one of them:
// nothing stops at Elasticsearch's 10,000-hit window.
func TestExportPastTenThousand(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 10,500 documents")
	}
	es := esClient(t)
	index := testenv.Unique("warwire-search-export")
	createIndex(t, es, index, false)
	docs := synthDocs(10500, 7, time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC))
	bulkIndex(t, es, index, docs)
	want := map[string]bool{}
	for _, d := range docs {
		want[d.ID] = true
	}
	_, ts := apiServer(t, es, index)

	t.Run("jsonl", func(t *testing.T) {
		res, body := download(t, ts.URL+"/api/v1/export?format=jsonl&sort=date")
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/x-ndjson") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), ".jsonl") {
			t.Fatalf("%d %v", res.StatusCode, res.Header)
		}
		lines := bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n"))
		var head struct{ Export exportMeta }
		var end struct {
			ExportEnd struct {
				Rows     int  `json:"rows"`
				Complete bool `json:"complete"`
			} `json:"export_end"`
		}
		if err := json.Unmarshal(lines[0], &head); err != nil || head.Export.Total != 10500 || head.Export.Query != "format=jsonl&sort=date" ||
			time.Since(head.Export.ExportedAt) > time.Hour {
			t.Errorf("header %s (%v)", lines[0], err)
		}
		if err := json.Unmarshal(lines[len(lines)-1], &end); err != nil || end.ExportEnd.Rows != 10500 || !end.ExportEnd.Complete {
			t.Errorf("trailer %s", lines[len(lines)-1])
		}
		got := map[string]bool{}
		for _, l := range lines[1 : len(lines)-1] {
			var d struct{ ID string }
			if err := json.Unmarshal(l, &d); err != nil || d.ID == "" {
				t.Fatalf("bad line %.200s", l)
			}
			if got[d.ID] {
				t.Fatalf("%s exported twice", d.ID)
			}
			got[d.ID] = true
		}
		if !sameSet(got, want) {
			t.Errorf("exported %d distinct stories, want %d", len(got), len(want))
		}
	})

	t.Run("csv", func(t *testing.T) {
		res, body := download(t, ts.URL+"/api/v1/export?format=csv&q=officials")
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("%d", res.StatusCode)
		}
		sc := bufio.NewScanner(bytes.NewReader(body))
		sc.Scan()
		sc.Scan()
		if sc.Text() != "# query: format=csv&q=officials" {
			t.Errorf("query line %q", sc.Text())
		}
		r := csv.NewReader(bytes.NewReader(body))
		r.Comment = '#'
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var total int64
		var s Result
		getJSON(t, ts, "/api/v1/search?q=officials&size=1", &s)
		total = s.Total
		if int64(len(recs)-1) != total || total < 9000 {
			t.Errorf("csv has %d rows, search counts %d", len(recs)-1, total)
		}
		if !bytes.HasSuffix(body, []byte("complete=true\n")) {
			t.Errorf("csv trailer: %q", body[len(body)-60:])
		}
	})

	t.Run("cursor", func(t *testing.T) {
		got := map[string]bool{}
		path := "/api/v1/search?collapse=off&size=100&sort=relevance"
		for pages := 0; path != ""; pages++ {
			if pages > 120 {
				t.Fatal("too many pages")
			}
			var res Result
			if code := getJSON(t, ts, path, &res); code != 200 {
				t.Fatalf("page %d: %d", pages, code)
			}
			for _, h := range res.Hits {
				got[h.ID] = true
			}
			path = ""
			if res.NextCursor != "" {
				path = "/api/v1/search?collapse=off&size=100&sort=relevance&cursor=" + url.QueryEscape(res.NextCursor)
			}
		}
		if !sameSet(got, want) {
			t.Errorf("paged through %d distinct stories, want %d", len(got), len(want))
		}
	})
}

// TestExportRowLimit: an export cut by the row limit says so in its last line.
func TestExportRowLimit(t *testing.T) {
	f := loadFixture(t)
	cfg := config.DefaultSearch()
	cfg.ExportMaxRows, cfg.ExportBatch = 3, 2
	s, err := New(f.es, f.index, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := mustParse(t, "format=jsonl")
	var buf bytes.Buffer
	st, err := s.Export(context.Background(), q, &buf, time.Now())
	if err != nil || st.Rows != 3 || st.Complete || st.Total < 4 {
		t.Fatalf("stats %+v err %v", st, err)
	}
	if !strings.Contains(buf.String(), `"complete":false`) || !strings.Contains(buf.String(), "limit of 3 rows") {
		t.Errorf("trailer does not say the export was cut: %s", buf.String()[max(0, buf.Len()-200):])
	}
	// An empty result is a complete export with a header and no rows.
	buf.Reset()
	st, err = s.Export(context.Background(), mustParse(t, "q=zzzunmatched"), &buf, time.Now())
	if err != nil || st.Rows != 0 || !st.Complete || !strings.HasSuffix(buf.String(), "# end: rows=0 complete=true\n") {
		t.Errorf("empty export: %+v %v\n%s", st, err, buf.String())
	}
}
