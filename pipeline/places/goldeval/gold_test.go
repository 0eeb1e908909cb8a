// Package goldeval scores the places stage against the shared gold set. It
// lives apart from the stage's unit tests because it runs the stages before
// places (decode, normalize, entities), which other engineers own.
package goldeval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/decode"
	"github.com/warwire/warwire/pipeline/entities"
	"github.com/warwire/warwire/pipeline/normalize"
	"github.com/warwire/warwire/pipeline/places"
)

// goldPath is the shared gold set (written by hand for warwire).
var goldPath = filepath.Join("..", "..", "..", "testdata", "gold", "gold.jsonl")

// goldLine is one line of the gold set; only the places are read here.
type goldLine struct {
	Split string          `json:"split"`
	Story json.RawMessage `json:"story"`
	Gold  struct {
		Places []goldPlace `json:"places"`
	} `json:"gold"`
}

type goldPlace struct {
	Name        string  `json:"name"`
	CountryCode string  `json:"country_code"`
	Kind        string  `json:"kind"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
}

// matchKM is the evaluation's distance rule.
const matchKM = 50.0

// TestGoldPlaces scores the places of the gold set's split (dev by default;
// WARWIRE_GOLD_SPLIT=holdout for the final check only) with the 50-km rule.
// It runs decode, normalize, entities and places, and fails under the target
// F1 of 0.90.
func TestGoldPlaces(t *testing.T) {
	split := os.Getenv("WARWIRE_GOLD_SPLIT")
	if split == "" {
		split = "dev"
	}
	lines := readGold(t, split)
	chain := stagesUpToPlaces(t)
	var tp, np, ng int
	for _, gl := range lines {
		st := &pipeline.Story{Raw: gl.Story}
		runChain(t, chain, st)
		if os.Getenv("WARWIRE_GOLD_DEBUG") == "2" {
			t.Logf("body %d bytes, text %d, lang %q", len(st.Body), len(st.BodyText), st.Language)
		}
		m, fps, fns := matchPlaces(st.Places, gl.Gold.Places)
		if os.Getenv("WARWIRE_GOLD_DEBUG") != "" {
			debugPlaces(t, st, fns)
		}
		tp, np, ng = tp+m, np+len(st.Places), ng+len(gl.Gold.Places)
		for _, s := range fps {
			t.Logf("%s: false place %s", st.URI, s)
		}
		for _, s := range fns {
			t.Logf("%s: missed place %s", st.URI, s)
		}
	}
	p, r := ratio(tp, np), ratio(tp, ng)
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("places on %s (%d stories): precision %.3f recall %.3f F1 %.3f (tp %d, predicted %d, gold %d)",
		split, len(lines), p, r, f1, tp, np, ng)
	fmt.Printf("places %s: P=%.3f R=%.3f F1=%.3f\n", split, p, r, f1)
	if f1 < 0.90 {
		t.Errorf("places F1 %.3f is under the 0.90 target", f1)
	}
}

func readGold(t testing.TB, split string) []goldLine {
	t.Helper()
	f, err := os.Open(goldPath)
	if err != nil {
		t.Fatalf("gold set: %v", err)
	}
	defer f.Close()
	var out []goldLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var gl goldLine
		if err := json.Unmarshal(sc.Bytes(), &gl); err != nil {
			t.Fatalf("gold line: %v", err)
		}
		if gl.Split == split {
			out = append(out, gl)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("gold set: %v", err)
	}
	if len(out) == 0 {
		t.Fatalf("no %s stories in %s", split, goldPath)
	}
	return out
}

// stagesUpToPlaces builds the stages the places stage depends on, in the
// worker's order: decode, normalize, entities, places. (Built directly rather
// than through enrich, so a later stage that does not compile cannot stop
// this evaluation.)
func stagesUpToPlaces(t testing.TB) pipeline.Chain {
	t.Helper()
	ents, err := entities.NewFromEnv()
	if err != nil {
		t.Fatalf("entities: %v", err)
	}
	pl, err := places.New(places.DefaultConfig())
	if err != nil {
		t.Fatalf("places: %v", err)
	}
	return pipeline.Chain{decode.New(decode.DefaultConfig()), normalize.New(), ents, pl}
}

// runChain runs the chain over one story.
func runChain(t *testing.T, chain pipeline.Chain, st *pipeline.Story) {
	t.Helper()
	if err := chain.Process(context.Background(), []*pipeline.Story{st}); err != nil {
		t.Fatalf("chain: %v", err)
	}
	if st.Failed() {
		t.Fatalf("story failed: %v", st.Failure)
	}
}

// matchPlaces pairs predictions with gold places one to one: same name within
// 50 km first, then any within 50 km, nearest first.
func matchPlaces(pred []pipeline.Place, gold []goldPlace) (int, []string, []string) {
	usedP, usedG := make([]bool, len(pred)), make([]bool, len(gold))
	n := 0
	for _, sameName := range []bool{true, false} {
		for {
			bi, bj, bd := -1, -1, math.Inf(1)
			for i, p := range pred {
				for j, g := range gold {
					if usedP[i] || usedG[j] || p.Location == nil {
						continue
					}
					if sameName && !strings.EqualFold(p.Name, g.Name) {
						continue
					}
					if d := distKM(p.Location.Lat, p.Location.Lon, g.Lat, g.Lon); d <= matchKM && d < bd {
						bi, bj, bd = i, j, d
					}
				}
			}
			if bi < 0 {
				break
			}
			usedP[bi], usedG[bj] = true, true
			n++
		}
	}
	var fps, fns []string
	for i, p := range pred {
		if !usedP[i] {
			fps = append(fps, fmt.Sprintf("%s (%s %s, %s)", p.Name, p.CountryCode, p.Kind, p.ID))
		}
	}
	for j, g := range gold {
		if !usedG[j] {
			fns = append(fns, fmt.Sprintf("%s (%s %s %.2f,%.2f)", g.Name, g.CountryCode, g.Kind, g.Lat, g.Lon))
		}
	}
	return n, fps, fns
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func distKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// debugPlaces shows where predictions and misses sit in the text.
func debugPlaces(t *testing.T, st *pipeline.Story, fns []string) {
	body := []rune(st.Body)
	for _, p := range st.Places {
		if len(p.Spans) == 0 {
			t.Logf("  %s => %s (dateline or captions only)", p.Name, p.ID)
			continue
		}
		sp := p.Spans[0]
		a, b := max(sp[0]-40, 0), min(sp[1]+40, len(body))
		t.Logf("  %s => %s [%s]", p.Name, p.ID, strings.ReplaceAll(string(body[a:b]), "\n", " "))
	}
	for _, f := range fns {
		name, _, _ := strings.Cut(f, " (")
		first, _, _ := strings.Cut(name, " ")
		i := strings.Index(strings.ToLower(st.Body), strings.ToLower(first))
		if i < 0 {
			t.Logf("  MISS %s: not in body (headline %q, dateline %v)", name, st.Headline, st.Dateline)
			continue
		}
		rb := []rune(st.Body[:i])
		a := max(len(rb)-40, 0)
		t.Logf("  MISS %s: [%s]", name, strings.ReplaceAll(string(body[a:min(len(rb)+60, len(body))]), "\n", " "))
	}
}

// BenchmarkPlacesOnGold runs only the places stage over every gold story
// (decoded, normalised and entity-tagged once, beforehand): throughput on
// realistic wire copy in English, Ukrainian, Russian and German.
func BenchmarkPlacesOnGold(b *testing.B) {
	var stories []*pipeline.Story
	chain := stagesUpToPlaces(b)
	for _, split := range []string{"dev", "holdout"} {
		for _, gl := range readGold(b, split) {
			st := &pipeline.Story{Raw: gl.Story}
			if err := chain[:3].Process(context.Background(), []*pipeline.Story{st}); err != nil {
				b.Fatal(err)
			}
			stories = append(stories, st)
		}
	}
	pl := chain[3]
	var n int64
	for _, st := range stories {
		n += int64(len(st.Body))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := testenv.CPUTime()
	for b.Loop() {
		if err := pl.Process(context.Background(), stories); err != nil {
			b.Fatal(err)
		}
	}
	ns := float64(testenv.CPUTime()-cpu) / float64(b.N)
	b.ReportMetric(ns/1e6, "cpu-ms/op")
	b.ReportMetric(float64(n)/ns*1e3, "cpu-MB/s")
	b.ReportMetric(float64(len(stories)), "stories/op")
}
