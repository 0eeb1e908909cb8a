package main

import (
	"math"
	"strconv"
	"strings"
)

type projection struct {
	b             bbox
	k, scale      float64
	width, height float64
}

func newProjection(b bbox) projection {
	k := math.Cos((b.South + b.North) / 2 * math.Pi / 180)
	scale := width / ((b.East - b.West) * k)
	return projection{b: b, k: round4(k), scale: round4(scale), width: width, height: (b.North - b.South) * round4(scale)}
}

func (p projection) project(pt point) point {
	return point{(pt[0] - p.b.West) * p.k * p.scale, (p.b.North - pt[1]) * p.scale}
}

// pathData is the SVG path of a country inside the window, or "".
func pathData(g *geometry, arcs [][]point, p projection, tol float64) string {
	polys, err := g.polygons()
	if err != nil {
		return ""
	}
	var sb strings.Builder
	for _, poly := range polys {
		for _, idx := range poly {
			r := ring(idx, arcs)
			xy := make([]point, len(r))
			for i, pt := range r {
				xy[i] = p.project(pt)
			}
			xy = clip(xy, -2, -2, p.width+2, p.height+2)
			if len(xy) < 3 {
				continue
			}
			xy = simplify(xy, tol)
			if len(xy) < 3 || math.Abs(area(xy)) < 2 {
				continue
			}
			writeRing(&sb, xy)
		}
	}
	return sb.String()
}

func writeRing(sb *strings.Builder, xy []point) {
	for i, pt := range xy {
		if i == 0 {
			sb.WriteByte('M')
		} else {
			sb.WriteByte('L')
		}
		sb.WriteString(strconv.FormatFloat(round1(pt[0]), 'f', -1, 64))
		sb.WriteByte(' ')
		sb.WriteString(strconv.FormatFloat(round1(pt[1]), 'f', -1, 64))
	}
	sb.WriteByte('Z')
}

// clip cuts a closed ring to the rectangle (Sutherland–Hodgman).
func clip(r []point, x0, y0, x1, y1 float64) []point {
	edges := []struct {
		in    func(point) bool
		cross func(a, b point) point
	}{
		{func(p point) bool { return p[0] >= x0 }, func(a, b point) point { return atX(a, b, x0) }},
		{func(p point) bool { return p[0] <= x1 }, func(a, b point) point { return atX(a, b, x1) }},
		{func(p point) bool { return p[1] >= y0 }, func(a, b point) point { return atY(a, b, y0) }},
		{func(p point) bool { return p[1] <= y1 }, func(a, b point) point { return atY(a, b, y1) }},
	}
	for _, e := range edges {
		if len(r) == 0 {
			return nil
		}
		var out []point
		prev := r[len(r)-1]
		for _, cur := range r {
			switch {
			case e.in(cur) && !e.in(prev):
				out = append(out, e.cross(prev, cur), cur)
			case e.in(cur):
				out = append(out, cur)
			case e.in(prev):
				out = append(out, e.cross(prev, cur))
			}
			prev = cur
		}
		r = out
	}
	return r
}

func atX(a, b point, x float64) point {
	t := (x - a[0]) / (b[0] - a[0])
	return point{x, a[1] + t*(b[1]-a[1])}
}

func atY(a, b point, y float64) point {
	t := (y - a[1]) / (b[1] - a[1])
	return point{a[0] + t*(b[0]-a[0]), y}
}

// simplify is Douglas–Peucker on an open polyline (the ring's closing point
// is implied by Z).
func simplify(pts []point, tol float64) []point {
	if len(pts) < 3 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	dp(pts, 0, len(pts)-1, tol, keep)
	var out []point
	for i, k := range keep {
		if k {
			out = append(out, pts[i])
		}
	}
	return out
}

func dp(pts []point, i, j int, tol float64, keep []bool) {
	if j <= i+1 {
		return
	}
	best, at := 0.0, -1
	for k := i + 1; k < j; k++ {
		if d := segDist(pts[k], pts[i], pts[j]); d > best {
			best, at = d, k
		}
	}
	if best > tol {
		keep[at] = true
		dp(pts, i, at, tol, keep)
		dp(pts, at, j, tol, keep)
	}
}

func segDist(p, a, b point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/(dx*dx+dy*dy)))
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

func area(r []point) float64 {
	s := 0.0
	for i := range r {
		a, b := r[i], r[(i+1)%len(r)]
		s += a[0]*b[1] - b[0]*a[1]
	}
	return s / 2
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }
