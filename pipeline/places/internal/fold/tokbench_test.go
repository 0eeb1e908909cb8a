package fold

import (
	"os"
	"testing"

	"github.com/warwire/warwire/internal/testenv"
)

func benchTokens(b *testing.B, f func([]Token, string) []Token) {
	raw, err := os.ReadFile("../../testdata/story.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	b.SetBytes(int64(len(s)))
	var dst []Token
	cpu := testenv.CPUTime()
	for b.Loop() {
		dst = f(dst[:0], s)
	}
	testenv.ReportCPU(b, testenv.CPUTime()-cpu, 0)
	if len(dst) < 100 {
		b.Fatalf("only %d tokens", len(dst))
	}
}

// BenchmarkTokens measures the tokenizer on the 4 KB test story.
func BenchmarkTokens(b *testing.B) { benchTokens(b, Tokens) }

// BenchmarkTokensRef measures the reference tokenizer, for comparison.
func BenchmarkTokensRef(b *testing.B) { benchTokens(b, tokensRef) }

// BenchmarkTokensStarts measures the tokenizer listing name starts.
func BenchmarkTokensStarts(b *testing.B) {
	var starts []int32
	benchTokens(b, func(dst []Token, s string) []Token {
		dst, starts = TokensStarts(dst, starts[:0], s)
		return dst
	})
}
