package decode

import (
	"bytes"
	"encoding/json"
	"regexp"
)

// The fast path reads the common shape of a story message (a flat NINJS 1.x
// object of strings and numbers with a subject list) in one pass over the raw
// bytes, checking as it goes every rule ninjs.schema.json has for those
// fields. It hands fill the same generic values encoding/json would, so a
// message it accepts decodes exactly as on the slow path. Anything else (a
// 2.x array, an escaped key, a value outside the schema, invalid JSON, data
// after the object) makes it give up, and the slow path (encoding/json and
// the full JSON Schema validator) decides and words the error.

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

// fields maps every property of ninjs.schema.json to its kind.
var fields = map[string]fieldKind{
	"uri": kindURI, "version": kindVersion,
	"versioncreated": kindReadTime, "firstcreated": kindReadTime,
	"contentcreated": kindDateTime, "embargoed": kindDateTime, "expires": kindDateTime,
	"pubstatus": kindPubStatus, "urgency": kindUrgency, "charcount": kindCount, "wordcount": kindCount,
	"headline": kindText, "title": kindText, "body_text": kindText, "body_html": kindText, "byline": kindText,
	"by": kindText, "language": kindText, "located": kindText, "copyrightholder": kindText, "url": kindText,
	"type": kindString, "mimetype": kindString, "representationtype": kindString, "profile": kindString,
	"slugline": kindString, "copyrightnotice": kindString, "usageterms": kindString, "ednote": kindString,
	"subject":   kindSubject,
	"headlines": kindSlow, "bodies": kindSlow, "descriptions": kindSlow, "keywords": kindSlow, "subjects": kindSlow,
	"person": kindSlow, "people": kindSlow, "organisation": kindSlow, "organisations": kindSlow, "place": kindSlow,
	"places": kindSlow, "event": kindSlow, "events": kindSlow, "object": kindSlow, "objects": kindSlow,
	"genre": kindSlow, "genres": kindSlow, "infosource": kindSlow, "infosources": kindSlow,
	"trustindicator": kindSlow, "trustindicators": kindSlow, "altids": kindSlow, "renditions": kindSlow,
	"associations": kindSlow, "$standard": kindSlow, "standard": kindSlow, "rightsinfo": kindSlow,
}

// names holds each field name fill reads as a string, so that storing a
// value under its key does not allocate.
var names = func() map[string]string {
	m := map[string]string{"code": "code", "name": "name"}
	for k := range fields {
		m[k] = k
	}
	return m
}()

// dateTimePattern is the dateTime pattern of ninjs.schema.json, compiled with
// the same engine the validator uses.
var dateTimePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$`)

// fastObject returns raw as the generic object fill reads (only the fields
// fill uses) when the fast path can prove raw is one JSON object that
// ninjs.schema.json accepts; ok is false when the slow path must decide.
func fastObject(raw []byte) (obj map[string]any, ok bool) {
	p := parser{b: raw}
	obj = make(map[string]any, 16)
	if !p.object(obj) || !p.end() || obj["uri"] == nil || !hasText(obj) {
		return nil, false
	}
	return obj, true
}

// object reads the top-level object into obj.
func (p *parser) object(obj map[string]any) bool {
	p.space()
	return p.members(func(key []byte) bool { return p.field(obj, key) })
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

// field checks and, when fill reads it, stores the value of one field.
func (p *parser) field(obj map[string]any, rawKey []byte) bool {
	kind, known := fields[string(rawKey)]
	if !known && patternString(rawKey) {
		kind = kindString
	}
	key := names[string(rawKey)]
	switch kind {
	case kindAny:
		return p.skip(0)
	case kindString:
		return p.skipString()
	case kindSubject:
		return p.subjects(obj)
	case kindVersion:
		return p.version(obj)
	case kindUrgency, kindCount:
		n, ok := p.integer()
		if ok && kind == kindUrgency {
			if len(n) != 1 {
				return false
			}
			obj[key] = json.Number(n)
		}
		return ok
	case kindSlow:
		return false
	}
	s, ok := p.str()
	if !ok || !checkString(kind, s) {
		return false
	}
	if kind != kindDateTime {
		obj[key] = s
	}
	return true
}

// checkString applies the schema's rule for a string field of kind.
func checkString(kind fieldKind, s string) bool {
	switch kind {
	case kindURI:
		return nonSpace(s)
	case kindDateTime, kindReadTime:
		return dateTimePattern.MatchString(s)
	case kindPubStatus:
		return s == "usable" || s == "withheld" || s == "canceled"
	}
	return true
}

// version accepts a plain integer up to 2^53-1 or a string of 1–18 digits.
func (p *parser) version(obj map[string]any) bool {
	if p.peek() == '"' {
		s, ok := p.str()
		if !ok || len(s) < 1 || len(s) > 18 || !digits(s) {
			return false
		}
		obj["version"] = s
		return true
	}
	n, ok := p.integer()
	if !ok || len(n) > 16 || (len(n) == 16 && n > "9007199254740991") {
		return false
	}
	obj["version"] = json.Number(n)
	return true
}

// subjects reads an array of concepts, keeping code, uri and name.
func (p *parser) subjects(obj map[string]any) bool {
	if !p.take('[') {
		return false
	}
	list := []any{}
	p.space()
	if p.take(']') {
		obj["subject"] = list
		return true
	}
	for {
		c := make(map[string]any, 2)
		if !p.concept(c) {
			return false
		}
		list = append(list, c)
		p.space()
		if p.take(']') {
			obj["subject"] = list
			return true
		}
		if !p.take(',') {
			return false
		}
		p.space()
	}
}

// concept reads one concept object: string fields, relevance and confidence
// 0–100, anything else unchecked.
func (p *parser) concept(c map[string]any) bool {
	return p.members(func(key []byte) bool { return p.conceptField(c, key) })
}

func (p *parser) conceptField(c map[string]any, key []byte) bool {
	switch string(key) {
	case "code", "uri", "name":
		s, ok := p.str()
		c[names[string(key)]] = s
		return ok
	case "rel", "scheme", "literal", "creator":
		return p.skipString()
	case "relevance", "confidence":
		n, ok := p.integer()
		return ok && (len(n) < 3 || n == "100")
	}
	return p.skip(0)
}

// hasText is the schema's hasText rule over the fields the fast path admits.
func hasText(obj map[string]any) bool {
	for _, k := range [...]string{"headline", "body_text", "body_html", "title"} {
		if s, ok := obj[k].(string); ok && nonSpace(s) {
			return true
		}
	}
	ps, _ := obj["pubstatus"].(string)
	return ps == "canceled" || ps == "withheld"
}

// nonSpace reports whether s matches the pattern \S: a character other than
// tab, newline, form feed, carriage return and space.
func nonSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			return true
		}
	}
	return false
}

func digits(s string) bool {
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
