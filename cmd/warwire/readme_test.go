package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	readmeStart = "<!-- config:start -->\n"
	readmeEnd   = "<!-- config:end -->"
)

// TestReadmeConfigTable keeps the README's configuration reference equal to
// what the code reads. `make docs` (WARWIRE_UPDATE_README=1) rewrites it.
func TestReadmeConfigTable(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	i, j := strings.Index(s, readmeStart), strings.Index(s, readmeEnd)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the config:start/config:end markers")
	}
	var table bytes.Buffer
	printVarsMarkdown(&table)
	want := s[:i+len(readmeStart)] + table.String() + s[j:]
	if os.Getenv("WARWIRE_UPDATE_README") == "1" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != s {
		t.Fatal("README.md's configuration table is out of date: run `make docs`")
	}
	for _, v := range allVars() {
		if !strings.Contains(s, "`"+v.Name+"`") {
			t.Errorf("README.md does not document %s", v.Name)
		}
	}
}
