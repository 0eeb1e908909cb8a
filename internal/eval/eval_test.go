package eval

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warwire/warwire/pipeline/enrich"
)

var (
	splitFlag   = flag.String("split", SplitDev, "gold split to evaluate in TestGold: dev, holdout or all")
	verboseFlag = flag.Bool("errors", false, "print every miss and false positive")
)

var goldPath = filepath.Join("..", "..", "testdata", "gold", "gold.jsonl")

func evaluate(t *testing.T, split string) *Report {
	t.Helper()
	items, err := Load(goldPath, split)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Fatalf("no gold items in split %s", split)
	}
	chain, err := enrich.Build(enrich.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer chain.Close(context.Background())
	r, err := Run(context.Background(), chain, items)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("split %s\n%s", split, r.Table())
	if *verboseFlag {
		t.Logf("errors:\n%s", strings.Join(r.Errors, "\n"))
	}
	return r
}

// TestGoldDev checks the quality targets on the dev split.
func TestGoldDev(t *testing.T) {
	r := evaluate(t, SplitDev)
	chain, err := enrich.Build(enrich.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if f := r.Entities.F1(); f < 0.90 {
		t.Errorf("entities F1 = %.3f, want >= 0.90", f)
	}
	if Registered(chain, "places") {
		if f := r.Places.F1(); f < 0.90 {
			t.Errorf("places F1 = %.3f, want >= 0.90", f)
		}
	}
	if p := r.Stances.Precision(); p < 0.85 {
		t.Errorf("stance precision = %.3f, want >= 0.85", p)
	}
	if rc := r.Stances.Recall(); rc < 0.5 {
		t.Errorf("stance recall = %.3f, want >= 0.5", rc)
	}
	if a := r.QuoteSpeakers.Value(); a < 0.85 {
		t.Errorf("quote speaker accuracy = %.3f, want >= 0.85", a)
	}
}

// TestGold evaluates the split chosen with -split (default dev) and holds it
// to a sanity floor only: the holdout split is looked at once, at the end.
func TestGold(t *testing.T) {
	r := evaluate(t, *splitFlag)
	if r.Entities.F1() < 0.5 || r.QuoteSpeakers.Value() < 0.5 {
		t.Errorf("split %s is below the sanity floor:\n%s", *splitFlag, r.Table())
	}
}
