package normalize

import (
	"strings"
)

// The whole-text forms of the clean-text check and the caption split, which
// Normalize no longer calls (it uses cleanTextWords and splitCaptionsWords,
// which do the same while counting words): kept as references for the tests
// and benchmarks.

// plainText cleans a body_text. Text that carries HTML tags goes through the
// HTML tokenizer (keeping its line breaks); otherwise only well-formed entity
// references are decoded. Hard-wrapped text has its lines rejoined.
func plainText(src string) (string, []string) {
	if cleanTextAlready(src) {
		return src, nil
	}
	return cleanPlainText(src)
}

// cleanTextAlready reports whether plainText would return body text s as it
// is: no markup or entity reference, only printable ASCII and NFC-inert
// characters, words separated by single spaces and paragraphs by exactly
// "\n\n", nothing blank at either end. Such text (most agency copy) comes
// out of clean unchanged in every line mode, so plainText can skip its
// passes. The checks that look for one byte or pair run on the vectorised
// string search; the rest skips printable ASCII eight bytes at a time.
func cleanTextAlready(s string) bool {
	if s == "" {
		return true
	}
	if !visibleByte(s[0]) || !visibleByte(s[len(s)-1]) ||
		strings.IndexByte(s, '<') >= 0 || strings.Contains(s, "  ") || !plainAmpersands(s) {
		return false
	}
	for i := 0; i < len(s); {
		for i+8 <= len(s) && unprintable8(load8(s, i)) == 0 {
			i += 8
		}
		if i == len(s) {
			break
		}
		n := cleanCharLen(s, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// unprintable8 marks (with the high bit) the bytes of x that are not
// printable ASCII (' ' to '~'); it is 0 when all eight are. It combines the
// classic tests for a byte below n, (x - n*loBits) &^ x & hiBits, and for a
// byte above n, (x + (127-n)*loBits | x) & hiBits, both exact for n up to
// 127 in the lowest byte they mark (a borrow or carry only runs upward from
// a marked byte), so the lowest mark is the first such byte.
func unprintable8(x uint64) uint64 {
	below := (x - ' '*loBits) &^ x
	above := x + (127-'~')*loBits | x
	return (below | above) & hiBits
}

// splitCaptionsText is SplitCaptions over the paragraphs of clean text,
// returning the body paragraphs joined again: text itself when it holds no
// caption.
func splitCaptionsText(text string) (body string, captions []string) {
	body, captions, _ = splitCaptionsWords(text, &paragraphWords{})
	return body, captions
}
