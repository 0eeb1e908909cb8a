package parse

import (
	"encoding/json"
	"net/url"
	"testing"
	"time"
	"unicode/utf8"
)

// checkResult asserts what every parser promises of its items.
func checkResult(t *testing.T, res *Result, err error) {
	t.Helper()
	if err != nil {
		if res != nil {
			t.Fatalf("result %+v together with error %v", res, err)
		}
		return
	}
	for _, it := range res.Items {
		if it.URI == "" {
			t.Fatalf("item without URI: %+v", it)
		}
		for _, s := range []string{it.URI, it.Headline, it.BodyText, it.Byline, it.Language, it.Located, it.CopyrightHolder, it.URL} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q in %+v", s, it)
			}
		}
		if it.PubStatus != StatusUsable && it.PubStatus != StatusWithheld && it.PubStatus != StatusCanceled {
			t.Fatalf("pubstatus %q", it.PubStatus)
		}
		b, err := it.Message(1, time.Unix(0, 0)).Encode()
		if err != nil {
			t.Fatal(err)
		}
		var back Message
		if err := json.Unmarshal(b, &back); err != nil || back.URI != it.URI {
			t.Fatalf("message does not round-trip: %v %s", err, b)
		}
	}
}

func FuzzParseRSS(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "rss-windows1251.xml", "rss-koi8r.xml", "malformed.xml", "error-page.html"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(`<rss><channel><item><guid>1</guid><description>&lt;p&gt;x</description></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_html":"<p>x</p>"}]}`))
	base, _ := url.Parse("https://feeds.example/rss")
	f.Fuzz(func(t *testing.T, data []byte) {
		utf, err := ToUTF8(data, "")
		if err != nil {
			return
		}
		res, err := ParseRSS(utf, base)
		checkResult(t, res, err)
	})
}

func FuzzParseNINJS(f *testing.F) {
	for _, name := range []string{"ninjs-1.json", "ninjs-2.json", "ninjs.jsonl"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(`{"uri":"u","version":7,"urgency":"2","headlines":[{"value":"<b>x</b>","contenttype":"text/html"}]}`))
	f.Add([]byte("{\"uri\":\"a\"}\n{\"uri\":\"b\",\"pubstatus\":\"canceled\"}\n[1,2]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ParseNINJS(data)
		checkResult(t, res, err)
	})
}

func FuzzParseNewsML(f *testing.F) {
	for _, name := range []string{"newsml-item.xml", "newsml-message.xml"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(`<newsItem guid="g" version="2"><itemMeta><pubStatus qcode="stat:canceled"/></itemMeta><contentSet><inlineData>a &amp; b</inlineData></contentSet></newsItem>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		utf, err := ToUTF8(data, "")
		if err != nil {
			return
		}
		res, err := ParseNewsML(utf)
		checkResult(t, res, err)
	})
}

func FuzzHTMLTextAndCanonicalURL(f *testing.F) {
	f.Add("<p>a</p><script>x</script>&amp;", "https://WWW.example.org/a/amp?utm_source=1#x")
	f.Fuzz(func(t *testing.T, html, raw string) {
		if out := HTMLText(html); utf8.ValidString(html) && !utf8.ValidString(out) {
			t.Fatalf("HTMLText made invalid UTF-8 from %q", html)
		}
		once := CanonicalURL(raw)
		if twice := CanonicalURL(once); twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", raw, once, twice)
		}
	})
}
