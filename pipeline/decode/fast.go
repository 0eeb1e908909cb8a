package decode

import "bytes"

// The fast path reads the common shape of a story message (a flat NINJS 1.x
// object of strings and numbers with a subject list) in one pass over the raw
// bytes, checking as it goes every rule ninjs.schema.json has for those
// fields. It unescapes the values fill reads into one buffer as it reads
// them (message.vals), and fillMessage sets the story from them exactly as
// fill does from what encoding/json decodes. Anything else (a 2.x array, an
// escaped key, a value outside the schema, invalid JSON, data after the
// object) makes it give up, and the slow path (encoding/json and the full
// JSON Schema validator) decides and words the error.

// fieldKind says how the fast path checks the value of a top-level field.
type fieldKind uint8

const (
	kindAny       fieldKind = iota // not in the schema's properties: any JSON value
	kindString                     // a string that fill does not read
	kindText                       // a string that fill reads
	kindURI                        // a string with a non-space character
	kindVersion                    // an integer ≥ 0 or a string of 1–18 digits
	kindDateTime                   // a string matching the dateTime pattern
	kindReadTime                   // kindDateTime, read by fill
	kindPubStatus                  // one of usable, withheld, canceled
	kindUrgency                    // an integer 0–9
	kindCount                      // an integer ≥ 0
	kindSubject                    // an array of concepts, read by fill
	kindSlow                       // a field only the slow path handles
)

// Slots of the string fields fill reads, in message.text.
const (
	slotURI = iota
	slotVersion
	slotVersionCreated
	slotFirstCreated
	slotHeadline
	slotTitle
	slotBodyText
	slotBodyHTML
	slotByline
	slotBy
	slotLanguage
	slotLocated
	slotCopyright
	slotURL
	slotPubStatus
	numSlots
)

// field is how the fast path handles a top-level field: its kind and, for a
// string fill reads, its slot.
type field struct {
	kind fieldKind
	slot uint8
}

// fields maps every property of ninjs.schema.json to how it is handled.
var fields = map[string]field{
	"uri": {kindURI, slotURI}, "version": {kindVersion, slotVersion},
	"versioncreated": {kindReadTime, slotVersionCreated}, "firstcreated": {kindReadTime, slotFirstCreated},
	"contentcreated": {kind: kindDateTime}, "embargoed": {kind: kindDateTime}, "expires": {kind: kindDateTime},
	"pubstatus": {kindPubStatus, slotPubStatus}, "urgency": {kind: kindUrgency},
	"charcount": {kind: kindCount}, "wordcount": {kind: kindCount},
	"headline": {kindText, slotHeadline}, "title": {kindText, slotTitle}, "body_text": {kindText, slotBodyText},
	"body_html": {kindText, slotBodyHTML}, "byline": {kindText, slotByline}, "by": {kindText, slotBy},
	"language": {kindText, slotLanguage}, "located": {kindText, slotLocated},
	"copyrightholder": {kindText, slotCopyright}, "url": {kindText, slotURL},
	"type": {kind: kindString}, "mimetype": {kind: kindString}, "representationtype": {kind: kindString},
	"profile": {kind: kindString}, "slugline": {kind: kindString}, "copyrightnotice": {kind: kindString},
	"usageterms": {kind: kindString}, "ednote": {kind: kindString},
	"subject":   {kind: kindSubject},
	"headlines": {kind: kindSlow}, "bodies": {kind: kindSlow}, "descriptions": {kind: kindSlow},
	"keywords": {kind: kindSlow}, "subjects": {kind: kindSlow}, "person": {kind: kindSlow},
	"people": {kind: kindSlow}, "organisation": {kind: kindSlow}, "organisations": {kind: kindSlow},
	"place": {kind: kindSlow}, "places": {kind: kindSlow}, "event": {kind: kindSlow}, "events": {kind: kindSlow},
	"object": {kind: kindSlow}, "objects": {kind: kindSlow}, "genre": {kind: kindSlow}, "genres": {kind: kindSlow},
	"infosource": {kind: kindSlow}, "infosources": {kind: kindSlow}, "trustindicator": {kind: kindSlow},
	"trustindicators": {kind: kindSlow}, "altids": {kind: kindSlow}, "renditions": {kind: kindSlow},
	"associations": {kind: kindSlow}, "$standard": {kind: kindSlow}, "standard": {kind: kindSlow},
	"rightsinfo": {kind: kindSlow},
}

// parseMessage reads raw into m when the fast path can prove raw is one
// JSON object that ninjs.schema.json accepts; it returns false when the slow
// path must decide. raw is valid UTF-8, and ctl is false only when it holds
// no control character (see checkRaw).
func parseMessage(raw []byte, ctl bool, m *message) bool {
	p := parser{b: raw, ctl: ctl, out: m.vals[:0]}
	m.urgency = -1
	p.space()
	ok := p.members(func(key []byte) bool { return p.field(m, key) }) && p.end()
	m.vals = p.out
	return ok && m.present[slotURI] && m.hasText()
}

