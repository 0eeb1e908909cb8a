package places

import (
	"unicode"
	"unicode/utf8"
)

// cyrillicEndings are tried on a stem when an inflected Ukrainian or Russian
// name does not match: "Брюсселе" → "брюссель", "Москве" → "москва".
var cyrillicEndings = []string{"", "а", "ь", "я"}

// cyrillic reports a word whose first letter is Cyrillic.
func cyrillic(w []byte) bool {
	r, _ := utf8.DecodeRune(w)
	return r >= 0x400 && r < 0x530 && unicode.Is(unicode.Cyrillic, r)
}

// inflected looks up the nominative of a one-word Cyrillic name in an
// oblique case by stripping one or two final letters and trying the usual
// endings; Ukrainian "-ові"/"-ові" stems also try "-ів" ("Харкові" →
// "харків"). It reports false for other scripts.
func (g *Gazetteer) inflected(key []byte) ([]cand, bool) {
	if len(key) == 0 || key[0] < utf8.RuneSelf {
		return nil, false // ASCII: not Cyrillic
	}
	first, _ := utf8.DecodeRune(key)
	if !unicode.Is(unicode.Cyrillic, first) || utf8.RuneCount(key) < 4 {
		return nil, false
	}
	var buf [64]byte
	stem := key
	for strip := 0; strip < 2; strip++ {
		_, n := utf8.DecodeLastRune(stem)
		stem = stem[:len(stem)-n]
		for _, end := range cyrillicEndings {
			b := append(append(buf[:0], stem...), end...)
			if c, ok := g.lookupBytes(b); ok {
				return c, true
			}
		}
		if c, ok := g.ivStem(stem, buf[:0]); ok {
			return c, true
		}
	}
	return nil, false
}

// ivStem tries the Ukrainian alternation of "-ов"/"-ев"/"-єв" stems with "-ів".
func (g *Gazetteer) ivStem(stem, buf []byte) ([]cand, bool) {
	_, n1 := utf8.DecodeLastRune(stem)
	if n1 == 0 || string(stem[len(stem)-n1:]) != "в" {
		return nil, false
	}
	head := stem[:len(stem)-n1]
	r, n2 := utf8.DecodeLastRune(head)
	if r != 'о' && r != 'е' && r != 'є' {
		return nil, false
	}
	b := append(append(buf, head[:len(head)-n2]...), "ів"...)
	c, ok := g.lookupBytes(b)
	return c, ok
}
