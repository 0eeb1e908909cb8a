package normalize

import (
	"strings"
	"unicode/utf8"
)

// creditStart finds the photo credit that ends paragraph p. It returns the
// byte offset where the credit starts, whether the credit is unmistakably a
// photo credit on its own (so a paragraph holding only it is a caption), and
// whether p ends with a credit at all.
func creditStart(p string) (start int, strong, ok bool) {
	from := max(0, len(p)-maxCreditTail)
	if !creditHint(p[from:]) {
		return 0, false, false
	}
	if s, strong, ok := parenCredit(p); ok {
		return s, strong, true
	}
	segStart := from + lastSentenceEnd(p[from:])
	seg := p[segStart:]
	if segCredit(seg) {
		return segStart, strongCredit(seg), true
	}
	if s, ok := tailCredit(seg); ok {
		return segStart + s, true, true
	}
	return 0, false, false
}

// maxCreditTail bounds how far from the end of a paragraph its credit starts.
const maxCreditTail = 128

// parenCredit matches a credit in parentheses at the end of p: "(AP
// Photo/Name)", "(Photo by Name/Getty Images)", "(Photo: Name)".
func parenCredit(p string) (start int, strong, ok bool) {
	t := strings.TrimSuffix(p, ".")
	if !strings.HasSuffix(t, ")") {
		return 0, false, false
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 || len(t)-open > 100 {
		return 0, false, false
	}
	inner := t[open+1 : len(t)-1]
	if strings.ContainsAny(inner, "()") || !photoCreditText(inner) {
		return 0, false, false
	}
	return open, strings.Contains(inner, "Photo") || strings.Contains(inner, "/"), true
}

// photoCreditText reports whether the text inside parentheses names a photo
// source: it holds one of photoSources, found in one pass that compares in
// full only the sources that start with the byte at hand.
func photoCreditText(inner string) bool {
	for i := 0; i < len(inner); i++ {
		if b := inner[i]; sourceStarts[b>>6]&(1<<(b&63)) != 0 {
			for _, k := range photoSources {
				if k[0] == b && strings.HasPrefix(inner[i:], k) {
					return true
				}
			}
		}
	}
	return false
}

// photoSources are the words that name a photo source in a credit in
// parentheses.
var photoSources = []string{"Photo", "photo", "Foto", "Фото", "Getty Images",
	"REUTERS", "AFP", "EPA-EFE", "Ukrinform", "ANADOLU", "/AP", "AP Photo"}

// sourceStarts marks the first bytes of photoSources.
var sourceStarts = func() (t [4]uint64) {
	for _, k := range photoSources {
		t[k[0]>>6] |= 1 << (k[0] & 63)
	}
	return t
}()

// lastSentenceEnd returns the offset just after the last sentence boundary
// (". ", "? ", "! ", ".” ") in p, or 0 when there is none. An ASCII byte
// before a space is read without decoding.
func lastSentenceEnd(p string) int {
	for i := len(p) - 2; i >= 0; i-- {
		if p[i+1] != ' ' {
			continue
		}
		switch b := p[i]; {
		case b == '.' || b == '?' || b == '!':
			return i + 2
		case b == '"':
			if i > 0 && (p[i-1] == '.' || p[i-1] == '?' || p[i-1] == '!') {
				return i + 2
			}
		case b >= utf8.RuneSelf && wideSentenceEnd(p[:i+1]):
			return i + 2
		}
	}
	return 0
}

// wideSentenceEnd reports whether s, which ends with a byte of a wide
// character, ends a sentence: a closing quote (”, », ’) after '.', '?' or '!'.
func wideSentenceEnd(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	switch r {
	case '”', '»', '’':
		q, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
		return q == '.' || q == '?' || q == '!'
	}
	return false
}

// isCreditHead reports whether w is one of the agency names a credit
// segment can start with; a switch on strings, no hashing.
func isCreditHead(w string) bool {
	switch w {
	case "REUTERS", "AFP", "AP", "EPA", "EPA-EFE", "ANADOLU", "PA", "P.A.", "UKRINFORM",
		"Ukrinform", "TASS", "XINHUA", "SPUTNIK", "Getty", "Anadolu":
		return true
	}
	return false
}

// headTails are what may follow the agency name in a credit segment.
var headTails = toSet(`Wire Images Agency Media Photo`)

// creditSuffixes end a credit segment that names a photographer or a handout.
var creditSuffixes = []string{
	"via REUTERS", "via Getty Images", "Getty Images", "/AFP", "/ AFP", "/REUTERS",
	"/Reuters", "/Ukrinform", "/UKRINFORM", "via AP", "/AP", "/EPA-EFE", "/EPA",
	"ANADOLU", "Anadolu Agency", "/Anadolu", "/ANADOLU", "Ukrinform", "PA Wire",
	"PA Images", "/PA", "/TASS", "/SPUTNIK", "/Sputnik", "/Xinhua",
}

// photoHeads open a credit segment that names the photographer.
var photoHeads = []string{"Photo:", "Photo by ", "Photos:", "Photograph:", "Фото:", "Foto:"}

// segCredit reports whether seg, the last sentence of a paragraph, is a credit.
func segCredit(seg string) bool {
	seg = strings.TrimSpace(seg)
	if seg != "P.A." {
		seg = strings.TrimSuffix(seg, ".")
	}
	if seg == "" || len(seg) > 100 || wordCountAtMost(seg, 10) < 0 {
		return false
	}
	head, rest := seg, ""
	if k := indexSpaceOrSlash(seg); k >= 0 {
		head, rest = seg[:k], seg[k:]
	}
	if isCreditHead(head) && headTailOK(rest) {
		return true
	}
	// the first and last bytes are compared before the whole head or suffix
	for _, h := range photoHeads {
		if h[0] == seg[0] && strings.HasPrefix(seg, h) {
			return true
		}
	}
	end := seg[len(seg)-1]
	for _, s := range creditSuffixes {
		if s[len(s)-1] == end && strings.HasSuffix(seg, s) &&
			(seg == s || strings.Contains(seg, "/") || strings.Contains(seg, " via ")) {
			return true
		}
	}
	return false
}

// headTailOK reports whether rest may follow an agency name in a credit:
// nothing, "/Name...", " via ...", " Photo/Name" or " Wire" and the like.
func headTailOK(rest string) bool {
	switch {
	case rest == "", rest[0] == '/', strings.HasPrefix(rest, " via "):
		return true
	}
	w := strings.TrimSpace(rest)
	if k := indexSpaceOrSlash(w); k >= 0 {
		if w[k] == ' ' {
			return false
		}
		w = w[:k]
	}
	_, ok := headTails[w]
	return ok
}

// indexSpaceOrSlash is strings.IndexAny(s, " /"), without building a byte
// set per call: the words it looks past are short.
func indexSpaceOrSlash(s string) int {
	for k := 0; k < len(s); k++ {
		if s[k] == ' ' || s[k] == '/' {
			return k
		}
	}
	return -1
}

// strongCredit reports whether a credit segment is a photo credit even with
// no caption before it: it holds "/", "Photo", " via " or "Getty", found in
// one pass that compares in full only at the first bytes of those.
func strongCredit(seg string) bool {
	for i := 0; i < len(seg); i++ {
		switch rest := seg[i:]; rest[0] {
		case '/':
			return true
		case 'P':
			if strings.HasPrefix(rest, "Photo") {
				return true
			}
		case ' ':
			if strings.HasPrefix(rest, " via ") {
				return true
			}
		case 'G':
			if strings.HasPrefix(rest, "Getty") {
				return true
			}
		}
	}
	return false
}

// maxTailCredit bounds the length of a credit such as
// "REUTERS/Firstname Lastname/File Photo".
const maxTailCredit = 80

// tailCredit finds a credit that follows the caption without a sentence
// boundary: "... July 8, 2024 REUTERS/Name", "... 2024 Handout via REUTERS",
// "... June 14, 2024 AFP". It returns the credit's offset in seg.
func tailCredit(seg string) (int, bool) {
	from := max(0, len(seg)-maxTailCredit)
	if i := lastIndex(seg[from:], " REUTERS"); i >= 0 {
		i += from
		after := seg[i+len(" REUTERS"):]
		if after == "" || (after[0] == '/' && wordCountAtMost(after, 5) >= 0 && !strings.Contains(after, ". ")) {
			return i + 1, true
		}
	}
	last, lastAt := lastWord(seg, len(seg))
	prev, _ := lastWord(seg, lastAt)
	switch strings.TrimSuffix(last, ".") {
	case "AFP", "EPA-EFE", "ANADOLU", "AP", "PA":
		if isYear(trimPunct(prev)) {
			return lastAt, true
		}
	}
	return 0, false
}

// lastWord returns the last space-separated word of s[:end] and its offset.
func lastWord(s string, end int) (string, int) {
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	start := strings.LastIndexByte(s[:end], ' ') + 1
	return s[start:end], start
}

// wordCountAtMost returns the number of space-separated words in s, or -1
// when there are more than max. It reads eight bytes at a time: a word
// starts at a byte that is not a space after one that is (or at the start).
func wordCountAtMost(s string, max int) int {
	n, before := 0, uint64(0x80) // before: 0x80 when the byte before s[i] is a space, or i is 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		spaces := bytesEqual(load8(s, i), ' ')
		starts := (spaces<<8 | before) &^ spaces & hiBits
		if starts != 0 {
			if n += int((starts >> 7) * loBits >> 56); n > max { // one per start, at most 8
				return -1
			}
		}
		before = spaces >> 56
	}
	for ; i < len(s); i++ {
		if s[i] != ' ' && before != 0 {
			if n++; n > max {
				return -1
			}
		}
		before = 0
		if s[i] == ' ' {
			before = 0x80
		}
	}
	return n
}
