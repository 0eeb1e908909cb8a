package places_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/places"
)

// story builds a normalised story with the given body and optional entities.
func story(body string, ents ...pipeline.Entity) *pipeline.Story {
	return &pipeline.Story{Body: body, Language: "en", Entities: ents}
}

// country is a country entity whose spans are the runes of each occurrence of
// name in body, as the entities stage would give them.
func country(body, name, code string) pipeline.Entity {
	e := pipeline.Entity{ID: "test:" + code, Name: name, Type: pipeline.EntityCountry, Known: true, CountryCode: code}
	e.Spans = spansOf(body, name)
	e.Mentions = len(e.Spans)
	return e
}

// spansOf returns the code-point spans of every occurrence of s in body.
func spansOf(body, s string) []pipeline.Span {
	var out []pipeline.Span
	for off := 0; ; {
		i := strings.Index(body[off:], s)
		if i < 0 {
			return out
		}
		start := len([]rune(body[:off+i]))
		out = append(out, pipeline.Span{start, start + len([]rune(s))})
		off += i + len(s)
	}
}

func annotate(t *testing.T, st *pipeline.Story) *pipeline.Story {
	t.Helper()
	if err := newStage(t).Process(context.Background(), []*pipeline.Story{st}); err != nil {
		t.Fatalf("process: %v", err)
	}
	if st.Failed() {
		t.Fatalf("story failed: %v", st.Failure)
	}
	return st
}

func find(ps []pipeline.Place, name string) *pipeline.Place {
	for i := range ps {
		if ps[i].Name == name {
			return &ps[i]
		}
	}
	return nil
}

func distKMTest(a *pipeline.GeoPoint, lat, lon float64) float64 {
	return distKM(a.Lat, a.Lon, lat, lon)
}

// want is one expected place: its name, country, kind and location.
type want struct {
	name, cc, kind string
	lat, lon       float64
}

func checkPlaces(t *testing.T, got []pipeline.Place, wants []want) {
	t.Helper()
	for _, w := range wants {
		p := find(got, w.name)
		if p == nil {
			t.Errorf("no place %q in %s", w.name, names(got))
			continue
		}
		if p.CountryCode != w.cc || p.Kind != w.kind {
			t.Errorf("%s: got %s %s, want %s %s", w.name, p.CountryCode, p.Kind, w.cc, w.kind)
		}
		if d := distKMTest(p.Location, w.lat, w.lon); d > 50 {
			t.Errorf("%s: %.0f km from (%.2f, %.2f)", w.name, d, w.lat, w.lon)
		}
	}
}

func names(ps []pipeline.Place) string {
	var b []string
	for _, p := range ps {
		b = append(b, p.Name+"/"+p.CountryCode+"/"+p.ID)
	}
	return "[" + strings.Join(b, ", ") + "]"
}

func TestSpellingVariantsAreOnePlace(t *testing.T) {
	groups := [][]string{
		{"Kyiv", "Kiev", "Київ", "Киев"},
		{"Kharkiv", "Kharkov"},
		{"Odesa", "Odessa"},
		{"Mykolaiv", "Nikolaev"},
		{"Zaporizhzhia", "Zaporozhye"},
		{"Luhansk", "Lugansk"},
		{"Donbas", "Donbass"},
		{"Dnipro", "Dnepr"},
	}
	for _, g := range groups {
		ids := map[string]bool{}
		for _, v := range g {
			st := annotate(t, story("Shelling was reported overnight in "+v+", officials said."))
			if len(st.Places) != 1 {
				t.Fatalf("%q: got %s, want one place", v, names(st.Places))
			}
			if st.Places[0].CountryCode != "UA" {
				t.Errorf("%q resolved to %s", v, names(st.Places))
			}
			ids[st.Places[0].ID] = true
		}
		if len(ids) != 1 {
			t.Errorf("%v are %d places, want one: %v", g, len(ids), ids)
		}
	}
}

