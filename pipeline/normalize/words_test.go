package normalize

import "testing"

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\n ", 0},
		{"one", 1},
		{"one two  three", 3},
		{"Kyiv-based analysts", 2},
		{"don't and Ukraine’s", 3},
		{"м’ясо та прем'єр", 3},
		{"1,000 troops and 3.5 km", 5},
		{"end. Start, again!", 3},
		{"a - b -- c", 3},
		{"trailing-", 1},
		{"-leading", 1},
		{"“Quoted,” he said.", 3},
		{"Київ, 12 червня", 3},
		{"café naïve", 2},
		{"e\u0301te\u0301", 1},
		{"2024-06-14", 1},
		{"!!! ??? ...", 0},
		{"emoji 🚀 here", 2},
	}
	for _, tc := range tests {
		if got := CountWords(tc.in); got != tc.want {
			t.Errorf("CountWords(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
