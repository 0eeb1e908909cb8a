package normalize

import "strings"

// maxCaptionBytes bounds the length of a paragraph that can be a caption.
const maxCaptionBytes = 1200

// SplitCaptions separates the photo captions that agency copy interleaves
// with the story from the story's own paragraphs. It keeps the order of both
// and does not change any paragraph's text. See IsCaption for the test.
func SplitCaptions(paragraphs []string) (body, captions []string) {
	body = make([]string, 0, len(paragraphs))
	for _, p := range paragraphs {
		if IsCaption(p) {
			captions = append(captions, p)
		} else {
			body = append(body, p)
		}
	}
	return body, captions
}

// splitCaptionsWords is SplitCaptions over the paragraphs of clean text,
// returning the body paragraphs joined again (text itself when it holds no
// caption). It also returns the words of the captions by the counts of pw,
// when pw.ok (0 otherwise), and then takes the paragraph ends from pw too.
func splitCaptionsWords(text string, pw *paragraphWords) (body string, captions []string, captionWords int) {
	cuts := make([][2]int, 0, 16) // the byte ranges of the captions
	for start, k := 0, 0; start < len(text); k++ {
		var end int
		if pw.ok {
			end = pw.paragraphEnd(k, text)
		} else {
			end = paragraphEnd(text, start)
		}
		// clean text (pw.ok) has no white space at a paragraph's ends
		if p := text[start:end]; pw.ok && isCaption(p) || !pw.ok && IsCaption(p) {
			if captions == nil {
				captions = make([]string, 0, 4) // most stories have a few
			}
			captions = append(captions, p)
			cuts = append(cuts, [2]int{start, end})
			if pw.ok {
				captionWords += pw.paragraph(k)
			}
		}
		start = end + len(paragraphSep)
	}
	if len(cuts) == 0 {
		return text, nil, captionWords
	}
	return cutParagraphs(text, cuts), captions, captionWords
}

// paragraphEnd returns the offset of the paragraph separator after
// text[start], or len(text): strings.Index for "\n\n", found with the
// faster single-byte search, as line breaks are rare in clean text.
func paragraphEnd(text string, start int) int {
	for i := start; ; i++ {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			return len(text)
		}
		if i += k; i+1 < len(text) && text[i+1] == '\n' {
			return i
		}
	}
}

// cutParagraphs returns text without the paragraphs at the byte ranges cuts
// (in order), the paragraphs left separated by paragraphSep as
// strings.Join would.
func cutParagraphs(text string, cuts [][2]int) string {
	var b strings.Builder
	b.Grow(len(text))
	from, runs := 0, 0 // runs: runs of paragraphs written
	for _, c := range append(cuts, [2]int{len(text) + len(paragraphSep)}) {
		if c[0] <= from {
			from = c[1] + len(paragraphSep)
			continue
		}
		if runs++; runs > 1 {
			b.WriteString(paragraphSep)
		}
		b.WriteString(text[from : c[0]-len(paragraphSep)])
		from = c[1] + len(paragraphSep)
	}
	return b.String()
}

// IsCaption reports whether paragraph p is a photo caption: it ends with a
// photo credit ("REUTERS", "REUTERS/Name", "AP Photo/Name", "AFP via Getty
// Images", "P.A.", "EPA-EFE", "via REUTERS", "Photo: ...", "(Photo by ...)",
// "ANADOLU", "Ukrinform", "Getty Images") set apart from the sentence before
// it, and the text before the credit reads like a caption: it opens like one
// ("A view shows", "FILE PHOTO:", "Photo:"), or it describes a scene in the
// present tense ("X attends ...", "Smoke rises ...") or carries a full date
// ("June 14, 2024"), and it reports no speech ("said", "told"). A credit that
// names a photo ("Photo: ...", "(AP Photo/...)", "Фото: ...") only needs the
// text before it to report no speech. A paragraph that ends "..., he told
// Reuters." or quotes AP stays in the body.
func IsCaption(p string) bool {
	return isCaption(trimSpace(p))
}

