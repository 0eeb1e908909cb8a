package entities

import (
	"slices"
	"testing"

	"github.com/warwire/warwire/internal/synth"
)

// refScan is scan over ids looked up for every token first (the way
// lookupAll did before the look-ups were made on demand): the matches of
// the leftmost-longest phrases from every known word with a root child.
func refScan(d *doc, ix *Index) []match {
	ids := make([]int32, len(d.toks))
	for i := range ids {
		ids[i] = d.lookupTok(ix, i)
	}
	var out []match
	for i := 0; i < len(ids); i++ {
		if ids[i] < 0 || !ix.starts(ids[i]) {
			continue
		}
		best, bestNode, bestP := -1, int32(0), payload{}
		node, _ := ix.child(0, ids[i])
		for j := i; ; {
			if p, ok := d.payload(ix, node, i, j+1); ok {
				best, bestNode, bestP = j+1, node, p
			}
			if j+1 >= len(ids) || ids[j+1] < 0 || !d.joinable(j) {
				break
			}
			j++
			next, ok := ix.child(node, ids[j])
			if !ok {
				break
			}
			node = next
		}
		if best >= 0 {
			out = append(out, match{t0: i, t1: best, node: bestNode, p: bestP})
			i = best - 1
		}
	}
	return out
}

// scanMatches returns the matches scan finds in body, and refScan's.
func scanMatches(ix *Index, body, lang string) (got, want []match) {
	d := newDoc(body)
	defer d.release(false)
	d.lang = lang
	d.lookupAll(ix, lang)
	want = refScan(d, ix)
	d.scan(ix)
	return slices.Clone(d.matches), want
}

// TestScanMatchesEagerLookup checks that scan, which looks up only the
// tokens its filters pass, finds the phrases refScan finds with every
// token looked up, in English and in German (genitives).
func TestScanMatchesEagerLookup(t *testing.T) {
	ix := testIndex(t)
	g := synth.New(7)
	bodies := []string{
		"The U.S. Secretary of State met NATO chief Mark Rutte and the Kremlin's spokesman.",
		"Russlands Präsident sprach mit dem Bundeskanzler der Ukraine in Kyjiw.",
		"ВИБУХИ у Києві, заявив президент України Володимир Зеленський.",
	}
	for i := range 300 {
		bodies = append(bodies, g.Story(i).BodyText)
	}
	for _, body := range bodies {
		for _, lang := range []string{"en", "de"} {
			got, want := scanMatches(ix, body, lang)
			if !slices.Equal(got, want) {
				t.Fatalf("%s %.80q: scan %v, want %v", lang, body, got, want)
			}
		}
	}
}

// FuzzScan compares scan with refScan on any text, in English and German.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"", "the U.S. Secretary of State", "Russlands Präsident", "ЗЕЛЕНСЬКИЙ і Путін",
		"NATO chief, the Kremlin - European Union", "the the the United Nations Security Council"} {
		f.Add(s)
	}
	ix := testIndex(f)
	f.Fuzz(func(t *testing.T, body string) {
		for _, lang := range []string{"en", "de"} {
			if got, want := scanMatches(ix, body, lang); !slices.Equal(got, want) {
				t.Fatalf("%s %q: scan %v, want %v", lang, body, got, want)
			}
		}
	})
}
