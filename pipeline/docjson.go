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
	w.subjects(d.Subjects)
	w.boolField("withdrawn", d.Withdrawn)
	w.annotations(d)
	w.strField("fingerprint", d.Fingerprint, true)
	if d.Enrichment != nil {
		w.key("enrichment")
		w.open('{')
		w.strField("version", d.Enrichment.Version, false)
		w.key("took_ms")
		w.float(d.Enrichment.TookMS)
		w.close('}')
	}
	w.key("indexed_at")
	w.time(d.IndexedAt)
	w.close('}')
	if w.err != nil {
		return w.buf, fmt.Errorf("failed to encode document %s: %w", d.ID, w.err)
	}
	return w.buf, nil
}

// annotations writes the members between withdrawn and fingerprint: what the
// enrichment stages add.
func (w *jsonWriter) annotations(d *Document) {
	if d.Dateline != nil {
		w.key("dateline")
		w.open('{')
		w.strField("text", d.Dateline.Text, false)
		if d.Dateline.Place != nil {
			w.key("place")
			w.ref(*d.Dateline.Place)
		}
		w.close('}')
	}
	if len(d.Captions) > 0 {
		w.key("captions")
		w.strings(d.Captions)
	}
	w.intField("word_count", int64(d.WordCount), false)
	w.entities(d.Entities)
	w.places(d.Places)
	w.focus(d.Focus)
	w.stances(d.Stances)
	w.quotes(d.Quotes)
}

func (w *jsonWriter) subjects(ss []Subject) {
	if len(ss) == 0 {
		return
	}
	w.key("subject")
	w.open('[')
	for _, s := range ss {
		w.elem()
		w.open('{')
		w.strField("code", s.Code, true)
		w.strField("name", s.Name, true)
		w.close('}')
	}
	w.close(']')
}

func (w *jsonWriter) ref(r Ref) {
	w.open('{')
	w.strField("id", r.ID, false)
	w.strField("name", r.Name, false)
	w.close('}')
}

func (w *jsonWriter) geo(p *GeoPoint) {
	w.open('{')
	w.key("lat")
	w.float(p.Lat)
	w.key("lon")
	w.float(p.Lon)
	w.close('}')
}

func (w *jsonWriter) entities(es []Entity) {
	if len(es) == 0 {
		return
	}
	w.key("entities")
	w.open('[')
	for i := range es {
		e := &es[i]
		w.elem()
		w.open('{')
		w.strField("id", e.ID, false)
		w.strField("name", e.Name, false)
		w.strField("type", e.Type, false)
		w.boolField("known", e.Known)
		if len(e.Aliases) > 0 {
			w.key("aliases")
			w.strings(e.Aliases)
		}
		w.strField("country_code", e.CountryCode, true)
		w.intField("mentions", int64(e.Mentions), false)
		w.spansField(e.Spans)
		w.close('}')
	}
	w.close(']')
}

func (w *jsonWriter) spansField(ss []Span) {
	if len(ss) > 0 {
		w.key("spans")
		w.spans(ss)
	}
}

func (w *jsonWriter) places(ps []Place) {
	if len(ps) == 0 {
		return
	}
	w.key("places")
	w.open('[')
	for i := range ps {
		p := &ps[i]
		w.elem()
		w.open('{')
		w.strField("id", p.ID, false)
		w.strField("name", p.Name, false)
		if len(p.Aliases) > 0 {
			w.key("aliases")
			w.strings(p.Aliases)
		}
		w.strField("country_code", p.CountryCode, true)
		w.strField("admin1", p.Admin1, true)
		w.strField("kind", p.Kind, false)
		if p.Location != nil {
			w.key("location")
			w.geo(p.Location)
		}
		w.intField("mentions", int64(p.Mentions), false)
		w.spansField(p.Spans)
		w.close('}')
	}
	w.close(']')
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
		if p.Location != nil {
			w.key("location")
			w.geo(p.Location)
		}
		w.close('}')
	}
	w.close('}')
}

func (w *jsonWriter) stances(ss []Stance) {
	if len(ss) == 0 {
		return
	}
	w.key("stances")
	w.open('[')
	for i := range ss {
		s := &ss[i]
		w.elem()
		w.open('{')
		w.key("holder")
		w.ref(s.Holder)
		w.key("target")
		w.ref(s.Target)
		w.strField("polarity", s.Polarity, false)
		w.strField("evidence", s.Evidence, false)
		w.key("span")
		w.span(s.Span)
		w.strField("cue", s.Cue, false)
		w.close('}')
	}
	w.close(']')
}

func (w *jsonWriter) quotes(qs []Quote) {
	if len(qs) == 0 {
		return
	}
	w.key("quotes")
	w.open('[')
	for i := range qs {
		q := &qs[i]
		w.elem()
		w.open('{')
		w.key("speaker")
		if q.Speaker == nil {
			w.buf = append(w.buf, "null"...)
		} else {
			w.ref(*q.Speaker)
		}
		w.strField("text", q.Text, false)
		w.key("span")
		w.span(q.Span)
		w.close('}')
	}
	w.close(']')
}
