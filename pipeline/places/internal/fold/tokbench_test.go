package fold

import (
	"os"
	"syscall"
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
	cpu := cpuTime()
	for b.Loop() {
		dst = f(dst[:0], s)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	if len(dst) < 100 {
		b.Fatalf("only %d tokens", len(dst))
	}
}

// BenchmarkTokens measures the tokenizer on the 4 KB test story.
func BenchmarkTokens(b *testing.B) { benchTokens(b, Tokens) }

// BenchmarkTokensRef measures the reference tokenizer, for comparison.
func BenchmarkTokensRef(b *testing.B) { benchTokens(b, tokensRef) }

// cpuTime is the process's user+system CPU time in nanoseconds (the machine
// is shared: wall time overstates the cost).
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkTokensStarts measures the tokenizer listing name starts.
func BenchmarkTokensStarts(b *testing.B) {
	var starts []int32
	benchTokens(b, func(dst []Token, s string) []Token {
		dst, starts = TokensStarts(dst, starts[:0], s)
		return dst
	})
}
