package places_test

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/places"
)

// BenchmarkLoadGazetteer measures building the gazetteer from the embedded
// data: time per load and the heap it keeps (heap-MB).
func BenchmarkLoadGazetteer(b *testing.B) {
	var g *places.Gazetteer
	var err error
	cpu := testenv.CPUTime()
	for b.Loop() {
		if g, err = places.Load(); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(g)
}

// BenchmarkPlaces runs the stage on a 4 KB story (original text in testdata)
// with a few country entities, as after the entities stage.
func BenchmarkPlaces(b *testing.B) {
	raw, err := os.ReadFile("testdata/story.txt")
	if err != nil {
		b.Fatal(err)
	}
	body := string(raw)
	ents := []pipeline.Entity{country(body, "Ukraine", "UA"), country(body, "Russia", "RU"), country(body, "Turkey", "TR")}
	s := newStage(b)
	st := &pipeline.Story{Body: body, Language: "en", Headline: "Russia presses assault near Pokrovsk"}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	cpu := testenv.CPUTime()
	for b.Loop() {
		st.Entities = ents
		st.Dateline = &pipeline.Dateline{Text: "KYIV"}
		if err := s.Process(context.Background(), []*pipeline.Story{st}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	reportCPUThroughput(b, cpu, len(body))
	if len(st.Places) < 30 {
		b.Fatalf("only %d places found", len(st.Places))
	}
}

func reportCPU(b *testing.B, start time.Duration) {
	ns := float64(testenv.CPUTime()-start) / float64(b.N)
	b.ReportMetric(ns/1e6, "cpu-ms/op")
}

// reportCPUThroughput adds the MB/s that the CPU time per op implies.
func reportCPUThroughput(b *testing.B, start time.Duration, bytes int) {
	ns := float64(testenv.CPUTime()-start) / float64(b.N)
	b.ReportMetric(float64(bytes)/ns*1e3, "cpu-MB/s")
}
