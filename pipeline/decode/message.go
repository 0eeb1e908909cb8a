package decode

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/warwire/warwire/pipeline"
)

// span is where the content of a JSON string lies in the message, and
// whether it holds escapes. The zero span is the empty string.
type span struct {
	start, end int
	esc        bool
}

// value returns the content of sp in b for a check that keeps nothing: the
// bytes of b themselves when there is no escape.
func (sp span) value(b []byte) []byte {
	raw := b[sp.start:sp.end]
	if !sp.esc {
		return raw
	}
	var sb strings.Builder
	unescapeInto(&sb, raw)
	return []byte(sb.String())
}

// concept is what the fast path keeps of a subject: code, uri and name, and
// where values put them.
type concept struct {
	code, uri, name span
	at              [3][2]int
}

// strings returns the code, uri and name of c from the string values built.
func (c *concept) strings(all string) (code, uri, name string) {
	return all[c.at[0][0]:c.at[0][1]], all[c.at[1][0]:c.at[1][1]], all[c.at[2][0]:c.at[2][1]]
}

// message is what the fast path keeps of a story message: where the values
// fill reads lie. It refers to the message's bytes; fillMessage copies the
// values out.
type message struct {
	text          [numSlots]span
	present       [numSlots]bool
	versionNumber bool // the version is a JSON number, not a string
	urgency       int  // -1 when absent
	concepts      [maxConcepts]concept
	nConcepts     int
}

// maxConcepts bounds the subjects of a message the fast path reads; more
// take the slow path.
const maxConcepts = 16

func (m *message) set(slot uint8, sp span) {
	m.text[slot], m.present[slot] = sp, true
}

// hasText is the schema's hasText rule over the fields the fast path admits.
func (m *message) hasText(raw []byte) bool {
	for _, slot := range [...]uint8{slotHeadline, slotBodyText, slotBodyHTML, slotTitle} {
		if sp := m.text[slot]; nonSpaceEscaped(raw[sp.start:sp.end]) {
			return true
		}
	}
	ps := raw[m.text[slotPubStatus].start:m.text[slotPubStatus].end] // never escaped
	return string(ps) == "canceled" || string(ps) == "withheld"
}

// nonSpaceEscaped is nonSpace over the content of a JSON string given with
// its escapes, which are valid.
func nonSpaceEscaped(raw []byte) bool {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\\' {
			n, r := escape(raw[i:])
			if r >= 0x80 || !isSpaceByte(byte(r)) {
				return true
			}
			i += n - 1
			continue
		}
		if !isSpaceByte(c) {
			return true
		}
	}
	return false
}

