package stance

import (
	"slices"
	"sort"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
	"github.com/warwire/warwire/pipeline/quotes"
)

// doc is one story prepared for stance detection.
type doc struct {
	*mention.Doc
	quotes []pipeline.Quote // the story's quotations (quotes.FromDoc)
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
	// The quotations are needed to bound the cue scan (see scanEnd);
	// found once and memoised on md, they cost the chain nothing extra, as
	// the quote stage takes them from there.
	d := &doc{Doc: md, quotes: quotes.FromDoc(md)}
	// The stances are gathered on the stack (a story states a few at
	// most) and returned in one allocation of their number.
	var buf [4]pipeline.Stance
	out := buf[:0]
	w := walk{si: -1}
	toks := d.Toks
	// The tokens that may start a cue are visited in order; the bound of
	// a sentence is worked out when the first of them falls in it.
	for k := cueIdx.next(toks, 0); k < len(toks); k = cueIdx.next(toks, k+1) {
		s := d.sentence(&w, k)
		if k >= w.end {
			k = s.Tok1 - 1 // no cue from here on in s states a stance
			continue
		}
		if cs := cueIdx.at(d, k); cs != nil {
			if st, ok := d.stanceAt(cs, k, *s); ok && !seen(out, &st) {
				out = append(out, st)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// walk is DetectDoc's place in the story: the sentence it is in (-1
// before the first) and the end of that sentence's cue scan, and the
// first mention and quotation not yet passed.
type walk struct {
	si, end int
	mi, qi  int
}

// sentence returns the sentence of token k, which follows the tokens
// visited before, and sets w.end to the end of its cue scan (see
// scanEnd) when k is the first token visited in it.
func (d *doc) sentence(w *walk, k int) *text.Sentence {
	si := int(d.SentOf[k])
	s := &d.Sents[si]
	if si != w.si {
		w.si = si
		w.end = d.scanEnd(w, s)
	}
	return s
}

// scanEnd returns the end of the cue scan of sentence s, which follows
// the sentences scanned before. Either a cue's target (active) or its
// holder (passive) is a mention starting after the cue in s, so a cue at
// or after the last mention's first token states no stance, unless it is
// quoted (a passive's holder may be the speaker, see quoteHolder).
func (d *doc) scanEnd(w *walk, s *text.Sentence) int {
	ms := d.Ms
	for w.mi < len(ms) && ms[w.mi].T0 < s.Tok1 {
		w.mi++
	}
	end := s.Tok0
	if w.mi > 0 {
		end = max(end, ms[w.mi-1].T0)
	}
	if end < s.Tok1 && len(d.quotes) > 0 {
		var spoken bool
		w.qi, spoken = d.spokenQuoteIn(int(d.Toks[end].RStart), int(d.Toks[s.Tok1-1].RStart), w.qi)
		if spoken {
			end = s.Tok1
		}
	}
	return end
}

// spokenQuoteIn reports whether a quotation with a speaker covers a code
// point offset in [a, b] (see quoteAt), searching from quotation qi on. It
// also returns the first quotation from qi on that ends after a: later
// calls, which ask about later offsets, may start there.
func (d *doc) spokenQuoteIn(a, b, qi int) (int, bool) {
	qs := d.quotes
	for qi < len(qs) && qs[qi].Span[1] <= a {
		qi++
	}
	for i := qi; i < len(qs) && qs[i].Span[0] <= b; i++ {
		if qs[i].Speaker != nil {
			return qi, true
		}
	}
	return qi, false
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
		if d.Is(firstPerson, j) {
			for i := range d.Ents {
				if d.Ents[i].ID == q.Speaker.ID {
					return i
				}
			}
		}
	}
	return -1
}
