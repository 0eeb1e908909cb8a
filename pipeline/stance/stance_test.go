package stance

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities"
)

var (
	once sync.Once
	ix   *entities.Index
)

func detect(t testing.TB, body string) []string {
	t.Helper()
	once.Do(func() {
		var err error
		if ix, err = entities.LoadIndex(""); err != nil {
			panic(err)
		}
	})
	ents := ix.Recognize(body, time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC), "en")
	var out []string
	runes := []rune(body)
	for _, s := range Detect(body, ents) {
		if s.Span[0] < 0 || s.Span[1] > len(runes) || string(runes[s.Span[0]:s.Span[1]]) != s.Evidence ||
			!utf8.ValidString(s.Cue) || !utf8.ValidString(s.Evidence) {
			t.Errorf("stance %+v: span does not hold the evidence", s)
		}
		out = append(out, fmt.Sprintf("%s>%s:%s", s.Holder.Name, s.Target.Name, s.Polarity))
	}
	return out
}

func TestStanceRules(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"active", "Zelenskyy criticized Viktor Orbán over the veto.", []string{"Volodymyr Zelenskyy>Viktor Orbán:oppose"}},
		{"support", "Germany has pledged support for Ukraine.", []string{"Germany>Ukraine:support"}},
		{"demonym target", "Kyiv accused Russian forces of shelling the plant.", []string{"Ukraine>Russia:oppose"}},
		{"passive", "Orbán was criticized by Donald Tusk on Friday.", []string{"Donald Tusk>Viktor Orbán:oppose"}},
		{"negated", "Modi did not condemn Russia at the summit.", nil},
		{"apposition", "Moldova's deputy prime minister, Oleg Serebrian, accused Moscow of meddling.", []string{"Oleg Serebrian>Russia:oppose"}},
		{"reported speech", "Emmanuel Macron said France firmly backs Ukraine.", []string{"Emmanuel Macron>Ukraine:support"}},
		{"participle", "“They struck again,” Zelenskyy wrote, accusing Russia of terror.", []string{"Volodymyr Zelenskyy>Russia:oppose"}},
		{"first person quote", "“We condemn Russia's attack,” Olaf Scholz said.", []string{"Olaf Scholz>Russia:oppose"}},
		{"third person quote", "“China backs Russia,” Stoltenberg said.", nil},
		{"relative clause", "Russia struck facilities that supported Ukraine's army.", nil},
		{"clause", "Poland has said it will help, and Olaf Scholz thanked Ukraine.", []string{"Olaf Scholz>Ukraine:support"}},
		{"no target entity", "Peskov criticized the summit.", nil},
	} {
		got := detect(t, c.body)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: %q\n got  %v\n want %v", c.name, c.body, got, c.want)
		}
	}
}

func TestStageSkipsFailed(t *testing.T) {
	s := &pipeline.Story{Body: "x", Entities: []pipeline.Entity{{ID: "a"}, {ID: "b"}}}
	s.Fail("decode", pipeline.ReasonInvalidJSON, nil)
	if err := New().Process(context.Background(), []*pipeline.Story{s}); err != nil || s.Stances != nil {
		t.Errorf("err %v, stances %v", err, s.Stances)
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "Zelenskyy criticized Orbán.", "“We back Kyiv,” Biden said.", "\xff accused Moscow \xfe",
		"was condemned by", "Moscow Moscow accused accused Kyiv Kyiv"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		detect(t, body)
		checkSameStances(t, body, ix.Recognize(body, time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC), "en"))
	})
}
