package search

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// aggBucket is a terms or histogram bucket with the sub-aggregations that
// facetAggs asks for (absent ones stay nil).
type aggBucket struct {
	Key      json.Number `json:"key"`
	KeyStr   string      `json:"-"`
	DocCount int64       `json:"doc_count"`
	Name     *termsAgg   `json:"name"`
	Type     *termsAgg   `json:"type"`
	Targets  *termsAgg   `json:"targets"`
	Polarity *termsAgg   `json:"polarity"`
	Stories  *struct {
		DocCount int64 `json:"doc_count"`
	} `json:"stories"`
	Loc *struct {
		Location *pipeline.GeoPoint `json:"location"`
	} `json:"loc"`
}

// UnmarshalJSON accepts string keys (terms) and number keys (histograms).
func (b *aggBucket) UnmarshalJSON(data []byte) error {
	type plain aggBucket
	var raw struct {
		plain
		Key json.RawMessage `json:"key"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*b = aggBucket(raw.plain)
	if len(raw.Key) > 0 && raw.Key[0] == '"' {
		return json.Unmarshal(raw.Key, &b.KeyStr)
	}
	b.Key = json.Number(raw.Key)
	b.KeyStr = string(raw.Key)
	return nil
}

type termsAgg struct {
	Buckets []aggBucket `json:"buckets"`
}

type nestedTop struct {
	Top     termsAgg `json:"top"`
	Holders termsAgg `json:"holders"`
}

type facetAggsResult struct {
	Entities    nestedTop `json:"entities"`
	EntityTypes nestedTop `json:"entity_types"`
	Places      nestedTop `json:"places"`
	Countries   nestedTop `json:"countries"`
	Map         nestedTop `json:"map"`
	Sources     termsAgg  `json:"sources"`
	Languages   termsAgg  `json:"languages"`
	Stances     nestedTop `json:"stances"`
	Timeline    termsAgg  `json:"timeline"`
	Co          *struct {
		DocCount int64 `json:"doc_count"`
		Ents     struct {
			Others nestedTop `json:"others"`
		} `json:"ents"`
	} `json:"co"`
}

func decodeFacets(q Query, raw json.RawMessage) (*Facets, error) {
	var a facetAggsResult
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, fmt.Errorf("failed to decode facets: %w", err)
	}
	f := &Facets{
		Entities:    buckets(a.Entities.Top),
		EntityTypes: buckets(a.EntityTypes.Top),
		Places:      buckets(a.Places.Top),
		Countries:   buckets(a.Countries.Top),
		Map:         buckets(a.Map.Top),
		Sources:     buckets(a.Sources),
		Languages:   buckets(a.Languages),
		Stances:     stanceCells(a.Stances.Holders),
		Timeline:    Timeline{Interval: calendarIntervals[q.Interval], Buckets: timeBuckets(a.Timeline)},
	}
	if a.Co != nil {
		f.CoMentions = &CoMentions{Entity: q.WithEntity, Stories: a.Co.DocCount, Entities: buckets(a.Co.Ents.Others.Top)}
	}
	return f, nil
}

// buckets converts terms buckets; Count is the number of stories when the
// bucket has a reverse_nested "stories" sub-aggregation.
func buckets(t termsAgg) []Bucket {
	out := make([]Bucket, 0, len(t.Buckets))
	for _, b := range t.Buckets {
		x := Bucket{Key: b.KeyStr, Count: b.DocCount, Label: first(b.Name), Type: first(b.Type)}
		if b.Stories != nil {
			x.Count = b.Stories.DocCount
		}
		if b.Loc != nil {
			x.Location = b.Loc.Location
		}
		out = append(out, x)
	}
	return out
}

func first(t *termsAgg) string {
	if t == nil || len(t.Buckets) == 0 {
		return ""
	}
	return t.Buckets[0].KeyStr
}

func stanceCells(holders termsAgg) []StanceCell {
	out := []StanceCell{}
	for _, h := range holders.Buckets {
		if h.Targets == nil {
			continue
		}
		for _, t := range h.Targets.Buckets {
			c := StanceCell{Holder: Ref{ID: h.KeyStr, Name: first(h.Name)}, Target: Ref{ID: t.KeyStr, Name: first(t.Name)}}
			if t.Stories != nil {
				c.Stories = t.Stories.DocCount
			}
			if t.Polarity != nil {
				for _, p := range t.Polarity.Buckets {
					switch p.KeyStr {
					case pipeline.PolaritySupport:
						c.Support = p.DocCount
					case pipeline.PolarityOppose:
						c.Oppose = p.DocCount
					}
				}
			}
			out = append(out, c)
		}
	}
	return out
}

func timeBuckets(t termsAgg) []TimeBucket {
	out := make([]TimeBucket, 0, len(t.Buckets))
	for _, b := range t.Buckets {
		ms, err := b.Key.Int64()
		if err != nil {
			continue
		}
		out = append(out, TimeBucket{Start: time.UnixMilli(ms).UTC(), Count: b.DocCount})
	}
	return out
}

// calendarIntervals maps interval names to Elasticsearch calendar intervals.
var calendarIntervals = map[string]string{"day": "1d", "week": "1w", "month": "1M"}
