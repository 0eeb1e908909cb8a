package main

import (
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/worker"
)

type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Command     []string          `yaml:"command"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
		Healthcheck *struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
}

func loadCompose(t *testing.T) composeFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yml does not parse: %v", err)
	}
	return c
}

func port(t *testing.T, hostport string) string {
	t.Helper()
	if u, err := url.Parse(hostport); err == nil && u.Host != "" {
		hostport = u.Host
	}
	_, p, err := net.SplitHostPort(hostport)
	if err != nil {
		t.Fatalf("%q is not host:port: %v", hostport, err)
	}
	return p
}

// published returns the container ports a service publishes on the host.
func published(ports []string) map[string]bool {
	out := map[string]bool{}
	for _, p := range ports {
		parts := strings.Split(p, ":")
		out[parts[len(parts)-1]] = parts[len(parts)-2] == parts[len(parts)-1]
	}
	return out
}

func TestComposeMatchesTheCode(t *testing.T) {
	c := loadCompose(t)
	known := map[string]bool{}
	for _, v := range allVars() {
		known[v.Name] = true
	}
	subcommands := map[string]bool{}
	for _, sc := range newRoot(&app{}).Commands() {
		subcommands[sc.Name()] = true
	}
	for _, name := range []string{"kafka", "elasticsearch", "setup", "worker", "ingest", "serve"} {
		if _, ok := c.Services[name]; !ok {
			t.Errorf("service %s is missing", name)
		}
	}
	for name, s := range c.Services {
		for k := range s.Environment {
			if strings.HasPrefix(k, "WARWIRE_") && !known[k] {
				t.Errorf("service %s sets %s, which no component reads", name, k)
			}
		}
		if s.Image == "warwire:local" {
			if len(s.Command) == 0 || !subcommands[s.Command[0]] {
				t.Errorf("service %s runs %v, not a warwire subcommand", name, s.Command)
			}
		}
		if s.Healthcheck == nil && name != "setup" && name != "ingest-files" {
			t.Errorf("long-running service %s has no healthcheck", name)
		}
	}
	checkPorts(t, c)
	checkHealthchecks(t, c)
}

// checkHealthchecks: a warwire healthcheck must probe an address the service
// listens on, per its WARWIRE_*_LISTEN variables or --listen flag.
func checkHealthchecks(t *testing.T, c composeFile) {
	for name, s := range c.Services {
		if s.Image != "warwire:local" || s.Healthcheck == nil {
			continue
		}
		test := s.Healthcheck.Test
		target := test[len(test)-1]
		listening := map[string]bool{}
		for k, v := range s.Environment {
			if strings.HasSuffix(k, "_LISTEN") {
				listening[port(t, v)] = true
			}
		}
		for i, arg := range s.Command {
			if arg == "--listen" && i+1 < len(s.Command) {
				listening[port(t, s.Command[i+1])] = true
			}
		}
		if !listening[port(t, target)] {
			t.Errorf("service %s's healthcheck probes %s, a port it does not listen on (%v)", name, target, listening)
		}
	}
}

func checkPorts(t *testing.T, c composeFile) {
	want := map[string]string{
		"kafka":         port(t, config.DefaultKafka().Brokers[0]),
		"elasticsearch": port(t, config.DefaultElastic().URLs[0]),
		"worker":        port(t, worker.DefaultConfig().AdminListen),
		"serve":         port(t, config.DefaultServe().Listen),
	}
	for svc, p := range want {
		same, ok := published(c.Services[svc].Ports)[p]
		if !ok || !same {
			t.Errorf("service %s must publish port %s on the same host port (the local stack's), has %v", svc, p, c.Services[svc].Ports)
		}
	}
	env := c.Services["worker"].Environment
	if port(t, env["WARWIRE_ADMIN_LISTEN"]) != want["worker"] {
		t.Errorf("worker listens on %s but publishes %s", env["WARWIRE_ADMIN_LISTEN"], want["worker"])
	}
	if port(t, c.Services["serve"].Environment["WARWIRE_SERVE_LISTEN"]) != want["serve"] {
		t.Error("serve's WARWIRE_SERVE_LISTEN port differs from the published one")
	}
	for _, svc := range []string{"worker", "serve", "setup", "ingest"} {
		e := c.Services[svc].Environment
		if e["WARWIRE_KAFKA_BROKERS"] == "" || e["WARWIRE_ES_URL"] == "" {
			t.Errorf("service %s does not say where Kafka and Elasticsearch are", svc)
		}
		if port(t, e["WARWIRE_ES_URL"]) != want["elasticsearch"] {
			t.Errorf("service %s points at Elasticsearch port %s", svc, port(t, e["WARWIRE_ES_URL"]))
		}
	}
}
