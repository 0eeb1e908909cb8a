package decode

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/pipeline"
)

func decodeOne(t *testing.T, raw string) *pipeline.Story {
	t.Helper()
	s := &pipeline.Story{Raw: []byte(raw)}
	if err := New(DefaultConfig()).Process(context.Background(), []*pipeline.Story{s}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNINJS1Fields(t *testing.T) {
	s := decodeOne(t, `{"uri":"urn:x:1","version":3,"versioncreated":"2024-06-17T09:30:00+02:00",
		"firstcreated":"2024-06-17T07:00:00Z","headline":"H","body_text":"B","byline":"By A",
		"language":"EN","located":"Kyiv, Ukraine","copyrightholder":"Wire","url":"https://example.org/a",
		"pubstatus":"usable","urgency":3,"subject":[{"code":"medtop:16000000","name":"conflict"}]}`)
	if s.Failed() {
		t.Fatal(s.Failure)
	}
	want := time.Date(2024, 6, 17, 7, 30, 0, 0, time.UTC)
	if s.URI != "urn:x:1" || s.Version != 3 || !s.VersionCreated.Equal(want) || s.Headline != "H" || s.BodyText != "B" ||
		s.Byline != "By A" || s.Language != "en" || s.Located != "Kyiv, Ukraine" || s.CopyrightHolder != "Wire" ||
		s.URL != "https://example.org/a" || s.PubStatus != "usable" || s.Urgency != 3 || len(s.Subjects) != 1 {
		t.Fatalf("decoded %+v", s)
	}
}

func TestNINJS2Forms(t *testing.T) {
	s := decodeOne(t, `{"uri":"urn:x:2","version":"4","title":"slug",
		"headlines":[{"value":"Sub","role":"sub"},{"value":"Main","role":"main"}],
		"bodies":[{"value":"<p>Hi</p>","contenttype":"text/html"},{"value":"Plain","contenttype":"text/plain"}],
		"by":"A, B","located":"Odesa","versioncreated":"2024-06-17 09:30:00+0000"}`)
	if s.Failed() {
		t.Fatal(s.Failure)
	}
	if s.Version != 4 || s.Headline != "Main" || s.BodyHTML != "<p>Hi</p>" || s.BodyText != "Plain" || s.Byline != "A, B" || s.Located != "Odesa" {
		t.Fatalf("decoded %+v", s)
	}
	if s.VersionCreated.IsZero() || s.PubStatus != pipeline.PubStatusUsable {
		t.Fatalf("time %v pubstatus %q", s.VersionCreated, s.PubStatus)
	}
}

func TestRejectionsCarryTheirReason(t *testing.T) {
	cases := map[string]struct {
		raw, reason, mention string
	}{
		"truncated":     {`{"uri":"u","headline":`, pipeline.ReasonInvalidJSON, "not valid JSON"},
		"trailing":      {`{"uri":"u","headline":"h"} {"x":1}`, pipeline.ReasonInvalidJSON, "after the JSON"},
		"not an object": {`[1,2]`, pipeline.ReasonSchema, ""},
		"no uri":        {`{"headline":"h"}`, pipeline.ReasonSchema, "uri"},
		"bad version":   {`{"uri":"u","headline":"h","version":"abc"}`, pipeline.ReasonSchema, "version"},
		"huge version":  {`{"uri":"u","headline":"h","version":9000000000000000000}`, pipeline.ReasonSchema, "version"},
		"bad utf8":      {"{\"uri\":\"u\",\"headline\":\"\xff\"}", pipeline.ReasonInvalidUTF8, "UTF-8"},
		"bad utf8 late": {"{\"uri\":\"u\",\"headline\":\"long enough é to read \xc3\x28 in words\"}", pipeline.ReasonInvalidUTF8, "UTF-8"},
		"surrogate":     {"{\"uri\":\"u\",\"headline\":\"h\",\"x\xed\xa0\x80\":1}", pipeline.ReasonInvalidUTF8, "UTF-8"},
		"cut rune":      {"{\"uri\":\"u\",\"headline\":\"h\xd0\"}", pipeline.ReasonInvalidUTF8, "UTF-8"},
		"too large":     {`{"uri":"u","body_text":"` + strings.Repeat("x", 3<<20) + `"}`, pipeline.ReasonTooLarge, "limit"},
		"bad date":      {`{"uri":"u","headline":"h","versioncreated":"yesterday"}`, pipeline.ReasonSchema, "versioncreated"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			s := decodeOne(t, c.raw)
			if !s.Failed() || s.Failure.Reason != c.reason || s.Failure.Stage != Name {
				t.Fatalf("failure %v, want reason %s", s.Failure, c.reason)
			}
			if !strings.Contains(s.Failure.Error(), c.mention) {
				t.Fatalf("error %q does not mention %q", s.Failure.Error(), c.mention)
			}
		})
	}
}

func TestBatchGoesOnPastBadStories(t *testing.T) {
	batch := []*pipeline.Story{{Raw: []byte(`nope`)}, {Raw: []byte(`{"uri":"ok","headline":"h"}`)}}
	if err := New(DefaultConfig()).Process(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	if !batch[0].Failed() || batch[1].Failed() || batch[1].URI != "ok" {
		t.Fatalf("batch: %v / %v", batch[0].Failure, batch[1].Failure)
	}
}

func TestKillWithoutText(t *testing.T) {
	s := decodeOne(t, `{"uri":"urn:k","version":2,"pubstatus":"canceled"}`)
	if s.Failed() || !s.Withdrawn() {
		t.Fatalf("kill: %v withdrawn=%v", s.Failure, s.Withdrawn())
	}
}

func FuzzDecode(f *testing.F) {
	for _, seed := range []string{`{"uri":"u","headline":"h"}`, `{"uri":"u","version":"2","headlines":[{"value":"x"}]}`, `[]`, `{`, "\xff"} {
		f.Add([]byte(seed))
	}
	d := New(DefaultConfig())
	f.Fuzz(func(t *testing.T, raw []byte) {
		s := &pipeline.Story{Raw: raw}
		if err := d.Process(context.Background(), []*pipeline.Story{s}); err != nil {
			t.Fatal(err)
		}
		if !s.Failed() && strings.TrimSpace(s.URI) == "" {
			t.Fatal("accepted a story without uri")
		}
		if s.Failed() && s.Failure.Reason == "" {
			t.Fatal("failure without reason")
		}
	})
}
