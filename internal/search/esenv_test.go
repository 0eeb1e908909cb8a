package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/schemas"
)

// Indices created by this run, deleted by TestMain.
var (
	createdMu sync.Mutex
	created   []string
	cleanupES *elasticsearch.Client
)

func TestMain(m *testing.M) {
	code := m.Run()
	createdMu.Lock()
	for _, idx := range created {
		if res, err := cleanupES.Indices.Delete([]string{idx}); err == nil {
			res.Body.Close()
		}
	}
	createdMu.Unlock()
	os.Exit(code)
}

// esClient returns a client for the real Elasticsearch (skips or fails the
// test when it does not answer; see testenv).
func esClient(t testing.TB) *elasticsearch.Client {
	t.Helper()
	u := testenv.ElasticURL(t)
	ec := config.DefaultElastic()
	ec.URLs = []string{u}
	ec.RequestTimeout = 2 * time.Minute
	es, err := elastic.NewClient(ec)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// indexBody is the create-index body from the index template: its settings
// and mappings, so tests search exactly what production indexes.
func indexBody(t testing.TB) []byte {
	t.Helper()
	var tpl struct {
		Template struct {
			Settings json.RawMessage `json:"settings"`
			Mappings json.RawMessage `json:"mappings"`
		} `json:"template"`
	}
	if err := json.Unmarshal(schemas.IndexTemplate, &tpl); err != nil {
		t.Fatalf("index template: %v", err)
	}
	b, _ := json.Marshal(map[string]json.RawMessage{"settings": tpl.Template.Settings, "mappings": tpl.Template.Mappings})
	return b
}

// createIndex creates index with the template's mappings. With keep it is not
// deleted at the end of the run.
func createIndex(t testing.TB, es *elasticsearch.Client, index string, keep bool) {
	t.Helper()
	body := indexBody(t)
	status, msg := createOnce(t, es, index, body)
	if status == 400 && strings.Contains(msg, "asciifolding") {
		// The local stack's integ-test distribution lacks the
		// analysis-common module; search the same mapping without folding.
		t.Logf("cluster has no asciifolding filter: creating %s without it", index)
		body = bytes.Replace(body, []byte(`,"asciifolding"`), nil, 1)
		status, msg = createOnce(t, es, index, body)
	}
	if status >= 300 {
		t.Fatalf("create index %s: %d %s", index, status, msg)
	}
	if !keep {
		createdMu.Lock()
		created = append(created, index)
		cleanupES = es
		createdMu.Unlock()
	}
}

func createOnce(t testing.TB, es *elasticsearch.Client, index string, body []byte) (int, string) {
	t.Helper()
	res, err := es.Indices.Create(index, es.Indices.Create.WithBody(bytes.NewReader(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// bulkIndex indexes docs in chunks and refreshes the index.
func bulkIndex(t testing.TB, es *elasticsearch.Client, index string, docs []pipeline.Document) {
	t.Helper()
	for start := 0; start < len(docs); start += 5000 {
		var buf bytes.Buffer
		for _, d := range docs[start:min(start+5000, len(docs))] {
			fmt.Fprintf(&buf, `{"index":{"_index":%q,"_id":%q}}`+"\n", index, d.ID)
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			buf.Write(b)
			buf.WriteByte('\n')
		}
		res, err := es.Bulk(&buf, es.Bulk.WithContext(context.Background()))
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Errors bool              `json:"errors"`
			Items  []json.RawMessage `json:"items"`
		}
		err = json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if err != nil || res.IsError() || out.Errors {
			first := ""
			for _, it := range out.Items {
				if strings.Contains(string(it), `"error"`) {
					first = string(it)
					break
				}
			}
			t.Fatalf("bulk into %s failed (status %d, %v): %s", index, res.StatusCode, err, first)
		}
	}
	res, err := es.Indices.Refresh(es.Indices.Refresh.WithIndex(index))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
}

// apiServer serves the API over index through a real listener.
func apiServer(t testing.TB, es *elasticsearch.Client, index string) (*Searcher, *httptest.Server) {
	t.Helper()
	s, err := New(es, index, config.DefaultSearch(), nil)
	if err != nil {
		t.Fatal(err)
	}
	vc := config.DefaultServe()
	vc.RateLimit = 0
	sv, err := NewServer(s, vc, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(sv.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// getJSON fetches path from ts and decodes the JSON answer into out,
// returning the status.
func getJSON(t testing.TB, ts *httptest.Server, path string, out any) int {
	t.Helper()
	res, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("GET %s: %d, not JSON: %.300s", path, res.StatusCode, b)
		}
	}
	return res.StatusCode
}
