package places_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
)

// FuzzProcess feeds the stage arbitrary bodies, headlines, datelines and
// entity spans: it must not panic or fail the story, and every span must lie
// inside the body, in order, and cover the text it names.
func FuzzProcess(f *testing.F) {
	seeds := []struct{ body, head, dl string }{
		{"Shelling hit Kharkiv and the Kursk region overnight.", "Kharkiv hit", "KYIV"},
		{"", "", ""},
		{"KYIV KHARKIV ODESA DONBAS THE BLACK SEA", "ALL CAPS", "LUCERNE, Switzerland"},
		{"У Києві та в Харкові лунали вибухи. В Москве заявили.", "Київ", "КИЇВ"},
		{"the the the Dnipro the", "the", "the"},
		{"\xff\xfe Kyiv \x00 Odesa", "\xc3", "\xe2\x80"},
		{"Kursk and Belgorod regions, Mar'inka, Kyiv's, St. Petersburg.", "", "("},
	}
	for _, s := range seeds {
		f.Add(s.body, s.head, s.dl, 0, 4)
	}
	s := newStage(f)
	f.Fuzz(func(t *testing.T, body, head, dl string, es, ee int) {
		n := utf8.RuneCountInString(body)
		st := &pipeline.Story{Body: body, Headline: head, Dateline: &pipeline.Dateline{Text: dl}}
		if es >= 0 && ee > es && ee <= n {
			st.Entities = []pipeline.Entity{{ID: "x", Type: pipeline.EntityPerson, Mentions: 1, Spans: []pipeline.Span{{es, ee}}}}
		}
		if err := s.Process(context.Background(), []*pipeline.Story{st}); err != nil {
			t.Fatal(err)
		}
		if st.Failed() {
			t.Fatalf("story failed: %v", st.Failure)
		}
		runes := []rune(body)
		for _, p := range st.Places {
			last := -1
			if p.ID == "" || p.Name == "" || p.Location == nil || p.Mentions < len(p.Spans) || p.Mentions == 0 {
				t.Fatalf("bad place %+v", p)
			}
			for _, sp := range p.Spans {
				if sp[0] < 0 || sp[1] > n || sp[0] >= sp[1] || sp[0] < last {
					t.Fatalf("bad span %v (body %d runes) in %+v", sp, n, p)
				}
				last = sp[1]
				if len(st.Entities) > 0 {
					e := st.Entities[0].Spans[0]
					if sp[0] < e[1] && e[0] < sp[1] {
						t.Fatalf("span %v overlaps entity %v", sp, e)
					}
				}
				_ = string(runes[sp[0]:sp[1]])
			}
		}
	})
}
