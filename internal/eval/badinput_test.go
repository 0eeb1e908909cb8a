package eval

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities"
	"github.com/warwire/warwire/pipeline/quotes"
	"github.com/warwire/warwire/pipeline/stance"
)

const paragraph = "Ukrainian President Volodymyr Zelenskyy said on Monday that Russian forces had shelled Kharkiv again. " +
	"“We need more air defence now,” he told reporters, accusing Moscow of targeting homes. " +
	"The Kremlin denied it, and Dmitry Peskov criticized NATO for sending weapons.\n\n"

// TestBadInput runs the entity, stance and quote stages over hostile bodies:
// each must give a valid result (spans inside the body, valid UTF-8).
func TestBadInput(t *testing.T) {
	ent, err := entities.New(entities.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	stages := []pipeline.Stage{ent, stance.New(), quotes.New()}
	bodies := map[string]string{
		"empty":          "",
		"1 MB":           strings.Repeat(paragraph, (1<<20)/len(paragraph)+1),
		"no punctuation": strings.Repeat("Zelenskyy said Russia attacked Kyiv and Biden backed Ukraine ", 200),
		"all capitals":   strings.ToUpper(strings.Repeat(paragraph, 5)),
		"mixed scripts":  "Зеленський said «Ми вистоїмо» 🙂 while 習近平 and Putin’s aides met في موسكو. " + paragraph,
		"invalid UTF-8":  "Putin\xff said “\xfe\xfd”, accusing \xc3 Kyiv" + paragraph[:120] + "\xe2\x80",
		"only marks":     strings.Repeat("“«„‘\"", 1000),
	}
	for name, body := range bodies {
		st := &pipeline.Story{Body: body, VersionCreated: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
		for _, s := range stages {
			if err := s.Process(context.Background(), []*pipeline.Story{st}); err != nil {
				t.Fatalf("%s: %s: %v", name, s.Name(), err)
			}
		}
		checkStory(t, name, st)
	}
}

func checkStory(t *testing.T, name string, st *pipeline.Story) {
	t.Helper()
	n := utf8.RuneCountInString(st.Body)
	inside := func(sp pipeline.Span) bool { return sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= n }
	for _, e := range st.Entities {
		if !utf8.ValidString(e.Name) || e.Mentions != len(e.Spans) {
			t.Errorf("%s: entity %+v", name, e)
		}
		for _, sp := range e.Spans {
			if !inside(sp) {
				t.Errorf("%s: entity %s span %v outside %d code points", name, e.Name, sp, n)
			}
		}
	}
	for _, s := range st.Stances {
		if !inside(s.Span) || !utf8.ValidString(s.Evidence) || !utf8.ValidString(s.Cue) {
			t.Errorf("%s: stance %+v", name, s)
		}
	}
	for _, q := range st.Quotes {
		if !inside(q.Span) || !utf8.ValidString(q.Text) {
			t.Errorf("%s: quote %+v", name, q)
		}
	}
	if name == "1 MB" && (len(st.Entities) == 0 || len(st.Quotes) == 0 || len(st.Stances) == 0) {
		t.Errorf("1 MB body: %d entities, %d stances, %d quotes; want some of each", len(st.Entities), len(st.Stances), len(st.Quotes))
	}
}
