// Package synth generates synthetic wire stories about the war in Ukraine for demos and
// benchmarks. The stories are realistic but invented, and each one is a NINJS 1.x document of
// 3–6 KB. They are built from hand-written templates: datelines, leads, quotes of every
// attribution form, photo captions with credits, spelling variants, office holders by date and
// front-line places by date.
//
// Generation is deterministic. The same seed always gives byte-identical output. Story i depends
// only on the seed and i, so stories can be generated in any order or in parallel, with one
// Generator per goroutine.
package synth

import (
	"io"
	"strconv"
	"time"
)

// Subject is a NINJS subject: an IPTC media topic code and its name.
type Subject struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Story is one generated NINJS 1.x document. The field order is the order used by AppendJSON.
type Story struct {
	URI             string    `json:"uri"`
	Type            string    `json:"type"`
	Version         int       `json:"version"`
	VersionCreated  string    `json:"versioncreated"`
	FirstCreated    string    `json:"firstcreated"`
	PubStatus       string    `json:"pubstatus"`
	Urgency         int       `json:"urgency"`
	Language        string    `json:"language"`
	Headline        string    `json:"headline"`
	Byline          string    `json:"byline"`
	Located         string    `json:"located"`
	CopyrightHolder string    `json:"copyrightholder"`
	Subject         []Subject `json:"subject"`
	URL             string    `json:"url"`
	BodyText        string    `json:"body_text"`
}

// Size bounds of one generated JSON document, in bytes, without the trailing newline. Both
// lie within 3–6 KB under either reading of a kilobyte.
const (
	// MinJSONBytes is the smallest size of a generated document.
	MinJSONBytes = 3200
	// MaxJSONBytes is the largest size of a generated document.
	MaxJSONBytes = 5900
)

// Generator produces the stories of one seed. It reuses internal buffers, so it is not safe
// for concurrent use.
type Generator struct {
	seed    int64
	env     env
	q, b, c []*tpl // queues of paragraph templates
	spare   []*tpl
	paras   []int // start offsets of the body paragraphs after the lead
	escs    []int // bytes added by JSON escaping before each of those paragraphs
	uri     []byte
	vc, fc  []byte
	head    []byte
	byline  []byte
	located []byte
	holder  []byte
	url     []byte
	body    []byte
	urgency int
	subj    []Subject
	out     []byte
}

// New returns a Generator for seed.
func New(seed int64) *Generator { return &Generator{seed: seed} }

// Story returns story i of the generator's seed.
func (g *Generator) Story(i int) Story {
	g.compose(i)
	return Story{URI: string(g.uri), Type: "text", Version: 1, VersionCreated: string(g.vc),
		FirstCreated: string(g.fc), PubStatus: "usable", Urgency: g.urgency, Language: "en",
		Headline: string(g.head), Byline: string(g.byline), Located: string(g.located),
		CopyrightHolder: string(g.holder), Subject: append([]Subject(nil), g.subj...), URL: string(g.url),
		BodyText: string(g.body)}
}

// AppendJSON appends story i as one compact JSON document, with no trailing newline.
func (g *Generator) AppendJSON(dst []byte, i int) []byte {
	g.compose(i)
	return g.appendDoc(dst)
}

// JSONL writes stories 0 to n-1 to w, one JSON document per line.
func (g *Generator) JSONL(w io.Writer, n int) error {
	buf := g.out[:0]
	for i := 0; i < n; i++ {
		buf = g.AppendJSON(buf, i)
		buf = append(buf, '\n')
		if len(buf) >= 256<<10 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	g.out = buf[:0]
	if len(buf) > 0 {
		_, err := w.Write(buf)
		return err
	}
	return nil
}

// AppendJSON appends s as one compact JSON document, in the same form Generator.AppendJSON uses.
func (s *Story) AppendJSON(dst []byte) []byte {
	return appendNINJS(dst, s.URI, s.VersionCreated, s.FirstCreated, s.Headline, s.Byline, s.Located,
		s.CopyrightHolder, s.URL, s.BodyText, s.Type, s.PubStatus, s.Language, s.Version, s.Urgency, s.Subject)
}

func (g *Generator) appendDoc(dst []byte) []byte {
	return appendNINJS(dst, g.uri, g.vc, g.fc, g.head, g.byline, g.located, g.holder, g.url, g.body,
		"text", "usable", "en", 1, g.urgency, g.subj)
}

// appendNINJS encodes the fields of a story as one JSON object.
func appendNINJS[T string | []byte](dst []byte, uri, vc, fc, head, byline, located, holder, url, body T,
	typ, status, lang string, version, urgency int, subj []Subject) []byte {
	dst = append(dst, `{"uri":`...)
	dst = appendString(dst, uri)
	dst = append(dst, `,"type":`...)
	dst = appendString(dst, typ)
	dst = append(dst, `,"version":`...)
	dst = strconv.AppendInt(dst, int64(version), 10)
	dst = append(dst, `,"versioncreated":`...)
	dst = appendString(dst, vc)
	dst = append(dst, `,"firstcreated":`...)
	dst = appendString(dst, fc)
	dst = append(dst, `,"pubstatus":`...)
	dst = appendString(dst, status)
	dst = append(dst, `,"urgency":`...)
	dst = strconv.AppendInt(dst, int64(urgency), 10)
	dst = append(dst, `,"language":`...)
	dst = appendString(dst, lang)
	dst = append(dst, `,"headline":`...)
	dst = appendString(dst, head)
	dst = append(dst, `,"byline":`...)
	dst = appendString(dst, byline)
	dst = append(dst, `,"located":`...)
	dst = appendString(dst, located)
	dst = append(dst, `,"copyrightholder":`...)
	dst = appendString(dst, holder)
	dst = append(dst, `,"subject":[`...)
	for i, s := range subj {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"code":`...)
		dst = appendString(dst, s.Code)
		dst = append(dst, `,"name":`...)
		dst = appendString(dst, s.Name)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"url":`...)
	dst = appendString(dst, url)
	dst = append(dst, `,"body_text":`...)
	dst = appendString(dst, body)
	return append(dst, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Non-ASCII UTF-8 is copied as it is.
func appendString[T string | []byte](dst []byte, s T) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if escExtra[c] == 0 {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// dayTime converts a day and a second of that day into a UTC time.
func dayTime(d day, sec int) time.Time { return time.Unix(int64(d)*86400+int64(sec), 0).UTC() }
