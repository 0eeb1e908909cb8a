package normalize

import (
	"strings"
	"unicode/utf8"
)

// cleanLineAlready reports whether s is a clean single line as it is, so
// cleaning can return it without copying: plain printable ASCII or NFC-inert
// characters, single spaces inside, none at the ends.
func cleanLineAlready(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case plainByte[b]:
			i++
		case b == ' ' && s[i+1] != ' ':
			i++
		case b >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !plainRune(r) || !nfcInert(r) {
				return false
			}
			i += size
		default:
			return false
		}
	}
	return true
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

// Byte classes of cleanTextAlready, two bits each.
const (
	tbVisible uint8 = iota // printable ASCII other than '<' and '&'
	tbSpace                // ' '
	tbNewline              // '\n'
	tbOther                // anything else: looked at on its own
)

var textByte = func() (t [256]uint8) {
	for b := range t {
		switch {
		case b == '&':
			t[b] = tbOther
		case plainByte[b]:
			t[b] = tbVisible
		case b == ' ':
			t[b] = tbSpace
		case b == '\n':
			t[b] = tbNewline
		default:
			t[b] = tbOther
		}
	}
	return t
}()

// badSpacing marks the windows of three byte classes (the oldest in the high
// bits) that clean text cannot hold: two whitespace bytes in a row other
// than "\n\n", three line breaks in a row, and a single line break.
var badSpacing = func() (t [64]bool) {
	for w := range t {
		a, b, c := uint8(w>>4), uint8(w>>2&3), uint8(w&3)
		pair := b != tbVisible && c != tbVisible && !(b == tbNewline && c == tbNewline)
		t[w] = pair || (a == tbNewline && b == tbNewline && c == tbNewline) ||
			(a == tbVisible && b == tbNewline && c == tbVisible)
	}
	return t
}()

// cleanTextAlready reports whether plainText would return body text s as it
// is: no markup or entity reference, only plain printable ASCII and NFC-inert
// characters, words separated by single spaces and paragraphs by exactly
// "\n\n", nothing blank at either end. Such text comes out of clean
// unchanged in every line mode, so plainText can skip its passes.
func cleanTextAlready(s string) bool {
	if s == "" {
		return true
	}
	if textByte[s[0]] == tbSpace || textByte[s[0]] == tbNewline ||
		textByte[s[len(s)-1]] == tbSpace || textByte[s[len(s)-1]] == tbNewline {
		return false
	}
	w, bad := uint8(0), false // w: the classes of the last three bytes
	for i := 0; i < len(s); {
		c := textByte[s[i]]
		if c == tbOther {
			n := visibleOther(s[i:])
			if n == 0 {
				return false
			}
			c, i = tbVisible, i+n
		} else {
			i++
		}
		w = (w<<2 | c) & 63
		bad = bad || badSpacing[w]
	}
	return !bad
}

// visibleOther returns the length of the character at the start of s, an
// '&' or non-ASCII one, when clean text holds it as it is, and 0 otherwise.
func visibleOther(s string) int {
	if s[0] == '&' {
		if entityLen(s) == 1 {
			return 1
		}
		return 0
	}
	if s[0] < utf8.RuneSelf {
		return 0
	}
	r, size := utf8.DecodeRuneInString(s)
	if !plainRune(r) || !nfcInert(r) {
		return 0
	}
	return size
}
