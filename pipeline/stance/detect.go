package stance

import (
	"sort"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/words"
	"github.com/warwire/warwire/pipeline/quotes"
)

// doc is one story prepared for stance detection.
type doc struct {
	*mention.Doc
	quotes     []pipeline.Quote // set with quotesDone, at the first cue
	quotesDone bool
}

// Detect returns the stances stated in body between the story's entities:
// for every sentence with a cue phrase, the subject entity before the cue
// (or the agent after "by" in the passive) towards the object entity after
// it. Reported speech belongs to the speaker ("X said Y supports Z": X), and
// inside a quotation whose subject is "we" or "I" the speaker holds the
// stance. Negated cues are dropped; each (holder, target, polarity) appears
// once, with its first evidence.
func Detect(body string, ents []pipeline.Entity) []pipeline.Stance {
	if len(ents) < 2 {
		return nil
	}
	return DetectDoc(mention.NewDoc(body, ents))
}

// DetectDoc is Detect over a story already prepared by the mention package.
func DetectDoc(md *mention.Doc) []pipeline.Stance {
	if len(md.Ents) < 2 {
		return nil
	}
	d := &doc{Doc: md}
	var out []pipeline.Stance
	toks, si := d.Toks, 0
	for k := cueIdx.next(toks, 0); k < len(toks); k = cueIdx.next(toks, k+1) {
		cs := cueIdx.at(d, k)
		if cs == nil {
			continue
		}
		for si < len(d.Sents) && d.Sents[si].Tok1 <= k {
			si++
		}
		if si == len(d.Sents) {
			break
		}
		s := d.Sents[si]
		if k < s.Tok0 { // between sentences
			continue
		}
		if !d.quotesDone { // needed from the first cue on
			d.quotes, d.quotesDone = quotes.FromDoc(md), true
		}
		if st, ok := d.stanceAt(cs, k, s); ok && !seen(out, &st) {
			out = append(out, st)
		}
	}
	return out
}

// seen reports whether out holds a stance with st's holder, target and
// polarity.
func seen(out []pipeline.Stance, st *pipeline.Stance) bool {
	for i := range out {
		o := &out[i]
		if o.Holder.ID == st.Holder.ID && o.Target.ID == st.Target.ID && o.Polarity == st.Polarity {
			return true
		}
	}
	return false
}

// quoteAt returns the quotation covering token t, or nil.
func (d *doc) quoteAt(t int) *pipeline.Quote {
	r := int(d.Toks[t].RStart)
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].Span[1] > r })
	if i < len(d.quotes) && d.quotes[i].Span[0] <= r {
		return &d.quotes[i]
	}
	return nil
}

// is reports whether the word of token k is in set, with the hash the
// tokenizer computed for it.
func (d *doc) is(set *words.Set, k int) bool {
	if h := d.Toks[k].LowerHash; h != 0 && !set.MayHaveHash(h) {
		return false // most words, without a call
	}
	return set.HasHash(d.Word(k), d.Toks[k].LowerHash)
}

// maybeIn returns the first token from k before end that may be in the
// set whose filter is f (see words.Set.Filter), or end: the loop rejects
// most ASCII words by their hash without a call.
func (d *doc) maybeIn(f words.Filter, k, end int) int {
	if k >= end {
		return end
	}
	toks := d.Toks[k:end]
	for i := range toks {
		if h := toks[i].LowerHash; h == 0 || f.MayHave(h) {
			return k + i
		}
	}
	return end
}

// quoted reports whether token t lies inside a quotation.
func (d *doc) quoted(t int) bool { return d.quoteAt(t) != nil }

// quoteHolder decides who holds a stance whose cue c0 lies inside quotation
// q: its speaker when the quoted subject is "we" or "I", nobody otherwise
// (the speaker may be reporting someone else's position).
func (d *doc) quoteHolder(q *pipeline.Quote, c0 int) int {
	if q.Speaker == nil {
		return -1
	}
	for j := c0 - 1; j >= 0 && j >= c0-3 && int(d.Toks[j].RStart) >= q.Span[0]; j-- {
		if d.is(firstPerson, j) {
			for i := range d.Ents {
				if d.Ents[i].ID == q.Speaker.ID {
					return i
				}
			}
		}
	}
	return -1
}
