package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/schemas"
)

func init() { register(newSetupCmd) }

func newSetupCmd(a *app) *cobra.Command {
	var conn connFlags
	var update bool
	kc, ec := config.DefaultKafka(), config.DefaultElastic()
	cmd := &cobra.Command{
		Use:   "setup",
		Short: "Create the Kafka topics, the index template, the index and the alias (idempotent)",
		Long: `setup creates what warwire needs and is safe to run again: the topics
warwire.stories (6 partitions) and warwire.stories.dlq, the index template
warwire-stories, the versioned index warwire-stories-v1 and the alias
warwire-stories pointing at it. A template on the cluster that differs from
this binary's is reported (and replaced only with --update-template).` + envHelp(&kc, &ec),
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := conn.apply(&kc, &ec); err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), 2*time.Minute)
			defer cancel()
			return runSetup(ctx, a, kc, ec, update)
		},
	}
	conn.add(cmd, true, true)
	cmd.Flags().BoolVar(&update, "update-template", false, "replace an index template that differs from this binary's")
	return cmd
}

func runSetup(ctx context.Context, a *app, kc config.Kafka, ec config.Elastic, update bool) error {
	adm, err := kafka.NewAdmin(kc)
	if err != nil {
		return err
	}
	topics, err := adm.EnsureTopics(ctx)
	if err != nil {
		return err
	}
	for _, t := range topics {
		fmt.Fprintf(a.stdout, "topic %-24s %d partition(s)  %s\n", t.Topic, t.Partitions, createdWord(t.Created))
	}
	es, err := elastic.NewClient(ec)
	if err != nil {
		return err
	}
	res, err := elastic.NewSetup(es, schemas.IndexTemplate, ec.Index, ec.Alias).Ensure(ctx, update)
	if err != nil {
		return err
	}
	tpl := createdWord(res.TemplateCreated)
	switch {
	case res.TemplateUpdated:
		tpl = "updated (it differed from this binary's)"
	case res.TemplateDiffers:
		tpl = "DIFFERS from this binary's template (run with --update-template to replace it)"
	}
	fmt.Fprintf(a.stdout, "index template %-15s %s\n", elastic.TemplateName, tpl)
	fmt.Fprintf(a.stdout, "index %-24s %s\n", ec.Index, createdWord(res.IndexCreated))
	fmt.Fprintf(a.stdout, "alias %-24s -> %s  %s\n", ec.Alias, ec.Index, createdWord(res.IndexCreated || res.AliasCreated))
	return nil
}

func createdWord(created bool) string {
	if created {
		return "created"
	}
	return "already there"
}
