package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// NewsML-G2 elements warwire reads. Tags carry local names only, so they
// match whatever namespace prefix the document uses.
type (
	g2Message struct {
		ItemSet struct {
			NewsItems    []g2NewsItem `xml:"newsItem"`
			PackageItems []g2Package  `xml:"packageItem"`
		} `xml:"itemSet"`
	}
	g2Package struct {
		GUID string `xml:"guid,attr"`
	}
	g2NewsItem struct {
		GUID        string         `xml:"guid,attr"`
		Version     string         `xml:"version,attr"`
		Lang        string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		RightsInfo  []g2RightsInfo `xml:"rightsInfo"`
		ItemMeta    g2ItemMeta     `xml:"itemMeta"`
		ContentMeta g2ContentMeta  `xml:"contentMeta"`
		ContentSet  g2ContentSet   `xml:"contentSet"`
	}
	g2RightsInfo struct {
		CopyrightHolder g2Party `xml:"copyrightHolder"`
	}
	g2ItemMeta struct {
		ItemClass      g2QCode  `xml:"itemClass"`
		Provider       g2Party  `xml:"provider"`
		VersionCreated string   `xml:"versionCreated"`
		FirstCreated   string   `xml:"firstCreated"`
		PubStatus      g2QCode  `xml:"pubStatus"`
		Links          []g2Link `xml:"link"`
	}
	g2ContentMeta struct {
		Urgency      string       `xml:"urgency"`
		Located      []g2Party    `xml:"located"`
		Language     []g2Language `xml:"language"`
		Headlines    []g2Text     `xml:"headline"`
		Datelines    []g2Text     `xml:"dateline"`
		By           []g2Text     `xml:"by"`
		Creators     []g2Party    `xml:"creator"`
		Descriptions []g2Text     `xml:"description"`
	}
	g2ContentSet struct {
		InlineXML  []g2Content `xml:"inlineXML"`
		InlineData []g2Content `xml:"inlineData"`
	}
	g2Content struct {
		ContentType string `xml:"contenttype,attr"`
		Inner       string `xml:",innerxml"`
	}
	g2QCode struct {
		QCode string `xml:"qcode,attr"`
		URI   string `xml:"uri,attr"`
	}
	g2Party struct {
		Literal string   `xml:"literal,attr"`
		Names   []g2Text `xml:"name"`
	}
	g2Language struct {
		Tag string `xml:"tag,attr"`
	}
	g2Link struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	}
	g2Text struct {
		Role  string `xml:"role,attr"`
		Inner string `xml:",innerxml"`
	}
)

// ParseNewsML parses IPTC NewsML-G2: a newsItem, a newsMessage whose itemSet
// holds several newsItems (and packageItems), or a packageItem alone (which
// only references items and yields none). For each text newsItem it reads
// @guid, @version, itemMeta (versionCreated, firstCreated, pubStatus,
// provider, link), contentMeta (headline, dateline, located, by, creator,
// language, urgency, description), rightsInfo/copyrightHolder and the body
// from contentSet inlineXML (XHTML or NITF) or inlineData. A dateline not
// already at the start of the body is put there, as on the wire.
func ParseNewsML(data []byte) (*Result, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	root, err := rootElement(d)
	if err != nil {
		return nil, err
	}
	res := &Result{Format: FormatNewsML}
	var items []g2NewsItem
	switch root.Name.Local {
	case "newsItem":
		var ni g2NewsItem
		err = d.DecodeElement(&ni, &root)
		items = append(items, ni)
	case "newsMessage":
		var m g2Message
		err = d.DecodeElement(&m, &root)
		items = m.ItemSet.NewsItems
	case "packageItem":
		err = d.Skip()
	default:
		return nil, errorf(KindNotAFeed, "<%s> is not a NewsML-G2 item or message", root.Name.Local)
	}
	if err != nil {
		return nil, &Error{Kind: KindMalformed, Err: fmt.Errorf("bad NewsML-G2 XML: %w", err)}
	}
	for i := range items {
		it, ok, err := items[i].item()
		switch {
		case err != nil:
			res.Skipped = append(res.Skipped, fmt.Errorf("newsItem %d: %w", i+1, err))
		case ok:
			res.Items = append(res.Items, it)
		}
	}
	return res, nil
}

