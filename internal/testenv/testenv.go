// Package testenv gives integration tests the addresses of the real Kafka and
// Elasticsearch. When CI=true or WARWIRE_INTEGRATION=1 an unreachable service
// fails the test; otherwise (a quick `go test` on a laptop) it skips it.
package testenv

import (
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// Required reports whether integration tests must run (CI or make test).
func Required() bool {
	return os.Getenv("CI") == "true" || os.Getenv("WARWIRE_INTEGRATION") == "1"
}

// KafkaBrokers returns the brokers from WARWIRE_KAFKA_BROKERS (default
// 127.0.0.1:9092) after checking the first answers on TCP.
func KafkaBrokers(t testing.TB) []string {
	t.Helper()
	brokers := []string{"127.0.0.1:9092"}
	if v := os.Getenv("WARWIRE_KAFKA_BROKERS"); v != "" {
		brokers = strings.Split(v, ",")
	}
	conn, err := net.DialTimeout("tcp", brokers[0], 3*time.Second)
	if err != nil {
		unreachable(t, "Kafka", brokers[0], err)
		return nil
	}
	_ = conn.Close()
	return brokers
}

// ElasticURL returns WARWIRE_ES_URL (default http://127.0.0.1:9200) after
// checking that Elasticsearch answers.
func ElasticURL(t testing.TB) string {
	t.Helper()
	u := "http://127.0.0.1:9200"
	if v := os.Getenv("WARWIRE_ES_URL"); v != "" {
		u = strings.Split(v, ",")[0]
	}
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(u)
	if err != nil {
		unreachable(t, "Elasticsearch", u, err)
		return ""
	}
	_ = resp.Body.Close()
	return u
}

func unreachable(t testing.TB, what, addr string, err error) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is unreachable at %s (integration tests are required here; start it with `make stack-up`): %v", what, addr, err)
	}
	t.Skipf("%s is unreachable at %s; set WARWIRE_INTEGRATION=1 or run `make test` to require it: %v", what, addr, err)
}

// Unique returns a name unique to this test run, for topics, groups and
// indices: prefix-<unix nanos>.
func Unique(prefix string) string {
	return prefix + "-" + strings.ReplaceAll(time.Now().UTC().Format("150405.000000000"), ".", "")
}