// isCaption is IsCaption for a paragraph p with no white space at its ends.
func isCaption(p string) bool {
	if len(p) < 4 || len(p) > maxCaptionBytes {
		return false
	}
	start, strong, ok := creditStart(p)
	if !ok {
		return false
	}
	desc := strings.TrimSpace(p[:start])
	switch {
	case desc == "":
		return strong
	case namesPhoto(p[start:]):
		// "Photo: ...", "(AP Photo/...)", "Фото: ...": explicit enough
		return hasCaptionLead(desc) || !captionSignals(desc).speech
	}
	return readsLikeCaption(desc)
}

// namesPhoto reports whether a credit says in so many words that it credits a
// photo: it holds "Photo", "PHOTO", "Фото" or "Foto", found in one pass
// that compares in full only at the first bytes of those words.
func namesPhoto(credit string) bool {
	for i := 0; i+4 <= len(credit); i++ {
		switch rest := credit[i:]; rest[0] {
		case 'P':
			if strings.HasPrefix(rest, "Photo") || strings.HasPrefix(rest, "PHOTO") {
				return true
			}
		case 'F':
			if strings.HasPrefix(rest, "Foto") {
				return true
			}
		case "Фото"[0]:
			if strings.HasPrefix(rest, "Фото") {
				return true
			}
		}
	}
	return false
}

// readsLikeCaption reports whether desc, a paragraph without its credit,
// reads like a photo caption.
func readsLikeCaption(desc string) bool {
	if hasCaptionLead(desc) {
		return true
	}
	sig := captionSignals(desc)
	return !sig.speech && (sig.date || sig.scene)
}

// captionLeads open a caption.
var captionLeads = []string{
	"A view shows", "A view of", "A general view", "An aerial view", "General view",
	"FILE PHOTO", "File photo", "FILE -", "FILE:", "Photo:", "PHOTO:", "Pictured:",
	"In this photo", "In this handout", "In this image", "This photo", "This handout",
	"A handout photo", "Handout photo", "A still image", "A screen grab", "A screengrab",
	"Фото:", "Foto:",
}

// hasCaptionLead reports whether desc opens with one of captionLeads. Only
// the leads that share its first byte are compared in full.
func hasCaptionLead(desc string) bool {
	if desc == "" || leadStarts[desc[0]>>6]&(1<<(desc[0]&63)) == 0 {
		return false
	}
	for _, l := range captionLeads {
		if l[0] == desc[0] && strings.HasPrefix(desc, l) {
			return true
		}
	}
	return false
}

// leadStarts marks the first bytes of captionLeads.
var leadStarts = func() (t [4]uint64) {
	for _, l := range captionLeads {
		t[l[0]>>6] |= 1 << (l[0] & 63)
	}
	return t
}()

// Kinds of caption words.
const (
	wordSpeech = 1 << iota // reported speech, which captions do not carry
	wordScene              // a present-tense verb describing a photo
	wordMonth              // a month name
)

// captionWords gives the kind of the words that matter to captions, as
// written in sentence-case captions: verbs in lower case, months capitalised.
var captionWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for kind, words := range map[uint8]string{
		wordSpeech: `said says told stated added according заявив заявила сказав
			сказала повідомив повідомила зазначив заявил сказал сообщил сообщила
			отметил sagte déclaré dijo`,
		wordScene: `attend attends speak speaks look looks gesture gestures walk
			walks stand stands hold holds pose poses shake shakes arrive arrives
			meet meets ride rides fire fires sit sits wait waits rest rests carry
			carries inspect inspects react reacts mourn mourns lay lays visit
			visits prepare prepares remove removes clear clears rise rises burn
			burns work works take takes talk talks listen listens greet greets
			salute salutes drive drives patrol patrols lie lies hug hugs cry
			cries pray prays launch launches smile smiles wave waves kneel kneels
			gather gathers leave leaves help helps train trains watch watches
			receive receives address addresses deliver delivers embrace embraces
			shelter shelters flee flees board boards play plays cross crosses
			clean cleans repair repairs dig digs evacuate evacuates search
			searches load loads unload unloads march marches protest protests
			rally rallies queue queues sign signs stroll strolls drill drills
			operate operates check checks hang hangs bid bids chat chats mark
			marks pay pays place places light lights sort sorts view views
			observe observes seen shown pictured`,
		wordMonth: `January February March April May June July August September
			October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
			Nov Dec`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] |= kind
		}
	}
	return m
}()

