package search

import (
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// searchIDs runs a search with collapse off and a page big enough for the
// fixture, returning the ids of the hits.
func searchIDs(t *testing.T, f *fixture, raw string) (map[string]bool, *Result) {
	t.Helper()
	_, ts := apiServer(t, f.es, f.index)
	var res Result
	v, _ := url.ParseQuery(raw)
	v.Set("collapse", "off")
	v.Set("size", "100")
	if code := getJSON(t, ts, "/api/v1/search?"+v.Encode(), &res); code != 200 {
		t.Fatalf("search %s: status %d", raw, code)
	}
	got := map[string]bool{}
	for _, h := range res.Hits {
		got[h.ID] = true
	}
	if int(res.Total) != len(res.Hits) {
		t.Errorf("search %s: total %d but %d hits on a page of 100", raw, res.Total, len(res.Hits))
	}
	return got, &res
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func names(f *fixture, ids map[string]bool) []string {
	var out []string
	for _, d := range f.docs {
		if ids[d.ID] {
			out = append(out, strings.TrimPrefix(d.URI, "urn:fixture:"))
		}
	}
	sort.Strings(out)
	return out
}

func TestAPICountsAndWithdrawn(t *testing.T) {
	f := loadFixture(t)
	all := func(pipeline.Document) bool { return true }
	for _, c := range []struct {
		raw  string
		want map[string]bool
	}{
		{"", f.ids(false, all)},
		{"withdrawn=include", f.ids(true, all)},
		{"withdrawn=only", f.ids(true, func(d pipeline.Document) bool { return d.Withdrawn })},
	} {
		got, _ := searchIDs(t, f, c.raw)
		if !sameSet(got, c.want) || len(c.want) == 0 {
			t.Errorf("%q: got %v, want %v", c.raw, names(f, got), names(f, c.want))
		}
	}
}

// TestAPIFilters checks every filter against the same condition evaluated on
// the corpus in Go.
func TestAPIFilters(t *testing.T) {
	f := loadFixture(t)
	inRange := func(from, to string) func(pipeline.Document) bool {
		a, _ := time.Parse("2006-01-02", from)
		b, _ := time.Parse("2006-01-02", to)
		return func(d pipeline.Document) bool {
			return d.VersionCreated != nil && !d.VersionCreated.Before(a) && d.VersionCreated.Before(b.AddDate(0, 0, 1))
		}
	}
	stance := func(h, tg, pol string) func(pipeline.Document) bool {
		return func(d pipeline.Document) bool {
			for _, s := range d.Stances {
				if (h == "" || s.Holder.ID == h) && (tg == "" || s.Target.ID == tg) && (pol == "" || s.Polarity == pol) {
					return true
				}
			}
			return false
		}
	}
	cases := []struct {
		raw  string
		keep func(pipeline.Document) bool
	}{
		{"q=grain+corridor", func(d pipeline.Document) bool { return strings.Contains(d.Body, "grain corridor") }},
		{"q=%22power+station%22", func(d pipeline.Document) bool { return strings.Contains(d.Body+d.Headline, "power station") }},
		{"q=Kharkiv+-evacuation", func(d pipeline.Document) bool {
			s := strings.ToLower(d.Body + " " + d.Headline)
			return strings.Contains(s, "kharkiv") && !strings.Contains(s, "evacuation")
		}},
		{"q=evacuat*", func(d pipeline.Document) bool { return strings.Contains(strings.ToLower(d.Body+d.Headline), "evacuat") }},
		{"q=drone+|+missiles", func(d pipeline.Document) bool {
			s := strings.ToLower(d.Body + d.Headline)
			return strings.Contains(s, "drone") || strings.Contains(s, "missiles")
		}},
		{"entity=Q7184", func(d pipeline.Document) bool { return hasEntity(d, "Q7184") }},
		{"entity=dmitri+sokolov", func(d pipeline.Document) bool { return hasEntity(d, entDmitri.ID) }},
		{"entity=Sokolov", func(d pipeline.Document) bool { return hasEntity(d, entDmitri.ID) }},
		{"entity=EU", func(d pipeline.Document) bool { return hasEntity(d, "Q458") }},
		{"entity=Q159&entity=Q458", func(d pipeline.Document) bool { return hasEntity(d, "Q159") && hasEntity(d, "Q458") }},
		{"entity=Q36&entity=Q7184&entity_mode=any", func(d pipeline.Document) bool { return hasEntity(d, "Q36") || hasEntity(d, "Q7184") }},
		{"entity_type=person", func(d pipeline.Document) bool {
			for _, e := range d.Entities {
				if e.Type == pipeline.EntityPerson {
					return true
				}
			}
			return false
		}},
		{"place=geonames:706483", func(d pipeline.Document) bool {
			return hasPlace(d, func(p pipeline.Place) bool { return p.ID == plKharkiv.ID })
		}},
		{"place=odessa", func(d pipeline.Document) bool {
			return hasPlace(d, func(p pipeline.Place) bool { return p.ID == plOdesa.ID })
		}},
		{"place=Kyiv&place=Lviv", func(d pipeline.Document) bool {
			return hasPlace(d, func(p pipeline.Place) bool { return p.ID == plKyiv.ID || p.ID == plLviv.ID })
		}},
		{"country=pl", func(d pipeline.Document) bool {
			return hasPlace(d, func(p pipeline.Place) bool { return p.CountryCode == "PL" }) || hasEntity(d, "Q36") ||
				(d.Focus != nil && d.Focus.Country != nil && d.Focus.Country.CountryCode == "PL")
		}},
		{"admin1=kharkiv+oblast", func(d pipeline.Document) bool {
			return hasPlace(d, func(p pipeline.Place) bool { return p.Admin1 == "Kharkiv Oblast" })
		}},
		{"bbox=35,49,37.5,51", func(d pipeline.Document) bool {
			return hasPlace(d, func(p pipeline.Place) bool { return p.ID == plKharkiv.ID })
		}},
		{"near=46.48,30.73&distance=50km", func(d pipeline.Document) bool {
			return hasPlace(d, func(p pipeline.Place) bool { return p.ID == plOdesa.ID })
		}},
		{"stance=Q159:Q7184:oppose", stance("Q159", "Q7184", "oppose")},
		{"stance=Q159::oppose", stance("Q159", "", "oppose")},
		{"stance=:Q212:support", stance("", "Q212", "support")},
		{"stance=European+Union:Ukraine:", stance("Q458", "Q212", "")},
		// Same stance: NATO supports Ukraine and Russia opposes NATO in one
		// story, but nobody there opposes Ukraine.
		{"stance=:Q212:oppose", stance("", "Q212", "oppose")},
		{"stance=Q7184::oppose", stance("Q7184", "", "oppose")},
		{"stance=Q159:Q7184:oppose&stance=Q7184:Q212:support", func(d pipeline.Document) bool {
			return stance("Q159", "Q7184", "oppose")(d) && stance("Q7184", "Q212", "support")(d)
		}},
		{"speaker=warwire:anna-kowalska", func(d pipeline.Document) bool {
			for _, q := range d.Quotes {
				if q.Speaker != nil && q.Speaker.ID == entAnna.ID {
					return true
				}
			}
			return false
		}},
		{"speaker=Dmitri+Sokolov", func(d pipeline.Document) bool {
			for _, q := range d.Quotes {
				if q.Speaker != nil && q.Speaker.ID == entDmitri.ID {
					return true
				}
			}
			return false
		}},
		{"source=daily+courier", func(d pipeline.Document) bool { return d.CopyrightHolder == "Daily Courier" }},
		{"source=Wire+One&source=Kyiv+Wire", func(d pipeline.Document) bool {
			return d.CopyrightHolder == "Wire One" || d.CopyrightHolder == "Kyiv Wire"
		}},
		{"lang=uk", func(d pipeline.Document) bool { return d.Language == "uk" }},
		{"from=2024-03-01&to=2024-03-22", inRange("2024-03-01", "2024-03-22")},
		{"q=Ukraine&entity=Q458&from=2024-03-01", func(d pipeline.Document) bool {
			return strings.Contains(d.Body+d.Headline, "Ukraine") && hasEntity(d, "Q458") && inRange("2024-03-01", "2100-01-01")(d)
		}},
	}
	for _, c := range cases {
		want := f.ids(false, c.keep)
		got, _ := searchIDs(t, f, c.raw)
		if !sameSet(got, want) {
			t.Errorf("%s:\n got  %v\n want %v", c.raw, names(f, got), names(f, want))
		}
	}
}

func TestAPIHitsCarryEnrichmentAndSafeHighlights(t *testing.T) {
	f := loadFixture(t)
	_, res := searchIDs(t, f, "q=sirens")
	if len(res.Hits) != 1 {
		t.Fatalf("q=sirens: %d hits", len(res.Hits))
	}
	h := res.Hits[0]
	if h.Headline != xssHeadline || strings.Contains(h.HeadlineHTML, "<script") || !strings.Contains(h.HeadlineHTML, "&lt;script&gt;") ||
		!strings.Contains(h.HeadlineHTML, "<mark>Sirens</mark>") {
		t.Errorf("headline %q rendered as %q", h.Headline, h.HeadlineHTML)
	}
	for _, s := range h.Snippets {
		if strings.Contains(s, "<img") {
			t.Errorf("snippet carries markup: %q", s)
		}
	}
	if len(h.Places) != 2 || h.Places[0].Location == nil || len(h.Entities) != 1 || h.Permalink != "/story/"+h.ID || h.ID != pipeline.DocID("urn:fixture:odesa-sirens") {
		t.Errorf("hit %+v", h)
	}
	_, res = searchIDs(t, f, "entity=Q7184")
	if len(res.Hits) == 0 || len(res.Hits[0].Stances) == 0 || len(res.Hits[0].Speakers) == 0 {
		t.Errorf("NATO hit lacks stances or speakers: %+v", res.Hits)
	}
}

func TestAPIHeadlineBoostAndDateSort(t *testing.T) {
	f := loadFixture(t)
	// Odesa is in one story's headline and body, and in another's body only.
	_, res := searchIDs(t, f, "q=Odesa")
	inHeadline := 0
	for _, h := range res.Hits {
		if strings.Contains(h.Headline, "Odesa") {
			inHeadline++
		}
	}
	if len(res.Hits) < 2 || inHeadline == len(res.Hits) || !strings.Contains(res.Hits[0].Headline, "Odesa") {
		t.Errorf("headline match not first: %+v", res.Hits)
	}
	_, res = searchIDs(t, f, "sort=date")
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].VersionCreated.After(*res.Hits[i-1].VersionCreated) {
			t.Fatalf("sort=date not newest first at %d", i)
		}
	}
}

