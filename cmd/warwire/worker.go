package main

import (
	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/telemetry"
	"github.com/warwire/warwire/internal/worker"
)

func init() { register(newWorkerCmd) }

func newWorkerCmd(a *app) *cobra.Command {
	var conn connFlags
	var admin, group string
	cfg := worker.DefaultConfig()
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Consume stories from Kafka, enrich them and index them into Elasticsearch",
		Long: `worker joins the consumer group and processes the partitions it is given:
decode, normalise, enrich, bulk-index, then commit the offsets whose stories
Elasticsearch confirmed (or that went to the dead-letter topic). Run one per
partition at most; they share the work. SIGINT/SIGTERM drains and commits
within WARWIRE_SHUTDOWN_TIMEOUT; a second signal exits at once.` + envHelp(&cfg),
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := config.FromEnv(&cfg); err != nil {
				return err
			}
			if err := conn.apply(&cfg.Kafka, &cfg.Elastic); err != nil {
				return err
			}
			if cmd.Flags().Changed("admin-listen") {
				cfg.AdminListen = admin
			}
			if group != "" {
				cfg.Kafka.GroupID = group
			}
			if err := cfg.Validate(); err != nil {
				return err
			}
			log, err := a.logger()
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck // stderr
			w, err := worker.New(cfg, log, telemetry.NewRegistry())
			if err != nil {
				return err
			}
			return w.Run(cmd.Context())
		},
	}
	conn.add(cmd, true, true)
	cmd.Flags().StringVar(&admin, "admin-listen", cfg.AdminListen, "address for /metrics, /healthz and /readyz (empty disables; env WARWIRE_ADMIN_LISTEN)")
	cmd.Flags().StringVar(&group, "group", "", "consumer group (env WARWIRE_KAFKA_GROUP, default warwire-worker)")
	cmd.Flags().DurationVar(&cfg.UntilIdle, "until-idle", 0, "stop once every partition is processed and nothing arrived for this long (e.g. 3s); 0 runs until signalled")
	return cmd
}
