package parse

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseFixture(t *testing.T, name string, opt Options) *Result {
	t.Helper()
	res, err := Parse(fixture(t, name), opt)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return res
}

func byURI(t *testing.T, res *Result, uri string) Item {
	t.Helper()
	for _, it := range res.Items {
		if it.URI == uri {
			return it
		}
	}
	var got []string
	for _, it := range res.Items {
		got = append(got, it.URI)
	}
	t.Fatalf("no item %q; have %q", uri, got)
	return Item{}
}

func TestParseRSS(t *testing.T) {
	res := parseFixture(t, "rss.xml", Options{})
	if res.Format != FormatRSS || len(res.Items) != 3 || res.Language != "en" {
		t.Fatalf("format %q, %d items, language %q", res.Format, len(res.Items), res.Language)
	}
	if res.Title != "Dnipro Desk & Partners — Latest" {
		t.Errorf("title %q", res.Title)
	}
	power := byURI(t, res, "https://dniprodesk.example/news/2025/03/power-restored-zaporizhzhia")
	wantBody := "ZAPORIZHZHIA, March 4 — Repair crews restored electricity to about 80\u00a0percent of homes in the city by morning, the regional administration said.\n\n" +
		"Officials said the strikes hit two substations shortly after 2 a.m. & urged residents to limit use of heavy appliances."
	if power.BodyText != strings.ReplaceAll(wantBody, "\u00a0", " ") {
		t.Errorf("body:\n%q\nwant\n%q", power.BodyText, wantBody)
	}
	if strings.Contains(power.BodyText, "trackReader") {
		t.Error("script content leaked into the body")
	}
	if power.Byline != "Olena Kravets" || power.Language != "en" || power.URL != power.URI {
		t.Errorf("byline %q language %q url %q", power.Byline, power.Language, power.URL)
	}
	if want := time.Date(2025, 3, 4, 7, 15, 0, 0, time.UTC); !power.VersionCreated.Equal(want) {
		t.Errorf("versioncreated %v", power.VersionCreated)
	}
	grain := byURI(t, res, "urn:guid:dd-2025-03-04-0112")
	if grain.URL != "https://dniprodesk.example/news/2025/03/grain-corridor-ships?page=2" {
		t.Errorf("grain url %q", grain.URL)
	}
	if grain.Byline != "Mykola Hrytsenko" || !strings.Contains(grain.BodyText, "hours after air-raid") {
		t.Errorf("grain byline %q body %q", grain.Byline, grain.BodyText)
	}
	evac := byURI(t, res, "https://dniprodesk.example/news/2025/03/evacuation-pokrovsk")
	if evac.PubStatus != StatusUsable || evac.Headline != "Evacuation buses resume from frontline villages near Pokrovsk" {
		t.Errorf("evac %+v", evac)
	}
}

func TestParseRSSQualifiesPlainGUIDWithFeedHost(t *testing.T) {
	base, _ := url.Parse("https://www.DniproDesk.example/rss.xml")
	res := parseFixture(t, "rss.xml", Options{Base: base})
	byURI(t, res, "urn:guid:dniprodesk.example:dd-2025-03-04-0112")
}

func TestParseAtomResolvesRelativeLinks(t *testing.T) {
	base, _ := url.Parse("https://kharkivbulletin.example/atom.xml")
	res := parseFixture(t, "atom.xml", Options{Base: base, Format: "rss"})
	if res.Format != FormatAtom || len(res.Items) != 2 {
		t.Fatalf("format %q, %d items", res.Format, len(res.Items))
	}
	schools := byURI(t, res, "tag:kharkivbulletin.example,2025:story-5521")
	if schools.URL != "https://kharkivbulletin.example/stories/5521-schools-shelters" {
		t.Errorf("url %q", schools.URL)
	}
	if !strings.HasPrefix(schools.BodyText, "ХАРКІВ, 5 березня — Міська рада") || !strings.Contains(schools.BodyText, "\n\nБатьки") {
		t.Errorf("body %q", schools.BodyText)
	}
	if schools.Byline != "Ірина Бондар" || !schools.VersionCreated.Equal(time.Date(2025, 3, 5, 17, 45, 0, 0, time.UTC)) {
		t.Errorf("byline %q versioncreated %v", schools.Byline, schools.VersionCreated)
	}
	metro := byURI(t, res, "tag:kharkivbulletin.example,2025:story-5519")
	if metro.BodyText == "" || metro.URL != "https://kharkivbulletin.example/stories/5519-metro-shelters" {
		t.Errorf("metro %+v", metro)
	}
}

