package normalize

import (
	"slices"
	"strings"
	"testing"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		captions []string
	}{
		{"paragraphs", "<p>First one.</p><p>Second one.</p>", "First one.\n\nSecond one.", nil},
		{"inline elements add no space", "<p>Kyiv<b>-based</b> <a href=\"x\">unit</a></p>", "Kyiv-based unit", nil},
		{"br is a paragraph break", "line one<br>line two<br/>line three", "line one\n\nline two\n\nline three", nil},
		{"headings lists quotes", "<h2>Title</h2><ul><li>one</li><li>two</li></ul><blockquote>said</blockquote>",
			"Title\n\none\n\ntwo\n\nsaid", nil},
		{"divs and table rows", "<div>a</div><table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>",
			"a\n\nx y\n\nz", nil},
		{"text newlines are spaces", "<p>one\ntwo\n\nthree</p>", "one two three", nil},
		{"entities decoded", "<p>Tom &amp; Jerry&nbsp;&mdash; &#8220;hi&#8221; &lt;3</p>", "Tom & Jerry — “hi” <3", nil},
		{"script dropped", "<p>before</p><script>var secret = 1;</script><p>after</p>", "before\n\nafter", nil},
		{"style noscript template iframe object dropped",
			"<style>p{color:red}</style>ok<noscript>enable js</noscript> <template><p>tpl</p></template><iframe src=x>frame</iframe><object><p>obj</p></object> end",
			"ok end", nil},
		{"nested object", "<object><object>in</object>still in</object>out", "out", nil},
		{"self-closing script is still a script", "a<script/>alert(1)</script>b", "ab", nil},
		{"unclosed script drops the rest", "keep<script>alert(1)", "keep", nil},
		{"plaintext dropped", "keep<plaintext><p>not markup</p>", "keep", nil},
		{"comments dropped", "a<!-- hidden -->b", "ab", nil},
		{"figcaption to captions", "<p>Body.</p><figure><img src=a.jpg><figcaption>Smoke rises over the city. <i>Photo: Name</i></figcaption></figure><p>More.</p>",
			"Body.\n\nMore.", []string{"Smoke rises over the city. Photo: Name"}},
		{"two figcaptions", "<figure><figcaption>One</figcaption></figure><figure><figcaption>Two</figcaption></figure>",
			"", []string{"One", "Two"}},
		{"unclosed figcaption", "<p>x</p><figcaption>dangling", "x", []string{"dangling"}},
		{"malformed markup", "<p>a <b>b</p> c</i> <div", "a b\n\nc", nil},
		{"escaped markup does not survive", "<p>&lt;script&gt;alert(1)&lt;/script&gt; done</p>", "alert(1) done", nil},
		{"empty", "", "", nil},
		{"only markup", "<div><p></p><br></div>", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, caps := HTMLToText(tc.in)
			if got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
			if !slices.Equal(caps, tc.captions) {
				t.Errorf("captions = %q, want %q", caps, tc.captions)
			}
		})
	}
}

func TestHTMLToTextNoMarkupSurvives(t *testing.T) {
	in := `<html><head><title>T</title><script>evil()</script></head><body>
<p onclick="x()">Visible <span style="x">text</span></p><svg><text>chart</text></svg>
<button>Share</button><p>&lt;b&gt;escaped&lt;/b&gt;</p></body></html>`
	got, _ := HTMLToText(in)
	for _, bad := range []string{"<", "evil", "chart", "Share", "onclick", "T\n"} {
		if strings.Contains(got, bad) {
			t.Errorf("output %q contains %q", got, bad)
		}
	}
	if want := "Visible text\n\nescaped"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"plain text", false},
		{"a <p>paragraph</p>", true},
		{"line<br/>break", true},
		{"<A HREF='x'>link</A>", true},
		{"<!-- comment -->", true},
		{"casualties <5 km from the front", false},
		{"if a < b and b > c", false},
		{"<unknown>tag</unknown>", false},
		{"<scriptx>", false},
		{"ends with <", false},
		{"<p", false},
	}
	for _, tc := range tests {
		if got := looksLikeHTML(tc.in); got != tc.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestDecodeEntities(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no entities", "no entities"},
		{"Tom &amp; Jerry", "Tom & Jerry"},
		{"&#8220;quoted&#8221; &#x2014; &quot;x&quot;", "“quoted” — \"x\""},
		{"AT&T and R&D", "AT&T and R&D"},
		{"&amp without semicolon", "&amp without semicolon"},
		{"&unknownname; stays", "&unknownname; stays"},
		{"&; and & ; and &#; ", "&; and & ; and &#; "},
		{"&amp;amp; decodes once", "&amp; decodes once"},
		{"trailing &", "trailing &"},
	}
	for _, tc := range tests {
		if got := decodeEntities(tc.in); got != tc.want {
			t.Errorf("decodeEntities(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
