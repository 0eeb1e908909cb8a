package quotes

import (
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// Extract returns the direct quotations of body with their speakers, linked
// to ents (the story's entities, whose spans index body). Text is the quoted
// content without the marks and Span its code point range; Speaker is nil
// when no attribution is found.
func Extract(body string, ents []pipeline.Entity) []pipeline.Quote {
	if !hasQuoteMark(body) {
		return nil
	}
	return FromDoc(mention.NewDoc(body, ents))
}

// hasQuoteMark reports whether s holds any character that can open a quote:
// " (22), “ (E2 80 9C), „ (E2 80 9E), ‘ (E2 80 98), ‹ (E2 80 B9) or
// « (C2 AB). Their lead bytes never continue another character, so a byte
// search finds exactly the characters a rune search would.
func hasQuoteMark(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0xAB {
				return true
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 {
				switch s[i+2] {
				case 0x9C, 0x9E, 0x98, 0xB9:
					return true
				}
			}
		}
	}
	return false
}

// FromDoc is Extract over a story already prepared by mention.NewDoc, for
// stages that share the preparation. The result is memoised on md: every
// caller gets the same slice and must not modify it.
func FromDoc(md *mention.Doc) []pipeline.Quote {
	if !md.QuotesDone {
		md.Quotes, md.QuotesDone = fromDoc(md), true
	}
	return md.Quotes
}

func fromDoc(md *mention.Doc) []pipeline.Quote {
	d := newDoc(md)
	defer d.free()
	if len(d.quotes) == 0 {
		return nil
	}
	return d.output(d.speakers())
}

// speakers attributes every quotation: from the words around it, else from
// the quotation it continues, a neighbour in its paragraph, or the paragraph
// before it.
func (d *doc) speakers() []speaker {
	who := d.who[:0]
	for qi := range d.quotes {
		who = append(who, d.attribute(qi))
	}
	d.who = who
	for qi := range d.quotes {
		q := &d.quotes[qi]
		switch {
		case who[qi] >= 0:
		case q.cont && qi > 0 && who[qi-1] >= 0:
			who[qi] = who[qi-1]
		default:
			who[qi] = d.sameParagraph(who, qi)
			if who[qi] < 0 && d.leadsParagraph(qi) {
				who[qi] = d.carryOver(who, qi)
			}
		}
	}
	// A quote left open at a paragraph end takes the speaker of the
	// paragraph that continues it ("“… \n\n“…,” X said").
	for qi := len(who) - 2; qi >= 0; qi-- {
		if who[qi] < 0 && d.quotes[qi].openEnded && d.quotes[qi+1].cont {
			who[qi] = who[qi+1]
		}
	}
	return who
}

// output builds the quotes: text without marks or a trailing comma, its
// code point span, and the speaker's reference.
func (d *doc) output(who []speaker) []pipeline.Quote {
	out := make([]pipeline.Quote, 0, len(d.quotes))
	var refs []pipeline.Ref // the speakers' references, allocated together
	for qi := range d.quotes {
		q := &d.quotes[qi]
		end := q.end // without trailing commas
		for end > q.start && d.Body[end-1] == ',' {
			end--
		}
		if end == q.start { // the content starts with no space (trimQuote): nor does the text
			continue
		}
		pq := pipeline.Quote{Text: d.Body[q.start:end], Span: pipeline.Span{q.rstart, q.rend - (q.end - end)}}
		if !d.valid { // else the text needs no second look (see findQuotesTokens)
			pq.Text = text.Valid(pq.Text)
		}
		if e := who[qi]; e >= 0 {
			if refs == nil {
				refs = make([]pipeline.Ref, 0, len(d.quotes)-qi)
			}
			refs = append(refs, pipeline.Ref{ID: d.Ents[e].ID, Name: d.Ents[e].Name})
			pq.Speaker = &refs[len(refs)-1]
		}
		out = append(out, pq)
	}
	return out
}

// attribute finds the speaker from the words around quotation qi: the
// sentence before it when it starts mid-sentence, else the words after it.
func (d *doc) attribute(qi int) speaker {
	mid := d.midSentence(qi)
	if mid {
		if e := d.pre(qi, mid); e >= 0 {
			return e
		}
		return d.post(qi)
	}
	if e := d.post(qi); e >= 0 {
		return e
	}
	return d.pre(qi, mid)
}

// midSentence reports whether words of the quotation's sentence precede it.
func (d *doc) midSentence(qi int) bool {
	q := &d.quotes[qi]
	first := q.tStart
	t := q.tOpen - 1
	return t >= 0 && first < len(d.Toks) && !d.newPara(t+1) && !d.quoted(t) &&
		d.SentOf[t] == d.SentOf[first]
}

// leadsParagraph reports whether quotation qi opens its paragraph.
func (d *doc) leadsParagraph(qi int) bool {
	t := d.quotes[qi].tOpen
	return t == 0 || t < len(d.Toks) && d.newPara(t)
}

// sameParagraph returns the speaker of the nearest attributed quotation in
// the same paragraph, preferring earlier ones.
func (d *doc) sameParagraph(who []speaker, qi int) speaker {
	p := d.quotes[qi].para
	for j := qi - 1; j >= 0 && d.quotes[j].para == p; j-- {
		if who[j] >= 0 {
			return who[j]
		}
	}
	for j := qi + 1; j < len(who) && d.quotes[j].para == p; j++ {
		if who[j] >= 0 {
			return who[j]
		}
	}
	return -1
}

// carryOver returns the speaker of the paragraph before quotation qi's: its
// last attributed quotation, or else the subject of its last speech verb.
func (d *doc) carryOver(who []speaker, qi int) speaker {
	p := d.quotes[qi].para - 1
	for j := qi - 1; j >= 0 && d.quotes[j].para >= p; j-- {
		if d.quotes[j].para == p && who[j] >= 0 {
			return who[j]
		}
	}
	t := d.quotes[qi].tOpen - 1
	for k := t; k >= 0; k-- {
		if d.newPara(k+1) && k != t {
			break
		}
		if d.maySay(k) && d.Is(speechVerbs, k) && !d.Is(weakVerbs, k) && !d.quoted(k) {
			return d.Subject(k, d.quoted)
		}
	}
	return -1
}