func TestAPIBadParameters(t *testing.T) {
	f := loadFixture(t)
	_, ts := apiServer(t, f.es, f.index)
	for path, param := range map[string]string{
		"/api/v1/search?from=01/02/2024":        "from",
		"/api/v1/search?size=1000":              "size",
		"/api/v1/search?stance=a:b":             "stance",
		"/api/v1/search?cursor=garbage":         "cursor",
		"/api/v1/facets?interval=fortnight":     "interval",
		"/api/v1/export?format=xlsx":            "format",
		"/api/v1/search?country=Ukraine":        "country",
		"/api/v1/search?q=x&colapse=off":        "colapse",
		"/api/v1/facets?bbox=1,2,3,4,5":         "bbox",
		"/api/v1/search?near=50,30":             "distance",
		"/api/v1/search?lang=en_GB%3Cscript%3E": "lang",
	} {
		var e struct{ Error APIError }
		if code := getJSON(t, ts, path, &e); code != 400 || e.Error.Parameter != param || e.Error.Message == "" {
			t.Errorf("%s: %d %+v, want 400 naming %s", path, code, e.Error, param)
		}
	}
}

func TestAPIStory(t *testing.T) {
	f := loadFixture(t)
	_, ts := apiServer(t, f.es, f.index)
	id := pipeline.DocID("urn:fixture:kharkiv-2")
	var page struct {
		Story   pipeline.Document `json:"story"`
		Outlets []Outlet          `json:"outlets"`
	}
	if code := getJSON(t, ts, "/api/v1/stories/"+id, &page); code != 200 {
		t.Fatalf("story: %d", code)
	}
	if page.Story.ID != id || !strings.HasPrefix(page.Story.Body, kharkivBody) || len(page.Story.Quotes) != 1 {
		t.Errorf("story %+v", page.Story)
	}
	var outlets []string
	for _, o := range page.Outlets {
		outlets = append(outlets, o.Source)
	}
	if strings.Join(outlets, ",") != "Wire One,Daily Courier,Evening Post" {
		t.Errorf("outlets %v, want the three publishers oldest first", outlets)
	}
	var e struct{ Error APIError }
	if code := getJSON(t, ts, "/api/v1/stories/"+pipeline.DocID("urn:fixture:none"), &e); code != 404 || e.Error.Code != "not_found" {
		t.Errorf("unknown story: %d %+v", code, e)
	}
	if code := getJSON(t, ts, "/api/v1/stories/"+pipeline.DocID("urn:fixture:killed-1"), &e); code != 410 || e.Error.Code != "withdrawn" {
		t.Errorf("withdrawn story: %d %+v", code, e)
	}
	if code := getJSON(t, ts, "/api/v1/stories/bad%20id%3Cx%3E", &e); code != 404 {
		t.Errorf("malformed id: %d", code)
	}
}

