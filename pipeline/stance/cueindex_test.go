package stance

import (
	"strings"
	"testing"
	"unicode"

	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// TestCueIndex checks that the index finds the cues of every first word,
// none for other words, and that no cue word has a digit (next skips
// tokens with one).
func TestCueIndex(t *testing.T) {
	m := buildCues()
	for w, cs := range m {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			t.Errorf("cue word %q has a digit", w)
		}
		h := words.FNV(w)
		if !cueIdx.mayHave(h) || len(cueIdx.lookup(w, h)) != len(cs) {
			t.Errorf("cues of %q not found", w)
		}
	}
	for _, w := range []string{"the", "said", "Ukraine", "backedx", "обвинилa", ""} {
		if cueIdx.lookup(w, words.FNV(w)) != nil {
			t.Errorf("lookup(%q) found cues", w)
		}
	}
}

// TestCueNext checks that next stops at every token that starts a cue, in
// plain and non-ASCII text, and skips tokens with a digit.
func TestCueNext(t *testing.T) {
	body := "In 2024 the minister criticized Moscow; Путин осудил Киев and 3rd backed x."
	toks := text.Tokenize(nil, body)
	lower := text.LowerSameLength(body)
	var got []string
	for k := cueIdx.next(toks, 0); k < len(toks); k = cueIdx.next(toks, k+1) {
		if strings.ContainsAny(toks[k].Text(body), "0123456789") {
			t.Errorf("next stopped at %q", toks[k].Text(body))
		}
		w := lower[toks[k].Start:toks[k].End]
		if cueIdx.lookup(w, words.FNV(w)) != nil {
			got = append(got, w)
		}
	}
	if want := "criticized осудил backed"; strings.Join(got, " ") != want {
		t.Errorf("cues %q, want %q", got, want)
	}
}
