package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDatelineBytes bounds how far into the body a dateline can reach.
const maxDatelineBytes = 200

// maxPlaceWords bounds the words of an all-caps place ("RIO DE JANEIRO").
const maxPlaceWords = 4

// SplitDateline finds an agency dateline at the start of body and returns the
// place as written ("KYIV", "WASHINGTON", "KYIV/WARSAW", "МОСКВА") and the body
// without the dateline, so that it starts with the first sentence. It knows:
//
//	KYIV, June 12 (Reuters) -      MOSCOW, Jan 3 (AFP) –     KYIV, Ukraine —
//	WASHINGTON —                   BERLIN (dpa) -            КИЇВ, 12 червня —
//	KYIV/WARSAW, June 12 (Reuters) - ...                     Kyiv (AFP) - (known agency)
//	WASHINGTON NATO Secretary General ... (all-caps place, then the sentence)
//
// An all-caps acronym that starts a sentence ("NATO said ...", "US officials
// ...") is not a dateline. With no dateline, place is "" and rest is body.
func SplitDateline(body string) (place, rest string) {
	head := body
	if k := strings.Index(head, paragraphSep); k >= 0 {
		head = head[:k]
	}
	if len(head) > maxDatelineBytes {
		head = head[:maxDatelineBytes]
	}
	end, place, ok := parseDateline(head)
	if !ok {
		return "", body
	}
	rest = strings.TrimLeft(body[end:], " ")
	if strings.HasPrefix(rest, "\n") {
		rest = strings.TrimLeft(rest, "\n")
	}
	return place, rest
}

// parseDateline parses the dateline at the start of p, returning the offset
// where the story text starts and the place.
func parseDateline(p string) (end int, place string, ok bool) {
	words := capsWords(p)
	k := 0
	for k < len(words) && k < maxPlaceWords && !notPlace(p[words[k][0]:words[k][1]]) {
		k++
	}
	if k == 0 {
		return titleDateline(p)
	}
	placeEnd := words[k-1][1]
	place = p[:placeEnd]
	if k == len(words) {
		if e, ok := datelineTail(p[placeEnd:], false); ok {
			return placeEnd + e, place, true
		}
	}
	// "WASHINGTON NATO Secretary ...": the place, a space, then a capitalised
	// word that is not part of an all-caps run.
	if k > 3 || placeEnd >= len(p) || p[placeEnd] != ' ' {
		return 0, "", false
	}
	next, _ := wordAt(p, placeEnd+1)
	if k < len(words) && !isAcronym(next) {
		return 0, "", false
	}
	if k == len(words) && !isTitleWord(next) {
		return 0, "", false
	}
	return placeEnd + 1, place, true
}

// capsWords returns the spans of the all-caps words that open p, separated by
// single spaces.
func capsWords(p string) [][2]int {
	var out [][2]int
	for i := 0; len(out) < maxPlaceWords+2; {
		w, j := wordAt(p, i)
		if !isCapsWord(w) {
			break
		}
		out = append(out, [2]int{i, j})
		if j+1 >= len(p) || p[j] != ' ' {
			break
		}
		i = j + 1
	}
	return out
}

// titleDateline parses "Kyiv (AFP) -" and "Kyiv, June 12 (Reuters) -": a
// title-case place is a dateline only before a known agency and a dash.
func titleDateline(p string) (int, string, bool) {
	i := 0
	for n := 0; n < 3; n++ {
		w, j := wordAt(p, i)
		if !isTitleWord(w) {
			break
		}
		i = j
		if j >= len(p) || p[j] != ' ' || (j+1 < len(p) && p[j+1] == '(') {
			break
		}
		if w2, _ := wordAt(p, j+1); !isTitleWord(w2) {
			break
		}
		i = j + 1
	}
	if i == 0 {
		return 0, "", false
	}
	place := strings.TrimRight(p[:i], " ")
	e, ok := datelineTail(p[len(place):], true)
	if !ok {
		return 0, "", false
	}
	return len(place) + e, place, true
}

