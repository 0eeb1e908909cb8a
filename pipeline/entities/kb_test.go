package entities

import (
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// isoCodes are the ISO 3166-1 alpha-2 codes of the UN member and observer
// states (plus Taiwan and Kosovo, which stories treat as countries).
const isoCodes = `AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ
CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB
GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR
KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE
NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM
SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS XK
YE ZA ZM ZW`

func TestEmbeddedKB(t *testing.T) {
	f, err := ParseKB(EmbeddedKB())
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entities) < 400 {
		t.Errorf("knowledge base has %d entities, want at least 400", len(f.Entities))
	}
	codes := map[string]int{}
	types := map[string]int{}
	for _, e := range f.Entities {
		types[e.Type]++
		if e.Type == pipeline.EntityCountry {
			codes[e.CountryCode]++
		}
	}
	for _, c := range strings.Fields(isoCodes) {
		if codes[c] != 1 {
			t.Errorf("country %s appears %d times, want once", c, codes[c])
		}
	}
	if types[pipeline.EntityPerson] < 200 || types[pipeline.EntityOrganization] < 100 {
		t.Errorf("entity types = %v, want at least 200 people and 100 organisations", types)
	}
}

func TestParseKBRejectsBadEntries(t *testing.T) {
	for name, src := range map[string]string{
		"bad id":        "entities:\n  - {id: X12, name: A, type: person}\n",
		"bad type":      "entities:\n  - {id: Q1, name: A, type: city}\n",
		"country code":  "entities:\n  - {id: Q1, name: A, type: country, country_code: usa}\n",
		"unknown title": "entities:\n  - {id: Q1, name: A, type: person, roles: [{title: King}]}\n",
		"bad date":      "titles: [{title: King}]\nentities:\n  - {id: Q1, name: A, type: person, roles: [{title: King, from: 2020-13-01}]}\n",
		"reversed":      "titles: [{title: King}]\nentities:\n  - {id: Q1, name: A, type: person, roles: [{title: King, from: 2020-01-01, to: 2019-01-01}]}\n",
		"duplicate id":  "entities:\n  - {id: Q1, name: A, type: person}\n  - {id: Q1, name: B, type: person}\n",
		"bad org":       "titles: [{title: King, org: Q9}]\nentities:\n  - {id: Q1, name: A, type: person}\n",
	} {
		if _, err := ParseKB([]byte(src)); err == nil {
			t.Errorf("%s: ParseKB accepted %q", name, src)
		}
	}
}

func TestKBFileOverride(t *testing.T) {
	t.Setenv("WARWIRE_KB_FILE", "testdata/mini_kb.yaml")
	st, err := NewFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if st.Index().Len() != 2 {
		t.Fatalf("override knowledge base has %d entities, want 2", st.Index().Len())
	}
	got := st.Index().Recognize("Testport said on Monday that the Testport harbour master would stay.", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), "en")
	if len(got) != 2 || got[0].Name != "Testland" || got[1].Name != "Ada Quill" {
		t.Errorf("entities = %+v, want Testland then Ada Quill", got)
	}
	t.Setenv("WARWIRE_KB_FILE", "testdata/missing.yaml")
	if _, err := NewFromEnv(); err == nil || !strings.Contains(err.Error(), "WARWIRE_KB_FILE") {
		t.Errorf("missing file: err = %v, want a WARWIRE_KB_FILE error", err)
	}
}

func TestRolesResolveByDate(t *testing.T) {
	ix := testIndex(t)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		text string
		at   time.Time
		want string
	}{
		{"The NATO chief said the alliance would not back down.", day(2024, 6, 18), "Jens Stoltenberg"},
		{"The NATO chief said the alliance would not back down.", day(2024, 10, 2), "Mark Rutte"},
		{"The U.S. president spoke by phone.", day(2024, 12, 1), "Joe Biden"},
		{"The U.S. president spoke by phone.", day(2025, 2, 1), "Donald Trump"},
		{"The British prime minister arrived.", day(2024, 7, 4), "Rishi Sunak"},
		{"The British prime minister arrived.", day(2024, 7, 6), "Keir Starmer"},
		{"Ukraine's top commander visited the front.", day(2024, 1, 5), "Valerii Zaluzhnyi"},
		{"Ukraine's top commander visited the front.", day(2024, 3, 5), "Oleksandr Syrskyi"},
		{"Ukraine's defence minister flew to Brussels.", day(2025, 8, 1), "Denys Shmyhal"},
	} {
		if !hasEntity(ix.Recognize(c.text, c.at, "en"), c.want) {
			t.Errorf("%q at %s: %s not found in %v", c.text, c.at.Format(time.DateOnly), c.want, names(ix.Recognize(c.text, c.at, "en")))
		}
	}
}

// loaded keeps the last index alive so that the heap it holds is measured.
var loaded *Index

// BenchmarkLoadKB measures parsing and compiling the embedded knowledge base
// (target: well under 1 s) and the live heap it holds afterwards (heap-MB).
func BenchmarkLoadKB(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ix, err := LoadIndex("")
		if err != nil {
			b.Fatal(err)
		}
		loaded = ix
	}
	b.StopTimer()
	reportHeap(b)
}
