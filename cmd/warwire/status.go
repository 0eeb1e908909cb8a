package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
)

func init() { register(newStatusCmd) }

func newStatusCmd(a *app) *cobra.Command {
	var conn connFlags
	kc, ec := config.DefaultKafka(), config.DefaultElastic()
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show Kafka and Elasticsearch versions, topics, consumer lag and the index behind the alias",
		Long:  "status prints what the pipeline runs on; it exits 1, saying why, when Kafka or Elasticsearch is down." + envHelp(&kc, &ec),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := conn.apply(&kc, &ec); err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), 30*time.Second)
			defer cancel()
			kerr := kafkaStatus(ctx, a, kc)
			eerr := elasticStatus(ctx, a, ec)
			if kerr != nil || eerr != nil {
				return errReported
			}
			return nil
		},
	}
	conn.add(cmd, true, true)
	return cmd
}

func kafkaStatus(ctx context.Context, a *app, kc config.Kafka) error {
	adm, err := kafka.NewAdmin(kc)
	if err == nil {
		var info *kafka.ClusterInfo
		if info, err = adm.Describe(ctx); err == nil {
			fmt.Fprintf(a.stdout, "Kafka: cluster %s, brokers %v, API Fetch v%d / Produce v%d\n", info.ClusterID, info.Brokers, info.FetchVersion, info.ProduceVersion)
			for _, t := range []string{kc.Topic, kc.DLQTopic} {
				fmt.Fprintf(a.stdout, "  topic %-24s %s\n", t, partitionsWord(info.Topics[t]))
			}
			printLag(ctx, a, adm, kc)
			return nil
		}
	}
	fmt.Fprintf(a.stdout, "Kafka: DOWN at %v: %v\n", kc.Brokers, err)
	return err
}

func printLag(ctx context.Context, a *app, adm *kafka.Admin, kc config.Kafka) {
	lag, err := adm.Lag(ctx, kc.GroupID, kc.Topic)
	if err != nil {
		fmt.Fprintf(a.stdout, "  group %s: lag unknown: %v\n", kc.GroupID, err)
		return
	}
	parts := make([]int, 0, len(lag))
	for p := range lag {
		parts = append(parts, p)
	}
	sort.Ints(parts)
	var total int64
	for _, p := range parts {
		committed, end := lag[p][0], lag[p][1]
		l := end
		if committed >= 0 {
			l = end - committed
		}
		total += l
		fmt.Fprintf(a.stdout, "  group %s partition %d: committed %d, end %d, lag %d\n", kc.GroupID, p, committed, end, l)
	}
	fmt.Fprintf(a.stdout, "  group %s total lag: %d\n", kc.GroupID, total)
}

func partitionsWord(n int) string {
	if n == 0 {
		return "missing (run warwire setup)"
	}
	return fmt.Sprintf("%d partition(s)", n)
}

func elasticStatus(ctx context.Context, a *app, ec config.Elastic) error {
	es, err := elastic.NewClient(ec)
	if err == nil {
		var info *elastic.ClusterInfo
		if info, err = elastic.Describe(ctx, es, ec.Alias); err == nil {
			fmt.Fprintf(a.stdout, "Elasticsearch: version %s, cluster %s, health %s\n", info.Version, info.Cluster, info.Health)
			if len(info.Indices) == 0 {
				fmt.Fprintf(a.stdout, "  alias %s: missing (run warwire setup)\n", ec.Alias)
			} else {
				fmt.Fprintf(a.stdout, "  alias %s -> %v: %d document(s)\n", ec.Alias, info.Indices, info.Count)
			}
			return nil
		}
	}
	fmt.Fprintf(a.stdout, "Elasticsearch: DOWN at %v: %v\n", ec.URLs, err)
	return err
}
