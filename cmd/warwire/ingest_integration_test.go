package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	kgo "github.com/segmentio/kafka-go"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/kafka"
	"github.com/warwire/warwire/internal/testenv"
)

func TestIngestFilesReportsBadLinesAndSendsTheRest(t *testing.T) {
	brokers := testenv.KafkaBrokers(t)
	topic := "wwtest." + strings.ToLower(testenv.Unique("ingest"))
	kc := config.DefaultKafka()
	kc.Brokers, kc.Topic, kc.DLQTopic, kc.Partitions = brokers, topic, topic+".dlq", 1
	adm, err := kafka.NewAdmin(kc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := adm.EnsureTopics(context.Background()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "in.jsonl")
	lines := []string{
		`{"uri":"urn:a","headline":"A"}`,
		`not json`,
		``,
		`{"headline":"no uri"}`,
		`{"uri":"urn:b","headline":"B"}`,
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("WARWIRE_KAFKA_BROKERS", strings.Join(brokers, ","))
	t.Setenv("WARWIRE_KAFKA_TOPIC", topic)
	var out, errb bytes.Buffer
	code := run([]string{"ingest", file}, strings.NewReader(""), &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (bad lines); stderr %s", code, errb.String())
	}
	for _, want := range []string{file + ":2: not a JSON object", file + ":4: missing or empty \"uri\""} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	if !strings.Contains(out.String(), "2 stories sent") || !strings.Contains(out.String(), "2 bad line(s)") {
		t.Errorf("summary %q", out.String())
	}
	r := kgo.NewReader(kgo.ReaderConfig{Brokers: brokers, Topic: topic, Partition: 0, MaxWait: 100 * time.Millisecond})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, key := range []string{"urn:a", "urn:b"} {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			t.Fatalf("reading %s: %v", key, err)
		}
		if string(m.Key) != key {
			t.Errorf("message key %q, want %q", m.Key, key)
		}
	}
}
