package schemas

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Story messages written for these tests, in the forms agencies send.
var validStories = map[string]string{
	"ninjs 1.x text": `{
		"uri": "urn:newsml:example.org:20240301:kyiv-grid-0412",
		"version": "3",
		"versioncreated": "2024-03-01T06:30:00Z",
		"firstcreated": "2024-03-01T05:58:12+02:00",
		"type": "text",
		"language": "en",
		"pubstatus": "usable",
		"urgency": 3,
		"headline": "Overnight strikes cut power to parts of Kyiv region",
		"byline": "By A. Reporter",
		"located": "KYIV",
		"copyrightholder": "Example Wire",
		"body_text": "KYIV (Example Wire) - Drones struck energy sites overnight, the regional governor said.",
		"subject": [{"code": "medtop:16000000", "name": "conflict, war and peace", "scheme": "http://cv.iptc.org/newscodes/mediatopic/"}],
		"altids": {"agency": "EW-0412"},
		"renditions": {"web": {"href": "https://example.org/story/0412"}},
		"$standard": {"name": "ninjs", "version": "1.4"}
	}`,
	"ninjs 1.x html with numeric version": `{
		"uri": "https://example.org/id/881",
		"version": 7,
		"headline": "Talks on grain corridor resume in Istanbul",
		"body_html": "<p>Negotiators met again on Tuesday.</p>",
		"headline_extended": "Talks resume after a two-week pause",
		"url": "https://example.org/news/881"
	}`,
	"ninjs 2.x headlines and bodies": `{
		"uri": "urn:example:2024:0099",
		"version": "12",
		"versioncreated": "2024-05-10T14:02:33.125+00:00",
		"headlines": [{"role": "main", "value": "Port of Odesa reopens after mine clearance"}, {"role": "sub", "value": "Ships queue at the entrance"}],
		"bodies": [{"role": "main", "contenttype": "text/plain", "value": "ODESA - The port reopened on Friday.", "charcount": 36, "wordcount": 7}],
		"by": "Staff reporter",
		"subjects": [{"uri": "http://cv.iptc.org/newscodes/mediatopic/16000000", "name": "conflict", "relevance": 80}],
		"altids": [{"role": "agency", "value": "X-99"}],
		"renditions": [{"name": "web", "href": "https://example.org/p/99"}],
		"associations": [{"name": "photo", "uri": "urn:example:photo:1"}],
		"standard": {"name": "ninjs", "version": "2.1"},
		"x-agency-desk": "europe"
	}`,
	"ninjs 2.x title only":  `{"uri": "urn:example:t1", "title": "Ceasefire monitoring update"}`,
	"kill without text":     `{"uri": "urn:example:2024:0099", "version": "13", "pubstatus": "canceled"}`,
	"withheld without text": `{"uri": "urn:example:2024:0100", "pubstatus": "withheld"}`,
	"offset without colon and date only": `{
		"uri": "urn:example:d1", "headline": "Border crossing reopens",
		"versioncreated": "2024-06-01T09:00:00+0300", "firstcreated": "2024-06-01"
	}`,
}

func decodeJSON(t testing.TB, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad test JSON: %v\n%s", err, s)
	}
	return v
}

