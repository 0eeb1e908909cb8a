package entities

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// match is a dictionary phrase found in the text: tokens [t0, t1) ending at
// trie node node, whose payload for them is p (see payload).
type match struct {
	t0, t1 int
	node   int32
	p      payload
}

// doc is the per-story scratch state of recognition. Its tokens, sentences
// and lower-case body belong to t, a pooled mention.Text.
type doc struct {
	t       *mention.Text
	body    string
	toks    []text.Token
	ids     []int32              // vocabulary id of each token, -1, or idUnknown (see id)
	starts  *[filterWords]uint64 // filter of the words that may start a phrase (see mayStart)
	nexts   *[filterWords]uint64 // filter of the trie nodes and words a phrase may go on into (see mayGoOn)
	packed  bool                 // a plain word's id is its packed look-up (not so in German, see lookupTok)
	sents   []text.Sentence
	sentOf  []int32   // sentence index of each token
	covered []bool    // token belongs to a dictionary match or a found name
	hit     []int8    // 1 + kind of the dictionary match covering a token (0: none)
	hitRef  []int32   // entity of that match, set only where hit is not 0
	names   []int32   // tokens whose case allows a name word, in order
	sets    []wordSet // the word lists the lower-case token is in, 0 until in looks
	lower   string    // body in lower case, same byte offsets
	lang    string
	caps    bool // the text is mostly in capitals
	matches []match
	fold    []byte
	b       builder
	fulls   []fullMention // scratch of recognize
	later   []match       // scratch of recognize
	people  []unknownPerson
}

var docPool = sync.Pool{New: func() any { return &doc{b: builder{byID: make(map[string]int, 16)}} }}

func newDoc(body string) *doc {
	d := docPool.Get().(*doc)
	d.body = body
	d.t = mention.Borrow(body)
	d.toks, d.sents, d.sentOf = d.t.Toks, d.t.Sents, d.t.SentOf
	d.lower = d.t.Lower()
	d.covered = resizeBool(d.covered, len(d.toks))
	d.hit = resizeInt8(d.hit, len(d.toks))
	d.hitRef = resize(d.hitRef, len(d.toks)) // read only where hit is set: not cleared
	d.matches = d.matches[:0]
	return d
}

// release returns d to the pool; the Text goes back too unless keepText.
func (d *doc) release(keepText bool) {
	if !keepText {
		mention.Release(d.t, d.body)
	}
	d.t, d.toks, d.sents, d.sentOf = nil, nil, nil, nil
	d.body, d.lower = "", ""
	d.b.reset(nil, nil)
	clear(d.people)
	docPool.Put(d)
}

// fill sets every element of s to v, doubling the filled prefix with copy
// (a memmove) rather than storing one element at a time.
func fill[T int8 | int32](s []T, v T) {
	if len(s) == 0 {
		return
	}
	s[0] = v
	for n := 1; n < len(s); n *= 2 {
		copy(s[n:], s[:n])
	}
}

// resizeInt8 returns s with length n, all zero.
func resizeInt8(s []int8, n int) []int8 {
	if cap(s) < n {
		return make([]int8, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func resizeSets(s []wordSet, n int) []wordSet {
	if cap(s) < n {
		return make([]wordSet, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeBool(s []bool, n int) []bool {
	if cap(s) < n {
		s = make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// mark records the kind and entity of the match covering tokens [i, j).
func (d *doc) mark(i, j int, p payload) {
	for k := i; k < j; k++ {
		d.hit[k], d.hitRef[k] = int8(p.kind)+1, p.ref
	}
}

// word returns the folded text of token i in a scratch buffer.
func (d *doc) word(i int) []byte {
	d.fold = text.AppendFold(d.fold[:0], d.toks[i].Text(d.body))
	return d.fold
}

// joinable reports whether a phrase may go on from token i to token i+1:
// only spaces or hyphens between them.
func (d *doc) joinable(i int) bool {
	if i+1 >= len(d.toks) {
		return false
	}
	t := &d.toks[i]
	if t.Flags&text.Poss != 0 {
		return true
	}
	end, next := t.End, d.toks[i+1].Start
	if next == end+1 { // the common one-byte gap
		c := d.body[end]
		return c == ' ' || c == '-'
	}
	return spacesOnly(d.body[end:next])
}

// spacesOnly reports whether g is at most four bytes of spaces, hyphens
// and no-break spaces (U+00A0).
func spacesOnly(g string) bool {
	if len(g) > 4 {
		return false
	}
	for i := 0; i < len(g); i++ {
		switch {
		case g[i] == ' ' || g[i] == '-':
		case g[i] == 0xC2 && i+1 < len(g) && g[i+1] == 0xA0:
			i++
		default:
			return false
		}
	}
	return true
}

// allCaps reports whether tokens [i, j) are all in capitals, as the text
// of a phrase written in capitals must be (see payload.acronym).
func (d *doc) allCaps(i, j int) bool {
	for k := i; k < j; k++ {
		if !d.toks[k].Has(text.AllUpper) {
			return false
		}
	}
	return true
}

// prevWord returns the lower-case text of token i-1 in the same sentence with
// nothing but spaces in between, or "".
func (d *doc) prevWord(i int) string {
	if i == 0 || d.sentOf[i-1] != d.sentOf[i] {
		return ""
	}
	return d.lw(i - 1)
}

// lw returns the lower-case text of token k.
func (d *doc) lw(k int) string { return d.lower[d.toks[k].Start:d.toks[k].End] }

// lowerIn reports whether strings.ToLower of token k's text is in one of
// the lists of s. An ASCII token's lower-case form is d.lw(k), whose lists
// lookupAll found already.
func (d *doc) lowerIn(k int, s wordSet) bool {
	w := d.toks[k].Text(d.body)
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			lw := strings.ToLower(w)
			return setsOf(lw, words.FNV(lw))&s != 0
		}
	}
	return d.in(k, s)
}
