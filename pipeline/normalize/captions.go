package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCaptionBytes bounds the length of a paragraph that can be a caption.
const maxCaptionBytes = 1200

// SplitCaptions separates the photo captions that agency copy interleaves
// with the story from the story's own paragraphs. It keeps the order of both
// and does not change any paragraph's text. See IsCaption for the test.
func SplitCaptions(paragraphs []string) (body, captions []string) {
	body = paragraphs[:0:0]
	for _, p := range paragraphs {
		if IsCaption(p) {
			captions = append(captions, p)
		} else {
			body = append(body, p)
		}
	}
	return body, captions
}

// IsCaption reports whether paragraph p is a photo caption: it ends with a
// photo credit ("REUTERS", "REUTERS/Name", "AP Photo/Name", "AFP via Getty
// Images", "P.A.", "EPA-EFE", "via REUTERS", "Photo: ...", "(Photo by ...)",
// "ANADOLU", "Ukrinform", "Getty Images") set apart from the sentence before
// it, and the text before the credit reads like a caption: it opens like one
// ("A view shows", "FILE PHOTO:", "Photo:"), or it describes a scene in the
// present tense ("X attends ...", "Smoke rises ...") or carries a full date
// ("June 14, 2024"), and it reports no speech ("said", "told"). A paragraph
// that ends "..., he told Reuters." or quotes AP stays in the body.
func IsCaption(p string) bool {
	p = strings.TrimSpace(p)
	if len(p) < 4 || len(p) > maxCaptionBytes {
		return false
	}
	start, strong, ok := creditStart(p)
	if !ok {
		return false
	}
	desc := strings.TrimSpace(p[:start])
	if desc == "" {
		return strong
	}
	return readsLikeCaption(desc)
}

// readsLikeCaption reports whether desc, a paragraph without its credit,
// reads like a photo caption.
func readsLikeCaption(desc string) bool {
	if hasCaptionLead(desc) {
		return true
	}
	if reportsSpeech(desc) {
		return false
	}
	return hasFullDate(desc) || hasSceneVerb(desc)
}

// captionLeads open a caption.
var captionLeads = []string{
	"A view shows", "A view of", "A general view", "An aerial view", "General view",
	"FILE PHOTO", "File photo", "FILE -", "FILE:", "Photo:", "PHOTO:", "Pictured:",
	"In this photo", "In this handout", "In this image", "This photo", "This handout",
	"A handout photo", "Handout photo", "A still image", "A screen grab", "A screengrab",
	"Фото:", "Foto:",
}

func hasCaptionLead(desc string) bool {
	for _, l := range captionLeads {
		if strings.HasPrefix(desc, l) {
			return true
		}
	}
	return false
}

// speechCues mark reported speech, which captions do not carry.
var speechCues = []string{
	" said", " says", " told ", " told,", " according to ", " stated", " added",
	" заявив", " сказав", " заявил", " сказал", " sagte", " a déclaré", " dijo",
}

func reportsSpeech(desc string) bool {
	for _, c := range speechCues {
		if strings.Contains(desc, c) {
			return true
		}
	}
	return false
}

// sceneVerbs are present-tense verbs that captions use to describe a photo.
var sceneVerbs = toSet(`attend attends speak speaks look looks gesture gestures
	walk walks stand stands hold holds pose poses shake shakes arrive arrives
	meet meets ride rides fire fires sit sits wait waits rest rests carry
	carries inspect inspects react reacts mourn mourns lay lays visit visits
	prepare prepares remove removes clear clears rise rises burn burns work
	works take takes talk talks listen listens greet greets salute salutes
	drive drives patrol patrols lie lies hug hugs cry cries pray prays launch
	launches smile smiles wave waves kneel kneels gather gathers leave leaves
	help helps train trains watch watches receive receives address addresses
	deliver delivers embrace embraces shelter shelters flee flees board boards
	play plays cross crosses clean cleans repair repairs dig digs evacuate
	evacuates search searches load loads unload unloads march marches protest
	protests rally rallies queue queues sign signs stroll strolls drill drills
	operate operates check checks hang hangs bid bids chat chats mark marks
	pay pays place places light lights sort sorts view views observe observes
	seen shown pictured`)

func hasSceneVerb(desc string) bool {
	n := 0
	found := false
	eachWord(desc, func(w string) bool {
		n++
		if _, ok := sceneVerbs[strings.ToLower(w)]; ok && n > 1 {
			found = true
		}
		return !found && n < 40
	})
	return found
}

// eachWord calls fn with every run of letters in s until fn returns false.
func eachWord(s string, fn func(string) bool) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !fn(s[start:i]) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

func toSet(words string) map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

// englishMonths lists month names and their common abbreviations.
var englishMonths = toSet(`January February March April May June July August
	September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
	Oct Nov Dec`)

// hasFullDate reports whether desc has a day, month and year: "June 14, 2024",
// "Jan. 3, 2025" or "14 June 2024".
func hasFullDate(desc string) bool {
	f := strings.Fields(desc)
	for i := 0; i+2 < len(f); i++ {
		a, b, c := trimPunct(f[i]), trimPunct(f[i+1]), trimPunct(f[i+2])
		if isYear(c) && ((isMonth(a) && isDay(b)) || (isDay(a) && isMonth(b))) {
			return true
		}
	}
	return false
}

func trimPunct(w string) string { return strings.TrimRight(w, ".,;:") }

func isMonth(w string) bool { _, ok := englishMonths[w]; return ok }

func isDay(w string) bool { return len(w) >= 1 && len(w) <= 2 && allDigits(w) }

func isYear(w string) bool {
	return len(w) == 4 && allDigits(w) && (w[:2] == "19" || w[:2] == "20")
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// firstRuneUpper reports whether s starts with an upper-case letter.
func firstRuneUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
