package main

import (
	"bytes"
	"github.com/spf13/pflag"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		args []string
		code int
		msg  string
	}{
		{"help", nil, []string{"--help"}, 0, ""},
		{"unknown flag", nil, []string{"worker", "--bogus"}, 2, "unknown flag"},
		{"unknown command", nil, []string{"frobnicate"}, 2, "unknown command"},
		{"bad env", map[string]string{"WARWIRE_ES_URL": "ftp://x"}, []string{"status"}, 2, "WARWIRE_ES_URL"},
		{"bad flag value", nil, []string{"status", "--brokers", "nohost"}, 2, "--brokers"},
		{"bad log level", map[string]string{"WARWIRE_LOG_LEVEL": "loud"}, []string{"status"}, 2, "WARWIRE_LOG_LEVEL"},
		{"ingest without input", nil, []string{"ingest"}, 2, "FILE"},
		{"status with nothing listening", map[string]string{"WARWIRE_KAFKA_BROKERS": "127.0.0.1:1", "WARWIRE_ES_URL": "http://127.0.0.1:1"}, []string{"status"}, 1, "DOWN"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			var out, errb bytes.Buffer
			code := run(c.args, strings.NewReader(""), &out, &errb)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.code, errb.String())
			}
			if c.msg != "" && !strings.Contains(out.String()+errb.String(), c.msg) {
				t.Fatalf("output does not mention %q:\n%s%s", c.msg, out.String(), errb.String())
			}
		})
	}
}

func TestEveryCommandExplainsItsFlags(t *testing.T) {
	root := newRoot(&app{})
	for _, c := range root.Commands() {
		if c.Short == "" {
			t.Errorf("%s has no description", c.Name())
		}
		c.Flags().VisitAll(func(f *flagT) {
			if strings.TrimSpace(f.Usage) == "" {
				t.Errorf("%s --%s has no help text", c.Name(), f.Name)
			}
		})
	}
}

type flagT = pflag.Flag