// isSpaceByte reports whether c is one of the characters \S excludes.
func isSpaceByte(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// values copies every value the message holds into one new string, all,
// and returns the text fields as parts of it (the concepts learn where
// theirs are): one allocation for all the story's strings.
func (m *message) values(raw []byte) (text [numSlots]string, all string) {
	total := 0
	for _, sp := range m.text {
		total += sp.end - sp.start
	}
	for _, c := range m.concepts[:m.nConcepts] {
		total += c.code.end - c.code.start + c.uri.end - c.uri.start + c.name.end - c.name.start
	}
	var b strings.Builder
	b.Grow(total)
	var at [numSlots][2]int
	for i, sp := range m.text {
		at[i] = writeSpan(&b, raw, sp)
	}
	for i := range m.nConcepts {
		c := &m.concepts[i]
		c.at = [3][2]int{writeSpan(&b, raw, c.code), writeSpan(&b, raw, c.uri), writeSpan(&b, raw, c.name)}
	}
	all = b.String()
	for i, o := range at {
		text[i] = all[o[0]:o[1]]
	}
	return text, all
}

// writeSpan writes the content of sp to b and returns where it lies in b.
func writeSpan(b *strings.Builder, raw []byte, sp span) [2]int {
	start := b.Len()
	if sp.esc {
		unescapeInto(b, raw[sp.start:sp.end])
	} else {
		b.Write(raw[sp.start:sp.end])
	}
	return [2]int{start, b.Len()}
}

// errNoURI is fill's error for a blank uri.
var errNoURI = errors.New("uri: missing required field")

// fillMessage sets the NINJS fields of s from m exactly as fill does from
// the generic value encoding/json decodes from the same message.
func fillMessage(s *pipeline.Story, m *message, raw []byte) error {
	v, all := m.values(raw)
	s.URI = strings.TrimSpace(v[slotURI])
	if s.URI == "" {
		return errNoURI
	}
	var err error
	if s.Version, err = m.version(v[slotVersion]); err != nil {
		return err
	}
	if s.VersionCreated, err = parseTime("versioncreated", v[slotVersionCreated]); err != nil {
		return err
	}
	if s.FirstCreated, err = parseTime("firstcreated", v[slotFirstCreated]); err != nil {
		return err
	}
	s.Headline = firstNonEmpty(v[slotHeadline], v[slotTitle])
	s.BodyText = firstNonEmpty(v[slotBodyText])
	s.BodyHTML = firstNonEmpty(v[slotBodyHTML])
	s.Byline = firstNonEmpty(v[slotByline], v[slotBy])
	s.Language = strings.ToLower(strings.TrimSpace(v[slotLanguage]))
	s.Located = v[slotLocated]
	s.CopyrightHolder = v[slotCopyright]
	s.URL = v[slotURL]
	s.PubStatus = strings.ToLower(v[slotPubStatus])
	if s.PubStatus == "" {
		s.PubStatus = pipeline.PubStatusUsable
	}
	if m.urgency >= 0 {
		s.Urgency = m.urgency
	}
	s.Subjects = nil
	for i := range m.nConcepts {
		if sub, ok := subject(m.concepts[i].strings(all)); ok {
			if s.Subjects == nil {
				s.Subjects = make([]pipeline.Subject, 0, m.nConcepts)
			}
			s.Subjects = append(s.Subjects, sub)
		}
	}
	return nil
}

// version reads the version as fill does: 1 when absent.
func (m *message) version(v string) (int64, error) {
	switch {
	case !m.present[slotVersion]:
		return 1, nil
	case m.versionNumber:
		return checkVersion(versionNumber(json.Number(v)))
	}
	return checkVersion(versionString(v))
}

// isDateTime reports whether s matches the dateTime pattern of
// ninjs.schema.json:
//
//	^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$
func isDateTime(s []byte) bool {
	if len(s) < 10 || !digitsAt(s, 0, 4) || s[4] != '-' || !digitsAt(s, 5, 2) || s[7] != '-' || !digitsAt(s, 8, 2) {
		return false
	}
	s = s[10:]
	if len(s) == 0 {
		return true
	}
	if (s[0] != 'T' && s[0] != 't' && s[0] != ' ') || len(s) < 6 || !digitsAt(s, 1, 2) || s[3] != ':' || !digitsAt(s, 4, 2) {
		return false
	}
	s = s[6:]
	if len(s) >= 3 && s[0] == ':' && digitsAt(s, 1, 2) {
		s = s[3:]
		if len(s) >= 2 && (s[0] == '.' || s[0] == ',') && digitsAt(s, 1, 1) {
			s = s[2:]
			for len(s) > 0 && s[0] >= '0' && s[0] <= '9' {
				s = s[1:]
			}
		}
	}
	return zone(s)
}

// zone reports whether s is an empty or valid time zone of the dateTime
// pattern: ([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?
func zone(s []byte) bool {
	switch {
	case len(s) == 0:
		return true
	case s[0] == 'Z' || s[0] == 'z':
		return len(s) == 1
	case s[0] != '+' && s[0] != '-':
		return false
	}
	if len(s) < 3 || !digitsAt(s, 1, 2) {
		return false
	}
	s = s[3:]
	if len(s) > 0 && s[0] == ':' {
		return len(s) == 3 && digitsAt(s, 1, 2)
	}
	return len(s) == 0 || (len(s) == 2 && digitsAt(s, 0, 2))
}

// digitsAt reports whether s[i:i+n] are ASCII digits (s is long enough).
func digitsAt(s []byte, i, n int) bool {
	for _, c := range s[i : i+n] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
