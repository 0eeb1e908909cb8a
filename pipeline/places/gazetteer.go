package places

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

//go:generate go run ./internal/gen -data data

var (
	//go:embed data/gazetteer.tsv.gz
	gazetteerGz []byte
	//go:embed extra.tsv
	extraTSV string
	//go:embed data/countries.tsv
	countriesTSV string
)

// rawPlace is one gazetteer entry while the gazetteer is being built; freeze
// turns it into the pointer-free place.
type rawPlace struct {
	id       string
	name     string
	cc       string
	admin1   string // GeoNames admin1 code within cc
	kind     string
	lat, lon float64
	prior    float64 // log10 population plus the hand-made bonus
	pop      int
	capital  bool
	curated  bool     // from or touched by extra.tsv
	aliases  []string // hand-made aliases, output as Place.Aliases
	context  []string // folded keys; when set one must occur in the story
}

// cand is one reading of a name: a place (or, when country is set, a country
// cue that is never a place) and how good a name it is for that place. It
// holds no pointers: country indexes Gazetteer.codes.
type cand struct {
	place     int32
	country   uint16 // 0, or the code index of a country name or demonym
	preferred bool   // display name or hand-made alias, not a GeoNames alternate
	needsThe  bool   // the alias is "the X": only right after "the"
}

// rawEntry is what the index holds for a folded word sequence while it is
// built: the readings when it is a name, and whether a longer name starts
// with it.
type rawEntry struct {
	key    string
	cands  []cand
	longer bool
}

// builder collects the places and names of a gazetteer being loaded.
type builder struct {
	places  []rawPlace
	names   map[string]int32 // folded key → ents index
	ents    []rawEntry
	admin1  map[string]string // "UA.05" → "Donetsk Oblast"
	byID    map[string]int32
	codes   []string          // country codes; codes[0] is ""
	codeIdx map[string]uint16 // code → index in codes
}

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

// Default returns the embedded gazetteer, loading it on first use. Every
// caller shares the one copy.
func Default() (*Gazetteer, error) {
	loadOnce.Do(func() { loaded, loadErr = Load() })
	return loaded, loadErr
}

// Load builds a gazetteer from the embedded data: the GeoNames subset, the
// hand-made extra.tsv and the country cues. It takes a fraction of a second;
// use Default to share one copy.
func Load() (*Gazetteer, error) {
	b := &builder{
		names:   make(map[string]int32, 160<<10),
		ents:    make([]rawEntry, 0, 160<<10),
		admin1:  make(map[string]string, 4096),
		byID:    make(map[string]int32, 32<<10),
		codes:   []string{""},
		codeIdx: map[string]uint16{"": 0},
	}
	zr, err := gzip.NewReader(bytes.NewReader(gazetteerGz))
	if err != nil {
		return nil, fmt.Errorf("failed to load gazetteer: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("failed to load gazetteer: %w", err)
	}
	if err := b.parseGeoNames(string(raw)); err != nil {
		return nil, fmt.Errorf("failed to load gazetteer: %w", err)
	}
	if err := b.parseExtra(extraTSV); err != nil {
		return nil, fmt.Errorf("failed to load extra.tsv: %w", err)
	}
	if err := b.parseCountries(countriesTSV); err != nil {
		return nil, fmt.Errorf("failed to load countries.tsv: %w", err)
	}
	return b.freeze()
}

// parseGeoNames reads the generator's TSV (see internal/gen/write.go).
func (b *builder) parseGeoNames(data string) error {
	for n := 1; data != ""; n++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "A\t") {
			code, name, _ := strings.Cut(line[2:], "\t")
			b.admin1[code] = name
			continue
		}
		if err := b.geoNamesRow(line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return nil
}

func (b *builder) geoNamesRow(line string) error {
	var c [10]string
	if splitN(line, '\t', c[:]) != len(c) {
		return fmt.Errorf("want %d columns in %q", len(c), line)
	}
	lat, err1 := strconv.ParseFloat(c[5], 64)
	lon, err2 := strconv.ParseFloat(c[6], 64)
	pop, err3 := strconv.Atoi(c[7])
	if err1 != nil || err2 != nil || err3 != nil {
		return fmt.Errorf("bad number in %q", line)
	}
	id := "geonames:" + c[0]
	if strings.HasPrefix(c[0], "gn-") {
		id = "warwire:" + c[0]
	}
	p := rawPlace{id: id, name: c[1], cc: c[2], admin1: c[3], kind: pipeline.PlaceCity,
		lat: lat, lon: lon, prior: math.Log10(float64(pop) + 10), pop: pop, capital: c[4] == "PPLC"}
	if c[4] == "PPLX" {
		p.prior -= 1 // a section of a city: rarely meant
	}
	i := b.add(p)
	preferred := c[8] != "n" // the first key is the display name's
	for keys := c[9]; keys != ""; preferred = false {
		var k string
		k, keys, _ = strings.Cut(keys, "|")
		b.addCand(k, cand{place: i, preferred: preferred})
	}
	return nil
}

func (b *builder) add(p rawPlace) int32 {
	i := int32(len(b.places))
	b.places = append(b.places, p)
	b.byID[p.id] = i
	return i
}

// code returns the index of a country code in b.codes, adding it if new.
func (b *builder) code(cc string) uint16 {
	k, ok := b.codeIdx[cc]
	if !ok {
		k = uint16(len(b.codes))
		b.codes = append(b.codes, cc)
		b.codeIdx[cc] = k
	}
	return k
}

// index files name as a reading of place i.
func (b *builder) index(name string, i int32, preferred bool) {
	needsThe := false
	if rest, ok := strings.CutPrefix(name, "the "); ok {
		name, needsThe = rest, true
	}
	key := fold.Key(name)
	if key == "" {
		return
	}
	if needsThe {
		key = "the " + key
	}
	b.addCand(key, cand{place: i, preferred: preferred, needsThe: needsThe})
}

// entry returns the index of key's entry, creating an empty one if new.
func (b *builder) entry(key string) int32 {
	e, ok := b.names[key]
	if !ok {
		e = int32(len(b.ents))
		b.ents = append(b.ents, rawEntry{key: key})
		b.names[key] = e
	}
	return e
}

// addCand files a folded key as reading c (a place, or place -1 with country
// set for a country cue). A place already filed under key keeps one reading,
// preferred if either is.
func (b *builder) addCand(key string, c cand) {
	e, ok := b.names[key]
	if !ok {
		e = b.entry(key)
	}
	cs := b.ents[e].cands
	for j, o := range cs {
		if c.country == 0 && o.place == c.place && o.country == 0 {
			cs[j].preferred = o.preferred || c.preferred
			return
		}
	}
	b.ents[e].cands = append(cs, c)
	b.notePrefixes(key)
}

// notePrefixes marks every leading word sequence of key as the start of a
// longer name.
func (b *builder) notePrefixes(key string) {
	for k := 0; k < len(key); k++ {
		if key[k] == ' ' {
			b.ents[b.entry(key[:k])].longer = true
		}
	}
}

// splitN splits s at sep into out and returns how many fields it found; a
// line with more fields than out leaves the rest in the last one.
func splitN(s string, sep byte, out []string) int {
	n := 0
	for n < len(out)-1 {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			break
		}
		out[n], s = s[:i], s[i+1:]
		n++
	}
	out[n] = s
	return n + 1
}
