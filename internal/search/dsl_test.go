package search

import (
	"encoding/json"
	"strings"
	"testing"
)

// dslJSON renders the query clause of raw as JSON and as generic data.
func dslJSON(t *testing.T, raw string) (string, map[string]any) {
	t.Helper()
	b, err := json.Marshal(queryDSL(mustParse(t, raw)))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return string(b), v
}

// walk calls fn for every object key in v, with its value.
func walk(v any, fn func(key string, val any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			fn(k, val)
			walk(val, fn)
		}
	case []any:
		for _, val := range x {
			walk(val, fn)
		}
	}
}

func TestTextUsesSimpleQueryStringOnly(t *testing.T) {
	_, v := dslJSON(t, `q="grain corridor" | Odesa -Mykolaiv negotiat* "ceasefire talks"~5 {"script":1}`)
	var sqs map[string]any
	walk(v, func(k string, val any) {
		switch k {
		case "query_string", "script", "script_score", "function_score", "wrapper", "regexp", "fuzzy":
			t.Errorf("forbidden clause %q in DSL", k)
		case "simple_query_string":
			sqs = val.(map[string]any)
		}
	})
	if sqs == nil {
		t.Fatal("no simple_query_string")
	}
	fields, _ := json.Marshal(sqs["fields"])
	if string(fields) != `["headline^3","body"]` || sqs["default_operator"] != "and" || sqs["lenient"] != true {
		t.Errorf("simple_query_string = %v", sqs)
	}
	if strings.Contains(sqs["flags"].(string), "FUZZY") || !strings.Contains(sqs["flags"].(string), "PHRASE") {
		t.Errorf("flags %q", sqs["flags"])
	}
	// The user's text is a string value, never parsed into DSL.
	if !strings.Contains(sqs["query"].(string), `{"script":1}`) {
		t.Errorf("query text altered: %q", sqs["query"])
	}
}

func TestEmptyTextIsFiltersOnly(t *testing.T) {
	s, _ := dslJSON(t, "")
	if strings.Contains(s, "simple_query_string") || !strings.Contains(s, `"must_not":[{"term":{"withdrawn":true}}]`) {
		t.Errorf("DSL without text: %s", s)
	}
}

func TestWithdrawnModes(t *testing.T) {
	inc, _ := dslJSON(t, "withdrawn=include")
	only, _ := dslJSON(t, "withdrawn=only")
	if strings.Contains(inc, "withdrawn") {
		t.Errorf("include still filters: %s", inc)
	}
	if !strings.Contains(only, `"filter":[{"term":{"withdrawn":true}}]`) || strings.Contains(only, "must_not") {
		t.Errorf("only: %s", only)
	}
}

// countNested counts nested clauses per path.
func countNested(v any) map[string]int {
	n := map[string]int{}
	walk(v, func(k string, val any) {
		if k == "nested" {
			if m, ok := val.(map[string]any); ok {
				n[m["path"].(string)]++
			}
		}
	})
	return n
}

func TestEntityAllOfAndAnyOf(t *testing.T) {
	_, all := dslJSON(t, "entity=Q1&entity=Q2&entity=Q3")
	_, anyOf := dslJSON(t, "entity=Q1&entity=Q2&entity=Q3&entity_mode=any")
	if n := countNested(all)["entities"]; n != 3 {
		t.Errorf("all-of: %d nested entity clauses, want 3 (one per entity)", n)
	}
	if n := countNested(anyOf)["entities"]; n != 1 {
		t.Errorf("any-of: %d nested entity clauses, want 1 with a should", n)
	}
}

func TestStanceIsOneNestedClauseWithAllParts(t *testing.T) {
	s, v := dslJSON(t, "stance=Q7747:Q212:oppose")
	if n := countNested(v)["stances"]; n != 1 {
		t.Fatalf("%d nested stance clauses, want 1: %s", n, s)
	}
	for _, want := range []string{`"stances.holder.id":"Q7747"`, `"stances.target.id":"Q212"`, `"stances.polarity":"oppose"`} {
		if !strings.Contains(s, want) {
			t.Errorf("stance DSL lacks %s: %s", want, s)
		}
	}
	partial, _ := dslJSON(t, "stance=:Q212:")
	if strings.Contains(partial, "stances.holder") || strings.Contains(partial, "stances.polarity") {
		t.Errorf("empty parts must not constrain: %s", partial)
	}
}

func TestGeoAndListFilters(t *testing.T) {
	s, v := dslJSON(t, "place=Kharkiv&country=UA&admin1=Odesa&bbox=22,44,41,53&near=50.45,30.52&distance=25km&speaker=Q1&source=Wire+One&lang=uk&from=2024-01-01&to=2024-01-31")
	nested := countNested(v)
	if nested["places"] < 4 || nested["quotes"] != 1 {
		t.Errorf("nested counts %v", nested)
	}
	for _, want := range []string{
		`"geo_bounding_box":{"places.location":{"bottom_right":{"lat":44,"lon":41},"top_left":{"lat":53,"lon":22}}}`,
		`"geo_distance":{"distance":"25km","places.location":{"lat":50.45,"lon":30.52}}`,
		`"focus.country.country_code":["UA"]`,
		`"copyrightholder":{"case_insensitive":true,"value":"Wire One"}`,
		`"terms":{"language":["uk"]}`,
		`"range":{"versioncreated":{"gte":"2024-01-01T00:00:00Z","lt":"2024-02-01T00:00:00Z"}}`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("DSL lacks %s\n%s", want, s)
		}
	}
}

func TestSortHasTiebreaker(t *testing.T) {
	for _, order := range []string{SortRelevance, SortDate} {
		b, _ := json.Marshal(sortDSL(order))
		if !strings.HasSuffix(string(b), `{"id":{"order":"asc"}}]`) {
			t.Errorf("%s sort lacks the id tiebreaker: %s", order, b)
		}
		if (order == SortRelevance) != strings.HasPrefix(string(b), `[{"_score"`) {
			t.Errorf("%s sort: %s", order, b)
		}
	}
}

func TestTimelineBucketGuard(t *testing.T) {
	if err := checkTimeline(mustParse(t, "from=2000-01-01&to=2024-01-01&interval=day")); err == nil {
		t.Error("24 years by day accepted")
	}
	if err := checkTimeline(mustParse(t, "from=2000-01-01&to=2024-01-01&interval=month")); err != nil {
		t.Errorf("24 years by month refused: %v", err)
	}
}
