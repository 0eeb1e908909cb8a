package search

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/config"
)

var testLimits = LimitsFrom(config.DefaultSearch())

func mustParse(t *testing.T, raw string) Query {
	t.Helper()
	v, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Parse(v, testLimits)
	if err != nil {
		t.Fatalf("Parse(%q): %v", raw, err)
	}
	return q
}

func TestParseDefaults(t *testing.T) {
	q := mustParse(t, "")
	if q.Sort != SortRelevance || q.Size != testLimits.DefaultSize || !q.Collapse || q.Withdrawn != WithdrawnExclude ||
		q.Interval != "auto" || q.FacetSize != testLimits.FacetSize || q.Format != "csv" || q.EntityAny {
		t.Errorf("defaults wrong: %+v", q)
	}
}

func TestParseFilters(t *testing.T) {
	q := mustParse(t, "q=grain+corridor&entity=Q212&entity=Vladimir+Putin&entity_mode=any&entity_type=Person"+
		"&place=geonames:703448&country=ua&admin1=Kharkiv&bbox=22,44,41,53&near=50.45,30.52&distance=50KM"+
		"&stance=Q7747:Q212:Oppose&stance=*::support&speaker=Q3874799&source=Wire+One&lang=EN"+
		"&from=2024-02-01&to=2024-02-29&withdrawn=include&sort=date&size=50&collapse=off&interval=week&with_entity=Q212&facet_size=25&format=jsonl")
	checks := []struct {
		name string
		ok   bool
	}{
		{"text", q.Text == "grain corridor"},
		{"entities", len(q.Entities) == 2 && q.Entities[1] == "Vladimir Putin" && q.EntityAny},
		{"entity_type", len(q.EntityTypes) == 1 && q.EntityTypes[0] == "person"},
		{"place", len(q.Places) == 1 && q.Places[0] == "geonames:703448"},
		{"country", len(q.Countries) == 1 && q.Countries[0] == "UA"},
		{"admin1", len(q.Admin1) == 1 && q.Admin1[0] == "Kharkiv"},
		{"bbox", q.BBox != nil && *q.BBox == BBox{West: 22, South: 44, East: 41, North: 53}},
		{"near", q.Near != nil && *q.Near == Near{Lat: 50.45, Lon: 30.52, Distance: "50km"}},
		{"stance", len(q.Stances) == 2 && q.Stances[0] == StanceFilter{"Q7747", "Q212", "oppose"} && q.Stances[1] == StanceFilter{Polarity: "support"}},
		{"speaker", len(q.Speakers) == 1},
		{"source", len(q.Sources) == 1 && q.Sources[0] == "Wire One"},
		{"lang", len(q.Languages) == 1 && q.Languages[0] == "en"},
		{"from", q.From.Equal(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))},
		{"to is the whole day", q.To.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))},
		{"withdrawn", q.Withdrawn == WithdrawnInclude},
		{"sort", q.Sort == SortDate},
		{"size", q.Size == 50},
		{"collapse", !q.Collapse},
		{"interval", q.Interval == "week"},
		{"with_entity", q.WithEntity == "Q212"},
		{"facet_size", q.FacetSize == 25},
		{"format", q.Format == "jsonl"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s not parsed as expected: %+v", c.name, q)
		}
	}
}

func TestParseRFC3339Times(t *testing.T) {
	q := mustParse(t, "from=2024-02-01T10:00:00%2B02:00&to=2024-02-01T12:00:00Z")
	if !q.From.Equal(time.Date(2024, 2, 1, 8, 0, 0, 0, time.UTC)) || !q.To.Equal(time.Date(2024, 2, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("times: from %v to %v", q.From, q.To)
	}
}

func TestParseBadParameters(t *testing.T) {
	long := strings.Repeat("a", testLimits.MaxQueryLength+1)
	many := strings.Repeat("source=x&", testLimits.MaxFilterValues+1)
	cases := []struct{ raw, param string }{
		{"from=yesterday", "from"},
		{"from=2024-13-01", "from"},
		{"to=2024-02-30", "to"},
		{"from=2024-03-01&to=2024-02-01", "to"},
		{"size=0", "size"},
		{"size=101", "size"},
		{"size=ten", "size"},
		{"sort=popularity", "sort"},
		{"country=Ukraine", "country"},
		{"bbox=1,2,3", "bbox"},
		{"bbox=22,53,41,44", "bbox"},
		{"bbox=200,44,41,53", "bbox"},
		{"near=50.45,30.52", "distance"},
		{"distance=5km", "near"},
		{"near=95,30&distance=5km", "near"},
		{"near=50,30&distance=far", "distance"},
		{"stance=Q1:Q2", "stance"},
		{"stance=Q1:Q2:hates", "stance"},
		{"stance=::", "stance"},
		{"lang=english!", "lang"},
		{"withdrawn=maybe", "withdrawn"},
		{"collapse=sometimes", "collapse"},
		{"entity_mode=some", "entity_mode"},
		{"entity_type=animal", "entity_type"},
		{"interval=hour", "interval"},
		{"facet_size=0", "facet_size"},
		{"format=xml", "format"},
		{"enitty=Q1", "enitty"},
		{"q=a&q=b", "q"},
		{"q=" + long, "q"},
		{many, "source"},
		{"q=%ff%fe", "q"},
	}
	for _, c := range cases {
		v, err := url.ParseQuery(c.raw)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(v, testLimits)
		var pe *ParamError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%.60q): want a ParamError, got %v", c.raw, err)
			continue
		}
		if pe.Param != c.param {
			t.Errorf("Parse(%.60q): error names %q, want %q (%v)", c.raw, pe.Param, c.param, pe)
		}
		if !strings.HasPrefix(pe.Error(), c.param+" ") || len(pe.Msg) < 10 {
			t.Errorf("Parse(%.60q): message %q does not explain", c.raw, pe.Error())
		}
	}
}

func TestValuesDropCursorAndKeepFilters(t *testing.T) {
	q := mustParse(t, "q=drones&entity=Q212&cursor=abc&size=5")
	v := q.Values()
	if v.Has("cursor") || v.Get("q") != "drones" || v.Get("entity") != "Q212" || v.Get("size") != "5" {
		t.Errorf("Values() = %v", v)
	}
	// The cursor hash ignores page size but not the filters.
	a, b := mustParse(t, "q=drones&size=5"), mustParse(t, "q=drones&size=50")
	c := mustParse(t, "q=drones&entity=Q1")
	if queryHash(a) != queryHash(b) || queryHash(a) == queryHash(c) {
		t.Errorf("query hashes: size must not matter, filters must")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"q=a", "stance=a:b:oppose", "bbox=1,2,3,4", "near=1,2&distance=3km", "from=2024-01-01&to=2023-01-01", "size=-1", "%zz", "entity=a&entity=b&entity_mode=any"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := Parse(v, testLimits)
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param == "" {
				t.Fatalf("Parse(%q) returned a non-parameter error %v", raw, err)
			}
			return
		}
		if q.Size < 1 || q.Size > testLimits.MaxSize {
			t.Fatalf("size %d out of limits", q.Size)
		}
		if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
			t.Fatalf("empty date range accepted: %v %v", q.From, q.To)
		}
		if _, err := jsonBody(queryDSL(q)); err != nil {
			t.Fatalf("DSL of a valid query does not encode: %v", err)
		}
	})
}
