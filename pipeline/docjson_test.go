package pipeline

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// sameAsMarshal fails t unless d.AppendJSON writes what json.Marshal writes,
// or both fail.
func sameAsMarshal(t testing.TB, d *Document) {
	t.Helper()
	want, werr := json.Marshal(d)
	got, gerr := d.AppendJSON([]byte("prefix"))
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("errors differ: json.Marshal %v, AppendJSON %v", werr, gerr)
	}
	if werr != nil {
		return
	}
	if !bytes.HasPrefix(got, []byte("prefix")) {
		t.Fatalf("AppendJSON did not append to dst: %q", got)
	}
	if got = got[len("prefix"):]; !bytes.Equal(got, want) {
		t.Fatalf("AppendJSON differs from json.Marshal:\n got %s\nwant %s", got, want)
	}
}

// allBytes is every ASCII byte, a few multi-byte runes, U+2028/U+2029 and
// invalid UTF-8: everything the string escaping has to get right.
func allBytes() string {
	var b strings.Builder
	for c := 0; c < 0x80; c++ {
		b.WriteByte(byte(c))
	}
	b.WriteString("Київ «Зеленський» 東京 😀 \u2028\u2029 \xff\xfe bad \xe2\x80 end")
	return b.String()
}

func fullDocument() *Document {
	vc := time.Date(2024, 10, 1, 8, 30, 0, 123456789, time.UTC)
	fc := time.Date(2024, 10, 1, 8, 0, 0, 0, time.UTC)
	loc := &GeoPoint{Lat: 48.1234567, Lon: 37.7405}
	speaker := &Ref{ID: "Q3874799", Name: "Volodymyr Zelenskyy"}
	return &Document{
		ID: "abc", URI: "urn:x:" + allBytes(), Version: 3, VersionCreated: &vc, FirstCreated: &fc,
		Headline: "<b>Tom & Jerry</b>", Body: allBytes(), Byline: "By A", Language: "en", Located: "Kyiv",
		CopyrightHolder: "Agency", URL: "https://example.org/?a=1&b=2", PubStatus: "usable", Urgency: 2,
		Subjects: []Subject{{Code: "medtop:1"}, {Name: "war"}, {}},
		Dateline: &Dateline{Text: "KYIV", Place: &Ref{ID: "geonames:703448", Name: "Kyiv"}},
		Captions: []string{"A caption. REUTERS", ""}, WordCount: 412,
		Entities: []Entity{
			{ID: "Q1", Name: "N", Type: EntityPerson, Known: true, Aliases: []string{"a", "b"}, Mentions: 2, Spans: []Span{{0, 3}, {10, 14}}},
			{ID: "slug", Name: "M", Type: EntityCountry, CountryCode: "UA", Aliases: []string{}, Spans: []Span{}},
		},
		Places: []Place{
			{ID: "geonames:1", Name: "Avdiivka", CountryCode: "UA", Admin1: "Donetsk Oblast", Kind: PlaceCity, Location: loc, Mentions: 1, Spans: []Span{{5, 13}}},
			{ID: "warwire:x", Name: "Black Sea", Kind: PlaceWater},
		},
		Focus:       &Focus{Country: &FocusCountry{ID: "Q212", Name: "Ukraine", CountryCode: "UA"}, Place: &FocusPlace{ID: "geonames:1", Name: "Avdiivka", Location: loc}},
		Stances:     []Stance{{Holder: Ref{ID: "a", Name: "A"}, Target: Ref{ID: "b", Name: "B"}, Polarity: PolarityOppose, Evidence: "A \"criticized\" B.", Span: Span{0, 17}, Cue: "criticized"}},
		Quotes:      []Quote{{Speaker: speaker, Text: "«We will»", Span: Span{1, 9}}, {Text: "unattributed"}},
		Fingerprint: "ff00", Enrichment: &Enrichment{Version: "v1", TookMS: 0.123},
		IndexedAt: time.Date(2026, 11, 29, 5, 0, 0, 1, time.UTC),
	}
}

func TestAppendJSONMatchesMarshal(t *testing.T) {
	full := fullDocument()
	withdrawn := NewDocument(&Story{URI: "urn:k", Version: 2, PubStatus: PubStatusCanceled}, "v", time.Unix(0, 0))
	empty := &Document{}
	emptyParts := fullDocument()
	emptyParts.Subjects, emptyParts.Captions, emptyParts.Entities = []Subject{}, []string{}, []Entity{}
	emptyParts.Focus, emptyParts.Dateline = &Focus{}, &Dateline{}
	for name, d := range map[string]*Document{"full": full, "withdrawn": withdrawn, "empty": empty, "empty parts": emptyParts} {
		t.Run(name, func(t *testing.T) { sameAsMarshal(t, d) })
	}
}

