package words

import "testing"

func TestSet(t *testing.T) {
	s := NewSet("said", "a", "сказал", "according")
	for _, w := range []string{"said", "a", "сказал", "according"} {
		if !s.Has(w) {
			t.Errorf("Has(%q) = false", w)
		}
	}
	for _, w := range []string{"", "sad", "saidx", "b", "сказала", "accordingly", "Said"} {
		if s.Has(w) {
			t.Errorf("Has(%q) = true", w)
		}
	}
	if s.Len() != 4 {
		t.Errorf("Len = %d", s.Len())
	}
	if d := NewSet("war", "war", "peace"); d.Len() != 2 || !d.Has("war") || !d.HasHash("peace", FNV("peace")) || d.HasHash("pea", 0) {
		t.Error("duplicate members")
	}
	if f := s.Filter(); !f.MayHave(FNV("said")) || f.MayHave(FNV("sad")) != s.MayHaveHash(FNV("sad")) {
		t.Error("Filter")
	}
	if k := KeySet(map[string]int{"по": 1, "laut": 2}); !k.Has("по") || !k.Has("laut") || k.Has("за") || k.Len() != 2 {
		t.Error("KeySet")
	}
	defer func() {
		if recover() == nil {
			t.Error("NewSet(\"\") did not panic")
		}
	}()
	NewSet("")
}
