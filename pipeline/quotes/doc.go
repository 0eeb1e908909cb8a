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
	for qi := range d.quotes {
		q := &d.quotes[qi]
		end := int32(q.end)
		for t := q.tStart; t < len(d.Toks) && d.Toks[t].End <= end; t++ {
			d.inQuote[t] = true
		}
	}
	return d
}

// free returns d's memory to docPool; d must not be used afterwards.
func (d *doc) free() {
	d.Doc = nil
	docPool.Put(d)
}