// members reads a JSON object at the current position, handing each key to
// member, which must consume the value. It fails on any syntax error.
func (p *parser) members(member func(key []byte) bool) bool {
	if !p.take('{') {
		return false
	}
	p.space()
	if p.take('}') {
		return true
	}
	for {
		key, ok := p.key()
		if !ok || !member(key) {
			return false
		}
		p.space()
		if p.take('}') {
			return true
		}
		if !p.take(',') {
			return false
		}
		p.space()
	}
}

// field checks and, when fill reads it, keeps the value of one field.
func (p *parser) field(m *message, rawKey []byte) bool {
	f, known := byKey.lookup(rawKey)
	if !known && patternString(rawKey) {
		f.kind = kindString
	}
	switch f.kind {
	case kindAny:
		return p.skip(0)
	case kindString:
		return p.skipString()
	case kindSubject:
		return p.subjects(m)
	case kindVersion:
		return p.version(m)
	case kindUrgency, kindCount:
		n, ok := p.integer()
		if ok && f.kind == kindUrgency {
			if len(n) != 1 {
				return false
			}
			m.urgency = int(n[0] - '0')
		}
		return ok
	case kindSlow:
		return false
	}
	sp, ok := p.stringSpan()
	if !ok || (f.kind != kindText && !checkString(f.kind, p.out[sp.start:sp.end])) {
		return false
	}
	if f.kind == kindDateTime {
		p.out = p.out[:sp.start] // checked, not kept
	} else {
		m.set(f.slot, sp)
	}
	return true
}

// checkString applies the schema's rule for a string field of kind.
func checkString(kind fieldKind, s []byte) bool {
	switch kind {
	case kindURI:
		return nonSpace(s)
	case kindDateTime, kindReadTime:
		return isDateTime(s)
	case kindPubStatus:
		return string(s) == "usable" || string(s) == "withheld" || string(s) == "canceled"
	}
	return true
}

// version accepts a plain integer up to 2^53-1 or a string of 1–18 digits.
func (p *parser) version(m *message) bool {
	if p.peek() == '"' {
		sp, ok := p.stringSpan()
		if s := p.out[sp.start:sp.end]; !ok || len(s) < 1 || len(s) > 18 || !digits(s) {
			return false
		}
		m.set(slotVersion, sp)
		m.versionNumber = false
		return true
	}
	start := p.i
	n, ok := p.integer()
	if !ok || len(n) > 16 || (len(n) == 16 && string(n) > "9007199254740991") {
		return false
	}
	at := len(p.out)
	p.out = append(p.out, p.b[start:p.i]...)
	m.set(slotVersion, span{start: at, end: len(p.out)})
	m.versionNumber = true
	return true
}

// subjects reads an array of concepts, keeping code, uri and name.
func (p *parser) subjects(m *message) bool {
	if !p.take('[') {
		return false
	}
	m.nConcepts = 0
	p.space()
	if p.take(']') {
		return true
	}
	for {
		if m.nConcepts == maxConcepts {
			return false
		}
		c := &m.concepts[m.nConcepts]
		*c = concept{}
		if !p.members(func(key []byte) bool { return p.conceptField(c, key) }) {
			return false
		}
		m.nConcepts++
		p.space()
		if p.take(']') {
			return true
		}
		if !p.take(',') {
			return false
		}
		p.space()
	}
}

// conceptField reads one field of a concept: string fields, relevance and
// confidence 0–100, anything else unchecked.
func (p *parser) conceptField(c *concept, key []byte) bool {
	var dst *span
	switch string(key) {
	case "code":
		dst = &c.code
	case "uri":
		dst = &c.uri
	case "name":
		dst = &c.name
	case "rel", "scheme", "literal", "creator":
		return p.skipString()
	case "relevance", "confidence":
		n, ok := p.integer()
		return ok && (len(n) < 3 || string(n) == "100")
	default:
		return p.skip(0)
	}
	sp, ok := p.stringSpan()
	*dst = sp
	return ok
}

// nonSpace reports whether s matches the pattern \S: a character other than
// tab, newline, form feed, carriage return and space.
func nonSpace[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			return true
		}
	}
	return false
}

func digits[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// patternString reports whether key matches one of the schema's
// patternProperties (^headline_, ^body_ or ^description_ and then
// [a-zA-Z0-9_]+), whose values must be strings.
func patternString(key []byte) bool {
	var rest []byte
	switch {
	case bytes.HasPrefix(key, []byte("headline_")):
		rest = key[len("headline_"):]
	case bytes.HasPrefix(key, []byte("body_")):
		rest = key[len("body_"):]
	case bytes.HasPrefix(key, []byte("description_")):
		rest = key[len("description_"):]
	default:
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return len(rest) > 0
}
