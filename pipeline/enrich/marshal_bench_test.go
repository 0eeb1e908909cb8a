package enrich

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/pipeline"
)

// enrichedDocs runs the benchmark stories through the chain and returns their
// documents with the average encoded size in bytes.
func enrichedDocs(b *testing.B) ([]*pipeline.Document, int) {
	b.Helper()
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
		out, err := docs[i].AppendJSON(nil)
		if err != nil {
			b.Fatal(err)
		}
		size += len(out)
	}
	return docs, size / len(docs)
}

// benchEncode times encode over the documents, reporting encoded bytes per
// second and per CPU-second.
func benchEncode(b *testing.B, encode func(buf []byte, d *pipeline.Document) ([]byte, error)) {
	docs, size := enrichedDocs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	var buf []byte
	cpu0 := testenv.CPUTime()
	for i := 0; i < b.N; i++ {
		var err error
		if buf, err = encode(buf[:0], docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu0, size)
}

// BenchmarkMarshalDocument measures encoding/json on one enriched document.
func BenchmarkMarshalDocument(b *testing.B) {
	benchEncode(b, func(_ []byte, d *pipeline.Document) ([]byte, error) { return json.Marshal(d) })
}

// BenchmarkAppendJSONDocument measures the hand-written encoder the worker
// uses (the same bytes; see pipeline's tests).
func BenchmarkAppendJSONDocument(b *testing.B) {
	benchEncode(b, func(buf []byte, d *pipeline.Document) ([]byte, error) { return d.AppendJSON(buf) })
}
