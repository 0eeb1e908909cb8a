package entities

import (
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// lookupAll lists in names the tokens whose case allows a name word, sets
// caps, and clears sets, which in fills on demand. It sets every token's
// vocabulary id to idUnknown: scan looks up only the tokens that may start
// a phrase and the tokens a phrase may go on into (see doc.id).
func (d *doc) lookupAll(ix *Index, lang string) {
	d.caseFlags()
	d.ids = resize(d.ids, len(d.toks))
	fill(d.ids, idUnknown)
	d.starts, d.nexts, d.packed = &ix.startFilter, &ix.nextFilter, true
	if lang == "de" { // a German word may be known without its genitive -s
		d.starts, d.nexts, d.packed = &everyWord, &everyWord, false
	}
}

// idUnknown marks in ids a token whose vocabulary id is not looked up yet.
const idUnknown = -2

// id returns the vocabulary id of token i, or -1, looking it up the first
// time it is asked for.
func (d *doc) id(ix *Index, i int) int32 {
	if id := d.ids[i]; id != idUnknown {
		return id
	}
	id := d.lookupTok(ix, i)
	d.ids[i] = id
	return id
}

// mayStart reports whether the word with words.FNV hash h may start a
// phrase: false means it surely does not.
func (d *doc) mayStart(h uint32) bool {
	b := filterBit(h)
	return d.starts[b>>6]&(1<<(b&63)) != 0
}

// mayGoOn reports whether a phrase at trie node n (not the root) may go on
// into the word with words.FNV hash h: false means it surely does not.
func (d *doc) mayGoOn(n int32, h uint32) bool {
	b := pairBit(n, h)
	return d.nexts[b>>6]&(1<<(b&63)) != 0
}

// lookupTok returns the vocabulary id of token i, or -1. A word of ASCII
// letters and digits is its own folded form, found by its hash; others are
// folded first. In German text a genitive -s is dropped when the bare word
// is known.
func (d *doc) lookupTok(ix *Index, i int) int32 {
	t := &d.toks[i]
	h := t.LowerHash
	if h == 0 { // not a plain word: hashed here, unless it needs folding
		var ok bool
		if h, ok = plainHash(d.lower[t.Start:t.End]); !ok {
			return d.lookupFolded(ix, i, d.lang)
		}
	}
	if d.lang != "de" && !ix.mayHave(h) {
		return -1
	}
	var id int32
	if n := int(t.End - t.Start); n <= 8 && int(t.Start)+8 <= len(d.lower) {
		id = ix.vocab.findPacked(pack8(d.lower, int(t.Start), n), n, h)
	} else {
		id = ix.vocab.find(d.lower[t.Start:t.End], h)
	}
	if id < 0 && d.lang == "de" {
		id = genitive(ix, d.lower[t.Start:t.End])
	}
	return id
}

// everyWord is a filter like Index.filter that passes every word.
var everyWord = func() (f [filterWords]uint64) {
	for i := range f {
		f[i] = ^uint64(0)
	}
	return f
}()

// nameCase is the mask of the token flags that decide whether a token's
// case allows a name word: it does when they are nameFlags.
const (
	nameCase  = text.Upper | text.Letter | text.AllUpper | text.Digit
	nameFlags = text.Upper | text.Letter
)

// caseFlags lists the name tokens in names and sets caps from the token
// flags; it also clears sets. Only capitalised tokens can be name tokens or
// in capitals (AllUpper implies Upper), so it reads those, d.t.Uppers,
// unless most of them are in capitals: then it counts the words with
// letters among all tokens.
func (d *doc) caseFlags() {
	toks := d.toks
	d.sets = resizeSets(d.sets, len(toks))
	if cap(d.names) < len(toks) {
		d.names = make([]int32, len(toks))
	}
	names := d.names[:len(toks)]
	n, letters, caps := 0, 0, 0
	for _, i := range d.t.Uppers {
		t := &toks[i]
		f := t.Flags
		if f&text.Letter != 0 && t.REnd-t.RStart > 1 {
			letters++
			if f&text.AllUpper != 0 {
				caps++
			}
		}
		if f&nameCase == nameFlags {
			names[n] = i
			n++
		}
	}
	d.names = names[:n]
	if caps*2 > letters { // letters counted the capitalised words only
		letters = wordsWithLetters(toks)
	}
	// Most words in capitals: a shouted headline or a feed that upper-cases
	// everything, with no casing cues.
	d.caps = letters > 0 && caps*2 > letters
}

// wordsWithLetters returns the number of tokens of more than one code point
// that hold a letter.
func wordsWithLetters(toks []text.Token) int {
	n := 0
	for i := range toks {
		if toks[i].Flags&text.Letter != 0 && toks[i].REnd-toks[i].RStart > 1 {
			n++
		}
	}
	return n
}

// lookupFolded returns the vocabulary id of the folded form of token i (one
// that is not plain ASCII), or -1. In German text a genitive -s is dropped
// when the bare word is known ("Russlands" → "Russland").
func (d *doc) lookupFolded(ix *Index, i int, lang string) int32 {
	w := d.word(i)
	id := lookup(ix, w, words.FNV(w), d.toks[i].Has(text.Cyrillic))
	if id < 0 && lang == "de" {
		id = genitive(ix, w)
	}
	return id
}

// genitive returns the vocabulary id of German word w without its genitive
// -s, or -1.
func genitive[S string | []byte](ix *Index, w S) int32 {
	if len(w) <= 3 || w[len(w)-1] != 's' {
		return -1
	}
	w = w[:len(w)-1]
	return lookup(ix, w, words.FNV(w), false)
}

// plainHash returns the words.FNV hash of lw, the lower-case text of a token
// (see text.LowerSameLength), when it is ASCII letters and digits only: its
// folded form is then lw itself. The only other ASCII bytes a token holds
// are apostrophes and dots, which sort below '0'.
func plainHash(lw string) (uint32, bool) {
	h := uint32(2166136261)
	for i := 0; i < len(lw); i++ {
		c := lw[i]
		if c-'0' >= utf8.RuneSelf-'0' { // c < '0' || c >= utf8.RuneSelf
			return 0, false
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h, true
}
