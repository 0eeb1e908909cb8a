package pipeline

import "fmt"

// AppendJSON appends the JSON encoding of d to dst: byte for byte what
// json.Marshal(d) returns, written directly rather than by reflection. It
// fails, as json.Marshal does, on a NaN or infinite number and on a time
// outside years 0–9999; dst may then hold a partial document.
func (d *Document) AppendJSON(dst []byte) ([]byte, error) {
	w := jsonWriter{buf: dst}
	w.open('{')
	w.strField("id", d.ID, false)
	w.strField("uri", d.URI, false)
	w.intField("version", d.Version, false)
	w.timeField("versioncreated", d.VersionCreated)
	w.timeField("firstcreated", d.FirstCreated)
	w.strField("headline", d.Headline, true)
	w.strField("body", d.Body, true)
	w.strField("byline", d.Byline, true)
	w.strField("language", d.Language, true)
	w.strField("located", d.Located, true)
	w.strField("copyrightholder", d.CopyrightHolder, true)
	w.strField("url", d.URL, true)
	w.strField("pubstatus", d.PubStatus, false)
	w.intField("urgency", int64(d.Urgency), true)
	arrayField(&w, "subject", d.Subjects, w.subject)
	w.boolField("withdrawn", d.Withdrawn)
	w.annotations(d)
	w.strField("fingerprint", d.Fingerprint, true)
	if e := d.Enrichment; e != nil {
		w.key("enrichment")
		w.open('{')
		w.strField("version", e.Version, false)
		w.key("took_ms")
		w.float(e.TookMS)
		w.close('}')
	}
	w.key("indexed_at")
	w.timestamp(d.IndexedAt)
	w.close('}')
	if w.err != nil {
		return w.buf, fmt.Errorf("failed to encode document %s: %w", d.ID, w.err)
	}
	return w.buf, nil
}

// annotations writes the members between withdrawn and fingerprint: what the
// enrichment stages add.
func (w *jsonWriter) annotations(d *Document) {
	if dl := d.Dateline; dl != nil {
		w.key("dateline")
		w.open('{')
		w.strField("text", dl.Text, false)
		w.refField("place", dl.Place)
		w.close('}')
	}
	arrayField(w, "captions", d.Captions, w.strElem)
	w.intField("word_count", int64(d.WordCount), false)
	arrayField(w, "entities", d.Entities, w.entity)
	arrayField(w, "places", d.Places, w.place)
	w.focus(d.Focus)
	arrayField(w, "stances", d.Stances, w.stance)
	arrayField(w, "quotes", d.Quotes, w.quote)
}

// arrayField writes member name as an array with one element per item of xs,
// each written by elem; an empty xs writes nothing (omitempty).
func arrayField[T any](w *jsonWriter, name string, xs []T, elem func(*T)) {
	if len(xs) == 0 {
		return
	}
	w.key(name)
	w.open('[')
	for i := range xs {
		w.elem()
		elem(&xs[i])
	}
	w.close(']')
}

func (w *jsonWriter) strElem(s *string) { w.str(*s) }
func (w *jsonWriter) spanElem(s *Span)  { w.span(*s) }

func (w *jsonWriter) subject(s *Subject) {
	w.open('{')
	w.strField("code", s.Code, true)
	w.strField("name", s.Name, true)
	w.close('}')
}

func (w *jsonWriter) ref(r *Ref) {
	w.open('{')
	w.strField("id", r.ID, false)
	w.strField("name", r.Name, false)
	w.close('}')
}

// refField writes an omitempty *Ref member.
func (w *jsonWriter) refField(name string, r *Ref) {
	if r != nil {
		w.key(name)
		w.ref(r)
	}
}

// geoField writes an omitempty *GeoPoint member.
func (w *jsonWriter) geoField(name string, p *GeoPoint) {
	if p == nil {
		return
	}
	w.key(name)
	w.open('{')
	w.key("lat")
	w.float(p.Lat)
	w.key("lon")
	w.float(p.Lon)
	w.close('}')
}

func (w *jsonWriter) entity(e *Entity) {
	w.open('{')
	w.strField("id", e.ID, false)
	w.strField("name", e.Name, false)
	w.strField("type", e.Type, false)
	w.boolField("known", e.Known)
	arrayField(w, "aliases", e.Aliases, w.strElem)
	w.strField("country_code", e.CountryCode, true)
	w.intField("mentions", int64(e.Mentions), false)
	arrayField(w, "spans", e.Spans, w.spanElem)
	w.close('}')
}

func (w *jsonWriter) place(p *Place) {
	w.open('{')
	w.strField("id", p.ID, false)
	w.strField("name", p.Name, false)
	arrayField(w, "aliases", p.Aliases, w.strElem)
	w.strField("country_code", p.CountryCode, true)
	w.strField("admin1", p.Admin1, true)
	w.strField("kind", p.Kind, false)
	w.geoField("location", p.Location)
	w.intField("mentions", int64(p.Mentions), false)
	arrayField(w, "spans", p.Spans, w.spanElem)
	w.close('}')
}

func (w *jsonWriter) focus(f *Focus) {
	if f == nil {
		return
	}
	w.key("focus")
	w.open('{')
	if c := f.Country; c != nil {
		w.key("country")
		w.open('{')
		w.strField("id", c.ID, false)
		w.strField("name", c.Name, false)
		w.strField("country_code", c.CountryCode, true)
		w.close('}')
	}
	if p := f.Place; p != nil {
		w.key("place")
		w.open('{')
		w.strField("id", p.ID, false)
		w.strField("name", p.Name, false)
		w.geoField("location", p.Location)
		w.close('}')
	}
	w.close('}')
}

func (w *jsonWriter) stance(s *Stance) {
	w.open('{')
	w.key("holder")
	w.ref(&s.Holder)
	w.key("target")
	w.ref(&s.Target)
	w.strField("polarity", s.Polarity, false)
	w.strField("evidence", s.Evidence, false)
	w.key("span")
	w.span(s.Span)
	w.strField("cue", s.Cue, false)
	w.close('}')
}

func (w *jsonWriter) quote(q *Quote) {
	w.open('{')
	w.key("speaker")
	if q.Speaker == nil {
		w.buf = append(w.buf, "null"...)
	} else {
		w.ref(q.Speaker)
	}
	w.strField("text", q.Text, false)
	w.key("span")
	w.span(q.Span)
	w.close('}')
}
