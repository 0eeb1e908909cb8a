package decode

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// checkSeeds cover every branch of checkRaw: printable words, control
// characters, two- to four-byte characters, invalid sequences and
// characters across the eight-byte steps.
var checkSeeds = []string{
	"", "a", "abcdefgh", "abcdefghi", "abc\ndefgh", "abcdefg\x1f", "\x00\x00\x00\x00\x00\x00\x00\x00",
	"абвгдеёжзий", "abcdefg\u00e9xyz", "abcdef“quoted”", "abcdefg\U0001F600", "\xed\xa0\x80abcdefgh",
	"abcdefg\xc2", "abcdefg\xe2\x80", "\xc0\x80abcdefgh", "\xf4\x90\x80\x80", "ab\x7fcdefgh", "abcdefgh\xff",
	"\xef\xbf\xbdabcdefgh", `{"uri":"u","body_text":"x\ty"}`, "000000000000000000000000000\x1c0000",
}

// TestCheckRaw checks checkRaw against utf8.Valid and a byte loop.
func TestCheckRaw(t *testing.T) {
	for _, s := range checkSeeds {
		checkRawAgrees(t, []byte(s))
	}
}

// FuzzCheckRaw checks checkRaw against utf8.Valid and a byte loop.
func FuzzCheckRaw(f *testing.F) {
	for _, s := range checkSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(checkRawAgrees)
}

func checkRawAgrees(t *testing.T, b []byte) {
	valid, ctl := checkRaw(b)
	if valid != utf8.Valid(b) {
		t.Fatalf("checkRaw(%q) valid = %v", b, valid)
	}
	wantCtl := bytes.ContainsFunc(b, func(r rune) bool { return r < ' ' })
	if valid && ctl != wantCtl {
		t.Fatalf("checkRaw(%q) ctl = %v", b, ctl)
	}
}

// TestFieldTable checks the field table against the fields map.
func TestFieldTable(t *testing.T) {
	for name, want := range fields {
		if got, ok := byKey.lookup([]byte(name)); !ok || got != want {
			t.Fatalf("lookup(%q) = %v, %v", name, got, ok)
		}
		for _, other := range []string{name[1:], name + "x", "x" + name[1:]} {
			got, ok := byKey.lookup([]byte(other))
			if want, known := fields[other]; ok != known || got != want {
				t.Fatalf("lookup(%q) = %v, %v", other, got, ok)
			}
		}
	}
}

// FuzzKeyEnd checks keyEnd's eight-byte steps against the byte loop it
// replaced.
func FuzzKeyEnd(f *testing.F) {
	for _, s := range []string{`uri":"x"`, `body_text":`, `a\"b"`, "a\x1fb\"", `héllo wörld, long key"`, `"`, ``, `abcdefgh`} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, b []byte, i int) {
		if i < 0 || i > len(b) {
			return
		}
		want := -1
		for j := i; j < len(b); j++ {
			if c := b[j]; c == '"' {
				want = j
				break
			} else if c == '\\' || c < ' ' {
				break
			}
		}
		if got := keyEnd(b, i); got != want {
			t.Fatalf("keyEnd(%q, %d) = %d, byte loop %d", b, i, got, want)
		}
	})
}
