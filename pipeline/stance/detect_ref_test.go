package stance

import (
	"reflect"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/synth"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/quotes"
)

// refDetectDoc is DetectDoc as it was before the cue scan visited the cue
// candidates once: every sentence's bound worked out first, then its cues
// scanned up to it. It is the reference the tests compare DetectDoc with.
func refDetectDoc(md *mention.Doc) []pipeline.Stance {
	if len(md.Ents) < 2 {
		return nil
	}
	d := &doc{Doc: md, quotes: quotes.FromDoc(md)}
	var out []pipeline.Stance
	toks, ms, mi, qi := d.Toks, d.Ms, 0, 0
	for si := range d.Sents {
		s := &d.Sents[si]
		for mi < len(ms) && ms[mi].T0 < s.Tok1 {
			mi++
		}
		end := s.Tok0
		if mi > 0 {
			end = max(end, ms[mi-1].T0)
		}
		if end < s.Tok1 && len(d.quotes) > 0 {
			var spoken bool
			qi, spoken = d.spokenQuoteIn(int(toks[end].RStart), int(toks[s.Tok1-1].RStart), qi)
			if spoken {
				end = s.Tok1
			}
		}
		for k := cueIdx.next(toks[:end], s.Tok0); k < end; k = cueIdx.next(toks[:end], k+1) {
			if cs := cueIdx.at(d, k); cs != nil {
				if st, ok := d.stanceAt(cs, k, *s); ok && !seen(out, &st) {
					out = append(out, st)
				}
			}
		}
	}
	return out
}

// checkSameStances fails t when DetectDoc and refDetectDoc disagree on
// body, and returns how many stances they found.
func checkSameStances(t *testing.T, body string, ents []pipeline.Entity) int {
	t.Helper()
	got, want := DetectDoc(mention.NewDoc(body, ents)), refDetectDoc(mention.NewDoc(body, ents))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("DetectDoc(%q) = %+v, want %+v", body, got, want)
	}
	return len(got)
}

// TestDetectDocRef compares DetectDoc with refDetectDoc on synthetic stories.
func TestDetectDocRef(t *testing.T) {
	detect(t, "") // loads the index
	g := synth.New(3)
	n := 0
	for i := range 300 {
		body := g.Story(i).BodyText
		n += checkSameStances(t, body, ix.Recognize(body, time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC), "en"))
	}
	if n < 100 {
		t.Errorf("%d stances in 300 stories: the comparison says little", n)
	}
}
