package schemas

import (
	"encoding/json"
	"testing"

	"github.com/warwire/warwire/pipeline"
)

// BenchmarkValidateStory measures checking one decoded ninjs 2.x message.
func BenchmarkValidateStory(b *testing.B) {
	v := decodeJSON(b, validStories["ninjs 2.x headlines and bodies"])
	if err := ValidateStory(v); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateStory(v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateDocument measures checking one fully enriched document,
// decoded as the worker would hold it.
func BenchmarkValidateDocument(b *testing.B) {
	raw, err := json.Marshal(pipeline.NewDocument(realisticStory(b), "e1-test", fixtureNow))
	if err != nil {
		b.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := ValidateDocument(v); err != nil {
			b.Fatal(err)
		}
	}
}
