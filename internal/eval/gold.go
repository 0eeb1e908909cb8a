// Package eval scores the enrichment chain against the hand-annotated gold
// set (testdata/gold/gold.jsonl): precision, recall and F1 for entities,
// places and stances, and speaker accuracy for quotes, per split.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// Splits of the gold set.
const (
	SplitDev     = "dev"
	SplitHoldout = "holdout"
	SplitAll     = "all"
)

// Item is one gold line: a NINJS story and its annotations.
type Item struct {
	Split string          `json:"split"`
	Story json.RawMessage `json:"story"`
	Gold  Annotations     `json:"gold"`
}

// Annotations are what a human found in the story. Names are canonical
// English names.
type Annotations struct {
	Language string       `json:"language"`
	Dateline string       `json:"dateline"`
	Entities []GoldEntity `json:"entities"`
	Places   []GoldPlace  `json:"places"`
	Stances  []GoldStance `json:"stances"`
	Quotes   []GoldQuote  `json:"quotes"`
}

// GoldEntity is an annotated entity.
type GoldEntity struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// GoldPlace is an annotated place with its coordinates.
type GoldPlace struct {
	Name        string  `json:"name"`
	CountryCode string  `json:"country_code"`
	Admin1      string  `json:"admin1"`
	Kind        string  `json:"kind"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
}

// GoldStance is an annotated stance; holder and target are entity names.
type GoldStance struct {
	Holder   string `json:"holder"`
	Target   string `json:"target"`
	Polarity string `json:"polarity"`
	Cue      string `json:"cue"`
}

// GoldQuote is an annotated quote: the speaker's name (nil when unattributed)
// and the first words of the quote.
type GoldQuote struct {
	Speaker *string `json:"speaker"`
	Text    string  `json:"text"`
}

// Load reads the gold file at path and returns the items of split (dev,
// holdout or all).
func Load(path, split string) ([]Item, error) {
	if split != SplitDev && split != SplitHoldout && split != SplitAll {
		return nil, fmt.Errorf("unknown split %q (want dev, holdout or all)", split)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read gold set: %w", err)
	}
	var out []Item
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var it Item
		if err := json.Unmarshal(line, &it); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", n, err)
		}
		if split == SplitAll || it.Split == split {
			out = append(out, it)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("failed to read gold set: %w", err)
	}
	return out, nil
}
