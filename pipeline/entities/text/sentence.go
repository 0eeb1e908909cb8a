package text

import (
	"strings"
	"unicode/utf8"
)

// Sentence is a range of tokens [Tok0, Tok1) with its byte range [Start, End)
// and code point range [RStart, REnd), including the sentence's punctuation
// and surrounding quotation marks but no leading or trailing whitespace.
type Sentence struct {
	Tok0, Tok1   int
	Start, End   int
	RStart, REnd int
}

// isTitleAbbrev reports whether w is a word that ends with a dot without
// ending a sentence ("Mr.", "Gen.", "Jan."). A switch, which the compiler
// turns into a search by length and value, costs less than a map lookup.
func isTitleAbbrev(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col",
		"Maj", "Sgt", "Capt", "Adm", "Sen", "Rep", "Gov",
		"St", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep",
		"Sept", "Oct", "Nov", "Dec", "No", "Prof", "Rev",
		"Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "vs",
		"Lt-Gen", "Brig", "Cmdr", "Pres", "approx":
		return true
	}
	return false
}

// Gap returns the text between token i and token i+1 (or the end of s).
func Gap(s string, toks []Token, i int) string {
	end := len(s)
	if i+1 < len(toks) {
		end = int(toks[i+1].Start)
	}
	return s[toks[i].End:end]
}

// BreakAfter reports whether a sentence ends after token i.
func BreakAfter(s string, toks []Token, i int) bool {
	if i+1 >= len(toks) {
		return true
	}
	g := Gap(s, toks, i)
	p := -1
	for j := 0; j < len(g); j++ {
		switch c := g[j]; {
		case c == '\n':
			return true
		case p < 0 && (c == '.' || c == '!' || c == '?'):
			p = j
		case p < 0 && c == 0xE2 && strings.HasPrefix(g[j:], "…"):
			p = j
		}
	}
	if p < 0 {
		return false
	}
	if next := toks[i+1]; next.Flags&(Upper|Digit) == 0 && !opensQuote(g[p:]) {
		return false
	}
	if p == 0 && g[0] == '.' && isAbbrevWord(toks[i].Text(s), toks[i]) {
		return false
	}
	return true
}

// opensQuote reports whether g holds an opening quotation mark: '"', '«',
// '“', '„' or '‘'; it is strings.ContainsAny(g, "“\"«„‘") by bytes. The
// marks' first bytes (0xC2, 0xE2) are never continuation bytes, so their
// byte sequences are found only where a decoder would read the marks.
func opensQuote(g string) bool {
	for j := 0; j < len(g); j++ {
		switch g[j] {
		case '"':
			return true
		case 0xC2: // « is C2 AB
			if j+1 < len(g) && g[j+1] == 0xAB {
				return true
			}
		case 0xE2: // “ is E2 80 9C, „ E2 80 9E, ‘ E2 80 98
			if j+2 < len(g) && g[j+1] == 0x80 && (g[j+2] == 0x9C || g[j+2] == 0x9E || g[j+2] == 0x98) {
				return true
			}
		}
	}
	return false
}

func isAbbrevWord(w string, t Token) bool {
	if isTitleAbbrev(w) {
		return true
	}
	// A single upper-case letter is an initial ("J. Smith").
	return utf8.RuneCountInString(w) == 1 && t.Has(Upper)
}

// Sentences splits s, tokenized by Tokenize into toks, into sentences and
// appends them to dst. Only the gaps after tokens flagged MayBreak are
// looked at.
func Sentences(dst []Sentence, s string, toks []Token) []Sentence {
	start := 0
	for i := 0; i < len(toks); i++ {
		i = nextMayBreak(toks, i)
		if !BreakAfter(s, toks, i) {
			continue
		}
		dst = append(dst, makeSentence(s, toks, start, i+1))
		start = i + 1
	}
	return dst
}

// nextMayBreak returns the first token from i on that is flagged MayBreak
// or is the last one; i < len(toks).
func nextMayBreak(toks []Token, i int) int {
	for i < len(toks)-1 && toks[i].Flags&MayBreak == 0 {
		i++
	}
	return i
}

// makeSentence widens the token range [a, b) to the punctuation around it:
// opening marks before the first token and closing punctuation after the last,
// up to whitespace. ASCII bytes are tested without decoding (isASCIISpace).
func makeSentence(s string, toks []Token, a, b int) Sentence {
	st := Sentence{Tok0: a, Tok1: b, Start: int(toks[a].Start), RStart: int(toks[a].RStart),
		End: int(toks[b-1].End), REnd: int(toks[b-1].REnd)}
	lo := 0
	if a > 0 {
		lo = int(toks[a-1].End)
	}
	for st.Start > lo {
		n := 1
		if c := s[st.Start-1]; c < utf8.RuneSelf {
			if isASCIISpace(c) {
				break
			}
		} else {
			var r rune
			if r, n = utf8.DecodeLastRuneInString(s[:st.Start]); isSpace(r) {
				break
			}
		}
		st.Start -= n
		st.RStart--
	}
	hi := len(s)
	if b < len(toks) {
		hi = int(toks[b].Start)
	}
	for st.End < hi {
		n := 1
		if c := s[st.End]; c < utf8.RuneSelf {
			if isASCIISpace(c) {
				break
			}
		} else {
			var r rune
			if r, n = utf8.DecodeRuneInString(s[st.End:]); isSpace(r) {
				break
			}
		}
		st.End += n
		st.REnd++
	}
	return st
}

// isASCIISpace is isSpace for an ASCII byte c.
func isASCIISpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func isSpace(r rune) bool {
	switch r {
	case ' ', '\n', '\t', '\r', '\u00a0', '\u2009', '\u202f', '\u2028', '\u2029':
		return true
	}
	return false
}
