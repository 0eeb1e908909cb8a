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

// place is one gazetteer entry.
type place struct {
	id       string
	name     string
	cc       string
	admin1   string // GeoNames admin1 code within cc
	kind     string
	lat, lon float64
	prior    float64 // log10 population plus the hand-made bonus
	pop      int
	war      float64 // warBonus, computed once at load
	capital  bool
	curated  bool     // from or touched by extra.tsv
	aliases  []string // hand-made aliases, output as Place.Aliases
	context  []string // folded keys; when set one must occur in the story
}

// cand is one reading of a name: a place (or, when country is set, a country
// cue that is never a place) and how good a name it is for that place.
type cand struct {
	place     int32
	preferred bool   // display name or hand-made alias, not a GeoNames alternate
	needsThe  bool   // the alias is "the X": only right after "the"
	country   string // set for country names and demonyms
}

// Gazetteer holds the places and the folded-name index. It is read-only after
// Load and safe for concurrent use.
type Gazetteer struct {
	places []place
	names  map[string]nameEntry
	first  *firstBits
	admin1 map[string]string // "UA.05" → "Donetsk Oblast"
	byID   map[string]int32
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
	g := &Gazetteer{
		names:  make(map[string]nameEntry, 160<<10),
		first:  new(firstBits),
		admin1: make(map[string]string, 4096),
		byID:   make(map[string]int32, 32<<10),
	}
	zr, err := gzip.NewReader(bytes.NewReader(gazetteerGz))
	if err != nil {
		return nil, fmt.Errorf("failed to load gazetteer: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("failed to load gazetteer: %w", err)
	}
	if err := g.parseGeoNames(string(raw)); err != nil {
		return nil, fmt.Errorf("failed to load gazetteer: %w", err)
	}
	if err := g.parseExtra(extraTSV); err != nil {
		return nil, fmt.Errorf("failed to load extra.tsv: %w", err)
	}
	if err := g.parseCountries(countriesTSV); err != nil {
		return nil, fmt.Errorf("failed to load countries.tsv: %w", err)
	}
	for i := range g.places {
		g.places[i].war = warBonus(&g.places[i])
	}
	return g, nil
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// parseGeoNames reads the generator's TSV (see internal/gen/write.go).
func (g *Gazetteer) parseGeoNames(data string) error {
	for n := 1; data != ""; n++ {
		var line string
		line, data, _ = strings.Cut(data, "\n")
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "A\t") {
			code, name, _ := strings.Cut(line[2:], "\t")
			g.admin1[code] = name
			continue
		}
		if err := g.geoNamesRow(line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return nil
}

func (g *Gazetteer) geoNamesRow(line string) error {
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
	p := place{id: id, name: c[1], cc: c[2], admin1: c[3], kind: pipeline.PlaceCity,
		lat: lat, lon: lon, prior: math.Log10(float64(pop) + 10), pop: pop, capital: c[4] == "PPLC"}
	if c[4] == "PPLX" {
		p.prior -= 1 // a section of a city: rarely meant
	}
	i := g.add(p)
	preferred := c[8] != "n" // the first key is the display name's
	for keys := c[9]; keys != ""; preferred = false {
		var k string
		k, keys, _ = strings.Cut(keys, "|")
		g.indexKey(k, i, preferred, false)
	}
	return nil
}

func (g *Gazetteer) add(p place) int32 {
	i := int32(len(g.places))
	g.places = append(g.places, p)
	g.byID[p.id] = i
	return i
}

// index files name as a reading of place i.
func (g *Gazetteer) index(name string, i int32, preferred bool) {
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
	g.indexKey(key, i, preferred, needsThe)
}

// nameEntry is what the index holds for a folded word sequence: the readings
// when it is a name, and whether a longer name starts with it.
type nameEntry struct {
	cands  []cand
	longer bool
}

// lookup returns the readings of a folded name.
func (g *Gazetteer) lookup(key string) ([]cand, bool) {
	e := g.names[key]
	return e.cands, len(e.cands) > 0
}

// indexKey files a folded key as a reading of place i (-1 with country set
// for a country cue).
func (g *Gazetteer) indexKey(key string, i int32, preferred, needsThe bool) {
	g.addCand(key, cand{place: i, preferred: preferred, needsThe: needsThe})
}

func (g *Gazetteer) addCand(key string, c cand) {
	e := g.names[key]
	for j, o := range e.cands {
		if c.country == "" && o.place == c.place && o.country == "" {
			e.cands[j].preferred = o.preferred || c.preferred
			return
		}
	}
	e.cands = append(e.cands, c)
	g.names[key] = e
	g.notePrefixes(key)
}

// notePrefixes marks every leading word sequence of key as the start of a
// longer name, and its first word in the Bloom filter.
func (g *Gazetteer) notePrefixes(key string) {
	first, _, _ := strings.Cut(key, " ")
	g.first.add([]byte(first))
	for k := 0; k < len(key); k++ {
		if key[k] != ' ' {
			continue
		}
		p := key[:k]
		if e := g.names[p]; !e.longer {
			e.longer = true
			g.names[p] = e
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
