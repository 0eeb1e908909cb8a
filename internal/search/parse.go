package search

import (
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Parse reads a Query from URL parameters (or CLI flags turned into them),
// applying the limits. The first problem found is a *ParamError naming the
// parameter. Parameters that no endpoint knows are rejected, so a typo such as
// "enitty" is reported rather than silently ignored.
func Parse(v url.Values, lim Limits) (Query, error) {
	q := Query{Withdrawn: WithdrawnExclude, Sort: SortRelevance, Size: lim.DefaultSize,
		Collapse: true, Interval: "auto", FacetSize: lim.FacetSize, Format: "csv", raw: url.Values{}}
	if err := checkNames(v, lim); err != nil {
		return Query{}, err
	}
	for _, step := range []func(url.Values, Limits, *Query) error{
		parseText, parseEntities, parsePlaces, parseGeo, parseStances, parseLists,
		parseDates, parseModes, parsePaging, parseFacetParams,
	} {
		if err := step(v, lim, &q); err != nil {
			return Query{}, err
		}
	}
	return q, nil
}

func checkNames(v url.Values, lim Limits) error {
	for name, vals := range v {
		if name == "" { // "?&" or "?=": nothing was asked
			continue
		}
		if !knownParam(name) {
			return paramErrorf(name, "is not a parameter this API understands (see /api/openapi.json)")
		}
		if len(vals) > 1 && !paramRepeated(name) {
			return paramErrorf(name, "may be given only once, got %d values", len(vals))
		}
		if len(vals) > lim.MaxFilterValues {
			return paramErrorf(name, "has %d values; at most %d are allowed", len(vals), lim.MaxFilterValues)
		}
		for _, s := range vals {
			if !utf8.ValidString(s) {
				return paramErrorf(name, "is not valid UTF-8 text")
			}
			if limit := maxValueLength(name, lim); utf8.RuneCountInString(s) > limit {
				return paramErrorf(name, "is too long (at most %d characters)", limit)
			}
		}
	}
	return nil
}

// maxValueLength bounds one value of a parameter: cursors carry a
// point-in-time id, everything else is short or bounded by the query length.
func maxValueLength(name string, lim Limits) int {
	if name == "cursor" {
		return 8192
	}
	return max(lim.MaxQueryLength, 200)
}

// values returns the non-empty trimmed values of name and records them as
// canonical parameters.
func values(v url.Values, q *Query, name string) []string {
	var out []string
	for _, s := range v[name] {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if len(out) > 0 {
		q.raw[name] = out
	}
	return out
}

// single returns the one trimmed value of name, "" when absent.
func single(v url.Values, q *Query, name string) string {
	if vals := values(v, q, name); len(vals) > 0 {
		return vals[0]
	}
	return ""
}

func parseText(v url.Values, lim Limits, q *Query) error {
	q.Text = single(v, q, "q")
	if n := utf8.RuneCountInString(q.Text); n > lim.MaxQueryLength {
		return paramErrorf("q", "is %d characters long; at most %d are allowed", n, lim.MaxQueryLength)
	}
	return nil
}

var entityTypes = map[string]bool{"person": true, "organization": true, "country": true}

func parseEntities(v url.Values, _ Limits, q *Query) error {
	q.Entities = values(v, q, "entity")
	switch mode := single(v, q, "entity_mode"); mode {
	case "", "all":
	case "any":
		q.EntityAny = true
	default:
		return paramErrorf("entity_mode", "is %q; use all or any", mode)
	}
	for _, t := range values(v, q, "entity_type") {
		t = strings.ToLower(t)
		if !entityTypes[t] {
			return paramErrorf("entity_type", "is %q; use person, organization or country", t)
		}
		q.EntityTypes = append(q.EntityTypes, t)
	}
	q.WithEntity = single(v, q, "with_entity")
	return nil
}

var countryCode = regexp.MustCompile(`^[A-Za-z]{2}$`)

func parsePlaces(v url.Values, _ Limits, q *Query) error {
	q.Places = values(v, q, "place")
	q.Admin1 = values(v, q, "admin1")
	for _, c := range values(v, q, "country") {
		if !countryCode.MatchString(c) {
			return paramErrorf("country", "is %q; use a two-letter ISO 3166-1 code such as UA", c)
		}
		q.Countries = append(q.Countries, strings.ToUpper(c))
	}
	return nil
}

func parseGeo(v url.Values, _ Limits, q *Query) error {
	if s := single(v, q, "bbox"); s != "" {
		f, err := floats(s, 4)
		if err != nil {
			return paramErrorf("bbox", "is %q; use west,south,east,north in degrees, e.g. 22,44,41,53", s)
		}
		b := BBox{West: f[0], South: f[1], East: f[2], North: f[3]}
		switch {
		case !lonOK(b.West) || !lonOK(b.East) || !latOK(b.South) || !latOK(b.North):
			return paramErrorf("bbox", "has a coordinate out of range (longitude -180..180, latitude -90..90)")
		case b.South > b.North:
			return paramErrorf("bbox", "has south (%g) above north (%g)", b.South, b.North)
		}
		q.BBox = &b
	}
	return parseNear(v, q)
}

var distanceRe = regexp.MustCompile(`^\d+(\.\d+)?(km|m|mi)$`)

func parseNear(v url.Values, q *Query) error {
	pt, dist := single(v, q, "near"), strings.ToLower(single(v, q, "distance"))
	switch {
	case pt == "" && dist == "":
		return nil
	case pt == "":
		return paramErrorf("near", "is required with distance")
	case dist == "":
		return paramErrorf("distance", "is required with near, e.g. distance=50km")
	case !distanceRe.MatchString(dist):
		return paramErrorf("distance", "is %q; use a number with km, m or mi, e.g. 50km", dist)
	}
	f, err := floats(pt, 2)
	if err != nil || !latOK(f[0]) || !lonOK(f[1]) {
		return paramErrorf("near", "is %q; use lat,lon in degrees, e.g. 50.45,30.52", pt)
	}
	q.Near = &Near{Lat: f[0], Lon: f[1], Distance: dist}
	return nil
}

func floats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, strconv.ErrSyntax
	}
	out := make([]float64, n)
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, strconv.ErrSyntax
		}
		out[i] = f
	}
	return out, nil
}

