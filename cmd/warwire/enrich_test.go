package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestEnrichKeepsOrderAndReportsBadLines(t *testing.T) {
	var in strings.Builder
	const n = 100
	for i := 0; i < n; i++ {
		if i == 37 {
			in.WriteString("{broken\n")
		}
		fmt.Fprintf(&in, `{"uri":"urn:t:%d","headline":"Story %d","body_text":"KYIV (Test) - Volodymyr Zelenskyy met Emmanuel Macron in Paris on story %d."}`+"\n", i, i, i)
	}
	var out, errb bytes.Buffer
	code := run([]string{"enrich", "--workers", "4", "-"}, strings.NewReader(in.String()), &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1 for the bad line; stderr %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "-:38: ") || !strings.Contains(errb.String(), "invalid_json") {
		t.Errorf("stderr does not name line 38: %s", errb.String())
	}
	docs := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(docs) != n {
		t.Fatalf("%d documents, want %d", len(docs), n)
	}
	for i, line := range docs {
		var d struct {
			URI      string `json:"uri"`
			Body     string `json:"body"`
			Entities []struct {
				Name string `json:"name"`
			} `json:"entities"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		if d.URI != fmt.Sprintf("urn:t:%d", i) {
			t.Fatalf("document %d is %s: output out of input order", i, d.URI)
		}
		if strings.HasPrefix(d.Body, "KYIV") {
			t.Fatalf("dateline left in the body: %q", d.Body)
		}
		if len(d.Entities) == 0 {
			t.Fatalf("document %d has no entities", i)
		}
	}
}
