package normalize

import "strings"

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
//	МОСКВА, 3 января. /ТАСС/.      МОСКВА, 3 янв - РИА Новости.
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
	var buf [maxPlaceWords + 2][2]int
	words := capsWords(p, buf[:0])
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

// capsWords appends to out the spans of the all-caps words that open p,
// separated by single spaces, up to cap(out).
func capsWords(p string, out [][2]int) [][2]int {
	for i := 0; len(out) < cap(out); {
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
		return afterAgencyName(t, skipSpaces(t, j+n)), true
	}
	if e, ok := slashAgency(t, j); ok && !needAgency {
		return e, true
	}
	if agency && !needAgency && j < len(t) && firstRuneUpper(t[j:]) {
		return j, true
	}
	return 0, false
}

// slashAgency parses the TASS form "/ТАСС/." at t[j:] and returns the offset
// after it.
func slashAgency(t string, j int) (int, bool) {
	if j >= len(t) || t[j] != '/' {
		return 0, false
	}
	k := strings.IndexByte(t[j+1:], '/')
	if k <= 0 || !agencyName(t[j+1:j+1+k], false) {
		return 0, false
	}
	e := j + k + 2
	if e < len(t) && t[e] == '.' {
		e++
	}
	return skipSpaces(t, e), true
}

// agenciesAfterDash are agency names that some datelines put after the dash
// ("МОСКВА, 3 янв - РИА Новости. ...").
var agenciesAfterDash = []string{"РИА Новости", "RIA Novosti", "Укрінформ", "Ukrinform",
	"УНІАН", "UNIAN", "Интерфакс", "Інтерфакс-Україна", "Interfax-Ukraine", "ТАСС", "TASS"}

// afterAgencyName skips an agency name followed by ". " at t[j:].
func afterAgencyName(t string, j int) int {
	for _, a := range agenciesAfterDash {
		if strings.HasPrefix(t[j:], a) && strings.HasPrefix(t[j+len(a):], ". ") {
			return j + len(a) + 2
		}
	}
	return j
}

// dateTokens reads the ", Ukraine, June 12" part from t[j:]: words that start
// with a capital, numbers and month names, at most six. It returns the offset
// after them.
func dateTokens(t string, j int) (int, bool) {
	for n := 0; ; n++ {
		j = skipSpaces(t, j)
		if j >= len(t) || t[j] == '(' || t[j] == '/' || dashAt(t, j) > 0 {
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
