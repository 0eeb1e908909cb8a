package enrich

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// BenchmarkMarshalDocument measures encoding one enriched document as JSON,
// the step between the chain and the bulk writer.
func BenchmarkMarshalDocument(b *testing.B) {
	raws, _ := benchInput(b)
	c := buildChain(b)
	docs := make([]*pipeline.Document, len(raws))
	size := 0
	for i, raw := range raws {
		s := &pipeline.Story{Raw: raw}
		if err := c.Process(context.Background(), []*pipeline.Story{s}); err != nil {
			b.Fatal(err)
		}
		docs[i] = pipeline.NewDocument(s, c.Version, time.Now())
		out, _ := json.Marshal(docs[i])
		size += len(out)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := json.Marshal(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpuTime()-cpu0, size/len(docs))
}

// BenchmarkAppendJSONDocument is BenchmarkMarshalDocument with the
// hand-written encoder the worker uses (same bytes, see pipeline's tests).
func BenchmarkAppendJSONDocument(b *testing.B) {
	raws, _ := benchInput(b)
	c := buildChain(b)
	docs := make([]*pipeline.Document, len(raws))
	size := 0
	for i, raw := range raws {
		s := &pipeline.Story{Raw: raw}
		if err := c.Process(context.Background(), []*pipeline.Story{s}); err != nil {
			b.Fatal(err)
		}
		docs[i] = pipeline.NewDocument(s, c.Version, time.Now())
		out, _ := docs[i].AppendJSON(nil)
		size += len(out)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	var buf []byte
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		var err error
		if buf, err = docs[i%len(docs)].AppendJSON(buf[:0]); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpuTime()-cpu0, size/len(docs))
}
