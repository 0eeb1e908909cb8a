package normalize

import (
	"testing"
	"unicode/utf8"
)

// wordCountAtMostRef is the byte-by-byte wordCountAtMost that the
// eight-byte version replaced, kept as its reference.
func wordCountAtMostRef(s string, max int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && (i == 0 || s[i-1] == ' ') {
			if n++; n > max {
				return -1
			}
		}
	}
	return n
}

func FuzzWordCountAtMost(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a ", "REUTERS/Alina Smutko", "a b c d e f g h i j k",
		"  two  spaces  between  words  ", "eightbyt eightbyt", "1234567 9 x", "Фото: Ім'я Прізвище"} {
		f.Add(s, 3)
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if got, want := wordCountAtMost(s, max), wordCountAtMostRef(s, max); got != want {
			t.Fatalf("wordCountAtMost(%q, %d) = %d, want %d", s, max, got, want)
		}
	})
}

// lastSentenceEndRef is the lastSentenceEnd that decoded every character
// before a space, kept as the reference of the one with an ASCII path.
func lastSentenceEndRef(p string) int {
	for i := len(p) - 2; i >= 0; i-- {
		if p[i+1] != ' ' {
			continue
		}
		r, n := utf8.DecodeLastRuneInString(p[:i+1])
		switch r {
		case '.', '?', '!':
			return i + 2
		case '”', '"', '»', '’':
			if q, _ := utf8.DecodeLastRuneInString(p[:i+1-n]); q == '.' || q == '?' || q == '!' {
				return i + 2
			}
		}
	}
	return 0
}

func FuzzLastSentenceEnd(f *testing.F) {
	for _, s := range []string{"", " ", "a. b", "\" b", ".\" b", "said.” REUTERS", "a!» b c", "x’ y", "?’ y",
		"\xe2\x80 a", "Smoke rises. REUTERS/Name", "да.» Фото: Ім'я"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := lastSentenceEnd(p), lastSentenceEndRef(p); got != want {
			t.Fatalf("lastSentenceEnd(%q) = %d, want %d", p, got, want)
		}
	})
}
