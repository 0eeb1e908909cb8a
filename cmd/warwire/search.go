package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"
	"golang.org/x/term"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/search"
)

func init() { register(newSearchCmd) }

// searchFlags holds one flag per query parameter (the same list the API
// parses), so the CLI and the API share one query model.
type searchFlags struct {
	single   map[string]*string
	repeated map[string]*[]string
	format   string
}

func newSearchCmd(a *app) *cobra.Command {
	var conn connFlags
	f := &searchFlags{single: map[string]*string{}, repeated: map[string]*[]string{}}
	ec, sc := config.DefaultElastic(), config.DefaultSearch()
	cmd := &cobra.Command{
		Use:   `search ["query"] [flags]`,
		Short: "Search the stories index from the terminal",
		Long: `search runs the same query model as the API: full text (words ANDed,
"phrases", a | b, -word, prefix*, "a b"~5) and the same filters. table and json
show one page (--size hits; syndicated copies grouped unless --collapse off);
csv and jsonl stream every matching story, with the query and the export time
recorded in the output.

Examples:
  warwire search "grain corridor" --from 2024-01-01 --to 2024-03-31
  warwire search --entity Q212 --entity Q159 --stance Q159:Q212:oppose
  warwire search drone --country UA --format csv > drones.csv` + envHelp(&ec, &sc),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := loadSearchConfig(&conn, &ec, &sc); err != nil {
				return err
			}
			q, err := f.query(cmd, args, sc)
			if err != nil {
				return err
			}
			return runSearch(cmd.Context(), a, ec, sc, q, f.format)
		},
	}
	conn.add(cmd, false, true)
	f.add(cmd)
	return cmd
}

func flagName(param string) string { return strings.ReplaceAll(param, "_", "-") }

func (f *searchFlags) add(cmd *cobra.Command) {
	params := append(append([]search.Param{}, search.FilterParams...), search.PageParams...)
	for _, p := range params {
		if p.Name == "q" {
			continue
		}
		if p.Repeated {
			f.repeated[p.Name] = cmd.Flags().StringArray(flagName(p.Name), nil, p.Doc+" (repeatable)")
		} else {
			f.single[p.Name] = cmd.Flags().String(flagName(p.Name), "", p.Doc)
		}
	}
	cmd.Flags().StringVar(&f.format, "format", "table", "output: table, json (one page), csv or jsonl (every matching story)")
}

// query turns the arguments and flags into URL parameters and parses them with
// the API's parser; a bad value is a usage error naming the flag.
func (f *searchFlags) query(cmd *cobra.Command, args []string, sc config.Search) (search.Query, error) {
	v := url.Values{}
	if len(args) > 0 {
		v.Set("q", strings.Join(args, " "))
	}
	for name, p := range f.single {
		if cmd.Flags().Changed(flagName(name)) {
			v.Set(name, *p)
		}
	}
	for name, p := range f.repeated {
		for _, s := range *p {
			v.Add(name, s)
		}
	}
	switch f.format {
	case "table", "json":
	case "csv", "jsonl":
		v.Set("format", f.format)
	default:
		return search.Query{}, &usageError{fmt.Errorf("--format: %q is not one of table, json, csv, jsonl", f.format)}
	}
	q, err := search.Parse(v, search.LimitsFrom(sc))
	var pe *search.ParamError
	if errors.As(err, &pe) {
		name := "--" + flagName(pe.Param)
		if pe.Param == "q" {
			name = "query"
		}
		return q, &usageError{fmt.Errorf("%s %s", name, pe.Msg)}
	}
	return q, err
}

func runSearch(ctx context.Context, a *app, ec config.Elastic, sc config.Search, q search.Query, format string) error {
	s, log, err := a.searcher(ec, sc)
	if err != nil {
		return err
	}
	defer log.Sync() //nolint:errcheck // stderr
	if format == "csv" || format == "jsonl" {
		st, err := s.Export(ctx, q, a.stdout, time.Now())
		if err == nil && !st.Complete {
			fmt.Fprintf(a.stderr, "warwire: export stopped at %d of %d rows (WARWIRE_SEARCH_EXPORT_MAX_ROWS)\n", st.Rows, st.Total)
		}
		return err
	}
	res, err := s.Search(ctx, q)
	if err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return search.WriteTable(a.stdout, res, terminalWidth(a))
}

// terminalWidth is stdout's width when it is a terminal, otherwise 120.
func terminalWidth(a *app) int {
	if f, ok := a.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 120
}

// searcher builds the query engine over the alias with the command's logger.
func (a *app) searcher(ec config.Elastic, sc config.Search) (*search.Searcher, *zap.Logger, error) {
	log, err := a.logger()
	if err != nil {
		return nil, nil, err
	}
	es, err := elastic.NewClient(ec)
	if err != nil {
		return nil, nil, err
	}
	s, err := search.New(es, ec.Alias, sc, log)
	if err != nil {
		return nil, nil, err
	}
	return s, log, nil
}
