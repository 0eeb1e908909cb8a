package search

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/warwire/warwire/internal/config"
)

type openapiDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		Parameters []struct {
			Ref  string `json:"$ref"`
			Name string `json:"name"`
			In   string `json:"in"`
		} `json:"parameters"`
		Responses map[string]any `json:"responses"`
	} `json:"paths"`
	Components struct {
		Parameters map[string]struct {
			Name        string `json:"name"`
			In          string `json:"in"`
			Description string `json:"description"`
		} `json:"parameters"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) openapiDoc {
	t.Helper()
	var doc openapiDoc
	if err := json.Unmarshal(OpenAPI, &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	return doc
}

// TestOpenAPIDocumentsEveryRouteAndParameter keeps openapi.json in step with
// the server: every route with its method, every parameter each route reads,
// and nothing documented that the code does not read.
func TestOpenAPIDocumentsEveryRouteAndParameter(t *testing.T) {
	doc := loadOpenAPI(t)
	sv, err := NewServer(&Searcher{lim: testLimits}, config.DefaultServe(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	documented := 0
	for _, rt := range sv.routes() {
		op, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("%s %s is not documented", rt.Method, rt.Path)
			continue
		}
		documented++
		if len(op.Responses) == 0 {
			t.Errorf("%s %s documents no responses", rt.Method, rt.Path)
		}
		var got []string
		for _, p := range op.Parameters {
			if p.Ref != "" {
				name := strings.TrimPrefix(p.Ref, "#/components/parameters/")
				c, ok := doc.Components.Parameters[name]
				if !ok {
					t.Errorf("%s: dangling $ref %s", rt.Path, p.Ref)
					continue
				}
				if c.Name != name || c.In != "query" || len(c.Description) < 10 {
					t.Errorf("component parameter %s is incomplete: %+v", name, c)
				}
				got = append(got, c.Name)
			} else if p.In == "query" {
				got = append(got, p.Name)
			} else if p.In == "path" && !strings.Contains(rt.Path, "{"+p.Name+"}") {
				t.Errorf("%s: path parameter %s not in the path", rt.Path, p.Name)
			}
		}
		var want []string
		for _, group := range rt.Params {
			for _, p := range group {
				want = append(want, p.Name)
			}
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s parameters:\n documented %v\n read       %v", rt.Path, got, want)
		}
	}
	if documented != len(doc.Paths) {
		t.Errorf("openapi.json documents %d paths, the server has %d routes", len(doc.Paths), documented)
	}
}
