package schemas

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
)

// esCall runs one request and returns its status and decoded body.
func esCall(t *testing.T, what string, res *esapi.Response, err error) (int, map[string]any) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s: reading the response: %v", what, err)
	}
	var body map[string]any
	if len(b) > 0 {
		if err := json.Unmarshal(b, &body); err != nil {
			t.Fatalf("%s: HTTP %d, body is not JSON: %s", what, res.StatusCode, b)
		}
	}
	return res.StatusCode, body
}

func jsonBody(t *testing.T, v any) io.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

// hasASCIIFolding reports whether the cluster knows the asciifolding token
// filter (the analysis-common module).
func hasASCIIFolding(t *testing.T, es *elasticsearch.Client) bool {
	req := map[string]any{"tokenizer": "standard", "filter": []string{"lowercase", "asciifolding"}, "text": "Zelenśkyj"}
	res, err := es.Indices.Analyze(es.Indices.Analyze.WithBody(jsonBody(t, req)))
	status, body := esCall(t, "analyze with asciifolding", res, err)
	if status != 200 {
		return false
	}
	tokens, _ := body["tokens"].([]any)
	return len(tokens) == 1 && obj(tokens[0])["token"] == "zelenskyj"
}

// esFixture is a template and an index made from index-template.json under
// names unique to this run, removed when the test ends.
type esFixture struct {
	es      *elasticsearch.Client
	ctx     context.Context
	index   string
	folding bool
}

func newESFixture(t *testing.T) *esFixture {
	url := testenv.ElasticURL(t)
	cfg := config.DefaultElastic()
	cfg.URLs = []string{url}
	es, err := elastic.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	name := testenv.Unique("warwire-schematest")
	f := &esFixture{es: es, ctx: ctx, index: name + "-v1", folding: hasASCIIFolding(t, es)}

	tpl := loadJSON(IndexTemplate)
	tpl["index_patterns"] = []any{name + "-*"}
	if !f.folding {
		t.Errorf("Elasticsearch at %s has no asciifolding token filter (the integ-test-zip lacks the analysis-common module), "+
			"so index-template.json cannot be installed there as it is; the local stack must provide the filter. "+
			"The rest of this test runs with asciifolding removed from the analyzer.", url)
		an := obj(obj(obj(obj(obj(tpl["template"])["settings"])["analysis"])["analyzer"])["warwire_text"])
		an["filter"] = []any{"lowercase"}
	}
	res, err := es.Indices.PutIndexTemplate(name, jsonBody(t, tpl), es.Indices.PutIndexTemplate.WithContext(ctx))
	if status, body := esCall(t, "put index template", res, err); status != 200 {
		t.Fatalf("put index template: HTTP %d: %v", status, body)
	}
	t.Cleanup(func() {
		res, err := es.Indices.DeleteIndexTemplate(name)
		if status, body := esCall(t, "delete index template", res, err); status != 200 {
			t.Errorf("delete index template %s: HTTP %d: %v", name, status, body)
		}
	})
	res, err = es.Indices.Create(f.index, es.Indices.Create.WithContext(ctx))
	if status, body := esCall(t, "create index", res, err); status != 200 {
		t.Fatalf("create index %s: HTTP %d: %v", f.index, status, body)
	}
	t.Cleanup(func() {
		res, err := es.Indices.Delete([]string{f.index})
		if status, body := esCall(t, "delete index", res, err); status != 200 {
			t.Errorf("delete index %s: HTTP %d: %v", f.index, status, body)
		}
	})
	return f
}

// put indexes doc under id, refreshing, and returns the status and body.
func (f *esFixture) put(t *testing.T, id string, doc any) (int, map[string]any) {
	t.Helper()
	res, err := f.es.Index(f.index, jsonBody(t, doc), f.es.Index.WithDocumentID(id),
		f.es.Index.WithRefresh("true"), f.es.Index.WithContext(f.ctx))
	return esCall(t, "index "+id, res, err)
}

// hits runs query and returns the ids of the hits.
func (f *esFixture) hits(t *testing.T, query map[string]any) []string {
	t.Helper()
	res, err := f.es.Search(f.es.Search.WithIndex(f.index), f.es.Search.WithBody(jsonBody(t, query)),
		f.es.Search.WithContext(f.ctx))
	status, body := esCall(t, "search", res, err)
	if status != 200 {
		t.Fatalf("search %v: HTTP %d: %v", query, status, body)
	}
	var ids []string
	for _, h := range obj(body["hits"])["hits"].([]any) {
		ids = append(ids, obj(h)["_id"].(string))
	}
	return ids
}