func TestParseLegacyEncodings(t *testing.T) {
	cases := []struct {
		file, headline, body string
	}{
		{"rss-windows1251.xml", "Полтавщина прийняла ще 400 переселенців із Сумщини", "ПОЛТАВА, 10 березня — Обласна адміністрація"},
		{"rss-koi8r.xml", "Журналисты из Риги запускают русскоязычную службу о войне", "РИГА, 10 марта - Редакция обещает"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			res := parseFixture(t, c.file, Options{ContentType: "application/rss+xml"})
			if len(res.Items) == 0 || res.Items[0].Headline != c.headline {
				t.Fatalf("items %+v", res.Items)
			}
			if !strings.HasPrefix(res.Items[0].BodyText, c.body) {
				t.Errorf("body %q", res.Items[0].BodyText)
			}
		})
	}
}

func TestToUTF8UsesHeaderCharsetWithoutDeclaration(t *testing.T) {
	src := fixture(t, "rss-windows1251.xml")
	noDecl := src[strings.Index(string(src), "?>")+2:]
	res, err := Parse(noDecl, Options{ContentType: "text/xml; charset=windows-1251"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Items[1].Headline != "У Кременчуці відновили водопостачання «Нафтохіміка»" {
		t.Errorf("headline %q", res.Items[1].Headline)
	}
}

func TestXMLDeclarationWinsOverWrongHeaderCharset(t *testing.T) {
	res, err := Parse(fixture(t, "rss-koi8r.xml"), Options{ContentType: "text/xml; charset=utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Независимое обозрение" {
		t.Errorf("title %q", res.Title)
	}
}

func TestUnknownEncoding(t *testing.T) {
	_, err := Parse([]byte(`<?xml version="1.0" encoding="x-klingon"?><rss/>`), Options{})
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindEncoding {
		t.Fatalf("err %v, want kind %s", err, KindEncoding)
	}
}

func TestParseNINJS1(t *testing.T) {
	res := parseFixture(t, "ninjs-1.json", Options{})
	if res.Format != FormatNINJS || len(res.Items) != 1 {
		t.Fatalf("format %q, %d items", res.Format, len(res.Items))
	}
	it := res.Items[0]
	if it.SourceVersion != 2 || it.Urgency != 3 || it.Byline != "By Taras Melnyk" || it.Located != "Chernihiv" ||
		it.CopyrightHolder != "East Wire Agency" || it.Language != "en" {
		t.Errorf("item %+v", it)
	}
	if !strings.HasPrefix(it.BodyText, "CHERNIHIV, March 6 (East Wire) — Ninety-five") || !strings.Contains(it.BodyText, "\n\nSeveral") {
		t.Errorf("body %q", it.BodyText)
	}
}

func TestParseNINJS2Array(t *testing.T) {
	res := parseFixture(t, "ninjs-2.json", Options{})
	if len(res.Items) != 2 {
		t.Fatalf("%d items, want 2 (the picture is skipped)", len(res.Items))
	}
	grid := byURI(t, res, "urn:newsml:eastwire.example:20250306:ew-7790")
	if grid.Headline != "Energy ministers meet in Warsaw on grid repairs" || grid.Byline != "Anna Wiśniewska" {
		t.Errorf("grid %+v", grid)
	}
	if grid.BodyText != "WARSAW, March 6 — Energy ministers from seven countries agreed to pool spare transformers for Ukraine’s damaged grid." {
		t.Errorf("body %q", grid.BodyText)
	}
	kill := byURI(t, res, "urn:newsml:eastwire.example:20250305:ew-7702")
	if !kill.Killed() || kill.SourceVersion != 4 {
		t.Errorf("kill %+v", kill)
	}
}

func TestParseNINJSLinesSkipsBadLines(t *testing.T) {
	res := parseFixture(t, "ninjs.jsonl", Options{})
	if len(res.Items) != 3 || len(res.Skipped) != 2 {
		t.Fatalf("%d items, %d skipped (%v); want 3 and 2", len(res.Items), len(res.Skipped), res.Skipped)
	}
	if !strings.HasPrefix(res.Skipped[0].Error(), "line 3:") || !errors.Is(res.Skipped[1], ErrNoIdentity) {
		t.Errorf("skipped %v", res.Skipped)
	}
	if v := byURI(t, res, "urn:newsml:eastwire.example:20250307:ew-8002").SourceVersion; v != 1 {
		t.Errorf("numeric version read as %d", v)
	}
	kovel := byURI(t, res, "urn:newsml:eastwire.example:20250307:ew-8001")
	if kovel.BodyText != "KOVEL, March 7 — A drone attack overnight damaged a rail depot in the western city of Kovel, railway officials said.\n\nNo trains were delayed, they said." {
		t.Errorf("body %q", kovel.BodyText)
	}
}

func TestParseNewsMLItem(t *testing.T) {
	res := parseFixture(t, "newsml-item.xml", Options{ContentType: "application/vnd.iptc.g2.newsitem+xml"})
	if res.Format != FormatNewsML || len(res.Items) != 1 {
		t.Fatalf("format %q, %d items", res.Format, len(res.Items))
	}
	it := res.Items[0]
	want := Item{
		URI:             "urn:newsml:steppe-news.example:20250308:sn-3304",
		SourceVersion:   3,
		FirstCreated:    time.Date(2025, 3, 8, 9, 5, 0, 0, time.UTC),
		VersionCreated:  time.Date(2025, 3, 8, 10, 20, 0, 0, time.UTC),
		PubStatus:       StatusUsable,
		Urgency:         4,
		Headline:        "Ferry link across the Dnipro suspended after shelling near Kherson",
		Byline:          "By Dmytro Savchuk",
		Language:        "en",
		Located:         "Kherson",
		CopyrightHolder: "Steppe News Service",
		URL:             "https://steppe-news.example/en/2025/03/08/kherson-ferry",
		BodyText: "KHERSON, March 8 — The volunteer ferry that carries food and medicine across the river stopped running on Saturday after its landing stage came under fire, the regional military administration said.\n\n" +
			"“We will restart as soon as the crossing is safe,” one of the boat operators told Steppe News Service.",
	}
	if it != want {
		t.Errorf("item\n%+v\nwant\n%+v", it, want)
	}
}

func TestParseNewsMLMessageWithPackage(t *testing.T) {
	res := parseFixture(t, "newsml-message.xml", Options{Format: "newsml"})
	if len(res.Items) != 3 {
		t.Fatalf("%d items, want 3 (package and picture yield none)", len(res.Items))
	}
	water := byURI(t, res, "urn:newsml:steppe-news.example:20250309:sn-3401")
	if water.BodyText != "MYKOLAIV, March 9 — Engineers finished welding the damaged section of the main pipeline late on Saturday." ||
		water.Located != "Mykolaiv" || water.Language != "en" || water.CopyrightHolder != "Steppe News Service" {
		t.Errorf("water %+v", water)
	}
	tram := byURI(t, res, "urn:newsml:steppe-news.example:20250309:sn-3402")
	if tram.Language != "uk" || tram.SourceVersion != 2 || tram.CopyrightHolder != "Steppe News Service" ||
		!strings.Contains(tram.BodyText, "мережі.\n\nПеревізник") {
		t.Errorf("tram %+v", tram)
	}
	kill := byURI(t, res, "urn:newsml:steppe-news.example:20250301:sn-3120")
	if kill.PubStatus != StatusCanceled || kill.SourceVersion != 5 {
		t.Errorf("kill %+v", kill)
	}
}

func TestBadDocuments(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		opt  Options
		kind string
	}{
		{"html error page", fixture(t, "error-page.html"), Options{}, KindNotAFeed},
		{"malformed xml", fixture(t, "malformed.xml"), Options{}, KindMalformed},
		{"empty", []byte("  \n"), Options{}, KindNotAFeed},
		{"plain text", []byte("Service Unavailable"), Options{}, KindNotAFeed},
		{"unknown xml", []byte(`<?xml version="1.0"?><catalog/>`), Options{}, KindNotAFeed},
		{"bad json", []byte(`{"uri": "x", `), Options{}, KindMalformed},
		{"format mismatch", fixture(t, "ninjs-1.json"), Options{Format: "newsml"}, KindNotAFeed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Parse(c.data, c.opt)
			var pe *Error
			if !errors.As(err, &pe) || pe.Kind != c.kind {
				t.Fatalf("got %v, %v; want an error of kind %s", res, err, c.kind)
			}
		})
	}
}

func TestItemHashIgnoresVersionAndTimes(t *testing.T) {
	a := Item{URI: "u", Headline: "h", BodyText: "b", SourceVersion: 1, VersionCreated: time.Now()}
	b := a
	b.SourceVersion, b.VersionCreated = 7, time.Time{}
	if a.Hash() != b.Hash() {
		t.Error("hash depends on version or time")
	}
	b.BodyText = "b2"
	if a.Hash() == b.Hash() {
		t.Error("hash ignores the body")
	}
	c := a
	c.PubStatus = StatusCanceled
	if a.Hash() == c.Hash() {
		t.Error("hash ignores the publication status")
	}
}

func TestMessage(t *testing.T) {
	it := Item{URI: "urn:x", Headline: "H", FirstCreated: time.Date(2025, 1, 2, 3, 4, 5, 0, time.FixedZone("EET", 7200))}
	m := it.Message(3, time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC))
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"uri":"urn:x","type":"text","version":"3","firstcreated":"2025-01-02T01:04:05Z","versioncreated":"2025-02-01T00:00:00Z","pubstatus":"usable","headline":"H"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
