package search

import (
	"fmt"
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

func getFacets(t *testing.T, f *fixture, raw string) *Facets {
	t.Helper()
	_, ts := apiServer(t, f.es, f.index)
	var out Facets
	if code := getJSON(t, ts, "/api/v1/facets?"+raw, &out); code != 200 {
		t.Fatalf("facets %s: %d", raw, code)
	}
	return &out
}

func bucketMap(bs []Bucket) map[string]int64 {
	out := map[string]int64{}
	for _, b := range bs {
		out[b.Key] = b.Count
	}
	return out
}

func sameCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestFacetsMatchTheCorpus compares every facet with counts computed from the
// fixture documents in Go.
func TestFacetsMatchTheCorpus(t *testing.T) {
	f := loadFixture(t)
	got := getFacets(t, f, "facet_size=50")
	ents, places, sources, langs, countries := map[string]int64{}, map[string]int64{}, map[string]int64{}, map[string]int64{}, map[string]int64{}
	type pair struct{ h, t string }
	support, oppose := map[pair]int64{}, map[pair]int64{}
	var total int64
	for _, d := range f.docs {
		if d.Withdrawn {
			continue
		}
		total++
		for _, e := range d.Entities {
			ents[e.ID]++
		}
		seenCC := map[string]bool{}
		for _, p := range d.Places {
			places[p.ID]++
			if p.CountryCode != "" && !seenCC[p.CountryCode] {
				seenCC[p.CountryCode] = true
				countries[p.CountryCode]++
			}
		}
		sources[d.CopyrightHolder]++
		langs[d.Language]++
		for _, s := range d.Stances {
			if s.Polarity == pipeline.PolaritySupport {
				support[pair{s.Holder.ID, s.Target.ID}]++
			} else {
				oppose[pair{s.Holder.ID, s.Target.ID}]++
			}
		}
	}
	if got.Total != total {
		t.Errorf("total %d, want %d", got.Total, total)
	}
	for name, c := range map[string]struct{ got, want map[string]int64 }{
		"entities": {bucketMap(got.Entities), ents}, "places": {bucketMap(got.Places), places},
		"sources": {bucketMap(got.Sources), sources}, "languages": {bucketMap(got.Languages), langs},
		"countries": {bucketMap(got.Countries), countries}, "map": {bucketMap(got.Map), places},
	} {
		if !sameCounts(c.got, c.want) {
			t.Errorf("%s facet:\n got  %v\n want %v", name, c.got, c.want)
		}
	}
	for _, b := range got.Entities {
		if b.Label == "" || b.Type == "" {
			t.Errorf("entity bucket without name or type: %+v", b)
		}
	}
	for _, b := range got.Map {
		if b.Location == nil || b.Label == "" {
			t.Errorf("map bucket without location or name: %+v", b)
		}
	}
	cells := map[pair][2]int64{}
	for _, c := range got.Stances {
		cells[pair{c.Holder.ID, c.Target.ID}] = [2]int64{c.Support, c.Oppose}
		if c.Holder.Name == "" || c.Target.Name == "" || c.Stories < 1 {
			t.Errorf("stance cell %+v", c)
		}
	}
	want := map[pair][2]int64{}
	for p, n := range support {
		w := want[p]
		w[0] = n
		want[p] = w
	}
	for p, n := range oppose {
		w := want[p]
		w[1] = n
		want[p] = w
	}
	if fmt.Sprint(cells) != fmt.Sprint(want) || len(want) < 4 {
		t.Errorf("stance matrix:\n got  %v\n want %v", cells, want)
	}
}

func TestFacetsTimelineAndCoMentions(t *testing.T) {
	f := loadFixture(t)
	got := getFacets(t, f, "interval=month&with_entity=Q7184&from=2024-01-01&to=2024-04-30")
	var sum int64
	byMonth := map[string]int64{}
	for _, b := range got.Timeline.Buckets {
		sum += b.Count
		byMonth[b.Start.Format("2006-01")] = b.Count
	}
	if sum != got.Total || got.Timeline.Interval != "1M" || len(got.Timeline.Buckets) != 4 {
		t.Errorf("timeline %+v (total %d)", got.Timeline, got.Total)
	}
	want := map[string]int64{}
	for _, d := range f.docs {
		if !d.Withdrawn {
			want[d.VersionCreated.Format("2006-01")]++
		}
	}
	if !sameCounts(byMonth, want) {
		t.Errorf("months %v, want %v", byMonth, want)
	}
	co := got.CoMentions
	if co == nil {
		t.Fatal("no co-mentions")
	}
	wantCo := map[string]int64{}
	var stories int64
	for _, d := range f.docs {
		if d.Withdrawn || !hasEntity(d, "Q7184") {
			continue
		}
		stories++
		for _, e := range d.Entities {
			if e.ID != "Q7184" {
				wantCo[e.ID]++
			}
		}
	}
	if co.Stories != stories || !sameCounts(bucketMap(co.Entities), wantCo) {
		t.Errorf("co-mentions %+v, want %d stories %v", co, stories, wantCo)
	}
	auto := getFacets(t, f, "")
	if auto.Timeline.Interval == "" || len(auto.Timeline.Buckets) == 0 {
		t.Errorf("auto timeline %+v", auto.Timeline)
	}
}

func TestFacetsFollowTheQuery(t *testing.T) {
	f := loadFixture(t)
	got := getFacets(t, f, "lang=uk")
	if got.Total != 1 || len(got.Languages) != 1 || got.Languages[0].Key != "uk" {
		t.Errorf("facets ignore filters: %+v", got)
	}
}

func TestCollapseGroupsSyndicatedCopies(t *testing.T) {
	f := loadFixture(t)
	_, ts := apiServer(t, f.es, f.index)
	var res Result
	if code := getJSON(t, ts, "/api/v1/search?q=power+station", &res); code != 200 {
		t.Fatalf("%d", code)
	}
	if !res.Collapsed || len(res.Hits) != 1 || res.Total != 3 || res.Groups == nil || *res.Groups != 1 {
		t.Fatalf("collapsed result %+v", res)
	}
	h := res.Hits[0]
	var outlets []string
	for _, o := range h.Outlets {
		outlets = append(outlets, o.Source)
	}
	if h.Copies != 3 || strings.Join(outlets, ",") != "Wire One,Daily Courier,Evening Post" {
		t.Errorf("copies %d outlets %v", h.Copies, outlets)
	}
	// Without the filter, the group count is the number of distinct
	// fingerprints; switching collapse off lists every copy.
	res = Result{}
	getJSON(t, ts, "/api/v1/search?size=100", &res)
	fps := map[string]bool{}
	for _, d := range f.docs {
		if !d.Withdrawn {
			fps[d.Fingerprint] = true
		}
	}
	if len(res.Hits) != len(fps) || *res.Groups != int64(len(fps)) {
		t.Errorf("collapsed: %d hits, %d groups, want %d", len(res.Hits), *res.Groups, len(fps))
	}
	res = Result{}
	getJSON(t, ts, "/api/v1/search?q=power+station&collapse=off", &res)
	if res.Collapsed || len(res.Hits) != 3 || res.Hits[0].Copies != 0 {
		t.Errorf("collapse=off: %+v", res)
	}
}

// TestPaginationWalksEveryHit pages through the fixture two hits at a time,
// with and without collapsing, and checks no hit is lost or repeated.
func TestPaginationWalksEveryHit(t *testing.T) {
	f := loadFixture(t)
	_, ts := apiServer(t, f.es, f.index)
	for _, c := range []struct {
		raw  string
		want int
	}{
		{"collapse=off&sort=date", len(f.ids(false, func(pipeline.Document) bool { return true }))},
		{"collapse=off&q=Ukraine", 0},
		{"collapse=on", 0},
	} {
		seen := map[string]bool{}
		path := "/api/v1/search?size=2&" + c.raw
		var total int64
		for pages := 0; path != ""; pages++ {
			if pages > 20 {
				t.Fatalf("%s: too many pages", c.raw)
			}
			var res Result
			if code := getJSON(t, ts, path, &res); code != 200 {
				t.Fatalf("%s: %d", path, code)
			}
			if pages == 0 {
				total = res.Total
				if res.Groups != nil {
					total = *res.Groups
				}
			}
			for _, h := range res.Hits {
				if seen[h.ID] {
					t.Errorf("%s: %s repeated", c.raw, h.ID)
				}
				seen[h.ID] = true
			}
			path = ""
			if res.NextCursor != "" {
				path = "/api/v1/search?size=2&" + c.raw + "&cursor=" + res.NextCursor
			}
		}
		if int64(len(seen)) != total || (c.want > 0 && len(seen) != c.want) {
			t.Errorf("%s: walked %d hits, total %d, want %d", c.raw, len(seen), total, c.want)
		}
	}
}