// TestCursorExpiredOrForged: a cursor whose point-in-time is gone, or was
// never issued, is a 400 naming the cursor, with no backend text.
func TestCursorExpiredOrForged(t *testing.T) {
	f := loadFixture(t)
	s, ts := apiServer(t, f.es, f.index)
	base := "/api/v1/search?collapse=off&size=2"
	var p1, p2 Result
	getJSON(t, ts, base, &p1)
	if code := getJSON(t, ts, base+"&cursor="+p1.NextCursor, &p2); code != 200 || p2.NextCursor == "" {
		t.Fatalf("second page: %d %+v", code, p2)
	}
	q := mustParse(t, "collapse=off&size=2")
	c, err := decodeCursor(p2.NextCursor, q)
	if err != nil || c.PIT == "" {
		t.Fatalf("second page cursor has no point-in-time: %+v %v", c, err)
	}
	s.closePIT(c.PIT)
	forged := encodeCursor(cursor{PIT: "bm90LWEtcGl0", After: c.After, Seen: 4, Hash: queryHash(q)})
	for name, cur := range map[string]string{"expired": p2.NextCursor, "forged": forged} {
		var e struct{ Error APIError }
		code := getJSON(t, ts, base+"&cursor="+url.QueryEscape(cur), &e)
		if code != 400 || e.Error.Parameter != "cursor" || e.Error.Code != "cursor_expired" || strings.Contains(e.Error.Message, "exception") {
			t.Errorf("%s cursor: %d %+v", name, code, e.Error)
		}
	}
}
