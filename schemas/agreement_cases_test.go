package schemas

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

func templateMappings(t *testing.T, tpl map[string]any) map[string]any {
	t.Helper()
	m := obj(obj(tpl["template"])["mappings"])
	if m == nil {
		t.Fatal("index-template.json has no template.mappings")
	}
	return m
}

// TestDocumentAgreement keeps pipeline.Document, document.schema.json and the
// index mapping in step: a field added to one and not the others fails here,
// naming the field.
func TestDocumentAgreement(t *testing.T) {
	schema := loadJSON(Document)
	mapping := templateMappings(t, loadJSON(IndexTemplate))
	for _, issue := range checkAgreement(reflect.TypeOf(pipeline.Document{}), schema, mapping) {
		t.Error(issue)
	}
}

// TestAgreementCatchesDrift shows the check above would catch each kind of
// drift: it changes one of the three descriptions and expects a message
// naming the field.
func TestAgreementCatchesDrift(t *testing.T) {
	type docPlus struct {
		pipeline.Document
		Salience float64 `json:"salience"`
	}
	cases := []struct {
		name    string
		goType  reflect.Type
		edit    func(schema, mapping map[string]any)
		wantAll []string
	}{
		{"go field added", reflect.TypeOf(docPlus{}), nil,
			[]string{"field salience (Go docPlus.Salience) is missing from document.schema.json",
				"field salience (Go docPlus.Salience) is missing from the mappings"}},
		{"schema loses nested property", reflect.TypeOf(pipeline.Document{}),
			func(s, _ map[string]any) {
				delete(obj(obj(obj(s["$defs"])["entity"])["properties"]), "mentions")
			},
			[]string{"field entities[].mentions (Go Entity.Mentions) is missing from document.schema.json"}},
		{"schema gains property", reflect.TypeOf(pipeline.Document{}),
			func(s, _ map[string]any) {
				obj(obj(obj(s["$defs"])["stance"])["properties"])["weight"] = map[string]any{"type": "number"}
			},
			[]string{"document.schema.json has property stances[].weight"}},
		{"schema type wrong", reflect.TypeOf(pipeline.Document{}),
			func(s, _ map[string]any) { obj(obj(s["properties"])["word_count"])["type"] = "string" },
			[]string{"word_count has type [string], but Go Document.WordCount (int) needs \"integer\""}},
		{"schema required wrong", reflect.TypeOf(pipeline.Document{}),
			func(s, _ map[string]any) { s["required"] = []any{"id"} },
			[]string{"uri required = false"}},
		{"mapping type wrong", reflect.TypeOf(pipeline.Document{}),
			func(_, m map[string]any) { obj(obj(m["properties"])["indexed_at"])["type"] = "keyword" },
			[]string{"indexed_at is mapped as \"keyword\""}},
		{"mapping loses nested property", reflect.TypeOf(pipeline.Document{}),
			func(_, m map[string]any) {
				delete(obj(obj(obj(m["properties"])["places"])["properties"]), "location")
			},
			[]string{"field places.location (Go Place.Location) is missing from the mappings"}},
		{"mapping not strict inside", reflect.TypeOf(pipeline.Document{}),
			func(_, m map[string]any) {
				delete(obj(obj(obj(obj(m["properties"])["stances"])["properties"])["holder"]), "dynamic")
			},
			[]string{"stances.holder (object) must set dynamic: strict"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			schema := loadJSON(Document)
			mapping := templateMappings(t, loadJSON(IndexTemplate))
			if tc.edit != nil {
				tc.edit(schema, mapping)
			}
			issues := checkAgreement(tc.goType, schema, mapping)
			all := strings.Join(issues, "\n")
			for _, want := range tc.wantAll {
				if !strings.Contains(all, want) {
					t.Errorf("no issue contains %q; issues:\n%s", want, all)
				}
			}
		})
	}
}

// TestSchemaEnumsMatchGoConstants keeps the closed vocabularies of the schema
// equal to the constants in package pipeline.
func TestSchemaEnumsMatchGoConstants(t *testing.T) {
	schema := loadJSON(Document)
	defs := obj(schema["$defs"])
	cases := []struct {
		name string
		node map[string]any
		want []string
	}{
		{"pubstatus", obj(obj(schema["properties"])["pubstatus"]),
			[]string{pipeline.PubStatusUsable, pipeline.PubStatusWithheld, pipeline.PubStatusCanceled}},
		{"entity type", obj(obj(obj(defs["entity"])["properties"])["type"]),
			[]string{pipeline.EntityPerson, pipeline.EntityOrganization, pipeline.EntityCountry}},
		{"place kind", obj(obj(obj(defs["place"])["properties"])["kind"]),
			[]string{pipeline.PlaceRegion, pipeline.PlaceCity, pipeline.PlaceWater, pipeline.PlaceSite, pipeline.PlaceOther}},
		{"polarity", obj(obj(obj(defs["stance"])["properties"])["polarity"]),
			[]string{pipeline.PolaritySupport, pipeline.PolarityOppose}},
	}
	for _, tc := range cases {
		var got []string
		for _, v := range tc.node["enum"].([]any) {
			got = append(got, v.(string))
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: schema enum %v, Go constants %v", tc.name, got, want)
		}
	}
}

// TestTemplateShape checks the template settings the brief fixes.
func TestTemplateShape(t *testing.T) {
	tpl := loadJSON(IndexTemplate)
	if got := tpl["index_patterns"]; !reflect.DeepEqual(got, []any{"warwire-stories-*"}) {
		t.Errorf("index_patterns = %v, want [warwire-stories-*]", got)
	}
	if p, ok := tpl["priority"].(float64); !ok || p <= 0 {
		t.Errorf("priority = %v, want a positive number", tpl["priority"])
	}
	settings := obj(obj(tpl["template"])["settings"])
	index := obj(settings["index"])
	if index["number_of_shards"] != 1.0 || index["number_of_replicas"] != 0.0 || index["refresh_interval"] != "1s" {
		t.Errorf("index settings = %v, want 1 shard, 0 replicas, refresh 1s", index)
	}
	an := obj(obj(obj(settings["analysis"])["analyzer"])["warwire_text"])
	if an["tokenizer"] != "standard" || !reflect.DeepEqual(an["filter"], []any{"lowercase", "asciifolding"}) {
		t.Errorf("warwire_text analyzer = %v, want standard + lowercase + asciifolding", an)
	}
	props := obj(templateMappings(t, tpl)["properties"])
	if tv := obj(props["body"])["term_vector"]; tv != "with_positions_offsets" {
		t.Errorf("body term_vector = %v, want with_positions_offsets", tv)
	}
	for _, f := range []string{"entities", "places", "stances", "quotes"} {
		if typ := obj(props[f])["type"]; typ != "nested" {
			t.Errorf("%s is mapped as %v, want nested", f, typ)
		}
	}
}
