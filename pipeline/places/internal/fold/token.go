package fold

import (
	"unicode/utf8"
)

// Tokens appends the words of s to dst and returns it. A word is a run of
// letters, digits and combining marks; an apostrophe between two letters is
// part of the word ("Mar'inka"), except the English possessive "'s", which
// ends it ("Kyiv's" gives "Kyiv"). s must be shorter than 2 GiB.
func Tokens(dst []Token, s string) []Token {
	dst, _ = tokenize(dst, nil, s, false)
	return dst
}

// TokensStarts is Tokens that also appends to starts, in order, each word
// that may start a name: i<<1 for a capitalised word dst[i], i<<1 | 1 when
// dst[i] is the article "the" in any case (capitalised or not).
func TokensStarts(dst []Token, starts []int32, s string) ([]Token, []int32) {
	return tokenize(dst, starts, s, true)
}

// tokenize is Tokens, listing name starts as TokensStarts when list is set.
func tokenize(dst []Token, starts []int32, s string, list bool) ([]Token, []int32) {
	extra := 0 // bytes minus code points before i
	short := 0 // block reads in a row that got less than 8 bytes far
	for i := 0; i < len(s); {
		end := len(s) // where the rune-at-a-time code hands back
		if len(s)-i >= 8 {
			var n, stop int
			if len(s)-i >= 64 {
				dst, starts, n, stop = asciiBlock(dst, starts, s[i:i+64], i, extra, list)
			} else {
				dst, starts, n, stop = tailBlock(dst, starts, s[i:], i, extra, list)
			}
			if n >= len(s)-i || n == 64 {
				i, short = min(i+n, len(s)), 0
				continue
			}
			// Past the stop byte; in text full of non-ASCII letters or
			// apostrophes, a while longer.
			end = min(i+stop+1, len(s))
			if short++; n >= 8 {
				short = 0
			} else if short > 2 {
				end = min(i+128, len(s))
			}
			i += n
		}
		for i < end {
			n := len(dst)
			dst, i, extra = step(dst, s, i, extra)
			if list && len(dst) > n {
				starts = stepStart(starts, s, dst, n)
			}
		}
	}
	return dst, starts
}

// StartsUpper reports whether w starts with an upper-case letter: the Upper
// of a token whose text is w.
func StartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return isUpper(r)
}

// stepStart appends token n of toks (a word of s) to starts when it may
// start a name (see TokensStarts).
func stepStart(starts []int32, s string, toks []Token, n int) []int32 {
	t := &toks[n]
	the := 0
	if w := s[t.Start:t.End]; len(w) == 3 && w[0]|0x20 == 't' && w[1]|0x20 == 'h' && w[2]|0x20 == 'e' {
		the = 1
	}
	if t.Flags != 0 || the == 1 {
		starts = append(starts, int32(n<<1|the))
	}
	return starts
}

// tailBlock runs asciiBlock over the last bytes of a text (fewer than 64),
// padded with zeros: a zero is neither a word byte nor a stop, so a word
// that reaches the end of the text ends there.
func tailBlock(dst []Token, starts []int32, tail string, base, extra int, list bool) ([]Token, []int32, int, int) {
	var buf [64]byte
	copy(buf[:], tail)
	return asciiBlock(dst, starts, buf[:], base, extra, list)
}

// step reads the text from byte i, outside a word: one character that is not
// part of a word, or one whole word, which it appends to dst. It returns the
// new position and count of bytes minus code points.
func step(dst []Token, s string, i, extra int) ([]Token, int, int) {
	k := byteClass[s[i]]
	if k == 0 {
		return dst, i + 1, extra // ASCII space or punctuation; a lone apostrophe is nothing
	}
	start, rstart, upper := i, i-extra, k&classUpper != 0
	if k == classOther {
		r, n := utf8.DecodeRuneInString(s[i:])
		extra += n - 1
		i += n
		if !isWordRune(r) {
			return dst, i, extra
		}
		upper = isUpper(r)
	} else {
		i++
	}
	i, extra = wordEnd(s, i, extra)
	dst = append(dst, Token{Start: int32(start), End: int32(i), RStart: int32(rstart), REnd: int32(i - extra), Flags: UpperFlag(upper)})
	return dst, i, extra
}

// wordEnd returns where the word that goes on at byte i ends, and the
// updated count of bytes minus code points.
func wordEnd(s string, i, extra int) (int, int) {
	for i < len(s) {
		k := byteClass[s[i]]
		switch {
		case k&classWord != 0:
			i++
			for i < len(s) && byteClass[s[i]]&classWord != 0 {
				i++
			}
		case k == 0:
			if c := s[i]; (c != '\'' && c != '`') || !apostropheInWord(s, i+1) {
				return i, extra
			}
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) && !(isApostrophe(r) && apostropheInWord(s, i+n)) {
				return i, extra
			}
			extra += n - 1
			i += n
		}
	}
	return i, extra
}

// Byte classes: ASCII letters and digits are words, A-Z also upper case;
// other ASCII bytes are 0; bytes of multi-byte sequences are classOther.
const (
	classWord  = 1
	classUpper = 2
	classOther = 4
)

// byteClass classifies every byte value (see classWord).
var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = classWord
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classWord
		t[c-'a'+'A'] = classWord | classUpper
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = classOther
	}
	return t
}()

// apostropheInWord reports whether the text after an apostrophe (starting at
// byte j) continues the word: a letter follows, and it is not a lone
// possessive s.
func apostropheInWord(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[j:])
	if !isWordRune(r) {
		return false
	}
	if r == 's' || r == 'S' {
		if j+n >= len(s) {
			return false
		}
		next, _ := utf8.DecodeRuneInString(s[j+n:])
		return isWordRune(next)
	}
	return true
}

// Key folds a whole name into its lookup key: the folded words joined by
// single spaces, so "Ivano-Frankivsk", "ivano frankivsk" and "IVANO-FRANKIVSK"
// share one key.
func Key(name string) string {
	b, _ := AppendKey(nil, nil, name)
	return string(b)
}

// AppendKey appends Key(name) to dst, using toks as scratch space, and
// returns both for reuse.
func AppendKey(dst []byte, toks []Token, name string) ([]byte, []Token) {
	if key, ok := appendPlainKey(dst, name); ok {
		return key, toks
	}
	toks = Tokens(toks[:0], name)
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = AppendWord(dst, t.Text(name))
	}
	return dst, toks
}

// appendPlainKey is AppendKey for a name of ASCII letters in words joined
// by single spaces ("KYIV", "United States"), which folds to its lower
// case; false (and dst as it was) for any other name.
func appendPlainKey(dst []byte, name string) ([]byte, bool) {
	n := len(dst)
	if name == "" || name[0] == ' ' || name[len(name)-1] == ' ' {
		return dst, false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == ' ' && name[i-1] != ' ' {
			dst = append(dst, ' ')
			continue
		}
		if c|0x20-'a' >= 26 {
			return dst[:n], false
		}
		dst = append(dst, c|0x20)
	}
	return dst, true
}

// Words returns the number of words in a folded key.
func Words(key string) int {
	if key == "" {
		return 0
	}
	n := 1
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			n++
		}
	}
	return n
}