func TestAppendJSONFloats(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1.5, 0.1, 1e-6, 9.99e-7, 1e-7, 1.5e-300, 5e-324,
		1e20, 1e21, 123456789012345678901234.0, math.MaxFloat64, 48.123456789, -179.99999} {
		d := fullDocument()
		d.Enrichment.TookMS = f
		d.Places[0].Location = &GeoPoint{Lat: f, Lon: -f}
		sameAsMarshal(t, d)
	}
}

func TestAppendJSONErrorsLikeMarshal(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		d := fullDocument()
		d.Enrichment.TookMS = f
		if _, err := d.AppendJSON(nil); err == nil {
			t.Errorf("TookMS %v: no error", f)
		}
		sameAsMarshal(t, d)
	}
	d := fullDocument()
	d.IndexedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := d.AppendJSON(nil); err == nil {
		t.Error("year 10000: no error")
	}
	sameAsMarshal(t, d)
}

func TestAppendJSONTimeZones(t *testing.T) {
	d := fullDocument()
	kyiv := time.FixedZone("EET", 2*3600)
	vc := time.Date(2024, 2, 24, 5, 0, 0, 0, kyiv)
	d.VersionCreated, d.IndexedAt = &vc, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	sameAsMarshal(t, d)
}

// TestAppendJSONGeneralPunctuation checks every character U+2000–U+203F
// (E2 80 xx: dashes and curly quotes, common in agency copy, and U+2028
// and U+2029, which are escaped) and cut and broken sequences like them.
func TestAppendJSONGeneralPunctuation(t *testing.T) {
	var b []byte
	for c := 0x80; c < 0xC0; c++ {
		b = append(b, 'x', 0xE2, 0x80, byte(c), 0xE2, 0x80, ' ', 0xE2, byte(c), 0x80)
	}
	b = append(b, 0xE2, 0x80)
	d := fullDocument()
	d.Body, d.Headline = string(b), string(b[:len(b)-1])
	sameAsMarshal(t, d)
}

// FuzzAppendJSON puts arbitrary text and numbers in every kind of field.
func FuzzAppendJSON(f *testing.F) {
	f.Add(allBytes(), 0.5, int64(3))
	f.Add("", 1e-7, int64(-1))
	f.Add("\u2028<&>\"\\\x00\x1f\x7f\xc3", 1e21, int64(0))
	f.Add("a\u2029b–—“”‘’…\xe2\x80\xe2\x80\xa8\xe2\x80", 2.5, int64(7))
	f.Fuzz(func(t *testing.T, s string, x float64, n int64) {
		d := fullDocument()
		d.Body, d.Headline, d.URI, d.Captions = s, s, s, []string{s}
		d.Entities[0].Name, d.Entities[1].Aliases = s, []string{s, s}
		d.Places[1].Admin1, d.Quotes[0].Text, d.Stances[0].Evidence = s, s, s
		d.Enrichment.TookMS, d.Places[0].Location = x, &GeoPoint{Lat: x, Lon: float64(n)}
		d.Version, d.WordCount, d.Urgency = n, int(n), int(n%10)
		d.Entities[0].Spans = []Span{{int(n), int(-n)}}
		sameAsMarshal(t, d)
	})
}

// TestPlain8MatchesTheByteTable checks the SWAR test against htmlSafe for
// every byte value at every position, and for random words over the bytes
// that sit next to the escaped ones.
func TestPlain8MatchesTheByteTable(t *testing.T) {
	want := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf || !htmlSafe[s[i]] {
				return false
			}
		}
		return true
	}
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			if got := plain8(string(b)); got != want(string(b)) {
				t.Fatalf("plain8(%q) = %v", b, got)
			}
		}
	}
	near := []byte(" !\"#$%&'()*+,-./;<=>?@[\\]^_`{|}~\x00\x1f\x7f\x80\xffaZ09")
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200000; n++ {
		var b [8]byte
		for i := range b {
			b[i] = near[rng.IntN(len(near))]
		}
		if got := plain8(string(b[:])); got != want(string(b[:])) {
			t.Fatalf("plain8(%q) = %v", b, got)
		}
	}
}

// plain8 reports whether the 8 bytes of s are all ASCII that encoding/json
// copies unescaped (see plainRun).
func plain8(s string) bool {
	_ = s[7]
	return plainRun(s[:8], 0) == 8
}
