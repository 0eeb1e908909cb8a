package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/worker"
	"github.com/warwire/warwire/pipeline/entities"
	"github.com/warwire/warwire/pipeline/places"
)

func init() { register(newConfigCmd) }

// allConfigs returns the default of every component's configuration: the
// single list behind `warwire config`, the README reference and the
// docker-compose consistency test.
func allConfigs() []any {
	w := worker.DefaultConfig()
	log := config.DefaultLog()
	feeds, push := config.DefaultFeeds(), config.DefaultPush()
	search, serve := config.DefaultSearch(), config.DefaultServe()
	ents, pl := entities.DefaultConfig(), places.DefaultConfig()
	return []any{&log, &w, &ents, &pl, &feeds, &push, &search, &serve}
}

// allVars lists every WARWIRE_* variable once, sorted by name.
func allVars() []config.Var {
	seen := map[string]bool{}
	var out []config.Var
	for _, c := range allConfigs() {
		for _, v := range config.Vars(c) {
			if !seen[v.Name] {
				seen[v.Name] = true
				out = append(out, v)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func newConfigCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "config",
		Short: "List every WARWIRE_* variable with its default, description and current value",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch format {
			case "text":
				printVarsText(a.stdout)
			case "markdown":
				printVarsMarkdown(a.stdout)
			default:
				return &usageError{fmt.Errorf("--format must be text or markdown, got %q", format)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or markdown (the README's reference table)")
	return cmd
}

func printVarsText(w io.Writer) {
	for _, v := range allVars() {
		cur, set := os.LookupEnv(v.Name)
		switch {
		case set && v.Secret:
			cur = "[set, redacted]"
		case !set:
			cur = "(unset)"
		}
		fmt.Fprintf(w, "%s\n    %s\n    default: %s   current: %s\n", v.Name, v.Doc, orDash(v.Default), cur)
	}
}

func printVarsMarkdown(w io.Writer) {
	fmt.Fprintln(w, "| Variable | Default | Meaning |")
	fmt.Fprintln(w, "| --- | --- | --- |")
	for _, v := range allVars() {
		def := orDash(v.Default)
		if v.Secret {
			def = "(secret)"
		}
		fmt.Fprintf(w, "| `%s` | `%s` | %s |\n", v.Name, def, strings.ReplaceAll(v.Doc, "|", "\\|"))
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