func TestValidateStoryAcceptsNINJS(t *testing.T) {
	for name, s := range validStories {
		if err := ValidateStory(decodeJSON(t, s)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestValidateStoryAcceptsSamples checks every line of the shared sample
// stories, when another package has written them.
func TestValidateStoryAcceptsSamples(t *testing.T) {
	path := filepath.Join("..", "testdata", "stories", "samples.jsonl")
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Logf("%s does not exist yet; only the inline samples were checked", path)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		n++
		if err := ValidateStory(json.RawMessage(text)); err != nil {
			t.Errorf("%s:%d: %v", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Errorf("%s has no stories", path)
	}
}

func TestValidateStoryRejects(t *testing.T) {
	cases := []struct {
		name, doc, path, words string
	}{
		{"missing uri", `{"headline": "h"}`, "/uri", "missing required field"},
		{"empty uri", `{"uri": "", "headline": "h"}`, "/uri", `got string ""`},
		{"blank uri", `{"uri": "  ", "headline": "h"}`, "/uri", "non-empty"},
		{"uri not a string", `{"uri": 12, "headline": "h"}`, "/uri", "got integer 12, want string"},
		{"version abc", `{"uri": "u", "version": "abc", "headline": "h"}`, "/version", `got string "abc", want an integer`},
		{"version negative", `{"uri": "u", "version": -2, "headline": "h"}`, "/version", "got integer -2"},
		{"version fraction", `{"uri": "u", "version": 1.5, "headline": "h"}`, "/version", "got number 1.5"},
		{"urgency 42", `{"uri": "u", "urgency": 42, "headline": "h"}`, "/urgency", "got integer 42, want at most 9"},
		{"urgency string", `{"uri": "u", "urgency": "3", "headline": "h"}`, "/urgency", "want integer"},
		{"headline number", `{"uri": "u", "headline": 42}`, "/headline", "got integer 42, want string"},
		{"pubstatus bogus", `{"uri": "u", "headline": "h", "pubstatus": "bogus"}`, "/pubstatus", `got string "bogus", want one of "usable"`},
		{"bad date", `{"uri": "u", "headline": "h", "versioncreated": "last Tuesday"}`, "/versioncreated", "ISO 8601"},
		{"headline object without value", `{"uri": "u", "headlines": [{"role": "main"}]}`, "/headlines/0/value", "missing required field"},
		{"body value not a string", `{"uri": "u", "bodies": [{"value": ["a"]}]}`, "/bodies/0/value", "want string"},
		{"subject not an array", `{"uri": "u", "headline": "h", "subject": "war"}`, "/subject", "want array"},
		{"no text", `{"uri": "u", "version": 1}`, "", "at least one of headline"},
		{"only an empty headline", `{"uri": "u", "headline": " "}`, "", "at least one of headline"},
		{"not an object", `["uri"]`, "", "want object"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateStory(decodeJSON(t, tc.doc))
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *ValidationError", err)
			}
			p, ok := ve.Field(tc.path)
			if !ok {
				t.Fatalf("no problem at %q: %v", tc.path, err)
			}
			if !strings.Contains(p.Message, tc.words) {
				t.Errorf("problem at %q says %q, want it to contain %q", tc.path, p.Message, tc.words)
			}
			if !strings.Contains(err.Error(), p.String()) || !strings.HasPrefix(err.Error(), "does not match ninjs.schema.json: ") {
				t.Errorf("error text %q does not carry the problem %q", err, p)
			}
		})
	}
}

// TestValidateStoryListsEveryProblem checks that one message with several
// faults reports all of them, each at its own field.
func TestValidateStoryListsEveryProblem(t *testing.T) {
	err := ValidateStory(decodeJSON(t, `{"version": "abc", "urgency": 42, "headline": 7, "pubstatus": "bogus"}`))
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *ValidationError", err)
	}
	for _, path := range []string{"/uri", "/version", "/urgency", "/headline", "/pubstatus"} {
		if _, ok := ve.Field(path); !ok {
			t.Errorf("no problem reported at %s: %v", path, err)
		}
	}
}

func TestValidateStoryRawMessage(t *testing.T) {
	if err := ValidateStory(json.RawMessage(validStories["ninjs 2.x title only"])); err != nil {
		t.Errorf("raw message: %v", err)
	}
	if err := ValidateStory(json.RawMessage(`{"uri":`)); err == nil {
		t.Error("truncated raw message validated")
	}
}

// FuzzValidateStory feeds arbitrary JSON to the validator: it must not panic,
// must word every problem, and adding an unknown agency field to a valid
// object must keep it valid.
func FuzzValidateStory(f *testing.F) {
	for _, s := range validStories {
		f.Add(s)
	}
	f.Add(`{"uri": "", "version": "abc", "urgency": 42}`)
	f.Add(`{"headlines": [{"value": 1}], "bodies": {}}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		err := ValidateStory(v)
		var ve *ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("not a ValidationError: %v", err)
		}
		if ve != nil {
			if len(ve.Problems) == 0 {
				t.Fatal("ValidationError without problems")
			}
			for _, p := range ve.Problems {
				if p.Message == "" {
					t.Fatalf("problem at %q has no message", p.Path)
				}
			}
		}
		if m, ok := v.(map[string]any); ok && err == nil {
			m["x-fuzz-agency-field"] = []any{1.0, "two"}
			if err := ValidateStory(m); err != nil {
				t.Fatalf("an unknown field made a valid story invalid: %v", err)
			}
		}
	})
}
