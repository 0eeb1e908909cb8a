package main

import (
	"context"
	"fmt"
	"net"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/search"
	"github.com/warwire/warwire/internal/telemetry"
)

func init() { register(newServeCmd) }

func newServeCmd(a *app) *cobra.Command {
	var conn connFlags
	var listen, admin string
	ec, sc, vc := config.DefaultElastic(), config.DefaultSearch(), config.DefaultServe()
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the search API and web UI over the stories index",
		Long: `serve answers the JSON API (/api/v1/search, /api/v1/facets, /api/v1/export,
/api/v1/stories/{id}; described at /api/openapi.json) and the web UI at /,
reading the alias warwire-stories. Everything the page needs is inside the
binary. Set WARWIRE_SERVE_TOKEN to require a bearer token on the API.` + envHelp(&ec, &sc, &vc),
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := loadSearchConfig(&conn, &ec, &sc); err != nil {
				return err
			}
			if err := config.FromEnv(&vc); err != nil {
				return err
			}
			if cmd.Flags().Changed("listen") {
				vc.Listen = listen
			}
			if cmd.Flags().Changed("admin-listen") {
				vc.AdminListen = admin
			}
			if err := vc.Validate(); err != nil {
				return err
			}
			return runServe(cmd.Context(), a, ec, sc, vc)
		},
	}
	conn.add(cmd, false, true)
	cmd.Flags().StringVar(&listen, "listen", vc.Listen, "address of the API and web UI (env WARWIRE_SERVE_LISTEN)")
	cmd.Flags().StringVar(&admin, "admin-listen", vc.AdminListen, "address of /metrics, /healthz, /readyz; empty disables (env WARWIRE_SERVE_ADMIN_LISTEN)")
	return cmd
}

// loadSearchConfig applies the environment and flags to the Elasticsearch and
// search configuration and validates both.
func loadSearchConfig(conn *connFlags, ec *config.Elastic, sc *config.Search) error {
	if err := conn.apply(nil, ec); err != nil {
		return err
	}
	if err := config.FromEnv(sc); err != nil {
		return err
	}
	return sc.Validate()
}

func runServe(ctx context.Context, a *app, ec config.Elastic, sc config.Search, vc config.Serve) error {
	log, err := a.logger()
	if err != nil {
		return err
	}
	defer log.Sync() //nolint:errcheck // stderr
	es, err := elastic.NewClient(ec)
	if err != nil {
		return err
	}
	s, err := search.New(es, ec.Alias, sc, log)
	if err != nil {
		return err
	}
	reg := telemetry.NewRegistry()
	srv, err := search.NewServer(s, vc, log, reg)
	if err != nil {
		return err
	}
	if vc.AdminListen != "" {
		adm := telemetry.NewAdmin(vc.AdminListen, reg, log)
		adm.AddCheck("elasticsearch", func(ctx context.Context) error { return elastic.Ping(ctx, es) })
		if err := adm.Start(); err != nil {
			return err
		}
		defer func() { _ = adm.Close(context.Background()) }()
	}
	ln, err := net.Listen("tcp", vc.Listen)
	if err != nil {
		return fmt.Errorf("failed to listen on %s: %w", vc.Listen, err)
	}
	log.Info("serving search", zap.String("addr", "http://"+ln.Addr().String()+"/"), zap.String("alias", ec.Alias))
	fmt.Fprintf(a.stderr, "warwire: search UI at http://%s/\n", ln.Addr())
	return srv.Run(ctx, ln)
}
