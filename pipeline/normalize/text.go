package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// lineMode says how the cleaner treats line breaks.
type lineMode int

const (
	// eachLine: every line break ends a paragraph.
	eachLine lineMode = iota
	// softWrap: a single line break is a space, a blank line ends a paragraph.
	softWrap
	// singleLine: every line break is a space (headlines, bylines, captions).
	singleLine
)

// paragraphSep separates paragraphs in Body.
const paragraphSep = "\n\n"

// CleanText returns s as clean plain text in NFC: invalid UTF-8 replaced with
// U+FFFD, control and format (zero-width) characters dropped, every kind of
// space turned into ' ' and runs of spaces collapsed, markup-like sequences
// ("<b>", "</p>", a '<' directly before a letter) removed, paragraphs (lines)
// separated by exactly "\n\n", no leading or trailing space. Quotation marks of
// every style are kept as they are.
func CleanText(s string) string {
	return norm.NFC.String(cleanText(s, eachLine))
}

// cleanLine cleans s into one line of text in NFC.
func cleanLine(s string) string {
	return norm.NFC.String(cleanText(s, singleLine))
}

// cleaner accumulates clean text, holding back whitespace until the next
// visible character decides whether it becomes a space or a paragraph break.
type cleaner struct {
	b       strings.Builder
	mode    lineMode
	nl      int  // line breaks seen since the last visible character
	sp      bool // a space seen since the last visible character
	invalid bool // the previous byte was an invalid UTF-8 sequence
}

// flush writes the held-back whitespace before a visible character.
func (c *cleaner) flush() {
	if c.b.Len() > 0 {
		switch {
		case c.mode != singleLine && (c.nl >= 2 || (c.nl == 1 && c.mode == eachLine)):
			c.b.WriteString(paragraphSep)
		case c.nl > 0 || c.sp:
			c.b.WriteByte(' ')
		}
	}
	c.nl, c.sp, c.invalid = 0, false, false
}

// cleanText is CleanText without the NFC step, with a choice of line mode.
func cleanText(s string, mode lineMode) string {
	c := cleaner{mode: mode}
	c.b.Grow(len(s))
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			i += c.ascii(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		c.rune(r, s[i:i+size])
		i += size
	}
	return c.b.String()
}

// ascii handles the ASCII byte at s[i] and returns how many bytes it used.
func (c *cleaner) ascii(s string, i int) int {
	c.invalid = false
	switch b := s[i]; {
	case b == '\n':
		c.nl++
	case b == '\r':
		c.nl++
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
	case b == ' ' || b == '\t' || b == '\v' || b == '\f':
		c.sp = true
	case b < 0x20 || b == 0x7f:
		// other control characters are dropped
	case b == '<' && i+1 < len(s) && startsTag(s[i+1]):
		if n := tagLen(s[i:]); n > 0 {
			return n
		}
		// a lone '<' before a letter: drop it so nothing reads as markup
	default:
		c.flush()
		c.b.WriteByte(b)
	}
	return 1
}

// rune handles one non-ASCII rune r whose encoding is enc.
func (c *cleaner) rune(r rune, enc string) {
	switch {
	case r == utf8.RuneError && len(enc) == 1:
		if !c.invalid {
			c.flush()
			c.b.WriteRune(utf8.RuneError)
		}
		c.invalid = true
		return
	case r == '\u2028' || r == '\u0085':
		c.nl++
	case r == '\u2029':
		c.nl += 2
	case unicode.Is(unicode.Zs, r):
		c.sp = true
	case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r):
		// C1 controls, zero-width and bidi formatting characters, soft hyphen
	default:
		c.flush()
		c.b.WriteString(enc)
	}
	c.invalid = false
}

// startsTag reports whether b after '<' would start markup.
func startsTag(b byte) bool {
	return b == '/' || b == '!' || b == '?' || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// maxTagLen bounds the look-ahead for a stray tag's closing '>'.
const maxTagLen = 512

// tagLen returns the length of the tag-like sequence "<...>" at the start of
// s (no '<' or line break inside, at most maxTagLen bytes), or 0.
func tagLen(s string) int {
	for j := 1; j < len(s) && j < maxTagLen; j++ {
		switch s[j] {
		case '>':
			return j + 1
		case '<', '\n', '\r':
			return 0
		}
	}
	return 0
}

// looksHardWrapped reports whether plain text s was wrapped at a fixed width
// (old wire copy at 64-80 columns): most lines that continue into another
// line have a similar length and do not end a sentence. Such text is cleaned
// in softWrap mode so a paragraph is not cut at every line.
func looksHardWrapped(s string) bool {
	cont, wrapped, open := 0, 0, 0
	prev := ""
	for len(s) > 0 {
		line := s
		if k := strings.IndexByte(s, '\n'); k >= 0 {
			line, s = s[:k], s[k+1:]
		} else {
			s = ""
		}
		line = strings.TrimSpace(line)
		if prev != "" && line != "" {
			cont++
			if n := utf8.RuneCountInString(prev); n >= 50 && n <= 90 {
				wrapped++
			}
			if !endsSentence(prev) {
				open++
			}
		}
		prev = line
	}
	return cont >= 4 && wrapped*5 >= cont*4 && open*2 >= cont
}

// endsSentence reports whether line ends with sentence punctuation.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', '"', '\'', '”', '’', '»', ':', ')':
		return true
	}
	return false
}
