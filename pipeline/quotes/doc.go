package quotes

import (
	"sync"

	"github.com/warwire/warwire/pipeline/entities/mention"
)

// doc is one story's text with its tokens, entity mentions and quotations.
type doc struct {
	*mention.Doc
	quotes  []quote
	inQuote []uint64 // bit t: token t is inside a quotation (see quoted)
	who     []speaker
	valid   bool // the body is valid UTF-8
}

// docPool holds the buffers of docs whose analysis is over.
var docPool = sync.Pool{New: func() any { return new(doc) }}

// newDoc returns the doc of md, its memory taken from docPool: give it back
// with free.
func newDoc(md *mention.Doc) *doc {
	d := docPool.Get().(*doc)
	d.Doc = md
	d.quotes, d.valid = findQuotesTokens(d.quotes[:0], md.Body, md.Toks)
	if len(d.quotes) == 0 {
		return d // nothing to attribute: the token tables are not needed
	}
	n := (len(d.Toks) + 63) / 64
	if cap(d.inQuote) < n {
		d.inQuote = make([]uint64, n)
	}
	d.inQuote = d.inQuote[:n]
	clear(d.inQuote)
	for qi := range d.quotes {
		t0, t1 := d.quotedTokens(&d.quotes[qi])
		setBits(d.inQuote, t0, t1)
	}
	return d
}

// free returns d's memory to docPool; d must not be used afterwards.
func (d *doc) free() {
	d.Doc = nil
	docPool.Put(d)
}

// quotedTokens returns the tokens [t0, t1) inside quotation q: those from
// q.tStart on that end at or before its content's end. Token ends grow, and
// the token q.tClose starts past the content, so they are the tokens before
// q.tClose less a (rare) tail that ends past the content.
func (d *doc) quotedTokens(q *quote) (t0, t1 int) {
	t0, t1 = q.tStart, min(q.tClose, len(d.Toks))
	for t1 > t0 && int(d.Toks[t1-1].End) > q.end {
		t1--
	}
	return t0, t1
}

// setBits sets bits [a, b) of bs, a word at a time.
func setBits(bs []uint64, a, b int) {
	for a < b {
		lo := uint(a % 64)
		n := min(uint(b-a), 64-lo)
		bs[a/64] |= (1<<n - 1) << lo // 1<<64 is 0: n = 64 sets the whole word
		a += int(n)
	}
}