func latOK(f float64) bool { return f >= -90 && f <= 90 }
func lonOK(f float64) bool { return f >= -180 && f <= 180 }

func parseStances(v url.Values, _ Limits, q *Query) error {
	for _, s := range values(v, q, "stance") {
		parts := strings.Split(s, ":")
		if len(parts) != 3 {
			return paramErrorf("stance", "is %q; use holder:target:polarity, leaving parts empty for any (e.g. Q212::oppose)", s)
		}
		f := StanceFilter{Holder: wildcard(parts[0]), Target: wildcard(parts[1]), Polarity: strings.ToLower(wildcard(parts[2]))}
		if f.Polarity != "" && f.Polarity != "support" && f.Polarity != "oppose" {
			return paramErrorf("stance", "has polarity %q; use support, oppose or leave it empty", parts[2])
		}
		if f == (StanceFilter{}) {
			return paramErrorf("stance", "is %q; name at least a holder, a target or a polarity", s)
		}
		q.Stances = append(q.Stances, f)
	}
	return nil
}

func wildcard(s string) string {
	if s = strings.TrimSpace(s); s == "*" {
		return ""
	}
	return s
}

var langRe = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func parseLists(v url.Values, _ Limits, q *Query) error {
	q.Speakers = values(v, q, "speaker")
	q.Sources = values(v, q, "source")
	for _, l := range values(v, q, "lang") {
		if !langRe.MatchString(l) {
			return paramErrorf("lang", "is %q; use a language code such as en or uk", l)
		}
		q.Languages = append(q.Languages, strings.ToLower(l))
	}
	return nil
}

func parseDates(v url.Values, _ Limits, q *Query) error {
	var err error
	if s := single(v, q, "from"); s != "" {
		if q.From, _, err = parseTime(s); err != nil {
			return paramErrorf("from", "is %q; use a date YYYY-MM-DD or an RFC 3339 time", s)
		}
	}
	if s := single(v, q, "to"); s != "" {
		t, dateOnly, err := parseTime(s)
		if err != nil {
			return paramErrorf("to", "is %q; use a date YYYY-MM-DD or an RFC 3339 time", s)
		}
		if dateOnly {
			t = t.AddDate(0, 0, 1) // the whole day is included
		}
		q.To = t
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return paramErrorf("to", "is before from: the date range is empty")
	}
	return nil
}

// parseTime accepts YYYY-MM-DD (UTC midnight) or RFC 3339.
func parseTime(s string) (time.Time, bool, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	return t.UTC(), false, err
}

func parseModes(v url.Values, _ Limits, q *Query) error {
	switch w := strings.ToLower(single(v, q, "withdrawn")); w {
	case "":
	case WithdrawnExclude, WithdrawnInclude, WithdrawnOnly:
		q.Withdrawn = w
	default:
		return paramErrorf("withdrawn", "is %q; use exclude, include or only", w)
	}
	switch s := strings.ToLower(single(v, q, "sort")); s {
	case "":
	case SortRelevance, SortDate:
		q.Sort = s
	default:
		return paramErrorf("sort", "is %q; use relevance or date", s)
	}
	switch c := strings.ToLower(single(v, q, "collapse")); c {
	case "", "on", "true", "1", "yes":
	case "off", "false", "0", "no":
		q.Collapse = false
	default:
		return paramErrorf("collapse", "is %q; use on or off", c)
	}
	switch f := strings.ToLower(single(v, q, "format")); f {
	case "":
	case "csv", "jsonl":
		q.Format = f
	default:
		return paramErrorf("format", "is %q; use csv or jsonl", f)
	}
	return nil
}

func parsePaging(v url.Values, lim Limits, q *Query) error {
	if s := single(v, q, "size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > lim.MaxSize {
			return paramErrorf("size", "is %q; use a whole number from 1 to %d", s, lim.MaxSize)
		}
		q.Size = n
	}
	q.Cursor = single(v, q, "cursor")
	return nil
}

func parseFacetParams(v url.Values, lim Limits, q *Query) error {
	switch i := strings.ToLower(single(v, q, "interval")); i {
	case "":
	case "auto", "day", "week", "month":
		q.Interval = i
	default:
		return paramErrorf("interval", "is %q; use auto, day, week or month", i)
	}
	if s := single(v, q, "facet_size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > lim.MaxFacetSize {
			return paramErrorf("facet_size", "is %q; use a whole number from 1 to %d", s, lim.MaxFacetSize)
		}
		q.FacetSize = n
	}
	return nil
}
