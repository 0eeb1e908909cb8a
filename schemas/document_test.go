package schemas

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

// docJSON marshals d and decodes it into a generic value, as the sink sees it.
func docJSON(t testing.TB, d *pipeline.Document) map[string]any {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestValidateDocumentRealistic(t *testing.T) {
	d := pipeline.NewDocument(realisticStory(t), "e1-test", fixtureNow)
	m := docJSON(t, d)
	if err := ValidateDocument(m); err != nil {
		t.Fatalf("realistic document: %v", err)
	}
	// The fixture must exercise every top-level field, or the check above
	// proves less than it seems.
	for _, f := range jsonFields(reflect.TypeOf(*d)) {
		if _, ok := m[f.name]; !ok && f.name != "withdrawn" {
			t.Errorf("fixture leaves %s empty", f.name)
		}
	}
	// A Go value is encoded first and gives the same verdict.
	if err := ValidateDocument(d); err != nil {
		t.Errorf("*pipeline.Document: %v", err)
	}
}

func TestValidateDocumentWithdrawn(t *testing.T) {
	for _, status := range []string{pipeline.PubStatusCanceled, pipeline.PubStatusWithheld} {
		s := realisticStory(t)
		s.PubStatus = status
		d := pipeline.NewDocument(s, "e1-test", fixtureNow)
		if !d.Withdrawn {
			t.Fatalf("%s: NewDocument did not withdraw the story", status)
		}
		if err := ValidateDocument(docJSON(t, d)); err != nil {
			t.Errorf("withdrawn (%s) document: %v", status, err)
		}
	}
}

func TestValidateDocumentRejects(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(m map[string]any)
		path  string
		words string
	}{
		{"extra top-level field", func(m map[string]any) { m["sentiment"] = 0.4 }, "/sentiment", "unknown field"},
		{"extra field in an entity", func(m map[string]any) {
			ent(m, "entities", 0)["salience"] = 0.9
		}, "/entities/0/salience", "unknown field"},
		{"extra field in a stance holder", func(m map[string]any) {
			ent(m, "stances", 1)["holder"].(map[string]any)["role"] = "president"
		}, "/stances/1/holder/role", "unknown field"},
		{"missing id", func(m map[string]any) { delete(m, "id") }, "/id", "missing required field"},
		{"id not hex", func(m map[string]any) { m["id"] = "not-a-hash" }, "/id", "40 lower-case hex digits"},
		{"version as string", func(m map[string]any) { m["version"] = "4" }, "/version", `got string "4", want integer`},
		{"bad indexed_at", func(m map[string]any) { m["indexed_at"] = "2024-03-01 09:16" }, "/indexed_at", "date-time"},
		{"unknown entity type", func(m map[string]any) { ent(m, "entities", 0)["type"] = "deity" }, "/entities/0/type", "one of"},
		{"place id scheme", func(m map[string]any) { ent(m, "places", 0)["id"] = "703448" }, "/places/0/id", "geonames:"},
		{"lower-case country code", func(m map[string]any) { ent(m, "entities", 1)["country_code"] = "ua" }, "/entities/1/country_code", "ISO 3166-1"},
		{"span of three", func(m map[string]any) { ent(m, "quotes", 0)["span"] = []any{1.0, 2.0, 3.0} }, "/quotes/0/span", "at most 2 items"},
		{"latitude out of range", func(m map[string]any) {
			ent(m, "places", 0)["location"].(map[string]any)["lat"] = 123.0
		}, "/places/0/location/lat", "at most 90"},
		{"text in a withdrawn document", func(m map[string]any) {
			m["withdrawn"] = true
			m["pubstatus"] = "canceled"
			m["word_count"] = 0.0
		}, "/body", "withdrawn document carries no text"},
		{"usable but withdrawn flag missing", func(m map[string]any) { m["pubstatus"] = "canceled" }, "/pubstatus", `want "usable"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := docJSON(t, pipeline.NewDocument(realisticStory(t), "e1-test", fixtureNow))
			tc.edit(m)
			err := ValidateDocument(m)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *ValidationError", err)
			}
			p, ok := ve.Field(tc.path)
			if !ok {
				t.Fatalf("no problem at %s: %v", tc.path, err)
			}
			if !strings.Contains(p.Message, tc.words) {
				t.Errorf("problem at %s says %q, want it to contain %q", tc.path, p.Message, tc.words)
			}
			if !strings.HasPrefix(err.Error(), "does not match document.schema.json: ") {
				t.Errorf("error text %q does not name the schema", err)
			}
		})
	}
}

// ent returns element i of the array field name of m, as an object.
func ent(m map[string]any, name string, i int) map[string]any {
	return m[name].([]any)[i].(map[string]any)
}
