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
// space turned into ' ' and runs of spaces collapsed, markup removed (tag-like
// "<...>" sequences, and any '<' that would open a tag), paragraphs (lines)
// separated by exactly "\n\n", no leading or trailing space. Quotation marks
// of every style are kept as they are.
func CleanText(s string) string { return clean(s, eachLine) }

// cleanLine cleans s into one line of text.
func cleanLine(s string) string { return clean(s, singleLine) }

// clean is CleanText with a choice of line mode. Text made of ASCII and
// NFC-inert characters is already in NFC. When NFC changes a text that has a '<', the text is cleaned once more:
// a compatibility character such as U+212A (Kelvin) becomes an ASCII letter
// and could follow a '<'.
func clean(s string, mode lineMode) string {
	if mode == singleLine && cleanLineAlready(s) {
		return s
	}
	out, inert := cleanText(s, mode)
	if inert {
		return out
	}
	nfc := norm.NFC.String(out)
	if nfc != out && strings.IndexByte(nfc, '<') >= 0 {
		out, _ = cleanText(nfc, mode)
		nfc = norm.NFC.String(out)
	}
	return nfc
}

// cleaner accumulates clean text, holding back whitespace until the next
// visible character decides whether it becomes a space or a paragraph break,
// and holding back '<' until the next visible character shows whether it
// would open a tag.
type cleaner struct {
	b       strings.Builder
	mode    lineMode
	nl      int  // line breaks seen since the last visible character
	sp      bool // a space seen since the last visible character
	lt      int  // '<' characters held back
	invalid bool // the previous byte was an invalid UTF-8 sequence
	other   bool // a character that NFC may change was seen
}

// visible settles what is held back before a visible character whose first
// byte is b: '<' is dropped before a tag start and written otherwise; held
// whitespace becomes a space or a paragraph break.
func (c *cleaner) visible(b byte) {
	if c.lt > 0 && startsTag(b) {
		c.lt = 0
	}
	c.writeLT()
	c.flush()
}

// writeLT writes the held-back '<' characters.
func (c *cleaner) writeLT() {
	for ; c.lt > 0; c.lt-- {
		c.b.WriteByte('<')
	}
}

// flush writes the held-back whitespace.
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

// space records whitespace: n line breaks, or a space when n is 0.
func (c *cleaner) space(n int) {
	c.writeLT()
	c.nl += n
	c.sp = c.sp || n == 0
	c.invalid = false
}

// cleanText is the cleaning pass of clean, without NFC. It also reports
// whether the text it returns is already in NFC because every character in
// it is ASCII or NFC-inert.
func cleanText(s string, mode lineMode) (string, bool) {
	c := cleaner{mode: mode}
	c.b.Grow(len(s))
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case plainByte[b]:
			i = c.run(s, i)
		case b < utf8.RuneSelf:
			i += c.ascii(s, i)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			c.rune(r, s[i:i+size])
			i += size
		}
	}
	c.writeLT()
	return c.b.String(), !c.other
}

// plainByte marks the printable ASCII bytes that need no attention ('<' and
// space do).
var plainByte = func() (t [256]bool) {
	for b := '!'; b < 0x7f; b++ {
		t[b] = b != '<'
	}
	return t
}()

// run copies the run of plain bytes (and single spaces between them) that
// starts at s[i] and returns the offset after it: the fast path for text that
// is already clean.
func (c *cleaner) run(s string, i int) int {
	c.visible(s[i])
	j := i + 1
	for j < len(s) {
		if plainByte[s[j]] {
			j++
			continue
		}
		if s[j] == ' ' && j+1 < len(s) && plainByte[s[j+1]] {
			j += 2
			continue
		}
		break
	}
	c.b.WriteString(s[i:j])
	return j
}

// ascii handles the ASCII byte at s[i] and returns how many bytes it used.
func (c *cleaner) ascii(s string, i int) int {
	switch b := s[i]; {
	case b == '\n':
		c.space(1)
	case b == '\r':
		c.space(1)
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
	case b == ' ' || b == '\t' || b == '\v' || b == '\f':
		c.space(0)
	case b < 0x20 || b == 0x7f:
		// other control characters are dropped
	case b == '<':
		if i+1 < len(s) && startsTag(s[i+1]) {
			if n := tagLen(s[i:]); n > 0 {
				return n // a stray tag
			}
		}
		if c.lt == 0 {
			c.visible(b)
		}
		c.lt++
	default:
		c.visible(b)
		c.b.WriteByte(b)
	}
	return 1
}

// rune handles one non-ASCII rune r whose encoding is enc.
func (c *cleaner) rune(r rune, enc string) {
	c.other = c.other || !nfcInert(r)
	switch {
	case plainRune(r):
		c.visible(enc[0])
		c.b.WriteString(enc)
	case r == utf8.RuneError && len(enc) == 1:
		if !c.invalid {
			c.visible(enc[0])
			c.b.WriteRune(utf8.RuneError)
		}
		c.invalid = true
		return
	case r == '\u2028' || r == '\u0085':
		c.space(1)
	case r == '\u2029':
		c.space(2)
	case unicode.Is(unicode.Zs, r):
		c.space(0)
	case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r):
		// C1 controls, zero-width and bidi formatting characters, soft hyphen
	default:
		c.visible(enc[0])
		c.b.WriteString(enc)
	}
	c.invalid = false
}

// nfcInert reports whether r is in a range of characters that NFC leaves
// alone and that never compose with a preceding character: Latin-1 and
// Latin Extended letters, Cyrillic, general punctuation (quotes, dashes) and
// currency signs. A combining mark after one of them is not inert itself.
func nfcInert(r rune) bool {
	return (r >= 0xa0 && r < 0x300) || (r >= 0x400 && r < 0x483) || (r >= 0x48a && r < 0x530) ||
		(r >= 0x2010 && r <= 0x2027) || (r >= 0x2030 && r <= 0x205e) ||
		(r >= 0x20a0 && r <= 0x20c0)
}

// plainRune reports, without table look-ups, whether r is in a range with no
// space, control or format characters: most letters and punctuation of news
// text (Latin, Greek, Cyrillic, dashes, quotes, CJK).
func plainRune(r rune) bool {
	return (r > 0xa0 && r != 0xad && r < 0x600) || (r >= 0x2010 && r <= 0x2027) ||
		(r >= 0x2030 && r <= 0x205e) || (r > 0x3000 && r < 0xfeff)
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
