// Package mention locates the entity mentions of a story in its tokens and
// answers the grammatical questions the stance and quote stages ask of them:
// which mention is the subject before a verb, who "he" or "it" is.
package mention

import (
	"slices"
	"sort"
	"unsafe"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// Mention is one mention of entity Ent (an index into the story's entities)
// covering tokens [T0, T1). Nested is set when a longer mention covers it
// ("NATO" inside the title "NATO chief").
type Mention struct {
	Ent    int
	T0, T1 int
	Nested bool
}

// Text is a body split into tokens and sentences, with the lower-case text
// of every token (see Word). It does not change once built.
type Text struct {
	Body   string
	Toks   []text.Token
	Sents  []text.Sentence
	SentOf []int32
	// Uppers lists the indexes of the tokens flagged text.Upper, in order.
	Uppers []int32
	lower  string  // Body in lower case, same byte offsets
	pool   *pooled // set when the Text came from Borrow
}

// Word returns the lower-case text of token i.
func (t *Text) Word(i int) string {
	tok := &t.Toks[i]
	return t.lower[tok.Start:tok.End]
}

// NewText builds the Text of body from its tokens and lower-case form (as
// text.LowerSameLength returns it); toks and lower may be reused by the
// caller afterwards only if copy is true.
func NewText(body, lower string, toks []text.Token, sents []text.Sentence, copyTokens bool) *Text {
	t := &Text{Body: body, Toks: toks, Sents: sents}
	if copyTokens {
		t.Toks = slices.Clone(toks)
		t.Sents = slices.Clone(sents)
	}
	t.fill(lower)
	return t
}

// fill sets the lower-case body, SentOf and Uppers from Toks and Sents,
// reusing SentOf's memory.
func (t *Text) fill(lower string) {
	n := len(t.Toks)
	t.lower = lower
	t.Uppers = nil
	for i := range t.Toks {
		if t.Toks[i].Has(text.Upper) {
			t.Uppers = append(t.Uppers, int32(i))
		}
	}
	if cap(t.SentOf) < n {
		t.SentOf = make([]int32, n)
	}
	sentOf := t.SentOf[:n]
	for si, s := range t.Sents {
		for i := s.Tok0; i < s.Tok1; i++ {
			sentOf[i] = int32(si)
		}
	}
	t.SentOf = sentOf
}

// Analyze tokenizes body and splits it into sentences.
func Analyze(body string) *Text {
	toks := text.Tokenize(make([]text.Token, 0, len(body)/6+1), body)
	return NewText(body, text.LowerSameLength(body), toks, text.Sentences(nil, body, toks), false)
}

// Doc is a story's Text with the mentions of its entities.
type Doc struct {
	*Text
	Ents []pipeline.Entity
	Ms   []Mention
	At   []int32 // token → index of the longest mention covering it, or -1

	// Quotes memoises the quotations found in the Doc (by the quotes
	// package) for the stages that share it; QuotesDone says it is set.
	Quotes     []pipeline.Quote
	QuotesDone bool
}

// NewDoc tokenizes body and locates the mentions of ents in it.
func NewDoc(body string, ents []pipeline.Entity) *Doc {
	return WithEntities(Analyze(body), ents)
}

// WithEntities locates the mentions of ents in t.
func WithEntities(t *Text, ents []pipeline.Entity) *Doc {
	d := newDoc(t, ents)
	d.locate()
	d.keep()
	return d
}

// ForStory returns the Doc of st's Body and Entities, reusing what an
// earlier stage left in st.Shared when it still matches, and leaves the Doc
// there for the next stage.
func ForStory(st *pipeline.Story) *Doc {
	switch sh := st.Shared.(type) {
	case *Doc:
		if sh.Text == nil || !sh.Text.Live() {
			break
		}
		if sh.Body == st.Body && sameEntities(sh.Ents, st.Entities) {
			return sh
		}
		if sh.Body == st.Body {
			st.Shared = WithEntities(sh.Text, st.Entities)
			return st.Shared.(*Doc)
		}
	case *Text:
		if sh.Body == st.Body && sh.Live() {
			st.Shared = WithEntities(sh, st.Entities)
			return st.Shared.(*Doc)
		}
	}
	d := NewDoc(st.Body, st.Entities)
	st.Shared = d
	return d
}

func sameEntities(a, b []pipeline.Entity) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.SliceData(a) == unsafe.SliceData(b))
}

// WithMentions returns the Doc of t with entities ents whose mentions ms
// are already known, in the order WithEntities finds them: by entity, then
// by span, one per distinct span. ms is copied; it must not share memory
// with the Mentions of a Doc built over t before.
func (t *Text) WithMentions(ents []pipeline.Entity, ms []Mention) *Doc {
	d := newDoc(t, ents)
	d.Ms = appendSorted(d.Ms[:0], ms)
	d.index()
	d.keep()
	return d
}

// locate finds the token range of every span of every entity.
func (d *Doc) locate() {
	for i, e := range d.Ents {
		for _, sp := range e.Spans {
			t0 := text.TokenAt(d.Toks, sp[0])
			t1 := text.TokenEnding(d.Toks, sp[1])
			if t0 < 0 || t1 < t0 {
				continue
			}
			d.Ms = append(d.Ms, Mention{Ent: i, T0: t0, T1: t1 + 1})
		}
	}
	sortMentions(d.Ms)
	d.index()
}

// index marks the nested mentions, which are sorted by first token,
// longest first (see sortMentions), and fills At.
func (d *Doc) index() {
	if cap(d.At) < len(d.Toks) {
		d.At = make([]int32, len(d.Toks))
	}
	d.At = d.At[:len(d.Toks)]
	if len(d.At) > 0 {
		d.At[0] = -1
		for n := 1; n < len(d.At); n *= 2 { // a memmove per doubling
			copy(d.At[n:], d.At[:n])
		}
	}
	for k, m := range d.Ms {
		for t := m.T0; t < m.T1; t++ {
			if o := d.At[t]; o >= 0 {
				d.Ms[k].Nested = true
				continue
			}
			d.At[t] = int32(k)
		}
	}
}

// From returns the index of the first mention starting at or after token t.
func (d *Doc) From(t int) int {
	return sort.Search(len(d.Ms), func(i int) bool { return d.Ms[i].T0 >= t })
}

// MentionAt returns the index of the outermost mention starting at token t,
// or -1.
func (d *Doc) MentionAt(t int) int {
	if m := d.At[t]; m >= 0 && d.Ms[m].T0 == t {
		return int(m)
	}
	return -1
}

// Ref returns the {id, name} reference of entity e.
func Ref(e *pipeline.Entity) *pipeline.Ref {
	return &pipeline.Ref{ID: e.ID, Name: e.Name}
}
