package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/warwire/warwire/internal/config"
)

// connFlags are the connection flags shared by commands that talk to Kafka or
// Elasticsearch. A flag that is set wins over its WARWIRE_* variable.
type connFlags struct {
	brokers string
	esURL   string
}

func (f *connFlags) add(cmd *cobra.Command, kafka, es bool) {
	if kafka {
		cmd.Flags().StringVar(&f.brokers, "brokers", "", "Kafka bootstrap brokers, comma-separated (env WARWIRE_KAFKA_BROKERS, default 127.0.0.1:9092)")
	}
	if es {
		cmd.Flags().StringVar(&f.esURL, "es-url", "", "Elasticsearch URL(s), comma-separated (env WARWIRE_ES_URL, default http://127.0.0.1:9200)")
	}
}

// apply loads the environment into k and e (either may be nil), then the flags.
func (f *connFlags) apply(k *config.Kafka, e *config.Elastic) error {
	if k != nil {
		if err := config.FromEnv(k); err != nil {
			return err
		}
		if f.brokers != "" {
			k.Brokers = config.SplitList(f.brokers)
		}
		if err := k.Validate(); err != nil {
			return flagNamed(err, "WARWIRE_KAFKA_BROKERS", "--brokers", f.brokers != "")
		}
	}
	if e != nil {
		if err := config.FromEnv(e); err != nil {
			return err
		}
		if f.esURL != "" {
			e.URLs = config.SplitList(f.esURL)
		}
		if err := e.Validate(); err != nil {
			return flagNamed(err, "WARWIRE_ES_URL", "--es-url", f.esURL != "")
		}
	}
	return nil
}

// flagNamed renames a config error to the flag when the flag supplied it.
func flagNamed(err error, envVar, flag string, fromFlag bool) error {
	if ce, ok := err.(*config.Error); ok && fromFlag && ce.Var == envVar {
		return &config.Error{Var: flag, Msg: ce.Msg}
	}
	return err
}

// envHelp lists the variables of a config struct for a command's help.
func envHelp(cfgs ...any) string {
	var b strings.Builder
	b.WriteString("\n\nEnvironment (flags win over variables):\n")
	for _, c := range cfgs {
		for _, v := range config.Vars(c) {
			b.WriteString("  " + v.Name)
			if v.Default != "" {
				b.WriteString(" (default " + v.Default + ")")
			}
			b.WriteString("\n      " + v.Doc + "\n")
		}
	}
	return b.String()
}
