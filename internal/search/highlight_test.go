package search

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

func TestSafeHighlightEscapesAndMarks(t *testing.T) {
	in := "<script>alert(1)</script> " + markOpen + "Kyiv" + markClose + " & \"Odesa\" 'x'"
	got := SafeHighlight(in)
	want := "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Kyiv</mark> &amp; &#34;Odesa&#34; &#39;x&#39;"
	if got != want {
		t.Errorf("SafeHighlight = %q, want %q", got, want)
	}
}

func TestSafeHighlightBalancesStrayMarkers(t *testing.T) {
	cases := map[string]string{
		markClose + "a" + markOpen + "b":                  "a<mark>b</mark>",
		markOpen + markOpen + "a" + markClose + markClose: "<mark>a</mark>",
		"<b>" + markOpen + "<i>" + markClose:              "&lt;b&gt;<mark>&lt;i&gt;</mark>",
	}
	for in, want := range cases {
		if got := SafeHighlight(in); got != want {
			t.Errorf("SafeHighlight(%q) = %q, want %q", in, got, want)
		}
	}
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

func FuzzSafeHighlight(f *testing.F) {
	for _, s := range []string{"", "<script>x</script>", markOpen + "a" + markClose, markClose + markOpen + "<", "&amp;" + markOpen, "\xff" + markOpen} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := SafeHighlight(in)
		depth := 0
		for _, tag := range tagRe.FindAllString(out, -1) {
			switch tag {
			case "<mark>":
				depth++
			case "</mark>":
				depth--
			default:
				t.Fatalf("SafeHighlight(%q) produced tag %q", in, tag)
			}
			if depth < 0 || depth > 1 {
				t.Fatalf("SafeHighlight(%q) unbalanced: %q", in, out)
			}
		}
		if depth != 0 {
			t.Fatalf("SafeHighlight(%q) leaves a mark open: %q", in, out)
		}
		text := html.UnescapeString(tagRe.ReplaceAllString(out, ""))
		if want := PlainHighlight(in); text != strings.ToValidUTF8(want, "\uFFFD") && text != want {
			t.Fatalf("text changed: %q -> %q", want, text)
		}
	})
}
