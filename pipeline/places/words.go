package places

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"

	etext "github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// The words of a text as the scanner sees them: their case, whether one is
// "the", their folded form (made on first use), and text positions.

// token is a word of a text: its Flags hold Upper when its first code point
// is a capital (fold's definition; see fromEntityTokens), and nothing the
// scanner reads otherwise.
type token = etext.Token

// upper reports whether token i is capitalised.
func (s *scanner) upper(i int) bool { return s.toks[i].Flags&etext.Upper != 0 }

// hash returns the entity tokenizer's LowerHash of token i: its own when
// the tokenizer computed it, else lowerHash of its text.
func (s *scanner) hash(i int) uint32 {
	if h := s.toks[i].LowerHash; h != 0 {
		return h
	}
	return s.textHash(i)
}

// textHash is lowerHash of token i's text.
func (s *scanner) textHash(i int) uint32 {
	t := &s.toks[i]
	return lowerHash(s.text[t.Start:t.End])
}

// hashStarts gives the words a name may start at their hash (lowerHash),
// which fold leaves out, and drops the starts that mayStart rejects: the
// words fold then with the quick ASCII path. It is for the scanner's own
// words only (s.toks is s.own).
func (s *scanner) hashStarts() {
	kept := s.starts[:0]
	for _, st := range s.starts {
		i := int(st >> 1)
		h := s.textHash(i)
		s.own[i].LowerHash = h
		if s.mayStart(h) {
			kept = append(kept, st)
		}
	}
	s.starts = kept
}

// mayStart reports whether a word with the hash h (text.Token.LowerHash;
// 0 when unknown) may start a name: false only when it is sure to start
// none (see startsNone), and the scan need not try it.
func (s *scanner) mayStart(h uint32) bool {
	return h == 0 || s.g.lowerFirst.has(h)
}

// lowerHash is the FNV-1a hash of w in lower case, which is its folded form,
// when w is made of ASCII letters only (as text.Token.LowerHash); else 0.
// The fold tokenizer leaves hashes out, and the entity tokenizer computes
// them only for words of one case after the first letter.
func lowerHash(w string) uint32 {
	if len(w) == 0 {
		return 0
	}
	h := uint32(fnv32Offset)
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20 // a lower-case letter only when w[i] is a letter
		if c-'a' >= 26 {
			return 0
		}
		h = (h ^ uint32(c)) * fnv32Prime
	}
	return h
}

