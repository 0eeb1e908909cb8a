package web

import (
	"encoding/json"
	"io/fs"
	"strconv"
	"strings"
	"testing"
)

type outline struct {
	BBox      []float64 `json:"bbox"`
	K, Scale  float64
	Width     float64 `json:"width"`
	Height    float64 `json:"height"`
	Countries []struct {
		ID, Name, D string
	} `json:"countries"`
}

// rings parses the M/L/Z path data mapgen writes.
func rings(d string) [][][2]float64 {
	var out [][][2]float64
	for _, part := range strings.Split(d, "Z") {
		if part == "" {
			continue
		}
		var r [][2]float64
		for _, pt := range strings.FieldsFunc(part, func(c rune) bool { return c == 'M' || c == 'L' }) {
			xy := strings.Fields(pt)
			x, _ := strconv.ParseFloat(xy[0], 64)
			y, _ := strconv.ParseFloat(xy[1], 64)
			r = append(r, [2]float64{x, y})
		}
		out = append(out, r)
	}
	return out
}

func inside(rs [][][2]float64, p [2]float64) bool {
	in := false
	for _, r := range rs {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
				in = !in
			}
		}
	}
	return in
}

// TestOutlinePlacesCitiesInTheirCountries checks the embedded map: cities
// projected with the file's own parameters fall inside their countries, and
// Crimea is drawn as part of Ukraine.
func TestOutlinePlacesCitiesInTheirCountries(t *testing.T) {
	raw, err := fs.ReadFile(Assets(), "outline.json")
	if err != nil {
		t.Fatal(err)
	}
	var o outline
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatal(err)
	}
	west, north := o.BBox[0], o.BBox[3]
	project := func(lat, lon float64) [2]float64 {
		return [2]float64{(lon - west) * o.K * o.Scale, (north - lat) * o.Scale}
	}
	byName := map[string][][][2]float64{}
	for _, c := range o.Countries {
		byName[c.Name] = rings(c.D)
	}
	cases := []struct {
		city, country string
		lat, lon      float64
	}{
		{"Kyiv", "Ukraine", 50.45, 30.52},
		{"Kharkiv", "Ukraine", 49.99, 36.23},
		{"Simferopol", "Ukraine", 44.95, 34.10},
		{"Sevastopol", "Ukraine", 44.60, 33.52},
		{"Warsaw", "Poland", 52.23, 21.01},
		{"Moscow", "Russia", 55.75, 37.62},
		{"Paris", "France", 48.86, 2.35},
	}
	for _, c := range cases {
		p := project(c.lat, c.lon)
		if !inside(byName[c.country], p) {
			t.Errorf("%s (%v) is not inside %s", c.city, p, c.country)
		}
	}
	if inside(byName["Russia"], project(44.95, 34.10)) {
		t.Error("Crimea is drawn inside Russia")
	}
	if o.Width != 1000 || o.Height < 500 || len(raw) > 120<<10 {
		t.Errorf("outline %vx%v, %d bytes", o.Width, o.Height, len(raw))
	}
}
