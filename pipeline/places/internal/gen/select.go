package main

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// minPop is the population a place in a covered country needs; -1 takes every
// place. Ukraine and the Russian regions on its border are taken whole.
var minPop = map[string]int{
	"UA": -1, "RU": 5000,
	"BY": 2000, "MD": 2000, "GE": 2000, "LT": 2000, "LV": 2000, "EE": 2000,
	"PL": 5000, "RO": 5000, "SK": 5000, "HU": 5000, "FI": 5000,
}

// borderRU lists the Russian admin1 codes taken whole: Belgorod, Bryansk,
// Kursk, Rostov, Krasnodar and Voronezh.
var borderRU = map[string]bool{"09": true, "10": true, "41": true, "61": true, "38": true, "86": true}

const (
	worldMinPop  = 100000 // any country
	europeMinPop = 20000  // Europe/* time zones
)

// dropCodes are feature codes of places that no longer exist as such.
var dropCodes = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true}

// selectPlaces picks the subset and cleans its names.
func selectPlaces(in *inputs) []row {
	var out []row
	for _, r := range in.cities500 {
		if keep(r, in) {
			out = append(out, cleanNames(r, in))
		}
	}
	return append(out, townsMissing(out, in)...)
}

func keep(r row, in *inputs) bool {
	if dropCodes[r.fcode] {
		return false
	}
	if in.include[fold.Key(r.name)] || in.include[fold.Key(r.ascii)] {
		return true
	}
	if r.fcode == "PPLX" && r.cc != "UA" {
		return false
	}
	if min, ok := minPop[r.cc]; ok {
		if r.cc == "RU" && borderRU[r.admin1] {
			return true
		}
		if r.pop >= min {
			return true
		}
	}
	if r.fcode == "PPLC" || r.pop >= worldMinPop {
		return true
	}
	return strings.HasPrefix(r.tz, "Europe/") && r.pop >= europeMinPop
}

// cleanNames keeps the alternate names a wire story could use: Latin or
// Cyrillic script, 3 to 40 letters, not an ordinary English word or a country,
// one per folded key. The display name is flagged when it is such a word.
func cleanNames(r row, in *inputs) row {
	seen := map[string]bool{}
	nameKey := fold.Key(r.name)
	seen[nameKey] = true
	var alts []string
	for _, a := range append([]string{r.ascii}, r.alts...) {
		a = strings.TrimSpace(a)
		k := fold.Key(a)
		if seen[k] || !usable(a, k, in) || !properAlternate(a) || allWords(k, in) {
			continue
		}
		seen[k] = true
		alts = append(alts, a)
	}
	r.alts = alts
	if !usable(r.name, nameKey, in) {
		r.noMatch = true
	}
	return r
}

func usable(name, key string, in *inputs) bool {
	n := len([]rune(name))
	if n < 3 || n > 40 || key == "" || in.words[key] || in.countries[key] {
		return false
	}
	letters := 0
	for _, c := range name {
		switch {
		case unicode.Is(unicode.Latin, c) || unicode.Is(unicode.Cyrillic, c):
			letters++
		case c == ' ' || c == '-' || c == '\'' || c == '’' || c == 'ʼ' || c == '.' || unicode.Is(unicode.Mn, c):
		default:
			return false
		}
	}
	return letters >= 3
}

// allWords reports an alternate made only of common English words: "White
// House" (an alternate of Casablanca) is never meant as a city.
func allWords(key string, in *inputs) bool {
	for _, w := range strings.Split(key, " ") {
		if !in.words[w] {
			return false
		}
	}
	return true
}

// properAlternate rejects romanisations written in lower case ("ji fu") and
// short all-capital codes such as airport codes ("IEV").
func properAlternate(a string) bool {
	first, _ := utf8.DecodeRuneInString(a)
	if !unicode.IsUpper(first) {
		return false
	}
	return len([]rune(a)) > 4 || strings.ToUpper(a) != a
}

// townsMissing returns the cities.json towns in Ukraine and the border regions
// of Russia that cities500 lacks (no place of that name within 10 km, and no
// place at all within 1 km). They carry warwire ids: cities.json has none.
func townsMissing(have []row, in *inputs) []row {
	grid := newGrid(have)
	used := map[string]int{}
	var out []row
	for _, t := range in.extraTown {
		if !(t.cc == "UA" || t.cc == "RU" && borderRU[t.admin1]) {
			continue
		}
		key := fold.Key(t.name)
		if !usable(t.name, key, in) || grid.known(t, key) {
			continue
		}
		slug := strings.ToLower(t.cc) + "-" + t.admin1 + "-" + strings.ReplaceAll(key, " ", "-")
		used[slug]++
		if used[slug] > 1 {
			slug += "-" + strconv.Itoa(used[slug])
		}
		t.slug = "gn-" + slug
		out = append(out, t)
	}
	return out
}

// grid indexes places by 0.1-degree cells for the near-duplicate check.
type grid map[[2]int][]row

func cell(lat, lon float64) [2]int {
	return [2]int{int(math.Floor(lat * 10)), int(math.Floor(lon * 10))}
}

func newGrid(rows []row) grid {
	g := grid{}
	for _, r := range rows {
		lat, lon := coords(r)
		c := cell(lat, lon)
		g[c] = append(g[c], r)
	}
	return g
}

func (g grid) known(t row, key string) bool {
	lat, lon := coords(t)
	c := cell(lat, lon)
	for dy := -1; dy <= 1; dy++ {
		for dx := -2; dx <= 2; dx++ {
			for _, r := range g[[2]int{c[0] + dy, c[1] + dx}] {
				rlat, rlon := coords(r)
				d := km(lat, lon, rlat, rlon)
				if d < 1 || d < 10 && hasName(r, key) {
					return true
				}
			}
		}
	}
	return false
}

func hasName(r row, key string) bool {
	if fold.Key(r.name) == key {
		return true
	}
	for _, a := range r.alts {
		if fold.Key(a) == key {
			return true
		}
	}
	return false
}

func coords(r row) (float64, float64) {
	lat, _ := strconv.ParseFloat(r.lat, 64)
	lon, _ := strconv.ParseFloat(r.lon, 64)
	return lat, lon
}

// km is the great-circle distance.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
