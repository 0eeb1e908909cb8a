package places

import (
	"slices"
	"strings"

	"github.com/warwire/warwire/pipeline"
	entmention "github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// The entity stage, which runs just before this one, leaves the body split
// into its own tokens (text.Tokenize) in Story.Shared. Its words differ from
// this package's (fold.Tokens) in three ways only, which fromEntityTokens
// undoes:
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
func sharedTokens(st *pipeline.Story) []text.Token {
	var t *entmention.Text
	switch sh := st.Shared.(type) {
	case *entmention.Doc:
		if sh != nil {
			t = sh.Text
		}
	case *entmention.Text:
		t = sh
	}
	// A Text given back to its pool has an empty Body: it never matches.
	if t == nil || st.Body == "" || t.Body != st.Body {
		return nil
	}
	return t.Toks
}

// foldOnly reports whether s holds a character that fold takes for an
// apostrophe and the entity tokenizer does not: `, ‘ (E2 80 98) or ´ (C2 B4).
func foldOnly(s string) bool {
	return strings.IndexByte(s, '`') >= 0 || hasSeq(s, "\u2018") || hasSeq(s, "\u00b4")
}

// hasSeq reports whether s contains seq (two bytes or more), looking for its
// second byte first: the first byte of a non-ASCII letter is common in text
// (0xE2 starts every curly quote and dash), the second less so.
func hasSeq(s, seq string) bool {
	for i := 1; i < len(s); i++ {
		k := strings.IndexByte(s[i:], seq[1])
		if k < 0 {
			return false
		}
		i += k
		if strings.HasPrefix(s[i-1:], seq) {
			return true
		}
	}
	return false
}

// theHash is the entity tokenizer's LowerHash of "the".
var theHash = text.Tokenize(nil, "the")[0].LowerHash

// fromEntityTokens appends to dst and starts what fold.TokensStarts appends
// for s, given etoks, the tokens text.Tokenize makes of s. It reports false
// when it cannot tell (see foldOnly and possEnd); dst and starts then hold
// garbage past their old lengths.
func fromEntityTokens(dst []fold.Token, starts []int32, s string, etoks []text.Token) ([]fold.Token, []int32, bool) {
	if foldOnly(s) {
		return dst, starts, false
	}
	dst = slices.Grow(dst, len(etoks))
	for k := range etoks {
		t := &etoks[k]
		if t.LowerHash == 0 || t.Flags&(text.Poss|text.Abbrev) != 0 { // not a plain word of ASCII letters
			var ok bool
			if dst, starts, ok = unusualToken(dst, starts, s, t); !ok {
				return dst, starts, false
			}
			continue
		}
		// A plain word: its first byte is a letter, capital when Upper
		// is set; the hash tells "the" (TestTheHash).
		up := t.Flags&text.Upper != 0
		the := t.LowerHash == theHash && t.End-t.Start == 3
		dst = append(dst, fold.Token{Start: t.Start, End: t.End, RStart: t.RStart, REnd: t.REnd, Upper: up})
		if up || the {
			starts = append(starts, int32((len(dst)-1)<<1|b2i(the)))
		}
	}
	return dst, starts, true
}

// unusualToken appends the fold tokens of t, a word that is not plain ASCII
// letters (a dotted abbreviation, a word with a possessive...), and their
// name starts; false when possEnd says fold would go on.
func unusualToken(dst []fold.Token, starts []int32, s string, t *text.Token) ([]fold.Token, []int32, bool) {
	if t.Flags&text.Abbrev != 0 { // "U.S.": capitals and dots, all ASCII
		for b := t.Start; b < t.End; b += 2 {
			starts = append(starts, int32(len(dst)<<1))
			r := t.RStart + b - t.Start
			dst = append(dst, fold.Token{Start: b, End: b + 1, RStart: r, REnd: r + 1, Upper: true})
		}
		return dst, starts, true
	}
	dst, starts = appendWord(dst, starts, s, fold.Token{Start: t.Start, End: t.End, RStart: t.RStart, REnd: t.REnd})
	if t.Flags&text.Poss == 0 {
		return dst, starts, true
	}
	// "Kyiv's": fold ends the word before the apostrophe, skips it and
	// makes the "s" a word.
	b := t.End + apostropheLen(s[t.End])
	if !possEnd(s, int(b)+1) {
		return dst, starts, false
	}
	dst, starts = appendWord(dst, starts, s, fold.Token{Start: b, End: b + 1, RStart: t.REnd + 1, REnd: t.REnd + 2})
	return dst, starts, true
}

// appendWord appends t, whose Upper it sets, and its name start.
func appendWord(dst []fold.Token, starts []int32, s string, t fold.Token) ([]fold.Token, []int32) {
	if c := s[t.Start]; c < 0x80 {
		t.Upper = c-'A' < 26
	} else {
		t.Upper = fold.StartsUpper(s[t.Start:t.End])
	}
	if the := theIn(s, &t); t.Upper || the == 1 {
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