func TestHardCases(t *testing.T) {
	cases := []struct {
		name  string
		st    func() *pipeline.Story
		wants []want
		not   []string // names that must not be places
	}{
		{
			name: "Lucerne at a Swiss peace summit is Luzern",
			st: func() *pipeline.Story {
				b := "Delegations gathered at the Bürgenstock resort above Lake Lucerne for the two-day summit. " +
					"Switzerland's president said the meeting near Lucerne would focus on nuclear safety and food security."
				return story(b, country(b, "Switzerland", "CH"))
			},
			wants: []want{{"Lucerne", "CH", "city", 47.05, 8.31}, {"Bürgenstock", "CH", "site", 47.0, 8.38}},
		},
		{
			name: "Lucerne in a Californian farm story is the US town",
			st: func() *pipeline.Story {
				b := "Growers in Lucerne, a farming community in the United States, said the drought had cut the almond harvest."
				return story(b, country(b, "United States", "US"))
			},
			wants: []want{{"Lucerne", "US", "city", 36.38, -119.66}},
		},
		{
			name: "Georgia with Atlanta is the US state",
			st: func() *pipeline.Story {
				return story("Volunteers in Atlanta said refugee families had found work at plants across Georgia this year.")
			},
			wants: []want{{"Georgia", "US", "region", 32.7, -83.4}, {"Atlanta", "US", "city", 33.75, -84.39}},
		},
		{
			name: "Georgia with Tbilisi is the country, not a place",
			st: func() *pipeline.Story {
				return story("Protesters filled the streets of Tbilisi as Georgia's parliament debated the bill.")
			},
			wants: []want{{"Tbilisi", "GE", "city", 41.69, 44.83}},
			not:   []string{"Georgia"},
		},
		{
			name: "Avdiivka and Pokrovsk are the Donetsk-region towns",
			st: func() *pipeline.Story {
				return story("After the fall of Avdiivka, Russian units turned west towards Pokrovsk, a logistics hub.")
			},
			wants: []want{{"Avdiivka", "UA", "city", 48.14, 37.74}, {"Pokrovsk", "UA", "city", 48.28, 37.18}},
		},
		{
			name: "Washington said is the government; talks in Washington are a place",
			st: func() *pipeline.Story {
				b := "Washington said it would send more air defence systems. Ministers will meet for talks in Washington next week."
				e := country(b, "United States", "US")
				e.Spans = []pipeline.Span{{0, 10}}
				e.Mentions = 1
				return story(b, e)
			},
			wants: []want{{"Washington", "US", "city", 38.9, -77.04}},
		},
		{
			name: "Kursk region is the oblast; Kursk and Belgorod regions are two oblasts",
			st: func() *pipeline.Story {
				return story("Troops crossed into the Kursk region on Tuesday. Shelling hit villages in the Kursk and Belgorod regions.")
			},
			wants: []want{{"Kursk Oblast", "RU", "region", 51.5, 35.8}, {"Belgorod Oblast", "RU", "region", 50.7, 37.3}},
			not:   []string{"Kursk", "Belgorod"},
		},
		{
			name: "Zaporizhzhia nuclear plant is the site, not the city",
			st: func() *pipeline.Story {
				return story("Inspectors reported drone strikes on the Zaporizhzhia nuclear plant on Sunday.")
			},
			wants: []want{{"Zaporizhzhia nuclear power plant", "UA", "site", 47.51, 34.59}},
			not:   []string{"Zaporizhzhia"},
		},
		{
			name: "Beijing said is an entity span; talks in Beijing are a place",
			st: func() *pipeline.Story {
				b := "Beijing said it was neutral. Envoys held talks in Beijing on Friday."
				e := pipeline.Entity{ID: "Q148", Name: "China", Type: pipeline.EntityCountry, CountryCode: "CN", Mentions: 1,
					Spans: []pipeline.Span{{0, 7}}}
				return story(b, e)
			},
			wants: []want{{"Beijing", "CN", "city", 39.9, 116.4}},
		},
		{
			name: "regions, waters and sites",
			st: func() *pipeline.Story {
				return story("Drones flew over the Black Sea and the Sea of Azov towards Crimea and the Kerch Bridge, " +
					"while fighting raged across the Donbas and near Snake Island.")
			},
			wants: []want{
				{"Black Sea", "", "water", 43.4, 34.0}, {"Sea of Azov", "UA", "water", 46.1, 36.6},
				{"Crimea", "UA", "region", 45.3, 34.4}, {"Crimean Bridge", "UA", "site", 45.31, 36.51},
				{"Donbas", "UA", "region", 48.3, 38.3}, {"Snake Island", "UA", "site", 45.26, 30.2},
			},
		},
		{
			name: "the Dnipro is the river, Dnipro the city",
			st: func() *pipeline.Story {
				return story("Marines crossed the Dnipro under fire. Trains from Dnipro carried the wounded east.")
			},
			wants: []want{{"Dnipro River", "UA", "water", 46.8, 33.1}, {"Dnipro", "UA", "city", 48.46, 35.05}},
		},
		{
			name: "The Hague keeps its article; a governor's region is the oblast",
			st: func() *pipeline.Story {
				return story("Leaders meeting in The Hague in June will discuss spending. " +
					"Kherson regional governor Oleksandr Prokudin said the evacuation would go on.")
			},
			wants: []want{{"The Hague", "NL", "city", 52.08, 4.3}, {"Kherson Oblast", "UA", "region", 46.7, 33.5}},
			not:   []string{"Kherson"},
		},
		{
			name: "inflected Ukrainian and Russian names",
			st: func() *pipeline.Story {
				st := story("Вибухи пролунали у Києві та Харкові. В Брюсселе обсудили ситуацию в Крыму.")
				st.Language = "uk"
				return st
			},
			wants: []want{{"Kyiv", "UA", "city", 50.45, 30.52}, {"Kharkiv", "UA", "city", 49.98, 36.25},
				{"Brussels", "BE", "city", 50.85, 4.35}, {"Crimea", "UA", "region", 45.3, 34.4}},
		},
		{
			name: "common words and people's names are not places",
			st: func() *pipeline.Story {
				return story("Nice weather helped the harvest. Reading the report, Vladimir Putin smiled. " +
					"Split decisions followed in May. Mobile units were Lucky to escape, Jens Stoltenberg said.")
			},
			not: []string{"Nice", "Reading", "Vladimir", "Split", "Mobile", "Lucky", "Stoltenberg"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := annotate(t, c.st())
			checkPlaces(t, st.Places, c.wants)
			for _, n := range c.not {
				for _, p := range st.Places {
					if strings.EqualFold(p.Name, n) {
						t.Errorf("%q should not be a place, got %s", n, names(st.Places))
					}
				}
			}
		})
	}
}

