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
	nexts   *[filterWords]uint64 // filter of the words a phrase may go on into (see mayGoOn)
	packed  bool                 // a plain word's id is its packed look-up (not so in German, see lookupTok)
	sents   []text.Sentence
	sentOf  []int32   // sentence index of each token
	covered []bool    // token belongs to a dictionary match or a found name
	hit     []int8    // kind of the dictionary match covering a token (-1: none)
	hitRef  []int32   // entity of that match
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
	d.hitRef = resize(d.hitRef, len(d.toks))
	fill(d.hit, -1)
	fill(d.hitRef, -1)
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

func resizeInt8(s []int8, n int) []int8 {
	if cap(s) < n {
		return make([]int8, n)
	}
	return s[:n]
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
		d.hit[k], d.hitRef[k] = int8(p.kind), p.ref
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

// scan finds the leftmost-longest dictionary phrases that pass the case rules.
// It looks up only the tokens the start filter passes (all plain words but
// few) and the tokens a phrase may go on into.
func (d *doc) scan(ix *Index) {
	toks, ids, lower, root := d.toks, d.ids[:len(d.toks)], d.lower, ix.rootChild
	vocab, starts, packed := &ix.vocab, d.starts, d.packed
	for i := nextStart(toks, starts, 0); i < len(toks); i = nextStart(toks, starts, i+1) {
		id := ids[i]
		if id == idUnknown {
			t := &toks[i]
			if n := int(t.End - t.Start); packed && t.LowerHash != 0 && n <= 8 && int(t.Start)+8 <= len(lower) {
				id = vocab.findPacked(pack8(lower, int(t.Start), n), n, t.LowerHash) // see lookupTok
				ids[i] = id
			} else {
				id = d.startID(ix, i)
			}
		}
		if uint(id) >= uint(len(root)) || root[id] == 0 {
			continue // no phrase starts here (see Index.starts)
		}
		if best := d.walk(ix, i, root[id]); best > i {
			i = best - 1 // the next phrase starts after this one
		}
	}
}

// nextStart returns the index of the first token from i on that may start
// a phrase, len(toks) when none does: a token that is not a plain word, or
// a plain word whose hash the filter starts passes (see doc.mayStart). It
// calls nothing, so that its loop keeps its values in registers.
func nextStart(toks []text.Token, starts *[filterWords]uint64, i int) int {
	for ; i < len(toks); i++ {
		h := toks[i].LowerHash
		if h == 0 {
			return i
		}
		if b := filterBit(h); starts[b>>6]&(1<<(b&63)) != 0 {
			return i
		}
	}
	return i
}

// startID returns the vocabulary id of token i (see id), or -1 without a
// look-up when it is a word of ASCII letters and digits that surely starts
// no phrase.
func (d *doc) startID(ix *Index, i int) int32 {
	if id := d.ids[i]; id != idUnknown {
		return id
	}
	t := &d.toks[i]
	if t.LowerHash == 0 {
		if h, ok := plainHash(d.lower[t.Start:t.End]); ok && !d.mayStart(h) {
			return -1
		}
	}
	return d.id(ix, i)
}

// nextID returns the vocabulary id of token j (see id), a plain word of up
// to eight bytes looked up packed, without a call.
func (d *doc) nextID(ix *Index, j int) int32 {
	if id := d.ids[j]; id != idUnknown {
		return id
	}
	t := &d.toks[j]
	h := t.LowerHash
	if h == 0 || !d.packed {
		return d.id(ix, j)
	}
	if n := int(t.End - t.Start); n <= 8 && int(t.Start)+8 <= len(d.lower) {
		id := ix.vocab.findPacked(pack8(d.lower, int(t.Start), n), n, h) // see lookupTok
		d.ids[j] = id
		return id
	}
	return d.id(ix, j)
}

// walk follows the trie from node, the root's child along token i, and
// appends the longest phrase from token i on that passes the case rules to
// d.matches. It returns the phrase's end, or -1 when there is none.
func (d *doc) walk(ix *Index, i int, node int32) int {
	best, bestNode, bestP := -1, int32(0), payload{}
	for j := i; ; {
		if ix.payAt[node] != ix.payAt[node+1] { // node has payloads
			if p, ok := d.payload(ix, node, i, j+1); ok {
				best, bestNode, bestP = j+1, node, p
			}
		}
		// The phrase goes on into a known word after only spaces or
		// hyphens; the cheaper tests first.
		if j+1 >= len(d.toks) {
			break
		}
		if h := d.toks[j+1].LowerHash; h != 0 && !d.mayGoOn(h) {
			break // a plain word no phrase goes on into
		}
		id := d.nextID(ix, j+1)
		if id < 0 || !d.joinable(j) {
			break
		}
		j++
		if node = ix.edges.get(uint64(node)<<32 | uint64(uint32(id))); node == 0 {
			break // see Index.child
		}
	}
	if best >= 0 {
		d.matches = append(d.matches, match{t0: i, t1: best, node: bestNode, p: bestP})
	}
	return best
}

func (d *doc) nameCase(p payload, i, j int) bool {
	if !d.toks[i].Has(text.Upper) && !d.toks[i].Has(text.Digit) {
		return false
	}
	if p.acronym {
		for k := i; k < j; k++ {
			if !d.toks[k].Has(text.AllUpper) {
				return false
			}
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
