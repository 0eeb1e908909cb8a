package entities

import (
	"strings"
	"testing"
	"unicode"

	"github.com/warwire/warwire/pipeline/entities/text"
)

// slugRef is the plain form of slug that the byte-level one must match.
func slugRef(name string) string {
	var id strings.Builder
	id.WriteString("slug:")
	dash := false
	for _, r := range text.Fold(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && unicode.IsLetter(r) {
			if dash && id.Len() > 5 {
				id.WriteByte('-')
			}
			id.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return id.String()
}

func TestSlugMatchesReference(t *testing.T) {
	for _, name := range []string{"", "Ivan Petrenko", "  Institute for the Study of War ", "O'Brien-Smith",
		"Łukasz Żółć", "Олена Зеленська", "Jean-Luc d’Arc", "U.S. Army Corps", "A\xffB\xc3", "ß Straße 7",
		"Ĳssel Œuvre", "日本 国", "x\uFFFDy", strings.Repeat("Ünïcödé ", 20)} {
		if got, want := slug(name), slugRef(name); got != want {
			t.Errorf("slug(%q) = %q, want %q", name, got, want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	f.Add("Ivan Petrenko")
	f.Add("Олена Зеленська")
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := slug(name), slugRef(name); got != want {
			t.Fatalf("slug(%q) = %q, want %q", name, got, want)
		}
	})
}
