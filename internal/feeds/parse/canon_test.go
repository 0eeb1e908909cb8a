package parse

import "testing"

func TestCanonicalURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://WWW.Example.ORG/News/a?utm_source=x&utm_medium=rss#comments", "https://example.org/News/a"},
		{"http://m.example.org:80/a/amp/?b=2&a=1&fbclid=zz", "http://example.org/a?a=1&b=2"},
		{"https://amp.example.org/story.amp.html?gclid=1&mc_cid=2&mc_eid=3", "https://example.org/story.html"},
		{"https://example.org/amp/story-42", "https://example.org/story-42"},
		{"https://mobile.example.co.uk:443", "https://example.co.uk/"},
		{"https://www.example.org/a?outputType=amp&id=7", "https://example.org/a?id=7"},
		{"https://m.org/x", "https://m.org/x"}, // a bare domain is not folded away
		{"https://user:pw@example.org./p?q=%20a", "https://example.org/p?q=+a"},
		{"urn:newsml:example.org:1", "urn:newsml:example.org:1"},
		{"  tag:example.org,2025:1 ", "tag:example.org,2025:1"},
		{"not a url", "not a url"},
	}
	for _, c := range cases {
		if got := CanonicalURL(c.in); got != c.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCanonicalURLIsIdempotent(t *testing.T) {
	for _, in := range []string{"https://WWW.a.example/x/amp?utm_x=1&b=2#f", "http://[::1]:8080/a?z=1&a=2"} {
		once := CanonicalURL(in)
		if twice := CanonicalURL(once); twice != once {
			t.Errorf("%q -> %q -> %q", in, once, twice)
		}
	}
}
