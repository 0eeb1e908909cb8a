package main

import (
	"encoding/json"
	"fmt"
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []*geometry `json:"geometries"`
	} `json:"objects"`
	Arcs [][][2]float64 `json:"arcs"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// polygons returns the geometry as a list of polygons, each a list of rings,
// each a list of arc indexes (negative: ~index, reversed).
func (g *geometry) polygons() ([][][]int, error) {
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, err
		}
		return [][][]int{p}, nil
	case "MultiPolygon":
		var mp [][][]int
		err := json.Unmarshal(g.Arcs, &mp)
		return mp, err
	}
	return nil, nil
}

func (g *geometry) setPolygons(mp [][][]int) {
	g.Type = "MultiPolygon"
	g.Arcs, _ = json.Marshal(mp)
}

type point [2]float64 // lon, lat or x, y

// decodeArcs undoes the delta encoding and quantisation of the arcs.
func (t *topology) decodeArcs() [][]point {
	out := make([][]point, len(t.Arcs))
	s, tr := t.Transform.Scale, t.Transform.Translate
	for i, a := range t.Arcs {
		var x, y float64
		pts := make([]point, len(a))
		for j, d := range a {
			x += d[0]
			y += d[1]
			pts[j] = point{x*s[0] + tr[0], y*s[1] + tr[1]}
		}
		out[i] = pts
	}
	return out
}

// ring joins arcs into one closed ring of points.
func ring(idx []int, arcs [][]point) []point {
	var out []point
	for _, i := range idx {
		var a []point
		if i >= 0 {
			a = arcs[i]
		} else {
			src := arcs[^i]
			a = make([]point, len(src))
			for j := range src {
				a[j] = src[len(src)-1-j]
			}
		}
		if len(out) > 0 {
			a = a[1:]
		}
		out = append(out, a...)
	}
	return out
}

// moveCrimea moves the Crimean polygon from Russia (643) to Ukraine (804),
// merging it into Ukraine's mainland ring through the arc they share.
func moveCrimea(geoms []*geometry, arcs [][]point) error {
	var ru, ua *geometry
	for _, g := range geoms {
		switch g.ID {
		case "643":
			ru = g
		case "804":
			ua = g
		}
	}
	if ru == nil || ua == nil {
		return fmt.Errorf("russia or ukraine missing from the input")
	}
	ruP, err := ru.polygons()
	if err != nil {
		return err
	}
	uaP, err := ua.polygons()
	if err != nil {
		return err
	}
	for i, p := range ruP {
		for _, a := range p[0] {
			for j, q := range uaP {
				if merged, ok := substitute(q[0], p[0], a); ok && contains(ring(p[0], arcs), simferopol) {
					uaP[j][0] = merged
					ru.setPolygons(append(ruP[:i:i], ruP[i+1:]...))
					ua.setPolygons(uaP)
					return nil
				}
			}
		}
	}
	return fmt.Errorf("no Crimean polygon sharing an arc with Ukraine found")
}

// simferopol is a point inside Crimea.
var simferopol = point{34.1, 44.95}

// contains reports whether pt lies inside the closed ring r (even-odd rule).
func contains(r []point, pt point) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > pt[1]) != (b[1] > pt[1]) && pt[0] < (b[0]-a[0])*(pt[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// substitute replaces, in ring dst, the arc that ring src walks in the other
// direction (shared), with the rest of src: the union of the two polygons.
func substitute(dst, src []int, shared int) ([]int, bool) {
	pos := -1
	for i, a := range dst {
		if a == ^shared {
			pos = i
		}
	}
	if pos < 0 {
		return nil, false
	}
	k := -1
	for i, a := range src {
		if a == shared {
			k = i
		}
	}
	rest := append(append([]int{}, src[k+1:]...), src[:k]...)
	out := append(append(append([]int{}, dst[:pos]...), rest...), dst[pos+1:]...)
	return out, true
}
