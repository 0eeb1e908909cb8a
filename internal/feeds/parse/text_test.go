package parse

import "testing"

func TestHTMLText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "  Kyiv \n\n\n  Lviv  ", "Kyiv\n\nLviv"},
		{"entities", "Tom &amp; Jerry&nbsp;&mdash; &#8220;hi&#8221; &lt;b&gt;", "Tom & Jerry — “hi” <b>"},
		{"paragraphs", "<p>One <b>two</b></p><p>Three<br>Four</p>", "One two\n\nThree\nFour"},
		{"script and style", "<style>p{}</style><p>A</p><script>var s = '</p>';</script><p>B</p>", "A\n\nB"},
		{"document", "<html><head><title>T</title></head><body><h1>Head</h1><ul><li>x</li><li>y</li></ul></body></html>", "Head\n\nx\n\ny"},
		{"table", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"comment", "a<!-- hidden -->b", "ab"},
		{"cdata", "<![CDATA[raw & text]]>", "raw & text"},
		{"nitf head", "<body.head><hedline>H</hedline></body.head><body.content><p>Text</p></body.content>", "Text"},
		{"self-closing script", "<script/>x", "x"},
	}
	for _, c := range cases {
		if got := HTMLText(c.in); got != c.want {
			t.Errorf("%s: HTMLText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