// datelineTail parses what follows the place: an optional ", region, date",
// an optional "(Agency)" and a dash. It returns the offset of the story text.
// With needAgency the parenthesis must name a known agency and the dash must
// be there.
func datelineTail(t string, needAgency bool) (int, bool) {
	j := 0
	if strings.HasPrefix(t, ",") {
		var ok bool
		if j, ok = dateTokens(t, 1); !ok {
			return 0, false
		}
	}
	j = skipSpaces(t, j)
	agency := false
	if j < len(t) && t[j] == '(' {
		close := strings.IndexByte(t[j:], ')')
		if close < 0 || !agencyName(t[j+1:j+close], needAgency) {
			return 0, false
		}
		agency = true
		j = skipSpaces(t, j+close+1)
	}
	if n := dashAt(t, j); n > 0 {
		return skipSpaces(t, j+n), true
	}
	if agency && !needAgency && j < len(t) && firstRuneUpper(t[j:]) {
		return j, true
	}
	return 0, false
}

// dateTokens reads the ", Ukraine, June 12" part from t[j:]: words that start
// with a capital, numbers and month names, at most six. It returns the offset
// after them.
func dateTokens(t string, j int) (int, bool) {
	for n := 0; ; n++ {
		j = skipSpaces(t, j)
		if j >= len(t) || t[j] == '(' || dashAt(t, j) > 0 {
			return j, true
		}
		if t[j] == ',' {
			j++
			continue
		}
		w, e := wordAt(t, j)
		if w == "" || n >= 6 || !dateWord(w) {
			return 0, false
		}
		j = e
	}
}

// dateWord reports whether w can be part of a dateline's region or date.
func dateWord(w string) bool {
	if firstRuneUpper(w) || allDigits(strings.TrimSuffix(w, ".")) || w == "de" {
		return true
	}
	_, ok := monthWords[strings.TrimSuffix(w, ".")]
	return ok
}

// agencyName reports whether s (inside parentheses) names a news agency: one
// to four words, no digits; a known agency when known is set.
func agencyName(s string, known bool) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 30 || strings.ContainsAny(s, "0123456789,.") {
		return false
	}
	if known {
		_, ok := knownAgencies[strings.ToLower(s)]
		return ok
	}
	return wordCountAtMost(s, 4) > 0
}

// dashAt returns the byte length of the dash at t[j] ("-", "--", "–", "—")
// when it is followed by a space or the end, or 0.
func dashAt(t string, j int) int {
	if j >= len(t) {
		return 0
	}
	n := 0
	switch {
	case strings.HasPrefix(t[j:], "--"):
		n = 2
	case t[j] == '-':
		n = 1
	case strings.HasPrefix(t[j:], "–"), strings.HasPrefix(t[j:], "—"):
		n = len("—")
		if j+n < len(t) && t[j+n] != ' ' {
			return n // "KYIV—Russia ..."
		}
	}
	if n == 0 || (j+n < len(t) && t[j+n] != ' ') {
		return 0
	}
	return n
}

func skipSpaces(t string, j int) int {
	for j < len(t) && t[j] == ' ' {
		j++
	}
	return j
}

// wordAt returns the word starting at p[i] (letters, digits and the inner
// characters . - / ' ’) and the offset after it.
func wordAt(p string, i int) (string, int) {
	j := i
	for j < len(p) {
		r, n := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".-/'’", r) {
			break
		}
		j += n
	}
	return p[i:j], j
}

// isCapsWord reports whether w is written in capitals: two or more letters,
// all upper case, no digits.
func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return false
		}
	}
	return letters >= 2
}

// isTitleWord reports whether w starts with a capital followed by a
// lower-case letter ("Secretary", "Kyiv", "Ukraine's").
func isTitleWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r2)
}

// notPlace reports whether an all-caps word cannot be (part of) a dateline
// place: an acronym or a function word or a label such as BREAKING.
func notPlace(w string) bool {
	if isAcronym(w) {
		return true
	}
	_, ok := capsStopWords[w]
	return ok
}

// isAcronym reports whether w is a common acronym (NATO, EU, НАТО, "NATO'S").
func isAcronym(w string) bool {
	for _, s := range []string{"'S", "’S", "'s", "’s"} {
		w = strings.TrimSuffix(w, s)
	}
	_, ok := acronyms[w]
	return ok
}
