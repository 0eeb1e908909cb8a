package normalize

import "testing"

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
