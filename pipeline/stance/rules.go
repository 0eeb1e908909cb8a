package stance

import (
	"strings"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// stopTarget words end the search for a cue's object: "warned that China…"
// states no stance towards China.
var stopTarget = words.NewSet("that", "dass", "что", "що", "if",
	"whether", "as", "when", "while", "after", "because",
	"before", "not", "and", "und", "и", "і", "за")

// reportVerbs introduce reported speech: the stance belongs to their subject.
var reportVerbs = words.NewSet("said", "says", "told", "stated",
	"added", "insisted", "argued", "declared", "wrote",
	"sagte", "erklärte", "заявил", "заявила", "сказал",
	"сказала", "заявив", "сказав")

// accordingTo opens a source: "according to X", "по словам X".
var accordingTo = map[string]string{"according": "to", "по": "словам", "за": "словами",
	"laut": "", "selon": "", "según": ""}

// accordingWords are the keys of accordingTo.
var accordingWords = words.KeySet(accordingTo)

// Filters of the sets that holder tests every word before a cue against.
var (
	reportFilter    = reportVerbs.Filter()
	accordingFilter = accordingWords.Filter()
)

// stanceAt returns the stance whose cue, one of cs, starts at token k of
// sentence s.
func (d *doc) stanceAt(cs []cue, k int, s text.Sentence) (pipeline.Stance, bool) {
	c := d.cueAt(cs, k, s.Tok1)
	if c == nil || d.negated(k, s.Tok0) || c.verbOnly && (k == s.Tok0 || !d.Is(verbMarkers, k-1)) {
		return pipeline.Stance{}, false
	}
	c0, c1 := k, k+len(c.words)
	// The target first: without one there is no stance, whoever holds it,
	// and most cues have none (holder is the dearer search).
	var holder, target int
	if d.passive(c0, c1) {
		if target = d.Subject(c0-1, d.quoted); target >= 0 {
			holder = d.mentionAfter(c1+1, s.Tok1, 4)
		}
	} else if target = d.target(c1, s.Tok1, c); target >= 0 {
		holder = d.holder(c0, s)
	}
	if target < 0 {
		return pipeline.Stance{}, false
	}
	if q := d.quoteAt(c0); q != nil {
		holder = d.quoteHolder(q, c0)
	}
	if holder < 0 || target < 0 || d.Ents[holder].ID == d.Ents[target].ID {
		return pipeline.Stance{}, false
	}
	return pipeline.Stance{
		Holder:   *mention.Ref(&d.Ents[holder]),
		Target:   *mention.Ref(&d.Ents[target]),
		Polarity: c.polarity,
		Evidence: text.Valid(d.Body[s.Start:s.End]),
		Span:     pipeline.Span{s.RStart, s.REnd},
		Cue:      text.Valid(d.Body[d.Toks[c0].Start:d.Toks[c1-1].End]),
	}, true
}

// holder returns who states the cue at c0: the source of "according to X",
// the speaker of a reported-speech verb before it, the subject of a
// participle ("…, accusing Russia"), or the subject of the cue itself.
func (d *doc) holder(c0 int, s text.Sentence) int {
	if e, ok := d.Relative(c0, s.Tok0, d.quoted); ok {
		return e
	}
	if e := d.according(s.Tok0, c0); e >= 0 {
		return e
	}
	for v := d.maybeIn(reportFilter, s.Tok0, c0); v < c0; v = d.maybeIn(reportFilter, v+1, c0) {
		if d.Is(reportVerbs, v) && !d.quoted(v) && !d.coordinated(v, c0) {
			if e := d.Subject(v, d.quoted); e >= 0 {
				return e
			}
		}
	}
	if strings.HasSuffix(d.Word(c0), "ing") && c0 > 0 && d.Punct(c0-1, c0) {
		if e := d.LastPerson(c0, d.quoted); e >= 0 && d.inSentence(e, s, c0) {
			return e
		}
	}
	return d.Subject(c0, d.quoted)
}

// coordinated reports whether a new clause starts between tokens a and b
// (", and", ", but", ";"): a speech verb there does not govern the cue.
func (d *doc) coordinated(a, b int) bool {
	for i := a; i < b; i++ {
		g := d.Body[d.Toks[i].End:d.Toks[i+1].Start]
		if strings.Contains(g, ";") || strings.Contains(g, ",") && d.Is(clauseWords, i+1) {
			return true
		}
	}
	return false
}

// clauseWords after a comma start a coordinated clause.
var clauseWords = words.NewSet("and", "but", "while", "whereas",
	"und", "aber", "а", "но", "і", "и", "але")

// inSentence reports whether entity e is mentioned in s before token t.
func (d *doc) inSentence(e int, s text.Sentence, t int) bool {
	for k := d.From(s.Tok0); k < len(d.Ms) && d.Ms[k].T0 < t; k++ {
		if d.Ms[k].Ent == e {
			return true
		}
	}
	return false
}

// according returns the source named by "according to X" (or its
// equivalents) in tokens [a, b), or -1.
func (d *doc) according(a, b int) int {
	for j := d.maybeIn(accordingFilter, a, b); j < b; j = d.maybeIn(accordingFilter, j+1, b) {
		if !d.Is(accordingWords, j) || d.quoted(j) {
			continue
		}
		next := accordingTo[d.Word(j)]
		k := j + 1
		if next != "" {
			if k >= b || d.Word(k) != next {
				continue
			}
			k++
		}
		if e := d.mentionAfter(k, b, 4); e >= 0 {
			return e
		}
	}
	return -1
}

// cueAt returns the longest of cues cs (those starting with the word of
// token k) that ends before end, or nil.
func (d *doc) cueAt(cs []cue, k, end int) *cue {
	for i := range cs {
		c := &cs[i]
		if k+len(c.words) > end {
			continue
		}
		ok := true
		for i, w := range c.words[1:] {
			if d.Word(k+1+i) != w {
				ok = false
				break
			}
		}
		if ok {
			return c
		}
	}
	return nil
}

// negated reports whether a negation stands within three words before k.
// A word with a hash is of ASCII letters only (see text.Token), so has no
// apostrophe: the set's filter decides most of them without a call.
func (d *doc) negated(k, s0 int) bool {
	for j := k - 1; j >= s0 && j >= k-3; j-- {
		if d.Toks[j].LowerHash != 0 {
			if d.Is(negations, j) {
				return true
			}
			continue
		}
		w := d.Word(j)
		if negations.Has(w) || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// passive reports "was criticized by": an auxiliary before the cue and an
// agent word after it.
func (d *doc) passive(c0, c1 int) bool {
	return c0 > 0 && c1 < len(d.Toks) && d.Is(passiveAux, c0-1) && d.Is(agentWords, c1)
}

// target returns the object entity of cue c ending at c1; a country or
// organisation naming a person's office stands for the person ("criticized
// Indian Prime Minister Narendra Modi": Modi).
func (d *doc) target(c1, end int, c *cue) int {
	content := 0 // lower-case words between the cue and the target
	for j := c1; j < end && j <= c1+c.reach; j++ {
		if j > c1 && (d.Is(stopTarget, j-1) || d.Punct(j-1, j)) {
			return -1
		}
		k := d.MentionAt(j)
		if k < 0 {
			if !d.Toks[j].Has(text.Upper) && !d.Is(targetFiller, j) {
				content++
			}
			continue
		}
		if c.needPrep && (j == c1 || !d.Is(targetPreps, j-1)) {
			continue
		}
		// "criticized the plan to push Ukraine": the object is the plan.
		if !c.needPrep && content > 0 && (j == c1 || !d.Is(agentPreps, j-1) || content > 2) {
			return -1
		}
		if p := d.ModifiedPerson(k); p >= 0 {
			return d.Ms[p].Ent
		}
		return d.Ms[k].Ent
	}
	return -1
}

// targetFiller words may stand between a cue and its object.
var targetFiller = words.NewSet("the", "a", "an", "of", "to",
	"for", "on", "over", "against", "with", "its", "his",
	"her", "their", "die", "der", "den", "das", "dem",
	"la", "le", "les", "el", "publicly", "openly",
	"sharply", "strongly", "again", "repeatedly", "also")

// agentPreps introduce the entity behind a noun object: "the efforts by
// Washington", "the decision of Germany".
var agentPreps = words.NewSet("by", "of", "from")

// mentionAfter returns the entity of the first mention within n tokens from k.
func (d *doc) mentionAfter(k, end, n int) int {
	for j := k; j < end && j < k+n; j++ {
		if m := d.MentionAt(j); m >= 0 {
			if p := d.ModifiedPerson(m); p >= 0 {
				return d.Ms[p].Ent
			}
			return d.Ms[m].Ent
		}
	}
	return -1
}
