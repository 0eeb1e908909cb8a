package parse

import (
	"fmt"
	"strings"
	"testing"
)

func bigRSS(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<item><title>Update %d</title><link>https://www.bench.example/a/%d?utm_source=rss</link>`+
			`<guid>https://bench.example/a/%d</guid><pubDate>Wed, 05 Mar 2025 10:00:00 +0000</pubDate>`+
			`<description>&lt;p&gt;Officials reported shelter openings &amp;amp; power repairs in district %d.&lt;/p&gt;</description></item>`, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

func BenchmarkParseRSS1000Items(b *testing.B) {
	data := bigRSS(1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Parse(data, Options{})
		if err != nil || len(res.Items) != 1000 {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseNewsMLMessage(b *testing.B) {
	data := fixture(b, "newsml-message.xml")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseNINJSLines(b *testing.B) {
	data := fixture(b, "ninjs.jsonl")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
