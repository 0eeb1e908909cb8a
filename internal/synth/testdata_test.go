package synth

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// This file checks the hand-written fixtures in testdata/ (sample stories and gold annotations).

const (
	samplesPath = "../../testdata/stories/samples.jsonl"
	goldPath    = "../../testdata/gold/gold.jsonl"
)

// readJSONL decodes every line of path as a JSON object.
func readJSONL(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		if !utf8.Valid(sc.Bytes()) {
			t.Fatalf("%s:%d: invalid UTF-8", path, n)
		}
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func str(m map[string]any, k string) string { s, _ := m[k].(string); return s }

// version reads a NINJS version: a number in 1.x, a string in 2.x.
func version(m map[string]any) int {
	switch v := m["version"].(type) {
	case float64:
		return int(v)
	case string:
		n := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	return -1
}

// storyBody returns the text of a story in any of the three body forms and which form it was.
func storyBody(m map[string]any) (body, form string) {
	if s := str(m, "body_text"); s != "" {
		return s, "text"
	}
	if s := str(m, "body_html"); s != "" {
		return s, "html"
	}
	if bs, ok := m["bodies"].([]any); ok && len(bs) > 0 {
		if b, ok := bs[0].(map[string]any); ok {
			return str(b, "value"), "bodies"
		}
	}
	return "", ""
}

func checkStory(t *testing.T, where string, m map[string]any) {
	t.Helper()
	if str(m, "uri") == "" || version(m) < 1 || str(m, "pubstatus") == "" || str(m, "language") == "" ||
		str(m, "copyrightholder") == "" {
		t.Errorf("%s: missing uri, version, pubstatus, language or copyrightholder", where)
	}
	for _, k := range []string{"versioncreated", "firstcreated"} {
		if _, err := time.Parse(time.RFC3339, str(m, k)); err != nil {
			t.Errorf("%s: %s: %v", where, k, err)
		}
	}
	if hs, _ := m["headlines"].([]any); str(m, "headline") == "" && len(hs) == 0 {
		t.Errorf("%s: no headline", where)
	}
	if body, _ := storyBody(m); body == "" {
		t.Errorf("%s: no body", where)
	}
}

func TestTestdataSamples(t *testing.T) {
	stories := readJSONL(t, samplesPath)
	if len(stories) < 32 {
		t.Fatalf("%d sample stories, want at least 32", len(stories))
	}
	byURI := map[string][]map[string]any{}
	langs, forms := map[string]int{}, map[string]int{}
	for i, m := range stories {
		checkStory(t, samplesPath+":"+strconv.Itoa(i+1), m)
		byURI[str(m, "uri")] = append(byURI[str(m, "uri")], m)
		langs[str(m, "language")]++
		body, form := storyBody(m)
		forms[form]++
		if form == "html" && (!strings.Contains(body, "<script") || !strings.Contains(body, "&amp;")) {
			t.Errorf("%s: body_html story without <script> or &amp;", str(m, "uri"))
		}
	}
	for _, l := range []string{"en", "uk", "ru", "de"} {
		if langs[l] == 0 {
			t.Errorf("no sample in language %q", l)
		}
	}
	if forms["bodies"] < 4 || forms["html"] < 2 {
		t.Errorf("want at least 4 NINJS 2.x and 2 body_html samples, have %v", forms)
	}
	var update, kill bool
	for uri, ms := range byURI {
		if len(ms) < 2 {
			continue
		}
		first, later := ms[0], ms[len(ms)-1]
		if version(later) <= version(first) || str(later, "versioncreated") <= str(first, "versioncreated") {
			t.Errorf("%s: later version must have a higher version and a later versioncreated", uri)
		}
		b1, _ := storyBody(first)
		b2, _ := storyBody(later)
		switch str(later, "pubstatus") {
		case "canceled":
			kill = true
		case "usable":
			update = update || b1 != b2
		}
	}
	if !update || !kill {
		t.Errorf("want an update (same uri, new version, new text) and a kill (pubstatus canceled): update=%v kill=%v", update, kill)
	}
}

var (
	entityTypes = map[string]bool{"person": true, "organization": true, "country": true}
	placeKinds  = map[string]bool{"region": true, "city": true, "water": true, "site": true, "other": true}
)

func TestTestdataGold(t *testing.T) {
	lines := readJSONL(t, goldPath)
	if len(lines) < 42 {
		t.Fatalf("%d gold stories, want at least 42", len(lines))
	}
	samples := map[string]bool{}
	for _, m := range readJSONL(t, samplesPath) {
		samples[str(m, "uri")] = true
	}
	seen := map[string]bool{}
	langs := map[string]int{}
	for i, line := range lines {
		story, _ := line["story"].(map[string]any)
		gold, _ := line["gold"].(map[string]any)
		uri := str(story, "uri")
		where := goldPath + ": " + uri
		if story == nil || gold == nil {
			t.Fatalf("line %d: missing story or gold", i+1)
		}
		checkStory(t, where, story)
		wantSplit := "dev"
		if i%3 == 2 {
			wantSplit = "holdout"
		}
		if s := str(line, "split"); s != wantSplit {
			t.Errorf("%s: split %q, want %q", where, s, wantSplit)
		}
		if seen[uri] || samples[uri] {
			t.Errorf("%s: uri repeated or shared with the samples", where)
		}
		seen[uri] = true
		body := str(story, "body_text")
		if body == "" {
			t.Errorf("%s: gold stories carry body_text", where)
		}
		lang := str(gold, "language")
		langs[lang]++
		if lang != str(story, "language") {
			t.Errorf("%s: gold language %q differs from the story's", where, lang)
		}
		if dl := str(gold, "dateline"); dl != "" && !strings.HasPrefix(body, dl) {
			t.Errorf("%s: body does not start with dateline %q", where, dl)
		}
		names := map[string]bool{}
		ents, _ := gold["entities"].([]any)
		for _, e := range ents {
			e, _ := e.(map[string]any)
			if str(e, "name") == "" || !entityTypes[str(e, "type")] {
				t.Errorf("%s: bad entity %v", where, e)
			}
			names[str(e, "name")] = true
		}
		places, _ := gold["places"].([]any)
		for _, p := range places {
			p, _ := p.(map[string]any)
			lat, ok1 := p["lat"].(float64)
			lon, ok2 := p["lon"].(float64)
			_, ok3 := p["admin1"].(string)
			_, ok4 := p["country_code"].(string)
			if str(p, "name") == "" || !placeKinds[str(p, "kind")] || !ok1 || !ok2 || !ok3 || !ok4 ||
				lat < -90 || lat > 90 || lon < -180 || lon > 180 {
				t.Errorf("%s: bad place %v", where, p)
			}
		}
		if len(ents) == 0 || len(places) == 0 {
			t.Errorf("%s: empty entity or place list", where)
		}
		stances, _ := gold["stances"].([]any)
		for _, s := range stances {
			s, _ := s.(map[string]any)
			pol := str(s, "polarity")
			if !names[str(s, "holder")] || !names[str(s, "target")] || (pol != "support" && pol != "oppose") ||
				!strings.Contains(strings.ToLower(body), strings.ToLower(str(s, "cue"))) {
				t.Errorf("%s: bad stance %v", where, s)
			}
		}
		quotes, _ := gold["quotes"].([]any)
		for _, q := range quotes {
			q, _ := q.(map[string]any)
			text := str(q, "text")
			if text == "" || !strings.Contains(body, text) {
				t.Errorf("%s: quote text %q not in body", where, text)
			}
			if sp, isStr := q["speaker"].(string); isStr && !names[sp] || !isStr && q["speaker"] != nil {
				t.Errorf("%s: quote speaker %v is not an entity", where, q["speaker"])
			}
		}
	}
	if langs["en"] < 39 || langs["uk"] < 1 || langs["ru"] < 1 || langs["de"] < 1 {
		t.Errorf("gold languages %v: want mostly en and one each of uk, ru, de", langs)
	}
}