// maxCaptionWord is the byte length of the longest word in captionWords.
const maxCaptionWord = 20

// captionStarts marks, for every length, the first bytes of the words of
// captionWords of that length, to skip most look-ups.
var captionStarts = func() (t [maxCaptionWord + 1][4]uint64) {
	for w := range captionWords {
		t[len(w)][w[0]>>6] |= 1 << (w[0] & 63)
	}
	return t
}()

// captionSet is captionWords as a wordSet.
var captionSet = func() *wordSet {
	m := make(map[string]uint16, len(captionWords))
	for w, kind := range captionWords {
		m[w] = uint16(kind)
	}
	return newWordSet(m)
}()

// captionWord returns the kind of the word s[i:j], of 1 to maxCaptionWord
// bytes, whose first byte captionStarts marks for its length.
func captionWord(s string, i, j int) uint8 {
	if j-i > 8 {
		return uint8(captionSet.long[s[i:j]])
	}
	if i+8 <= len(s) {
		return uint8(captionSet.find(load8(s, i) & lowBytes[j-i]))
	}
	return uint8(captionSet.find(packWord(s[i:j])))
}

// signals are what a caption candidate's words say about it.
type signals struct {
	speech, scene, date bool
}

// captionSignals reads the words of desc once: reported speech, a scene verb
// after the first word, a full date ("June 14, 2024", "14 June 2024"). It
// reads tokens as nextToken would, taking those of ASCII letters and digits
// between ASCII separators itself (no call) and the others from nextToken.
func captionSignals(desc string) signals {
	var sig signals
	var k1, k2 uint8 // kinds of the two previous tokens (wordMonth, dayTok)
	for i, n := 0, 1; ; n++ {
		for i < len(desc) && tokenByte[desc[i]] == tokenSep {
			i++
		}
		start := i
		for i < len(desc) && tokenByte[desc[i]] == tokenAlnum {
			i++
		}
		if i < len(desc) && tokenByte[desc[i]] == tokenWide {
			start, i = nextToken(desc, start) // desc[start] is wide, or the token goes on with a wide character
		}
		if start == i {
			return sig
		}
		var k uint8 // the token's kind for a date: wordMonth, dayTok or 0
		if b := desc[start]; b-'0' < 10 {
			// a number: a day or a year (all digits), never a caption word
			k = numberSignal(desc[start:i], k1, k2, &sig)
		} else if l := i - start; l >= 3 && l <= maxCaptionWord && captionStarts[l][b>>6]&(1<<(b&63)) != 0 {
			kind := captionWord(desc, start, i)
			sig.speech = sig.speech || kind&wordSpeech != 0
			sig.scene = sig.scene || (kind&wordScene != 0 && n > 1)
			k = kind & wordMonth
		}
		k1, k2 = k, k1
	}
}

// dayTok is the kind of a one- or two-digit number.
const dayTok = 1 << 7

// numberSignal reads a token w that starts with a digit, following tokens of
// kinds k1 and k2: it sets sig.date when w is the year of a full date, and
// returns w's kind for a date (dayTok or 0).
func numberSignal(w string, k1, k2 uint8, sig *signals) uint8 {
	if isYear(w) && ((k1 == dayTok && k2 == wordMonth) || (k1 == wordMonth && k2 == dayTok)) {
		sig.date = true
	}
	if isDay(w) {
		return dayTok
	}
	return 0
}