func TestSpansAreCodePoints(t *testing.T) {
	body := "«Обстріл» тривав 🚀 всю ніч: shelling hit Kharkiv and then Kharkiv again."
	st := annotate(t, story(body))
	p := find(st.Places, "Kharkiv")
	if p == nil {
		t.Fatalf("no Kharkiv in %s", names(st.Places))
	}
	runes := []rune(body)
	if p.Mentions != 2 || len(p.Spans) != 2 {
		t.Fatalf("mentions %d spans %v, want 2", p.Mentions, p.Spans)
	}
	for _, sp := range p.Spans {
		if got := string(runes[sp[0]:sp[1]]); got != "Kharkiv" {
			t.Errorf("span %v is %q", sp, got)
		}
	}
}

func TestDatelineAndFocus(t *testing.T) {
	body := "Russian forces shelled Kharkiv overnight. Ukraine's air force said it downed 20 drones over Kharkiv. " +
		"Ukraine asked for more air defence.\n\nIn Kyiv, officials met diplomats."
	st := story(body, country(body, "Ukraine", "UA"), country(body, "Russian", "RU"))
	st.Entities[1].Name = "Russia"
	st.Headline = "Kharkiv hit again"
	st.Dateline = &pipeline.Dateline{Text: "KYIV"}
	annotate(t, st)
	if st.Dateline.Place == nil || st.Dateline.Place.ID != "geonames:703448" {
		t.Fatalf("dateline place %+v, want Kyiv", st.Dateline.Place)
	}
	if st.Focus == nil || st.Focus.Country == nil || st.Focus.Country.CountryCode != "UA" {
		t.Fatalf("focus country %+v, want UA", st.Focus)
	}
	if st.Focus.Place == nil || st.Focus.Place.Name != "Kharkiv" {
		t.Errorf("focus place %+v, want Kharkiv", st.Focus.Place)
	}
	kyiv := find(st.Places, "Kyiv")
	if kyiv == nil || kyiv.Mentions != 2 || len(kyiv.Spans) != 1 {
		t.Errorf("Kyiv %+v: want 2 mentions (dateline and body), 1 span", kyiv)
	}
	if st.Places[0].Name != "Kyiv" {
		t.Errorf("dateline place should come first: %s", names(st.Places))
	}
}

