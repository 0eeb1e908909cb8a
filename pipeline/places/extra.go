package places

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// extraColumns is the width of extra.tsv (see its header).
const extraColumns = 10

// parseExtra reads the hand-made extra.tsv: regions, waters, sites, villages
// and overrides of GeoNames places.
func (b *builder) parseExtra(data string) error {
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) > extraColumns || len(c) < 5 {
			return fmt.Errorf("line %d: want %d tab-separated columns, got %d", n+1, extraColumns, len(c))
		}
		for len(c) < extraColumns {
			c = append(c, "")
		}
		if err := b.extraRow(c); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
	}
	return nil
}

func (b *builder) extraRow(c []string) error {
	id, kind, name, cc, admin1 := c[0], c[1], c[2], c[3], c[4]
	if !strings.HasPrefix(id, "geonames:") && !strings.HasPrefix(id, "warwire:") {
		return fmt.Errorf("id %q: want geonames:<id> or warwire:<slug>", id)
	}
	if kind == "admin1" {
		b.admin1[cc+"."+admin1] = name
		if c[5] == "" {
			return nil // names the unit only
		}
		kind = pipeline.PlaceRegion
	}
	if !validKind(kind) {
		return fmt.Errorf("unknown kind %q", kind)
	}
	lat, err1 := strconv.ParseFloat(c[5], 64)
	lon, err2 := strconv.ParseFloat(c[6], 64)
	prior, err3 := strconv.ParseFloat(c[7], 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return fmt.Errorf("bad lat, lon or prior in %q", strings.Join(c, "\t"))
	}
	i, ok := b.byID[id]
	if ok {
		p := &b.places[i]
		p.name, p.kind = name, kind
		p.prior += prior
	} else {
		i = b.add(rawPlace{id: id, name: name, cc: cc, admin1: admin1, kind: kind, lat: lat, lon: lon, prior: prior})
	}
	p := &b.places[i]
	p.curated = true
	p.aliases = nil
	for _, k := range splitList(c[9]) {
		p.context = append(p.context, fold.Key(k))
	}
	b.index(name, i, true)
	for _, a := range splitList(c[8]) {
		b.index(a, i, true)
		if !strings.HasPrefix(a, "the ") && !strings.EqualFold(a, name) && !containsFold(p.aliases, a) {
			p.aliases = append(p.aliases, a)
		}
	}
	return nil
}

func validKind(k string) bool {
	switch k {
	case pipeline.PlaceRegion, pipeline.PlaceCity, pipeline.PlaceWater, pipeline.PlaceSite, pipeline.PlaceOther:
		return true
	}
	return false
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseCountries files country names and demonyms as country cues.
func (b *builder) parseCountries(data string) error {
	for n, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, names, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if !ok || len(code) != 2 {
			return fmt.Errorf("line %d: want code<TAB>names", n+1)
		}
		for _, name := range splitList(names) {
			key := fold.Key(name)
			b.addCand(key, cand{place: -1, preferred: true, country: b.code(code)})
		}
	}
	return nil
}
