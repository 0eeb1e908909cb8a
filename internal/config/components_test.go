package config

import (
	"errors"
	"strings"
	"testing"
)

func env(m map[string]string) LookupFunc {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestEnvOverridesDefaults(t *testing.T) {
	k := DefaultKafka()
	err := Apply(&k, env(map[string]string{
		"WARWIRE_KAFKA_BROKERS": " a:1, b:2 ,", "WARWIRE_KAFKA_PARTITIONS": "12",
		"WARWIRE_KAFKA_TLS": "true", "WARWIRE_KAFKA_DIAL_TIMEOUT": "3s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(k.Brokers, "|") != "a:1|b:2" || k.Partitions != 12 || !k.TLS || k.DialTimeout.String() != "3s" {
		t.Fatalf("overrides not applied: %+v", k)
	}
}

// Each bad value must give an error that names its variable.
func TestEachBadValueNamesItsVariable(t *testing.T) {
	cases := []struct {
		v, val string
	}{
		{"WARWIRE_KAFKA_BROKERS", "no-port"},
		{"WARWIRE_KAFKA_BROKERS", ""},
		{"WARWIRE_KAFKA_TOPIC", " "},
		{"WARWIRE_KAFKA_DLQ_TOPIC", "warwire.stories"},
		{"WARWIRE_KAFKA_PARTITIONS", "0"},
		{"WARWIRE_KAFKA_PARTITIONS", "six"},
		{"WARWIRE_KAFKA_REPLICATION", "0"},
		{"WARWIRE_KAFKA_GROUP", ""},
		{"WARWIRE_KAFKA_TLS", "maybe"},
		{"WARWIRE_KAFKA_TLS_CA", "/nonexistent/ca.pem"},
		{"WARWIRE_KAFKA_SASL_MECHANISM", "GSSAPI"},
		{"WARWIRE_KAFKA_DIAL_TIMEOUT", "soon"},
		{"WARWIRE_KAFKA_DIAL_TIMEOUT", "-1s"},
		{"WARWIRE_ES_URL", "ftp://host"},
		{"WARWIRE_ES_URL", "http://"},
		{"WARWIRE_ES_ALIAS", ""},
		{"WARWIRE_ES_INDEX", "warwire-stories"},
		{"WARWIRE_ES_SHARDS", "0"},
		{"WARWIRE_ES_REPLICAS", "-1"},
		{"WARWIRE_ES_TIMEOUT", "0s"},
		{"WARWIRE_ES_CA_CERT", "/nonexistent/ca.pem"},
		{"WARWIRE_LOG_LEVEL", "loud"},
		{"WARWIRE_LOG_FORMAT", "xml"},
	}
	for _, c := range cases {
		t.Run(c.v+"="+c.val, func(t *testing.T) {
			err := loadAll(map[string]string{c.v: c.val})
			if err == nil {
				t.Fatalf("%s=%q accepted", c.v, c.val)
			}
			var ce *Error
			if !errors.As(err, &ce) || ce.Var != c.v {
				t.Fatalf("error %q does not name %s", err, c.v)
			}
		})
	}
}

func TestCombinationsAreChecked(t *testing.T) {
	for name, m := range map[string]map[string]string{
		"WARWIRE_KAFKA_SASL_USERNAME": {"WARWIRE_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512", "WARWIRE_KAFKA_SASL_USERNAME": "u"},
		"WARWIRE_ES_API_KEY":          {"WARWIRE_ES_API_KEY": "k", "WARWIRE_ES_USERNAME": "u", "WARWIRE_ES_PASSWORD": "p"},
		"WARWIRE_ES_PASSWORD":         {"WARWIRE_ES_USERNAME": "u"},
	} {
		err := loadAll(m)
		var ce *Error
		if !errors.As(err, &ce) || ce.Var != name {
			t.Errorf("%v: got %v, want an error naming %s", m, err, name)
		}
	}
	if err := loadAll(map[string]string{"WARWIRE_KAFKA_SASL_MECHANISM": "SCRAM-SHA-256",
		"WARWIRE_KAFKA_SASL_USERNAME": "u", "WARWIRE_KAFKA_SASL_PASSWORD": "p"}); err != nil {
		t.Errorf("valid SCRAM settings rejected: %v", err)
	}
}

func TestSecretsNeverInErrorsOrDefaults(t *testing.T) {
	type withSecret struct {
		Token int `env:"WARWIRE_TEST_TOKEN" secret:"true"`
	}
	var s withSecret
	err := Apply(&s, env(map[string]string{"WARWIRE_TEST_TOKEN": "hunter2-not-a-number"}))
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error %v leaks the secret", err)
	}
	e := DefaultElastic()
	e.Password = "hunter2"
	for _, v := range Vars(&e) {
		if strings.Contains(v.Default, "hunter2") {
			t.Fatalf("Vars shows the secret of %s", v.Name)
		}
	}
}

func loadAll(m map[string]string) error {
	k, e, l := DefaultKafka(), DefaultElastic(), DefaultLog()
	for _, c := range []interface {
		Validate() error
	}{&k, &e, &l} {
		if err := Apply(c, env(m)); err != nil {
			return err
		}
	}
	if err := k.Validate(); err != nil {
		return err
	}
	if err := e.Validate(); err != nil {
		return err
	}
	return l.Validate()
}
