package quotes

import (
	"strings"

	"github.com/warwire/warwire/pipeline/entities/text"
)

// quoted reports whether token t lies inside a quotation.
func (d *doc) quoted(t int) bool { return d.inQuote[uint(t)/64]>>(uint(t)%64)&1 != 0 }

// newPara reports whether a paragraph break lies between tokens k-1 and k.
// Only a gap flagged text.MarkGap may hold a line break.
func (d *doc) newPara(k int) bool {
	return k > 0 && k < len(d.Toks) && d.Toks[k-1].Flags&text.MarkGap != 0 &&
		hasNewline(d.Body[d.Toks[k-1].End:d.Toks[k].Start])
}

// breakAfter is text.BreakAfter(d.Body, d.Toks, k), called only for a
// token whose gap may end a sentence (text.MayBreak) or the last one.
func (d *doc) breakAfter(k int) bool {
	return (d.Toks[k].Flags&text.MayBreak != 0 || k+1 >= len(d.Toks)) && text.BreakAfter(d.Body, d.Toks, k)
}

// hasNewline reports whether g holds a '\n'. The gaps between tokens are a
// few bytes long: a plain loop beats a call to strings.IndexByte.
func hasNewline(g string) bool {
	for i := 0; i < len(g); i++ {
		if g[i] == '\n' {
			return true
		}
	}
	return false
}

// Filters of the sets that pre and post test the words around a quotation
// against.
var (
	speechFilter    = speechVerbs.Filter()
	accordingFilter = accordingWords.Filter()
)

// mayAccord reports whether token k may open "according to": false for
// most words, by the set's filter, without a call.
func (d *doc) mayAccord(k int) bool {
	h := d.Toks[k].LowerHash
	return h == 0 || accordingFilter.MayHave(h)
}

// maySay reports whether token k may be a speech verb: false for most
// words, by the set's filter, without a call.
func (d *doc) maySay(k int) bool {
	h := d.Toks[k].LowerHash
	return h == 0 || speechFilter.MayHave(h)
}

// speaker is an attribution result: an entity index, or -1.
type speaker = int

// post looks for the attribution after quotation qi: `,” X said`,
// `,” said X`, `,” according to X`.
func (d *doc) post(qi int) speaker {
	q := &d.quotes[qi]
	if q.openEnded {
		return -1
	}
	t := q.tClose
	for k := t; k < len(d.Toks) && k < t+10; k++ {
		if d.quoted(k) || d.newPara(k) {
			break
		}
		if d.maySay(k) && d.Is(speechVerbs, k) && (k == t || !d.Is(weakVerbs, k)) {
			if k == t {
				return d.after(k+1, 8)
			}
			return d.between(t, k)
		}
		if d.mayAccord(k) {
			if e := d.according(k); e >= 0 {
				return e
			}
		}
		if d.breakAfter(k) {
			break
		}
	}
	return -1
}

// pre looks for the attribution before quotation qi in its own sentence:
// `X said: “`, `X said that Beijing “values…”`, `X: “`. mid is
// d.midSentence(qi), which the caller knows already.
func (d *doc) pre(qi int, mid bool) speaker {
	q := &d.quotes[qi]
	t := q.tOpen - 1
	if t < 0 || d.quoted(t) || d.newPara(t+1) {
		return -1
	}
	colon := strings.Contains(d.Body[d.Toks[t].End:q.open], ":")
	if !colon && !mid {
		return -1
	}
	// The words of the sentence before the quotation, back to its start
	// or to an earlier quotation.
	s0 := d.Sents[d.SentOf[t]].Tok0
	for k := t; k >= s0 && !d.quoted(k); k-- {
		if d.mayAccord(k) {
			if e := d.according(k); e >= 0 {
				return e
			}
		}
		if d.maySay(k) && d.Is(speechVerbs, k) && !d.Is(weakVerbs, k) {
			if e := d.Subject(k, d.quoted); e >= 0 {
				return e
			}
			if colon {
				return d.after(k+1, t-k)
			}
			return -1
		}
	}
	if m := d.At[t]; colon && m >= 0 {
		return d.Ms[m].Ent
	}
	return -1
}

// according resolves "according to X" / "по словам X" starting at token k.
func (d *doc) according(k int) speaker {
	if !d.Is(accordingWords, k) {
		return -1
	}
	next := accordingTo[d.Word(k)]
	// "за його словами", "по его словам": according to him or her.
	if k+2 < len(d.Toks) && next != "" && possessivePronouns[d.Word(k+1)] && d.Word(k+2) == next {
		return d.LastPerson(k, d.quoted)
	}
	if next == "" {
		return d.after(k+1, 6)
	}
	if k+1 < len(d.Toks) && d.Word(k+1) == next {
		return d.after(k+2, 6)
	}
	return -1
}

// possessivePronouns stand between "за"/"по" and "словами"/"словам".
var possessivePronouns = map[string]bool{"його": true, "її": true, "его": true, "ее": true, "её": true}

// after returns the entity of the first mention (or pronoun) within n tokens
// from k in the same sentence; a country naming a person's office stands for
// the person.
func (d *doc) after(k, n int) speaker {
	if k >= len(d.Toks) {
		return -1
	}
	s := d.SentOf[k]
	for j := k; j < len(d.Toks) && j < k+n && d.SentOf[j] == s && !d.quoted(j); j++ {
		if m := d.MentionAt(j); m >= 0 {
			if p := d.ModifiedPerson(m); p >= 0 {
				return d.Ms[p].Ent
			}
			return d.Ms[m].Ent
		}
		if d.IsPronoun(j) {
			return d.Pronoun(j, d.quoted)
		}
	}
	return -1
}

// between returns the subject in tokens [a, b) before a verb at b: the first
// mention that is not a modifier, or a pronoun's referent.
func (d *doc) between(a, b int) speaker {
	for j := a; j < b; j++ {
		if m := d.MentionAt(j); m >= 0 {
			if p := d.ModifiedPerson(m); p >= 0 {
				return d.Ms[p].Ent
			}
			return d.Ms[m].Ent
		}
	}
	for j := a; j < b; j++ {
		if d.IsPronoun(j) {
			return d.Pronoun(j, d.quoted)
		}
		if e, ok := d.Definite(j); ok {
			return e
		}
	}
	return -1
}