// theIn is 1 when token t of text is the article "the" (any case; no other
// code point folds to t, h or e, so an ASCII test is exact), 0 otherwise.
func theIn(text string, t *token) int {
	a := int(t.Start)
	if a+3 > len(text) {
		return 0
	}
	w := text[a : a+3]
	x := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
	return b2i(t.End-t.Start == 3) & b2i(x|0x202020 == 't'|'h'<<8|'e'<<16)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// regionNouns are the region nouns whose plural pluralRegion folds, so
// "the Kursk and Belgorod regions" finds "Belgorod region". The name and
// veto filters add their plurals from this one list.
var regionNouns = [...]string{"region", "oblast", "province"}

// pluralRegion folds the plural of a region noun in b[from:] to the
// singular.
func pluralRegion(b []byte, from int) []byte {
	if w := b[from:]; len(w) > 1 && w[len(w)-1] == 's' && singularRegion(string(w[:len(w)-1])) {
		return b[:len(b)-1]
	}
	return b
}

// singularRegion reports whether pluralRegion folds w+"s" into w.
func singularRegion(w string) bool {
	return slices.Contains(regionNouns[:], w)
}

// word returns token i folded.
func (s *scanner) word(i int) []byte {
	sp := &s.fspan[i]
	if sp[1] == 0 {
		start := len(s.folded)
		s.folded = pluralRegion(s.appendWord(&s.toks[i]), start)
		sp[0], sp[1] = int32(start), int32(len(s.folded)+1)
	}
	return s.folded[sp[0] : sp[1]-1]
}

// appendWord returns s.folded with t folded after it. A word of ASCII
// letters (it has a hash) folds to its lower case, which 8-byte loads from
// the text and stores into the spare capacity of s.folded make (the bytes
// past the word are garbage, never read): one of each for most words.
func (s *scanner) appendWord(t *token) []byte {
	n, a, w := len(s.folded), int(t.Start), int(t.End-t.Start)
	if t.LowerHash != 0 && a+8 <= len(s.text) && cap(s.folded)-n >= 8 {
		if w <= 8 {
			x := binary.LittleEndian.Uint64([]byte(s.text[a : a+8]))
			binary.LittleEndian.PutUint64(s.folded[n:n+8], x|0x2020202020202020)
			return s.folded[:n+w]
		}
		if w8 := (w + 7) &^ 7; a+w8 <= len(s.text) && cap(s.folded)-n >= w8 {
			return lowerLetters(s.folded[:n], s.text[a:a+w8], w)
		}
	}
	return fold.AppendWord(s.folded, s.text[t.Start:t.End])
}

// lowerLetters appends the first w letters of src, ASCII letters, in lower
// case to dst, eight at a time; src holds w rounded up to a multiple of 8
// bytes and dst that much spare capacity.
func lowerLetters(dst []byte, src string, w int) []byte {
	n := len(dst)
	out := dst[n : n+len(src)]
	for j := 0; j+8 <= len(src) && j+8 <= len(out); j += 8 {
		x := binary.LittleEndian.Uint64([]byte(src[j : j+8]))
		binary.LittleEndian.PutUint64(out[j:j+8], x|0x2020202020202020)
	}
	return dst[:n+w]
}

// foldsToThe reports whether token i folds to "the" (which "thé" and
// "th'e" do too); a word with a hash, or of other than four or five ASCII
// bytes, is known without folding it.
func (s *scanner) foldsToThe(i int) bool {
	t := &s.toks[i]
	if t.LowerHash != 0 {
		return t.LowerHash == theHash && t.End-t.Start == 3
	}
	if n := t.End - t.Start; n == t.REnd-t.RStart && (n < 4 || n > 5) {
		// ASCII: fold lower-cases it and drops only the apostrophes, one
		// at most between two letters: of three letters it has at most
		// five bytes, of three bytes no apostrophe.
		return theIn(s.text, t) == 1
	}
	return string(s.word(i)) == "the"
}

// isThe reports whether token i is the article "the" (any case).
func (s *scanner) isThe(i int) bool { return theIn(s.text, &s.toks[i]) == 1 }

// runeOffset returns the code-point offset of byte i of the text (at the
// start of a code point), counting from the last word before it.
func (s *scanner) runeOffset(i int) int {
	lo, hi := 0, len(s.toks) // the words before lo start before i; from hi on, not
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); int(s.toks[m].Start) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return runeLen(s.text[:i])
	}
	t := &s.toks[lo-1]
	if int(t.End) > i {
		return int(t.RStart) + runeLen(s.text[t.Start:i])
	}
	return int(t.REnd) + runeLen(s.text[t.End:i])
}

// runeLen counts code points.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// hasWords reports whether the folded phrase key occurs in the text.
func (s *scanner) hasWords(key string) bool { return hasWords(s, key) }

// hasWords reports whether the folded phrase key occurs in the text of s.
func hasWords[K string | []byte](s *scanner, key K) bool {
	if len(key) == 0 {
		return false
	}
	first := key
	for j := 0; j < len(key); j++ {
		if key[j] == ' ' {
			first = key[:j]
			break
		}
	}
	for i := range s.toks {
		if string(s.word(i)) == string(first) && wordsAt(s, i, key) {
			return true
		}
	}
	return false
}

// wordsAt reports whether the folded words from token i spell key.
func wordsAt[K string | []byte](s *scanner, i int, key K) bool {
	for k := i; len(key) > 0; k++ {
		if k >= len(s.toks) {
			return false
		}
		w := key
		key = key[len(key):]
		for j := 0; j < len(w); j++ {
			if w[j] == ' ' {
				w, key = w[:j], w[j+1:]
				break
			}
		}
		if string(s.word(k)) != string(w) {
			return false
		}
	}
	return true
}
