package quotes

import (
	"sync"

	"github.com/warwire/warwire/pipeline/entities/mention"
)

// doc is one story's text with its tokens, entity mentions and quotations.
type doc struct {
	*mention.Doc
	quotes  []quote
	inQuote []bool // token → inside a quotation
	who     []speaker
}

// docPool holds the buffers of docs whose analysis is over.
var docPool = sync.Pool{New: func() any { return new(doc) }}

// newDoc returns the doc of md, its memory taken from docPool: give it back
// with free.
func newDoc(md *mention.Doc) *doc {
	d := docPool.Get().(*doc)
	d.Doc = md
	d.quotes = findQuotesTokens(d.quotes[:0], md.Body, md.Toks)
	if len(d.quotes) == 0 {
		return d // nothing to attribute: the token tables are not needed
	}
	if cap(d.inQuote) < len(d.Toks) {
		d.inQuote = make([]bool, len(d.Toks))
	}
	d.inQuote = d.inQuote[:len(d.Toks)]
	clear(d.inQuote)
	t := 0
	for qi := range d.quotes {
		q := &d.quotes[qi]
		q.tOpen = d.firstTokenFrom(t, q.open)
		q.tStart = d.firstTokenFrom(q.tOpen, q.start)
		end := int32(q.end)
		for t = q.tStart; t < len(d.Toks) && d.Toks[t].End <= end; t++ {
			d.inQuote[t] = true
		}
		q.tClose = d.firstTokenFrom(t, q.close)
		t = q.tClose
	}
	return d
}

// free returns d's memory to docPool; d must not be used afterwards.
func (d *doc) free() {
	d.Doc = nil
	docPool.Put(d)
}

// firstTokenFrom returns the index of the first token starting at or after
// byte offset off, searching from token t on (no earlier token may
// qualify): it gallops forward, as the quotations come in text order and
// the next one is often near, then halves the last stride.
func (d *doc) firstTokenFrom(t, offset int) int {
	off := int32(offset)
	lo, hi := t, t
	for step := 1; hi < len(d.Toks) && d.Toks[hi].Start < off; step *= 2 {
		lo, hi = hi+1, hi+step
	}
	hi = min(hi, len(d.Toks))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Toks[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