func errorType(body map[string]any) string {
	typ, _ := obj(body["error"])["type"].(string)
	return typ
}

// TestIndexTemplateOnElasticsearch installs the template on the real
// Elasticsearch and checks that it takes warwire's documents and refuses any
// field it does not map.
func TestIndexTemplateOnElasticsearch(t *testing.T) {
	f := newESFixture(t)
	res, err := f.es.Indices.GetMapping(f.es.Indices.GetMapping.WithIndex(f.index))
	_, body := esCall(t, "get mapping", res, err)
	if dyn := obj(obj(body[f.index])["mappings"])["dynamic"]; dyn != "strict" {
		t.Errorf("index %s has dynamic = %v, want strict from the template", f.index, dyn)
	}

	doc := pipeline.NewDocument(realisticStory(t), "e1-test", fixtureNow)
	if status, body := f.put(t, doc.ID, doc); status != 201 {
		t.Fatalf("realistic document: HTTP %d, want 201: %v", status, body)
	}
	kill := realisticStory(t)
	kill.URI += ":killed"
	kill.PubStatus = pipeline.PubStatusCanceled
	killDoc := pipeline.NewDocument(kill, "e1-test", fixtureNow)
	if status, body := f.put(t, killDoc.ID, killDoc); status != 201 {
		t.Errorf("withdrawn document: HTTP %d, want 201: %v", status, body)
	}

	rejects := map[string]func(m map[string]any){
		"top level":     func(m map[string]any) { m["sentiment"] = 0.4 },
		"in entities":   func(m map[string]any) { ent(m, "entities", 0)["salience"] = 0.9 },
		"stance holder": func(m map[string]any) { ent(m, "stances", 0)["holder"].(map[string]any)["role"] = "president" },
		"focus place":   func(m map[string]any) { obj(obj(m["focus"])["place"])["population"] = 2.9e6 },
	}
	for where, edit := range rejects {
		m := docJSON(t, doc)
		edit(m)
		status, body := f.put(t, "unknown-field-"+strings.ReplaceAll(where, " ", "-"), m)
		if status != 400 || errorType(body) != "strict_dynamic_mapping_exception" {
			t.Errorf("unknown field %s: HTTP %d %q, want 400 strict_dynamic_mapping_exception", where, status, errorType(body))
		}
	}
	checkSearches(t, f, doc.ID)
}

// checkSearches runs the queries the mapping exists for against the indexed
// realistic document.
func checkSearches(t *testing.T, f *esFixture, id string) {
	stance := func(holder, target string) map[string]any {
		return map[string]any{"query": map[string]any{"nested": map[string]any{
			"path": "stances",
			"query": map[string]any{"bool": map[string]any{"filter": []any{
				map[string]any{"term": map[string]any{"stances.holder.id": holder}},
				map[string]any{"term": map[string]any{"stances.target.id": target}},
			}}},
		}}}
	}
	if got := f.hits(t, stance("Q3881980", "warwire:ceasefire-proposal")); len(got) != 1 || got[0] != id {
		t.Errorf("stance Zelenskyy → ceasefire proposal in one stance: hits %v, want [%s]", got, id)
	}
	// Poland is a holder and the proposal a target, but never in one stance.
	if got := f.hits(t, stance("Q36", "warwire:ceasefire-proposal")); len(got) != 0 {
		t.Errorf("stance Poland → ceasefire proposal matched across stances: hits %v, want none", got)
	}
	hl := map[string]any{
		"query":     map[string]any{"match": map[string]any{"body": "Kremlin"}},
		"highlight": map[string]any{"fields": map[string]any{"body": map[string]any{"type": "fvh"}}},
	}
	if got := f.hits(t, hl); len(got) != 1 {
		t.Errorf("fast-vector highlight on body: hits %v, want 1", got)
	}
	if !f.folding {
		return
	}
	for _, field := range []string{"body", "headline", "captions"} {
		q := map[string]any{"query": map[string]any{"match": map[string]any{field: "Zelenskyj"}}}
		if got := f.hits(t, q); len(got) != 1 || got[0] != id {
			t.Errorf("%s: Zelenskyj does not find Zelenśkyj: hits %v", field, got)
		}
	}
}
