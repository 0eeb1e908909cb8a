package text

import "testing"

func TestTokenAtAndEnding(t *testing.T) {
	s := "Київ said: Kyiv's army held."
	toks := Tokenize(nil, s)
	for i, tk := range toks {
		if got := TokenAt(toks, int(tk.RStart)); got != i {
			t.Errorf("TokenAt(%d) = %d, want %d", tk.RStart, got, i)
		}
		if got := TokenEnding(toks, int(tk.REnd)); got != i {
			t.Errorf("TokenEnding(%d) = %d, want %d", tk.REnd, got, i)
		}
	}
	// Offsets inside a token, at the gap after it, or past the end start no token.
	first := toks[0]
	for _, r := range []int{int(first.RStart) + 1, int(first.REnd), 1000} {
		if got := TokenAt(toks, r); got != -1 {
			t.Errorf("TokenAt(%d) = %d, want -1", r, got)
		}
	}
	if got := TokenEnding(toks, int(first.RStart)+1); got != -1 {
		t.Errorf("TokenEnding inside a token = %d, want -1", got)
	}
	if TokenAt(nil, 0) != -1 || TokenEnding(nil, 0) != -1 {
		t.Error("empty token list matched")
	}
}