func TestDatelineWithCountry(t *testing.T) {
	st := story("The summit opened with a minute of silence.")
	st.Dateline = &pipeline.Dateline{Text: "LUCERNE, Switzerland"}
	annotate(t, st)
	if st.Dateline.Place == nil || st.Dateline.Place.Name != "Lucerne" {
		t.Fatalf("dateline place %+v, want Lucerne", st.Dateline.Place)
	}
	p := find(st.Places, "Lucerne")
	if p == nil || p.CountryCode != "CH" {
		t.Errorf("dateline place in places: %s", names(st.Places))
	}
}

func TestCaptionsCountWithoutSpans(t *testing.T) {
	st := story("Rescuers searched the rubble all night.")
	st.Captions = []string{"A rescuer works at the site of a strike in Odesa, Ukraine. REUTERS"}
	annotate(t, st)
	p := find(st.Places, "Odesa")
	if p == nil || p.Mentions != 1 || len(p.Spans) != 0 {
		t.Errorf("caption place %+v, want Odesa with 1 mention and no spans", p)
	}
}

func TestSkipsFailedAndWithdrawn(t *testing.T) {
	failed := story("Shelling hit Kharkiv.")
	failed.Fail("normalize", pipeline.ReasonStageError, nil)
	killed := story("Shelling hit Kharkiv.")
	killed.PubStatus = pipeline.PubStatusCanceled
	live := story("Shelling hit Kharkiv.")
	if err := newStage(t).Process(context.Background(), []*pipeline.Story{failed, killed, live}); err != nil {
		t.Fatal(err)
	}
	if failed.Places != nil || killed.Places != nil {
		t.Errorf("failed or withdrawn story annotated: %v %v", failed.Places, killed.Places)
	}
	if len(live.Places) != 1 {
		t.Errorf("live story: %s", names(live.Places))
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := newStage(t).Process(ctx, []*pipeline.Story{story("Kyiv")}); err == nil {
		t.Error("want the context's error")
	}
}

func TestConcurrentBatches(t *testing.T) {
	s := newStage(t)
	done := make(chan []pipeline.Place)
	for i := 0; i < 4; i++ {
		go func() {
			st := story("Strikes hit Odesa and Mykolaiv while talks went on in Geneva.")
			_ = s.Process(context.Background(), []*pipeline.Story{st})
			done <- st.Places
		}()
	}
	for i := 0; i < 4; i++ {
		if ps := <-done; len(ps) != 3 {
			t.Errorf("got %s, want Odesa, Mykolaiv, Geneva", names(ps))
		}
	}
}

func TestVersionAndName(t *testing.T) {
	s := newStage(t)
	if s.Name() != "places" || s.Version() == "" || !strings.Contains(s.Version(), "-") {
		t.Errorf("name %q version %q", s.Name(), s.Version())
	}
	bad := places.DefaultConfig()
	bad.MinScore = math.NaN()
	if _, err := places.New(bad); err == nil {
		t.Error("a NaN MinScore should not validate")
	}
}
