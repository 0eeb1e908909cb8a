package mention

import (
	"slices"
	"sync"
	"unsafe"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// pooled is the reusable memory of a Text from Borrow: the lower-case body
// and the buffers of the one Doc built over it.
type pooled struct {
	lower   []byte
	ms      []Mention
	at      []int32
	doc     Doc
	docUsed bool
	// released is set while the Text sits in the pool.
	released bool
}

var textPool = sync.Pool{New: func() any { return &Text{pool: new(pooled)} }}

// Borrow is Analyze with the Text's memory taken from a pool: give it back
// with Release once nothing reads the Text or a Doc built over it.
func Borrow(body string) *Text {
	t := textPool.Get().(*Text)
	p := t.pool
	p.released = false
	t.Body = "" // set once the tokens are body's: a Text matches no body while they are written
	if cap(t.Toks) == 0 {
		t.split(body)
	} else {
		parts := text.Parts{Toks: t.Toks, Sents: t.Sents, SentOf: t.SentOf, Uppers: t.Uppers, Lower: p.lower}
		parts.Split(body)
		t.Toks, t.Sents, t.SentOf, t.Uppers, p.lower = parts.Toks, parts.Sents, parts.SentOf, parts.Uppers, parts.Lower
	}
	t.lower = ""
	if len(p.lower) > 0 {
		// p.lower is not written again until the Text is released.
		t.lower = unsafe.String(&p.lower[0], len(p.lower))
	}
	t.Body = body
	return t
}

var scratchPool = sync.Pool{New: func() any { return new(text.Parts) }}

// split sets the tokens, sentences, capitals and lower-case body of a new
// Text (one with no memory to reuse yet), the slices of the first four of their
// exact size, which keeps the memory a Text holds, and the garbage
// collector's work, small.
func (t *Text) split(body string) {
	sc := scratchPool.Get().(*text.Parts)
	if want := len(body)/5 + 8; cap(sc.Toks) < want {
		sc.Toks = make([]text.Token, 0, want)
	}
	sc.Lower = t.pool.lower
	sc.Split(body)
	t.Toks, t.Sents = slices.Clone(sc.Toks), slices.Clone(sc.Sents)
	ints := make([]int32, len(sc.SentOf)+len(sc.Uppers)) // SentOf and Uppers share one allocation
	n := copy(ints, sc.SentOf)
	copy(ints[n:], sc.Uppers)
	t.SentOf, t.Uppers = ints[:n:n], ints[n:]
	t.pool.lower, sc.Lower = sc.Lower, nil
	scratchPool.Put(sc)
}

// Release returns the Text behind shared (a *Text or *Doc from Borrow) to
// the pool when it is still the Text of body; other values, and nil, are
// ignored. The caller must hold the only reference to it: a Story copied by
// value shares its Shared value, and only one copy may release it (a copy
// released already no longer matches its body and is left alone).
func Release(shared any, body string) {
	var t *Text
	switch sh := shared.(type) {
	case *Text:
		t = sh
	case *Doc:
		t = sh.Text
	}
	if t == nil || t.pool == nil || t.Body != body || t.pool.released {
		return
	}
	t.Body = "" // a stale Doc or Text no longer matches any body but ""
	t.pool.doc.Ents, t.pool.doc.Quotes = nil, nil
	t.pool.docUsed = false
	t.pool.released = true
	textPool.Put(t)
}

// newDoc returns the Doc for t and ents, reusing t's pooled memory for the
// first Doc built over a borrowed Text.
func newDoc(t *Text, ents []pipeline.Entity) *Doc {
	p := t.pool
	if p == nil || p.docUsed {
		return &Doc{Text: t, Ents: ents}
	}
	p.docUsed = true
	p.doc = Doc{Text: t, Ents: ents, Ms: p.ms[:0], At: p.at[:0]}
	return &p.doc
}

// keep records the grown buffers of d for reuse.
func (d *Doc) keep() {
	if p := d.Text.pool; p != nil && &p.doc == d {
		p.ms, p.at = d.Ms, d.At
	}
}

// Lower returns the lower-case body of t (see text.LowerSameLength).
func (t *Text) Lower() string { return t.lower }

// Live reports whether t may be read: it is not sitting in the pool. A
// Text kept past its Release (by a stale copy of a Story) is not live.
func (t *Text) Live() bool { return t.pool == nil || !t.pool.released }
