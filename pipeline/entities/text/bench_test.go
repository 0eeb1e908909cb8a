package text

import (
	"strings"
	"testing"
)

var benchText = strings.Repeat("Ukrainian President Volodymyr Zelenskyy's office said on Monday that Russian forces had shelled the city, killing three people. “We will respond,” he said. ", 12)

// BenchmarkTokenize measures the tokenizer and sentence splitter.
func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	var toks []Token
	var sents []Sentence
	for i := 0; i < b.N; i++ {
		toks = Tokenize(toks[:0], benchText)
		sents = Sentences(sents[:0], benchText, toks)
	}
}
