package fold

import (
	"os"
	"testing"
)

func benchTokens(b *testing.B, f func([]Token, string) []Token) {
	raw, err := os.ReadFile("../../testdata/story.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	b.SetBytes(int64(len(s)))
	var dst []Token
	for b.Loop() {
		dst = f(dst[:0], s)
	}
	if len(dst) < 100 {
		b.Fatalf("only %d tokens", len(dst))
	}
}

// BenchmarkTokens measures the tokenizer on the 4 KB test story.
func BenchmarkTokens(b *testing.B) { benchTokens(b, Tokens) }

// BenchmarkTokensRef measures the reference tokenizer, for comparison.
func BenchmarkTokensRef(b *testing.B) { benchTokens(b, tokensRef) }
