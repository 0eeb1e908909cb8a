// Command mapgen builds the map outline the web UI draws places on
// (internal/search/web/static/outline.json) from Natural Earth's 1:50m admin-0
// countries as TopoJSON (world-atlas 2.0.2 on npm: countries-50m.json, Natural
// Earth 4.1.0, public domain; world-atlas itself is ISC-licensed). It clips the
// countries to a window over Europe and the Black Sea, projects them
// (equirectangular with the scale true at the window's middle latitude),
// simplifies them and writes SVG path data.
//
// Natural Earth 4.1.0 draws Crimea as part of Russia (its de facto view);
// warwire draws internationally recognised borders (UN General Assembly
// resolution 68/262), so the Crimean polygon is moved to Ukraine.
//
//	npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	go run ./internal/search/web/mapgen -in package/countries-50m.json -out internal/search/web/static/outline.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	in := flag.String("in", "countries-50m.json", "world-atlas countries TopoJSON")
	out := flag.String("out", "outline.json", "output file")
	tol := flag.Float64("tolerance", 0.9, "simplification tolerance in output units (the map is 1000 wide)")
	flag.Parse()
	if err := run(*in, *out, *tol); err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
}

// window is the part of the world the outline covers, in degrees.
var window = bbox{West: -11, South: 34, East: 50, North: 62}

// width of the output coordinate space.
const width = 1000.0

type bbox struct{ West, South, East, North float64 }

// Outline is the file the web UI reads.
type Outline struct {
	Source    string    `json:"source"`
	BBox      []float64 `json:"bbox"` // west, south, east, north
	K         float64   `json:"k"`    // cos(middle latitude): x = (lon-west)*k*scale
	Scale     float64   `json:"scale"`
	Width     float64   `json:"width"`
	Height    float64   `json:"height"`
	Countries []Country `json:"countries"`
}

// Country is one country's outline as SVG path data.
type Country struct {
	ID   string `json:"id"` // ISO 3166-1 numeric
	Name string `json:"name"`
	D    string `json:"d"`
}

func run(in, out string, tol float64) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", in, err)
	}
	var topo topology
	if err := json.Unmarshal(raw, &topo); err != nil {
		return fmt.Errorf("failed to parse %s: %w", in, err)
	}
	geoms := topo.Objects["countries"].Geometries
	arcs := topo.decodeArcs()
	if err := moveCrimea(geoms, arcs); err != nil {
		return err
	}
	p := newProjection(window)
	o := Outline{
		Source: "Natural Earth 1:50m admin-0 countries 4.1.0 (public domain) via world-atlas 2.0.2; Crimea drawn as part of Ukraine",
		BBox:   []float64{window.West, window.South, window.East, window.North},
		K:      p.k, Scale: p.scale, Width: width, Height: round1(p.height),
	}
	for _, g := range geoms {
		d := pathData(g, arcs, p, tol)
		if d != "" {
			o.Countries = append(o.Countries, Country{ID: g.ID, Name: g.Properties.Name, D: d})
		}
	}
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("failed to write %s: %w", out, err)
	}
	fmt.Printf("mapgen: %d countries, %d bytes\n", len(o.Countries), len(b))
	return nil
}