func rootElement(d *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return xml.StartElement{}, errorf(KindMalformed, "XML document has no root element")
		}
		if err != nil {
			return xml.StartElement{}, &Error{Kind: KindMalformed, Err: fmt.Errorf("bad XML: %w", err)}
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

// item converts a newsItem; ok is false for items that are not text.
func (ni *g2NewsItem) item() (Item, bool, error) {
	if c := strings.ToLower(ni.ItemMeta.ItemClass.QCode); c != "" &&
		!strings.HasSuffix(c, ":text") && !strings.HasSuffix(c, ":composite") {
		return Item{}, false, nil
	}
	cm := &ni.ContentMeta
	it := Item{
		URI:            strings.TrimSpace(ni.GUID),
		SourceVersion:  parseVersion(ni.Version),
		FirstCreated:   parseTime(ni.ItemMeta.FirstCreated),
		VersionCreated: parseTime(ni.ItemMeta.VersionCreated),
		PubStatus:      pubStatus(firstNonEmpty(ni.ItemMeta.PubStatus.QCode, ni.ItemMeta.PubStatus.URI)),
		Headline:       mainText(cm.Headlines),
		Byline:         byLine(cm),
		Language:       ni.language(),
		Located:        partyName(cm.Located),
		URL:            ni.webLink(),
	}
	it.CopyrightHolder = ni.copyrightHolder()
	if n := parseVersion(cm.Urgency); n <= 9 {
		it.Urgency = int(n)
	}
	it.BodyText = withDateline(mainText(cm.Datelines), ni.body())
	if it.URI == "" {
		it.URI = it.URL
	}
	if it.URI == "" {
		return it, false, ErrNoIdentity
	}
	return it, true, nil
}

func (ni *g2NewsItem) body() string {
	for _, c := range ni.ContentSet.InlineXML {
		if t := HTMLText(c.Inner); t != "" {
			return t
		}
	}
	for _, c := range ni.ContentSet.InlineData {
		text := xmlText(c.Inner)
		if strings.Contains(strings.ToLower(c.ContentType), "html") {
			text = HTMLText(text)
		} else {
			text = collapse(text)
		}
		if text != "" {
			return text
		}
	}
	return mainText(ni.ContentMeta.Descriptions)
}

func (ni *g2NewsItem) language() string {
	for _, l := range ni.ContentMeta.Language {
		if t := strings.TrimSpace(l.Tag); t != "" {
			return t
		}
	}
	return strings.TrimSpace(ni.Lang)
}

func (ni *g2NewsItem) copyrightHolder() string {
	for _, r := range ni.RightsInfo {
		if n := partyName([]g2Party{r.CopyrightHolder}); n != "" {
			return n
		}
	}
	return partyName([]g2Party{ni.ItemMeta.Provider})
}

// webLink is the first http(s) link of itemMeta that names the story's page.
func (ni *g2NewsItem) webLink() string {
	for _, l := range ni.ItemMeta.Links {
		rel := strings.ToLower(l.Rel)
		href := strings.TrimSpace(l.Href)
		if (strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://")) &&
			(strings.HasSuffix(rel, "canonical") || strings.HasSuffix(rel, "self") || strings.HasSuffix(rel, "alternate")) {
			return CanonicalURL(href)
		}
	}
	return ""
}

func byLine(cm *g2ContentMeta) string {
	if s := mainText(cm.By); s != "" {
		return s
	}
	var names []string
	for _, c := range cm.Creators {
		if n := partyName([]g2Party{c}); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// mainText picks the element without a role or with a main role, else the
// first, as plain text.
func mainText(ts []g2Text) string {
	best := ""
	for _, t := range ts {
		text := HTMLText(t.Inner)
		if text == "" {
			continue
		}
		r := strings.ToLower(t.Role)
		if r == "" || strings.HasSuffix(r, "main") {
			return text
		}
		if best == "" {
			best = text
		}
	}
	return best
}

func partyName(ps []g2Party) string {
	for _, p := range ps {
		if n := mainText(p.Names); n != "" {
			return n
		}
		if l := strings.TrimSpace(p.Literal); l != "" {
			return l
		}
	}
	return ""
}

// xmlText decodes the character data of an inner XML fragment.
func xmlText(inner string) string {
	d := xml.NewDecoder(strings.NewReader("<x>" + inner + "</x>"))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return b.String()
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
}

// withDateline puts the dateline before the body unless the body starts
// with it already.
func withDateline(dateline, body string) string {
	if dateline == "" || body == "" || strings.HasPrefix(strings.ToLower(body), strings.ToLower(dateline)) {
		return body
	}
	return dateline + " — " + body
}
