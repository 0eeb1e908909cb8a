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
