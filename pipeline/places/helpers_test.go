package places_test

import (
	"math"
	"testing"

	"github.com/warwire/warwire/pipeline/places"
)

func newStage(t testing.TB) *places.Stage {
	t.Helper()
	s, err := places.New(places.DefaultConfig())
	if err != nil {
		t.Fatalf("new stage: %v", err)
	}
	return s
}

func distKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
