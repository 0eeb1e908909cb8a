package eval

import (
	"fmt"
	"math"
	"strings"

	"github.com/warwire/warwire/pipeline"
)

// maxPlaceKM is how far a predicted place may lie from the gold coordinates
// and still count as the same place.
const maxPlaceKM = 50

// score adds the story's matches to the report.
func (r *Report) score(st *pipeline.Story, g Annotations) {
	names := entityNames(st.Entities)
	var errs []string
	e := scoreEntities(st.Entities, g.Entities, &errs)
	p := scorePlaces(st.Places, g.Places, &errs)
	s := scoreStances(st.Stances, g.Stances, names, &errs)
	q := scoreQuotes(st.Quotes, g.Quotes, names, &errs)
	r.Entities.add(e)
	r.Places.add(p)
	r.Stances.add(s)
	r.QuoteSpeakers.Correct += q.Correct
	r.QuoteSpeakers.Matched += q.Matched
	r.QuoteSpeakers.Total += q.Total
	if len(errs) > 0 {
		r.Errors = append(r.Errors, st.URI+"\n    "+strings.Join(errs, "\n    "))
	}
}

// entityNames maps an entity id to its lower-cased name and aliases.
func entityNames(ents []pipeline.Entity) map[string][]string {
	m := make(map[string][]string, len(ents))
	for _, e := range ents {
		ns := []string{strings.ToLower(e.Name)}
		for _, a := range e.Aliases {
			ns = append(ns, strings.ToLower(a))
		}
		m[e.ID] = ns
	}
	return m
}

func nameIn(name string, ns []string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, n := range ns {
		if n == name {
			return true
		}
	}
	return false
}

func scoreEntities(pred []pipeline.Entity, gold []GoldEntity, errs *[]string) Score {
	seen := map[string]bool{}
	var uniq []GoldEntity
	for _, g := range gold {
		if k := strings.ToLower(g.Name); !seen[k] {
			seen[k] = true
			uniq = append(uniq, g)
		}
	}
	return greedy(pred, uniq, func(p pipeline.Entity, g GoldEntity) bool {
		return nameIn(g.Name, append([]string{strings.ToLower(p.Name)}, lower(p.Aliases)...))
	}, func(g GoldEntity) string { return "entity missed: " + g.Name },
		func(p pipeline.Entity) string { return fmt.Sprintf("entity extra: %s (%s, %s)", p.Name, p.Type, p.ID) }, errs)
}

// greedy matches each gold item to the first unused prediction that eq
// accepts, counting matches, misses and extras and naming each error.
func greedy[P, G any](pred []P, gold []G, eq func(P, G) bool, missed func(G) string, extra func(P) string, errs *[]string) Score {
	used := make([]bool, len(pred))
	var s Score
	for _, g := range gold {
		found := false
		for i, p := range pred {
			if !used[i] && eq(p, g) {
				used[i], found = true, true
				break
			}
		}
		if found {
			s.TP++
		} else {
			s.FN++
			*errs = append(*errs, missed(g))
		}
	}
	for i, p := range pred {
		if !used[i] {
			s.FP++
			*errs = append(*errs, extra(p))
		}
	}
	return s
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

func scorePlaces(pred []pipeline.Place, gold []GoldPlace, errs *[]string) Score {
	return greedy(pred, gold, placeMatches, func(g GoldPlace) string { return "place missed: " + g.Name },
		func(p pipeline.Place) string { return "place extra: " + p.Name }, errs)
}

func placeMatches(p pipeline.Place, g GoldPlace) bool {
	if nameIn(g.Name, append([]string{strings.ToLower(p.Name)}, lower(p.Aliases)...)) {
		return true
	}
	return p.Location != nil && distanceKM(p.Location.Lat, p.Location.Lon, g.Lat, g.Lon) <= maxPlaceKM
}

// distanceKM is the great-circle distance between two points.
func distanceKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

func scoreStances(pred []pipeline.Stance, gold []GoldStance, names map[string][]string, errs *[]string) Score {
	return greedy(pred, gold, func(p pipeline.Stance, g GoldStance) bool {
		return p.Polarity == g.Polarity && refIs(p.Holder, g.Holder, names) && refIs(p.Target, g.Target, names)
	}, func(g GoldStance) string {
		return fmt.Sprintf("stance missed: %s > %s %s (%s)", g.Holder, g.Target, g.Polarity, g.Cue)
	}, func(p pipeline.Stance) string {
		return fmt.Sprintf("stance extra: %s > %s %s (%s): %s", p.Holder.Name, p.Target.Name, p.Polarity, p.Cue, p.Evidence)
	}, errs)
}

func refIs(r pipeline.Ref, name string, names map[string][]string) bool {
	if strings.EqualFold(r.Name, name) {
		return true
	}
	return nameIn(name, names[r.ID])
}

func scoreQuotes(pred []pipeline.Quote, gold []GoldQuote, names map[string][]string, errs *[]string) Accuracy {
	var a Accuracy
	for _, g := range gold {
		a.Total++
		p := findQuote(pred, g.Text)
		if p == nil {
			*errs = append(*errs, "quote not found: "+g.Text)
			continue
		}
		a.Matched++
		switch {
		case g.Speaker == nil && p.Speaker == nil:
			a.Correct++
		case g.Speaker != nil && p.Speaker != nil && refIs(*p.Speaker, *g.Speaker, names):
			a.Correct++
		default:
			*errs = append(*errs, fmt.Sprintf("quote speaker wrong: %q: want %s, got %s", g.Text, strPtr(g.Speaker), refName(p.Speaker)))
		}
	}
	return a
}

// findQuote returns the predicted quote whose text starts with (or, for a
// quote split differently, contains) the gold text, ignoring case and spacing.
func findQuote(pred []pipeline.Quote, text string) *pipeline.Quote {
	want := normSpace(text)
	for i := range pred {
		if strings.HasPrefix(normSpace(pred[i].Text), want) {
			return &pred[i]
		}
	}
	for i := range pred {
		if strings.Contains(normSpace(pred[i].Text), want) {
			return &pred[i]
		}
	}
	return nil
}

func normSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func strPtr(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func refName(r *pipeline.Ref) string {
	if r == nil {
		return "null"
	}
	return r.Name
}
