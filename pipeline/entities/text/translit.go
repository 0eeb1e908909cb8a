package text

import (
	"strings"
	"unicode"
)

// Romanisation tables: Ukrainian (the official 2010 national system) and
// Russian (BGN/PCGN without diacritics, as English-language news writes it).
var (
	ukrainianLatin = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d",
		'е': "e", 'є': "ie", 'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k",
		'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
		'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu",
		'я': "ia", '\'': "", '’': "", 'ʼ': ""}
	// At the start of a word these Ukrainian letters are written differently.
	ukrainianInitial = map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"}
	russianLatin     = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e",
		'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
		'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
		'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
		'я': "ya", 'і': "i", 'є': "ye", 'ї': "yi", 'ґ': "g"}
)

// Transliterate writes Cyrillic text s in Latin letters: with the Ukrainian
// national system when lang is "uk" (or the text has Ukrainian-only letters),
// else as Russian names are usually spelled in English. Other characters are
// kept; capitalisation follows the source.
func Transliterate(s, lang string) string {
	table, initial := russianLatin, map[rune]string(nil)
	if lang == "uk" || strings.ContainsAny(s, "іїєґІЇЄҐ") {
		table, initial = ukrainianLatin, ukrainianInitial
	}
	var b strings.Builder
	atStart := true
	for _, r := range s {
		lr := unicode.ToLower(r)
		out, ok := table[lr]
		if ini, ok2 := initial[lr]; ok2 && atStart {
			out, ok = ini, true
		}
		atStart = !unicode.IsLetter(r) && r != '\'' && r != '’'
		if !ok {
			b.WriteRune(r)
			continue
		}
		if unicode.IsUpper(r) && out != "" {
			out = strings.ToUpper(out[:1]) + out[1:]
		}
		b.WriteString(out)
	}
	return b.String()
}
