package places

import (
	"strings"

	"github.com/warwire/warwire/pipeline"
	entmention "github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// The entity stage, which runs just before this one, leaves the body split
// into its own tokens (text.Tokenize) in Story.Shared. Its words differ from
// this package's (fold.Tokens) in three ways only, which fromEntityTokens
// undoes where they occur (the scanner keeps the entity tokens' type, and
// reads only their offsets, Upper and LowerHash):
//
//   - a possessive "'s" ("Kyiv's") is consumed with the word (Poss), where
//     fold makes "s" a word of its own;
//   - a dotted abbreviation ("U.S.") is one word (Abbrev), where fold makes
//     each letter a word;
//   - its Upper is the first letter's case, fold's the first code point's
//     ("5G": a word that starts with a digit is not capitalised to fold).
//
// Both tokenizers agree on the word characters and on the apostrophes ',
// ’ and ʼ inside a word, but only fold takes `, ‘ and ´ for apostrophes
// too: a text with one of them is tokenized by fold itself. The fuzz test
// FuzzEntityTokens checks the result against fold.TokensStarts.

// sharedTokens returns the entity stage's tokens of st.Body when st.Shared
// still holds them, or nil.
func sharedTokens(st *pipeline.Story) []token {
	var t *entmention.Text
	switch sh := st.Shared.(type) {
	case *entmention.Doc:
		if sh != nil {
			t = sh.Text
		}
	case *entmention.Text:
		t = sh
	}
	// A Text given back to its pool is not Live (and has an empty Body).
	if t == nil || st.Body == "" || t.Body != st.Body || !t.Live() {
		return nil
	}
	return t.Toks
}

// foldOnly reports whether s holds a character that fold takes for an
// apostrophe and the entity tokenizer does not: `, ‘ (E2 80 98) or ´ (C2 B4).
func foldOnly(s string) bool {
	return strings.IndexByte(s, '`') >= 0 || hasSeq(s, "\u2018", 2) || hasSeq(s, "\u00b4", 0)
}

// hasSeq reports whether s contains seq, looking for its byte k first: the
// rarest in text (0xE2 0x80 starts every curly quote and dash).
func hasSeq(s, seq string, k int) bool {
	for i := k; i < len(s); i++ {
		j := strings.IndexByte(s[i:], seq[k])
		if j < 0 {
			return false
		}
		i += j
		if strings.HasPrefix(s[i-k:], seq) {
			return true
		}
	}
	return false
}

// theHash is the entity tokenizer's LowerHash of "the": lowerHash("the"),
// a constant so the token loops compare with an immediate (TestTheHash
// checks it against the tokenizer).
const theHash = 0xb40eb21c

// fromEntityTokens sets s.toks to the words of fold.TokensStarts for
// s.text and s.starts to those of its name starts that mayStart and that
// begin in no entity (inEntityWord), given etoks, the tokens text.Tokenize makes
// of it, and reports true; or reports false when it cannot tell (see
// foldOnly and possEnd). s.toks is etoks itself when no word needs
// rewriting (see rewrite), else a copy in s.own: it is never written to.
func (s *scanner) fromEntityTokens(etoks []token) bool {
	if foldOnly(s.text) {
		return false
	}
	starts, own := s.starts[:0], s.own[:0]
	copied := 0 // etoks[:copied] are in own, rewritten
	for k := notable(etoks, 0); k < len(etoks); k = notable(etoks, k+1) {
		t := &etoks[k]
		if t.LowerHash != 0 && t.Flags&(text.Poss|text.Abbrev) == 0 {
			// ASCII letters, capitalised as fold has it, or "the" (or a
			// word that shares its hash: see notable).
			if s.g.lowerFirst.has(t.LowerHash) {
				the := b2i(t.LowerHash == theHash && t.End-t.Start == 3)
				if (t.Flags&text.Upper != 0 || the == 1) && !s.inEntityWord(t.RStart, the) && !lowerNext(etoks, k, the) {
					starts = append(starts, int32((k+len(own)-copied)<<1|the))
				}
			}
			continue
		}
		if t.Flags&(text.Poss|text.Abbrev) == 0 && (t.Flags&text.Upper == 0 || s.text[t.Start]-'A' < 26 || upperAgrees(s.text, t)) {
			if the := theIn(s.text, t); (t.Flags&text.Upper != 0 || the == 1) && s.mayStart(t.LowerHash) && !s.inEntityWord(t.RStart, the) && !lowerNext(etoks, k, the) {
				starts = append(starts, int32((k+len(own)-copied)<<1|the))
			}
			continue
		}
		own = append(own, etoks[copied:k]...)
		var ok bool
		if own, starts, ok = s.rewrite(own, starts, t); !ok {
			return false
		}
		copied = k + 1
	}
	s.starts, s.toks = starts, etoks
	if copied > 0 {
		s.own = append(own, etoks[copied:]...)
		s.toks = s.own
	}
	return true
}

// notable returns the first of etoks[k:] that may start a name or need
// rewriting, or len(etoks). Most words are neither: lower case, no
// possessive, not "the" (a plain word has a hash). The loop is on its own
// so that it keeps its few values in registers.
func notable(etoks []token, k int) int {
	for ; k < len(etoks); k++ {
		t := &etoks[k]
		if t.Flags&(text.Upper|text.Poss|text.Abbrev) != 0 || t.LowerHash == theHash || t.LowerHash == 0 && t.End-t.Start == 3 {
			break
		}
	}
	return k
}

// inEntityWord reports whether a name start that is not "the" (the == 0)
// and begins at code point r is inside an entity span: every mention at it
// would overlap the entity (see mention), and it need not be listed.
func (s *scanner) inEntityWord(r int32, the int) bool {
	return the == 0 && s.ents != nil && s.ents.marked(r)
}

// lowerNext reports whether etoks[k], "the" (the == 1), is followed by
// no word or by a word of ASCII letters in lower case (it has a hash):
// a name after "the" needs a capital (see longestAt), and it need not be
// listed.
func lowerNext(etoks []token, k, the int) bool {
	if the == 0 {
		return false
	}
	return k+1 >= len(etoks) || etoks[k+1].Flags&text.Upper == 0 && etoks[k+1].LowerHash != 0
}

// upperAgrees reports whether t, which has Upper set, starts with a capital
// (and not with a digit or a mark before one).
func upperAgrees(s string, t *token) bool {
	if c := s[t.Start]; c < 0x80 {
		return c-'A' < 26
	}
	return fold.StartsUpper(s[t.Start:t.End])
}

// rewrite appends the fold words of t (a dotted abbreviation, a word with a
// possessive, or a word whose Upper fold does not share) and their name
// starts; false when possEnd says fold would go on.
func (sc *scanner) rewrite(dst []token, starts []int32, t *token) ([]token, []int32, bool) {
	s := sc.text
	if t.Flags&text.Abbrev != 0 { // "U.S.": capitals and dots, all ASCII
		for b := t.Start; b < t.End; b += 2 {
			r := t.RStart + b - t.Start
			if !sc.inEntityWord(r, 0) {
				starts = append(starts, int32(len(dst)<<1))
			}
			dst = append(dst, token{Start: b, End: b + 1, RStart: r, REnd: r + 1, Flags: text.Upper})
		}
		return dst, starts, true
	}
	dst, starts = sc.addWord(dst, starts, token{Start: t.Start, End: t.End, RStart: t.RStart, REnd: t.REnd})
	if t.Flags&text.Poss == 0 {
		return dst, starts, true
	}
	// "Kyiv's": fold ends the word before the apostrophe, skips it and
	// makes the "s" a word.
	b := t.End + apostropheLen(s[t.End])
	if !possEnd(s, int(b)+1) {
		return dst, starts, false
	}
	dst, starts = sc.addWord(dst, starts, token{Start: b, End: b + 1, RStart: t.REnd + 1, REnd: t.REnd + 2})
	return dst, starts, true
}

// addWord appends t with fold's Upper, and its name start unless it begins
// in an entity (see inEntityWord) or its hash (lowerHash, which a start
// keeps, as hashStarts gives them) tells mayStart it starts none.
func (sc *scanner) addWord(dst []token, starts []int32, t token) ([]token, []int32) {
	s := sc.text
	if c := s[t.Start]; c < 0x80 {
		t.Flags = fold.UpperFlag(c-'A' < 26)
	} else {
		t.Flags = fold.UpperFlag(fold.StartsUpper(s[t.Start:t.End]))
	}
	if the := theIn(s, &t); (t.Flags != 0 || the == 1) && !sc.inEntityWord(t.RStart, the) {
		if t.LowerHash = lowerHash(s[t.Start:t.End]); !sc.mayStart(t.LowerHash) {
			return append(dst, t), starts
		}
		starts = append(starts, int32(len(dst)<<1|the))
	}
	return append(dst, t), starts
}

// apostropheLen is the length of the apostrophe (', ’ or ʼ) whose first
// byte is c.
func apostropheLen(c byte) int32 {
	switch c {
	case '\'':
		return 1
	case 0xCA: // ʼ U+02BC
		return 2
	}
	return 3 // ’ U+2019
}

// possEnd reports whether the possessive "s" before byte i of s is a whole
// word to fold: no apostrophe follows it (the entity tokenizer has made
// sure no word character does).
func possEnd(s string, i int) bool {
	rest := s[i:]
	return !strings.HasPrefix(rest, "'") && !strings.HasPrefix(rest, "\u2019") && !strings.HasPrefix(rest, "\u02bc")
}
