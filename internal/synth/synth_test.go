package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func jsonl(t testing.TB, seed int64, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New(seed).JSONL(&buf, n); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	a, b := jsonl(t, 42, 500), jsonl(t, 42, 500)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different output")
	}
	if c := jsonl(t, 43, 500); bytes.Equal(a, c) {
		t.Fatal("different seeds gave the same output")
	}
	// Story i does not depend on what the generator produced before.
	g := New(42)
	for i := 0; i < 50; i++ {
		g.Story(i)
	}
	if got, want := g.Story(7), New(42).Story(7); got.BodyText != want.BodyText || got.URI != want.URI {
		t.Fatal("story 7 depends on generation order")
	}
	line7 := bytes.Split(a, []byte("\n"))[7]
	if got := New(42).AppendJSON(nil, 7); !bytes.Equal(got, line7) {
		t.Fatal("AppendJSON differs from the JSONL line")
	}
}

func TestStories(t *testing.T) {
	from, _ := time.Parse(time.RFC3339, "2022-02-24T00:00:00Z")
	to, _ := time.Parse(time.RFC3339, "2025-06-30T23:59:59Z")
	rutte, _ := time.Parse(time.RFC3339, "2024-10-01T00:00:00Z")
	seen := map[string]bool{}
	kindsSeen := map[string]bool{}
	for _, seed := range []int64{1, 2024, -7} {
		sc := bufio.NewScanner(bytes.NewReader(jsonl(t, seed, 3000)))
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			line := sc.Bytes()
			if n := len(line); n < 3*1024 || n > 6*1024 || n < MinJSONBytes || n > MaxJSONBytes {
				t.Fatalf("story is %d bytes: %.200s", n, line)
			}
			if !utf8.Valid(line) {
				t.Fatalf("invalid UTF-8: %.200s", line)
			}
			var s Story
			if err := json.Unmarshal(line, &s); err != nil {
				t.Fatalf("%v: %.200s", err, line)
			}
			if seen[s.URI] {
				t.Fatalf("duplicate uri %s", s.URI)
			}
			seen[s.URI] = true
			if !strings.HasPrefix(s.URI, "urn:newsml:warwire-synth:") || s.Version != 1 || s.Language != "en" ||
				s.PubStatus != "usable" || s.Headline == "" || s.CopyrightHolder == "" || len(s.Subject) == 0 {
				t.Fatalf("bad metadata: %+v", s)
			}
			if s.Urgency < 1 || s.Urgency > 8 {
				t.Fatalf("urgency %d", s.Urgency)
			}
			vc, err := time.Parse(time.RFC3339, s.VersionCreated)
			if err != nil || vc.Before(from) || vc.After(to) {
				t.Fatalf("versioncreated %q out of range (%v)", s.VersionCreated, err)
			}
			if fc, err := time.Parse(time.RFC3339, s.FirstCreated); err != nil || fc.After(vc) {
				t.Fatalf("firstcreated %q after versioncreated %q", s.FirstCreated, s.VersionCreated)
			}
			for _, p := range strings.Split(s.BodyText, "\n\n") {
				if strings.TrimSpace(p) == "" || strings.ContainsAny(p, "{}") {
					t.Fatalf("empty or unexpanded paragraph %q in %s", p, s.URI)
				}
			}
			if again := s.AppendJSON(nil); !bytes.Equal(again, line) {
				t.Fatalf("Story.AppendJSON does not round-trip:\n%s\n%s", again, line)
			}
			// Office holders follow the calendar.
			if vc.Before(rutte) && strings.Contains(s.BodyText, "Rutte") ||
				!vc.Before(rutte) && strings.Contains(s.BodyText, "Stoltenberg") {
				t.Fatalf("wrong NATO Secretary General for %s in %s", s.VersionCreated, s.URI)
			}
			kindsSeen[s.Subject[len(s.Subject)-1].Name] = true
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if len(kindsSeen) < 5 {
		t.Fatalf("too little variety: %v", kindsSeen)
	}
}

func TestVariety(t *testing.T) {
	g := New(99)
	heads, leads := map[string]bool{}, map[string]bool{}
	for i := 0; i < 1000; i++ {
		s := g.Story(i)
		heads[s.Headline] = true
		lead, _, _ := strings.Cut(s.BodyText, "\n\n")
		leads[lead] = true
		for _, want := range []string{"“", "\n\n"} {
			if !strings.Contains(s.BodyText, want) {
				t.Fatalf("story %d has no %q", i, want)
			}
		}
	}
	if len(heads) < 150 || len(leads) < 800 {
		t.Fatalf("only %d distinct headlines and %d distinct leads in 1000 stories", len(heads), len(leads))
	}
}

func BenchmarkAppendJSON(b *testing.B) {
	g := New(1)
	var buf []byte
	bytesOut := 0
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = g.AppendJSON(buf[:0], i)
		bytesOut += len(buf)
	}
	b.SetBytes(int64(bytesOut / max(b.N, 1)))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "stories/s")
}

func BenchmarkStory(b *testing.B) {
	g := New(1)
	for i := 0; i < b.N; i++ {
		_ = g.Story(i)
	}
}
