package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/elastic"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/internal/testenv"
	"github.com/warwire/warwire/schemas"
)

// TestSetupIsIdempotent runs the setup logic twice against the real Kafka and
// Elasticsearch under names of its own, then changes the template and checks
// that the difference is reported and left alone.
func TestSetupIsIdempotent(t *testing.T) {
	brokers, esURL := testenv.KafkaBrokers(t), testenv.ElasticURL(t)
	run := strings.ToLower(testenv.Unique("setup"))
	kc, ec := config.DefaultKafka(), config.DefaultElastic()
	kc.Brokers, kc.Topic, kc.DLQTopic = brokers, "wwtest."+run, "wwtest."+run+".dlq"
	ec.URLs, ec.Alias, ec.Index = []string{esURL}, "wwtest-"+run, "wwtest-"+run+"-v1"
	es, err := elastic.NewClient(ec)
	if err != nil {
		t.Fatal(err)
	}
	tpl := retarget(t, schemas.IndexTemplate, "wwtest-"+run+"-*")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	setup := elastic.NewSetup(es, tpl, ec.Index, ec.Alias)
	setup.Name = "wwtest-" + run
	t.Cleanup(func() {
		_ = elastic.DeleteIndex(context.Background(), es, ec.Index)
		r, err := es.Indices.DeleteIndexTemplate(setup.Name)
		if err == nil {
			r.Body.Close()
		}
	})

	first, err := setup.Ensure(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if !first.TemplateCreated || !first.IndexCreated {
		t.Fatalf("first run: %+v, want template and index created", first)
	}
	again, err := setup.Ensure(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if again != (elastic.SetupResult{}) {
		t.Fatalf("second run changed something: %+v", again)
	}
	adm, err := kafka.NewAdmin(kc)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		res, err := adm.EnsureTopics(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Partitions != 6 || res[1].Partitions != 1 || res[0].Created != (i == 0) {
			t.Fatalf("run %d: topics %+v, want 6 and 1 partitions, created only on the first run", i, res)
		}
	}
	info, err := elastic.Describe(ctx, es, ec.Alias)
	if err != nil || len(info.Indices) != 1 || info.Indices[0] != ec.Index {
		t.Fatalf("alias %s -> %v (%v), want %s", ec.Alias, info, err, ec.Index)
	}
	// A template that differs from the binary's is reported, not replaced.
	changed := elastic.NewSetup(es, bytes.Replace(tpl, []byte(`"priority"`), []byte(`"version": 2, "priority"`), 1), ec.Index, ec.Alias)
	changed.Name = setup.Name
	diff, err := changed.Ensure(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if !diff.TemplateDiffers || diff.TemplateUpdated {
		t.Fatalf("changed template: %+v, want reported and not updated", diff)
	}
}

// retarget rewrites the template's index_patterns.
func retarget(t *testing.T, tpl []byte, pattern string) []byte {
	var m map[string]any
	if err := json.Unmarshal(tpl, &m); err != nil {
		t.Fatal(err)
	}
	m["index_patterns"] = []string{pattern}
	m["priority"] = 500
	b, _ := json.Marshal(m)
	return b
}
