package entities

import (
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/entities/words"
)

// lookupAll fills ids with each token's vocabulary id (-1 when absent),
// lists in names the tokens whose case allows a name word, and sets caps.
// It clears sets, which in fills on demand. The tokens that may have an
// id are d.probes.
func (d *doc) lookupAll(ix *Index, lang string) {
	d.caseFlags()
	n := d.hashAll(ix, lang == "de")
	d.probes = d.probes[:n]
	slow := d.probes
	if lang != "de" { // a German word may need its genitive -s dropped: all slow
		slow = d.lookupPacked(&ix.vocab)
	}
	lower, toks, ids := d.lower, d.toks, d.ids
	for _, p := range slow {
		i := p.tok
		if ids[i] == needFold {
			ids[i] = d.lookupFolded(ix, int(i), lang)
			continue
		}
		t := &toks[i]
		id := ix.vocab.findAt(lower, int(t.Start), int(t.End), p.h)
		if id < 0 && lang == "de" {
			id = genitive(ix, lower[t.Start:t.End])
		}
		ids[i] = id
	}
}

// lookupPacked sets the ids of the probes that are plain words of one to
// eight bytes with eight bytes of the text from their start on, found in
// vocab packed (see findPacked), and returns the other probes (in d.slow).
// It calls nothing, so that its loop keeps its values in registers.
func (d *doc) lookupPacked(vocab *strTable) []probe {
	lower, toks, ids := d.lower, d.toks, d.ids
	slow := d.slow[:cap(d.slow)]
	if len(slow) < len(d.probes) {
		slow = make([]probe, len(d.probes))
	}
	ns := 0
	for _, p := range d.probes {
		t := &toks[p.tok]
		if n := int(t.End - t.Start); p.h != 0 && n <= 8 && int(t.Start)+8 <= len(lower) {
			ids[p.tok] = vocab.findPacked(pack8(lower, int(t.Start), n), n, p.h)
			continue
		}
		slow[ns] = p
		ns++
	}
	d.slow = slow
	return slow[:ns]
}

// probe is a token that lookupAll looks up, with the words.FNV hash of its
// lower-case text when it is plain.
type probe struct {
	tok int32
	h   uint32
}

// needFold marks in ids, between hashAll and the end of lookupAll, a word
// to fold before looking it up.
const needFold = -3

// hashAll is the second pass of lookupAll, with no calls in its loops: it
// sets ids to -1 but for the words to fold (needFold), and lists in probes
// the words to look up (all plain words when genitive, as a German genitive
// may be known without its -s), with the hashes of plain ones. It returns
// their number.
func (d *doc) hashAll(ix *Index, genitive bool) int {
	toks, lower := d.toks, d.lower
	ids := resize(d.ids, len(toks))
	fill(ids, -1)
	if cap(d.probes) < len(toks) {
		d.probes = make([]probe, len(toks))
	}
	d.ids, d.probes = ids, d.probes[:len(toks)]
	probes, n := d.probes, 0
	filter := &ix.filter
	if genitive {
		filter = &everyWord
	}
	for i := range toks {
		h := toks[i].LowerHash
		if h == 0 { // not a plain word: hashed here, unless it needs folding
			var ok bool
			if h, ok = plainHash(lower[toks[i].Start:toks[i].End]); !ok {
				ids[i] = needFold
				probes[n] = probe{tok: int32(i)}
				n++
				continue
			}
		}
		if b := filterBit(h); filter[b>>6]&(1<<(b&63)) != 0 { // see Index.mayHave
			probes[n] = probe{tok: int32(i), h: h}
			n++
		}
	}
	return n
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
