package decode

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/warwire/warwire/pipeline"
)

// span is where the content of a kept string value lies in message.vals.
// The zero span is the empty string.
type span struct {
	start, end int
}

// concept is what the fast path keeps of a subject: code, uri and name.
type concept struct {
	code, uri, name span
}

// strings returns the code, uri and name of c from the string values built.
func (c *concept) strings(all string) (code, uri, name string) {
	return all[c.code.start:c.code.end], all[c.uri.start:c.uri.end], all[c.name.start:c.name.end]
}

// message is what the fast path keeps of a story message: the values fill
// reads, unescaped into vals, and where each lies there. fillMessage copies
// vals into the story's one string.
type message struct {
	vals          []byte
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
func (m *message) hasText() bool {
	for _, slot := range [...]uint8{slotHeadline, slotBodyText, slotBodyHTML, slotTitle} {
		if sp := m.text[slot]; nonSpace(m.vals[sp.start:sp.end]) {
			return true
		}
	}
	ps := m.vals[m.text[slotPubStatus].start:m.text[slotPubStatus].end]
	return string(ps) == "canceled" || string(ps) == "withheld"
}

// values copies every value the message holds into one new string, all,
// and returns the text fields as parts of it: one allocation for all the
// story's strings.
func (m *message) values() (text [numSlots]string, all string) {
	all = string(m.vals)
	for i, sp := range m.text {
		text[i] = all[sp.start:sp.end]
	}
	return text, all
}

// errNoURI is fill's error for a blank uri.
var errNoURI = errors.New("uri: missing required field")

// fillMessage sets the NINJS fields of s from m exactly as fill does from
// the generic value encoding/json decodes from the same message.
func fillMessage(s *pipeline.Story, m *message) error {
	v, all := m.values()
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
